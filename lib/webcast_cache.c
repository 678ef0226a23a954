/* webcast_cache.c - a bounded, thread-shared cache of rendered responses.
 *
 * Each entry lives in its own subpool of a private allocator, so evicting
 * it gives its memory back (the allocator keeps only a few free blocks).
 * Sizes are accounted in whole pool blocks, so the bound
 * holds for real memory, not just for string lengths.
 *
 * A flight is a key being built: in `flights` while it is, with the
 * requests waiting for it counted, so the last one to leave (the builder
 * landing, or a waiter after it landed) recycles it into a free list,
 * which grows only to the number of builds at one time.
 */
#include <string.h>

#include <apr_allocator.h>
#include <apr_hash.h>
#include <apr_ring.h>
#include <apr_sha1.h>
#include <apr_strings.h>
#include <apr_thread_cond.h>
#include <apr_thread_mutex.h>

#include "webcast_cache.h"

#define BLOCK 8192      /* APR's smallest pool block */

typedef struct entry entry;
struct entry {
    APR_RING_ENTRY(entry) link;     /* oldest first */
    apr_pool_t *pool;
    const char *key;
    webcast_response resp;
    apr_time_t expires;
    apr_size_t size;
};

APR_RING_HEAD(entry_ring, entry);

typedef struct flight flight;
struct flight {
    flight *next_free;
    const char *key;                /* in the builder's pool */
    apr_time_t started;
    int waiters, landed, status;
};

struct webcast_lease {
    webcast_cache *cache;
    apr_pool_t *pool;
    flight *f;                      /* NULL once landed */
};

struct webcast_cache {
    apr_pool_t *pool;
    apr_thread_mutex_t *mutex;
    apr_thread_cond_t *landed;      /* broadcast when any flight lands */
    apr_hash_t *index;
    struct entry_ring order;
    apr_size_t max_bytes, bytes;
    int entries;
    apr_hash_t *flights;
    flight *free_flights;
    apr_interval_time_t wait, lost;
};

#define FLIGHT_WAIT apr_time_from_sec(2)
#define FLIGHT_LOST apr_time_from_sec(10)

apr_status_t webcast_cache_create(apr_pool_t *parent, apr_size_t max_bytes,
                                  webcast_cache **out)
{
    apr_allocator_t *allocator;
    apr_pool_t *pool;
    webcast_cache *c;
    apr_status_t rv;

    if ((rv = apr_allocator_create(&allocator)) != APR_SUCCESS) {
        return rv;
    }
    /* Evicted entries' blocks go back to the system beyond a few: free
     * memory kept "for later" would be memory outside the bound. */
    apr_allocator_max_free_set(allocator, 8 * BLOCK);
    if ((rv = apr_pool_create_ex(&pool, parent, NULL, allocator))
        != APR_SUCCESS) {
        apr_allocator_destroy(allocator);
        return rv;
    }
    apr_allocator_owner_set(allocator, pool);
    c = apr_pcalloc(pool, sizeof(*c));
    c->pool = pool;
    c->max_bytes = max_bytes;
    c->index = apr_hash_make(pool);
    c->flights = apr_hash_make(pool);
    c->wait = FLIGHT_WAIT;
    c->lost = FLIGHT_LOST;
    APR_RING_INIT(&c->order, entry, link);
    rv = apr_thread_mutex_create(&c->mutex, APR_THREAD_MUTEX_DEFAULT, pool);
    if (rv == APR_SUCCESS) {
        rv = apr_thread_cond_create(&c->landed, pool);
    }
    *out = c;
    return rv;
}

void webcast_cache_set_flight_limits(webcast_cache *c,
                                     apr_interval_time_t wait,
                                     apr_interval_time_t lost)
{
    c->wait = wait;
    c->lost = lost;
}

static const char *copy_str(apr_pool_t *p, const char *s)
{
    return s ? apr_pstrdup(p, s) : NULL;
}

static webcast_bytes copy_bytes(apr_pool_t *p, webcast_bytes b)
{
    webcast_bytes copy = { b.data ? apr_pmemdup(p, b.data, b.len) : NULL,
                           b.len };
    return copy;
}

/* Everything, or only what is sent in the coding `only` (>= 0). */
static void copy_response(apr_pool_t *p, webcast_response *to,
                          const webcast_response *from, int only)
{
    int e, identity = only < 0 || only == WEBCAST_ENC_IDENTITY;

    *to = *from;
    to->content_type = copy_str(p, from->content_type);
    to->head = identity ? copy_str(p, from->head) : NULL;
    to->body = !identity ? NULL
               : from->body_len ? apr_pmemdup(p, from->body, from->body_len)
               : copy_str(p, from->body);
    to->tail = identity ? copy_str(p, from->tail) : NULL;
    to->etag = copy_str(p, from->etag);
    for (e = WEBCAST_ENC_IDENTITY + 1; e < WEBCAST_ENC_COUNT; e++) {
        if (only < 0 || only == e) {
            to->coded[e] = copy_bytes(p, from->coded[e]);
        }
        else {
            to->coded[e].data = NULL;
            to->coded[e].len = 0;
        }
    }
}

