/* fuzz_multipart.c - the streaming multipart/form-data parser on arbitrary
 * bytes. The first byte picks how the rest is cut into pieces; the
 * property: whatever the cuts, the same events, file bytes, fields and
 * verdict as when the body comes in one piece. Also the Content-Type's
 * boundary, on the input as a header value. */
#include <apr_strings.h>

#include "fuzz.h"
#include "webcast_multipart.h"

#define BOUNDARY "xYz-boundary"

typedef struct {
    apr_pool_t *p;
    char *log;
    apr_size_t len, cap;
} seen_t;

static void add(seen_t *s, const char *d, apr_size_t n)
{
    if (s->len + n > s->cap) {
        char *bigger;
        s->cap = (s->len + n) * 2 + 64;
        bigger = apr_palloc(s->p, s->cap);
        if (s->len) {
            memcpy(bigger, s->log, s->len);
        }
        s->log = bigger;
    }
    memcpy(s->log + s->len, d, n);
    s->len += n;
}

static const char *on_begin(void *ctx, const webcast_multipart_part *part)
{
    seen_t *s = ctx;

    FUZZ_ASSERT(part->name != NULL && part->filename != NULL);
    add(s, "\0[", 2);
    add(s, part->name, strlen(part->name) + 1);
    add(s, part->filename, strlen(part->filename) + 1);
    return NULL;
}

static const char *on_data(void *ctx, const char *d, apr_size_t n)
{
    FUZZ_ASSERT(n > 0);
    add(ctx, d, n);
    return NULL;
}

static const char *on_end(void *ctx)
{
    add(ctx, "\0]", 2);
    return NULL;
}

static const webcast_multipart_callbacks cbs = { on_begin, on_data, on_end };

static int cat(void *rec, const char *k, const char *v)
{
    seen_t *s = rec;
    add(s, k, strlen(k) + 1);
    add(s, v, strlen(v) + 1);
    return 1;
}

/* The log of one parse, cut into pieces of `step` bytes (0: one piece). */
static seen_t run(apr_pool_t *p, const char *body, size_t n, size_t step,
                  int *failed)
{
    seen_t s;
    webcast_multipart *mp;
    size_t at = 0;
    const char *err = NULL;

    memset(&s, 0, sizeof(s));
    s.p = p;
    mp = webcast_multipart_new(p, BOUNDARY, 512, &cbs, &s);
    while (at < n && err == NULL) {
        size_t piece = step && step < n - at ? step : n - at;
        /* a copy of each piece: reading past it is caught */
        err = webcast_multipart_feed(mp, apr_pmemdup(p, body + at, piece),
                                     piece);
        at += piece;
    }
    if (err == NULL) {
        err = webcast_multipart_finish(mp);
    }
    *failed = err != NULL;
    if (err == NULL) {
        apr_table_do(cat, &s, webcast_multipart_fields(mp), NULL);
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *b;
    seen_t whole, cut;
    int fw, fc;

    if (size > 0) {
        size_t step = data[0] % 17 + 1;
        const char *body = (const char *)data + 1;

        whole = run(p, body, size - 1, 0, &fw);
        cut = run(p, body, size - 1, step, &fc);
        FUZZ_ASSERT(fw == fc);
        /* a failed parse may stop at different bytes; a good one may not */
        FUZZ_ASSERT(fw || (whole.len == cut.len && (whole.len == 0
                           || memcmp(whole.log, cut.log, whole.len) == 0)));
    }
    if (webcast_multipart_boundary(p, fuzz_string(p, data, size), &b)
        == NULL) {
        FUZZ_ASSERT(b != NULL && strlen(b) >= 1 && strlen(b) <= 70);
    }
    apr_pool_destroy(p);
    return 0;
}
