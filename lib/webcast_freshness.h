/* webcast_freshness.h - the Cache-Control of a public answer: how long a
 * browser and a shared cache (a CDN, Varnish) may keep it, and how long a
 * shared cache may go on showing it once it is stale.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_FRESHNESS_H
#define WEBCAST_FRESHNESS_H

#include <apr_pools.h>

/* What the admin configured; -1 in a member means "unset". */
typedef struct {
    int shared_max_age;         /* WebcastSharedMaxAge; -1: the max-age */
    int stale_while_revalidate; /* WebcastStaleWhileRevalidate */
    int stale_if_error;         /* WebcastStaleIfError */
} webcast_freshness_conf;

#define WEBCAST_STALE_WHILE_REVALIDATE_DEFAULT 30
#define WEBCAST_STALE_IF_ERROR_DEFAULT 86400

/* The four values, in seconds. */
typedef struct {
    int max_age;
    int s_maxage;
    int stale_while_revalidate;
    int stale_if_error;
} webcast_freshness;

/* For an answer whose kind allows `max_age` seconds (10, 300, ...; 0 for
 * a copy served while the database is down) and whose next scheduled
 * change is `left` seconds away (-1: none is scheduled): max-age and
 * s-maxage never reach past that change, and neither does the end of
 * stale-while-revalidate, since a shared cache shows its copy that long
 * without asking first. stale-if-error is used only when the origin
 * cannot answer, where an outdated page beats an error: it may. A stale
 * copy (max_age 0) gets no shared freshness and no stale-while-revalidate
 * either. `conf` may be NULL (all defaults). */
webcast_freshness webcast_freshness_of(int max_age, long left,
                                       const webcast_freshness_conf *conf);

/* "public, max-age=M, s-maxage=S, stale-while-revalidate=W,
 * stale-if-error=E": every value written out, 0 too, so that a shared
 * cache never falls back on a default of its own (Varnish keeps stale
 * copies 10 s when stale-while-revalidate is absent). */
const char *webcast_freshness_header(apr_pool_t *p,
                                     const webcast_freshness *f);

#endif
