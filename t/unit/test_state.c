/* test_state.c - what the webcast states mean: stream URLs, "now" block. */
#include <string.h>

#include "tests.h"
#include "webcast_state.h"
#include "webcast_time.h"

static webcast_presentation talk(webcast_state state, int has_webcast)
{
    webcast_presentation p;

    memset(&p, 0, sizeof(p));
    p.id = 7;
    p.state = state;
    p.has_webcast = has_webcast;
    p.webcast_path = "kdmc/2025";
    p.webcast_filename = "keynote.mov";
    p.live_stream = "room1.sdp";
    return p;
}

static webcast_pattern *pattern(const char *src, unsigned allowed)
{
    webcast_pattern *pat = NULL;
    ck_assert_ptr_null(webcast_pattern_compile(test_pool, src, allowed, &pat));
    return pat;
}

START_TEST(state_names_round_trip)
{
    int s;

    for (s = WEBCAST_STATE_UPCOMING; s < WEBCAST_STATE_UNKNOWN; s++) {
        ck_assert_int_eq(webcast_state_parse(webcast_state_name(s)), s);
    }
    ck_assert_int_eq(webcast_state_parse("LIVE"), WEBCAST_STATE_UNKNOWN);
    ck_assert_int_eq(webcast_state_parse(NULL), WEBCAST_STATE_UNKNOWN);
    ck_assert_str_eq(webcast_state_name(WEBCAST_STATE_UNKNOWN), "unknown");
}
END_TEST

START_TEST(stream_url_needs_state_webcast_and_pattern)
{
    webcast_pattern *archive = pattern("rtsp://h/{path}/{file}",
        WEBCAST_PH_BIT(WEBCAST_PH_PATH) | WEBCAST_PH_BIT(WEBCAST_PH_FILE));
    webcast_pattern *live = pattern("rtsp://h/{stream}",
                                    WEBCAST_PH_BIT(WEBCAST_PH_STREAM));
    webcast_presentation a = talk(WEBCAST_STATE_ARCHIVE, 1);
    webcast_presentation l = talk(WEBCAST_STATE_LIVE, 1);
    webcast_presentation off = talk(WEBCAST_STATE_ARCHIVE, 0);
    const char *why = NULL;

    ck_assert_str_eq(webcast_stream_url(test_pool, archive, &a,
                     WEBCAST_STREAM_ARCHIVE, &why), "rtsp://h/kdmc/2025/keynote.mov");
    ck_assert_str_eq(webcast_stream_url(test_pool, live, &l,
                     WEBCAST_STREAM_LIVE, &why), "rtsp://h/room1.sdp");
    ck_assert_ptr_null(webcast_stream_url(test_pool, live, &a,
                       WEBCAST_STREAM_LIVE, &why));
    ck_assert_str_eq(why, "state is archive");
    ck_assert_ptr_null(webcast_stream_url(test_pool, archive, &off,
                       WEBCAST_STREAM_ARCHIVE, &why));
    ck_assert_str_eq(why, "has_webcast is 0");
    ck_assert_ptr_null(webcast_stream_url(test_pool, NULL, &a,
                       WEBCAST_STREAM_ARCHIVE, &why));
    a.webcast_filename = NULL;
    ck_assert_ptr_null(webcast_stream_url(test_pool, archive, &a,
                       WEBCAST_STREAM_ARCHIVE, &why));
}
END_TEST

static webcast_now_kind now_of(const webcast_presentation *talks, int n,
                               int *picked, int *count)
{
    const webcast_presentation *list[8];
    int i;

    for (i = 0; i < n; i++) {
        list[i] = &talks[i];
    }
    return webcast_now(list, n, picked, count);
}

START_TEST(now_block_prefers_live_then_next_then_recent)
{
    webcast_presentation t[5];
    int picked[5], count;

    t[0] = talk(WEBCAST_STATE_CONCLUDED, 1);
    t[1] = talk(WEBCAST_STATE_LIVE, 1);
    t[2] = talk(WEBCAST_STATE_UPCOMING, 1);
    t[3] = talk(WEBCAST_STATE_LIVE, 1);
    t[4] = talk(WEBCAST_STATE_CONCLUDED, 1);
    ck_assert_int_eq(now_of(t, 5, picked, &count), WEBCAST_NOW_LIVE);
    ck_assert_int_eq(count, 2);
    ck_assert_int_eq(picked[0], 1);
    ck_assert_int_eq(picked[1], 3);

    t[1].state = t[3].state = WEBCAST_STATE_ARCHIVE;
    ck_assert_int_eq(now_of(t, 5, picked, &count), WEBCAST_NOW_NEXT);
    ck_assert_int_eq(count, 1);
    ck_assert_int_eq(picked[0], 2);

    t[2].has_webcast = 0;       /* not webcast: not "next webcast" */
    ck_assert_int_eq(now_of(t, 5, picked, &count), WEBCAST_NOW_RECENT);
    ck_assert_int_eq(picked[0], 4);

    t[0].state = t[4].state = WEBCAST_STATE_EXTERNAL;
    ck_assert_int_eq(now_of(t, 5, picked, &count), WEBCAST_NOW_NOTHING);
    ck_assert_int_eq(count, 0);
    ck_assert_int_eq(now_of(t, 0, picked, &count), WEBCAST_NOW_NOTHING);
}
END_TEST

