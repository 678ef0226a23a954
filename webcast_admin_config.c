/* webcast_admin_config.c - WebcastAdminSecretFile: the key of the admin's
 * anti-forgery tokens.
 *
 * The key must be the same in every httpd process and survive restarts,
 * or forms would fail at random or after each restart; and it must not
 * sit in httpd.conf, which people paste into tickets. So it lives in a
 * file of its own: made once with 32 random bytes (as hex), mode 0600,
 * and read at config time by the user httpd starts as (root, usually),
 * before it drops privileges, so children never need to read it.
 *
 * An admin configured without the directive gets the module's own secret,
 * the same kind of file in DefaultRuntimeDir: found at startup by reading
 * httpd.conf's tree for SetHandler webcast-admin, so no request ever
 * meets an admin without a secret.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "apr_file_io.h"
#include "apr_fnmatch.h"
#include "apr_general.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_frab.h"

APLOG_USE_MODULE(webcast);

#define SECRET_BYTES 32
#define SECRET_FILE_MAX 4096
#define OWN_SECRET "webcast-admin.secret"    /* in DefaultRuntimeDir */

static const char *create_secret(apr_pool_t *p, apr_pool_t *ptemp,
                                 server_rec *s, const char *path)
{
    unsigned char raw[SECRET_BYTES];
    char hex[2 * SECRET_BYTES + 2];
    apr_file_t *f;
    apr_status_t rv;
    apr_size_t i, n;

    rv = apr_file_open(&f, path, APR_FOPEN_WRITE | APR_FOPEN_CREATE
                       | APR_FOPEN_EXCL, APR_FPROT_UREAD | APR_FPROT_UWRITE,
                       ptemp);
    if (APR_STATUS_IS_EEXIST(rv)) {
        return NULL;
    }
    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "cannot create it: %pm", &rv);
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
        apr_file_remove(path, ptemp);
        return apr_psprintf(p, "cannot write a new secret to it: "
                            "%pm", &rv);
    }
    ap_log_error(APLOG_MARK, APLOG_NOTICE, 0, s, WEBCAST_LOG_TAG
                 "made a new admin token secret in %s", path);
    return NULL;
}

static const char *read_secret(apr_pool_t *p, apr_pool_t *ptemp,
                               const char *path, webcast_key **out)
{
    apr_file_t *f;
    apr_finfo_t fi;
    apr_status_t rv;
    char *buf = apr_palloc(p, SECRET_FILE_MAX + 1);
    apr_size_t n = 0, start = 0;
    webcast_key *key;

    /* A symlink could point the key at any file root can read, or at one
     * an attacker planted: refuse it, and any file others may read or
     * write. */
    rv = apr_stat(&fi, path, APR_FINFO_LINK | APR_FINFO_TYPE
                  | APR_FINFO_PROT, ptemp);
    if (rv == APR_SUCCESS && fi.filetype != APR_REG) {
        return "is not a plain file (a symlink?): give the file itself";
    }
    if (rv == APR_SUCCESS && (fi.protection & (APR_FPROT_WREAD
        | APR_FPROT_GREAD | APR_FPROT_WWRITE | APR_FPROT_GWRITE))) {
        return "can be read or written by others than its owner: anyone "
               "who reads it can forge admin forms (chmod 600 it)";
    }
    rv = apr_file_open(&f, path, APR_FOPEN_READ, APR_OS_DEFAULT, ptemp);
    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "cannot read it: %pm", &rv);
    }
    rv = apr_file_read_full(f, buf, SECRET_FILE_MAX, &n);
    apr_file_close(f);
    if (rv != APR_SUCCESS && !APR_STATUS_IS_EOF(rv)) {
        return apr_psprintf(p, "cannot read it: %pm", &rv);
    }
    while (start < n && apr_isspace(buf[start])) {
        start++;
    }
    while (n > start && apr_isspace(buf[n - 1])) {
        n--;
    }
    if (n - start < WEBCAST_SECRET_MIN) {
        return apr_psprintf(p, "it holds %lu bytes; a secret needs "
                            "at least %d (remove the file and httpd makes a "
                            "good one)", (unsigned long)(n - start),
                            WEBCAST_SECRET_MIN);
    }
    key = apr_palloc(p, sizeof(*key));
    key->data = (const unsigned char *)buf + start;
    key->len = n - start;
    *out = key;
    return NULL;
}

