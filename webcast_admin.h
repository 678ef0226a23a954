/* webcast_admin.h - the staff admin (SPEC section 6), httpd side.
 *
 * webcast_admin.c answers requests (routing, the security checks, POST
 * handling, redirects); webcast_admin_db.c is its only door to mod_dbd;
 * webcast_admin_config.c reads the token secret. The pure parts are
 * webcast_form.c (rules), webcast_token.c (tokens) and
 * webcast_admin_render.c (HTML).
 */
#ifndef WEBCAST_ADMIN_H
#define WEBCAST_ADMIN_H

#include "httpd.h"
#include "http_config.h"

#include "webcast.h"
#include "webcast_admin_render.h"
#include "webcast_form.h"

/* Largest form body accepted; a form holds two TEXT fields of 64 KB,
 * which percent-encoding can triple. */
#define WEBCAST_ADMIN_MAX_BODY (1024 * 1024)
/* ...and of a schedule import's: a file of WEBCAST_IMPORT_MAX_BYTES,
 * pasted (percent-encoding can triple it) or carried by the preview. */
#define WEBCAST_ADMIN_MAX_IMPORT_BODY (8 * 1024 * 1024)

/* webcast_admin_config.c */
const char *webcast_set_admin_secret_file(cmd_parms *cmd, void *conf,
                                          const char *arg);
/* check_config hook: every SetHandler webcast-admin of httpd.conf sits in
 * a plain <Location>, has its statements, and a secret (the module's own,
 * in DefaultRuntimeDir, where WebcastAdminSecretFile is not around it). */
int webcast_admin_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp, server_rec *s);

/* webcast_admin.c */
int webcast_admin_handler(request_rec *r);
int webcast_admin_translate_name(request_rec *r);
/* An admin page, sent with its status (for the other webcast_admin_*.c). */
int webcast_admin_send(request_rec *r, int status, const char *html);

/* webcast_admin_import.c: a workshop's "Import a schedule" (GET: the
 * form; POST: the preview of every row, or with action=import every row
 * in one transaction). `refused`: the POST's token was bad; the form
 * comes back with what was pasted, nothing written (403). */
int webcast_admin_import(request_rec *r, const webcast_admin_site *site,
                         apr_uint32_t workshop_id, apr_table_t *in,
                         int refused);

/* webcast_admin_db.c */
const char *webcast_admin_db_prepare(server_rec *s);

/* Reads, each on its own (no transaction). Lists are arrays of
 * webcast_record *. */
webcast_db_status webcast_admin_db_get(request_rec *r, webcast_kind kind,
                                       apr_uint32_t id,
                                       webcast_record **out);
webcast_db_status webcast_admin_db_workshops(request_rec *r,
                                             apr_array_header_t **out);
webcast_db_status webcast_admin_db_schedule(request_rec *r,
                                            apr_uint32_t workshop_id,
                                            apr_array_header_t **out);
/* Presentations of the workshops on `day` (yyyy-mm-dd) and every live
 * one, by workshop and time. */
webcast_db_status webcast_admin_db_today(request_rec *r, const char *day,
                                         apr_array_header_t **out);

/* A record's trail after `since` (its version then; 0 for all), newest
 * first (webcast_change *). */
webcast_db_status webcast_admin_db_history(request_rec *r, webcast_kind kind,
                                           apr_uint32_t id,
                                           apr_uint32_t since,
                                           apr_array_header_t **out);

/* A second press of Save (or Import) on one form posts the same record
 * again. Its twin: the record of `list` (records as read; NULL entries
 * are passed over) with every field the same, still at version 1, and
 * created by `user` at or after `since` (when the form was first shown).
 * Its index, or -1. */
int webcast_admin_db_twin(request_rec *r, const apr_array_header_t *list,
                          const webcast_record *rec, const char *user,
                          apr_time_t since);

/* Changes: one transaction each, begun, locked, written, committed. A
 * transaction not committed is rolled back when the request ends. */
typedef struct webcast_admin_tx webcast_admin_tx;

typedef enum {
    WEBCAST_SAVE_OK = 0,
    WEBCAST_SAVE_STALE,         /* the version moved on, or the row went */
    WEBCAST_SAVE_DUPLICATE,     /* a unique key (the slug) is taken */
    WEBCAST_SAVE_NO_WORKSHOP,   /* presentation.workshop_id names none */
    WEBCAST_SAVE_FAILED         /* the database failed: logged */
} webcast_save_status;

webcast_db_status webcast_admin_db_begin(request_rec *r,
                                         webcast_admin_tx **tx);
/* The record, locked until the end of the transaction (FOR UPDATE). */
webcast_db_status webcast_admin_db_lock(webcast_admin_tx *tx,
                                        webcast_kind kind, apr_uint32_t id,
                                        webcast_record **out);
/* Insert (from NULL: sets to->id), update (from is the locked record;
 * the row must still have from->version) or delete (to NULL), with one
 * audit row per changed field. to->version becomes the stored version. */
webcast_save_status webcast_admin_db_write(webcast_admin_tx *tx,
                                           const char *user,
                                           const webcast_record *from,
                                           webcast_record *to);
/* 0 when committed. */
int webcast_admin_db_commit(webcast_admin_tx *tx);
void webcast_admin_db_rollback(webcast_admin_tx *tx);

#endif