/* ---- states that follow the clock (SPEC 8) ---- */

#define SEC(n) apr_time_from_sec(n)

static webcast_presentation clocked(apr_time_t starts, apr_time_t ends)
{
    webcast_presentation p = talk(WEBCAST_STATE_UPCOMING, 1);

    p.webcast_auto = 1;
    p.stored_state = WEBCAST_STATE_UPCOMING;
    p.starts_at = starts;
    p.ends_at = ends;
    return p;
}

/* The state shown at each boundary and a second either side of it. */
static void check_slot(webcast_presentation *p, webcast_state after)
{
    ck_assert_int_eq(webcast_clock_state(p, p->starts_at - SEC(1), 1),
                     WEBCAST_STATE_UPCOMING);
    ck_assert_int_eq(webcast_clock_state(p, p->starts_at, 1),
                     WEBCAST_STATE_LIVE);
    ck_assert_int_eq(webcast_clock_state(p, p->starts_at + SEC(1), 1),
                     WEBCAST_STATE_LIVE);
    ck_assert_int_eq(webcast_clock_state(p, p->ends_at - SEC(1), 1),
                     WEBCAST_STATE_LIVE);
    ck_assert_int_eq(webcast_clock_state(p, p->ends_at, 1), after);
    ck_assert_int_eq(webcast_clock_state(p, p->ends_at + SEC(1), 1), after);
}

START_TEST(clock_state_at_every_boundary)
{
    webcast_presentation p = clocked(SEC(1782932400), SEC(1782936000));

    check_slot(&p, WEBCAST_STATE_ARCHIVE);
    p.webcast_filename = NULL;              /* no archive yet */
    check_slot(&p, WEBCAST_STATE_CONCLUDED);
    p.webcast_filename = "";
    check_slot(&p, WEBCAST_STATE_CONCLUDED);
    /* no live stream can be formed: upcoming through the slot */
    ck_assert_int_eq(webcast_clock_state(&p, p.starts_at, 0),
                     WEBCAST_STATE_UPCOMING);
    ck_assert_int_eq(webcast_clock_state(&p, p.ends_at - SEC(1), 0),
                     WEBCAST_STATE_UPCOMING);
    ck_assert_int_eq(webcast_clock_state(&p, p.ends_at, 0),
                     WEBCAST_STATE_CONCLUDED);
}
END_TEST

START_TEST(clock_manual_and_external_win)
{
    webcast_presentation p = clocked(SEC(1000), SEC(2000));

    p.external_url = "https://partner.example.org/live";
    ck_assert_int_eq(webcast_clock_state(&p, SEC(999), 1),
                     WEBCAST_STATE_EXTERNAL);
    ck_assert_int_eq(webcast_clock_state(&p, SEC(1500), 1),
                     WEBCAST_STATE_EXTERNAL);
    ck_assert_int_eq(webcast_clock_next(&p, SEC(999)), 0);
    p.external_url = "";                    /* empty is no URL */
    ck_assert_int_eq(webcast_clock_state(&p, SEC(1500), 1),
                     WEBCAST_STATE_LIVE);

    p.webcast_auto = 0;                     /* staff set it by hand */
    p.stored_state = WEBCAST_STATE_CONCLUDED;
    ck_assert_int_eq(webcast_clock_state(&p, SEC(1500), 1),
                     WEBCAST_STATE_CONCLUDED);
    ck_assert_int_eq(webcast_clock_next(&p, SEC(999)), 0);
    ck_assert_int_eq(webcast_clock_last(&p, SEC(1500)), 0);

    p.webcast_auto = 1;
    p.has_webcast = 0;                      /* no webcast: no changes */
    ck_assert_int_eq(webcast_clock_next(&p, SEC(999)), 0);
}
END_TEST

START_TEST(clock_next_and_last_change)
{
    webcast_presentation p = clocked(SEC(1000), SEC(2000));

    ck_assert_int_eq(webcast_clock_next(&p, SEC(999)), SEC(1000));
    ck_assert_int_eq(webcast_clock_next(&p, SEC(1000)), SEC(2000));
    ck_assert_int_eq(webcast_clock_next(&p, SEC(1999)), SEC(2000));
    ck_assert_int_eq(webcast_clock_next(&p, SEC(2000)), 0);
    ck_assert_int_eq(webcast_clock_last(&p, SEC(999)), 0);
    ck_assert_int_eq(webcast_clock_last(&p, SEC(1000)), SEC(1000));
    ck_assert_int_eq(webcast_clock_last(&p, SEC(1999)), SEC(1000));
    ck_assert_int_eq(webcast_clock_last(&p, SEC(2000)), SEC(2000));
    ck_assert_int_eq(webcast_clock_last(&p, SEC(99999)), SEC(2000));

    ck_assert_int_eq(webcast_clock_min(0, SEC(5)), SEC(5));
    ck_assert_int_eq(webcast_clock_min(SEC(5), 0), SEC(5));
    ck_assert_int_eq(webcast_clock_min(SEC(3), SEC(5)), SEC(3));
    ck_assert_int_eq(webcast_clock_min(0, 0), 0);
}
END_TEST

