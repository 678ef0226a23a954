/* webcast_socache.c - WebcastCacheSOCache: the page cache shared through
 * mod_socache (shmcb among one server's children; memcache or redis among
 * servers).
 *
 * It is a second level behind each child's own cache: a child that has no
 * fresh copy of a page asks here before the database, and what it builds
 * goes here too, so one database read per page and TTL serves every
 * child (and server). One build at a time per key across them: the builder
 * holds a lease, a short-lived entry of its own, checked and taken in one
 * step under a global mutex: exact among one server's children; between
 * servers (memcache, redis) two round trips, so two servers may now and
 * then both build.
 *
 * The shared cache is never needed: when the provider fails (memcached
 * down), the child says so once, goes on with its own cache alone for a
 * few seconds, then tries again. A request never fails for it.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "ap_provider.h"
#include "ap_socache.h"
#include "util_mutex.h"
#include "apr_atomic.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_blob.h"

APLOG_USE_MODULE(webcast);

#define MUTEX_TYPE "webcast-cache"
/* Entries past this size stay in the children's own caches (memcached
 * takes 1 MB at most; the largest page with both copies is ~200 KB). */
#define MAX_ENTRY (256 * 1024)
/* Kept after their TTL as the outage fallback. */
#define KEEP_STALE apr_time_from_sec(86400)
/* A lease nobody released (its child died) expires by itself. */
#define LEASE_TIME apr_time_from_sec(10)
/* With no copy anywhere, how long and how often to look for another's. */
#define WAIT_TIME apr_time_from_sec(2)
#define WAIT_STEP apr_time_from_msec(20)
/* After a failure, seconds this child does without the shared cache. */
#define PAUSE_SECONDS 5

/* One per configuration (server-wide), as mod_socache consumers do. */
static const ap_socache_provider_t *provider;
static ap_socache_instance_t *instance;
static apr_global_mutex_t *mutex;       /* leases; every call to a
                                         * provider not MP-safe (shmcb) */
static int mp_safe;
static const char *spec;                /* as configured, for log lines */

/* Per child: until when (Unix seconds) the shared cache is skipped. */
static volatile apr_uint32_t paused_until;

const char *webcast_set_cache_socache(cmd_parms *cmd, void *dummy,
                                      const char *arg)
{
    const char *err = ap_check_cmd_context(cmd, GLOBAL_ONLY);
    const char *sep = ap_strchr_c(arg, ':');
    const char *name = sep ? apr_pstrmemdup(cmd->pool, arg, sep - arg) : arg;

    if (err != NULL) {
        return err;
    }
    provider = ap_lookup_provider(AP_SOCACHE_PROVIDER_GROUP, name,
                                  AP_SOCACHE_PROVIDER_VERSION);
    if (provider == NULL) {
        return apr_psprintf(cmd->pool, "%s: unknown mod_socache provider "
                            "\"%s\": load its module first (a2enmod "
                            "socache_%s, or LoadModule socache_%s_module "
                            "modules/mod_socache_%s.so)", cmd->cmd->name,
                            name, name, name, name);
    }
    err = provider->create(&instance, sep ? sep + 1 : NULL, cmd->temp_pool,
                           cmd->pool);
    if (err != NULL) {
        provider = NULL;
        return apr_psprintf(cmd->pool, "%s %s: %s", cmd->cmd->name, arg, err);
    }
    spec = apr_pstrdup(cmd->pool, arg);
    return NULL;
}

int webcast_socache_pre_config(apr_pool_t *pconf, apr_pool_t *plog,
                               apr_pool_t *ptemp)
{
    provider = NULL;                    /* until the directive says */
    instance = NULL;
    mutex = NULL;
    return ap_mutex_register(pconf, MUTEX_TYPE, NULL, APR_LOCK_DEFAULT, 0)
           == APR_SUCCESS ? OK : HTTP_INTERNAL_SERVER_ERROR;
}

static apr_status_t destroy(void *s)
{
    if (instance != NULL) {
        provider->destroy(instance, s);
        instance = NULL;
    }
    return APR_SUCCESS;
}

int webcast_socache_post_config(apr_pool_t *pconf, apr_pool_t *plog,
                                apr_pool_t *ptemp, server_rec *s)
{
    static const struct ap_socache_hints hints = {
        48, 32 * 1024, apr_time_from_sec(60)
    };
    apr_status_t rv;

    if (provider == NULL) {
        return OK;
    }
    mp_safe = !(provider->flags & AP_SOCACHE_FLAG_NOTMPSAFE);
    rv = ap_global_mutex_create(&mutex, NULL, MUTEX_TYPE, NULL, s, pconf, 0);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s, WEBCAST_LOG_TAG
                     "WebcastCacheSOCache %s: cannot create its mutex",
                     spec);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    rv = provider->init(instance, "mod_webcast", &hints, s, pconf);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_CRIT, rv, s, WEBCAST_LOG_TAG
                     "WebcastCacheSOCache %s: the cache does not start",
                     spec);
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    apr_pool_cleanup_register(pconf, s, destroy, apr_pool_cleanup_null);
    return OK;
}

