/* webcast_multipart.c - multipart/form-data, streamed.
 *
 * The body is: a preamble, then parts, each after a delimiter line
 * "--boundary" (padding allowed) and made of headers, an empty line and
 * bytes, and at the end "--boundary--" and an epilogue. Inside the body
 * every delimiter is preceded by CRLF, so the parser looks for
 * "\r\n--boundary"; the first one may open the body, so the parser starts
 * as if a CRLF had just been read.
 *
 * Searching: a boundary holds no CR (RFC 2046 bchars), so the delimiter's
 * only CR is its first byte, and a partial match that fails can only
 * restart at the byte that failed it. Bytes of a partial match at the end
 * of a piece are held back - they are a prefix of the delimiter, so the
 * parser needs no buffer for them - and given out as data if the next
 * piece shows they were not the delimiter after all.
 */
#include <string.h>
#include <strings.h>

#include <apr_strings.h>

#include "webcast_multipart.h"

#define BOUNDARY_MAX 70             /* RFC 2046 */
#define PADDING_MAX 256             /* spaces after a boundary */

typedef enum {
    S_PREAMBLE,     /* before the first delimiter */
    S_LINE,         /* after a delimiter: padding, then CRLF or "--" */
    S_DASH,         /* one '-' of the final "--" */
    S_CR,           /* the CR that ends a delimiter line */
    S_HEADERS,      /* a part's headers, up to the empty line */
    S_BODY,         /* a part's bytes, up to the next delimiter */
    S_EPILOGUE,     /* after the final delimiter: ignored */
    S_ERROR
} mp_state;

struct webcast_multipart {
    apr_pool_t *p;
    const webcast_multipart_callbacks *cb;
    void *ctx;
    mp_state state;
    const char *error;
    char *delim;                /* "\r\n--" boundary */
    apr_size_t dlen;
    apr_size_t match;           /* bytes of delim matched and held back */
    apr_size_t padding;
    char *head;                 /* the current part's header block */
    apr_size_t hlen;
    int parts;
    int is_file;                /* the current part goes to cb */
    const char *name;           /* else it is a field of this name, */
    char *val;                  /* with this value so far */
    apr_size_t vlen, vcap;
    apr_size_t fields_len, fields_max;
    apr_table_t *fields;
};

#define BROKEN "malformed multipart body: "

static const char *fail(webcast_multipart *mp, const char *msg)
{
    if (msg != NULL && mp->error == NULL) {
        mp->error = msg;
        mp->state = S_ERROR;
    }
    return mp->error;
}

/* ---- header values: tokens, quoted strings, parameters ---- */

static int is_tchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static void skip_ws(const char **s)
{
    while (**s == ' ' || **s == '\t') {
        (*s)++;
    }
}

static char *token(apr_pool_t *p, const char **s)
{
    const char *start = *s;

    while (is_tchar(**s)) {
        (*s)++;
    }
    return apr_pstrmemdup(p, start, *s - start);
}

/* A parameter's value: a quoted string, where only \" and \\ are escapes
 * (browsers send a Windows path's backslashes as they are), or the bytes
 * up to the next ';' or space. NULL when a quote is not closed. */
static char *param_value(apr_pool_t *p, const char **s)
{
    const char *c = *s;
    char *out, *o;

    if (*c != '"') {
        while (*c && *c != ';' && *c != ' ' && *c != '\t' && *c != '"') {
            c++;
        }
        out = apr_pstrmemdup(p, *s, c - *s);
        *s = c;
        return *c == '"' ? NULL : out;
    }
    o = out = apr_palloc(p, strlen(c));
    for (c++; *c && *c != '"'; c++) {
        if (*c == '\\' && (c[1] == '"' || c[1] == '\\')) {
            c++;
        }
        *o++ = *c;
    }
    *o = '\0';
    if (*c != '"') {
        return NULL;
    }
    *s = c + 1;
    return out;
}

/* The next "; name=value" at *s: 1 with *name and *value set, 0 at the
 * end, -1 when malformed. */