static apr_size_t length(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

static apr_size_t footprint(const char *key, const webcast_response *r)
{
    apr_size_t n = sizeof(entry) + length(key) + length(r->content_type)
        + length(r->head) + (r->body_len ? r->body_len : length(r->body))
        + length(r->tail)
        + length(r->etag);
    int e;

    for (e = WEBCAST_ENC_IDENTITY + 1; e < WEBCAST_ENC_COUNT; e++) {
        n += r->coded[e].data ? r->coded[e].len : 0;
    }
    return (n / BLOCK + 1) * BLOCK;
}

static void evict(webcast_cache *c, entry *e)
{
    APR_RING_REMOVE(e, link);
    apr_hash_set(c->index, e->key, APR_HASH_KEY_STRING, NULL);
    c->bytes -= e->size;
    c->entries--;
    apr_pool_destroy(e->pool);
}

int webcast_cache_get(webcast_cache *c, const char *key, apr_time_t now,
                      const webcast_accept *accept, apr_pool_t *p,
                      webcast_response *out, int *fresh)
{
    entry *e;

    apr_thread_mutex_lock(c->mutex);
    e = apr_hash_get(c->index, key, APR_HASH_KEY_STRING);
    if (e != NULL) {
        copy_response(p, out, &e->resp, accept == NULL ? -1
                      : (int)webcast_accept_choose(accept, e->resp.codings));
        *fresh = now < e->expires;
    }
    apr_thread_mutex_unlock(c->mutex);
    return e != NULL;
}

void webcast_cache_put(webcast_cache *c, const char *key,
                       const webcast_response *resp, apr_time_t expires)
{
    apr_size_t size = footprint(key, resp);
    apr_pool_t *pool;
    entry *e;

    if (size > c->max_bytes) {
        return;
    }
    apr_thread_mutex_lock(c->mutex);
    if ((e = apr_hash_get(c->index, key, APR_HASH_KEY_STRING)) != NULL) {
        evict(c, e);
    }
    while (c->bytes + size > c->max_bytes && !APR_RING_EMPTY(&c->order,
                                                             entry, link)) {
        evict(c, APR_RING_FIRST(&c->order));
    }
    if (apr_pool_create(&pool, c->pool) == APR_SUCCESS) {
        e = apr_palloc(pool, sizeof(*e));
        e->pool = pool;
        e->key = apr_pstrdup(pool, key);
        copy_response(pool, &e->resp, resp, -1);
        e->expires = expires;
        e->size = size;
        APR_RING_INSERT_TAIL(&c->order, e, entry, link);
        apr_hash_set(c->index, e->key, APR_HASH_KEY_STRING, e);
        c->bytes += size;
        c->entries++;
    }
    apr_thread_mutex_unlock(c->mutex);
}

void webcast_cache_remove(webcast_cache *c, const char *key)
{
    entry *e;

    apr_thread_mutex_lock(c->mutex);
    if ((e = apr_hash_get(c->index, key, APR_HASH_KEY_STRING)) != NULL) {
        evict(c, e);
    }
    apr_thread_mutex_unlock(c->mutex);
}

const char *webcast_cache_key(apr_pool_t *p, const char *const *values,
                              int n)
{
    unsigned char digest[APR_SHA1_DIGESTSIZE];
    char *key = apr_palloc(p, 9 + 2 * APR_SHA1_DIGESTSIZE + 1);
    apr_sha1_ctx_t sha;
    int i;

    apr_sha1_init(&sha);
    for (i = 0; i < n; i++) {
        /* "+value\0" or "-\0": NULL is not "", "a","bc" is not "ab","c" */
        apr_sha1_update(&sha, values[i] ? "+" : "-", 1);
        if (values[i]) {
            apr_sha1_update(&sha, values[i], (unsigned int)strlen(values[i]));
        }
        apr_sha1_update_binary(&sha, (const unsigned char *)"", 1);
    }
    apr_sha1_final(digest, &sha);
    memcpy(key, "webcast1:", 9);
    for (i = 0; i < APR_SHA1_DIGESTSIZE; i++) {
        key[9 + 2 * i] = "0123456789abcdef"[digest[i] >> 4];
        key[10 + 2 * i] = "0123456789abcdef"[digest[i] & 15];
    }
    key[9 + 2 * APR_SHA1_DIGESTSIZE] = '\0';
    return key;
}

void webcast_cache_usage(webcast_cache *c, int *entries, apr_size_t *bytes)
{
    apr_thread_mutex_lock(c->mutex);
    *entries = c->entries;
    *bytes = c->bytes;
    apr_thread_mutex_unlock(c->mutex);
}

/* ---- single flight (everything below runs under c->mutex) ---- */

static void recycle(webcast_cache *c, flight *f)
{
    f->next_free = c->free_flights;
    c->free_flights = f;
}

static void land(webcast_lease *l, int status)
{
    webcast_cache *c = l->cache;
    flight *f = l->f;

    if (f == NULL) {
        return;
    }
    apr_thread_mutex_lock(c->mutex);
    /* A flight given up as lost has been replaced: leave the new one. */
    if (apr_hash_get(c->flights, f->key, APR_HASH_KEY_STRING) == f) {
        apr_hash_set(c->flights, f->key, APR_HASH_KEY_STRING, NULL);
    }
    f->landed = 1;
    f->status = status;
    if (f->waiters == 0) {
        recycle(c, f);
    }
    apr_thread_cond_broadcast(c->landed);
    apr_thread_mutex_unlock(c->mutex);
    l->f = NULL;
}

/* A builder that returned without landing (its pool is going). */
static apr_status_t abandon(void *data)
{
    land(data, 0);
    return APR_SUCCESS;
}

void webcast_cache_land(webcast_lease *l, int status)
{
    if (l != NULL) {
        apr_pool_cleanup_kill(l->pool, l, abandon);
        land(l, status);
    }
}

static webcast_lease *take_off(webcast_cache *c, const char *key,
                               apr_pool_t *p)
{
    webcast_lease *l = apr_palloc(p, sizeof(*l));
    flight *f = c->free_flights;

    if (f != NULL) {
        c->free_flights = f->next_free;
    }
    else {
        f = apr_palloc(c->pool, sizeof(*f));
    }
    f->key = apr_pstrdup(p, key);
    f->started = apr_time_now();
    f->waiters = f->landed = f->status = 0;
    apr_hash_set(c->flights, f->key, APR_HASH_KEY_STRING, f);
    l->cache = c;
    l->pool = p;
    l->f = f;
    apr_pool_cleanup_register(p, l, abandon, apr_pool_cleanup_null);
    return l;
}

/* Wait for `f` to land until `deadline`: BUILD when it landed with 0 (look
 * again), SHARED with its failure, or TIMEOUT. */
static webcast_cache_state wait_for(webcast_cache *c, flight *f,
                                    apr_time_t deadline, int *status)
{
    int landed;

    f->waiters++;
    while (!f->landed && apr_time_now() < deadline) {
        apr_thread_cond_timedwait(c->landed, c->mutex,
                                  deadline - apr_time_now());
    }
    f->waiters--;
    landed = f->landed;
    *status = f->status;
    if (landed && f->waiters == 0) {
        recycle(c, f);
    }
    return !landed ? WEBCAST_CACHE_TIMEOUT
           : *status != 0 ? WEBCAST_CACHE_SHARED : WEBCAST_CACHE_BUILD;
}

webcast_cache_state webcast_cache_lookup(webcast_cache *c, const char *key,
                                         apr_time_t now,
                                         const webcast_accept *accept,
                                         apr_pool_t *p, webcast_response *out,
                                         int *have, webcast_lease **lease,
                                         int *status)
{
    webcast_cache_state st = WEBCAST_CACHE_BUILD;
    apr_time_t deadline = 0;

    *have = 0;
    *lease = NULL;
    apr_thread_mutex_lock(c->mutex);
    while (st == WEBCAST_CACHE_BUILD) {
        entry *e = apr_hash_get(c->index, key, APR_HASH_KEY_STRING);
        flight *f = apr_hash_get(c->flights, key, APR_HASH_KEY_STRING);

        if (e != NULL) {
            copy_response(p, out, &e->resp, accept == NULL ? -1
                          : (int)webcast_accept_choose(accept,
                                                       e->resp.codings));
            *have = 1;
            if (now < e->expires) {
                st = WEBCAST_CACHE_FRESH;
                break;
            }
        }
        if (f != NULL && apr_time_now() - f->started > c->lost) {
            apr_hash_set(c->flights, f->key, APR_HASH_KEY_STRING, NULL);
            f = NULL;                   /* its builder may still land it */
        }
        if (f == NULL) {
            *lease = take_off(c, key, p);
            break;
        }
        /* The last copy while another builds the next, unless a scheduled
         * change has passed since it was made: it would show the old
         * state (it stays the fallback in an outage, see BUILD). */
        if (e != NULL && (e->resp.expires == 0 || now < e->resp.expires)) {
            st = WEBCAST_CACHE_UPDATING;
            break;
        }
        *have = 0;
        if (deadline == 0) {
            deadline = apr_time_now() + c->wait;
        }
        st = wait_for(c, f, deadline, status);
    }
    apr_thread_mutex_unlock(c->mutex);
    return st;
}
