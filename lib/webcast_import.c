/* webcast_import.c - a CSV or frab schedule into checked presentations.
 *
 * The formats are read by webcast_csv.c and webcast_frab.c; here each
 * row becomes what the "New presentation" form would have posted, with
 * what that form starts with where the file says nothing (Upcoming,
 * Follow the schedule, the import's Webcast choice), and is checked by
 * webcast_form_parse(). Each message of the form is kept, prefixed by
 * the row's line and the column (CSV) or element (XML) it came from.
 */
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_csv.h"
#include "webcast_frab.h"
#include "webcast_html.h"
#include "webcast_import.h"

#define NAME_SHOWN 60               /* characters of a header quoted back */

/* ---- shared by both formats ---- */

static webcast_import_row *row_new(apr_pool_t *p, int line)
{
    webcast_import_row *row = apr_pcalloc(p, sizeof(*row));

    row->line = line;
    row->problems = apr_array_make(p, 2, sizeof(const char *));
    return row;
}

static void problem(apr_pool_t *p, webcast_import_row *row,
                    const char *where, const char *msg)
{
    APR_ARRAY_PUSH(row->problems, const char *) = where
        ? apr_psprintf(p, "line %d, %s: %s", row->line, where, msg)
        : apr_psprintf(p, "line %d: %s", row->line, msg);
}

/* The fields a new presentation starts with, as the admin's blank form
 * has them, and the workshop. */
static apr_table_t *blank(apr_pool_t *p, apr_uint32_t workshop_id,
                          const char *has_webcast)
{
    apr_table_t *in = apr_table_make(p, PF_COUNT);

    apr_table_set(in, "workshop_id", apr_psprintf(p, "%u",
                                                  (unsigned)workshop_id));
    apr_table_set(in, "has_webcast", has_webcast);
    apr_table_set(in, "webcast_state", "upcoming");
    apr_table_set(in, "webcast_auto", "1");
    return in;
}

/* The form's verdict on a row's texts; where[i] names field i in the
 * file (NULL: the field's own name). Fields in `said` already have their
 * problem named. */
static void check(apr_pool_t *p, const webcast_tz *tz,
                  webcast_import_row *row, apr_table_t *in,
                  const char *const *where, const int *said)
{
    int n, i;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);

    row->form = webcast_form_parse(p, WEBCAST_PRESENTATION, tz, in);
    for (i = 0; i < n; i++) {
        if (row->form->error[i] && !(said && said[i])) {
            problem(p, row, where && where[i] ? where[i] : f[i].name,
                    row->form->error[i]);
        }
    }
    row->rec = webcast_record_new(p, WEBCAST_PRESENTATION);
    memcpy(row->rec->value, row->form->value, n * sizeof(const char *));
    /* as when saved from the form: a state other than Upcoming is one
     * chosen by hand, and does not follow the schedule */
    webcast_record_manual_wins(row->rec, "upcoming");
}

static webcast_import *finish(webcast_import *im)
{
    int i;

    for (i = 0; i < im->rows->nelts; i++) {
        im->nbad += APR_ARRAY_IDX(im->rows, i,
                                  webcast_import_row *)->problems->nelts > 0;
    }
    return im;
}

/* At most NAME_SHOWN characters of s, for quoting it in a message. */
static const char *shorten(apr_pool_t *p, const char *s)
{
    apr_size_t n = 0, len;
    int chars = 0;

    while (s[n] && chars < NAME_SHOWN) {
        len = webcast_utf8_len(s + n);
        n += len ? len : 1;
        chars++;
    }
    return s[n] ? apr_pstrcat(p, apr_pstrndup(p, s, n), "\u2026", NULL) : s;
}

const char *webcast_import_columns(apr_pool_t *p)
{
    int n, i;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);
    const char *all = f[PF_TITLE].name;

    for (i = PF_TITLE + 1; i < n; i++) {
        all = apr_pstrcat(p, all, ", ", f[i].name, NULL);
    }
    return all;
}

/* ---- CSV ---- */

/* The presentation field a header names (any case), or -1. The
 * workshop is the one imported into, never a column. */
