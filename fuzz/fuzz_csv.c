/* fuzz_csv.c - RFC 4180 CSV and the schedule import's rules on arbitrary
 * bytes: rows come out in line order with at least one field each, and
 * every imported row is either good or names its problems. */
#include "fuzz.h"
#include "webcast_csv.h"
#include "webcast_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    webcast_csv_limits lim = { 1 << 20, 50, 20 };
    apr_array_header_t *rows;
    webcast_import *im;
    int i, line = 0;

    webcast_csv_parse(p, (const char *)data, size, &lim, &rows);
    FUZZ_ASSERT(rows->nelts <= 51);
    for (i = 0; i < rows->nelts; i++) {
        const webcast_csv_row *r = APR_ARRAY_IDX(rows, i, webcast_csv_row *);
        FUZZ_ASSERT(r->nfields >= 1 && r->nfields <= 20 && r->line > line);
        line = r->line;
    }
    im = webcast_import_read(p, webcast_tz_utc(p), 1, "1",
                             (const char *)data, size);
    FUZZ_ASSERT(im->error != NULL || im->rows->nelts > 0);
    FUZZ_ASSERT(im->nbad >= 0 && im->nbad <= im->rows->nelts);
    if (im->format == WEBCAST_IMPORT_CSV) {
        for (i = 0; !im->error && i < im->rows->nelts; i++) {
            const webcast_import_row *r =
                APR_ARRAY_IDX(im->rows, i, webcast_import_row *);
            FUZZ_ASSERT(r->form && r->rec && r->line >= 2);
        }
    }
    apr_pool_destroy(p);
    return 0;
}
