/* test_rss.c - the podcast feed: XML escaping that drops what XML 1.0
 * does not allow, dates, enclosure types, items newest first with the
 * iTunes tags, live and upcoming webcasts as podcast:liveItem. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_rss.h"
#include "webcast_state.h"

#define T0 1782932400               /* 2026-07-01T19:00:00Z */

START_TEST(text_is_escaped_and_cleaned)
{
    static const struct { const char *in, *out; } cases[] = {
        { "", "" },
        { "<b>&\"'", "&lt;b&gt;&amp;&quot;&apos;" },
        { "]]><![CDATA[", "]]&gt;&lt;![CDATA[" },
        { "\x01\x08\x0b\x0c\x0e\x1f\x7f|", "|" },   /* not allowed in XML */
        { "tab\tline\nfeed", "tab\tline\nfeed" },
        { "a\r\nb\rc", "a\nb\nc" },
        { "\xc2\x80\xc2\x9f|\xc2\xa0", "|\xc2\xa0" },     /* C1 dropped */
        { "\xef\xbf\xbe\xef\xbf\xbf|\xef\xbf\xbd", "|\xef\xbf\xbd" },
        { "Jos\xc3\xa9 \xf0\x9f\x8e\xa5", "Jos\xc3\xa9 \xf0\x9f\x8e\xa5" },
        { "\xff\xc3", "\xef\xbf\xbd\xef\xbf\xbd" },  /* broken UTF-8 */
        { "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_str_eq(webcast_rss_text(test_pool, cases[i].in),
                         cases[i].out);
    }
    ck_assert_str_eq(webcast_rss_text(test_pool, NULL), "");
}
END_TEST

START_TEST(dates_and_types)
{
    ck_assert_str_eq(webcast_rss_date(test_pool, apr_time_from_sec(T0)),
                     "Wed, 01 Jul 2026 19:00:00 GMT");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/a/talk.mp4"),
                     "video/mp4");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/TALK.MOV?x=1"),
                     "video/quicktime");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/t.m4a#t=1"),
                     "audio/x-m4a");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/t.mp3"),
                     "audio/mpeg");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/t.m4v"),
                     "video/x-m4v");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/a.mp4/file"),
                     "application/octet-stream");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/t.mp44"),
                     "application/octet-stream");
    ck_assert_str_eq(webcast_rss_type("https://m.example.org/"),
                     "application/octet-stream");
    ck_assert_str_eq(webcast_rss_type(NULL), "application/octet-stream");
}
END_TEST

static webcast_pattern *compile(const char *src, unsigned allowed)
{
    webcast_pattern *pat = NULL;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool, src, allowed,
                                               &pat));
    return pat;
}

static webcast_feed feed(void)
{
    webcast_feed f;

    memset(&f, 0, sizeof(f));
    f.base = "https://webcasts.example.edu";
    f.self = "https://webcasts.example.edu/archive.rss";
    f.link = "https://webcasts.example.edu/";
    f.domain = "webcasts.example.edu";
    f.title = "Workshop webcasts";
    f.now = apr_time_from_sec(T0);
    return f;
}

static webcast_presentation talk(apr_uint32_t id, webcast_state state,
                                 int day)
{
    webcast_presentation p;

    memset(&p, 0, sizeof(p));
    p.id = id;
    p.title = apr_psprintf(test_pool, "Talk %u", (unsigned)id);
    p.speaker_name = "Maria Alvarez";
    p.has_webcast = 1;
    p.state = p.stored_state = state;
    p.starts_at = apr_time_from_sec(T0 + day * 86400);
    p.ends_at = p.starts_at + apr_time_from_sec(3600);
    p.webcast_path = "kdmc/2026";
    p.webcast_filename = apr_psprintf(test_pool, "talk-%u.mp4", (unsigned)id);
    p.live_stream = "room1";
    return p;
}

static const char *after(const char *s, const char *what)
{
    const char *at = strstr(s, what);

    ck_assert_msg(at != NULL, "\"%s\" not found", what);
    return at + strlen(what);
}

