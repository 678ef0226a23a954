/* webcast_admin_db.c - the admin's reads and writes, through mod_dbd.
 *
 * The same pattern as webcast_db.c (whose connection handling it shares):
 * statements prepared at config time under webcast_admin_ labels, every
 * result read to its end, rows copied into plain structs. The SQL is
 * derived from the field tables of webcast_form.c, so a column is named
 * in one place only. Each change is one transaction: the record is read
 * FOR UPDATE, written only if its version is still the one the form was
 * made from, and every changed field is recorded in webcast_audit before
 * the commit, so the trail and the data cannot disagree.
 */
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_main.h"
#include "apr_strings.h"
#include "apr_dbd.h"
#include "mod_dbd.h"

#include "webcast.h"
#include "webcast_admin.h"

APLOG_USE_MODULE(webcast);

/* MySQL/MariaDB error numbers the admin explains to people. */
#define ER_DUP_ENTRY 1062
#define ER_NO_REFERENCED_ROW_2 1452

enum {
    ST_GET, ST_LOCK, ST_LIST, ST_INSERT, ST_UPDATE, ST_DELETE, ST_KIND_COUNT
};

static const char *const kind_labels[2][ST_KIND_COUNT] = {
    { "webcast_admin_workshop_get", "webcast_admin_workshop_lock",
      "webcast_admin_workshop_list", "webcast_admin_workshop_insert",
      "webcast_admin_workshop_update", "webcast_admin_workshop_delete" },
    { "webcast_admin_presentation_get", "webcast_admin_presentation_lock",
      "webcast_admin_presentation_list", "webcast_admin_presentation_insert",
      "webcast_admin_presentation_update",
      "webcast_admin_presentation_delete" }
};
#define LABEL_TODAY "webcast_admin_today"
#define LABEL_LAST_ID "webcast_admin_last_id"
#define LABEL_AUDIT_ADD "webcast_admin_audit_add"
#define LABEL_AUDIT_LIST "webcast_admin_audit_list"
#define LABEL_SLIDES_USERS "webcast_admin_slides_users"
#define LABEL_CAPTIONS_INFO "webcast_admin_captions_info"
#define LABEL_CAPTIONS_SET "webcast_admin_captions_set"
/* a captions file as the audit records it: the file would not fit */
#define CAPTIONS_SUMMARY(col) "CONCAT(OCTET_LENGTH(" col "), ' bytes, MD5 '," \
    " MD5(" col "))"

/* The columns of a record as read: id, version, every field, then for a
 * presentation its workshop's title, stream name and notice and the last
 * hand-made change of its state ("<unix seconds> <user>"), and for a
 * workshop how many presentations it has. */
static const char *select_cols(apr_pool_t *p, webcast_kind kind)
{
    int n, i;
    const webcast_field *f = webcast_fields(kind, &n);
    const char *cols = "t.id, t.version";

    for (i = 0; i < n; i++) {
        cols = apr_pstrcat(p, cols, ", t.", f[i].name, NULL);
    }
    return apr_pstrcat(p, cols, kind == WEBCAST_WORKSHOP
        ? ", (SELECT COUNT(*) FROM presentation c WHERE c.workshop_id = t.id)"
        : ", (SELECT w.title FROM workshop w WHERE w.id = t.workshop_id)"
          ", (SELECT w.live_stream FROM workshop w WHERE w.id = t.workshop_id)"
          ", (SELECT w.notice FROM workshop w WHERE w.id = t.workshop_id)"
          ", (SELECT CONCAT(TIMESTAMPDIFF(SECOND, '1970-01-01', a.`at`),"
          " ' ', a.`user`) FROM webcast_audit a"
          " WHERE a.table_name = 'presentation' AND a.record_id = t.id"
          " AND a.field IN ('webcast_state', 'webcast_auto')"
          " ORDER BY a.id DESC LIMIT 1)",
        NULL);
}

