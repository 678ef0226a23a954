/* test_cache.c - the page cache: fresh and stale, replacement, the bound. */
#include <stdlib.h>
#include <string.h>

#include <apr_strings.h>
#include <pthread.h>

#include "tests.h"
#include "webcast_cache.h"

static webcast_response response(const char *body)
{
    webcast_response r;

    memset(&r, 0, sizeof(r));
    r.content_type = "text/html";
    r.body = body;
    r.etag = "\"1\"";
    r.max_age = 10;
    return r;
}

START_TEST(fresh_then_stale)
{
    webcast_cache *c;
    webcast_response in = response("page"), out;
    int fresh = -1;

    ck_assert_int_eq(webcast_cache_create(test_pool, 1 << 20, &c), APR_SUCCESS);
    ck_assert_int_eq(webcast_cache_get(c, "k", 100, NULL, test_pool, &out, &fresh), 0);
    webcast_cache_put(c, "k", &in, 200);
    ck_assert_int_eq(webcast_cache_get(c, "k", 199, NULL, test_pool, &out, &fresh), 1);
    ck_assert_int_eq(fresh, 1);
    ck_assert_str_eq(out.body, "page");
    ck_assert_ptr_ne(out.body, in.body);            /* a copy, not a share */
    ck_assert_int_eq(webcast_cache_get(c, "k", 200, NULL, test_pool, &out, &fresh), 1);
    ck_assert_int_eq(fresh, 0);                     /* kept, but stale */
}
END_TEST

/* A binary movie's NUL bytes survive the copy in and the copy out. */
START_TEST(binary_body_is_kept_whole)
{
    static const char movie[] = { 0, 0, 0, 8, 'm', 'o', 'o', 'v', 0, 'x' };
    webcast_cache *c;
    webcast_response in = response(movie), out;
    int fresh;

    in.body_len = sizeof(movie);
    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_put(c, "k", &in, 10);
    ck_assert_int_eq(webcast_cache_get(c, "k", 0, NULL, test_pool, &out, &fresh), 1);
    ck_assert_uint_eq(out.body_len, sizeof(movie));
    ck_assert_mem_eq(out.body, movie, sizeof(movie));
    ck_assert_ptr_ne(out.body, in.body);
}
END_TEST

START_TEST(replacing_a_key_keeps_one_entry)
{
    webcast_cache *c;
    webcast_response a = response("old"), b = response("new"), out;
    int fresh, entries;
    apr_size_t bytes;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_put(c, "k", &a, 10);
    webcast_cache_put(c, "k", &b, 10);
    webcast_cache_get(c, "k", 0, NULL, test_pool, &out, &fresh);
    ck_assert_str_eq(out.body, "new");
    webcast_cache_usage(c, &entries, &bytes);
    ck_assert_int_eq(entries, 1);
}
END_TEST

START_TEST(removed_is_gone)
{
    webcast_cache *c;
    webcast_response a = response("page"), out;
    int fresh, entries;
    apr_size_t bytes;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_put(c, "k", &a, 10);
    webcast_cache_put(c, "other", &a, 10);
    webcast_cache_remove(c, "k");
    webcast_cache_remove(c, "never-there");
    ck_assert_int_eq(webcast_cache_get(c, "k", 100, NULL, test_pool, &out, &fresh), 0);
    ck_assert_int_eq(webcast_cache_get(c, "other", 0, NULL, test_pool, &out, &fresh), 1);
    webcast_cache_usage(c, &entries, &bytes);
    ck_assert_int_eq(entries, 1);
}
END_TEST

START_TEST(memory_stays_within_the_bound)
{
    apr_size_t max = 256 * 1024, bytes;
    webcast_cache *c;
    char *big = apr_palloc(test_pool, 20000);
    webcast_response r, out;
    int i, entries, fresh;

    memset(big, 'x', 19999);
    big[19999] = '\0';
    r = response(big);
    webcast_cache_create(test_pool, max, &c);
    for (i = 0; i < 200; i++) {
        webcast_cache_put(c, apr_psprintf(test_pool, "k%d", i), &r, 10);
        webcast_cache_usage(c, &entries, &bytes);
        ck_assert_uint_le(bytes, max);
    }
    ck_assert_int_gt(entries, 5);
    /* the oldest went first; the newest is there */
    ck_assert_int_eq(webcast_cache_get(c, "k0", 0, NULL, test_pool, &out, &fresh), 0);
    ck_assert_int_eq(webcast_cache_get(c, "k199", 0, NULL, test_pool, &out, &fresh), 1);
    /* an entry larger than the whole cache is not stored */
    big = apr_palloc(test_pool, max + 1);
    memset(big, 'y', max);
    big[max] = '\0';
    r = response(big);
    webcast_cache_put(c, "huge", &r, 10);
    ck_assert_int_eq(webcast_cache_get(c, "huge", 0, NULL, test_pool, &out, &fresh), 0);
}
END_TEST

