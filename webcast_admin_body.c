/* webcast_admin_body.c - an admin POST body read whole, at most `max`
 * bytes: a urlencoded form, or a multipart/form-data one whose small
 * files (a schedule to import) are held in memory beside its fields.
 *
 * Not ap_parse_form_data: it stops quietly at its size limit, and a form
 * cut short must be refused, not half saved. The slides upload, whose
 * files are large, streams to disk instead (webcast_admin_slides.c).
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "apr_hash.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_form.h"
#include "webcast_multipart.h"

APLOG_USE_MODULE(webcast);

typedef struct {
    apr_pool_t *p;
    apr_hash_t *files;
    webcast_admin_file *cur;
    apr_size_t cap;
} files_t;

static const char *on_begin(void *ctx, const webcast_multipart_part *part)
{
    files_t *f = ctx;

    f->cur = apr_pcalloc(f->p, sizeof(*f->cur));
    f->cur->filename = part->filename;
    f->cur->data = apr_palloc(f->p, f->cap = 8192);
    /* a file input sent twice: the first one counts */
    if (part->name && apr_hash_get(f->files, part->name,
                                   APR_HASH_KEY_STRING) == NULL) {
        apr_hash_set(f->files, apr_pstrdup(f->p, part->name),
                     APR_HASH_KEY_STRING, f->cur);
    }
    return NULL;
}

static const char *on_data(void *ctx, const char *data, apr_size_t len)
{
    files_t *f = ctx;
    webcast_admin_file *file = f->cur;
    char *bigger;

    if (file->len + len + 1 > f->cap) {
        while (file->len + len + 1 > f->cap) {
            f->cap *= 2;
        }
        bigger = apr_palloc(f->p, f->cap);
        memcpy(bigger, file->data, file->len);
        file->data = bigger;
    }
    memcpy(file->data + file->len, data, len);
    file->len += len;
    file->data[file->len] = '\0';
    return NULL;
}

static const webcast_multipart_callbacks callbacks = { on_begin, on_data,
                                                       NULL };

/* The body, whole, into *body: OK or the status that refuses it. */
static int read_all(request_rec *r, apr_size_t max, char **body,
                    apr_size_t *len)
{
    apr_size_t cap = 8192;
    char *bigger;
    long n;
    int rv;

    *body = apr_palloc(r->pool, cap);
    *len = 0;
    if ((rv = ap_setup_client_block(r, REQUEST_CHUNKED_DECHUNK)) != OK) {
        return rv;
    }
    if (r->remaining > (apr_off_t)max) {
        return HTTP_REQUEST_ENTITY_TOO_LARGE;
    }
    if (!ap_should_client_block(r)) {
        return OK;
    }
    while ((n = ap_get_client_block(r, *body + *len, cap - *len)) > 0) {
        *len += n;
        if (*len > max) {
            return HTTP_REQUEST_ENTITY_TOO_LARGE;
        }
        if (*len == cap) {
            bigger = apr_palloc(r->pool, cap * 2);
            memcpy(bigger, *body, *len);
            *body = bigger;
            cap *= 2;
        }
    }
    return n < 0 ? HTTP_BAD_REQUEST : OK;
}

static int refused(request_rec *r, const char *err)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                  "admin refused a POST: %s", err);
    return HTTP_BAD_REQUEST;
}

int webcast_admin_read_body(request_rec *r, apr_size_t max, int with_files,
                            apr_table_t **fields, apr_hash_t **files)
{
    const char *ct = apr_table_get(r->headers_in, "Content-Type");
    const char *boundary = NULL, *err;
    webcast_multipart *mp;
    files_t f;
    char *body;
    apr_size_t len;
    int urlencoded, rv;

    *files = apr_hash_make(r->pool);
    urlencoded = ct && strncasecmp(ct, "application/x-www-form-urlencoded",
                                   33) == 0 && (!ct[33] || ct[33] == ';'
                                                || ct[33] == ' ');
    if (!urlencoded && (!with_files || webcast_multipart_boundary(
                            r->pool, ct, &boundary) != NULL)) {
        return HTTP_UNSUPPORTED_MEDIA_TYPE;
    }
    if ((rv = read_all(r, max, &body, &len)) != OK) {
        return rv;
    }
    if (urlencoded) {
        err = webcast_form_urldecode(r->pool, body, len, fields);
        return err ? refused(r, err) : OK;
    }
    f.p = r->pool;
    f.files = *files;
    f.cur = NULL;
    f.cap = 0;
    mp = webcast_multipart_new(r->pool, boundary, max, &callbacks, &f);
    if ((err = webcast_multipart_feed(mp, body, len)) != NULL
        || (err = webcast_multipart_finish(mp)) != NULL) {
        return refused(r, err);
    }
    *fields = webcast_multipart_fields(mp);
    return OK;
}