static void prepare_kind(server_rec *s, apr_pool_t *p,
                         APR_OPTIONAL_FN_TYPE(ap_dbd_prepare) *prepare,
                         webcast_kind kind)
{
    const char *const *label = kind_labels[kind];
    const char *table = webcast_kind_name(kind);
    const char *get = apr_pstrcat(p, "SELECT ", select_cols(p, kind),
                                  " FROM ", table, " t", NULL);
    const char *names = "", *marks = "", *sets = "";
    int n, i;
    const webcast_field *f = webcast_fields(kind, &n);

    for (i = 0; i < n; i++) {
        names = apr_pstrcat(p, names, f[i].name, ", ", NULL);
        marks = apr_pstrcat(p, marks, "%s, ", NULL);
        sets = apr_pstrcat(p, sets, f[i].name, " = %s, ", NULL);
    }
    prepare(s, apr_pstrcat(p, get, " WHERE t.id = %s", NULL), label[ST_GET]);
    prepare(s, apr_pstrcat(p, get, " WHERE t.id = %s FOR UPDATE", NULL),
            label[ST_LOCK]);
    prepare(s, apr_pstrcat(p, get, kind == WEBCAST_WORKSHOP
                           ? " ORDER BY t.starts_on DESC, t.id DESC"
                           : " WHERE t.workshop_id = %s"
                             " ORDER BY t.starts_at, t.id", NULL),
            label[ST_LIST]);
    prepare(s, apr_pstrcat(p, "INSERT INTO ", table, " (", names,
                           "version) VALUES (", marks, "1)", NULL),
            label[ST_INSERT]);
    prepare(s, apr_pstrcat(p, "UPDATE ", table, " SET ", sets,
                           "version = version + 1"
                           " WHERE id = %s AND version = %s", NULL),
            label[ST_UPDATE]);
    prepare(s, apr_pstrcat(p, "DELETE FROM ", table,
                           " WHERE id = %s AND version = %s", NULL),
            label[ST_DELETE]);
}

/* The admin's statements are not registered with mod_dbd, which would
 * prepare them on every connection of the server and refuse the
 * connection - public site included - if one failed (migration not
 * loaded, no write grant). They are remembered here and prepared on first
 * use on each connection instead (statement() below). Same signature as
 * ap_dbd_prepare. */
static void remember(server_rec *s, const char *sql, const char *label)
{
    webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);

    apr_hash_set(sconf->admin_sql, label, APR_HASH_KEY_STRING, sql);
}

const char *webcast_admin_db_prepare(server_rec *s)
{
    webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);
    APR_OPTIONAL_FN_TYPE(ap_dbd_prepare) *prepare = remember;
    apr_pool_t *p = s->process->pconf;

    if (APR_RETRIEVE_OPTIONAL_FN(ap_dbd_prepare) == NULL) {
        return "mod_webcast's admin needs mod_dbd: load it before the "
               "Webcast directives (a2enmod dbd, or LoadModule dbd_module "
               "modules/mod_dbd.so)";
    }
    if (sconf->admin_sql != NULL) {
        return NULL;
    }
    sconf->admin_sql = apr_hash_make(p);
    prepare_kind(s, p, prepare, WEBCAST_WORKSHOP);
    prepare_kind(s, p, prepare, WEBCAST_PRESENTATION);
    prepare(s, apr_pstrcat(p, "SELECT ",
                           select_cols(p, WEBCAST_PRESENTATION),
                           " FROM presentation t"
                           " JOIN workshop tw ON tw.id = t.workshop_id"
                           " WHERE (tw.starts_on <= %s AND tw.ends_on >= %s)"
                           " OR (t.webcast_state = 'live'"
                           " AND t.has_webcast = 1)"
                           " ORDER BY tw.starts_on, tw.id, t.starts_at, t.id",
                           NULL), LABEL_TODAY);
    prepare(s, "SELECT LAST_INSERT_ID()", LABEL_LAST_ID);
    prepare(s, "INSERT INTO webcast_audit (`at`, `user`, action, table_name,"
               " record_id, version, field, old_value, new_value)"
               " VALUES (UTC_TIMESTAMP(), %s, %s, %s, %s, %s, %s, %s, %s)",
            LABEL_AUDIT_ADD);
    prepare(s, "SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', `at`), `user`,"
               " action, field, old_value, new_value, version"
               " FROM webcast_audit"
               " WHERE table_name = %s AND record_id = %s AND version > %s"
               " ORDER BY id DESC LIMIT 500", LABEL_AUDIT_LIST);
    prepare(s, "SELECT COUNT(*) FROM presentation WHERE slides_url = %s",
            LABEL_SLIDES_USERS);
    /* sql/006-captions.sql: statements of their own, so that a database
     * without it keeps the rest of the admin */
    prepare(s, "SELECT OCTET_LENGTH(captions), " CAPTIONS_SUMMARY("captions")
               " FROM presentation WHERE id = %s", LABEL_CAPTIONS_INFO);
    prepare(s, "UPDATE presentation SET captions = %s,"
               " version = version + 1 WHERE id = %s AND version = %s",
            LABEL_CAPTIONS_SET);
    return NULL;
}

