/* webcast_config.c - per-directory configuration and directive handlers.
 *
 * Patterns and zones are compiled here, once, so a typo in httpd.conf
 * stops the server at startup with a message naming the directive and the
 * problem.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "apr_lib.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_html.h"

#define ARCHIVE_PLACEHOLDERS (WEBCAST_PH_BIT(WEBCAST_PH_PATH) \
    | WEBCAST_PH_BIT(WEBCAST_PH_FILE) | WEBCAST_PH_BIT(WEBCAST_PH_ID))
#define LIVE_PLACEHOLDERS (WEBCAST_PH_BIT(WEBCAST_PH_STREAM) \
    | WEBCAST_PH_BIT(WEBCAST_PH_ID))

void *webcast_create_server_conf(apr_pool_t *p, server_rec *s)
{
    webcast_server_conf *sconf = apr_pcalloc(p, sizeof(*sconf));

    sconf->utc = webcast_tz_utc(p);
    sconf->cache_size = WEBCAST_CACHE_SIZE_DEFAULT;
    return sconf;
}

void *webcast_create_dir_conf(apr_pool_t *p, char *dir)
{
    webcast_dir_conf *conf = apr_pcalloc(p, sizeof(*conf));

    conf->cache_ttl = -1;
    conf->freshness.shared_max_age = -1;
    conf->freshness.stale_while_revalidate = -1;
    conf->freshness.stale_if_error = -1;
    return conf;
}

/* The site is mounted where its handler is set: every plain <Location>
 * holding a SetHandler records its path as the mount point, so the merge
 * of a request's sections yields the innermost one that set the handler in
 * effect - whichever section the Webcast* directives sit in. */
int webcast_find_mounts(apr_pool_t *pconf, apr_pool_t *plog,
                        apr_pool_t *ptemp, server_rec *s)
{
    for (; s != NULL; s = s->next) {
        core_server_config *core =
            ap_get_core_module_config(s->module_config);
        ap_conf_vector_t **sec = (ap_conf_vector_t **)core->sec_url->elts;
        int i;

        for (i = 0; i < core->sec_url->nelts; i++) {
            core_dir_config *dir = ap_get_core_module_config(sec[i]);
            webcast_dir_conf *conf;
            apr_size_t len;

            if (dir->expr_handler == NULL || dir->r != NULL
                || dir->d_is_fnmatch || dir->d == NULL) {
                continue;
            }
            conf = ap_get_module_config(sec[i], &webcast_module);
            if (conf == NULL) {
                conf = webcast_create_dir_conf(pconf, dir->d);
                ap_set_module_config(sec[i], &webcast_module, conf);
            }
            /* <Location /> mounts at "", <Location /w/> at "/w" */
            len = strlen(dir->d);
            while (len > 0 && dir->d[len - 1] == '/') {
                len--;
            }
            conf->mount = apr_pstrndup(pconf, dir->d, len);
        }
    }
    return OK;
}

#define MERGE(field) conf->field = add->field ? add->field : base->field
#define MERGE_SET(field) \
    conf->field = add->field >= 0 ? add->field : base->field

void *webcast_merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    webcast_dir_conf *base = basev, *add = addv;
    webcast_dir_conf *conf = apr_pcalloc(p, sizeof(*conf));

    MERGE(mount);
    MERGE(archive_url);
    MERGE(live_url);
    MERGE(archive_hls);
    MERGE(live_hls);
    MERGE(archive_alternates);
    MERGE(tz);
    MERGE(stylesheet);
    MERGE(header_name);
    MERGE(footer_name);
    conf->cache_ttl = add->cache_ttl >= 0 ? add->cache_ttl : base->cache_ttl;
    MERGE(admin_secret);
    MERGE(embed_ancestors);
    MERGE(slides_dir);
    MERGE(slides_url);
    MERGE(upload_limit);
    MERGE(archive_download);
    MERGE_SET(freshness.shared_max_age);
    MERGE_SET(freshness.stale_while_revalidate);
    MERGE_SET(freshness.stale_if_error);
    return conf;
}

static const char *set_pattern(cmd_parms *cmd, void *conf, const char *arg,
                               unsigned allowed)
{
    webcast_pattern **slot =
        (webcast_pattern **)((char *)conf + (apr_size_t)cmd->info);
    const char *err = webcast_pattern_compile(cmd->pool, arg, allowed, slot);

    if (err != NULL) {
        return apr_psprintf(cmd->pool, "%s \"%s\" %s", cmd->cmd->name, arg,
                            err);
    }
    /* Any server that configures the site needs our statements. */
    return webcast_db_prepare(cmd->server);
}

