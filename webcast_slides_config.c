/* webcast_slides_config.c - where uploaded slides go, where they are
 * served from, and how large they may be.
 *
 * httpd checks at startup what would otherwise only fail at the first
 * upload, hours later, in front of a speaker: the directory exists, is a
 * directory, and the user httpd's children run as may create files in
 * it; and WebcastSlidesDir never comes without WebcastSlidesURL (a file
 * stored but never linked) nor the other way round.
 */
#include <grp.h>
#include <string.h>
#include <unistd.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "unixd.h"
#include "apr_file_info.h"
#include "apr_hash.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_html.h"

APLOG_USE_MODULE(webcast);

#define SLIDES_URL_MAX 900      /* slides_url is 1024; names are < 64 */

const char *webcast_set_slides_dir(cmd_parms *cmd, void *confv,
                                   const char *arg)
{
    webcast_dir_conf *conf = confv;
    char *path = ap_server_root_relative(cmd->pool, arg);
    apr_size_t n;

    if (path == NULL || *arg == '\0') {
        return apr_psprintf(cmd->pool, "%s \"%s\": not a valid path",
                            cmd->cmd->name, arg);
    }
    n = strlen(path);
    while (n > 1 && path[n - 1] == '/') {
        path[--n] = '\0';
    }
    conf->slides_dir = path;
    return NULL;
}

const char *webcast_set_slides_url(cmd_parms *cmd, void *confv,
                                   const char *arg)
{
    webcast_dir_conf *conf = confv;
    char *url = apr_pstrdup(cmd->pool, arg);
    apr_size_t n = strlen(url);

    while (n > 1 && url[n - 1] == '/') {
        url[--n] = '\0';
    }
    if ((!webcast_url_site_relative(url) && !webcast_url_linkable(url))
        || strpbrk(url, "?#") || n > SLIDES_URL_MAX) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be the path (such as "
                            "/slides) or http(s) URL under which "
                            "WebcastSlidesDir is served, without spaces, ? "
                            "or #, at most %d characters", cmd->cmd->name,
                            arg, SLIDES_URL_MAX);
    }
    /* "/" itself: files are linked as "/<name>" */
    conf->slides_url = strcmp(url, "/") == 0 ? "" : url;
    return NULL;
}

const char *webcast_set_upload_limit(cmd_parms *cmd, void *confv,
                                     const char *arg)
{
    webcast_dir_conf *conf = confv;
    apr_int64_t n, mult;
    char *end, unit;

    /* bytes, or a number with K, M or G, like WebcastCacheSize */
    n = apr_strtoi64(arg, &end, 10);
    unit = apr_toupper(*end);
    mult = *end == '\0' ? 1 : end[1] != '\0' ? 0 : unit == 'K' ? 1 << 10
         : unit == 'M' ? 1 << 20 : unit == 'G' ? 1 << 30 : 0;
    if (end == arg || n < 1 || mult == 0 || n > ((apr_int64_t)64 << 30) / mult
        || n * mult < 1024) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a size from 1K to "
                            "64G, such as 100M", cmd->cmd->name, arg);
    }
    conf->upload_limit = (apr_off_t)(n * mult);
    return NULL;
}

/* ---- at startup ---- */

/* 1 when the user and group httpd's children run as may create files in
 * a directory with `fi`'s owner, group and mode. */
static int child_may_write(apr_pool_t *p, const apr_finfo_t *fi)
{
    int mode = APR_FPROT_UWRITE | APR_FPROT_UEXECUTE;
    gid_t *groups;
    int ngroups = 64, i;

    if (fi->user == ap_unixd_config.user_id) {
        return (fi->protection & mode) == mode;
    }
    mode = APR_FPROT_GWRITE | APR_FPROT_GEXECUTE;
    groups = apr_palloc(p, ngroups * sizeof(gid_t));
    if (getgrouplist(ap_unixd_config.user_name, ap_unixd_config.group_id,
                     groups, &ngroups) < 0) {
        groups = apr_palloc(p, ngroups * sizeof(gid_t));
        getgrouplist(ap_unixd_config.user_name, ap_unixd_config.group_id,
                     groups, &ngroups);
    }
    for (i = 0; i < ngroups; i++) {
        if (groups[i] == fi->group) {
            return (fi->protection & mode) == mode;
        }
    }
    mode = APR_FPROT_WWRITE | APR_FPROT_WEXECUTE;
    return (fi->protection & mode) == mode;
}