/* ---- rows ---- */

typedef void *(*copy_fn)(apr_pool_t *p, const apr_dbd_driver_t *drv,
                         apr_dbd_row_t *row, webcast_kind kind);

static apr_uint32_t to_u32(const char *s)
{
    return s ? (apr_uint32_t)apr_atoi64(s) : 0;
}

static void *copy_record(apr_pool_t *p, const apr_dbd_driver_t *drv,
                         apr_dbd_row_t *row, webcast_kind kind)
{
    webcast_record *rec = webcast_record_new(p, kind);
    int n, i;
    const char *extra;

    webcast_fields(kind, &n);
    rec->id = to_u32(webcast_db_text(p, drv, row, 0));
    rec->version = to_u32(webcast_db_text(p, drv, row, 1));
    for (i = 0; i < n; i++) {
        rec->value[i] = webcast_db_text(p, drv, row, 2 + i);
    }
    extra = webcast_db_text(p, drv, row, 2 + n);
    if (kind == WEBCAST_WORKSHOP) {
        rec->count = (int)to_u32(extra);
    }
    else {
        const char *by = webcast_db_text(p, drv, row, 5 + n);

        rec->workshop_title = extra;
        rec->workshop_live_stream = webcast_db_text(p, drv, row, 3 + n);
        rec->workshop_notice = webcast_db_text(p, drv, row, 4 + n);
        if (by && strchr(by, ' ')) {
            rec->state_at = apr_time_from_sec(apr_atoi64(by));
            rec->state_user = strchr(by, ' ') + 1;
        }
    }
    return rec;
}

static void *copy_audit(apr_pool_t *p, const apr_dbd_driver_t *drv,
                        apr_dbd_row_t *row, webcast_kind kind)
{
    webcast_change *e = apr_pcalloc(p, sizeof(*e));
    const char *at = webcast_db_text(p, drv, row, 0);

    e->at = apr_time_from_sec(at ? apr_atoi64(at) : 0);
    e->user = webcast_db_text(p, drv, row, 1);
    e->action = webcast_db_text(p, drv, row, 2);
    e->field = webcast_db_text(p, drv, row, 3);
    e->old_value = webcast_db_text(p, drv, row, 4);
    e->new_value = webcast_db_text(p, drv, row, 5);
    e->version = to_u32(webcast_db_text(p, drv, row, 6));
    return e;
}

static void *copy_first(apr_pool_t *p, const apr_dbd_driver_t *drv,
                        apr_dbd_row_t *row, webcast_kind kind)
{
    return (void *)webcast_db_text(p, drv, row, 0);
}

/* The statement for `label` on this connection, prepared on first use
 * (see remember()) and kept with the connection's other statements. */
static apr_dbd_prepared_t *statement(request_rec *r, ap_dbd_t *dbd,
                                     const char *label)
{
    apr_dbd_prepared_t *stmt = apr_hash_get(dbd->prepared, label,
                                            APR_HASH_KEY_STRING);
    webcast_server_conf *sconf =
        ap_get_module_config(r->server->module_config, &webcast_module);
    const char *sql;
    int rv;

    if (stmt != NULL) {
        return stmt;
    }
    if (sconf->admin_sql == NULL) {
        sconf = ap_get_module_config(ap_server_conf->module_config,
                                     &webcast_module);
    }
    sql = sconf->admin_sql ? apr_hash_get(sconf->admin_sql, label,
                                          APR_HASH_KEY_STRING) : NULL;
    if (sql == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "statement %s is unknown for this server: put "
                      "WebcastAdminSecretFile in the same virtual host as "
                      "SetHandler webcast-admin", label);
        return NULL;
    }
    rv = apr_dbd_prepare(dbd->driver, dbd->pool, dbd->handle, sql, label,
                         &stmt);
    if (rv != 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "the admin's statement %s cannot be prepared: %s - "
                      "are the migrations sql/002-admin.sql to "
                      "sql/006-captions.sql loaded, and may the database "
                      "user INSERT, UPDATE and DELETE?", label,
                      apr_dbd_error(dbd->driver, dbd->handle, rv));
        return NULL;
    }
    apr_hash_set(dbd->prepared, label, APR_HASH_KEY_STRING, stmt);
    return stmt;
}

