/* mod_webcast.c - a workshop webcast site served straight out of MySQL.
 *
 * This file only wires hooks and directives; see webcast.h for the map of
 * the other files.
 */
#include "httpd.h"
#include "http_config.h"

#include "webcast.h"

static const command_rec webcast_cmds[] = {
    AP_INIT_TAKE1("WebcastArchiveURL", webcast_set_archive_url, NULL,
                  RSRC_CONF | ACCESS_CONF,
                  "Stream URL pattern of an archived webcast, with {path}, "
                  "{file} and {id}, e.g. rtsp://qtss.example.edu/{path}/{file}"),
    AP_INIT_TAKE1("WebcastLiveURL", webcast_set_live_url, NULL,
                  RSRC_CONF | ACCESS_CONF,
                  "Stream URL pattern of a live webcast, with {stream} and "
                  "{id}, e.g. rtsp://qtss.example.edu/{stream}"),
    { NULL }
};

static void webcast_register_hooks(apr_pool_t *p)
{
    ap_hook_handler(webcast_handler, NULL, NULL, APR_HOOK_MIDDLE);
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
