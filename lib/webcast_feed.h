/* webcast_feed.h - what the feeds (calendar.ics, archive.rss,
 * schedule.json) share: the site they describe, the stable identifier of
 * a presentation, and the sentence its webcast state says in plain text.
 *
 * Feeds are read by programs elsewhere (calendars, podcast apps, partner
 * sites), so every URL in them is absolute. Pure: builds without httpd.
 */
#ifndef WEBCAST_FEED_H
#define WEBCAST_FEED_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_model.h"
#include "webcast_pattern.h"
#include "webcast_time.h"

typedef struct {
    const char *origin;     /* "https://host[:port]" */
    const char *base;       /* absolute URL of the mount, no trailing '/' */
    const char *self;       /* absolute URL of the feed itself */
    const char *link;       /* the page it is the feed of (absolute) */
    const char *domain;     /* ServerName: the right-hand side of UIDs */
    const char *title;      /* the calendar's or the channel's name */
    const char *summary;    /* what it is about; NULL */
    const webcast_tz *tz;
    const webcast_pattern *archive_url, *live_url;  /* RTSP; NULL */
    const webcast_pattern *archive_hls, *live_hls;  /* HLS; NULL */
    const webcast_pattern *download;    /* WebcastArchiveDownload; NULL */
    apr_time_t now;
} webcast_feed;

/* base + path ("/presentations/7/"). */
const char *webcast_feed_url(apr_pool_t *p, const webcast_feed *f,
                             const char *path);

/* The presentation's page, absolute. */
const char *webcast_feed_page(apr_pool_t *p, const webcast_feed *f,
                              const webcast_presentation *pr);

/* "presentation-<id>@<domain>": the iCalendar UID and the RSS guid. It
 * names the row, not the URL, so it survives a new mount point or host
 * alias, and servers of one site (same ServerName) agree on it. */
const char *webcast_feed_uid(apr_pool_t *p, const webcast_feed *f,
                             const webcast_presentation *pr);

/* What the shown state (after webcast_clock_apply) means for someone
 * who wants to watch, as one plain-text sentence: "Watch live at <page>",
 * "Watch the archive at <page>", "Will be webcast live at <page>", "The
 * archived video will be posted soon", "Webcast by <name>: <url>", "Not
 * webcast". NULL for a state this build does not know. */
const char *webcast_feed_says(apr_pool_t *p, const webcast_feed *f,
                              const webcast_presentation *pr);

/* The plain text describing `pr` in a feed: the state's sentence first
 * (what a calendar or podcast app shows in its preview), then who
 * speaks, in which workshop, and the talk's summary. */
const char *webcast_feed_description(apr_pool_t *p, const webcast_feed *f,
                                     const webcast_presentation *pr);

/* When what a feed says about `pr` last changed: its row (or its
 * workshop's) or, for a row that follows the schedule, the last start or
 * end that passed - whichever is later. Never goes back in time. */
apr_time_t webcast_feed_modified(const webcast_presentation *pr,
                                 apr_time_t now);

/* The download URL of an archived presentation under f->download, or
 * NULL (no pattern, not archived, a field missing or unsafe). */
const char *webcast_feed_download(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_presentation *pr);

#endif
