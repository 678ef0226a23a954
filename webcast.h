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
#include "apr_hash.h"

#include "webcast_cache.h"
#include "webcast_freshness.h"
#include "webcast_pattern.h"
#include "webcast_state.h"
#include "webcast_time.h"
#include "webcast_token.h"

/* The log tag every line of ours starts with, so admins can grep for it. */
#define WEBCAST_LOG_TAG "mod_webcast: "

/* Seconds a client is asked to wait when the database is unreachable. */
#define WEBCAST_RETRY_AFTER "5"

extern module AP_MODULE_DECLARE_DATA webcast_module;

/* One WebcastArchiveAlternate: a stream for connections of `bitrate`. */
typedef struct {
    apr_uint32_t bitrate;           /* bits/s; 0: any connection */
    webcast_pattern *pattern;
} webcast_alternate_conf;

/* Per-directory configuration; NULL members are unset (inherit). */
typedef struct {
    const char *mount;              /* the <Location> path, no trailing '/' */
    webcast_pattern *archive_url;   /* WebcastArchiveURL */
    webcast_pattern *live_url;      /* WebcastLiveURL */
    webcast_pattern *archive_hls;   /* WebcastArchiveHLS */
    webcast_pattern *live_hls;      /* WebcastLiveHLS */
    apr_array_header_t *archive_alternates; /* of webcast_alternate_conf */
    const webcast_tz *tz;           /* WebcastTimeZone */
    const char *stylesheet;         /* WebcastStyleSheet */
    const char *header_name;        /* WebcastHeaderName */
    const char *footer_name;        /* WebcastFooterName */
    int cache_ttl;                  /* WebcastCacheTTL seconds, -1 unset */
    const webcast_key *admin_secret; /* WebcastAdminSecretFile's bytes */
    const char *embed_ancestors;    /* WebcastEmbedAncestors, CSP sources */
    const char *slides_dir;         /* WebcastSlidesDir, absolute */
    const char *slides_url;         /* WebcastSlidesURL, no trailing '/' */
    apr_off_t upload_limit;         /* WebcastUploadLimit bytes, 0 unset */
    webcast_pattern *archive_download; /* WebcastArchiveDownload */
    webcast_freshness_conf freshness; /* WebcastSharedMaxAge,
                                       * WebcastStaleWhileRevalidate,
                                       * WebcastStaleIfError; -1 unset */
} webcast_dir_conf;

typedef struct {
    int prepared;                   /* our statements are registered */
    const webcast_tz *utc;          /* the zone when none is configured */
    apr_size_t cache_size;          /* WebcastCacheSize, main server only */
    apr_hash_t *admin_sql;          /* the admin's statements: label -> SQL */
    const webcast_key *admin_secret; /* the module's own, for admins without
                                      * WebcastAdminSecretFile */
    const char *assets_dir;         /* WebcastAssetsDir, main server only */
} webcast_server_conf;

#define WEBCAST_CACHE_SIZE_DEFAULT (16 * 1024 * 1024)

/* webcast_config.c */
void *webcast_create_server_conf(apr_pool_t *p, server_rec *s);
void *webcast_create_dir_conf(apr_pool_t *p, char *dir);
int webcast_find_mounts(apr_pool_t *pconf, apr_pool_t *plog,
                        apr_pool_t *ptemp, server_rec *s);
void *webcast_merge_dir_conf(apr_pool_t *p, void *basev, void *addv);
/* cmd->info is the APR_OFFSETOF of the webcast_pattern * to set. */
const char *webcast_set_archive_pattern(cmd_parms *cmd, void *conf,
                                        const char *arg);
const char *webcast_set_live_pattern(cmd_parms *cmd, void *conf,
                                     const char *arg);
const char *webcast_set_archive_alternate(cmd_parms *cmd, void *conf,
                                          const char *bitrate,
                                          const char *pattern);
