/* test_pure.c - run the unit suites of the pure parts. */
#include <stdlib.h>

#include <apr_general.h>

#include "tests.h"

apr_pool_t *test_pool;

static void setup(void)
{
    apr_pool_create(&test_pool, NULL);
}

static void teardown(void)
{
    apr_pool_destroy(test_pool);
}

TCase *tcase_with_pool(const char *name)
{
    TCase *tc = tcase_create(name);
    tcase_add_checked_fixture(tc, setup, teardown);
    return tc;
}

int main(void)
{
    SRunner *sr;
    int failed;

    apr_initialize();
    sr = srunner_create(route_suite());
    srunner_add_suite(sr, encoding_suite());
    srunner_add_suite(sr, compress_suite());
    srunner_add_suite(sr, blob_suite());
    srunner_add_suite(sr, pattern_suite());
    srunner_add_suite(sr, refmovie_suite());
    srunner_add_suite(sr, html_suite());
    srunner_add_suite(sr, state_suite());
    srunner_add_suite(sr, render_suite());
    srunner_add_suite(sr, cache_suite());
    srunner_add_suite(sr, time_suite());
    srunner_add_suite(sr, token_suite());
    srunner_add_suite(sr, form_suite());
    srunner_add_suite(sr, admin_render_suite());
    srunner_add_suite(sr, json_suite());
    srunner_add_suite(sr, csv_suite());
    srunner_add_suite(sr, frab_suite());
    srunner_add_suite(sr, import_suite());
    srunner_add_suite(sr, multipart_suite());
    srunner_add_suite(sr, slides_suite());
    srunner_add_suite(sr, ical_suite());
    srunner_add_suite(sr, rss_suite());
    srunner_add_suite(sr, gtid_suite());
    srunner_add_suite(sr, freshness_suite());
    srunner_add_suite(sr, vtt_suite());
    srunner_run_all(sr, CK_VERBOSE);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    apr_terminate();
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
