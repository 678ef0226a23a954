/* fuzz_vtt.c - the WebVTT checker on arbitrary bytes: a file is taken
 * with cues in the order of their start, each ending after it starts and
 * with its text no longer than the file, or refused with a message that names its
 * line (or the file's size or emptiness). */
#include "fuzz.h"
#include "webcast_vtt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    apr_array_header_t *cues;
    const char *err = webcast_vtt_parse(p, (const char *)data, size, &cues);
    apr_int64_t last = 0;
    int i;

    if (err != NULL) {
        FUZZ_ASSERT(strncmp(err, "line ", 5) == 0
                    || strncmp(err, "the file is ", 12) == 0);
        FUZZ_ASSERT(cues->nelts == 0 || strncmp(err, "line ", 5) == 0);
    }
    for (i = 0; err == NULL && i < cues->nelts; i++) {
        const webcast_vtt_cue *c = APR_ARRAY_IDX(cues, i, webcast_vtt_cue *);

        FUZZ_ASSERT(c->start >= last && c->end > c->start);
        FUZZ_ASSERT(c->line >= 3 && strlen(c->text) < size);
        FUZZ_ASSERT(strlen(webcast_vtt_time(p, c->end)) >= 12);
        last = c->start;
    }
    apr_pool_destroy(p);
    return 0;
}
