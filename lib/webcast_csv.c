/* webcast_csv.c - RFC 4180 CSV, read into rows of fields.
 *
 * One pass over the bytes; a quoted field is measured first and then
 * copied with its doubled quotes undone, so memory is what the fields
 * hold, whatever the input. Line numbers count CRLF, LF and CR alike,
 * inside quotes too, so "line 7" is the line an editor shows.
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_csv.h"

#define BOM "\xef\xbb\xbf"

typedef struct {
    apr_pool_t *p;
    const char *s, *end;
    int line;
} csv_t;

static int at_eol(const csv_t *c)
{
    return c->s < c->end && (*c->s == '\n' || *c->s == '\r');
}

/* Past one line break (CRLF, LF or CR) at c->s. */
static void skip_eol(csv_t *c)
{
    if (*c->s == '\r' && c->s + 1 < c->end && c->s[1] == '\n') {
        c->s++;
    }
    c->s++;
    c->line++;
}

static const char *problem(const csv_t *c, const char *what)
{
    return apr_psprintf(c->p, "line %d: %s", c->line, what);
}

/* A field in quotes, c->s just past the opening one. */
static const char *quoted(csv_t *c, const char **out)
{
    const char *q = c->s;
    apr_size_t n = 0;
    int start = c->line;
    char *o;

    for (;;) {                          /* measure it */
        if (q == c->end) {
            c->line = start;
            return problem(c, "a quoted field is never closed: a \" is "
                              "missing (or a quote inside it is not "
                              "written twice, \"\")");
        }
        if (*q == '"') {
            if (q + 1 < c->end && q[1] == '"') {
                q++;
            }
            else {
                break;
            }
        }
        q++;
        n++;
    }
    *out = o = apr_palloc(c->p, n + 1);
    while (c->s < q) {                  /* copy it */
        if (*c->s == '"') {
            c->s++;
        }
        else if (*c->s == '\n' || (*c->s == '\r' && (c->s + 1 == q
                                                     || c->s[1] != '\n'))) {
            c->line++;
        }
        *o++ = *c->s++;
    }
    *o = '\0';
    c->s = q + 1;                       /* past the closing quote */
    if (c->s < c->end && *c->s != ',' && !at_eol(c)) {
        return problem(c, "text after a closing quote: a field in quotes "
                          "must end at its quote (write a quote inside "
                          "it twice, \"\")");
    }
    return NULL;
}

static const char *unquoted(csv_t *c, const char **out)
{
    const char *from = c->s;

    while (c->s < c->end && *c->s != ',' && !at_eol(c)) {
        if (*c->s == '"') {
            return problem(c, "a quote inside a field that does not start "
                              "with one: put the whole field in quotes and "
                              "write the quote twice (\"12\"\" screen\")");
        }
        c->s++;
    }
    *out = apr_pstrndup(c->p, from, c->s - from);
    return NULL;
}

/* One record from c->s to its line break (or the end). */
static const char *record(csv_t *c, const webcast_csv_limits *lim,
                          webcast_csv_row **out)
{
    webcast_csv_row *row = apr_pcalloc(c->p, sizeof(*row));
    apr_array_header_t *fields = apr_array_make(c->p, 16, sizeof(char *));
    const char *err;

    row->line = c->line;
    for (;;) {
        if (fields->nelts == lim->max_fields) {
            return problem(c, apr_psprintf(c->p, "more than %d fields",
                                           lim->max_fields));
        }
        err = c->s < c->end && *c->s == '"'
              ? (c->s++, quoted(c, (const char **)apr_array_push(fields)))
              : unquoted(c, (const char **)apr_array_push(fields));
        if (err != NULL) {
            return err;
        }
        if (c->s == c->end || at_eol(c)) {
            break;
        }
        c->s++;                         /* the comma */
    }
    if (c->s < c->end) {
        skip_eol(c);
    }
    row->nfields = fields->nelts;
    row->field = (const char **)fields->elts;
    *out = row;
    return NULL;
}

const char *webcast_csv_parse(apr_pool_t *p, const char *data, apr_size_t len,
                              const webcast_csv_limits *limits,
                              apr_array_header_t **rows)
{
    csv_t c;
    const char *nul, *err;
    webcast_csv_row *row = NULL;

    *rows = apr_array_make(p, 32, sizeof(webcast_csv_row *));
    c.p = p;
    c.s = data;
    c.end = data + len;
    c.line = 1;
    if (len > limits->max_bytes) {
        return apr_psprintf(p, "it is %lu bytes long; the most is %lu",
                            (unsigned long)len,
                            (unsigned long)limits->max_bytes);
    }
    if ((nul = memchr(data, '\0', len)) != NULL) {
        for (; c.s < nul; c.s++) {
            c.line += *c.s == '\n' || (*c.s == '\r' && c.s[1] != '\n');
        }
        return problem(&c, "a NUL byte: this is not CSV text (a "
                           "spreadsheet file, or text saved as UTF-16? "
                           "Save it as \"CSV UTF-8\")");
    }
    if (len >= 3 && memcmp(data, BOM, 3) == 0) {
        c.s += 3;
    }
    while (c.s < c.end) {
        if (at_eol(&c)) {               /* an empty line */
            skip_eol(&c);
            continue;
        }
        if ((*rows)->nelts > limits->max_rows) {
            return problem(&c, apr_psprintf(p, "more than %d rows after "
                                            "the header: import at most %d "
                                            "at a time", limits->max_rows,
                                            limits->max_rows));
        }
        if ((err = record(&c, limits, &row)) != NULL) {
            return err;
        }
        APR_ARRAY_PUSH(*rows, webcast_csv_row *) = row;
    }
    return NULL;
}