static int next_param(apr_pool_t *p, const char **s, const char **name,
                      const char **value)
{
    skip_ws(s);
    if (**s == '\0') {
        return 0;
    }
    if (**s != ';') {
        return -1;
    }
    (*s)++;
    skip_ws(s);
    if (**s == '\0') {
        return 0;                   /* a trailing ';' */
    }
    *name = token(p, s);
    skip_ws(s);
    if (**name == '\0' || **s != '=') {
        return -1;
    }
    (*s)++;
    skip_ws(s);
    *value = param_value(p, s);
    return *value ? 1 : -1;
}

static int is_bchar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || (c && strchr("'()+_,-./:=? ", c));
}

const char *webcast_multipart_boundary(apr_pool_t *p,
                                       const char *content_type,
                                       const char **boundary)
{
    const char *s = content_type ? content_type : "", *name, *value;
    const char *found = NULL;
    apr_size_t n;
    int rc;

    *boundary = NULL;
    skip_ws(&s);
    if (strncasecmp(s, "multipart/form-data", 19) != 0
        || (s[19] && s[19] != ';' && s[19] != ' ' && s[19] != '\t')) {
        return "the body is not multipart/form-data";
    }
    s += 19;
    while ((rc = next_param(p, &s, &name, &value)) == 1) {
        if (strcasecmp(name, "boundary") == 0) {
            if (found) {
                return "the Content-Type names two boundaries";
            }
            found = value;
        }
    }
    if (rc < 0) {
        return "the Content-Type's parameters are malformed";
    }
    if (found == NULL) {
        return "the Content-Type names no boundary";
    }
    n = strlen(found);
    for (value = found; is_bchar(*value); value++) {
    }
    if (n == 0 || n > BOUNDARY_MAX || found[n - 1] == ' ' || *value) {
        return "the boundary in the Content-Type is not valid (1 to 70 "
               "letters, digits or '()+_,-./:=? , not ending in a space)";
    }
    *boundary = found;
    return NULL;
}

/* ---- parts ---- */

static const char *parse_disposition(webcast_multipart *mp, const char *v,
                                     webcast_multipart_part *part)
{
    const char *name, *value;
    int rc;

    if (strcasecmp(token(mp->p, &v), "form-data") != 0) {
        return BROKEN "a part is not form-data";
    }
    while ((rc = next_param(mp->p, &v, &name, &value)) == 1) {
        /* filename* (RFC 5987) is not for form-data (RFC 7578 4.2) */
        const char **slot = strcasecmp(name, "name") == 0 ? &part->name
            : strcasecmp(name, "filename") == 0 ? &part->filename : NULL;
        if (slot && *slot) {
            return apr_psprintf(mp->p, BROKEN "a part has two %s "
                                "parameters", name);
        }
        if (slot) {
            *slot = value;
        }
    }
    return rc < 0 ? BROKEN "a part's Content-Disposition is malformed"
                  : NULL;
}

/* The header block h (n bytes, lines ending in CRLF, NUL at h[n]). */
static const char *parse_headers(webcast_multipart *mp, char *h,
                                 apr_size_t n, webcast_multipart_part *part)
{
    apr_size_t i;
    char *line, *end, *colon;
    const char *err, *value;
    int disposition = 0;

    memset(part, 0, sizeof(*part));
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        if (c == '\r' && h[i + 1] != '\n') {
            return BROKEN "a part's headers hold a CR without LF";
        }
        if (c == '\r') {
            /* CRLF then a space or tab: a folded line, unfolded */
            if (i + 2 < n && (h[i + 2] == ' ' || h[i + 2] == '\t')) {
                h[i] = h[i + 1] = ' ';
            }
            i++;
        }
        else if ((c < 0x20 && c != '\t') || c == 0x7f) {
            return BROKEN "a part's headers hold a control byte";
        }
    }
    for (line = h; line < h + n; line = end + 2) {
        end = strstr(line, "\r\n");
        *end = '\0';
        colon = strchr(line, ':');
        if (colon == NULL || colon == line) {
            return BROKEN "a part's header line is not \"Name: value\"";
        }
        for (value = line; value < colon; value++) {
            if (!is_tchar(*value)) {
                return BROKEN "a part's header line is not \"Name: value\"";
            }
        }
        value = colon + 1;
        skip_ws(&value);
        *colon = '\0';
        if (strcasecmp(line, "Content-Disposition") == 0) {
            if (disposition++) {
                return BROKEN "a part has two Content-Disposition headers";
            }
            if ((err = parse_disposition(mp, value, part)) != NULL) {
                return err;
            }
        }
        else if (strcasecmp(line, "Content-Type") == 0
                 && part->content_type == NULL) {
            part->content_type = apr_pstrdup(mp->p, value);
        }
    }
    if (part->name == NULL) {
        return BROKEN "a part has no name (Content-Disposition: form-data; "
                      "name=\"...\")";
    }
    return NULL;
}

