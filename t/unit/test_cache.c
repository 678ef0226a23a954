/* test_cache.c - the page cache: fresh and stale, replacement, the bound. */
#include <string.h>

#include <apr_strings.h>

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
    ck_assert_int_eq(webcast_cache_get(c, "k", 100, test_pool, &out, &fresh), 0);
    webcast_cache_put(c, "k", &in, 200);
    ck_assert_int_eq(webcast_cache_get(c, "k", 199, test_pool, &out, &fresh), 1);
    ck_assert_int_eq(fresh, 1);
    ck_assert_str_eq(out.body, "page");
    ck_assert_ptr_ne(out.body, in.body);            /* a copy, not a share */
    ck_assert_int_eq(webcast_cache_get(c, "k", 200, test_pool, &out, &fresh), 1);
    ck_assert_int_eq(fresh, 0);                     /* kept, but stale */
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
    webcast_cache_get(c, "k", 0, test_pool, &out, &fresh);
    ck_assert_str_eq(out.body, "new");
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
    ck_assert_int_eq(webcast_cache_get(c, "k0", 0, test_pool, &out, &fresh), 0);
    ck_assert_int_eq(webcast_cache_get(c, "k199", 0, test_pool, &out, &fresh), 1);
    /* an entry larger than the whole cache is not stored */
    big = apr_palloc(test_pool, max + 1);
    memset(big, 'y', max);
    big[max] = '\0';
    r = response(big);
    webcast_cache_put(c, "huge", &r, 10);
    ck_assert_int_eq(webcast_cache_get(c, "huge", 0, test_pool, &out, &fresh), 0);
}
END_TEST

Suite *cache_suite(void)
{
    Suite *s = suite_create("cache");
    TCase *tc = tcase_with_pool("cache");

    tcase_add_test(tc, fresh_then_stale);
    tcase_add_test(tc, replacing_a_key_keeps_one_entry);
    tcase_add_test(tc, memory_stays_within_the_bound);
    suite_add_tcase(s, tc);
    return s;
}