START_TEST(feed_document)
{
    webcast_feed f = feed();
    webcast_presentation old = talk(1, WEBCAST_STATE_ARCHIVE, -30);
    webcast_presentation recent = talk(2, WEBCAST_STATE_ARCHIVE, -1);
    webcast_presentation live = talk(3, WEBCAST_STATE_LIVE, 0);
    webcast_presentation next = talk(4, WEBCAST_STATE_UPCOMING, 2);
    webcast_presentation soon = talk(5, WEBCAST_STATE_UPCOMING, 1);
    webcast_presentation ended = talk(6, WEBCAST_STATE_CONCLUDED, -2);
    webcast_presentation notcast = talk(7, WEBCAST_STATE_ARCHIVE, -3);
    const webcast_presentation *list[] = {
        &old, &live, &next, &recent, &soon, &ended, &notcast
    };
    const char *xml, *s;

    notcast.has_webcast = 0;
    recent.archive_bytes = APR_INT64_C(734003200);
    recent.summary = "What we learned.";
    f.download = compile("https://media.example.org/dl/{path}/{file}",
                         WEBCAST_PH_BIT(WEBCAST_PH_PATH)
                         | WEBCAST_PH_BIT(WEBCAST_PH_FILE));
    f.live_hls = compile("https://media.example.org/live/{stream}.m3u8",
                         WEBCAST_PH_BIT(WEBCAST_PH_STREAM));
    xml = webcast_rss_feed(test_pool, &f, list, 7, 0);
    s = after(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss "
                   "version=\"2.0\" ");
    s = after(s, "<channel>\n<title>Workshop webcasts</title>\n"
                 "<link>https://webcasts.example.edu/</link>\n");
    s = after(s, "<atom:link href=\"https://webcasts.example.edu/archive.rss"
                 "\" rel=\"self\" type=\"application/rss+xml\"/>\n");
    s = after(s, "<itunes:author>webcasts.example.edu</itunes:author>\n");
    s = after(s, "<itunes:explicit>false</itunes:explicit>\n");
    /* live first, then upcoming soonest first */
    s = after(s, "<podcast:liveItem status=\"live\" "
                 "start=\"2026-07-01T19:00:00Z\" end=\"2026-07-01T20:00:00Z\">"
                 "\n<title>Talk 3</title>\n<link>https://webcasts.example.edu"
                 "/presentations/3/</link>\n<guid isPermaLink=\"false\">"
                 "presentation-3@webcasts.example.edu</guid>\n<description>"
                 "Watch live at https://webcasts.example.edu/presentations/3/"
                 "\n\nSpeaker: Maria Alvarez</description>\n");
    s = after(s, "<enclosure url=\"https://media.example.org/live/room1.m3u8"
                 "\" length=\"0\" type=\"application/x-mpegURL\"/>\n"
                 "<podcast:contentLink href=\"https://webcasts.example.edu/"
                 "presentations/3/\">");
    s = after(s, "<podcast:liveItem status=\"pending\" "
                 "start=\"2026-07-02T19:00:00Z\"");
    s = after(s, "<title>Talk 5</title>");
    s = after(s, "Will be webcast live at ");
    /* an upcoming one announces the stream to come */
    s = after(s, "<enclosure url=\"https://media.example.org/live/room1.m3u8"
                 "\"");
    s = after(s, "<podcast:liveItem status=\"pending\" "
                 "start=\"2026-07-03T19:00:00Z\"");
    /* archived items, newest first, with their downloads */
    s = after(s, "<item>\n<title>Talk 2</title>\n");
    s = after(s, "<guid isPermaLink=\"false\">presentation-2@"
                 "webcasts.example.edu</guid>\n");
    s = after(s, "<pubDate>Tue, 30 Jun 2026 20:00:00 GMT</pubDate>\n"
                 "<itunes:summary>What we learned.</itunes:summary>\n"
                 "<itunes:duration>3600</itunes:duration>\n"
                 "<itunes:explicit>false</itunes:explicit>\n"
                 "<enclosure url=\"https://media.example.org/dl/kdmc/2026/"
                 "talk-2.mp4\" length=\"734003200\" type=\"video/mp4\"/>\n"
                 "</item>\n");
    s = after(s, "<item>\n<title>Talk 1</title>\n");
    /* the size unknown: length 0 */
    s = after(s, "talk-1.mp4\" length=\"0\" type=\"video/mp4\"/>\n</item>\n");
    ck_assert_str_eq(s, "</channel>\n</rss>\n");
    /* neither the concluded one nor one that is not webcast */
    ck_assert_ptr_null(strstr(xml, "Talk 6"));
    ck_assert_ptr_null(strstr(xml, "Talk 7"));

    /* at most max_items items, the newest */
    xml = webcast_rss_feed(test_pool, &f, list, 7, 1);
    ck_assert_ptr_nonnull(strstr(xml, "<title>Talk 2</title>"));
    ck_assert_ptr_null(strstr(xml, "<title>Talk 1</title>"));
    ck_assert_ptr_nonnull(strstr(xml, "<title>Talk 3</title>"));

    /* without WebcastArchiveDownload or an HLS pattern: no enclosure */
    f.download = NULL;
    f.live_hls = NULL;
    xml = webcast_rss_feed(test_pool, &f, list, 7, 0);
    ck_assert_ptr_null(strstr(xml, "<enclosure"));
}
END_TEST

START_TEST(hostile_text_is_inert)
{
    webcast_feed f = feed();
    webcast_presentation p = talk(9, WEBCAST_STATE_ARCHIVE, -1);
    const webcast_presentation *one = &p;
    const char *xml;

    p.title = "</title><script>x</script>\x01\x0b]]>";
    p.speaker_name = "A & \"B\" <c@d>";
    p.summary = "\xef\xbf\xbe\xc2\x85line\x0c";
    f.title = "<W> & \x02";
    xml = webcast_rss_feed(test_pool, &f, &one, 1, 0);
    ck_assert_ptr_nonnull(strstr(xml, "<title>&lt;/title&gt;&lt;script&gt;x"
                                      "&lt;/script&gt;]]&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(xml, "<itunes:author>A &amp; &quot;B&quot;"
                                      " &lt;c@d&gt;</itunes:author>"));
    ck_assert_ptr_nonnull(strstr(xml, "<itunes:summary>line"
                                      "</itunes:summary>"));
    ck_assert_ptr_nonnull(strstr(xml, "<title>&lt;W&gt; &amp; </title>"));
    ck_assert_ptr_null(strstr(xml, "<script"));
    ck_assert_ptr_null(strchr(xml, '\x01'));
}
END_TEST

Suite *rss_suite(void)
{
    Suite *s = suite_create("rss");
    TCase *tc = tcase_with_pool("rss");

    tcase_add_test(tc, text_is_escaped_and_cleaned);
    tcase_add_test(tc, dates_and_types);
    tcase_add_test(tc, feed_document);
    tcase_add_test(tc, hostile_text_is_inert);
    suite_add_tcase(s, tc);
    return s;
}
