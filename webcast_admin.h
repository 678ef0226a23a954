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
#include "apr_hash.h"

#include "webcast.h"
#include "webcast_admin_render.h"
#include "webcast_form.h"
#include "webcast_slides.h"
#include "webcast_vtt.h"

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

/* webcast_admin_body.c: a POST body of at most `max` bytes, urlencoded
 * or (for a form `with_files`) multipart/form-data: its fields, and its
 * file inputs by name, each held in memory (webcast_admin_file *). OK,
 * or the status that refuses it (413, 415, 400). */
typedef struct {
    const char *filename;       /* as sent; "" when none was chosen */
    char *data;                 /* NUL-terminated; may hold NULs */
    apr_size_t len;
} webcast_admin_file;

int webcast_admin_read_body(request_rec *r, apr_size_t max, int with_files,
                            apr_table_t **fields, apr_hash_t **files);

/* webcast_admin_import.c: a workshop's "Import a schedule" (GET: the
 * form; POST: the preview of every row, or with action=import every row
 * in one transaction). `refused`: the POST's token was bad; the form
 * comes back with what was pasted, nothing written (403). */
int webcast_admin_import(request_rec *r, const webcast_admin_site *site,
                         apr_uint32_t workshop_id, apr_table_t *in,
                         apr_hash_t *files, int refused);

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
/* How many presentations link `url` as their slides. */
webcast_db_status webcast_admin_db_slides_users(request_rec *r,
                                                const char *url, int *n);

/* presentation.captions (sql/006-captions.sql): its size in bytes, 0
 * for none. */
webcast_db_status webcast_admin_db_captions(request_rec *r, apr_uint32_t id,
                                            apr_off_t *bytes);
/* Store `text` as the locked presentation's captions (NULL: remove
 * them), with one audit row: field "captions", the files as `summary`
 * says (the new one's) and as the database sums up the old one. The
 * record's version goes up by one. */
webcast_save_status webcast_admin_db_set_captions(webcast_admin_tx *tx,
                                                  const char *user,
                                                  const webcast_record *cur,
                                                  const char *text,
                                                  const char *summary);

/* 0 when committed. */
int webcast_admin_db_commit(webcast_admin_tx *tx);
void webcast_admin_db_rollback(webcast_admin_tx *tx);

/* webcast_slides_config.c: WebcastSlidesDir, WebcastSlidesURL,
 * WebcastUploadLimit, and their check at startup (the directory exists
 * and httpd's user may write it; the two go together). */
#define WEBCAST_UPLOAD_LIMIT_DEFAULT ((apr_off_t)100 * 1024 * 1024)
const char *webcast_set_slides_dir(cmd_parms *cmd, void *conf,
                                   const char *arg);
const char *webcast_set_slides_url(cmd_parms *cmd, void *conf,
                                   const char *arg);
const char *webcast_set_upload_limit(cmd_parms *cmd, void *conf,
                                     const char *arg);
int webcast_slides_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s);

/* webcast_admin_slides.c: the slides upload (POST
 * presentations/<id>/slides), a multipart body streamed to a temp file
 * in WebcastSlidesDir and checked there. */
typedef struct {
    int status;                 /* OK, or the HTTP status of a refusal */
    const char *problem;        /* why, for people; NULL when taken */
    int bad_token;              /* refused for the anti-forgery token */
    apr_table_t *fields;        /* the form's text fields */
    const char *filename;       /* as the person's computer named it */
    const webcast_slides_type *type;
    const char *temp;           /* the checked file, by its temp name */
    apr_off_t size;
} webcast_upload;

/* 1 when r's admin has WebcastSlidesDir and WebcastSlidesURL. */
int webcast_slides_enabled(const webcast_dir_conf *conf);
/* The largest file taken: WebcastUploadLimit, or less where
 * LimitRequestBody would refuse the body first. */
apr_off_t webcast_slides_limit(request_rec *r, const webcast_dir_conf *conf);
/* Read the body: a file of an allowed type, checked, or a refusal. The
 * token is checked before the file's first byte is written. */
webcast_upload *webcast_slides_receive(request_rec *r,
                                       const webcast_dir_conf *conf,
                                       const webcast_key *key,
                                       const char *user);
/* Give the received file its own name in WebcastSlidesDir: NULL with
 * *name and *url (the slides_url) set, or a message. */
const char *webcast_slides_store(request_rec *r, const webcast_dir_conf *conf,
                                 webcast_upload *up, apr_uint32_t id,
                                 const char **name, const char **url);
/* Remove a stored file again (its transaction failed). */
void webcast_slides_unstore(request_rec *r, const webcast_dir_conf *conf,
                            const char *name);
/* After a committed change of slides_url from old to new: the file
 * behind old is removed when it is one the module stored and no
 * presentation links it any more. */
void webcast_slides_forget(request_rec *r, const webcast_dir_conf *conf,
                           const char *old_url, const char *new_url);

/* webcast_admin_captions.c: the captions upload (POST
 * presentations/<id>/captions), a WebVTT file from the body (at most
 * WEBCAST_VTT_MAX bytes) checked whole before anything is stored. */
#define WEBCAST_ADMIN_MAX_CAPTIONS_BODY (WEBCAST_VTT_MAX + 64 * 1024)
#define WEBCAST_CAPTIONS_TOO_BIG "The file is larger than 1 MB, the most " \
    "this site takes for captions, so nothing was uploaded and the " \
    "captions are as they were. Is it a captions file (.vtt)?"
typedef struct {
    int status;                 /* OK, or the HTTP status of a refusal */
    const char *problem;        /* why, for people (with the file's line
                                 * for a bad file); NULL when taken */
    const char *filename;       /* as the person's computer named it */
    const char *text;           /* the file, NUL-terminated */
    int ncues;
    const char *summary;        /* for the audit: size and MD5 */
} webcast_captions_upload;

/* The form's file (NULL: none sent) as captions: OK with *out filled
 * in, or the status of its refusal with out->problem. */
int webcast_captions_check(apr_pool_t *p, const webcast_admin_file *file,
                           webcast_captions_upload *out);

#endif