static int column_of(const char *name)
{
    int n, i;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);

    for (i = PF_TITLE; i < n; i++) {
        if (strcasecmp(f[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}

/* col[j]: the field of the header's column j. */
static const char *read_header(apr_pool_t *p, const webcast_csv_row *h,
                               int *col)
{
    static const int required[] = { PF_TITLE, PF_STARTS_AT, PF_ENDS_AT };
    int seen[PF_COUNT] = { 0 }, n, j;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);

    for (j = 0; j < h->nfields; j++) {
        const char *name = webcast_trim(p, h->field[j]);

        if (*name == '\0') {
            return apr_psprintf(p, "line %d: column %d has no name: the "
                                "first line names the columns, from %s",
                                h->line, j + 1, webcast_import_columns(p));
        }
        if ((col[j] = column_of(name)) < 0) {
            return apr_psprintf(p, "line %d: unknown column \"%s\": the "
                                "columns are %s", h->line, shorten(p, name),
                                webcast_import_columns(p));
        }
        if (seen[col[j]]++) {
            return apr_psprintf(p, "line %d: the column \"%s\" is named "
                                "twice", h->line, f[col[j]].name);
        }
    }
    for (j = 0; j < (int)(sizeof(required) / sizeof(required[0])); j++) {
        if (!seen[required[j]]) {
            return apr_psprintf(p, "line %d: no \"%s\" column: every "
                                "presentation needs its %s", h->line,
                                f[required[j]].name,
                                required[j] == PF_TITLE ? "title"
                                : required[j] == PF_STARTS_AT ? "start"
                                : "end");
        }
    }
    return NULL;
}

/* A yes/no cell as the form's checkbox posts it: "1", "0", or NULL when
 * it is neither. */
static const char *flag_of(const char *s)
{
    static const char *const yes[] = { "1", "yes", "y", "true" };
    static const char *const no[] = { "0", "no", "n", "false" };
    int i;

    for (i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            return "1";
        }
        if (strcasecmp(s, no[i]) == 0) {
            return "0";
        }
    }
    return NULL;
}

static int blank_row(apr_pool_t *p, const webcast_csv_row *r)
{
    int j;

    for (j = 0; j < r->nfields; j++) {
        if (*webcast_trim(p, r->field[j])) {
            return 0;
        }
    }
    return 1;
}

static webcast_import_row *csv_row(apr_pool_t *p, const webcast_tz *tz,
                                   apr_table_t *in,
                                   const webcast_csv_row *h, const int *col,
                                   const webcast_csv_row *r)
{
    webcast_import_row *row = row_new(p, r->line);
    int n, j;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);

    if (r->nfields != h->nfields) {
        problem(p, row, NULL, apr_psprintf(p, "%d fields, but line %d names "
                "%d columns (a field holding a comma needs quotes around "
                "it)", r->nfields, h->line, h->nfields));
    }
    for (j = 0; j < r->nfields && j < h->nfields; j++) {
        const webcast_field *fc = &f[col[j]];
        char *cell = webcast_trim(p, r->field[j]);
        const char *v = cell;

        if (*cell == '\0' && apr_table_get(in, fc->name)) {
            continue;                   /* empty: what a new form has */
        }
        if (fc->type == WEBCAST_FIELD_BOOL
            && (v = flag_of(cell)) == NULL) {
            problem(p, row, fc->name, apr_psprintf(p, "\"%s\" is not 1 or "
                                                   "0 (yes or no).",
                                                   shorten(p, cell)));
            continue;
        }
        if (fc->type == WEBCAST_FIELD_STATE) {
            for (v = cell; *cell; cell++) {
                *cell = (char)apr_tolower(*cell);
            }
        }
        apr_table_set(in, fc->name, v);
    }
    check(p, tz, row, in, NULL, NULL);
    return row;
}

static webcast_import *read_csv(apr_pool_t *p, const webcast_tz *tz,
                                apr_uint32_t workshop_id,
                                const char *has_webcast, const char *data,
                                apr_size_t len)
{
    webcast_import *im = apr_pcalloc(p, sizeof(*im));
    webcast_csv_limits lim = { WEBCAST_IMPORT_MAX_BYTES,
                               WEBCAST_IMPORT_MAX_ROWS,
                               WEBCAST_IMPORT_MAX_COLUMNS };
    apr_array_header_t *rows;
    const webcast_csv_row *h;
    int *col, i;

    im->format = WEBCAST_IMPORT_CSV;
    im->rows = apr_array_make(p, 32, sizeof(webcast_import_row *));
    if ((im->error = webcast_csv_parse(p, data, len, &lim, &rows)) != NULL) {
        return im;
    }
    if (rows->nelts == 0) {
        im->error = apr_psprintf(p, "it is empty: its first line names the "
                                 "columns, e.g. title,speaker_name,"
                                 "starts_at,ends_at");
        return im;
    }
    h = APR_ARRAY_IDX(rows, 0, webcast_csv_row *);
    col = apr_palloc(p, h->nfields * sizeof(int));
    if ((im->error = read_header(p, h, col)) != NULL) {
        return im;
    }
    for (i = 1; i < rows->nelts; i++) {
        const webcast_csv_row *r = APR_ARRAY_IDX(rows, i, webcast_csv_row *);
        if (!blank_row(p, r)) {
            APR_ARRAY_PUSH(im->rows, webcast_import_row *) = csv_row(
                p, tz, blank(p, workshop_id, has_webcast), h, col, r);
        }
    }
    if (im->rows->nelts == 0) {
        im->error = "it names the columns but holds no presentation: one "
                    "row per presentation follows the first line";
    }
    return finish(im);
}