void webcast_socache_child_init(apr_pool_t *pchild, server_rec *s)
{
    apr_status_t rv;

    if (provider == NULL || mutex == NULL) {
        return;
    }
    rv = apr_global_mutex_child_init(&mutex,
                                     apr_global_mutex_lockfile(mutex), pchild);
    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, WEBCAST_LOG_TAG
                     "WebcastCacheSOCache %s: no mutex in this child; it "
                     "uses its own cache alone", spec);
        apr_atomic_set32(&paused_until, 0xffffffffu);
    }
}

static int available(void)
{
    apr_uint32_t until = apr_atomic_read32(&paused_until);

    return provider != NULL
           && (until == 0 || (apr_uint32_t)apr_time_sec(apr_time_now())
                             >= until);
}

/* A failure of the provider: this child goes without it for a while,
 * and says so once per pause (not once per request). */
static void failed(request_rec *r, apr_status_t rv, const char *what)
{
    apr_uint32_t was = apr_atomic_read32(&paused_until);
    apr_uint32_t now = (apr_uint32_t)apr_time_sec(apr_time_now());

    if (was <= now
        && apr_atomic_cas32(&paused_until, now + PAUSE_SECONDS, was) == was) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, rv, r, WEBCAST_LOG_TAG
                      "WebcastCacheSOCache %s failed to %s: this child uses "
                      "its own cache alone for %d s", spec, what,
                      PAUSE_SECONDS);
    }
}

/* Around a call to the provider: only for one that is not MP-safe. */
static void lock(void)
{
    if (!mp_safe) {
        apr_global_mutex_lock(mutex);
    }
}

static void unlock(void)
{
    if (!mp_safe) {
        apr_global_mutex_unlock(mutex);
    }
}

#define ID(k) (const unsigned char *)(k), (unsigned int)strlen(k)

/* 1 with the entry (pointing into buf, of MAX_ENTRY bytes), 0 when
 * there is none, -1 when the provider failed. */
static int retrieve(request_rec *r, const char *key, unsigned char *buf,
                    webcast_response *out, apr_time_t *until)
{
    unsigned int len = MAX_ENTRY;
    apr_status_t rv;

    lock();
    rv = provider->retrieve(instance, r->server, ID(key), buf, &len, r->pool);
    unlock();
    if (APR_STATUS_IS_NOTFOUND(rv)) {
        return 0;
    }
    if (rv != APR_SUCCESS) {
        failed(r, rv, "read");
        return -1;
    }
    if (!webcast_blob_decode((const char *)buf, len, out, until)) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                      "WebcastCacheSOCache: the entry of %s is not one this "
                      "version reads: built again", r->uri);
        return 0;
    }
    return 1;
}

/* The lease mutex, held across the provider's round trips: for memcache
 * and redis it is taken without waiting more than LEASE_LOCK_WAIT, so a
 * server that hangs holds up the one request that asked it, not every
 * child's builds behind it. */
#define LEASE_LOCK_WAIT apr_time_from_sec(1)
#define LEASE_LOCK_STEP apr_time_from_msec(1)

static apr_status_t lock_lease(void)
{
    apr_time_t give_up = apr_time_now() + LEASE_LOCK_WAIT;
    apr_status_t rv;

    if (!mp_safe) {
        return apr_global_mutex_lock(mutex);
    }
    while (APR_STATUS_IS_EBUSY(rv = apr_global_mutex_trylock(mutex))
           && apr_time_now() < give_up) {
        apr_sleep(LEASE_LOCK_STEP);
    }
    return rv;
}

/* The key's lease: 1 when this request took it, 0 when another holds
 * it, -1 when the provider failed. */
static int take_lease(request_rec *r, const char *lkey)
{
    unsigned char mark[8];
    unsigned int len = sizeof(mark);
    apr_status_t rv;

    if ((rv = lock_lease()) != APR_SUCCESS) {
        failed(r, rv, "take the lease mutex in time");
        return -1;
    }
    rv = provider->retrieve(instance, r->server, ID(lkey), mark, &len,
                            r->pool);
    if (APR_STATUS_IS_NOTFOUND(rv)) {
        rv = provider->store(instance, r->server, ID(lkey),
                             apr_time_now() + LEASE_TIME,
                             (unsigned char *)"1", 1, r->pool);
        apr_global_mutex_unlock(mutex);
        if (rv == APR_SUCCESS) {
            return 1;
        }
    }
    else {
        apr_global_mutex_unlock(mutex);
        if (rv == APR_SUCCESS) {
            return 0;
        }
    }
    failed(r, rv, "take a lease");
    return -1;
}

static const char *lease_key(request_rec *r, const char *key)
{
    return apr_pstrcat(r->pool, "lease:", key, NULL);
}

