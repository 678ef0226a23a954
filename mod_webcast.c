/* mod_webcast.c - a workshop webcast site served straight out of MySQL.
 *
 * This file only wires hooks and directives; see webcast.h for the map of
 * the other files.
 */
#include "httpd.h"
#include "http_config.h"
#include "http_request.h"

#include "webcast.h"
#include "webcast_admin.h"

#define SLOT(field) (void *)APR_OFFSETOF(webcast_dir_conf, field)
#define WHERE (RSRC_CONF | ACCESS_CONF)

static const command_rec webcast_cmds[] = {
    AP_INIT_TAKE1("WebcastArchiveURL", webcast_set_archive_pattern,
                  SLOT(archive_url), WHERE,
                  "Stream URL pattern of an archived webcast, with {path}, "
                  "{file} and {id}, e.g. rtsp://qtss.example.edu/{path}/{file}"),
    AP_INIT_TAKE1("WebcastLiveURL", webcast_set_live_pattern,
                  SLOT(live_url), WHERE,
                  "Stream URL pattern of a live webcast, with {stream} and "
                  "{id}, e.g. rtsp://qtss.example.edu/{stream}"),
    AP_INIT_TAKE2("WebcastArchiveAlternate", webcast_set_archive_alternate,
                  NULL, WHERE,
                  "An alternate stream of an archive for the binary "
                  "reference movie: data rate in bits/s and a URL pattern "
                  "with {path}, {file} and {id}; repeat for each rate"),
    AP_INIT_TAKE1("WebcastArchiveHLS", webcast_set_archive_pattern,
                  SLOT(archive_hls), WHERE,
                  "HLS (HTML5 video) URL pattern of an archived webcast, "
                  "with {path}, {file} and {id}"),
    AP_INIT_TAKE1("WebcastLiveHLS", webcast_set_live_pattern,
                  SLOT(live_hls), WHERE,
                  "HLS (HTML5 video) URL pattern of a live webcast, with "
                  "{stream} and {id}"),
    AP_INIT_TAKE1("WebcastTimeZone", webcast_set_time_zone, NULL, WHERE,
                  "IANA time zone in which times are shown, e.g. "
                  "America/Los_Angeles (default UTC)"),
    AP_INIT_TAKE1("WebcastStyleSheet", webcast_set_url, SLOT(stylesheet),
                  WHERE, "URL of a stylesheet that replaces the built-in one"),
    AP_INIT_TAKE1("WebcastHeaderName", webcast_set_local_uri,
                  SLOT(header_name), WHERE,
                  "Local URL of an HTML fragment put at the top of each page"),
    AP_INIT_TAKE1("WebcastFooterName", webcast_set_local_uri,
                  SLOT(footer_name), WHERE,
                  "Local URL of an HTML fragment put at the end of each page"),
    AP_INIT_TAKE1("WebcastCacheTTL", webcast_set_cache_ttl, NULL, WHERE,
                  "Seconds a rendered page or movie may be reused "
                  "(default 0: every request reads the database)"),
    AP_INIT_TAKE1("WebcastSharedMaxAge", webcast_set_shared_seconds,
                  SLOT(freshness.shared_max_age), WHERE,
                  "Seconds a shared cache (CDN) may keep a public answer, "
                  "never past its next scheduled change (s-maxage; "
                  "default: as max-age)"),
    AP_INIT_TAKE1("WebcastStaleWhileRevalidate", webcast_set_shared_seconds,
                  SLOT(freshness.stale_while_revalidate), WHERE,
                  "Seconds a shared cache may show a stale answer while it "
                  "fetches a new one, never past its next scheduled change "
                  "(default 30)"),
    AP_INIT_TAKE1("WebcastStaleIfError", webcast_set_shared_seconds,
                  SLOT(freshness.stale_if_error), WHERE,
                  "Seconds a cache may show a stale answer when this "
                  "server cannot answer (default 86400)"),
    AP_INIT_TAKE1("WebcastCacheSize", webcast_set_cache_size, NULL,
                  RSRC_CONF, "Memory for cached pages per httpd child, "
                  "e.g. 16M (default)"),
    AP_INIT_TAKE1("WebcastCacheSOCache", webcast_set_cache_socache, NULL,
                  RSRC_CONF, "A cache shared by the children and servers, "
                  "through mod_socache: shmcb[:path(size)], "
                  "memcache:host:port[,...], redis:host:port[,...]"),
    AP_INIT_TAKE1("WebcastAdminSecretFile", webcast_set_admin_secret_file,
                  NULL, WHERE,
                  "File with the secret of the staff admin's anti-forgery "
                  "tokens; made with a random secret if it does not exist "
                  "(default: the module's own, in DefaultRuntimeDir)"),
    AP_INIT_TAKE1("WebcastArchiveDownload", webcast_set_download_pattern,
                  SLOT(archive_download), WHERE,
                  "http(s) URL pattern of an archive's download file, with "
                  "{path}, {file} and {id}, for the podcast feed's "
                  "enclosures"),
    AP_INIT_TAKE_ARGV("WebcastEmbedAncestors", webcast_set_embed_ancestors,
                      NULL, WHERE,
                      "Sites that may show the embed page in a frame "
                      "(CSP frame-ancestors sources; default *)"),
    AP_INIT_TAKE1("WebcastSlidesDir", webcast_set_slides_dir, NULL, WHERE,
                  "Directory the staff admin stores uploaded slides in; "
                  "httpd's user must be able to write it"),
    AP_INIT_TAKE1("WebcastSlidesURL", webcast_set_slides_url, NULL, WHERE,
                  "URL under which WebcastSlidesDir is served, e.g. /slides"),
    AP_INIT_TAKE1("WebcastUploadLimit", webcast_set_upload_limit, NULL,
                  WHERE, "Largest slides file the admin takes, e.g. 100M "
                  "(default)"),
    AP_INIT_TAKE1("WebcastAssetsDir", webcast_set_assets_dir, NULL,
                  RSRC_CONF, "Directory holding hls.min.js, the player of "
                  "browsers without native HLS (default: where make "
                  "install puts it)"),
    { NULL }
};