/* ---- frab / pretalx schedule.xml ---- */

static const char *utc_value(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    apr_time_exp_gmt(&tm, t);
    return apr_psprintf(p, "%04d-%02d-%02d %02d:%02d:%02d",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static webcast_import_row *frab_row(apr_pool_t *p, const webcast_tz *tz,
                                    apr_table_t *in,
                                    const webcast_frab_event *ev)
{
    webcast_import_row *row = row_new(p, ev->line);
    const char *where[PF_COUNT] = { NULL };
    int said[PF_COUNT] = { 0 }, n;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);
    const char *start = NULL, *end = NULL;
    int from_abstract = ev->abstract && *ev->abstract;

    where[PF_TITLE] = "<title>";
    where[PF_SPEAKER_NAME] = "<persons>";
    where[PF_SUMMARY] = from_abstract ? "<abstract>" : "<description>";
    where[PF_STARTS_AT] = "<date>";
    where[PF_ENDS_AT] = "<duration>";
    apr_table_set(in, "title", ev->title ? ev->title : "");
    apr_table_set(in, "speaker_name", ev->persons ? ev->persons : "");
    apr_table_set(in, "summary", from_abstract ? ev->abstract
                                 : ev->description ? ev->description : "");
    if (ev->optout) {
        apr_table_set(in, "has_webcast", "0");  /* no recording wanted */
    }
    if (ev->problem) {
        problem(p, row, NULL, ev->problem);
        said[PF_STARTS_AT] = said[PF_ENDS_AT] = 1;
    }
    else {
        /* typed as the form takes them: the local time in tz */
        start = utc_value(p, ev->start);
        end = utc_value(p, ev->start + ev->length);
        apr_table_set(in, "starts_at", webcast_value_for_form(
            p, tz, &f[PF_STARTS_AT], start));
        apr_table_set(in, "ends_at", webcast_value_for_form(
            p, tz, &f[PF_ENDS_AT], end));
    }
    check(p, tz, row, in, where, said);
    if (start && !row->form->error[PF_STARTS_AT]
        && !row->form->error[PF_ENDS_AT]) {
        /* the file's own instants: a local time in the hour the clocks
         * repeat in autumn would otherwise be read as its first pass */
        row->rec->value[PF_STARTS_AT] = row->form->value[PF_STARTS_AT] =
            start;
        row->rec->value[PF_ENDS_AT] = row->form->value[PF_ENDS_AT] = end;
    }
    return row;
}

static webcast_import *read_frab(apr_pool_t *p, const webcast_tz *tz,
                                 apr_uint32_t workshop_id,
                                 const char *has_webcast, const char *data,
                                 apr_size_t len)
{
    webcast_import *im = apr_pcalloc(p, sizeof(*im));
    apr_array_header_t *events;
    int i;

    im->format = WEBCAST_IMPORT_FRAB;
    im->rows = apr_array_make(p, 32, sizeof(webcast_import_row *));
    im->error = webcast_frab_parse(p, data, len, WEBCAST_IMPORT_MAX_BYTES,
                                   WEBCAST_IMPORT_MAX_ROWS, &events);
    if (im->error == NULL && events->nelts == 0) {
        im->error = "the schedule holds no <event> (in <day><room>)";
    }
    if (im->error) {
        return im;
    }
    for (i = 0; i < events->nelts; i++) {
        APR_ARRAY_PUSH(im->rows, webcast_import_row *) = frab_row(
            p, tz, blank(p, workshop_id, has_webcast),
            APR_ARRAY_IDX(events, i, webcast_frab_event *));
    }
    return finish(im);
}

webcast_import *webcast_import_read(apr_pool_t *p, const webcast_tz *tz,
                                    apr_uint32_t workshop_id,
                                    const char *has_webcast,
                                    const char *data, apr_size_t len)
{
    apr_size_t i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;

    while (i < len && apr_isspace(data[i])) {
        i++;
    }
    return i < len && data[i] == '<'
           ? read_frab(p, tz, workshop_id, has_webcast, data, len)
           : read_csv(p, tz, workshop_id, has_webcast, data, len);
}
