/* webcast_rss.h - RSS 2.0 podcast for archive.rss: archived presentations
 * as items, newest first, with the iTunes tags podcast apps read, and
 * live and upcoming webcasts as Podcasting 2.0 <podcast:liveItem>s.
 *
 * Every database value is escaped here for XML text and attributes, and
 * characters XML 1.0 does not allow (C0 controls but tab and line feed,
 * C1 controls, U+FFFE, U+FFFF, broken UTF-8) never reach the output, so
 * the document is well-formed whatever the rows hold.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_RSS_H
#define WEBCAST_RSS_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_feed.h"
#include "webcast_model.h"

/* `s` escaped for XML text or a double-quoted attribute ("" for NULL). */
const char *webcast_rss_text(apr_pool_t *p, const char *s);

/* RFC 822 date, as RSS 2.0 wants: "Wed, 01 Jul 2026 19:00:00 GMT". */
const char *webcast_rss_date(apr_pool_t *p, apr_time_t t);

/* The MIME type of a download by its file name's extension (.mp4, .m4v,
 * .mov, .mp3, .m4a, ...); application/octet-stream when unknown. */
const char *webcast_rss_type(const char *url);

/* The feed of `list` (each after webcast_clock_apply()): the archived
 * ones as items, at most `max_items` of them (0: all), newest (latest
 * end) first; live and upcoming webcasts as liveItems, soonest first. An
 * item has an <enclosure> where f->download makes a URL for it. */
const char *webcast_rss_feed(apr_pool_t *p, const webcast_feed *f,
                             const webcast_presentation *const *list, int n,
                             int max_items);

#endif
