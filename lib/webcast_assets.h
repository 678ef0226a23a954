/* webcast_assets.h - the module's own static files (assets/: the page
 * script and the built-in stylesheet), compiled in by tools/embed-assets
 * and served at `assets/<name>`. Pure: builds without httpd.
 */
#ifndef WEBCAST_ASSETS_H
#define WEBCAST_ASSETS_H

#include <apr.h>

typedef struct {
    const char *name;               /* "webcast.js" */
    const char *content_type;
    const char *version;            /* MD5 prefix: ETag and ?v= */
    const char *body;
    apr_size_t len;
} webcast_asset;

/* The asset called `name`, or NULL. */
const webcast_asset *webcast_asset_find(const char *name);

#endif
