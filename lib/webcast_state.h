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

/* States that follow the clock (webcast_auto = 1): the state shown at
 * `now`, derived from the row and never stored. Before starts_at
 * upcoming; from starts_at until ends_at live, if `live_ok` (a live
 * stream URL can be formed for it), else still upcoming; from ends_at on
 * archive when webcast_path and webcast_filename are set, else concluded.
 * An external_url makes it external whatever the clock. A row with
 * webcast_auto = 0 shows its stored state. */
webcast_state webcast_clock_state(const webcast_presentation *pr,
                                  apr_time_t now, int live_ok);

/* The next instant after `now` at which the clock may change what `pr`
 * shows, and the last one at or before `now`; 0 when there is none (a
 * manual state, no webcast, external, or every boundary passed). */
apr_time_t webcast_clock_next(const webcast_presentation *pr, apr_time_t now);
apr_time_t webcast_clock_last(const webcast_presentation *pr, apr_time_t now);

/* The one place the handler calls: pr->state becomes the state shown at
 * `now` (pr->stored_state keeps the row's), with live_ok worked out from
 * the live patterns (RTSP or HLS; either may be NULL). */
void webcast_clock_apply(apr_pool_t *p, webcast_presentation *pr,
                         apr_time_t now, const webcast_pattern *live_url,
                         const webcast_pattern *live_hls);

/* The earlier of two instants where 0 means "never". */
apr_time_t webcast_clock_min(apr_time_t a, apr_time_t b);

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
