/* fuzz_encoding.c - Accept-Encoding and If-None-Match from a client:
 * never a crash, a coding the answer has (or identity), and an
 * If-None-Match that keeps every tag the client sent. */
#include <strings.h>

#include "fuzz.h"
#include "webcast_encoding.h"

static int names_a_coding(const char *s)
{
    for (; *s; s++) {
        if (*s == '*' || strncasecmp(s, "gzip", 4) == 0
            || strncasecmp(s, "br", 2) == 0) {
            return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *in = fuzz_string(p, data, size), *out;
    webcast_accept a;
    unsigned mask;

    webcast_accept_parse(in, &a);
    for (mask = 0; mask < 4; mask++) {
        unsigned available = mask << 1;     /* gzip and br bits */
        webcast_encoding e = webcast_accept_choose(&a, available);

        FUZZ_ASSERT(e == WEBCAST_ENC_IDENTITY
                    || (available & WEBCAST_ENC_BIT(e)));
        FUZZ_ASSERT(e == WEBCAST_ENC_IDENTITY || names_a_coding(in));
        out = webcast_encoding_etag(p, in, e);
        FUZZ_ASSERT(strncmp(out, in, strlen(in) > 0 ? strlen(in) - 1 : 0) == 0);
    }
    out = webcast_inm_undeflate(p, in);
    FUZZ_ASSERT(strncmp(out, in, strlen(in)) == 0);
    FUZZ_ASSERT(strlen(out) <= 3 * strlen(in));
    FUZZ_ASSERT(out == in || strstr(in, "-gzip\"") != NULL);
    apr_pool_destroy(p);
    return 0;
}
