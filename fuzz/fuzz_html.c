/* fuzz_html.c - the HTML escaper and the linkable-URL rules: no markup
 * character and no control byte survives; a linkable URL is http(s); a
 * site path starts with one '/' and never names another host. */
#include "fuzz.h"
#include "webcast_html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *in = fuzz_string(p, data, size);
    const unsigned char *out = (const unsigned char *)webcast_html(p, in);

    for (; *out; out++) {
        FUZZ_ASSERT(*out != '<' && *out != '>' && *out != '"'
                    && *out != '\'');
        FUZZ_ASSERT(*out >= 0x20 || *out == '\t' || *out == '\n'
                    || *out == '\r');
        FUZZ_ASSERT(*out != 0x7f);
    }
    if (webcast_url_linkable(in)) {
        FUZZ_ASSERT(strncasecmp(in, "http://", 7) == 0
                    || strncasecmp(in, "https://", 8) == 0);
    }
    if (webcast_url_site_relative(in)) {
        FUZZ_ASSERT(in[0] == '/' && in[1] != '/' && in[1] != '\\');
        for (out = (const unsigned char *)in; *out; out++) {
            FUZZ_ASSERT(*out > 0x20 && *out < 0x7f);
        }
        FUZZ_ASSERT(!webcast_url_linkable(in));
    }
    apr_pool_destroy(p);
    return 0;
}
