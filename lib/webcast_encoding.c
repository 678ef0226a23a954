/* webcast_encoding.c - Accept-Encoding negotiation and the entity tags of
 * compressed copies.
 *
 * The header is a client's, so anything may be in it: the parser reads
 * each comma-separated element on its own, and an element it cannot read
 * is left out rather than guessed at. Weights are integers (thousandths),
 * as the grammar allows no more than three decimals.
 */
#include <stdio.h>
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_encoding.h"

#define UNSET (-1)
#define STAR WEBCAST_ENC_COUNT          /* record()'s slot for "*" */

static const struct {
    const char *name;
    int slot;
} known[] = {
    { "identity", WEBCAST_ENC_IDENTITY },
    { "gzip", WEBCAST_ENC_GZIP },
    { "x-gzip", WEBCAST_ENC_GZIP },     /* RFC 9110: the same as gzip */
    { "br", WEBCAST_ENC_BR },
    { "*", STAR },
};

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* RFC 9110's tchar */
static int is_tchar(char c)
{
    return apr_isalnum(c) || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c));
}

static const char *skip_ows(const char *s)
{
    while (is_ows(*s)) {
        s++;
    }
    return s;
}

/* "0", "0.5", "1.000": thousandths, or UNSET when malformed. */
static int qvalue(const char **sp)
{
    const char *s = *sp;
    int v, scale;

    if (*s != '0' && *s != '1') {
        return UNSET;
    }
    v = (*s++ - '0') * 1000;
    if (*s == '.') {
        for (s++, scale = 100; scale > 0 && apr_isdigit(*s); scale /= 10) {
            v += (*s++ - '0') * scale;
        }
    }
    *sp = s;
    return v <= 1000 ? v : UNSET;
}

/* A parameter's value that is not q: a token or a quoted string. */
static const char *skip_value(const char *s)
{
    if (*s != '"') {
        while (is_tchar(*s)) {
            s++;
        }
        return s;
    }
    for (s++; *s && *s != '"'; s++) {
        if (*s == '\\' && s[1]) {
            s++;
        }
    }
    return *s == '"' ? s + 1 : s;
}

/* The parameters after a coding, from ';': the weight (1000 without q=),
 * or UNSET when they do not parse. *sp ends on ',' or the end. */
static int parameters(const char **sp)
{
    const char *s = *sp, *name;
    int q = 1000;

    while (*s == ';') {
        s = skip_ows(s + 1);
        for (name = s; is_tchar(*s); s++) {
        }
        if (s == name || *s != '=') {
            q = UNSET;
            break;
        }
        s++;
        if (s - name == 2 && (*name == 'q' || *name == 'Q')) {
            if ((q = qvalue(&s)) == UNSET) {
                break;
            }
        }
        else {
            s = skip_value(s);
        }
        s = skip_ows(s);
    }
    if (*s != ',' && *s != '\0') {
        q = UNSET;
    }
    *sp = s + strcspn(s, ",");
    return q;
}

static void record(webcast_accept *a, const char *name, apr_size_t len,
                   int q)
{
    apr_size_t i;

    for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        if (strlen(known[i].name) == len
            && strncasecmp(known[i].name, name, len) == 0) {
            if (known[i].slot == STAR) {
                a->star = q;
            }
            else {
                a->q[known[i].slot] = q;
            }
        }
    }
}

void webcast_accept_parse(const char *h, webcast_accept *a)
{
    int i;

    for (i = 0; i < WEBCAST_ENC_COUNT; i++) {
        a->q[i] = h ? UNSET : 0;
    }
    a->star = UNSET;
    if (h == NULL) {
        a->q[WEBCAST_ENC_IDENTITY] = 1000;
        return;
    }
    while (*h) {
        const char *name;
        apr_size_t len;
        int q;

        h = skip_ows(h);
        if (*h == ',') {
            h++;
            continue;
        }
        for (name = h; is_tchar(*h); h++) {
        }
        len = (apr_size_t)(h - name);
        h = skip_ows(h);
        q = parameters(&h);
        if (len > 0 && q != UNSET) {
            record(a, name, len, q);
        }
    }
}

static int weight(const webcast_accept *a, webcast_encoding e)
{
    if (a->q[e] != UNSET) {
        return a->q[e];
    }
    if (a->star != UNSET) {
        return a->star;
    }
    /* identity, not named: acceptable, after anything named */
    return e == WEBCAST_ENC_IDENTITY ? 1 : 0;
}

webcast_encoding webcast_accept_choose(const webcast_accept *a,
                                       unsigned available)
{
    static const webcast_encoding order[] = {
        WEBCAST_ENC_BR, WEBCAST_ENC_GZIP, WEBCAST_ENC_IDENTITY
    };
    webcast_encoding best = WEBCAST_ENC_IDENTITY;
    int best_q = 0;
    apr_size_t i;

    for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        int q;

        if (order[i] != WEBCAST_ENC_IDENTITY
            && !(available & WEBCAST_ENC_BIT(order[i]))) {
            continue;
        }
        if ((q = weight(a, order[i])) > best_q) {
            best = order[i];
            best_q = q;
        }
    }
    return best;
}

const char *webcast_encoding_name(webcast_encoding e)
{
    return e == WEBCAST_ENC_GZIP ? "gzip" : e == WEBCAST_ENC_BR ? "br" : NULL;
}

const char *webcast_encoding_etag(apr_pool_t *p, const char *etag,
                                  webcast_encoding e)
{
    const char *suffix = e == WEBCAST_ENC_GZIP ? "-gz"
                         : e == WEBCAST_ENC_BR ? "-br" : NULL;
    apr_size_t n;

    if (etag == NULL || suffix == NULL) {
        return etag;
    }
    n = strlen(etag);
    if (n >= 2 && etag[n - 1] == '"') {
        return apr_psprintf(p, "%.*s%s\"", (int)(n - 1), etag, suffix);
    }
    return apr_pstrcat(p, etag, suffix, NULL);
}

#define DEFLATE_SUFFIX "-gzip"
#define DEFLATE_SUFFIX_LEN 5

/* Each quoted tag "X-gzip" adds , "X", "X-gz": 2 * len("X-gzip") + 1
 * bytes at most, so the result fits in three times the input. */
const char *webcast_inm_undeflate(apr_pool_t *p, const char *inm)
{
    const char *s, *end;
    char *out, *o;
    apr_size_t n;

    if (inm == NULL || strstr(inm, DEFLATE_SUFFIX "\"") == NULL) {
        return inm;
    }
    n = strlen(inm);
    o = out = apr_palloc(p, 3 * n + 1);
    memcpy(o, inm, n);
    o += n;
    for (s = strchr(inm, '"'); s && (end = strchr(s + 1, '"')) != NULL;
         s = strchr(end + 1, '"')) {
        apr_size_t len = (apr_size_t)(end - s - 1);

        if (len >= DEFLATE_SUFFIX_LEN
            && memcmp(end - DEFLATE_SUFFIX_LEN, DEFLATE_SUFFIX,
                      DEFLATE_SUFFIX_LEN) == 0) {
            len -= DEFLATE_SUFFIX_LEN;
            o += sprintf(o, ", \"%.*s\", \"%.*s-gz\"", (int)len, s + 1,
                         (int)len, s + 1);
        }
    }
    *o = '\0';
    return out;
}