START_TEST(coded_copies_are_kept_and_only_the_chosen_one_copied_out)
{
    webcast_cache *c;
    webcast_response in = response("<p>page</p>"), out;
    webcast_accept gzip_only, none;
    int fresh, entries;
    apr_size_t plain, bytes;
    char *big = apr_palloc(test_pool, 3 * 8192);

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_put(c, "k", &in, 10);
    webcast_cache_usage(c, &entries, &plain);
    /* compressed bytes count against the bound */
    memset(big, 'z', 3 * 8192);
    in.codings = WEBCAST_ENC_BIT(WEBCAST_ENC_GZIP) | WEBCAST_ENC_BIT(WEBCAST_ENC_BR);
    in.coded[WEBCAST_ENC_GZIP].data = big;
    in.coded[WEBCAST_ENC_GZIP].len = 3 * 8192;
    in.coded[WEBCAST_ENC_BR].data = "b\0r";
    in.coded[WEBCAST_ENC_BR].len = 3;
    webcast_cache_put(c, "k", &in, 10);
    webcast_cache_usage(c, &entries, &bytes);
    ck_assert_uint_ge(bytes, plain + 3 * 8192);

    webcast_accept_parse("gzip", &gzip_only);
    ck_assert_int_eq(webcast_cache_get(c, "k", 0, &gzip_only, test_pool, &out, &fresh), 1);
    ck_assert_uint_eq(out.codings, in.codings);         /* it still varies */
    ck_assert_uint_eq(out.coded[WEBCAST_ENC_GZIP].len, 3 * 8192);
    ck_assert_ptr_ne(out.coded[WEBCAST_ENC_GZIP].data, big);
    ck_assert_int_eq(memcmp(out.coded[WEBCAST_ENC_GZIP].data, big, 3 * 8192), 0);
    ck_assert_ptr_null(out.coded[WEBCAST_ENC_BR].data);
    ck_assert_ptr_null(out.body);                       /* not sent: not copied */

    webcast_accept_parse(NULL, &none);
    webcast_cache_get(c, "k", 0, &none, test_pool, &out, &fresh);
    ck_assert_str_eq(out.body, "<p>page</p>");
    ck_assert_ptr_null(out.coded[WEBCAST_ENC_GZIP].data);

    webcast_cache_get(c, "k", 0, NULL, test_pool, &out, &fresh);   /* all */
    ck_assert_str_eq(out.body, "<p>page</p>");
    ck_assert_uint_eq(out.coded[WEBCAST_ENC_BR].len, 3);
    ck_assert_int_eq(memcmp(out.coded[WEBCAST_ENC_BR].data, "b\0r", 3), 0);
}
END_TEST

START_TEST(keys_are_made_of_values)
{
    const char *a[] = { "www.example.edu", "/webcasts", "America/Los_Angeles",
                        NULL, "/presentations/1/" };
    const char *same[] = { "www.example.edu", "/webcasts", "America/Los_Angeles",
                           NULL, "/presentations/1/" };
    const char *empty[] = { "www.example.edu", "/webcasts", "America/Los_Angeles",
                            "", "/presentations/1/" };
    const char *shifted[] = { "www.example.edu", "/webcast", "sAmerica/Los_Angeles",
                              NULL, "/presentations/1/" };
    const char *k = webcast_cache_key(test_pool, a, 5);
    char *copy = apr_pstrdup(test_pool, "/presentations/1/");

    same[4] = copy;                     /* other memory, same value */
    ck_assert_str_eq(webcast_cache_key(test_pool, same, 5), k);
    ck_assert_str_ne(webcast_cache_key(test_pool, empty, 5), k);
    ck_assert_str_ne(webcast_cache_key(test_pool, shifted, 5), k);
    ck_assert_str_ne(webcast_cache_key(test_pool, a, 4), k);
    ck_assert_uint_eq(strlen(k), 9 + 40);
    ck_assert_int_eq(strncmp(k, "webcast1:", 9), 0);
    ck_assert_uint_eq(strspn(k + 9, "0123456789abcdef"), 40);
    /* pinned: a change of the format is a change of every key, which
     * servers sharing a cache must agree on */
    ck_assert_str_eq(webcast_cache_key(test_pool, NULL, 0),
                     "webcast1:da39a3ee5e6b4b0d3255bfef95601890afd80709");
}
END_TEST

