/* webcast_assets_config.c - WebcastAssetsDir: the assets that come from
 * npm rather than from this repository (hls.js, the HLS player of
 * browsers without native HLS).
 *
 * make install puts them in a data directory; httpd reads them once at
 * startup, so a missing file stops httpd with a message saying what to
 * do, rather than leaving Firefox viewers with a video that never plays.
 * They are then served from memory at assets/<name>?v=<version>, like
 * the compiled-in ones: the same route, the same build, the same
 * immutable caching.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "util_md5.h"
#include "apr_file_io.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_assets.h"
#include "webcast_compress.h"

APLOG_USE_MODULE(webcast);

#ifndef WEBCAST_ASSETS_DIR
#define WEBCAST_ASSETS_DIR "/usr/local/share/mod_webcast/assets"
#endif

/* What the directory must hold, and the type it is served with. */
static const struct {
    const char *name, *content_type;
} files[] = {
    { WEBCAST_ASSET_HLS, "text/javascript; charset=utf-8" },
};

const char *webcast_set_assets_dir(cmd_parms *cmd, void *confv,
                                   const char *arg)
{
    webcast_server_conf *sconf =
        ap_get_module_config(cmd->server->module_config, &webcast_module);
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    char *path;

    if (err != NULL) {
        return err;
    }
    path = ap_server_root_relative(cmd->pool, arg);
    if (path == NULL || *arg == '\0') {
        return apr_psprintf(cmd->pool, "%s \"%s\": not a valid path",
                            cmd->cmd->name, arg);
    }
    sconf->assets_dir = path;
    return NULL;
}

/* Its gzip and brotli copies, once here rather than by mod_deflate on
 * every request (hls.min.js: 624 KB, 190 KB gzipped; webcast.js: 14 KB,
 * about 5 KB). */
static void compress_copies(apr_pool_t *p, webcast_asset *a)
{
    webcast_response r;

    memset(&r, 0, sizeof(r));
    r.content_type = a->content_type;
    r.body = a->body;
    r.body_len = a->len;
    webcast_compress_response(p, &r);
    a->codings = r.codings;
    memcpy(a->coded, r.coded, sizeof(a->coded));
}

/* The asset `name` of `dir`, read into `p`; NULL and *err when it
 * cannot be. Its version is its MD5, as tools/embed-assets makes them. */
static webcast_asset *read_asset(apr_pool_t *p, const char *dir,
                                 const char *name, const char *type,
                                 const char **err)
{
    const char *path = apr_pstrcat(p, dir, "/", name, NULL);
    webcast_asset *a = apr_pcalloc(p, sizeof(*a));
    apr_file_t *f = NULL;
    apr_finfo_t fi;
    apr_status_t rv;
    char *body = NULL;

    rv = apr_file_open(&f, path, APR_FOPEN_READ | APR_FOPEN_BINARY, 0, p);
    if (rv == APR_SUCCESS) {
        rv = apr_file_info_get(&fi, APR_FINFO_SIZE, f);
    }
    if (rv == APR_SUCCESS && fi.size == 0) {
        rv = APR_EOF;
    }
    if (rv == APR_SUCCESS) {
        body = apr_palloc(p, (apr_size_t)fi.size + 1);
        rv = apr_file_read_full(f, body, (apr_size_t)fi.size, NULL);
        body[fi.size] = '\0';
    }
    if (f != NULL) {
        apr_file_close(f);      /* not kept open in pconf until a restart */
    }
    if (rv != APR_SUCCESS) {
        *err = apr_psprintf(p, "%s cannot be read (%pm): browsers without "
                            "native HLS need it to play. `make install` "
                            "puts it there (from npm: npm ci, then make); "
                            "or point WebcastAssetsDir at the directory "
                            "that holds it", path, &rv);
        return NULL;
    }
    a->name = name;
    a->content_type = type;
    a->version = apr_pstrndup(p, ap_md5_binary(p, (unsigned char *)body,
                                               (int)fi.size), 16);
    a->body = body;
    a->len = (apr_size_t)fi.size;
    compress_copies(p, a);
    return a;
}

/* check_config (so `apachectl -t` says it too): every file is there. */
int webcast_assets_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s)
{
    webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);
    const char *dir = sconf->assets_dir ? sconf->assets_dir
                                        : WEBCAST_ASSETS_DIR;
    const char *err = NULL;
    webcast_asset *builtin;
    apr_size_t i;

    /* again at each configuration: the copies live in pconf */
    for (i = 0; (builtin = webcast_asset_builtin(i)) != NULL; i++) {
        compress_copies(pconf, builtin);
    }
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        webcast_asset *a = read_asset(pconf, dir, files[i].name,
                                      files[i].content_type, &err);
        if (a == NULL) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                         WEBCAST_LOG_TAG "WebcastAssetsDir %s: %s", dir, err);
            return HTTP_INTERNAL_SERVER_ERROR;
        }
        if (webcast_asset_add(a) != 0) {
            ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                         WEBCAST_LOG_TAG "more assets to read than "
                         "WEBCAST_ASSETS_LOADED_MAX");
            return HTTP_INTERNAL_SERVER_ERROR;
        }
    }
    return OK;
}
