/* test_state.c - what the webcast states mean: stream URLs, "now" block. */
#include <string.h>

#include "tests.h"
#include "webcast_state.h"

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

Suite *state_suite(void)
{
    Suite *s = suite_create("state");
    TCase *tc = tcase_with_pool("state");

    tcase_add_test(tc, state_names_round_trip);
    tcase_add_test(tc, stream_url_needs_state_webcast_and_pattern);
    tcase_add_test(tc, now_block_prefers_live_then_next_then_recent);
    suite_add_tcase(s, tc);
    return s;
}