/* ---- single flight ---- */

typedef struct {
    webcast_cache *cache;
    const char *key;
    int builds;                 /* a build takes 300 ms and stores it */
    int state, status, have, built;
    const char *body;
    apr_time_t took;
} asker_t;

/* Look the key up (at time 1000); a builder builds if it `builds`, then
 * lands. */
static void *ask(void *data)
{
    asker_t *a = data;
    apr_pool_t *p;
    webcast_lease *lease;
    webcast_response out;
    apr_time_t t0 = apr_time_now();

    apr_pool_create_unmanaged_ex(&p, NULL, NULL);
    a->state = webcast_cache_lookup(a->cache, a->key, 1000, NULL, p, &out,
                                    &a->have, &lease, &a->status);
    a->took = apr_time_now() - t0;
    a->body = a->have ? strdup(out.body) : NULL;
    if (a->state == WEBCAST_CACHE_BUILD && a->builds) {
        webcast_response r = response("built");

        a->built = 1;
        apr_sleep(apr_time_from_msec(300));
        webcast_cache_put(a->cache, a->key, &r, 2000);
    }
    webcast_cache_land(lease, 0);
    apr_pool_destroy(p);
    return NULL;
}

/* One asker that does not build, in a thread of its own. */
static void start_waiter(asker_t *w, webcast_cache *c, pthread_t *t)
{
    memset(w, 0, sizeof(*w));
    w->cache = c;
    w->key = "k";
    ck_assert_int_eq(pthread_create(t, NULL, ask, w), 0);
}

static void ask_at_once(webcast_cache *c, asker_t *a, int n)
{
    pthread_t t[16];
    int i;

    for (i = 0; i < n; i++) {
        memset(&a[i], 0, sizeof(a[i]));
        a[i].cache = c;
        a[i].key = "k";
        a[i].builds = 1;
        ck_assert_int_eq(pthread_create(&t[i], NULL, ask, &a[i]), 0);
    }
    for (i = 0; i < n; i++) {
        pthread_join(t[i], NULL);
    }
}

START_TEST(one_build_however_many_ask)
{
    webcast_cache *c;
    asker_t a[12];
    int i, builds = 0;

    webcast_cache_create(test_pool, 1 << 20, &c);
    ask_at_once(c, a, 12);
    for (i = 0; i < 12; i++) {
        builds += a[i].built;
        if (!a[i].built) {
            /* no copy at all: they waited for the one build */
            ck_assert_int_eq(a[i].state, WEBCAST_CACHE_FRESH);
            ck_assert_str_eq(a[i].body, "built");
        }
        free((void *)a[i].body);
    }
    ck_assert_int_eq(builds, 1);
}
END_TEST

START_TEST(the_last_copy_while_it_is_rebuilt)
{
    webcast_cache *c;
    webcast_response old = response("old"), out;
    asker_t a[8];
    int i, builds = 0, updating = 0, fresh;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_put(c, "k", &old, 500);       /* expired at 1000 */
    ask_at_once(c, a, 8);
    for (i = 0; i < 8; i++) {
        builds += a[i].built;
        ck_assert_int_eq(a[i].have, 1);
        if (a[i].state == WEBCAST_CACHE_UPDATING) {
            updating++;
            ck_assert_str_eq(a[i].body, "old");
            /* nobody waits for the build when there is a copy */
            ck_assert_int_lt(a[i].took, apr_time_from_msec(250));
        }
        else if (!a[i].built) {
            ck_assert_int_eq(a[i].state, WEBCAST_CACHE_FRESH);   /* after it */
        }
        free((void *)a[i].body);
    }
    ck_assert_int_eq(builds, 1);
    ck_assert_int_gt(updating, 0);
    webcast_cache_get(c, "k", 1000, NULL, test_pool, &out, &fresh);
    ck_assert_str_eq(out.body, "built");
}
END_TEST

/* A lease taken in its own pool, for the tests below. */
static webcast_cache_state lookup(webcast_cache *c, apr_pool_t *p,
                                  webcast_lease **lease, int *status)
{
    webcast_response out;
    int have;

    return webcast_cache_lookup(c, "k", 1000, NULL, p, &out, &have, lease,
                                status);
}

