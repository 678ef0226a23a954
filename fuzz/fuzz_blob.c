/* fuzz_blob.c - whatever a shared cache hands back: never a crash, and a
 * blob that decodes encodes to the same bytes. */
#include <apr_strings.h>

#include "fuzz.h"
#include "webcast_blob.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    char *copy = apr_pmemdup(p, data, size ? size : 1);
    webcast_response r;
    apr_time_t until;

    if (webcast_blob_decode(copy, size, &r, &until)) {
        apr_size_t len;
        const char *again = webcast_blob_encode(p, &r, until, &len);

        FUZZ_ASSERT(r.content_type != NULL && r.body != NULL);
        FUZZ_ASSERT(again != NULL && len == size);
        FUZZ_ASSERT(memcmp(again, data, size) == 0);
    }
    apr_pool_destroy(p);
    return 0;
}
