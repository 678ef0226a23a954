/* fuzz_tz.c - TZif files as the zone loader reads them: a hostile or
 * truncated file is refused or parsed, never over-read; a parsed zone
 * formats any instant. */
#include "fuzz.h"
#include "webcast_time.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    webcast_tz *tz;
    apr_time_t t;

    if (webcast_tz_parse(p, "fuzz", data, size, &tz) == NULL) {
        for (t = -apr_time_from_sec(4000000000LL); t < apr_time_from_sec(
                 8000000000LL); t += apr_time_from_sec(500000000)) {
            FUZZ_ASSERT(webcast_time_format(p, tz, t, WEBCAST_TIME_FULL));
            FUZZ_ASSERT(webcast_time_format(p, tz, t, WEBCAST_TIME_ISO));
        }
    }
    apr_pool_destroy(p);
    return 0;
}
