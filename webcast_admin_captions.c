/* webcast_admin_captions.c - the captions upload's file, checked: the
 * form's file input (read into memory with the rest of the body by
 * webcast_admin_body.c, at most WEBCAST_ADMIN_MAX_CAPTIONS_BODY) must be
 * a WebVTT file of at most WEBCAST_VTT_MAX bytes that webcast_vtt.c takes;
 * else the refusal says why, with the file's line. Nothing is stored
 * before this has passed (webcast_admin.c stores it, with its audit row).
 */
#include <string.h>

#include "httpd.h"
#include "apr_md5.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_vtt.h"

static int refuse(webcast_captions_upload *out, int status,
                  const char *problem)
{
    out->status = status;
    out->problem = problem;
    return status;
}

/* The audit's words for a file: its size and MD5, as the database sums
 * up the stored one (webcast_admin_db.c). */
static const char *summary_of(apr_pool_t *p, const webcast_admin_file *file)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    char hex[2 * APR_MD5_DIGESTSIZE + 1];
    int i;

    apr_md5(digest, file->data, file->len);
    for (i = 0; i < APR_MD5_DIGESTSIZE; i++) {
        apr_snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    }
    return apr_psprintf(p, "%" APR_SIZE_T_FMT " bytes, MD5 %s", file->len,
                        hex);
}

int webcast_captions_check(apr_pool_t *p, const webcast_admin_file *file,
                           webcast_captions_upload *out)
{
    apr_array_header_t *cues;
    const char *err;

    memset(out, 0, sizeof(*out));
    if (file == NULL || file->filename == NULL || *file->filename == '\0') {
        return refuse(out, HTTP_UNPROCESSABLE_ENTITY, "No file was chosen: "
                      "pick the captions file (.vtt), then press Upload "
                      "captions.");
    }
    out->filename = file->filename;
    if (file->len > WEBCAST_VTT_MAX) {
        return refuse(out, HTTP_REQUEST_ENTITY_TOO_LARGE,
                      WEBCAST_CAPTIONS_TOO_BIG);
    }
    if ((err = webcast_vtt_parse(p, file->data, file->len, &cues)) != NULL) {
        return refuse(out, HTTP_UNPROCESSABLE_ENTITY, apr_psprintf(p,
                      "\u201c%s\u201d was not taken, and the captions are as "
                      "they were: %s. Fix the file and upload it again.",
                      file->filename, err));
    }
    out->status = OK;
    out->text = file->data;
    out->ncues = cues->nelts;
    out->summary = summary_of(p, file);
    return OK;
}