static void log_db_error(request_rec *r, ap_dbd_t *dbd, const char *what,
                         const char *label, int rv)
{
    ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                  "%s %s failed with error %d: %s", what, label, rv,
                  apr_dbd_error(dbd->driver, dbd->handle, rv));
}

/* Run a select on dbd; every row is copied into *rows and the result read
 * to its end. */
static webcast_db_status select_on(request_rec *r, ap_dbd_t *dbd,
                                   const char *label, int nargs,
                                   const char **args, copy_fn copy,
                                   webcast_kind kind,
                                   apr_array_header_t **rows)
{
    apr_dbd_prepared_t *stmt;
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    int rv;

    *rows = apr_array_make(r->pool, 16, sizeof(void *));
    if (dbd == NULL || (stmt = statement(r, dbd, label)) == NULL) {
        return WEBCAST_DB_UNAVAILABLE;
    }
    rv = apr_dbd_pselect(dbd->driver, r->pool, dbd->handle, &res, stmt, 0,
                         nargs, args);
    if (rv != 0) {
        log_db_error(r, dbd, "query", label, rv);
        return WEBCAST_DB_UNAVAILABLE;
    }
    while ((rv = apr_dbd_get_row(dbd->driver, r->pool, res, &row, -1)) == 0) {
        *(void **)apr_array_push(*rows) = copy(r->pool, dbd->driver, row,
                                               kind);
    }
    if (rv != -1) {
        log_db_error(r, dbd, "reading", label, rv);
        return WEBCAST_DB_UNAVAILABLE;
    }
    return (*rows)->nelts ? WEBCAST_DB_OK : WEBCAST_DB_NOT_FOUND;
}

static const char *u32(apr_pool_t *p, apr_uint32_t v)
{
    return apr_psprintf(p, "%u", (unsigned)v);
}

static webcast_db_status one_record(request_rec *r, ap_dbd_t *dbd,
                                    webcast_kind kind, int which,
                                    apr_uint32_t id, webcast_record **out)
{
    const char *arg = u32(r->pool, id);
    apr_array_header_t *rows;
    webcast_db_status st = select_on(r, dbd, kind_labels[kind][which], 1,
                                     &arg, copy_record, kind, &rows);

    *out = st == WEBCAST_DB_OK ? APR_ARRAY_IDX(rows, 0, webcast_record *)
                               : NULL;
    return st;
}

webcast_db_status webcast_admin_db_get(request_rec *r, webcast_kind kind,
                                       apr_uint32_t id, webcast_record **out)
{
    return one_record(r, webcast_db_acquire(r), kind, ST_GET, id, out);
}

static webcast_db_status list(request_rec *r, const char *label, int nargs,
                              const char **args, apr_array_header_t **out)
{
    webcast_db_status st = select_on(r, webcast_db_acquire(r), label, nargs,
                                     args, copy_record,
                                     label == kind_labels[0][ST_LIST]
                                     ? WEBCAST_WORKSHOP
                                     : WEBCAST_PRESENTATION, out);

    return st == WEBCAST_DB_NOT_FOUND ? WEBCAST_DB_OK : st;
}

webcast_db_status webcast_admin_db_workshops(request_rec *r,
                                             apr_array_header_t **out)
{
    return list(r, kind_labels[WEBCAST_WORKSHOP][ST_LIST], 0, NULL, out);
}

webcast_db_status webcast_admin_db_schedule(request_rec *r,
                                            apr_uint32_t workshop_id,
                                            apr_array_header_t **out)
{
    const char *arg = u32(r->pool, workshop_id);

    return list(r, kind_labels[WEBCAST_PRESENTATION][ST_LIST], 1, &arg, out);
}

webcast_db_status webcast_admin_db_today(request_rec *r, const char *day,
                                         apr_array_header_t **out)
{
    const char *args[2];

    args[0] = args[1] = day;
    return list(r, LABEL_TODAY, 2, args, out);
}

webcast_db_status webcast_admin_db_history(request_rec *r, webcast_kind kind,
                                           apr_uint32_t id,
                                           apr_uint32_t since,
                                           apr_array_header_t **out)
{
    const char *args[3];
    webcast_db_status st;

    args[0] = webcast_kind_name(kind);
    args[1] = u32(r->pool, id);
    args[2] = u32(r->pool, since);
    st = select_on(r, webcast_db_acquire(r), LABEL_AUDIT_LIST, 3, args,
                   copy_audit, kind, out);
    return st == WEBCAST_DB_NOT_FOUND ? WEBCAST_DB_OK : st;
}