static const char *part_begin(webcast_multipart *mp)
{
    webcast_multipart_part part;
    const char *err;

    mp->head[mp->hlen - 2] = '\0';      /* the empty line's CRLF */
    if ((err = parse_headers(mp, mp->head, mp->hlen - 2, &part)) != NULL) {
        return err;
    }
    mp->is_file = part.filename != NULL;
    if (mp->is_file) {
        return mp->cb && mp->cb->file_begin
               ? mp->cb->file_begin(mp->ctx, &part) : NULL;
    }
    if (strlen(part.name) > mp->fields_max - mp->fields_len) {
        return apr_psprintf(mp->p, "the form's text fields hold more than "
                            "%lu bytes", (unsigned long)mp->fields_max);
    }
    mp->fields_len += strlen(part.name);
    mp->name = part.name;
    mp->vlen = 0;
    return NULL;
}

static const char *part_end(webcast_multipart *mp)
{
    if (mp->is_file) {
        return mp->cb && mp->cb->file_end ? mp->cb->file_end(mp->ctx) : NULL;
    }
    apr_table_addn(mp->fields, mp->name,
                   apr_pstrmemdup(mp->p, mp->val ? mp->val : "", mp->vlen));
    return NULL;
}

/* Bytes of the current part (nothing in the preamble). */
static const char *emit(webcast_multipart *mp, const char *data,
                        apr_size_t len)
{
    char *bigger;

    if (len == 0 || mp->state != S_BODY) {
        return NULL;
    }
    if (mp->is_file) {
        return mp->cb && mp->cb->file_data
               ? mp->cb->file_data(mp->ctx, data, len) : NULL;
    }
    if (memchr(data, '\0', len) != NULL) {
        return "a text field of the form holds a NUL byte";
    }
    if (len > mp->fields_max - mp->fields_len) {
        return apr_psprintf(mp->p, "the form's text fields hold more than "
                            "%lu bytes", (unsigned long)mp->fields_max);
    }
    mp->fields_len += len;
    if (mp->vlen + len > mp->vcap) {
        mp->vcap = (mp->vlen + len) * 2;
        bigger = apr_palloc(mp->p, mp->vcap);
        if (mp->vlen) {
            memcpy(bigger, mp->val, mp->vlen);
        }
        mp->val = bigger;
    }
    memcpy(mp->val + mp->vlen, data, len);
    mp->vlen += len;
    return NULL;
}

/* Look for the delimiter in data; what comes before it belongs to the
 * part (or the preamble). Returns the bytes used; *found when the
 * delimiter is complete. `held`: the bytes of a match begun in an
 * earlier piece, while that match lasts; `cand`: where a match begun in
 * this piece starts. */
static apr_size_t scan(webcast_multipart *mp, const char *data,
                       apr_size_t len, int *found)
{
    apr_size_t i = 0, cand = 0, held = mp->match;
    const char *cr;

    *found = 0;
    while (i < len) {
        if (mp->match == 0) {
            if ((cr = memchr(data + i, '\r', len - i)) == NULL) {
                break;
            }
            cand = cr - data;
            i = cand + 1;
            mp->match = 1;
        }
        else if (data[i] == mp->delim[mp->match]) {
            i++;
            if (++mp->match == mp->dlen) {
                mp->match = 0;
                *found = 1;
                fail(mp, emit(mp, data, cand));
                return i;
            }
        }
        else {
            /* not the delimiter: what an earlier piece held back is data,
             * and this byte may start a match of its own */
            if (held && fail(mp, emit(mp, mp->delim, held))) {
                return len;
            }
            held = 0;
            cand = 0;
            mp->match = 0;
        }
    }
    fail(mp, emit(mp, data, mp->match ? cand : len));
    return len;
}

