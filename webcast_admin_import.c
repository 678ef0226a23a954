/* webcast_admin_import.c - "Import a schedule" on a workshop's admin page
 * (SPEC section 13), httpd side.
 *
 *   GET  workshops/<id>/import          the form: paste CSV or schedule.xml
 *   POST ... action=preview             every row as it will be stored, or
 *                                       its problems by line; no write
 *   POST ... action=import              every row in one transaction with
 *                                       its audit rows, or none
 *
 * Between the two POSTs the file travels in the preview page itself, as
 * base64 in a hidden field: nothing is kept on the server, any child or
 * server can take the second POST, and what is imported is read and
 * checked again from those very bytes, never taken from the preview.
 * Reading and checking is webcast_import.c's (pure); here are the
 * workshop, the transaction, the log and the pages.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_core.h"
#include "http_protocol.h"
#include "apr_base64.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_import.h"
#include "webcast_route.h"

APLOG_USE_MODULE(webcast);

#define FILE_FIELD "file"           /* the form's file input */
#define BASE64 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
               "0123456789+/="

typedef struct {
    request_rec *r;
    const webcast_admin_site *site;
    apr_uint32_t id;                /* the workshop */
    apr_table_t *in;
    apr_hash_t *files;              /* the form's file input, if sent */
    const char *data;               /* the file */
    apr_size_t len;
    webcast_admin_import_page pg;
} import_t;

static int show(import_t *x, int status)
{
    return webcast_admin_send(x->r, status, webcast_admin_render_import(
        x->r->pool, x->site, &x->pg));
}

static int no_workshop(import_t *x)
{
    return webcast_admin_send(x->r, HTTP_NOT_FOUND,
        webcast_admin_render_message(x->r->pool, x->site, "Not found",
            "There is no such workshop: it may have been deleted.",
            "/workshops/", "All workshops"));
}

/* The database failed: nothing was written, and the page comes back to
 * try again. */
static int not_imported(import_t *x)
{
    apr_table_setn(x->r->err_headers_out, "Retry-After",
                   WEBCAST_RETRY_AFTER);
    x->pg.problem = x->pg.im
        ? "The database did not answer, so nothing was imported. Press "
          "Import again in a few seconds."
        : "The database did not answer. Please try again in a few seconds.";
    return x->pg.workshop ? show(x, HTTP_SERVICE_UNAVAILABLE)
        : webcast_admin_send(x->r, HTTP_SERVICE_UNAVAILABLE,
              webcast_admin_render_message(x->r->pool, x->site,
                  "The database is not answering", x->pg.problem, "/",
                  "Back to today"));
}

static apr_uint32_t form_u32(import_t *x, const char *name)
{
    const char *s = apr_table_get(x->in, name);
    apr_uint32_t v = 0;

    return s && webcast_parse_id(s, strlen(s), &v) ? v : 0;
}

/* The file sent: the one chosen in the form, the preview's base64 copy,
 * or the pasted text. NULL, or why it cannot be read. */
static const char *file_of(import_t *x)
{
    const char *b64 = apr_table_get(x->in, "content");
    const char *text = apr_table_get(x->in, "text");
    const webcast_admin_file *file = x->files ? apr_hash_get(x->files,
        FILE_FIELD, APR_HASH_KEY_STRING) : NULL;
    apr_size_t n;
    char *out;

    if (file && (file->len || (file->filename && *file->filename))) {
        /* and into the box, to be corrected there if it needs it */
        x->pg.text = x->data = file->data;
        x->len = file->len;
        return NULL;
    }
    if (b64 == NULL) {
        x->data = text ? text : "";
        x->len = strlen(x->data);
        return NULL;
    }
    n = strlen(b64);
    if (strspn(b64, BASE64) != n || n % 4 != 0 || n > (apr_size_t)
        apr_base64_encode_len(WEBCAST_IMPORT_MAX_BYTES)) {
        return "The page's copy of the file was damaged on its way, so "
               "nothing was imported. Paste or choose the file again.";
    }
    out = apr_palloc(x->r->pool, apr_base64_decode_len(b64) + 1);
    x->len = apr_base64_decode_binary((unsigned char *)out, b64);
    out[x->len] = '\0';
    x->data = out;
    return NULL;
}

static const char *base64_of(apr_pool_t *p, const char *data, apr_size_t len)
{
    char *out = apr_palloc(p, apr_base64_encode_len((int)len));

    apr_base64_encode_binary(out, (const unsigned char *)data, (int)len);
    return out;
}

/* Import pressed twice (a double click, or Back and Import again): every
 * row is already there, added by this user since this preview was made
 * (each row its own twin: two identical rows need two records). */
static int imported_before(import_t *x)
{
    apr_uint32_t shown = form_u32(x, "shown");
    apr_array_header_t *list;
    const apr_array_header_t *rows = x->pg.im->rows;
    int i, t;

    if (!shown || webcast_admin_db_schedule(x->r, x->id, &list)
                  != WEBCAST_DB_OK) {
        return 0;
    }
    for (i = 0; i < rows->nelts; i++) {
        t = webcast_admin_db_twin(x->r, list, APR_ARRAY_IDX(rows, i,
                                  webcast_import_row *)->rec, x->site->user,
                                  apr_time_from_sec(shown));
        if (t < 0) {
            return 0;
        }
        APR_ARRAY_IDX(list, t, webcast_record *) = NULL;
    }
    return 1;
}

