/* webcast_admin_slides.c - the slides upload: the multipart body read
 * bucket by bucket into webcast_multipart.c, the file part streamed to a
 * temp file in WebcastSlidesDir, then checked and given its own name.
 *
 * Nothing of an upload stays anywhere unless all of it is right: the
 * anti-forgery token must come before the file (the admin's form puts it
 * first), so no byte is written for a forged request; the limit is
 * counted while reading, and reading stops at the first byte too many or
 * the first wrong byte (the connection is then closed rather than read
 * to its end); the temp file is created O_EXCL, mode 0640, and removed
 * by a cleanup of the request's pool whatever path the request takes -
 * a refusal, an aborted connection, a failed transaction.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "apr_file_io.h"
#include "apr_general.h"
#include "apr_strings.h"
#include "util_filter.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_multipart.h"

APLOG_USE_MODULE(webcast);

#define FILE_FIELD "slides_file"
#define FIELDS_MAX 16384            /* the form's text fields */
#define OVERHEAD (64 * 1024)        /* body bytes that are not the file */
#define READ_SIZE 65536

typedef struct {
    request_rec *r;
    const webcast_dir_conf *conf;
    const webcast_key *key;
    const char *user;
    webcast_upload *up;
    apr_off_t limit;
    int files;                      /* file parts seen */
    apr_file_t *file;
    char head[WEBCAST_SLIDES_MAGIC_MAX];
    apr_size_t head_len;
} reader_t;

int webcast_slides_enabled(const webcast_dir_conf *conf)
{
    return conf != NULL && conf->slides_dir != NULL
           && conf->slides_url != NULL;
}

apr_off_t webcast_slides_limit(request_rec *r, const webcast_dir_conf *conf)
{
    apr_off_t limit = conf->upload_limit ? conf->upload_limit
                                         : WEBCAST_UPLOAD_LIMIT_DEFAULT;
    apr_off_t body = ap_get_limit_req_body(r);

    if (body > 0 && body - OVERHEAD < limit) {
        limit = body > OVERHEAD ? body - OVERHEAD : 1;
    }
    return limit;
}

/* A refusal: the status and the message the form shows; returned to the
 * parser so that it stops. */
static const char *refuse(reader_t *rd, int status, const char *problem)
{
    if (rd->up->status == OK) {
        rd->up->status = status;
        rd->up->problem = problem;
    }
    return rd->up->problem;
}

static const char *too_big(reader_t *rd)
{
    return refuse(rd, HTTP_REQUEST_ENTITY_TOO_LARGE, apr_psprintf(
        rd->r->pool, "The file is larger than %s, the most this site takes. "
        "Nothing was uploaded. Make it smaller (e.g. export the slides as "
        "PDF, or with smaller pictures) and upload it again.",
        webcast_size_text(rd->r->pool, rd->limit)));
}

static const char *not_stored(reader_t *rd, apr_status_t rv, const char *what)
{
    ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, rd->r, WEBCAST_LOG_TAG
                  "slides upload: cannot %s in WebcastSlidesDir %s",
                  what, rd->conf->slides_dir);
    return refuse(rd, HTTP_INSUFFICIENT_STORAGE, "The server could not "
                  "store the file (its disk may be full), so nothing was "
                  "uploaded. Please tell the site's administrator.");
}

static apr_status_t remove_temp(void *data)
{
    webcast_upload *up = data;
    apr_pool_t *p = NULL;

    /* once stored, the temp name is gone and this finds nothing */
    if (up->temp != NULL && apr_pool_create(&p, NULL) == APR_SUCCESS) {
        apr_file_remove(up->temp, p);
        apr_pool_destroy(p);
    }
    return APR_SUCCESS;
}

static const char *hex_random(apr_pool_t *p, const char **out)
{
    unsigned char raw[WEBCAST_SLIDES_RANDOM];
    char *hex = apr_palloc(p, 2 * sizeof(raw) + 1);
    apr_size_t i;

    if (apr_generate_random_bytes(raw, sizeof(raw)) != APR_SUCCESS) {
        return "no random bytes";
    }
    for (i = 0; i < sizeof(raw); i++) {
        apr_snprintf(hex + 2 * i, 3, "%02x", raw[i]);
    }
    *out = hex;
    return NULL;
}

