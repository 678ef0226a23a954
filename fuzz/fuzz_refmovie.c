/* fuzz_refmovie.c - the QTL and rmra encoders. Input: alternates, each a
 * 4-byte big-endian bitrate then a URL up to a NUL. A movie is made
 * exactly when every URL passes webcast_refmovie_url_ok(); the QTL's src
 * attribute holds no bare markup; the rmra movie parses back, atom by
 * atom, into the same alternates with no byte left over. */
#include "fuzz.h"
#include "webcast_refmovie.h"

#define MAX_ALTS 16

static apr_uint32_t get32(const unsigned char *s)
{
    return (apr_uint32_t)s[0] << 24 | (apr_uint32_t)s[1] << 16
         | (apr_uint32_t)s[2] << 8 | s[3];
}

/* An atom of `type` at *s, inside [*s, end): returns its payload end. */
static const unsigned char *atom(const unsigned char **s,
                                 const unsigned char *end, const char *type)
{
    apr_uint32_t size;

    FUZZ_ASSERT(end - *s >= 8);
    size = get32(*s);
    FUZZ_ASSERT(size >= 8 && size <= (apr_size_t)(end - *s));
    FUZZ_ASSERT(memcmp(*s + 4, type, 4) == 0);
    *s += 8;
    return *s - 8 + size;
}

static void check_rmra(const char *body, apr_size_t len,
                       const webcast_alternate *alts, int n)
{
    const unsigned char *s = (const unsigned char *)body, *end = s + len;
    const unsigned char *moov = atom(&s, end, "moov");
    const unsigned char *rmra = atom(&s, moov, "rmra");
    int i;

    FUZZ_ASSERT(moov == end && rmra == end);
    for (i = 0; i < n; i++) {
        const unsigned char *rmda = atom(&s, rmra, "rmda"), *rdrf;
        apr_size_t url_len = strlen(alts[i].url) + 1;

        if (alts[i].bitrate) {
            FUZZ_ASSERT(atom(&s, rmda, "rmdr") == s + 8);
            FUZZ_ASSERT(get32(s) == 0 && get32(s + 4) == alts[i].bitrate);
            s += 8;
        }
        rdrf = atom(&s, rmda, "rdrf");
        FUZZ_ASSERT(rdrf == rmda && (apr_size_t)(rdrf - s) == 12 + url_len);
        FUZZ_ASSERT(get32(s) == 0 && memcmp(s + 4, "url ", 4) == 0);
        FUZZ_ASSERT(get32(s + 8) == url_len);
        FUZZ_ASSERT(memcmp(s + 12, alts[i].url, url_len) == 0);
        s = rdrf;
    }
    FUZZ_ASSERT(s == end);
}

static void check_qtl(const char *url)
{
    apr_pool_t *p = fuzz_pool();
    apr_size_t len = 0;
    const char *qtl = webcast_refmovie_qtl(p, url, &len), *src, *q;

    FUZZ_ASSERT((qtl != NULL) == webcast_refmovie_url_ok(url));
    if (qtl) {
        FUZZ_ASSERT(len == strlen(qtl));
        src = strstr(qtl, "src=\"") + 5;
        q = strchr(src, '"');
        FUZZ_ASSERT(strcmp(q, "\" autoplay=\"true\" controller=\"true\" />\n")
                    == 0);
        for (; src < q; src++) {
            FUZZ_ASSERT(*src != '<' && *src != '>' && *src != '\'');
            FUZZ_ASSERT(*src != '&' || src[1] == 'a' || src[1] == 'l'
                        || src[1] == 'g' || src[1] == 'q' || src[1] == '#');
        }
    }
    apr_pool_destroy(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *in = fuzz_string(p, data, size), *end = in + size;
    webcast_alternate alts[MAX_ALTS];
    const char *body;
    apr_size_t len = 0;
    int n = 0, all_ok = 1;

    while (n < MAX_ALTS && end - in >= 4) {
        alts[n].bitrate = get32((const unsigned char *)in);
        alts[n].url = in + 4;
        in += 4 + strlen(in + 4) + 1;
        all_ok &= webcast_refmovie_url_ok(alts[n].url);
        check_qtl(alts[n].url);
        n++;
    }
    body = webcast_refmovie_rmra(p, alts, n, &len);
    FUZZ_ASSERT((body != NULL) == (n > 0 && all_ok));
    if (body) {
        check_rmra(body, len, alts, n);
    }
    apr_pool_destroy(p);
    return 0;
}