/* The audit's times are the database's clock, the form's httpd's. */
#define TWIN_CLOCK_SLACK apr_time_from_sec(2)

int webcast_admin_db_twin(request_rec *r, const apr_array_header_t *list,
                          const webcast_record *rec, const char *user,
                          apr_time_t since)
{
    apr_array_header_t *trail;
    int i;

    for (i = 0; i < list->nelts; i++) {
        const webcast_record *c = APR_ARRAY_IDX(list, i, webcast_record *);
        const webcast_change *made;

        if (c == NULL || c->version != 1 || !webcast_record_same(c, rec)
            || webcast_admin_db_history(r, c->kind, c->id, 0, &trail)
               != WEBCAST_DB_OK || trail->nelts == 0) {
            continue;
        }
        made = APR_ARRAY_IDX(trail, trail->nelts - 1, webcast_change *);
        if (strcmp(made->action, "create") == 0
            && strcmp(made->user, user) == 0
            && made->at >= since - TWIN_CLOCK_SLACK) {
            return i;
        }
    }
    return -1;
}

webcast_db_status webcast_admin_db_slides_users(request_rec *r,
                                                const char *url, int *n)
{
    apr_array_header_t *rows;
    webcast_db_status st = select_on(r, webcast_db_acquire(r),
                                     LABEL_SLIDES_USERS, 1, &url, copy_first,
                                     WEBCAST_PRESENTATION, &rows);

    *n = st == WEBCAST_DB_OK ? (int)to_u32(APR_ARRAY_IDX(rows, 0,
                                                         const char *)) : 0;
    return st;
}

/* ---- captions ---- */

static void *copy_captions_info(apr_pool_t *p, const apr_dbd_driver_t *drv,
                                apr_dbd_row_t *row, webcast_kind kind)
{
    const char **info = apr_palloc(p, 2 * sizeof(*info));

    info[0] = webcast_db_text(p, drv, row, 0);
    info[1] = webcast_db_text(p, drv, row, 1);
    return info;
}

static webcast_db_status captions_on(request_rec *r, ap_dbd_t *dbd,
                                     apr_uint32_t id, apr_off_t *bytes,
                                     const char **summary)
{
    const char *arg = u32(r->pool, id);
    apr_array_header_t *rows;
    const char **info;
    webcast_db_status st = select_on(r, dbd, LABEL_CAPTIONS_INFO, 1, &arg,
                                     copy_captions_info,
                                     WEBCAST_PRESENTATION, &rows);

    *bytes = 0;
    *summary = NULL;
    if (st == WEBCAST_DB_OK) {
        info = APR_ARRAY_IDX(rows, 0, const char **);
        *bytes = info[0] ? apr_atoi64(info[0]) : 0;
        *summary = info[1];
    }
    return st;
}

webcast_db_status webcast_admin_db_captions(request_rec *r, apr_uint32_t id,
                                            apr_off_t *bytes)
{
    const char *summary;

    return captions_on(r, webcast_db_acquire(r), id, bytes, &summary);
}

/* ---- changes ---- */

struct webcast_admin_tx {
    request_rec *r;
    ap_dbd_t *dbd;
    apr_dbd_transaction_t *trans;
    int open;
};

/* Whatever path a request takes, its transaction ends before mod_dbd
 * takes the connection back (cleanups run last-registered first). */
static apr_status_t rollback_cleanup(void *data)
{
    webcast_admin_db_rollback(data);
    return APR_SUCCESS;
}

webcast_db_status webcast_admin_db_begin(request_rec *r,
                                         webcast_admin_tx **out)
{
    webcast_admin_tx *tx = apr_pcalloc(r->pool, sizeof(*tx));
    int rv;

    *out = NULL;
    tx->r = r;
    if ((tx->dbd = webcast_db_acquire(r)) == NULL) {
        return WEBCAST_DB_UNAVAILABLE;
    }
    rv = apr_dbd_transaction_start(tx->dbd->driver, r->pool,
                                   tx->dbd->handle, &tx->trans);
    if (rv != 0) {
        log_db_error(r, tx->dbd, "starting", "a transaction", rv);
        /* the mysql driver hands its transaction to the connection even
         * when starting failed: end it, or the pooled connection keeps a
         * pointer into this request's pool */
        if (tx->trans != NULL) {
            apr_dbd_transaction_mode_set(tx->dbd->driver, tx->trans,
                                         APR_DBD_TRANSACTION_ROLLBACK);
            apr_dbd_transaction_end(tx->dbd->driver, r->pool, tx->trans);
        }
        return WEBCAST_DB_UNAVAILABLE;
    }
    tx->open = 1;
    apr_pool_cleanup_register(r->pool, tx, rollback_cleanup,
                              apr_pool_cleanup_null);
    *out = tx;
    return WEBCAST_DB_OK;
}

