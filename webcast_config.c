/* webcast_config.c - per-directory configuration and directive handlers.
 *
 * Patterns are compiled here, once, so a typo in httpd.conf stops the
 * server at startup with a message naming the directive and the problem.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "apr_strings.h"

#include "webcast.h"

void *webcast_create_server_conf(apr_pool_t *p, server_rec *s)
{
    return apr_pcalloc(p, sizeof(webcast_server_conf));
}

void *webcast_create_dir_conf(apr_pool_t *p, char *dir)
{
    webcast_dir_conf *conf = apr_pcalloc(p, sizeof(*conf));

    /* The innermost section's path is where the site is mounted: links the
     * module writes are relative to it. <Location /> mounts at "". */
    if (dir != NULL) {
        apr_size_t len = strlen(dir);
        while (len > 0 && dir[len - 1] == '/') {
            len--;
        }
        conf->mount = apr_pstrndup(p, dir, len);
    }
    return conf;
}

void *webcast_merge_dir_conf(apr_pool_t *p, void *basev, void *addv)
{
    webcast_dir_conf *base = basev, *add = addv;
    webcast_dir_conf *conf = apr_pcalloc(p, sizeof(*conf));

    conf->mount = add->mount ? add->mount : base->mount;
    conf->archive_url = add->archive_url ? add->archive_url
                                         : base->archive_url;
    conf->live_url = add->live_url ? add->live_url : base->live_url;
    return conf;
}

static const char *set_pattern(cmd_parms *cmd, const char *arg,
                               unsigned allowed, webcast_pattern **slot)
{
    const char *err = webcast_pattern_compile(cmd->pool, arg, allowed, slot);

    if (err != NULL) {
        return apr_psprintf(cmd->pool, "%s \"%s\" %s", cmd->cmd->name, arg,
                            err);
    }
    /* Any server that configures the site needs our statements. */
    return webcast_db_prepare(cmd->server);
}

const char *webcast_set_archive_url(cmd_parms *cmd, void *confv,
                                    const char *arg)
{
    webcast_dir_conf *conf = confv;
    const char *err = set_pattern(cmd, arg,
                                  WEBCAST_PH_BIT(WEBCAST_PH_PATH)
                                  | WEBCAST_PH_BIT(WEBCAST_PH_FILE)
                                  | WEBCAST_PH_BIT(WEBCAST_PH_ID),
                                  &conf->archive_url);

    if (err == NULL
        && !(conf->archive_url->uses & (WEBCAST_PH_BIT(WEBCAST_PH_FILE)
                                        | WEBCAST_PH_BIT(WEBCAST_PH_ID)))) {
        err = apr_psprintf(cmd->pool, "%s \"%s\" names neither {file} nor "
                           "{id}: every archive would play the same stream",
                           cmd->cmd->name, arg);
    }
    return err;
}

const char *webcast_set_live_url(cmd_parms *cmd, void *confv,
                                 const char *arg)
{
    webcast_dir_conf *conf = confv;

    return set_pattern(cmd, arg,
                       WEBCAST_PH_BIT(WEBCAST_PH_STREAM)
                       | WEBCAST_PH_BIT(WEBCAST_PH_ID),
                       &conf->live_url);
}
