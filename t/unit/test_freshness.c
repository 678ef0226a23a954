/* test_freshness.c - Cache-Control of public answers: nothing a browser or
 * a shared cache may show without asking reaches past the next scheduled
 * change; stale-if-error may. */
#include "tests.h"
#include "webcast_freshness.h"

static const webcast_freshness_conf unset = { -1, -1, -1 };

/* max-age, s-maxage, stale-while-revalidate, stale-if-error */
#define EXPECT(f, m, s, w, e) do {                      \
        ck_assert_int_eq((f).max_age, (m));             \
        ck_assert_int_eq((f).s_maxage, (s));            \
        ck_assert_int_eq((f).stale_while_revalidate, (w)); \
        ck_assert_int_eq((f).stale_if_error, (e));      \
    } while (0)

START_TEST(defaults_when_nothing_is_scheduled)
{
    /* s-maxage as the browser's max-age */
    EXPECT(webcast_freshness_of(10, -1, &unset), 10, 10,
           WEBCAST_STALE_WHILE_REVALIDATE_DEFAULT,
           WEBCAST_STALE_IF_ERROR_DEFAULT);
    EXPECT(webcast_freshness_of(300, -1, NULL), 300, 300, 30, 86400);
}
END_TEST

START_TEST(configured_values)
{
    webcast_freshness_conf c = { 60, 120, 3600 };
    webcast_freshness_conf off = { 0, 0, 0 };

    /* browsers keep their max-age */
    EXPECT(webcast_freshness_of(10, -1, &c), 10, 60, 120, 3600);
    EXPECT(webcast_freshness_of(10, -1, &off), 10, 0, 0, 0);
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
    EXPECT(webcast_freshness_of(10, 4, NULL), 4, 4, 0, 86400);
    EXPECT(webcast_freshness_of(10, 25, NULL), 10, 10, 15, 86400);
    /* changing now */
    EXPECT(webcast_freshness_of(10, 0, NULL), 0, 0, 0, 86400);
}
END_TEST

/* The copy served while the database is down: nobody may keep it as
 * fresh or show it again without asking; it may stand in for an error. */
START_TEST(stale_copy_is_not_fresh_anywhere)
{
    webcast_freshness_conf c = { 60, 120, 3600 };

    EXPECT(webcast_freshness_of(0, -1, &c), 0, 0, 0, 3600);
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
