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

START_TEST(schedule_document)
{
    webcast_feed f;
    webcast_workshop w;
    webcast_presentation a = talk(7, WEBCAST_STATE_ARCHIVE);
    webcast_presentation b = talk(8, WEBCAST_STATE_EXTERNAL);
    webcast_presentation c = talk(9, WEBCAST_STATE_LIVE);
    const webcast_presentation *list[3];
    webcast_pattern *archive, *live, *download;
    const char *doc;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "rtsp://qtss.example.edu/{path}/{file}",
        WEBCAST_PH_BIT(WEBCAST_PH_PATH) | WEBCAST_PH_BIT(WEBCAST_PH_FILE),
        &archive));
    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "rtsp://qtss.example.edu/{stream}", WEBCAST_PH_BIT(WEBCAST_PH_STREAM),
        &live));
    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "https://media.example.edu/dl/{file}",
        WEBCAST_PH_BIT(WEBCAST_PH_FILE), &download));
    memset(&f, 0, sizeof(f));
    f.origin = "https://w.example.edu";
    f.base = "https://w.example.edu/kdmc";
    f.archive_url = archive;
    f.live_url = live;
    f.download = download;
    memset(&w, 0, sizeof(w));
    w.slug = "ws";
    w.title = "W</script>";
    w.starts_on = 20260701;
    w.ends_on = 20260702;
    a.webcast_path = "kdmc";
    a.webcast_filename = "a.mp4";
    a.speaker_name = "Ann";
    a.slides_url = "javascript:alert(1)";       /* never a link */
    b.external_name = "C-SPAN";
    b.external_url = "https://www.c-span.org/";
    b.slides_url = "https://s.example.edu/b.pdf";
    c.live_stream = "room1";
    c.slides_url = "/slides/c.pdf";     /* on this site: made absolute */
    c.has_webcast = 0;                  /* not webcast: no movie, no embed */
    list[0] = &a, list[1] = &b, list[2] = &c;
    doc = webcast_json_schedule(test_pool, &f, &w, list, 3, 0);
    ck_assert_str_eq(doc,
        "{\"slug\":\"ws\",\"title\":\"W\\u003c/script\\u003e\","
        "\"summary\":null,\"location\":null,\"starts_on\":\"2026-07-01\","
        "\"ends_on\":\"2026-07-02\",\"time_zone\":\"UTC\",\"notice\":null,"
        "\"next_change\":null,\"urls\":{"
        "\"page\":\"https://w.example.edu/kdmc/workshops/ws/\","
        "\"status\":\"https://w.example.edu/kdmc/workshops/ws/status.json\","
        "\"schedule\":\"https://w.example.edu/kdmc/workshops/ws/"
        "schedule.json\","
        "\"calendar\":\"https://w.example.edu/kdmc/workshops/ws/"
        "calendar.ics\","
        "\"podcast\":\"https://w.example.edu/kdmc/workshops/ws/archive.rss\"},"
        "\"presentations\":["
        "{\"id\":7,\"state\":\"archive\",\"auto\":false,\"webcast\":true,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null,"
        "\"title\":\"Talk\",\"speaker\":{\"name\":\"Ann\","
        "\"affiliation\":null,\"bio\":null},\"summary\":null,"
        "\"slides_url\":null,\"external\":null,\"urls\":{"
        "\"page\":\"https://w.example.edu/kdmc/presentations/7/\","
        "\"status\":\"https://w.example.edu/kdmc/presentations/7/"
        "status.json\","
        "\"embed\":\"https://w.example.edu/kdmc/presentations/7/embed/\","
        "\"live_movie\":null,"
        "\"archive_movie\":\"https://w.example.edu/kdmc/presentations/"
        "webcast-archive.7.ref.mov\",\"live_hls\":null,\"archive_hls\":null,"
        "\"download\":\"https://media.example.edu/dl/a.mp4\"}},"
        "{\"id\":8,\"state\":\"external\",\"auto\":false,"
        "\"webcast\":true,\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null,"
        "\"title\":\"Talk\",\"speaker\":{\"name\":null,"
        "\"affiliation\":null,\"bio\":null},\"summary\":null,"
        "\"slides_url\":\"https://s.example.edu/b.pdf\","
        "\"external\":{\"name\":\"C-SPAN\","
        "\"url\":\"https://www.c-span.org/\"},\"urls\":{"
        "\"page\":\"https://w.example.edu/kdmc/presentations/8/\","
        "\"status\":\"https://w.example.edu/kdmc/presentations/8/"
        "status.json\","
        "\"embed\":\"https://w.example.edu/kdmc/presentations/8/embed/\","
        "\"live_movie\":null,\"archive_movie\":null,\"live_hls\":null,"
        "\"archive_hls\":null,\"download\":null}},"
        "{\"id\":9,\"state\":\"live\",\"auto\":false,\"webcast\":false,"
        "\"starts_at\":\"2026-07-01T19:00:00Z\","
        "\"ends_at\":\"2026-07-01T20:00:00Z\",\"notice\":null,"
        "\"title\":\"Talk\",\"speaker\":{\"name\":null,"
        "\"affiliation\":null,\"bio\":null},\"summary\":null,"
        "\"slides_url\":\"https://w.example.edu/slides/c.pdf\","
        "\"external\":null,\"urls\":{"
        "\"page\":\"https://w.example.edu/kdmc/presentations/9/\","
        "\"status\":\"https://w.example.edu/kdmc/presentations/9/"
        "status.json\",\"embed\":null,\"live_movie\":null,"
        "\"archive_movie\":null,\"live_hls\":null,\"archive_hls\":null,"
        "\"download\":null}}]}\n");
    c.has_webcast = 1;                  /* live with a stream: its movie */
    doc = webcast_json_schedule(test_pool, &f, &w, list, 3, 0);
    ck_assert_ptr_nonnull(strstr(doc, "\"live_movie\":\"https://w.example."
                                      "edu/kdmc/presentations/webcast-live.9."
                                      "ref.mov\""));
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
    tcase_add_test(tc, schedule_document);
    suite_add_tcase(s, tc);
    return s;
}
