/* test_gtid.c - has a replica's GTID position reached a write's? */
#include "tests.h"
#include "webcast_gtid.h"

START_TEST(reached_or_not)
{
    ck_assert_int_eq(webcast_gtid_reached("0-1-57", "0-1-57"), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-58", "0-1-57"), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-56", "0-1-57"), 0);
    /* compared as numbers, not strings */
    ck_assert_int_eq(webcast_gtid_reached("0-1-100", "0-1-99"), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-99", "0-1-100"), 0);
    /* after a failover another server writes the domain: still ordered */
    ck_assert_int_eq(webcast_gtid_reached("0-2-60", "0-1-57"), 1);
}
END_TEST

START_TEST(several_domains)
{
    ck_assert_int_eq(webcast_gtid_reached("0-1-10,1-3-5", "0-1-10,1-3-5"), 1);
    ck_assert_int_eq(webcast_gtid_reached("1-3-5,0-1-10", "0-1-9"), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-10,1-3-4", "0-1-10,1-3-5"), 0);
    /* a domain the replica has nothing of yet */
    ck_assert_int_eq(webcast_gtid_reached("0-1-10", "0-1-10,2-1-1"), 0);
    ck_assert_int_eq(webcast_gtid_reached("", "0-1-1"), 0);
    ck_assert_int_eq(webcast_gtid_reached("0-1-10, 1-3-5", "1-3-5"), 1);
    /* a domain named twice: its highest number counts */
    ck_assert_int_eq(webcast_gtid_reached("0-1-3,0-1-5", "0-1-5"), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-5,0-1-3", "0-1-3,0-1-5"), 1);
}
END_TEST

START_TEST(empty_mark_is_reached)
{
    ck_assert_int_eq(webcast_gtid_reached("", ""), 1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", ""), 1);
}
END_TEST

START_TEST(malformed)
{
    ck_assert_int_eq(webcast_gtid_reached(NULL, "0-1-1"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", NULL), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", "0-1"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", "x-1-1"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", "0-1-1,"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", "0-1-1;0-1-2"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1", "0--1-1"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-x", "0-1-1"), -1);
    ck_assert_int_eq(webcast_gtid_reached("0-1-1",
                                          "0-1-99999999999999999999999"), -1);
}
END_TEST

Suite *gtid_suite(void)
{
    Suite *s = suite_create("gtid");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, reached_or_not);
    tcase_add_test(tc, several_domains);
    tcase_add_test(tc, empty_mark_is_reached);
    tcase_add_test(tc, malformed);
    suite_add_tcase(s, tc);
    return s;
}
