/* webcast_json.h - JSON (RFC 8259) out of plain structs: one escaper and
 * the status resources of SPEC section 9.
 *
 * Every string goes through webcast_json_str(), which always yields valid
 * UTF-8 JSON whatever the bytes (broken UTF-8 becomes U+FFFD) and escapes
 * <, >, & and U+2028/9 too, so a document is inert wherever it is pasted.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_JSON_H
#define WEBCAST_JSON_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_feed.h"
#include "webcast_model.h"

/* `s` as a quoted JSON string; `null` for NULL. */
const char *webcast_json_str(apr_pool_t *p, const char *s);

/* An instant as an RFC 3339 UTC string ("2026-07-01T19:00:00Z"), quoted;
 * `null` for 0. */
const char *webcast_json_time(apr_pool_t *p, apr_time_t t);

/* presentations/<id>/status.json: `pr` after webcast_clock_apply();
 * `page` is the presentation page's URL; next_change 0 = none. */
const char *webcast_json_presentation_status(apr_pool_t *p,
                                             const webcast_presentation *pr,
                                             const char *page,
                                             apr_time_t next_change);

/* workshops/<slug>/status.json, its presentations in schedule order. */
const char *webcast_json_workshop_status(apr_pool_t *p,
                                         const webcast_workshop *w,
                                         const webcast_presentation *const *list,
                                         int n, const char *page,
                                         apr_time_t next_change);

/* workshops/<slug>/schedule.json: the whole workshop and its
 * presentations in schedule order (each after webcast_clock_apply()),
 * with absolute URLs from f->base; a URL of a movie, stream or download
 * only where it would answer. next_change 0 = none. The document's
 * JSON Schema is docs/schedule.schema.json. */
const char *webcast_json_schedule(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_workshop *w,
                                  const webcast_presentation *const *list,
                                  int n, apr_time_t next_change);

/* oEmbed 1.0 (type "rich") for a presentation: an <iframe> of `embed`
 * (its absolute URL) of width x height; `provider` names the site. */
const char *webcast_json_oembed(apr_pool_t *p, const webcast_presentation *pr,
                                const char *embed, int width, int height,
                                const char *provider);

#endif