static int see_workshop(import_t *x, const char *done)
{
    apr_table_setn(x->r->headers_out, "Location", ap_construct_url(
        x->r->pool, apr_psprintf(x->r->pool, "%s/workshops/%u/?done=%s",
                                 x->site->mount, (unsigned)x->id, done),
        x->r));
    return HTTP_SEE_OTHER;
}

/* Every row, in one transaction: each insert writes its "create" audit
 * rows (webcast_admin_db_write), so the trail is the admin's own. */
static int store(import_t *x)
{
    const apr_array_header_t *rows = x->pg.im->rows;
    webcast_save_status s = WEBCAST_SAVE_OK;
    webcast_admin_tx *tx;
    webcast_db_status st;
    webcast_record *w, *first = NULL, *rec = NULL;
    int i;

    if (webcast_admin_db_begin(x->r, &tx) != WEBCAST_DB_OK) {
        return not_imported(x);
    }
    /* imports and new presentations of one workshop wait for each other
     * on its row, so a twin committed a moment ago is seen below */
    if ((st = webcast_admin_db_lock(tx, WEBCAST_WORKSHOP, x->id, &w))
        != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return st == WEBCAST_DB_NOT_FOUND ? no_workshop(x) : not_imported(x);
    }
    if (imported_before(x)) {
        webcast_admin_db_rollback(tx);
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, x->r, WEBCAST_LOG_TAG
                      "%s posted the import into workshop %u again: not "
                      "imported twice", x->site->user, (unsigned)x->id);
        return see_workshop(x, "reimported");
    }
    for (i = 0; i < rows->nelts && s == WEBCAST_SAVE_OK; i++) {
        rec = APR_ARRAY_IDX(rows, i, webcast_import_row *)->rec;
        s = webcast_admin_db_write(tx, x->site->user, NULL, rec);
        first = first ? first : rec;
    }
    if (s != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        return s == WEBCAST_SAVE_NO_WORKSHOP ? no_workshop(x)
                                             : not_imported(x);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, x->r, WEBCAST_LOG_TAG
                  "%s imported %d presentations (%u to %u) into workshop %u "
                  "from a %s file of %lu bytes", x->site->user, rows->nelts,
                  (unsigned)first->id, (unsigned)rec->id, (unsigned)x->id,
                  x->pg.im->format == WEBCAST_IMPORT_CSV ? "CSV"
                                                         : "schedule.xml",
                  (unsigned long)x->len);
    return see_workshop(x, "imported");
}

static int blank_text(const char *s, apr_size_t len)
{
    apr_size_t i;

    for (i = 0; i < len; i++) {
        if (!apr_isspace(s[i])) {
            return 0;
        }
    }
    return 1;
}

static int preview_or_store(import_t *x)
{
    const char *action = apr_table_get(x->in, "action");
    const char *err = file_of(x);
    const webcast_import *im;

    if (err != NULL) {
        x->pg.problem = err;
        return show(x, HTTP_BAD_REQUEST);
    }
    if (blank_text(x->data, x->len)) {
        x->pg.problem = "Choose a file or paste a schedule into the box "
                        "first, then press Preview.";
        return show(x, HTTP_UNPROCESSABLE_ENTITY);
    }
    x->pg.im = im = webcast_import_read(x->r->pool, x->site->tz, x->id,
                                        x->pg.has_webcast, x->data, x->len);
    x->pg.content = base64_of(x->r->pool, x->data, x->len);
    x->pg.shown = (apr_uint32_t)apr_time_sec(x->site->now);
    if (im->error || im->nbad) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, x->r, WEBCAST_LOG_TAG
                      "%s's schedule for workshop %u %s: %s", x->site->user,
                      (unsigned)x->id, action && strcmp(action, "import") == 0
                      ? "not imported" : "previewed with problems",
                      im->error ? im->error : apr_psprintf(x->r->pool,
                      "%d of %d rows bad", im->nbad, im->rows->nelts));
        return show(x, HTTP_UNPROCESSABLE_ENTITY);
    }
    if (action && strcmp(action, "import") == 0) {
        return store(x);
    }
    return show(x, HTTP_OK);
}

int webcast_admin_import(request_rec *r, const webcast_admin_site *site,
                         apr_uint32_t workshop_id, apr_table_t *in,
                         apr_hash_t *files, int refused)
{
    const char *webcast = apr_table_get(in, "webcast");
    webcast_record *w;
    webcast_db_status st;
    import_t x;

    memset(&x, 0, sizeof(x));
    x.r = r;
    x.site = site;
    x.id = workshop_id;
    x.in = in;
    x.files = files;
    st = webcast_admin_db_get(r, WEBCAST_WORKSHOP, workshop_id, &w);
    if (st != WEBCAST_DB_OK) {
        return st == WEBCAST_DB_NOT_FOUND ? no_workshop(&x)
                                          : not_imported(&x);
    }
    x.pg.workshop = w;
    x.pg.text = apr_table_get(in, "text");
    /* a checkbox: absent when unticked; ticked on the blank form */
    x.pg.has_webcast = r->method_number != M_POST
                       || (webcast && strcmp(webcast, "0") != 0) ? "1" : "0";
    if (r->method_number != M_POST) {
        return show(&x, HTTP_OK);
    }
    if (refused) {
        /* the preview's Import button carries the file: it goes back
         * into the box, as pasted text does */
        if (file_of(&x) == NULL && x.len) {
            x.pg.text = x.data;
        }
        x.pg.problem = "This page was too old to use (or did not come from "
                       "this admin), so nothing was imported. The schedule "
                       "is below: press Preview again.";
        return show(&x, HTTP_FORBIDDEN);
    }
    return preview_or_store(&x);
}