START_TEST(those_waiting_share_a_failure)
{
    webcast_cache *c;
    webcast_lease *lease;
    asker_t w;
    pthread_t t;
    int status;

    webcast_cache_create(test_pool, 1 << 20, &c);
    ck_assert_int_eq(lookup(c, test_pool, &lease, &status), WEBCAST_CACHE_BUILD);
    start_waiter(&w, c, &t);
    apr_sleep(apr_time_from_msec(50));
    webcast_cache_land(lease, 404);
    pthread_join(t, NULL);
    ck_assert_int_eq(w.state, WEBCAST_CACHE_SHARED);
    ck_assert_int_eq(w.status, 404);
    /* it is over: the next request builds */
    ck_assert_int_eq(lookup(c, test_pool, &lease, &status), WEBCAST_CACHE_BUILD);
    webcast_cache_land(lease, 0);
}
END_TEST

START_TEST(the_wait_is_bounded)
{
    webcast_cache *c;
    webcast_lease *lease;
    asker_t w;
    pthread_t t;
    int status;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_set_flight_limits(c, apr_time_from_msec(100),
                                    apr_time_from_sec(10));
    ck_assert_int_eq(lookup(c, test_pool, &lease, &status), WEBCAST_CACHE_BUILD);
    start_waiter(&w, c, &t);
    pthread_join(t, NULL);
    ck_assert_int_eq(w.state, WEBCAST_CACHE_TIMEOUT);
    ck_assert_int_ge(w.took, apr_time_from_msec(100));
    ck_assert_int_lt(w.took, apr_time_from_sec(5));
    webcast_cache_land(lease, 0);
    webcast_cache_land(lease, 0);               /* twice: harmless */
}
END_TEST

START_TEST(a_lease_lands_with_its_pool)
{
    webcast_cache *c;
    webcast_lease *lease;
    apr_pool_t *p;
    asker_t w;
    pthread_t t;
    int status;

    webcast_cache_create(test_pool, 1 << 20, &c);
    apr_pool_create(&p, test_pool);
    ck_assert_int_eq(lookup(c, p, &lease, &status), WEBCAST_CACHE_BUILD);
    start_waiter(&w, c, &t);
    apr_sleep(apr_time_from_msec(50));
    apr_pool_destroy(p);            /* the builder returned without landing */
    pthread_join(t, NULL);
    /* the waiter looked again, found no copy and no build: its turn */
    ck_assert_int_eq(w.state, WEBCAST_CACHE_BUILD);
    ck_assert_int_lt(w.took, apr_time_from_sec(1));
}
END_TEST

START_TEST(a_lost_build_is_given_up)
{
    webcast_cache *c;
    webcast_lease *stuck, *next, *third;
    int status;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_set_flight_limits(c, apr_time_from_msec(50),
                                    apr_time_from_msec(100));
    ck_assert_int_eq(lookup(c, test_pool, &stuck, &status), WEBCAST_CACHE_BUILD);
    ck_assert_int_eq(lookup(c, test_pool, &next, &status), WEBCAST_CACHE_TIMEOUT);
    apr_sleep(apr_time_from_msec(120));
    ck_assert_int_eq(lookup(c, test_pool, &next, &status), WEBCAST_CACHE_BUILD);
    /* the stuck builder lands at last: the new build stays in flight */
    webcast_cache_land(stuck, 0);
    ck_assert_int_eq(lookup(c, test_pool, &third, &status), WEBCAST_CACHE_TIMEOUT);
    webcast_cache_land(next, 0);
    ck_assert_int_eq(lookup(c, test_pool, &third, &status), WEBCAST_CACHE_BUILD);
    webcast_cache_land(third, 0);
}
END_TEST

START_TEST(no_last_copy_past_a_scheduled_change)
{
    webcast_cache *c;
    webcast_response old = response("before 12:00");
    webcast_lease *lease, *none;
    int status;

    webcast_cache_create(test_pool, 1 << 20, &c);
    webcast_cache_set_flight_limits(c, apr_time_from_msec(50),
                                    apr_time_from_sec(10));
    old.expires = 900;                          /* the talk went live at 900 */
    webcast_cache_put(c, "k", &old, 900);
    ck_assert_int_eq(lookup(c, test_pool, &lease, &status), WEBCAST_CACHE_BUILD);
    /* another request waits for the build rather than show the old state */
    ck_assert_int_eq(lookup(c, test_pool, &none, &status), WEBCAST_CACHE_TIMEOUT);
    webcast_cache_land(lease, 0);
}
END_TEST

/* ---- threads of a child share one cache ---- */

#define THREADS 8
#define ROUNDS 4000
#define KEYS 16
#define SHARED_MAX (64 * 1024)

