/* test_freshness.c - Cache-Control of public answers: nothing a browser or
 * a shared cache may show without asking reaches past the next scheduled
 * change; stale-if-error may. */
#include "tests.h"
#include "webcast_freshness.h"

static const webcast_freshness_conf unset = { -1, -1, -1 };

START_TEST(defaults_when_nothing_is_scheduled)
{
    webcast_freshness f = webcast_freshness_of(10, -1, &unset);

    ck_assert_int_eq(f.max_age, 10);
    ck_assert_int_eq(f.s_maxage, 10);          /* as the browser's */
    ck_assert_int_eq(f.stale_while_revalidate,
                     WEBCAST_STALE_WHILE_REVALIDATE_DEFAULT);
    ck_assert_int_eq(f.stale_if_error, WEBCAST_STALE_IF_ERROR_DEFAULT);
    f = webcast_freshness_of(300, -1, NULL);
    ck_assert_int_eq(f.s_maxage, 300);
    ck_assert_int_eq(f.stale_while_revalidate, 30);
    ck_assert_int_eq(f.stale_if_error, 86400);
}
END_TEST

START_TEST(configured_values)
{
    webcast_freshness_conf c = { 60, 120, 3600 };
    webcast_freshness f = webcast_freshness_of(10, -1, &c);

    ck_assert_int_eq(f.max_age, 10);           /* browsers: as before */
    ck_assert_int_eq(f.s_maxage, 60);
    ck_assert_int_eq(f.stale_while_revalidate, 120);
    ck_assert_int_eq(f.stale_if_error, 3600);
    c.shared_max_age = 0;
    c.stale_while_revalidate = 0;
    c.stale_if_error = 0;
    f = webcast_freshness_of(10, -1, &c);
    ck_assert_int_eq(f.s_maxage, 0);
    ck_assert_int_eq(f.stale_while_revalidate, 0);
    ck_assert_int_eq(f.stale_if_error, 0);
}
END_TEST

/* A talk starts in `left` seconds: a copy shown without asking (fresh, or
 * stale while it is revalidated) must end by then. */
START_TEST(the_next_change_bounds_all_but_stale_if_error)
{
    webcast_freshness_conf c = { 60, 120, 3600 };
    long left;

    for (left = 0; left < 400; left++) {
        webcast_freshness f = webcast_freshness_of(10, left, &c);

        ck_assert_int_le(f.max_age, left);
        ck_assert_int_le(f.s_maxage, left);
        ck_assert_int_le(f.s_maxage + f.stale_while_revalidate, left);
        ck_assert_int_eq(f.stale_if_error, 3600);
        /* as much as the bound leaves, not less */
        ck_assert_int_eq(f.s_maxage, left < 60 ? left : 60);
        ck_assert_int_eq(f.s_maxage + f.stale_while_revalidate,
                         left < 180 ? left : 180);
    }
}
END_TEST

START_TEST(a_near_change_takes_revalidation_first)
{
    webcast_freshness f = webcast_freshness_of(10, 4, NULL);

    ck_assert_int_eq(f.max_age, 4);
    ck_assert_int_eq(f.s_maxage, 4);
    ck_assert_int_eq(f.stale_while_revalidate, 0);
    f = webcast_freshness_of(10, 25, NULL);
    ck_assert_int_eq(f.s_maxage, 10);
    ck_assert_int_eq(f.stale_while_revalidate, 15);
    f = webcast_freshness_of(10, 0, NULL);     /* changing now */
    ck_assert_int_eq(f.max_age, 0);
    ck_assert_int_eq(f.s_maxage, 0);
    ck_assert_int_eq(f.stale_while_revalidate, 0);
    ck_assert_int_eq(f.stale_if_error, 86400);
}
END_TEST

/* The copy served while the database is down: nobody may keep it as
 * fresh or show it again without asking; it may stand in for an error. */
START_TEST(stale_copy_is_not_fresh_anywhere)
{
    webcast_freshness_conf c = { 60, 120, 3600 };
    webcast_freshness f = webcast_freshness_of(0, -1, &c);

    ck_assert_int_eq(f.max_age, 0);
    ck_assert_int_eq(f.s_maxage, 0);
    ck_assert_int_eq(f.stale_while_revalidate, 0);
    ck_assert_int_eq(f.stale_if_error, 3600);
}
END_TEST

START_TEST(header_names_every_value)
{
    webcast_freshness f = { 4, 4, 0, 86400 };

    ck_assert_str_eq(webcast_freshness_header(test_pool, &f),
                     "public, max-age=4, s-maxage=4, "
                     "stale-while-revalidate=0, stale-if-error=86400");
}
END_TEST

Suite *freshness_suite(void)
{
    Suite *s = suite_create("freshness");
    TCase *tc = tcase_with_pool("freshness");

    tcase_add_test(tc, defaults_when_nothing_is_scheduled);
    tcase_add_test(tc, configured_values);
    tcase_add_test(tc, the_next_change_bounds_all_but_stale_if_error);
    tcase_add_test(tc, a_near_change_takes_revalidation_first);
    tcase_add_test(tc, stale_copy_is_not_fresh_anywhere);
    tcase_add_test(tc, header_names_every_value);
    suite_add_tcase(s, tc);
    return s;
}