static void webcast_register_hooks(apr_pool_t *p)
{
    ap_hook_post_config(webcast_find_mounts, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_check_config(webcast_admin_check_config, NULL, NULL,
                         APR_HOOK_MIDDLE);
    ap_hook_check_config(webcast_slides_check_config, NULL, NULL,
                         APR_HOOK_MIDDLE);
    ap_hook_check_config(webcast_assets_check_config, NULL, NULL,
                         APR_HOOK_MIDDLE);
    ap_hook_optional_fn_retrieve(webcast_db_retrieve_fns, NULL, NULL,
                                 APR_HOOK_MIDDLE);
    ap_hook_translate_name(webcast_translate_name, NULL, NULL,
                           APR_HOOK_MIDDLE);
    ap_hook_map_to_storage(webcast_map_to_storage, NULL, NULL,
                           APR_HOOK_MIDDLE);
    ap_hook_child_init(webcast_cache_init, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_pre_config(webcast_socache_pre_config, NULL, NULL,
                       APR_HOOK_MIDDLE);
    ap_hook_post_config(webcast_socache_post_config, NULL, NULL,
                        APR_HOOK_MIDDLE);
    ap_hook_child_init(webcast_socache_child_init, NULL, NULL,
                       APR_HOOK_MIDDLE);
    ap_hook_handler(webcast_handler, NULL, NULL, APR_HOOK_MIDDLE);
    ap_hook_translate_name(webcast_admin_translate_name, NULL, NULL,
                           APR_HOOK_MIDDLE);
    ap_hook_handler(webcast_admin_handler, NULL, NULL, APR_HOOK_MIDDLE);
}

AP_DECLARE_MODULE(webcast) = {
    STANDARD20_MODULE_STUFF,
    webcast_create_dir_conf,
    webcast_merge_dir_conf,
    webcast_create_server_conf,
    NULL,
    webcast_cmds,
    webcast_register_hooks,
    AP_MODULE_FLAG_NONE
};