typedef struct {
    webcast_cache *cache;
    apr_pool_t *pool;
    int n, hits, bad;
} worker_t;

/* Every body is "key|tag|" then `pad` bytes of 'p', and its ETag is
 * "tag" = "thread-round-pad": a copy whose key, tag, length or padding
 * disagree was torn or mixed up. */
static void *worker(void *data)
{
    worker_t *w = data;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        const char *key = apr_psprintf(w->pool, "/k%d", (w->n * 7 + i) % KEYS);
        webcast_response r, out;
        int fresh;

        if (i % 4 == 0) {
            apr_size_t pad = 500 + (apr_size_t)(i * 37 % 7000);
            const char *tag = apr_psprintf(w->pool, "%d-%d-%lu", w->n, i,
                                           (unsigned long)pad);
            char *body = apr_palloc(w->pool, pad + 1);

            memset(body, 'p', pad);
            body[pad] = '\0';
            r = response(apr_pstrcat(w->pool, key, "|", tag, "|", body, NULL));
            r.etag = apr_pstrcat(w->pool, "\"", tag, "\"", NULL);
            webcast_cache_put(w->cache, key, &r, i);
        }
        else if (webcast_cache_get(w->cache, key, i, NULL, w->pool, &out, &fresh)) {
            const char *tag = out.body + strlen(key) + 1, *dash;
            apr_size_t n = strlen(out.etag) - 2, pad, k;
            int torn;

            w->hits++;
            torn = strncmp(out.body, key, strlen(key)) != 0
                   || out.body[strlen(key)] != '|'
                   || strncmp(tag, out.etag + 1, n) != 0 || tag[n] != '|'
                   || (dash = strrchr(out.etag, '-')) == NULL;
            if (!torn) {
                pad = (apr_size_t)apr_atoi64(dash + 1);
                torn = strlen(tag + n + 1) != pad;
                for (k = 0; !torn && k < pad; k++) {
                    torn = tag[n + 1 + k] != 'p';
                }
            }
            w->bad += torn;
        }
        if (i % 64 == 0) {
            apr_pool_clear(w->pool);
        }
    }
    return NULL;
}

START_TEST(threads_share_it)
{
    webcast_cache *c;
    worker_t w[THREADS];
    pthread_t t[THREADS];
    apr_size_t bytes;
    int i, entries, hits = 0, bad = 0;

    ck_assert_int_eq(webcast_cache_create(test_pool, SHARED_MAX, &c),
                     APR_SUCCESS);
    for (i = 0; i < THREADS; i++) {
        w[i].cache = c;
        w[i].n = i;
        w[i].hits = w[i].bad = 0;
        /* like httpd's worker threads: a pool of its own allocator */
        apr_pool_create_unmanaged_ex(&w[i].pool, NULL, NULL);
    }
    for (i = 0; i < THREADS; i++) {
        ck_assert_int_eq(pthread_create(&t[i], NULL, worker, &w[i]), 0);
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        hits += w[i].hits;
        bad += w[i].bad;
        apr_pool_destroy(w[i].pool);
    }
    ck_assert_int_gt(hits, THREADS * ROUNDS / 10);  /* it was shared */
    ck_assert_int_eq(bad, 0);
    webcast_cache_usage(c, &entries, &bytes);
    ck_assert_uint_le(bytes, SHARED_MAX);
}
END_TEST

Suite *cache_suite(void)
{
    Suite *s = suite_create("cache");
    TCase *tc = tcase_with_pool("cache");

    tcase_add_test(tc, fresh_then_stale);
    tcase_add_test(tc, binary_body_is_kept_whole);
    tcase_add_test(tc, replacing_a_key_keeps_one_entry);
    tcase_add_test(tc, memory_stays_within_the_bound);
    tcase_add_test(tc, removed_is_gone);
    tcase_add_test(tc, coded_copies_are_kept_and_only_the_chosen_one_copied_out);
    tcase_add_test(tc, threads_share_it);
    tcase_add_test(tc, keys_are_made_of_values);
    tcase_add_test(tc, one_build_however_many_ask);
    tcase_add_test(tc, the_last_copy_while_it_is_rebuilt);
    tcase_add_test(tc, those_waiting_share_a_failure);
    tcase_add_test(tc, the_wait_is_bounded);
    tcase_add_test(tc, a_lease_lands_with_its_pool);
    tcase_add_test(tc, a_lost_build_is_given_up);
    tcase_add_test(tc, no_last_copy_past_a_scheduled_change);
    suite_add_tcase(s, tc);
    return s;
}