/* Slots typed in the site's zone, as staff enter them: the state
 * follows the UTC instants whatever the wall clock does. */
START_TEST(clock_dst_day_and_midnight_in_site_zone)
{
    webcast_tz *la = NULL;
    apr_time_t a, b;
    webcast_presentation p;

    ck_assert_ptr_null(webcast_tz_load(test_pool, NULL,
                                       "America/Los_Angeles", &la));
    /* Nov. 1, 2026: clocks fall back at 2:00 PDT. 1:30 a.m. (PDT) to
     * 3:30 a.m. (PST) is three hours of real time. */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 11, 1, 1, 30, &a), 0);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 11, 1, 3, 30, &b), 0);
    ck_assert_int_eq(b - a, SEC(3 * 3600));
    p = clocked(a, b);
    check_slot(&p, WEBCAST_STATE_ARCHIVE);
    ck_assert_int_eq(webcast_clock_state(&p, a + SEC(3600), 1),
                     WEBCAST_STATE_LIVE);    /* 1:30 PST, the second one */
    /* Mar. 8, 2026: spring forward. 1:30 to 3:30 is one hour. */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 3, 8, 1, 30, &a), 0);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 3, 8, 3, 30, &b), 0);
    ck_assert_int_eq(b - a, SEC(3600));
    p = clocked(a, b);
    check_slot(&p, WEBCAST_STATE_ARCHIVE);
    /* Across midnight: Dec. 31, 2026 11 p.m. to 1 a.m. on New Year's. */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 12, 31, 23, 0, &a), 0);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2027, 1, 1, 1, 0, &b), 0);
    p = clocked(a, b);
    check_slot(&p, WEBCAST_STATE_ARCHIVE);
    ck_assert_int_eq(webcast_time_day(la, a + SEC(3599)), 20261231);
    ck_assert_int_eq(webcast_time_day(la, a + SEC(3600)), 20270101);
    ck_assert_int_eq(webcast_clock_state(&p, a + SEC(3600), 1),
                     WEBCAST_STATE_LIVE);
    ck_assert_int_eq(webcast_clock_next(&p, a + SEC(3600)), b);
}
END_TEST

START_TEST(clock_apply_asks_the_live_patterns)
{
    webcast_pattern *live = pattern("rtsp://h/{stream}",
                                    WEBCAST_PH_BIT(WEBCAST_PH_STREAM));
    webcast_presentation p = clocked(SEC(1000), SEC(2000));

    webcast_clock_apply(test_pool, &p, SEC(1500), live, NULL);
    ck_assert_int_eq(p.state, WEBCAST_STATE_LIVE);
    webcast_clock_apply(test_pool, &p, SEC(1500), NULL, live);
    ck_assert_int_eq(p.state, WEBCAST_STATE_LIVE);
    webcast_clock_apply(test_pool, &p, SEC(1500), NULL, NULL);
    ck_assert_int_eq(p.state, WEBCAST_STATE_UPCOMING);
    p.live_stream = NULL;                   /* nothing for {stream} */
    webcast_clock_apply(test_pool, &p, SEC(1500), live, NULL);
    ck_assert_int_eq(p.state, WEBCAST_STATE_UPCOMING);
    webcast_clock_apply(test_pool, &p, SEC(2000), live, NULL);
    ck_assert_int_eq(p.state, WEBCAST_STATE_ARCHIVE);
    ck_assert_int_eq(p.stored_state, WEBCAST_STATE_UPCOMING);
    p.webcast_auto = 0;
    webcast_clock_apply(test_pool, &p, SEC(2000), live, NULL);
    ck_assert_int_eq(p.state, WEBCAST_STATE_UPCOMING);
}
END_TEST

Suite *state_suite(void)
{
    Suite *s = suite_create("state");
    TCase *tc = tcase_with_pool("state");

    tcase_add_test(tc, state_names_round_trip);
    tcase_add_test(tc, stream_url_needs_state_webcast_and_pattern);
    tcase_add_test(tc, now_block_prefers_live_then_next_then_recent);
    tcase_add_test(tc, clock_state_at_every_boundary);
    tcase_add_test(tc, clock_manual_and_external_win);
    tcase_add_test(tc, clock_next_and_last_change);
    tcase_add_test(tc, clock_dst_day_and_midnight_in_site_zone);
    tcase_add_test(tc, clock_apply_asks_the_live_patterns);
    suite_add_tcase(s, tc);
    return s;
}
