/* fuzz_frab.c - schedule.xml through libxml2 and the import, on arbitrary
 * bytes: never a crash or a leak of libxml2's tree, and an event is
 * either timed or says why not. */
#include "fuzz.h"
#include "webcast_frab.h"
#include "webcast_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    apr_pool_t *p = fuzz_pool();
    apr_array_header_t *events;
    webcast_import *im;
    const char *err;
    int i;

    if (!ready) {
        webcast_frab_init();
        ready = 1;
    }
    err = webcast_frab_parse(p, (const char *)data, size, 1 << 20, 50,
                             &events);
    for (i = 0; !err && i < events->nelts; i++) {
        const webcast_frab_event *e =
            APR_ARRAY_IDX(events, i, webcast_frab_event *);
        FUZZ_ASSERT(e->problem != NULL || e->length > 0);
    }
    im = webcast_import_read(p, webcast_tz_utc(p), 1, "0",
                             (const char *)data, size);
    FUZZ_ASSERT(im->error != NULL || im->rows->nelts > 0);
    apr_pool_destroy(p);
    return 0;
}
