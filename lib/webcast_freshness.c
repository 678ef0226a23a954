/* webcast_freshness.c - Cache-Control values of public answers. */
#include <apr_strings.h>

#include "webcast_freshness.h"

static int at_most(int v, long bound)
{
    return bound >= 0 && bound < v ? (int)bound : v;
}

static int set_or(int v, int dflt)
{
    return v >= 0 ? v : dflt;
}

webcast_freshness webcast_freshness_of(int max_age, long left,
                                       const webcast_freshness_conf *conf)
{
    webcast_freshness f;
    int shared = conf ? conf->shared_max_age : -1;

    f.max_age = at_most(max_age < 0 ? 0 : max_age, left);
    f.s_maxage = max_age <= 0 ? 0 : at_most(set_or(shared, max_age), left);
    f.stale_while_revalidate = max_age <= 0 ? 0
        : set_or(conf ? conf->stale_while_revalidate : -1,
                 WEBCAST_STALE_WHILE_REVALIDATE_DEFAULT);
    if (left >= 0) {
        f.stale_while_revalidate = at_most(f.stale_while_revalidate,
                                           left - f.s_maxage);
    }
    f.stale_if_error = set_or(conf ? conf->stale_if_error : -1,
                              WEBCAST_STALE_IF_ERROR_DEFAULT);
    return f;
}

const char *webcast_freshness_header(apr_pool_t *p,
                                     const webcast_freshness *f)
{
    return apr_psprintf(p, "public, max-age=%d, s-maxage=%d, "
                        "stale-while-revalidate=%d, stale-if-error=%d",
                        f->max_age, f->s_maxage, f->stale_while_revalidate,
                        f->stale_if_error);
}
