/* fuzz_pattern.c - URL patterns and placeholder values, then the
 * reference movie: input is "pattern\0path\0file\0stream". Whatever
 * expands is printable ASCII, and its movie is exactly two lines. */
#include "fuzz.h"
#include "webcast_pattern.h"
#include "webcast_refmovie.h"

static const char *next(const char **s, const char *end)
{
    const char *v = *s;
    *s += strlen(*s) + 1;
    return v < end ? v : "";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *in = fuzz_string(p, data, size), *end = in + size;
    const char *src = next(&in, end);
    const char *values[WEBCAST_PH_COUNT] = { NULL };
    webcast_pattern *pat;
    const char *url, *movie;
    apr_size_t len, i;

    values[WEBCAST_PH_PATH] = next(&in, end);
    values[WEBCAST_PH_FILE] = next(&in, end);
    values[WEBCAST_PH_STREAM] = next(&in, end);
    values[WEBCAST_PH_ID] = "7";
    if (webcast_pattern_compile(p, src, ~0u, &pat) == NULL
        && (url = webcast_pattern_expand(p, pat, values)) != NULL) {
        for (i = 0; url[i]; i++) {
            FUZZ_ASSERT(url[i] > 0x20 && url[i] < 0x7f);
        }
        movie = webcast_refmovie_rtsptext(p, url, &len);
        FUZZ_ASSERT(movie != NULL);
        FUZZ_ASSERT(len == strlen(url) + 12);
        FUZZ_ASSERT(memcmp(movie, "RTSPtext\r\n", 10) == 0);
        FUZZ_ASSERT(strchr(movie + 10, '\r') == movie + len - 2);
    }
    apr_pool_destroy(p);
    return 0;
}