const char *webcast_set_time_zone(cmd_parms *cmd, void *conf,
                                  const char *arg);
/* An archive pattern that must make an http(s) URL of a literal host. */
const char *webcast_set_download_pattern(cmd_parms *cmd, void *conf,
                                         const char *arg);
/* cmd->info is the APR_OFFSETOF of a const char * that must be a URL. */
const char *webcast_set_url(cmd_parms *cmd, void *conf, const char *arg);
/* cmd->info as above; the value must be a local path ("/...") */
const char *webcast_set_local_uri(cmd_parms *cmd, void *conf,
                                  const char *arg);
const char *webcast_set_cache_ttl(cmd_parms *cmd, void *conf,
                                  const char *arg);
const char *webcast_set_cache_size(cmd_parms *cmd, void *conf,
                                   const char *arg);
/* cmd->info is the APR_OFFSETOF of an int in webcast_dir_conf: seconds
 * of a Cache-Control value for shared caches. */
const char *webcast_set_shared_seconds(cmd_parms *cmd, void *conf,
                                       const char *arg);
const char *webcast_set_embed_ancestors(cmd_parms *cmd, void *conf,
                                        int argc, char *const argv[]);

/* webcast_assets_config.c: WebcastAssetsDir, and reading its files
 * (hls.js) at startup. */
const char *webcast_set_assets_dir(cmd_parms *cmd, void *conf,
                                   const char *arg);
int webcast_assets_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s);

/* webcast_db.c: rows copied into plain structs; nothing of apr_dbd leaks. */
typedef enum {
    WEBCAST_DB_OK = 0,
    WEBCAST_DB_NOT_FOUND,
    WEBCAST_DB_UNAVAILABLE
} webcast_db_status;

/* Register our statements with mod_dbd for server `s`; returns an error
 * message when mod_dbd is not loaded. Config time only. */
const char *webcast_db_prepare(server_rec *s);
/* optional_fn_retrieve hook: find mod_dbd's functions once loaded. */
void webcast_db_retrieve_fns(void);

/* The page's presentation, its captions too (sql/006-captions.sql). */
webcast_db_status webcast_db_presentation(request_rec *r, apr_uint32_t id,
                                          webcast_presentation **out);
/* The same without speaker_bio and summary (NULL) and with has_captions
 * only: for the embed. */
webcast_db_status webcast_db_embed(request_rec *r, apr_uint32_t id,
                                   webcast_presentation **out);
/* The same without speaker_bio and summary (NULL): for reference movies
 * and status resources. */
webcast_db_status webcast_db_stream(request_rec *r, apr_uint32_t id,
                                    webcast_presentation **out);
/* Every workshop, newest first (webcast_workshop *). */
webcast_db_status webcast_db_workshops(request_rec *r,
                                       apr_array_header_t **list);
/* A workshop by slug and its presentations in schedule order
 * (webcast_presentation *, without bio and summary): one query, whatever
 * the schedule's size; two for a workshop without presentations. */
webcast_db_status webcast_db_workshop(request_rec *r, const char *slug,
                                      webcast_workshop **out,
                                      apr_array_header_t **schedule);

/* presentation.captions (sql/006-captions.sql), whole: *text NULL when
 * it has none (or the database lacks 006), else its *len bytes; the
 * row's *updated_at. */
webcast_db_status webcast_db_captions(request_rec *r, apr_uint32_t id,
                                     const char **text, apr_size_t *len,
                                     apr_time_t *updated_at);

/* The feeds' rows (webcast_presentation *, with summary, archive_bytes
 * and workshop_location), one query each, whatever their size. A
 * workshop by slug with all its presentations (speaker bios too) in
 * schedule order, for its calendar, podcast and schedule.json: */
webcast_db_status webcast_db_feed_workshop(request_rec *r, const char *slug,
                                           webcast_workshop **out,
                                           apr_array_header_t **list);