static const char *check_dir(apr_pool_t *p, const char *dir)
{
    apr_finfo_t fi;
    apr_status_t rv = apr_stat(&fi, dir, APR_FINFO_TYPE | APR_FINFO_OWNER
                               | APR_FINFO_PROT, p);
    const char *user = geteuid() == 0 ? ap_unixd_config.user_name
                                      : "the user httpd runs as";

    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "WebcastSlidesDir %s cannot be used: %pm. "
                            "Create it, for httpd's user to write (e.g. "
                            "install -d -o %s %s)", dir, &rv,
                            ap_unixd_config.user_name, dir);
    }
    if (fi.filetype != APR_DIR) {
        return apr_psprintf(p, "WebcastSlidesDir %s is not a directory", dir);
    }
    /* not root: httpd keeps its own user, and access() asks the kernel */
    if (geteuid() == 0 ? !child_may_write(p, &fi)
                       : access(dir, W_OK | X_OK) != 0) {
        return apr_psprintf(p, "WebcastSlidesDir %s is not writable by %s: "
                            "uploads would fail. Give it to that user (e.g. "
                            "chown %s %s; chmod 750 %s)", dir, user,
                            ap_unixd_config.user_name, dir, dir);
    }
    return NULL;
}

/* A section's settings in effect: both or none, and a usable directory. */
static const char *check_conf(apr_pool_t *p, apr_hash_t *seen,
                              const webcast_dir_conf *c, const char *where)
{
    const char *err;

    if (c == NULL || (c->slides_dir == NULL && c->slides_url == NULL)) {
        return NULL;
    }
    if (c->slides_dir == NULL || c->slides_url == NULL) {
        return apr_psprintf(p, "%s has %s without %s: set both, the "
                            "directory uploaded slides go to and the URL "
                            "under which it is served", where,
                            c->slides_dir ? "WebcastSlidesDir"
                                          : "WebcastSlidesURL",
                            c->slides_dir ? "WebcastSlidesURL"
                                          : "WebcastSlidesDir");
    }
    if (apr_hash_get(seen, c->slides_dir, APR_HASH_KEY_STRING)) {
        return NULL;
    }
    apr_hash_set(seen, c->slides_dir, APR_HASH_KEY_STRING, "");
    err = check_dir(p, c->slides_dir);
    return err ? apr_psprintf(p, "%s: %s", where, err) : NULL;
}

int webcast_slides_check_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s)
{
    apr_hash_t *seen = apr_hash_make(ptemp);
    const char *err = NULL;

    for (; s != NULL && err == NULL; s = s->next) {
        core_server_config *core =
            ap_get_core_module_config(s->module_config);
        ap_conf_vector_t **sec = (ap_conf_vector_t **)core->sec_url->elts;
        webcast_dir_conf *base =
            ap_get_module_config(s->lookup_defaults, &webcast_module);
        const char *host = apr_psprintf(ptemp, "%s:%u", s->server_hostname
                                        ? s->server_hostname : "(unnamed)",
                                        (unsigned)s->port);
        int i;

        err = check_conf(ptemp, seen, base, apr_pstrcat(ptemp, "The server "
                         "config of ", host, NULL));
        for (i = 0; i < core->sec_url->nelts && err == NULL; i++) {
            core_dir_config *dir = ap_get_core_module_config(sec[i]);
            webcast_dir_conf *loc = ap_get_module_config(sec[i],
                                                         &webcast_module);
            if (loc == NULL) {
                continue;
            }
            err = check_conf(ptemp, seen, base ? webcast_merge_dir_conf(
                ptemp, base, loc) : loc, apr_psprintf(ptemp, "<Location %s> "
                "of %s", dir->d, host));
        }
    }
    if (err != NULL) {
        ap_log_error(APLOG_MARK, APLOG_STARTUP | APLOG_CRIT, 0, NULL,
                     WEBCAST_LOG_TAG "%s", err);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    return OK;
}