webcast_db_status webcast_admin_db_lock(webcast_admin_tx *tx,
                                        webcast_kind kind, apr_uint32_t id,
                                        webcast_record **out)
{
    return one_record(tx->r, tx->dbd, kind, ST_LOCK, id, out);
}

/* Run a change; *nrows gets the rows it touched. */
static int change(webcast_admin_tx *tx, const char *label, int nargs,
                  const char **args, int *nrows)
{
    apr_dbd_prepared_t *stmt = statement(tx->r, tx->dbd, label);
    int rv;

    *nrows = 0;
    if (stmt == NULL) {
        return -1;
    }
    rv = apr_dbd_pquery(tx->dbd->driver, tx->r->pool, tx->dbd->handle,
                        nrows, stmt, nargs, args);
    if (rv != 0 && rv != ER_DUP_ENTRY && rv != ER_NO_REFERENCED_ROW_2) {
        log_db_error(tx->r, tx->dbd, "change", label, rv);
    }
    return rv;
}

static int audit(webcast_admin_tx *tx, const char *user, const char *action,
                 const webcast_record *rec, apr_uint32_t version,
                 const char *field, const char *from, const char *to)
{
    const char *args[8];
    int nrows;

    args[0] = user;
    args[1] = action;
    args[2] = webcast_kind_name(rec->kind);
    args[3] = u32(tx->r->pool, rec->id);
    args[4] = u32(tx->r->pool, version);
    args[5] = field;
    args[6] = from;
    args[7] = to;
    return change(tx, LABEL_AUDIT_ADD, 8, args, &nrows);
}

static webcast_save_status status_of(int rv)
{
    return rv == 0 ? WEBCAST_SAVE_OK
           : rv == ER_DUP_ENTRY ? WEBCAST_SAVE_DUPLICATE
           : rv == ER_NO_REFERENCED_ROW_2 ? WEBCAST_SAVE_NO_WORKSHOP
           : WEBCAST_SAVE_FAILED;
}

static webcast_save_status insert(webcast_admin_tx *tx, const char *user,
                                  webcast_record *to)
{
    int n, i, nrows, rv;
    const webcast_field *f = webcast_fields(to->kind, &n);
    apr_array_header_t *rows;

    rv = change(tx, kind_labels[to->kind][ST_INSERT], n, to->value, &nrows);
    if (rv != 0) {
        return status_of(rv);
    }
    if (select_on(tx->r, tx->dbd, LABEL_LAST_ID, 0, NULL, copy_first,
                  to->kind, &rows) != WEBCAST_DB_OK) {
        return WEBCAST_SAVE_FAILED;
    }
    to->id = to_u32(APR_ARRAY_IDX(rows, 0, const char *));
    to->version = 1;
    for (i = 0; i < n; i++) {
        if (to->value[i] && *to->value[i]
            && audit(tx, user, "create", to, 1, f[i].name, NULL,
                     to->value[i]) != 0) {
            return WEBCAST_SAVE_FAILED;
        }
    }
    return WEBCAST_SAVE_OK;
}

static webcast_save_status update(webcast_admin_tx *tx, const char *user,
                                  const webcast_record *from,
                                  webcast_record *to)
{
    int n, i, nrows, rv, changed = 0;
    const webcast_field *f = webcast_fields(to->kind, &n);
    const char **args = apr_palloc(tx->r->pool, (n + 2) * sizeof(*args));

    for (i = 0; i < n; i++) {
        args[i] = to->value[i];
        changed += !webcast_value_equal(from->value[i], to->value[i]);
    }
    to->id = from->id;
    to->version = from->version;
    if (!changed) {
        return WEBCAST_SAVE_OK;
    }
    args[n] = u32(tx->r->pool, from->id);
    args[n + 1] = u32(tx->r->pool, from->version);
    rv = change(tx, kind_labels[to->kind][ST_UPDATE], n + 2, args, &nrows);
    if (rv != 0 || nrows != 1) {
        return rv ? status_of(rv) : WEBCAST_SAVE_STALE;
    }
    to->version = from->version + 1;
    for (i = 0; i < n; i++) {
        if (!webcast_value_equal(from->value[i], to->value[i])
            && audit(tx, user, "update", to, to->version, f[i].name,
                     from->value[i], to->value[i]) != 0) {
            return WEBCAST_SAVE_FAILED;
        }
    }
    return WEBCAST_SAVE_OK;
}