static const char *on_file_begin(void *ctx, const webcast_multipart_part *part)
{
    reader_t *rd = ctx;
    webcast_upload *up = rd->up;
    const char *why, *hex, *path;
    apr_status_t rv;

    if (strcmp(part->name, FILE_FIELD) != 0 || rd->files++) {
        return refuse(rd, HTTP_BAD_REQUEST, "The form sent more than the "
                      "slides file. Upload it from the presentation's page.");
    }
    if (!webcast_token_check(rd->key, rd->user,
                             apr_table_get(up->fields, "token"),
                             rd->r->request_time)) {
        up->bad_token = 1;
        return refuse(rd, HTTP_FORBIDDEN, "token");
    }
    up->filename = part->filename;
    if ((up->type = webcast_slides_type_of(rd->r->pool, part->filename,
                                           &why)) == NULL) {
        /* no file chosen, or one this site does not take */
        return refuse(rd, *part->filename ? HTTP_UNSUPPORTED_MEDIA_TYPE
                                          : HTTP_UNPROCESSABLE_ENTITY, why);
    }
    if (hex_random(rd->r->pool, &hex) != NULL) {
        return not_stored(rd, APR_EGENERAL, "make a temp file's name");
    }
    path = apr_pstrcat(rd->r->pool, rd->conf->slides_dir, "/.upload-", hex,
                       NULL);
    rv = apr_file_open(&rd->file, path, APR_FOPEN_CREATE | APR_FOPEN_WRITE
                       | APR_FOPEN_EXCL | APR_FOPEN_BINARY
                       | APR_FOPEN_BUFFERED, APR_FPROT_UREAD
                       | APR_FPROT_UWRITE | APR_FPROT_GREAD, rd->r->pool);
    if (rv != APR_SUCCESS) {
        return not_stored(rd, rv, "create a temp file");
    }
    up->temp = path;
    apr_pool_cleanup_register(rd->r->pool, up, remove_temp,
                              apr_pool_cleanup_null);
    /* 0640 whatever httpd's umask: the group may serve it too */
    apr_file_perms_set(path, APR_FPROT_UREAD | APR_FPROT_UWRITE
                       | APR_FPROT_GREAD);
    return NULL;
}

static const char *not_its_type(reader_t *rd)
{
    return refuse(rd, HTTP_UNSUPPORTED_MEDIA_TYPE, apr_psprintf(
        rd->r->pool, "\u201c%s\u201d does not hold %s slides: its first "
        "bytes are another kind of file's. Was it renamed? Save or export "
        "it again as %s and upload that.", rd->up->filename,
        rd->up->type->kind, rd->up->type->kind));
}

static const char *on_file_data(void *ctx, const char *data, apr_size_t len)
{
    reader_t *rd = ctx;
    apr_size_t need = rd->up->type->magic_len, n;
    apr_status_t rv;

    rd->up->size += len;
    if (rd->up->size > rd->limit) {
        return too_big(rd);
    }
    if (rd->head_len < need) {
        n = need - rd->head_len < len ? need - rd->head_len : len;
        memcpy(rd->head + rd->head_len, data, n);
        rd->head_len += n;
        if (rd->head_len == need
            && !webcast_slides_magic_ok(rd->up->type, rd->head, need)) {
            return not_its_type(rd);
        }
    }
    if ((rv = apr_file_write_full(rd->file, data, len, NULL)) != APR_SUCCESS) {
        return not_stored(rd, rv, "write the file");
    }
    return NULL;
}

