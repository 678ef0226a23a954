/* webcast_render.h - the public pages as HTML strings (SPEC sections 2, 5).
 *
 * Pure: takes plain structs, returns pool strings, never touches httpd or
 * the database, so every page can be unit-tested and fuzzed. Every value
 * from the database goes through webcast_html(); only URLs that pass
 * webcast_url_linkable() become links (and, for slides, site paths that
 * pass webcast_url_site_relative()).
 */
#ifndef WEBCAST_RENDER_H
#define WEBCAST_RENDER_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_model.h"
#include "webcast_pattern.h"
#include "webcast_time.h"

typedef struct {
    const char *mount;              /* "" or "/kdmc/webcasts": link prefix */
    const webcast_tz *tz;           /* never NULL */
    const webcast_pattern *archive_url, *live_url;    /* RTSP; may be NULL */
    const webcast_pattern *archive_hls, *live_hls;    /* HLS; may be NULL */
    const char *stylesheet;         /* URL, or NULL for the built-in style */
    apr_time_t now;
    apr_time_t next_change;         /* the next scheduled change shown, 0 */
    const char *origin;             /* "https://host[:port]" or NULL */
} webcast_site;

/* A page is open + main + close; the handler puts the admin's header and
 * footer (WebcastHeaderName, WebcastFooterName) between them. */
typedef struct {
    const char *open;               /* doctype .. <body> */
    const char *main;               /* <main> .. </main> */
    const char *close;              /* </body></html> */
} webcast_page;

webcast_page webcast_render_index(apr_pool_t *p, const webcast_site *site,
                                  const webcast_workshop *const *list, int n);

webcast_page webcast_render_workshop(apr_pool_t *p, const webcast_site *site,
                                     const webcast_workshop *w,
                                     const webcast_presentation *const *list,
                                     int n);

webcast_page webcast_render_presentation(apr_pool_t *p,
                                         const webcast_site *site,
                                         const webcast_presentation *pr);

/* presentations/<id>/embed/: the player block alone, for a partner's
 * <iframe>; it follows the state like the page. */
webcast_page webcast_render_embed(apr_pool_t *p, const webcast_site *site,
                                  const webcast_presentation *pr);

/* A whole page for an error status (404, 503). */
const char *webcast_render_error(apr_pool_t *p, const webcast_site *site,
                                 int status);

#endif
