/* fuzz_form.c - the admin's POST bodies: urlencoded parsing and every
 * validation rule of a presentation, on arbitrary bytes. */
#include "fuzz.h"
#include "webcast_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    apr_table_t *fields = NULL;
    webcast_form *f;

    if (webcast_form_urldecode(p, (const char *)data, size, &fields) == NULL) {
        FUZZ_ASSERT(fields != NULL);
        f = webcast_form_parse(p, WEBCAST_PRESENTATION,
                               webcast_tz_utc(p), fields);
        FUZZ_ASSERT(f != NULL && f->nerrors >= 0);
        f = webcast_form_parse(p, WEBCAST_WORKSHOP, webcast_tz_utc(p),
                               fields);
        FUZZ_ASSERT(f != NULL);
    }
    apr_pool_destroy(p);
    return 0;
}
