/* webcast_cache.h - rendered responses kept for WebcastCacheTTL seconds,
 * shared by the threads of one httpd child, bounded by WebcastCacheSize.
 *
 * Entries are copied in and copied out under one mutex, which is never
 * held across anything slower than a memcpy (never across a query), and
 * stay after they expire so that a database outage can be answered with
 * the last good page. Pure APR: unit-tested without httpd.
 *
 * Single flight: however many requests ask for a key at once, one builds
 * it (it holds the key's lease) and the others get the last copy while it
 * does, or, when there is none, wait for it (a bounded time).
 */
#ifndef WEBCAST_CACHE_H
#define WEBCAST_CACHE_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_encoding.h"

/* One answer, as the handler writes it. */
typedef struct {
    const char *content_type;
    const char *head, *body, *tail;     /* pages: open, main, close */
    apr_size_t body_len;                /* body's bytes when it may hold
                                         * NULs (a binary movie); 0: a
                                         * string, strlen() */
    int is_page;                        /* header/footer go between parts */
    /* Compressed copies of head + body + tail, made once when the answer
     * is cached: codings has a WEBCAST_ENC_BIT for each the answer has
     * (so it varies by Accept-Encoding); coded[] holds them, except in a
     * copy from webcast_cache_get(), which holds only the one chosen. */
    unsigned codings;
    webcast_bytes coded[WEBCAST_ENC_COUNT];
    apr_time_t last_modified;
    const char *etag;                   /* quoted */
    int max_age;                        /* Cache-Control max-age */
    apr_time_t expires;                 /* the next scheduled change of
                                         * anything shown, 0 = none: no
                                         * copy or max-age outlives it */
} webcast_response;

typedef struct webcast_cache webcast_cache;

apr_status_t webcast_cache_create(apr_pool_t *parent, apr_size_t max_bytes,
                                  webcast_cache **out);

/* Copy the entry for `key` into `p`: of its bytes only the coding that
 * `accept` chooses (webcast_accept_choose), all of them when it is NULL.
 * Returns 0 when there is none, else 1 with *fresh telling whether it is
 * still within its TTL. */
int webcast_cache_get(webcast_cache *c, const char *key, apr_time_t now,
                      const webcast_accept *accept, apr_pool_t *p,
                      webcast_response *out, int *fresh);

/* What webcast_cache_lookup() found, and so what the caller does. */
typedef enum {
    WEBCAST_CACHE_FRESH,        /* *out is within its TTL: send it */
    WEBCAST_CACHE_UPDATING,     /* *out is the last copy, past its TTL
                                 * (not past resp.expires), while another
                                 * request builds the next: send it */
    WEBCAST_CACHE_BUILD,        /* build it, store it, land *lease; *out is
                                 * the last copy when *have */
    WEBCAST_CACHE_SHARED,       /* the build this request waited for failed
                                 * with *status: answer the same */
    WEBCAST_CACHE_TIMEOUT       /* the build this request waited for took
                                 * longer than the wait allows: build it
                                 * (and store it) without the lease */
} webcast_cache_state;

/* The right to build a key; released by webcast_cache_land() or, at the
 * latest, when the pool it was given in is cleared. */
typedef struct webcast_lease webcast_lease;

/* webcast_cache_get() that takes part in the key's single flight. A
 * request that finds no copy and another building the key waits for that
 * build, then looks again. */
webcast_cache_state webcast_cache_lookup(webcast_cache *c, const char *key,
                                         apr_time_t now,
                                         const webcast_accept *accept,
                                         apr_pool_t *p, webcast_response *out,
                                         int *have, webcast_lease **lease,
                                         int *status);

/* The build is over: `status` 0 when its answer was stored (or is not to
 * be shared: those waiting look again), else what they are to answer. */
void webcast_cache_land(webcast_lease *lease, int status);

/* How long a request waits for another's build (default 2 s) and after
 * how long a build that never landed is given up and the key leased
 * again (default 10 s). For tests. */
void webcast_cache_set_flight_limits(webcast_cache *c,
                                     apr_interval_time_t wait,
                                     apr_interval_time_t lost);

/* Store a copy until `expires` (and after, as a stale fallback), evicting
 * the oldest entries while the cache is over its size. */
void webcast_cache_put(webcast_cache *c, const char *key,
                       const webcast_response *resp, apr_time_t expires);

/* Forget `key`: what it named is gone (a 404 now), so no outage may bring
 * its last copy back. */
void webcast_cache_remove(webcast_cache *c, const char *key);

/* A key for what `n` values make (settings, URL): "webcast1:" and the
 * SHA-1 of the values, each marked as present or NULL and ended, so no
 * two lists give one key by shifting bytes between values. The same on
 * every process and server: a shared cache's key. */
const char *webcast_cache_key(apr_pool_t *p, const char *const *values,
                              int n);

/* What the cache holds now: entries and bytes accounted. */
void webcast_cache_usage(webcast_cache *c, int *entries, apr_size_t *bytes);

#endif
