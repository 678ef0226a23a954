/* webcast_cache.c - a bounded, thread-shared cache of rendered responses.
 *
 * Each entry lives in its own subpool of a private allocator, so evicting
 * it gives its memory back (the allocator keeps only a few free blocks).
 * Sizes are accounted in whole pool blocks, so the bound
 * holds for real memory, not just for string lengths.
 */
#include <string.h>

#include <apr_allocator.h>
#include <apr_hash.h>
#include <apr_ring.h>
#include <apr_strings.h>
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

struct webcast_cache {
    apr_pool_t *pool;
    apr_thread_mutex_t *mutex;
    apr_hash_t *index;
    struct entry_ring order;
    apr_size_t max_bytes, bytes;
    int entries;
};

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
    APR_RING_INIT(&c->order, entry, link);
    rv = apr_thread_mutex_create(&c->mutex, APR_THREAD_MUTEX_DEFAULT, pool);
    *out = c;
    return rv;
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

void webcast_cache_usage(webcast_cache *c, int *entries, apr_size_t *bytes)
{
    apr_thread_mutex_lock(c->mutex);
    *entries = c->entries;
    *bytes = c->bytes;
    apr_thread_mutex_unlock(c->mutex);
}