static const char *on_file_end(void *ctx)
{
    reader_t *rd = ctx;
    apr_status_t rv;

    if (rd->up->size == 0) {
        return refuse(rd, HTTP_UNPROCESSABLE_ENTITY, apr_psprintf(
            rd->r->pool, "\u201c%s\u201d is empty. Choose the slides file "
            "itself.", rd->up->filename));
    }
    if (!webcast_slides_magic_ok(rd->up->type, rd->head, rd->head_len)) {
        return not_its_type(rd);
    }
    rv = apr_file_close(rd->file);
    rd->file = NULL;
    return rv == APR_SUCCESS ? NULL : not_stored(rd, rv, "write the file");
}

static const webcast_multipart_callbacks callbacks = {
    on_file_begin, on_file_data, on_file_end
};

/* The body, bucket by bucket, into the parser; stops at the first
 * problem. */
static void read_body(reader_t *rd, webcast_multipart *mp)
{
    request_rec *r = rd->r;
    apr_bucket_brigade *bb = apr_brigade_create(r->pool,
                                                r->connection->bucket_alloc);
    apr_off_t total = 0;
    const char *err = NULL;
    int eos = 0;

    while (!eos && err == NULL) {
        apr_status_t rv = ap_get_brigade(r->input_filters, bb,
                                         AP_MODE_READBYTES, APR_BLOCK_READ,
                                         READ_SIZE);
        apr_bucket *b;

        if (rv != APR_SUCCESS) {
            int status = ap_map_http_request_error(rv, HTTP_BAD_REQUEST);
            ap_log_rerror(APLOG_MARK, APLOG_INFO, rv, r, WEBCAST_LOG_TAG
                          "slides upload by %s did not arrive whole after "
                          "%" APR_OFF_T_FMT " bytes", rd->user, total);
            err = status == HTTP_REQUEST_ENTITY_TOO_LARGE ? too_big(rd)
                : refuse(rd, status, "The upload did not arrive whole (the "
                         "connection was closed or timed out), so nothing "
                         "was uploaded. Please try again.");
            break;
        }
        for (b = APR_BRIGADE_FIRST(bb); b != APR_BRIGADE_SENTINEL(bb)
             && err == NULL; b = APR_BUCKET_NEXT(b)) {
            const char *data;
            apr_size_t len;

            if (APR_BUCKET_IS_EOS(b)) {
                eos = 1;
                break;
            }
            if (APR_BUCKET_IS_METADATA(b)) {
                continue;
            }
            rv = apr_bucket_read(b, &data, &len, APR_BLOCK_READ);
            if (rv != APR_SUCCESS) {
                err = refuse(rd, HTTP_BAD_REQUEST, "The upload did not "
                             "arrive whole, so nothing was uploaded. Please "
                             "try again.");
            }
            else if ((total += len) > rd->limit + OVERHEAD) {
                err = too_big(rd);
            }
            else {
                err = webcast_multipart_feed(mp, data, len);
            }
        }
        apr_brigade_cleanup(bb);
    }
    if (err == NULL) {
        err = webcast_multipart_finish(mp);
    }
    if (err != NULL) {
        /* a parser's own message: the body itself is broken */
        refuse(rd, HTTP_BAD_REQUEST, apr_pstrcat(r->pool, "The upload was "
               "not understood, so nothing was uploaded: ", err, ".", NULL));
        /* the rest of the body is not read: the connection closes */
        r->connection->keepalive = AP_CONN_CLOSE;
    }
}

