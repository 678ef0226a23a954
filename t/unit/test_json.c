/* test_json.c - the JSON escaper and the status resources. */
#include <string.h>

#include "tests.h"
#include "webcast_json.h"

START_TEST(json_strings_are_escaped)
{
    static const struct { const char *in, *out; } cases[] = {
        { "", "\"\"" },
        { "plain", "\"plain\"" },
        { "a\"b\\c", "\"a\\\"b\\\\c\"" },
        { "line\nnext\r\t", "\"line\\nnext\\u000d\\u0009\"" },
        { "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
        { "</script><b>&'", "\"\\u003c/script\\u003e\\u003cb\\u003e"
                            "\\u0026\\u0027\"" },
        { "Jos\xc3\xa9 \xf0\x9f\x8e\xa5", "\"Jos\xc3\xa9 \xf0\x9f\x8e\xa5\"" },
        { "\xe2\x80\xa8\xe2\x80\xa9", "\"\\u2028\\u2029\"" },
        { "\xff", "\"\\ufffd\"" },                  /* never UTF-8 */
        { "\xc3", "\"\\ufffd\"" },                  /* truncated */
        { "\xc0\xaf", "\"\\ufffd\\ufffd\"" },       /* overlong */
        { "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"" },  /* surrogate */
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_str_eq(webcast_json_str(test_pool, cases[i].in),
                         cases[i].out);
    }
    ck_assert_str_eq(webcast_json_str(test_pool, NULL), "null");
}
END_TEST

START_TEST(json_times_are_rfc3339_utc)
{
    ck_assert_str_eq(webcast_json_time(test_pool,
                     apr_time_from_sec(1782932400)), "\"2026-07-01T19:00:00Z\"");
    ck_assert_str_eq(webcast_json_time(test_pool, 0), "null");
}
END_TEST

static webcast_presentation talk(apr_uint32_t id, webcast_state state)
{
    webcast_presentation p;

    memset(&p, 0, sizeof(p));
    p.id = id;
    p.title = "Talk";
    p.has_webcast = 1;
    p.state = state;
    p.starts_at = apr_time_from_sec(1782932400);
    p.ends_at = apr_time_from_sec(1782936000);
    return p;
}

START_TEST(presentation_status_document)
{
    webcast_presentation p = talk(7, WEBCAST_STATE_LIVE);

    p.webcast_auto = 1;
    p.notice = "Back in \"five\" minutes";
    ck_assert_str_eq(webcast_json_presentation_status(test_pool, &p,
        "/presentations/7/", apr_time_from_sec(1782936000)),
        "{\"id\":7,\"state\":\"live\",\"auto\":true,\"webcast\":true,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\","
        "\"notice\":\"Back in \\\"five\\\" minutes\",\"title\":\"Talk\","
        "\"url\":\"/presentations/7/\","
        "\"next_change\":\"2026-07-01T20:00:00Z\"}\n");
}
END_TEST

START_TEST(workshop_status_document)
{
    webcast_workshop w;
    webcast_presentation a = talk(1, WEBCAST_STATE_LIVE);
    webcast_presentation b = talk(2, WEBCAST_STATE_UPCOMING);
    webcast_presentation c = talk(3, WEBCAST_STATE_LIVE);
    const webcast_presentation *list[3];

    memset(&w, 0, sizeof(w));
    w.slug = "ws";
    w.title = "<W>";
    c.has_webcast = 0;                  /* not webcast: not live */
    list[0] = &a, list[1] = &b, list[2] = &c;
    ck_assert_str_eq(webcast_json_workshop_status(test_pool, &w, list, 3,
                                                  "/workshops/ws/", 0),
        "{\"slug\":\"ws\",\"title\":\"\\u003cW\\u003e\","
        "\"url\":\"/workshops/ws/\",\"live\":[1],\"notice\":null,"
        "\"next_change\":null,\"presentations\":["
        "{\"id\":1,\"state\":\"live\",\"auto\":false,\"webcast\":true,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null},"
        "{\"id\":2,\"state\":\"upcoming\",\"auto\":false,\"webcast\":true,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null},"
        "{\"id\":3,\"state\":\"live\",\"auto\":false,\"webcast\":false,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null}]}\n");
    ck_assert_str_eq(webcast_json_workshop_status(test_pool, &w, list, 0,
                                                  "/w/", 0),
        "{\"slug\":\"ws\",\"title\":\"\\u003cW\\u003e\",\"url\":\"/w/\","
        "\"live\":[],\"notice\":null,\"next_change\":null,"
        "\"presentations\":[]}\n");
}
END_TEST

Suite *json_suite(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_with_pool("json");

    tcase_add_test(tc, json_strings_are_escaped);
    tcase_add_test(tc, json_times_are_rfc3339_utc);
    tcase_add_test(tc, presentation_status_document);
    tcase_add_test(tc, workshop_status_document);
    suite_add_tcase(s, tc);
    return s;
}
