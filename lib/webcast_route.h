/* webcast_route.h - the public URL map (SPEC section 5) as a pure parser.
 *
 * Builds without httpd so unit tests and fuzzers can link it.
 */
#ifndef WEBCAST_ROUTE_H
#define WEBCAST_ROUTE_H

#include <apr.h>

typedef enum {
    WEBCAST_ROUTE_DECLINE = 0,     /* not ours: let static files serve */
    WEBCAST_ROUTE_NOT_FOUND,       /* in our namespace but malformed */
    WEBCAST_ROUTE_INDEX,           /* location root */
    WEBCAST_ROUTE_INDEX_SLASH,     /* mount point without '/': redirect */
    WEBCAST_ROUTE_WORKSHOP,        /* workshops/<slug>/ */
    WEBCAST_ROUTE_WORKSHOP_SLASH,  /* workshops/<slug>: redirect to slash */
    WEBCAST_ROUTE_PRESENTATION,    /* presentations/<id>/ */
    WEBCAST_ROUTE_PRESENTATION_SLASH,
    WEBCAST_ROUTE_REF_ARCHIVE,     /* presentations/webcast-archive.<id>.ref.mov */
    WEBCAST_ROUTE_REF_LIVE,        /* presentations/webcast-live.<id>.ref.mov */
    WEBCAST_ROUTE_PRESENTATION_STATUS, /* presentations/<id>/status.json */
    WEBCAST_ROUTE_WORKSHOP_STATUS, /* workshops/<slug>/status.json */
    WEBCAST_ROUTE_EMBED,           /* presentations/<id>/embed/ */
    WEBCAST_ROUTE_EMBED_SLASH,     /* presentations/<id>/embed: redirect */
    WEBCAST_ROUTE_OEMBED,          /* oembed (?url=...) */
    WEBCAST_ROUTE_ASSET,           /* assets/<name> */
    WEBCAST_ROUTE_QTL_ARCHIVE,     /* presentations/webcast-archive.<id>.qtl */
    WEBCAST_ROUTE_QTL_LIVE,        /* presentations/webcast-live.<id>.qtl */
    WEBCAST_ROUTE_RMRA_ARCHIVE,    /* ...webcast-archive.<id>.rmra.mov */
    WEBCAST_ROUTE_RMRA_LIVE,       /* ...webcast-live.<id>.rmra.mov */
    WEBCAST_ROUTE_CALENDAR,        /* calendar.ics */
    WEBCAST_ROUTE_ARCHIVE_RSS,     /* archive.rss */
    WEBCAST_ROUTE_WORKSHOP_CALENDAR, /* workshops/<slug>/calendar.ics */
    WEBCAST_ROUTE_WORKSHOP_RSS,    /* workshops/<slug>/archive.rss */
    WEBCAST_ROUTE_WORKSHOP_SCHEDULE, /* workshops/<slug>/schedule.json */
    WEBCAST_ROUTE_CAPTIONS         /* presentations/<id>/captions.vtt */
} webcast_route_kind;

#define WEBCAST_SLUG_MAX 64
#define WEBCAST_ASSET_MAX 64

typedef struct {
    webcast_route_kind kind;
    apr_uint32_t id;                    /* presentations: 1 .. 4294967295 */
    char slug[WEBCAST_SLUG_MAX + 1];    /* workshops: [a-z0-9-]{1,64} */
    char asset[WEBCAST_ASSET_MAX + 1];  /* assets: [a-z0-9-][a-z0-9.-]* */
} webcast_route_t;

/* Parse the part of the path below the mount point. `rel` is "" for the
 * mount point itself (no trailing slash) or starts with "/". */
webcast_route_kind webcast_route_parse(const char *rel, webcast_route_t *out);

/* Strict decimal id: no sign, no leading zero, 1 .. 2^32-1, exactly
 * `len` bytes. Returns 1 and sets *id, or 0. */
int webcast_parse_id(const char *s, apr_size_t len, apr_uint32_t *id);

/* Slug rule of SPEC section 3: [a-z0-9-]{1,64}. */
int webcast_slug_valid(const char *s, apr_size_t len);

#endif
