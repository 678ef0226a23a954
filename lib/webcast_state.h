/* webcast_state.h - the five webcast states of SPEC section 2.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_STATE_H
#define WEBCAST_STATE_H

#include <apr_pools.h>

#include "webcast_model.h"
#include "webcast_pattern.h"

/* The ENUM value as stored in `presentation.webcast_state`. */
webcast_state webcast_state_parse(const char *s);
const char *webcast_state_name(webcast_state state);

typedef enum {
    WEBCAST_STREAM_ARCHIVE = 0,
    WEBCAST_STREAM_LIVE
} webcast_stream_kind;

/* The stream URL of `pr` under `pat` (an RTSP or HLS pattern), or NULL with
 * *why saying what is missing: not webcast, not in the matching state, no
 * pattern, or a field the pattern needs is empty or unsafe. */
const char *webcast_stream_url(apr_pool_t *p, const webcast_pattern *pat,
                               const webcast_presentation *pr,
                               webcast_stream_kind kind, const char **why);

typedef enum {
    WEBCAST_NOW_NOTHING = 0,
    WEBCAST_NOW_LIVE,           /* every live one */
    WEBCAST_NOW_NEXT,           /* the next upcoming one */
    WEBCAST_NOW_RECENT          /* the most recent concluded one */
} webcast_now_kind;

/* The workshop page's "now" block (SPEC section 2) from its presentations
 * in schedule order: fills `picked` (room for n indexes) and *count. */
webcast_now_kind webcast_now(const webcast_presentation *const *list, int n,
                             int *picked, int *count);

#endif