/* every presentation of the workshops ending on `today` (yyyymmdd, the
 * site zone's) or later: */
webcast_db_status webcast_db_feed_calendar(request_rec *r, int today,
                                           apr_array_header_t **list);
/* the newest WEBCAST_FEED_ARCHIVE_MAX archived webcasts at `now`, and the
 * live and upcoming ones (more rows than that may come back: the caller
 * keeps the newest archived ones by the state it works out). */
#define WEBCAST_FEED_ARCHIVE_MAX 100
webcast_db_status webcast_db_feed_archive(request_rec *r, apr_time_t now,
                                          apr_array_header_t **list);

/* For files that include apr_dbd.h and mod_dbd.h (the DB files): a
 * connection with retry past dead pooled ones, and column n of a row as a
 * pool string (NULL for SQL NULL). */
#ifdef DBD_H
ap_dbd_t *webcast_db_acquire(request_rec *r);
const char *webcast_db_text(apr_pool_t *p, const apr_dbd_driver_t *drv,
                            apr_dbd_row_t *row, int n);
/* The first column of a constant query's first row (a server variable). */
const char *webcast_db_variable(request_rec *r, ap_dbd_t *dbd,
                                const char *sql);
#endif
/* The GTID position the public pages' database has applied (a replica's
 * @@gtid_current_pos), NULL when it cannot be read. */
const char *webcast_db_position(request_rec *r);

/* webcast_socache.c: WebcastCacheSOCache, the cache shared by children
 * and servers behind each child's own. */
typedef enum {
    WEBCAST_SHARED_OFF,         /* none, or failing: the child's own alone */
    WEBCAST_SHARED_FRESH,       /* *out, fresh until *until: built by
                                 * another child or server */
    WEBCAST_SHARED_UPDATING,    /* *out is the last copy; another is
                                 * building the next */
    WEBCAST_SHARED_BUILD        /* build it here, then _store (or _forget,
                                 * _release); *last = the shared last copy
                                 * when there is one (*have set) */
} webcast_shared_state;

const char *webcast_set_cache_socache(cmd_parms *cmd, void *dummy,
                                      const char *arg);
int webcast_socache_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp);
int webcast_socache_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s);
void webcast_socache_child_init(apr_pool_t *pchild, server_rec *s);
/* What the shared cache has for `key`, for a request that holds the
 * child's lease of it. With no copy anywhere and another building it,
 * waits for that one (2 s at most; then OFF: build it here). */
webcast_shared_state webcast_socache_fetch(request_rec *r, const char *key,
                                           webcast_response *out,
                                           apr_time_t *until,
                                           webcast_response *last, int *have);
/* Store what was built (fresh until `until`) and release the lease. */
void webcast_socache_store(request_rec *r, const char *key,
                           const webcast_response *resp, apr_time_t until);
/* What `key` named is gone (404): no copy, no lease. */
void webcast_socache_forget(request_rec *r, const char *key);
/* The build failed (database down): release the lease only. */
void webcast_socache_release(request_rec *r, const char *key);
/* Is a shared cache configured and answering (so worth telling)? */
int webcast_socache_in_use(void);
/* The admin wrote: the primary's GTID position after its commit. */
void webcast_socache_mark_written(request_rec *r, const char *pos);
/* That position, NULL when there is none (or no shared cache). */
const char *webcast_socache_written(request_rec *r);

/* webcast_handler.c */
int webcast_handler(request_rec *r);
/* child_init: the process's page cache, sized by WebcastCacheSize. */
void webcast_cache_init(apr_pool_t *pchild, server_rec *s);
int webcast_translate_name(request_rec *r);
/* Shared with the admin handler: is `name` the handler SetHandler gives
 * r, and mark r as a URL of ours that maps to no file. */
int webcast_handler_is(request_rec *r, const char *name);
void webcast_not_a_file(request_rec *r);
int webcast_map_to_storage(request_rec *r);

#endif