webcast_upload *webcast_slides_receive(request_rec *r,
                                       const webcast_dir_conf *conf,
                                       const webcast_key *key,
                                       const char *user)
{
    reader_t rd;
    webcast_upload *up = apr_pcalloc(r->pool, sizeof(*up));
    const char *boundary, *err, *cl;
    webcast_multipart *mp;

    memset(&rd, 0, sizeof(rd));
    rd.r = r;
    rd.conf = conf;
    rd.key = key;
    rd.user = user;
    rd.up = up;
    rd.limit = webcast_slides_limit(r, conf);
    up->status = OK;
    err = webcast_multipart_boundary(r->pool, apr_table_get(r->headers_in,
                                     "Content-Type"), &boundary);
    if (err != NULL) {
        refuse(&rd, HTTP_UNSUPPORTED_MEDIA_TYPE, "This address takes the "
               "slides upload form only (multipart/form-data). Upload the "
               "file from the presentation's page.");
        r->connection->keepalive = AP_CONN_CLOSE;
        return up;
    }
    /* said too big before a byte is read (and before 100-continue) */
    cl = apr_table_get(r->headers_in, "Content-Length");
    if (cl && apr_atoi64(cl) > rd.limit + OVERHEAD) {
        too_big(&rd);
        r->connection->keepalive = AP_CONN_CLOSE;
        return up;
    }
    mp = webcast_multipart_new(r->pool, boundary, FIELDS_MAX, &callbacks,
                               &rd);
    up->fields = webcast_multipart_fields(mp);
    read_body(&rd, mp);
    if (up->status == OK && rd.files == 0) {
        if (!webcast_token_check(key, user, apr_table_get(up->fields,
                                 "token"), r->request_time)) {
            up->bad_token = 1;
            refuse(&rd, HTTP_FORBIDDEN, "token");
        }
        else {
            refuse(&rd, HTTP_UNPROCESSABLE_ENTITY, "No file was chosen: "
                   "pick the slides file, then press Upload.");
        }
    }
    if (up->status != OK && rd.file != NULL) {
        apr_file_close(rd.file);
    }
    return up;
}

static const char *path_of(request_rec *r, const webcast_dir_conf *conf,
                           const char *name)
{
    char *path = NULL;

    /* names are ours (no '/'), and SECUREROOT says so once more */
    return apr_filepath_merge(&path, conf->slides_dir, name,
                              APR_FILEPATH_SECUREROOT, r->pool)
           == APR_SUCCESS ? path : NULL;
}

const char *webcast_slides_store(request_rec *r, const webcast_dir_conf *conf,
                                 webcast_upload *up, apr_uint32_t id,
                                 const char **name, const char **url)
{
    unsigned char raw[WEBCAST_SLIDES_RANDOM];
    const char *path;
    apr_status_t rv;

    if (apr_generate_random_bytes(raw, sizeof(raw)) != APR_SUCCESS) {
        return "no random bytes for the file's name";
    }
    *name = webcast_slides_name(r->pool, id, raw, up->type);
    *url = apr_pstrcat(r->pool, conf->slides_url, "/", *name, NULL);
    if ((path = path_of(r, conf, *name)) == NULL) {
        return "the file's name is not inside WebcastSlidesDir";
    }
    /* same directory: the complete file appears at once, or not at all */
    rv = apr_file_rename(up->temp, path, r->pool);
    if (rv != APR_SUCCESS) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, rv, r, WEBCAST_LOG_TAG
                      "slides upload: cannot rename %s to %s", up->temp,
                      path);
        return "the file could not be given its name";
    }
    return NULL;
}

void webcast_slides_unstore(request_rec *r, const webcast_dir_conf *conf,
                            const char *name)
{
    const char *path = path_of(r, conf, name);

    if (path != NULL) {
        apr_file_remove(path, r->pool);
    }
}

void webcast_slides_forget(request_rec *r, const webcast_dir_conf *conf,
                           const char *old_url, const char *new_url)
{
    const char *name, *path;
    apr_status_t rv;
    int users = 1;

    if (!webcast_slides_enabled(conf) || webcast_value_equal(old_url, new_url)
        || (name = webcast_slides_file_of(r->pool, conf->slides_url,
                                          old_url)) == NULL
        || (path = path_of(r, conf, name)) == NULL) {
        return;
    }
    /* another presentation may link the same file (one deck, two talks) */
    if (webcast_admin_db_slides_users(r, old_url, &users) != WEBCAST_DB_OK
        || users > 0) {
        return;
    }
    rv = apr_file_remove(path, r->pool);
    ap_log_rerror(APLOG_MARK, rv == APR_SUCCESS || APR_STATUS_IS_ENOENT(rv)
                  ? APLOG_INFO : APLOG_WARNING, rv, r, WEBCAST_LOG_TAG
                  "slides file %s %s: no presentation links it any more",
                  path, rv == APR_SUCCESS ? "removed" : "not removed");
}
