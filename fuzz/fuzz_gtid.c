/* fuzz_gtid.c - GTID positions as a shared cache or a database hands them
 * back (the admin's mark comes from memcached or redis): never a crash,
 * always 1, 0 or -1, and a well-formed list has reached itself and is
 * reached by nothing malformed. Input: "pos\nmark". */
#include "fuzz.h"
#include "webcast_gtid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    char *pos = fuzz_string(p, data, size);
    char *mark = strchr(pos, '\n');
    int rv;

    if (mark != NULL) {
        *mark++ = '\0';
    }
    else {
        mark = pos;
    }
    rv = webcast_gtid_reached(pos, mark);
    FUZZ_ASSERT(rv == 1 || rv == 0 || rv == -1);
    if (webcast_gtid_reached(mark, mark) != -1) {
        FUZZ_ASSERT(webcast_gtid_reached(mark, mark) == 1);
        /* a malformed pos reaches no mark that names a position */
        FUZZ_ASSERT(webcast_gtid_reached(pos, pos) != -1 || rv == -1
                    || strspn(mark, " ") == strlen(mark));
    }
    apr_pool_destroy(p);
    return 0;
}
