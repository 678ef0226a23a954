/* webcast_pattern.c - compile and expand stream URL patterns.
 *
 * The pattern is the admin's and is checked once, at config time; the
 * values are the database's and are treated as hostile on every expansion.
 */
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_pattern.h"

static const char *const names[WEBCAST_PH_COUNT] = {
    NULL, "path", "file", "id", "stream"
};

static int is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
        || c == '~';
}

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

const char *webcast_encode_segment(apr_pool_t *p, const char *s,
                                   int keep_slash)
{
    static const char hex[] = "0123456789ABCDEF";
    apr_size_t n = strlen(s), i;
    char *out = apr_palloc(p, 3 * n + 1), *o = out;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_control(c)) {
            return NULL;
        }
        if (is_unreserved(c) || (keep_slash && c == '/')) {
            *o++ = (char)c;
        }
        else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 0x0f];
        }
    }
    *o = '\0';
    return out;
}

const char *webcast_pattern_names(apr_pool_t *p, unsigned allowed)
{
    const char *list = NULL;
    int ph;

    for (ph = 1; ph < WEBCAST_PH_COUNT; ph++) {
        if (allowed & WEBCAST_PH_BIT(ph)) {
            const char *name = apr_pstrcat(p, "{", names[ph], "}", NULL);
            list = list ? apr_pstrcat(p, list, ", ", name, NULL) : name;
        }
    }
    return list ? list : "(none)";
}

static const char *check_literal(const char *src)
{
    const char *s;

    for (s = src; *s; s++) {
        if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f) {
            return "must be plain ASCII without spaces or control characters";
        }
    }
    s = src;
    if (!apr_isalpha(*s)) {
        return "must start with a scheme such as rtsp:// or https://";
    }
    while (apr_isalnum(*s) || *s == '+' || *s == '-' || *s == '.') {
        s++;
    }
    if (strncmp(s, "://", 3) != 0 || s[3] == '\0' || s[3] == '{'
        || s[3] == '/') {
        return "must start with a scheme and host, "
               "such as rtsp://host/ or https://host/";
    }
    return NULL;
}

static void add_part(apr_array_header_t *parts, webcast_placeholder kind,
                     const char *text)
{
    webcast_pattern_part *part = apr_array_push(parts);
    part->kind = kind;
    part->text = text;
}

const char *webcast_pattern_compile(apr_pool_t *p, const char *src,
                                    unsigned allowed, webcast_pattern **out)
{
    webcast_pattern *pat;
    const char *s = src, *err;

    if (src == NULL || *src == '\0') {
        return "needs a URL pattern, for example rtsp://host/{file}";
    }
    if ((err = check_literal(src)) != NULL) {
        return err;
    }
    pat = apr_pcalloc(p, sizeof(*pat));
    pat->source = apr_pstrdup(p, src);
    pat->parts = apr_array_make(p, 8, sizeof(webcast_pattern_part));

    while (*s) {
        apr_size_t lit = strcspn(s, "{}");
        const char *close;
        int ph;

        if (lit > 0) {
            add_part(pat->parts, WEBCAST_PH_LITERAL, apr_pstrndup(p, s, lit));
            s += lit;
            continue;
        }
        if (*s == '}' || (close = strchr(s, '}')) == NULL) {
            return apr_psprintf(p, "has an unmatched '%c' at offset %d",
                                *s, (int)(s - src));
        }
        for (ph = 1; ph < WEBCAST_PH_COUNT; ph++) {
            if ((apr_size_t)(close - s - 1) == strlen(names[ph])
                && strncmp(s + 1, names[ph], close - s - 1) == 0) {
                break;
            }
        }
        if (ph == WEBCAST_PH_COUNT || !(allowed & WEBCAST_PH_BIT(ph))) {
            return apr_psprintf(p, "has unknown placeholder %.*s "
                                "(known here: %s)", (int)(close - s + 1), s,
                                webcast_pattern_names(p, allowed));
        }
        add_part(pat->parts, (webcast_placeholder)ph, NULL);
        pat->uses |= WEBCAST_PH_BIT(ph);
        s = close + 1;
    }
    *out = pat;
    return NULL;
}

/* {path}: trim outer slashes, refuse empty, "." and ".." segments. */
static const char *clean_path(apr_pool_t *p, const char *v)
{
    const char *start = v, *end = v + strlen(v), *seg;

    while (*start == '/') {
        start++;
    }
    while (end > start && end[-1] == '/') {
        end--;
    }
    if (start == end) {
        return NULL;
    }
    for (seg = start; seg < end;) {
        const char *slash = memchr(seg, '/', end - seg);
        apr_size_t len = slash ? (apr_size_t)(slash - seg)
                               : (apr_size_t)(end - seg);
        if (len == 0 || (len == 1 && seg[0] == '.')
            || (len == 2 && seg[0] == '.' && seg[1] == '.')) {
            return NULL;
        }
        seg += len + 1;
    }
    return apr_pstrndup(p, start, end - start);
}

const char *webcast_pattern_expand(apr_pool_t *p, const webcast_pattern *pat,
                                   const char *const values[WEBCAST_PH_COUNT])
{
    const webcast_pattern_part *parts =
        (const webcast_pattern_part *)pat->parts->elts;
    const char **pieces = apr_palloc(p, (pat->parts->nelts + 1)
                                        * sizeof(*pieces));
    int i;

    for (i = 0; i < pat->parts->nelts; i++) {
        const char *v;

        if (parts[i].kind == WEBCAST_PH_LITERAL) {
            pieces[i] = parts[i].text;
            continue;
        }
        v = values[parts[i].kind];
        if (v == NULL || *v == '\0') {
            return NULL;
        }
        if (parts[i].kind == WEBCAST_PH_PATH) {
            v = clean_path(p, v);
        }
        else if (strcmp(v, ".") == 0 || strcmp(v, "..") == 0) {
            v = NULL;
        }
        if (v == NULL) {
            return NULL;
        }
        pieces[i] = webcast_encode_segment(p, v,
                                           parts[i].kind == WEBCAST_PH_PATH);
        if (pieces[i] == NULL) {
            return NULL;
        }
    }
    pieces[i] = NULL;
    return apr_array_pstrcat(p, &(apr_array_header_t){
        p, sizeof(char *), i, i, (char *)pieces }, '\0');
}