static apr_size_t headers(webcast_multipart *mp, const char *data,
                          apr_size_t len)
{
    apr_size_t i;

    for (i = 0; i < len; i++) {
        char c = data[i];

        if (mp->hlen == WEBCAST_MULTIPART_HEADER_MAX) {
            fail(mp, apr_psprintf(mp->p, "a part's headers are longer than "
                                  "%d bytes", WEBCAST_MULTIPART_HEADER_MAX));
            return len;
        }
        mp->head[mp->hlen++] = c;
        if (c != '\n') {
            continue;
        }
        if (mp->hlen < 2 || mp->head[mp->hlen - 2] != '\r') {
            fail(mp, BROKEN "a header line ends without CRLF");
            return len;
        }
        if (mp->hlen == 2 || memcmp(mp->head + mp->hlen - 4, "\r\n\r\n",
                                    4) == 0) {
            fail(mp, part_begin(mp));
            mp->hlen = 0;
            if (mp->error == NULL) {
                mp->state = S_BODY;
            }
            return i + 1;
        }
    }
    return len;
}

/* One byte of a delimiter line's end. */
static void line_end(webcast_multipart *mp, char c)
{
    switch (mp->state) {
    case S_LINE:
        if (c == '-' && mp->padding == 0) {
            mp->state = S_DASH;
        }
        else if (c == '\r') {
            mp->state = S_CR;
        }
        else if ((c == ' ' || c == '\t') && ++mp->padding <= PADDING_MAX) {
            /* transport padding */
        }
        else {
            fail(mp, BROKEN "a boundary line has other text after it");
        }
        break;
    case S_DASH:
        if (c == '-') {
            mp->state = S_EPILOGUE;
        }
        else {
            fail(mp, BROKEN "a boundary line has other text after it");
        }
        break;
    default:        /* S_CR */
        if (c != '\n') {
            fail(mp, BROKEN "a boundary line has other text after it");
        }
        else if (++mp->parts > WEBCAST_MULTIPART_PARTS_MAX) {
            fail(mp, apr_psprintf(mp->p, "the form has more than %d parts",
                                  WEBCAST_MULTIPART_PARTS_MAX));
        }
        else {
            mp->state = S_HEADERS;
        }
        break;
    }
}

webcast_multipart *webcast_multipart_new(
    apr_pool_t *p, const char *boundary, apr_size_t fields_max,
    const webcast_multipart_callbacks *cb, void *ctx)
{
    webcast_multipart *mp = apr_pcalloc(p, sizeof(*mp));

    mp->p = p;
    mp->cb = cb;
    mp->ctx = ctx;
    mp->delim = apr_pstrcat(p, "\r\n--", boundary, NULL);
    mp->dlen = strlen(mp->delim);
    mp->match = 2;                  /* as if after a CRLF */
    mp->head = apr_palloc(p, WEBCAST_MULTIPART_HEADER_MAX + 1);
    mp->fields_max = fields_max;
    mp->fields = apr_table_make(p, 8);
    mp->state = S_PREAMBLE;
    return mp;
}

const char *webcast_multipart_feed(webcast_multipart *mp, const char *data,
                                   apr_size_t len)
{
    apr_size_t i = 0;
    int found;

    while (mp->error == NULL && i < len) {
        switch (mp->state) {
        case S_PREAMBLE:
        case S_BODY:
            i += scan(mp, data + i, len - i, &found);
            if (found && mp->error == NULL) {
                if (mp->state == S_BODY) {
                    fail(mp, part_end(mp));
                }
                if (mp->error == NULL) {
                    mp->state = S_LINE;
                    mp->padding = 0;
                }
            }
            break;
        case S_HEADERS:
            i += headers(mp, data + i, len - i);
            break;
        case S_EPILOGUE:
            i = len;
            break;
        default:
            line_end(mp, data[i++]);
            break;
        }
    }
    return mp->error;
}

const char *webcast_multipart_finish(webcast_multipart *mp)
{
    if (mp->error == NULL && mp->state != S_EPILOGUE) {
        fail(mp, mp->state == S_PREAMBLE && mp->parts == 0
             ? BROKEN "the body holds no boundary line"
             : "the upload ended before its final boundary: the connection "
               "was closed, or the body was cut short");
    }
    return mp->error;
}

apr_table_t *webcast_multipart_fields(const webcast_multipart *mp)
{
    return mp->fields;
}
