/* webcast.h - what the httpd-side files of mod_webcast share.
 *
 * mod_webcast.c wires hooks and directives; webcast_config.c holds the
 * directive handlers and per-directory config; webcast_db.c is the only
 * file that talks to mod_dbd; webcast_handler.c answers requests.
 */
#ifndef WEBCAST_H
#define WEBCAST_H

#include "httpd.h"
#include "http_config.h"

#include "webcast_pattern.h"
#include "webcast_state.h"

/* The log tag every line of ours starts with, so admins can grep for it. */
#define WEBCAST_LOG_TAG "mod_webcast: "

/* Seconds a client is asked to wait when the database is unreachable. */
#define WEBCAST_RETRY_AFTER "5"

extern module AP_MODULE_DECLARE_DATA webcast_module;

typedef struct {
    const char *mount;              /* the <Location> path, no trailing '/' */
    webcast_pattern *archive_url;   /* WebcastArchiveURL, NULL when unset */
    webcast_pattern *live_url;      /* WebcastLiveURL, NULL when unset */
} webcast_dir_conf;

typedef struct {
    int prepared;                   /* our statements are registered */
} webcast_server_conf;

/* webcast_config.c */
void *webcast_create_server_conf(apr_pool_t *p, server_rec *s);
void *webcast_create_dir_conf(apr_pool_t *p, char *dir);
void *webcast_merge_dir_conf(apr_pool_t *p, void *basev, void *addv);
const char *webcast_set_archive_url(cmd_parms *cmd, void *conf,
                                    const char *arg);
const char *webcast_set_live_url(cmd_parms *cmd, void *conf,
                                 const char *arg);

/* webcast_db.c: rows copied into plain structs; nothing of apr_dbd leaks. */
typedef struct {
    apr_uint32_t id;
    apr_uint32_t workshop_id;
    const char *workshop_slug;
    const char *workshop_title;
    const char *title;
    const char *speaker_name;
    const char *speaker_affiliation;    /* NULL when SQL NULL */
    const char *speaker_bio;
    const char *summary;
    apr_time_t starts_at;               /* UTC */
    apr_time_t ends_at;
    const char *slides_url;
    int has_webcast;
    webcast_state state;
    const char *webcast_path;
    const char *webcast_filename;
    const char *live_stream;            /* presentation's, else workshop's */
    const char *external_name;
    const char *external_url;
    apr_time_t updated_at;
} webcast_presentation;

typedef enum {
    WEBCAST_DB_OK = 0,
    WEBCAST_DB_NOT_FOUND,
    WEBCAST_DB_UNAVAILABLE
} webcast_db_status;

/* Register our statements with mod_dbd for server `s`; returns an error
 * message when mod_dbd is not loaded. Config time only. */
const char *webcast_db_prepare(server_rec *s);

webcast_db_status webcast_db_presentation(request_rec *r, apr_uint32_t id,
                                          webcast_presentation **out);

/* webcast_handler.c */
int webcast_handler(request_rec *r);

#endif
