/* webcast_assets.h - the module's own static files (assets/: the page
 * script and the built-in stylesheet), compiled in by tools/embed-assets
 * and served at `assets/<name>`; and those read at startup from a data
 * directory (hls.js). Pure: builds without httpd.
 */
#ifndef WEBCAST_ASSETS_H
#define WEBCAST_ASSETS_H

#include <apr.h>

#include "webcast_encoding.h"

typedef struct {
    const char *name;               /* "webcast.js" */
    const char *content_type;
    const char *version;            /* MD5 prefix: ETag and ?v= */
    const char *body;
    apr_size_t len;
    /* gzip and brotli copies, made once at startup (httpd side) */
    unsigned codings;
    webcast_bytes coded[WEBCAST_ENC_COUNT];
} webcast_asset;

/* The asset called `name`, or NULL. */
const webcast_asset *webcast_asset_find(const char *name);

/* The compiled-in asset number i (from 0), or NULL past the last: at
 * startup only, to give it its compressed copies. */
webcast_asset *webcast_asset_builtin(apr_size_t i);

/* The assets read from WebcastAssetsDir at startup, not compiled in. */
#define WEBCAST_ASSET_HLS "hls.min.js"      /* hls.js, from npm */
#define WEBCAST_ASSETS_LOADED_MAX 4

/* Serve `a` (whose memory outlives the requests) too, in place of one of
 * the same name; at startup only, before any request. 0, or -1 when
 * WEBCAST_ASSETS_LOADED_MAX are there already. */
int webcast_asset_add(const webcast_asset *a);

#endif