/* The secret in `path`, made first if the file does not exist. */
static const char *load_secret(apr_pool_t *p, apr_pool_t *ptemp,
                               server_rec *s, const char *path,
                               webcast_key **out)
{
    const char *err = create_secret(p, ptemp, s, path);

    return err ? err : read_secret(p, ptemp, path, out);
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
    if ((err = load_secret(cmd->pool, cmd->temp_pool, cmd->server, path,
                           &key)) != NULL) {
        return apr_psprintf(cmd->pool, "%s %s: %s", cmd->cmd->name, path,
                            err);
    }
    conf->admin_secret = key;
    return webcast_admin_db_prepare(cmd->server);
}

/* ---- admins configured without WebcastAdminSecretFile ---- */

typedef struct {
    apr_pool_t *ptemp;
    int admins;                     /* SetHandler webcast-admin seen */
    const ap_directive_t *unkeyed;  /* one without a secret file around */
    const ap_directive_t *misplaced; /* one outside a plain <Location> */
} admin_scan;

static int named(const ap_directive_t *d, const char *name)
{
    return d->directive != NULL && strcasecmp(d->directive, name) == 0;
}

static const char *first_word(apr_pool_t *p, const char *args)
{
    return ap_getword_conf(p, &args);
}

/* The sections webcast_find_mounts() takes as mount points: <Location
 * path>, not a regex (<Location ~>, <LocationMatch>) nor a wildcard. */
static int plain_location(apr_pool_t *p, const ap_directive_t *sec)
{
    const char *end, *path;

    if (sec == NULL || !named(sec, "<Location")) {
        return 0;
    }
    end = strrchr(sec->args, '>');
    path = first_word(p, apr_pstrmemdup(p, sec->args, end ? end - sec->args
                                        : (apr_ssize_t)strlen(sec->args)));
    return *path != '\0' && strcmp(path, "~") != 0 && !apr_fnmatch_test(path);
}

/* One level of the tree (siblings from `d`), inside `section`; `keyed`:
 * a WebcastAdminSecretFile applies from an enclosing level. <Limit> is
 * no section of its own: its directives apply to the one around it. */
static void scan(admin_scan *w, const ap_directive_t *d,
                 const ap_directive_t *section, int keyed)
{
    const ap_directive_t *c;

    for (c = d; c != NULL; c = c->next) {
        keyed = keyed || named(c, "WebcastAdminSecretFile");
    }
    for (c = d; c != NULL; c = c->next) {
        if (named(c, "SetHandler") && strcmp(first_word(w->ptemp,
                c->args), "webcast-admin") == 0) {
            w->admins++;
            if (!keyed && w->unkeyed == NULL) {
                w->unkeyed = c;
            }
            if (!plain_location(w->ptemp, section) && w->misplaced == NULL) {
                w->misplaced = c;
            }
        }
        if (c->first_child != NULL) {
            scan(w, c->first_child, named(c, "<Limit")
                 || named(c, "<LimitExcept") ? section : c, keyed);
        }
    }
}

int webcast_admin_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp, server_rec *s)
{
    admin_scan w;
    const char *err = NULL, *path = NULL;
    webcast_key *key = NULL;

    webcast_frab_init();         /* the schedule import's XML, before threads */
    memset(&w, 0, sizeof(w));
    w.ptemp = ptemp;
    scan(&w, ap_conftree, NULL, 0);
    if (w.misplaced != NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                     WEBCAST_LOG_TAG "%s line %d: SetHandler webcast-admin "
                     "must be directly inside a <Location> of a plain path "
                     "(not <LocationMatch>, <Location ~>, a wildcard, "
                     "<Directory>, <Files> or <If>): the admin's links are "
                     "made from that path", w.misplaced->filename,
                     w.misplaced->line_num);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    if (w.admins == 0) {
        return OK;
    }
    /* the statements: looked up on the request's server, else the main
     * server's (webcast_admin_db.c) */
    err = webcast_admin_db_prepare(s);
    if (err == NULL && w.unkeyed != NULL) {
        path = ap_runtime_dir_relative(pconf, OWN_SECRET);
        err = path == NULL ? "DefaultRuntimeDir gives no valid path"
            : load_secret(pconf, ptemp, s, path, &key);
        if (err != NULL) {
            err = apr_psprintf(ptemp, "%s line %d: SetHandler webcast-admin "
                               "without WebcastAdminSecretFile uses the "
                               "module's own secret file %s: %s. Set "
                               "WebcastAdminSecretFile (or DefaultRuntimeDir) "
                               "to a place httpd may write at startup",
                               w.unkeyed->filename, w.unkeyed->line_num,
                               path ? path : OWN_SECRET, err);
        }
    }
    if (err != NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                     WEBCAST_LOG_TAG "%s", err);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    for (; key != NULL && s != NULL; s = s->next) {
        webcast_server_conf *sconf =
            ap_get_module_config(s->module_config, &webcast_module);
        sconf->admin_secret = key;
    }
    return OK;
}