/* An archive pattern without {file} or {id} plays one stream for all. */
static const char *archive_pattern_check(cmd_parms *cmd, const char *arg,
                                         const webcast_pattern *pat)
{
    if (pat->uses & (WEBCAST_PH_BIT(WEBCAST_PH_FILE)
                     | WEBCAST_PH_BIT(WEBCAST_PH_ID))) {
        return NULL;
    }
    return apr_psprintf(cmd->pool, "%s \"%s\" names neither {file} nor "
                        "{id}: every archive would play the same stream",
                        cmd->cmd->name, arg);
}

const char *webcast_set_archive_pattern(cmd_parms *cmd, void *conf,
                                        const char *arg)
{
    const char *err = set_pattern(cmd, conf, arg, ARCHIVE_PLACEHOLDERS);

    return err ? err : archive_pattern_check(cmd, arg,
        *(webcast_pattern **)((char *)conf + (apr_size_t)cmd->info));
}

/* Repeatable: each adds an alternate to this section's list, which
 * replaces (not extends) the list of an enclosing section. */
const char *webcast_set_archive_alternate(cmd_parms *cmd, void *confv,
                                          const char *bitrate,
                                          const char *arg)
{
    webcast_dir_conf *conf = confv;
    webcast_alternate_conf *alt;
    webcast_pattern *pat;
    char *end;
    apr_int64_t v = apr_strtoi64(bitrate, &end, 10);
    const char *err;

    if (!apr_isdigit(*bitrate) || *end != '\0' || v < 0 || v > 0xFFFFFFFFu) {
        return apr_psprintf(cmd->pool, "%s \"%s\": the first argument must "
                            "be the data rate in bits per second, such as "
                            "56000 (0 to 4294967295)", cmd->cmd->name,
                            bitrate);
    }
    err = webcast_pattern_compile(cmd->pool, arg, ARCHIVE_PLACEHOLDERS, &pat);
    if (err != NULL) {
        return apr_psprintf(cmd->pool, "%s %s \"%s\" %s", cmd->cmd->name,
                            bitrate, arg, err);
    }
    if ((err = archive_pattern_check(cmd, arg, pat)) != NULL) {
        return err;
    }
    if (conf->archive_alternates == NULL) {
        conf->archive_alternates =
            apr_array_make(cmd->pool, 4, sizeof(webcast_alternate_conf));
    }
    alt = apr_array_push(conf->archive_alternates);
    alt->bitrate = (apr_uint32_t)v;
    alt->pattern = pat;
    return webcast_db_prepare(cmd->server);
}

const char *webcast_set_live_pattern(cmd_parms *cmd, void *conf,
                                     const char *arg)
{
    return set_pattern(cmd, conf, arg, LIVE_PLACEHOLDERS);
}

const char *webcast_set_download_pattern(cmd_parms *cmd, void *conf,
                                         const char *arg)
{
    const char *err = webcast_set_archive_pattern(cmd, conf, arg);
    const char *host = strstr(arg, "://");

    /* podcast apps fetch the file over HTTP; the host is the admin's,
     * never a value from the database */
    if (err == NULL && (!webcast_url_linkable(arg) || host == NULL
                        || memchr(host + 3, '{', strcspn(host + 3, "/?#")))) {
        err = apr_psprintf(cmd->pool, "%s \"%s\" must be an http:// or "
                           "https:// URL of a file, with the host written "
                           "out, e.g. https://media.example.edu/download/"
                           "{path}/{file}", cmd->cmd->name, arg);
    }
    return err;
}

const char *webcast_set_time_zone(cmd_parms *cmd, void *confv,
                                  const char *arg)
{
    webcast_dir_conf *conf = confv;
    webcast_tz *tz;
    const char *err = webcast_tz_load(cmd->pool, NULL, arg, &tz);

    if (err != NULL) {
        return apr_psprintf(cmd->pool, "%s: %s", cmd->cmd->name, err);
    }
    conf->tz = tz;
    return webcast_db_prepare(cmd->server);
}

const char *webcast_set_url(cmd_parms *cmd, void *conf, const char *arg)
{
    const char **slot = (const char **)((char *)conf + (apr_size_t)cmd->info);

    /* A local path ("/css/site.css") or an http(s) URL; nothing that could
     * break out of the attribute it is written into. */
    if (!webcast_url_site_relative(arg) && !webcast_url_linkable(arg)) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a local path such "
                            "as /style/webcast.css or an http(s) URL, "
                            "without spaces", cmd->cmd->name, arg);
    }
    *slot = arg;
    return webcast_db_prepare(cmd->server);
}