static webcast_save_status delete(webcast_admin_tx *tx, const char *user,
                                  const webcast_record *from)
{
    int n, i, nrows, rv;
    const webcast_field *f = webcast_fields(from->kind, &n);
    const char *args[2];

    args[0] = u32(tx->r->pool, from->id);
    args[1] = u32(tx->r->pool, from->version);
    rv = change(tx, kind_labels[from->kind][ST_DELETE], 2, args, &nrows);
    if (rv != 0 || nrows != 1) {
        return rv ? status_of(rv) : WEBCAST_SAVE_STALE;
    }
    /* every value, so a deletion can be undone by hand from the trail */
    for (i = 0; i < n; i++) {
        if (from->value[i] && *from->value[i]
            && audit(tx, user, "delete", from, from->version + 1, f[i].name,
                     from->value[i], NULL) != 0) {
            return WEBCAST_SAVE_FAILED;
        }
    }
    return WEBCAST_SAVE_OK;
}

webcast_save_status webcast_admin_db_write(webcast_admin_tx *tx,
                                           const char *user,
                                           const webcast_record *from,
                                           webcast_record *to)
{
    if (from == NULL) {
        return insert(tx, user, to);
    }
    if (to == NULL) {
        return delete(tx, user, from);
    }
    return update(tx, user, from, to);
}

webcast_save_status webcast_admin_db_set_captions(webcast_admin_tx *tx,
                                                  const char *user,
                                                  const webcast_record *cur,
                                                  const char *text,
                                                  const char *summary)
{
    const char *args[3], *before;
    apr_off_t bytes;
    int nrows, rv;

    if (captions_on(tx->r, tx->dbd, cur->id, &bytes, &before)
        != WEBCAST_DB_OK) {
        return WEBCAST_SAVE_FAILED;
    }
    if (before == NULL && text == NULL) {
        return WEBCAST_SAVE_OK;             /* none, and none wanted */
    }
    args[0] = text;
    args[1] = u32(tx->r->pool, cur->id);
    args[2] = u32(tx->r->pool, cur->version);
    rv = change(tx, LABEL_CAPTIONS_SET, 3, args, &nrows);
    if (rv != 0 || nrows != 1) {
        return rv ? status_of(rv) : WEBCAST_SAVE_STALE;
    }
    return audit(tx, user, "update", cur, cur->version + 1, "captions",
                 before, text ? summary : NULL) == 0 ? WEBCAST_SAVE_OK
                                                    : WEBCAST_SAVE_FAILED;
}

int webcast_admin_db_commit(webcast_admin_tx *tx)
{
    int rv;

    if (!tx->open) {
        return -1;
    }
    tx->open = 0;
    rv = apr_dbd_transaction_end(tx->dbd->driver, tx->r->pool, tx->trans);
    if (rv != 0) {
        log_db_error(tx->r, tx->dbd, "committing", "a transaction", rv);
        return rv;
    }
    /* For the public pages that read a replica: their builds tell by this
     * position whether the replica has this change yet (an empty one, no
     * binary log, means no replica to wait for). Only asked where there
     * is a shared cache to keep it: without, nobody reads it. */
    if (webcast_socache_in_use()) {
        webcast_socache_mark_written(tx->r, webcast_db_variable(
            tx->r, tx->dbd, "SELECT @@gtid_binlog_pos"));
    }
    return 0;
}

void webcast_admin_db_rollback(webcast_admin_tx *tx)
{
    if (tx == NULL || !tx->open) {
        return;
    }
    tx->open = 0;
    apr_dbd_transaction_mode_set(tx->dbd->driver, tx->trans,
                                 APR_DBD_TRANSACTION_ROLLBACK);
    apr_dbd_transaction_end(tx->dbd->driver, tx->r->pool, tx->trans);
}
