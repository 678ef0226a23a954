/* webcast_admin_config.c - WebcastAdminSecretFile: the key of the admin's
 * anti-forgery tokens.
 *
 * The key must be the same in every httpd process and survive restarts,
 * or forms would fail at random or after each restart; and it must not
 * sit in httpd.conf, which people paste into tickets. So it lives in a
 * file of its own: made once with 32 random bytes (as hex), mode 0600,
 * and read at config time by the user httpd starts as (root, usually),
 * before it drops privileges, so children never need to read it.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "apr_file_io.h"
#include "apr_general.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"

APLOG_USE_MODULE(webcast);

#define SECRET_BYTES 32
#define SECRET_FILE_MAX 4096

static const char *create_secret(cmd_parms *cmd, const char *path)
{
    unsigned char raw[SECRET_BYTES];
    char hex[2 * SECRET_BYTES + 2];
    apr_file_t *f;
    apr_status_t rv;
    apr_size_t i, n;

    rv = apr_file_open(&f, path, APR_FOPEN_WRITE | APR_FOPEN_CREATE
                       | APR_FOPEN_EXCL, APR_FPROT_UREAD | APR_FPROT_UWRITE,
                       cmd->temp_pool);
    if (APR_STATUS_IS_EEXIST(rv)) {
        return NULL;
    }
    if (rv != APR_SUCCESS) {
        return apr_psprintf(cmd->pool, "cannot create it: %pm", &rv);
    }
    rv = apr_generate_random_bytes(raw, sizeof(raw));
    if (rv == APR_SUCCESS) {
        for (i = 0; i < SECRET_BYTES; i++) {
            apr_snprintf(hex + 2 * i, 3, "%02x", raw[i]);
        }
        hex[2 * SECRET_BYTES] = '\n';
        n = 2 * SECRET_BYTES + 1;
        rv = apr_file_write_full(f, hex, n, NULL);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_file_close(f);
    }
    else {
        apr_file_close(f);
    }
    memset(raw, 0, sizeof(raw));
    memset(hex, 0, sizeof(hex));
    if (rv != APR_SUCCESS) {
        apr_file_remove(path, cmd->temp_pool);
        return apr_psprintf(cmd->pool, "cannot write a new secret to it: "
                            "%pm", &rv);
    }
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, cmd->server, WEBCAST_LOG_TAG
                 "made a new admin token secret in %s", path);
    return NULL;
}

static const char *read_secret(cmd_parms *cmd, const char *path,
                               webcast_key **out)
{
    apr_file_t *f;
    apr_finfo_t fi;
    apr_status_t rv;
    char *buf = apr_palloc(cmd->pool, SECRET_FILE_MAX + 1);
    apr_size_t n = 0, start = 0;
    webcast_key *key;

    /* A symlink could point the key at any file root can read, or at one
     * an attacker planted: refuse it, and any file others may read or
     * write. */
    rv = apr_stat(&fi, path, APR_FINFO_LINK | APR_FINFO_TYPE
                  | APR_FINFO_PROT, cmd->temp_pool);
    if (rv == APR_SUCCESS && fi.filetype != APR_REG) {
        return "is not a plain file (a symlink?): give the file itself";
    }
    if (rv == APR_SUCCESS && (fi.protection & (APR_FPROT_WREAD
        | APR_FPROT_GREAD | APR_FPROT_WWRITE | APR_FPROT_GWRITE))) {
        return "can be read or written by others than its owner: anyone "
               "who reads it can forge admin forms (chmod 600 it)";
    }
    rv = apr_file_open(&f, path, APR_FOPEN_READ, APR_OS_DEFAULT,
                       cmd->temp_pool);
    if (rv != APR_SUCCESS) {
        return apr_psprintf(cmd->pool, "cannot read it: %pm", &rv);
    }
    rv = apr_file_read_full(f, buf, SECRET_FILE_MAX, &n);
    apr_file_close(f);
    if (rv != APR_SUCCESS && !APR_STATUS_IS_EOF(rv)) {
        return apr_psprintf(cmd->pool, "cannot read it: %pm", &rv);
    }
    while (start < n && apr_isspace(buf[start])) {
        start++;
    }
    while (n > start && apr_isspace(buf[n - 1])) {
        n--;
    }
    if (n - start < WEBCAST_SECRET_MIN) {
        return apr_psprintf(cmd->pool, "it holds %lu bytes; a secret needs "
                            "at least %d (remove the file and httpd makes a "
                            "good one)", (unsigned long)(n - start),
                            WEBCAST_SECRET_MIN);
    }
    key = apr_palloc(cmd->pool, sizeof(*key));
    key->data = (const unsigned char *)buf + start;
    key->len = n - start;
    *out = key;
    return NULL;
}

const char *webcast_set_admin_secret_file(cmd_parms *cmd, void *confv,
                                          const char *arg)
{
    webcast_dir_conf *conf = confv;
    const char *path = ap_server_root_relative(cmd->pool, arg);
    const char *err;
    webcast_key *key = NULL;

    if (path == NULL) {
        return apr_psprintf(cmd->pool, "%s \"%s\": not a valid path",
                            cmd->cmd->name, arg);
    }
    if ((err = create_secret(cmd, path)) != NULL
        || (err = read_secret(cmd, path, &key)) != NULL) {
        return apr_psprintf(cmd->pool, "%s %s: %s", cmd->cmd->name, path,
                            err);
    }
    conf->admin_secret = key;
    return webcast_admin_db_prepare(cmd->server);
}
