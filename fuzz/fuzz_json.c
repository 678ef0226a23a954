/* fuzz_json.c - the JSON escaper: whatever the bytes, the result is one
 * JSON string of printable ASCII and valid UTF-8 that decodes without
 * error, with no raw markup character. */
#include "fuzz.h"
#include "webcast_html.h"
#include "webcast_json.h"

static int hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *out = webcast_json_str(p, fuzz_string(p, data, size));
    size_t n = strlen(out), i = 1;

    FUZZ_ASSERT(n >= 2 && out[0] == '"' && out[n - 1] == '"');
    while (i < n - 1) {
        unsigned char c = (unsigned char)out[i];
        apr_size_t len;

        FUZZ_ASSERT(c >= 0x20 && c != 0x7f && c != '"' && c != '<'
                    && c != '>' && c != '&' && c != '\'');
        if (c == '\\') {
            FUZZ_ASSERT(i + 1 < n - 1);
            c = (unsigned char)out[i + 1];
            if (c == 'u') {
                FUZZ_ASSERT(i + 5 < n - 1 && hex(out[i + 2])
                            && hex(out[i + 3]) && hex(out[i + 4])
                            && hex(out[i + 5]));
                i += 6;
            }
            else {
                FUZZ_ASSERT(c == '"' || c == '\\' || c == 'n');
                i += 2;
            }
            continue;
        }
        len = webcast_utf8_len(out + i);
        FUZZ_ASSERT(len > 0 && i + len < n);
        i += len;
    }
    apr_pool_destroy(p);
    return 0;
}