static void remove_id(request_rec *r, const char *id)
{
    apr_status_t rv;

    lock();
    rv = provider->remove(instance, r->server, ID(id), r->pool);
    unlock();
    if (rv != APR_SUCCESS && !APR_STATUS_IS_NOTFOUND(rv)) {
        failed(r, rv, "remove an entry");
    }
}

webcast_shared_state webcast_socache_fetch(request_rec *r, const char *key,
                                           webcast_response *out,
                                           apr_time_t *until,
                                           webcast_response *last, int *have)
{
    apr_time_t deadline = apr_time_now() + WAIT_TIME;
    const char *lkey = lease_key(r, key);
    unsigned char *buf;
    int got, leased;

    if (!available()) {
        return WEBCAST_SHARED_OFF;
    }
    buf = apr_palloc(r->pool, MAX_ENTRY);
    for (;;) {
        if ((got = retrieve(r, key, buf, out, until)) < 0) {
            return WEBCAST_SHARED_OFF;
        }
        if (got && r->request_time < *until) {
            return WEBCAST_SHARED_FRESH;
        }
        if ((leased = take_lease(r, lkey)) < 0) {
            return WEBCAST_SHARED_OFF;
        }
        if (leased) {
            /* The builder before this one may have stored its copy and
             * let go of the lease between the look above and the lease:
             * look again, now that nobody else can build. */
            if ((got = retrieve(r, key, buf, out, until)) < 0) {
                return WEBCAST_SHARED_OFF;
            }
            if (got && r->request_time < *until) {
                remove_id(r, lkey);
                return WEBCAST_SHARED_FRESH;
            }
            if (got) {                  /* the newer of the last copies */
                *last = *out;
                *have = 1;
            }
            return WEBCAST_SHARED_BUILD;
        }
        if (got && (out->expires == 0 || r->request_time < out->expires)) {
            return WEBCAST_SHARED_UPDATING;
        }
        if (apr_time_now() >= deadline) {
            return WEBCAST_SHARED_OFF;  /* build it here, as without */
        }
        apr_sleep(WAIT_STEP);
    }
}

void webcast_socache_store(request_rec *r, const char *key,
                           const webcast_response *resp, apr_time_t until)
{
    apr_size_t len;
    const char *blob = webcast_blob_encode(r->pool, resp, until, &len);
    apr_status_t rv = APR_SUCCESS;

    if (blob != NULL && len <= MAX_ENTRY) {
        lock();
        rv = provider->store(instance, r->server, ID(key), until + KEEP_STALE,
                             (unsigned char *)blob, (unsigned int)len,
                             r->pool);
        unlock();
    }
    else {
        ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, WEBCAST_LOG_TAG
                      "%s is too large for WebcastCacheSOCache (%"
                      APR_SIZE_T_FMT " bytes): kept per child", r->uri, len);
    }
    if (rv != APR_SUCCESS) {
        failed(r, rv, "store an entry");
    }
    webcast_socache_release(r, key);
}

void webcast_socache_forget(request_rec *r, const char *key)
{
    remove_id(r, key);
    webcast_socache_release(r, key);
}

void webcast_socache_release(request_rec *r, const char *key)
{
    if (available()) {
        remove_id(r, lease_key(r, key));
    }
}

/* ---- the admin's last write, for builds that read a replica
 *
 * After a change the admin puts the primary's binlog position here; a
 * build whose replica has not applied it yet reads the old state, and
 * its copy is kept only briefly (see the handler's refresh()), so that a
 * lagging replica cannot pin the old state in the shared cache for a
 * whole TTL. A GTID list is a few dozen bytes. */
#define WRITTEN_KEY "webcast-written"
#define WRITTEN_MAX 1024
#define WRITTEN_KEEP apr_time_from_sec(86400)

int webcast_socache_in_use(void)
{
    return available();
}

void webcast_socache_mark_written(request_rec *r, const char *pos)
{
    apr_status_t rv;

    if (!available() || pos == NULL || *pos == '\0'
        || strlen(pos) >= WRITTEN_MAX) {
        return;
    }
    lock();
    rv = provider->store(instance, r->server, ID(WRITTEN_KEY),
                         apr_time_now() + WRITTEN_KEEP,
                         (unsigned char *)pos, (unsigned int)strlen(pos),
                         r->pool);
    unlock();
    if (rv != APR_SUCCESS) {
        failed(r, rv, "note the admin's write");
    }
}

const char *webcast_socache_written(request_rec *r)
{
    unsigned char *buf;
    unsigned int len = WRITTEN_MAX - 1;
    apr_status_t rv;

    if (!available()) {
        return NULL;
    }
    buf = apr_palloc(r->pool, WRITTEN_MAX);
    lock();
    rv = provider->retrieve(instance, r->server, ID(WRITTEN_KEY), buf, &len,
                            r->pool);
    unlock();
    if (rv != APR_SUCCESS) {
        if (!APR_STATUS_IS_NOTFOUND(rv)) {
            failed(r, rv, "read");
        }
        return NULL;
    }
    buf[len] = '\0';
    return (const char *)buf;
}
