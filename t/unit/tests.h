/* tests.h - Check suites of the pure parts. */
#ifndef WEBCAST_TESTS_H
#define WEBCAST_TESTS_H

#include <check.h>
#include <apr_pools.h>

/* A fresh pool for each test, created by the case's fixture. */
extern apr_pool_t *test_pool;
TCase *tcase_with_pool(const char *name);

Suite *route_suite(void);
Suite *encoding_suite(void);
Suite *compress_suite(void);
Suite *blob_suite(void);
Suite *pattern_suite(void);
Suite *refmovie_suite(void);
Suite *html_suite(void);
Suite *state_suite(void);
Suite *render_suite(void);
Suite *cache_suite(void);
Suite *time_suite(void);
Suite *token_suite(void);
Suite *form_suite(void);
Suite *admin_render_suite(void);
Suite *json_suite(void);
Suite *csv_suite(void);
Suite *frab_suite(void);
Suite *import_suite(void);
Suite *multipart_suite(void);
Suite *slides_suite(void);
Suite *ical_suite(void);
Suite *rss_suite(void);
Suite *gtid_suite(void);
Suite *freshness_suite(void);
Suite *vtt_suite(void);

#endif