/* CSP frame-ancestors sources: '*', 'self', 'none', a scheme ("https:")
 * or a host source; nothing that could end the directive or the header. */
const char *webcast_set_embed_ancestors(cmd_parms *cmd, void *confv,
                                        int argc, char *const argv[])
{
    webcast_dir_conf *conf = confv;
    const char *joined = "";
    int i;

    if (argc == 0) {
        return "WebcastEmbedAncestors needs at least one source, e.g. * or "
               "'self' https://partner.example.org";
    }
    for (i = 0; i < argc; i++) {
        const char *s = argv[i];

        if (*s == '\0' || s[strspn(s, "abcdefghijklmnopqrstuvwxyz"
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789-._~:/*'[]%")] != '\0') {
            return apr_psprintf(cmd->pool, "WebcastEmbedAncestors \"%s\" is "
                                "not a Content-Security-Policy source such "
                                "as *, 'self' or https://partner.example.org",
                                s);
        }
        /* httpd's parser eats the quotes of 'self' unless doubled up */
        if (strcmp(s, "self") == 0 || strcmp(s, "none") == 0) {
            s = apr_pstrcat(cmd->pool, "'", s, "'", NULL);
        }
        joined = apr_pstrcat(cmd->pool, joined, i ? " " : "", s, NULL);
    }
    conf->embed_ancestors = joined;
    return webcast_db_prepare(cmd->server);
}

const char *webcast_set_local_uri(cmd_parms *cmd, void *conf,
                                  const char *arg)
{
    const char **slot = (const char **)((char *)conf + (apr_size_t)cmd->info);

    if (arg[0] != '/' || arg[1] == '/') {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a local URL path "
                            "such as /includes/header.html", cmd->cmd->name,
                            arg);
    }
    *slot = arg;
    return NULL;
}

const char *webcast_set_cache_ttl(cmd_parms *cmd, void *confv,
                                  const char *arg)
{
    webcast_dir_conf *conf = confv;
    char *end;
    apr_int64_t v = apr_strtoi64(arg, &end, 10);

    if (*arg == '\0' || *end != '\0' || v < 0 || v > 86400) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a number of "
                            "seconds from 0 (no cache) to 86400",
                            cmd->cmd->name, arg);
    }
    conf->cache_ttl = (int)v;
    return NULL;
}

const char *webcast_set_cache_size(cmd_parms *cmd, void *dummy,
                                   const char *arg)
{
    webcast_server_conf *sconf =
        ap_get_module_config(cmd->server->module_config, &webcast_module);
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    apr_off_t bytes;
    apr_int64_t n, mult;
    char *end, unit;

    if (err != NULL) {
        return err;
    }
    /* bytes, or a number with K, M or G */
    n = apr_strtoi64(arg, &end, 10);
    unit = apr_toupper(*end);
    mult = *end == '\0' ? 1 : end[1] != '\0' ? 0 : unit == 'K' ? 1 << 10
         : unit == 'M' ? 1 << 20 : unit == 'G' ? 1 << 30 : 0;
    bytes = end == arg ? 0 : (apr_off_t)n * mult;
    if (bytes < 65536 || bytes > (apr_off_t)1 << 34) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a size from 64K "
                            "to 16G, such as 16M", cmd->cmd->name, arg);
    }
    sconf->cache_size = (apr_size_t)bytes;
    return NULL;
}

/* WebcastSharedMaxAge, WebcastStaleWhileRevalidate, WebcastStaleIfError:
 * whole seconds, as Cache-Control writes them; stale-if-error may be
 * longer (a week), since it only stands in for an error. */
const char *webcast_set_shared_seconds(cmd_parms *cmd, void *conf,
                                       const char *arg)
{
    int *slot = (int *)((char *)conf + (apr_size_t)cmd->info);
    int most = (apr_size_t)cmd->info
               == APR_OFFSETOF(webcast_dir_conf, freshness.stale_if_error)
               ? 604800 : 86400;
    char *end;
    apr_int64_t v = apr_strtoi64(arg, &end, 10);

    if (!apr_isdigit(*arg) || *end != '\0' || v < 0 || v > most) {
        return apr_psprintf(cmd->pool, "%s \"%s\" must be a number of "
                            "seconds from 0 to %d", cmd->cmd->name, arg,
                            most);
    }
    *slot = (int)v;
    return NULL;
}
