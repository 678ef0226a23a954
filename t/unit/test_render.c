/* test_render.c - the pages as strings: structure, links under the mount,
 * escaping of every database field. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_render.h"

static webcast_site site_at(const char *mount)
{
    webcast_site s;

    memset(&s, 0, sizeof(s));
    s.mount = mount;
    s.tz = webcast_tz_utc(test_pool);
    s.now = apr_time_from_sec(1795000000);
    return s;
}

static const char *whole(webcast_page pg)
{
    return apr_pstrcat(test_pool, pg.open, pg.main, pg.close, NULL);
}

static webcast_presentation hostile(void)
{
    webcast_presentation p;

    memset(&p, 0, sizeof(p));
    p.id = 30;
    p.workshop_slug = "ws";
    p.workshop_title = "<i>ws</i>";
    p.title = "<script>t</script>";
    p.speaker_name = "\"><b>s";
    p.speaker_affiliation = "'a'";
    p.speaker_bio = "<hr>";
    p.summary = "one\n\ntwo <img>";
    p.slides_url = "javascript:alert(1)";
    p.has_webcast = 1;
    p.state = WEBCAST_STATE_EXTERNAL;
    p.external_name = "<em>x</em>";
    p.external_url = "https://e.example/?a=1&b=\"2\"";
    return p;
}

#define HAS(hay, needle) ck_assert_msg(strstr((hay), (needle)) != NULL, \
                                       "missing: %s", (needle))
#define HASNT(hay, needle) ck_assert_msg(strstr((hay), (needle)) == NULL, \
                                         "present: %s", (needle))

START_TEST(presentation_escapes_every_field)
{
    webcast_site s = site_at("/m");
    webcast_presentation p = hostile();
    const char *html = whole(webcast_render_presentation(test_pool, &s, &p));

    HAS(html, "<title>&lt;script&gt;t&lt;/script&gt;</title>");
    HAS(html, "<h1>&lt;script&gt;t&lt;/script&gt;</h1>");
    HAS(html, "&quot;&gt;&lt;b&gt;s");
    HAS(html, "&#39;a&#39;");
    HAS(html, "<p>one</p>");
    HAS(html, "<p>two &lt;img&gt;</p>");
    HAS(html, "<strong>&lt;em&gt;x&lt;/em&gt;</strong>");
    HAS(html, "href=\"https://e.example/?a=1&amp;b=&quot;2&quot;\"");
    HASNT(html, "<script");
    HASNT(html, "<b>");
    HASNT(html, "<img");
    HASNT(html, "javascript:");
    HAS(html, "href=\"/m/workshops/ws/\"");
}
END_TEST

START_TEST(archive_player_and_links_follow_the_mount)
{
    webcast_site s = site_at("/kdmc/webcasts");
    webcast_presentation p = hostile();
    webcast_pattern *rtsp = NULL, *hls = NULL;
    const char *html;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "rtsp://h/{file}", WEBCAST_PH_BIT(WEBCAST_PH_FILE), &rtsp));
    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "https://m/{file}/i.m3u8", WEBCAST_PH_BIT(WEBCAST_PH_FILE), &hls));
    s.archive_url = rtsp;
    p.state = WEBCAST_STATE_ARCHIVE;
    p.webcast_filename = "k.mov";
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "value=\"/kdmc/webcasts/presentations/webcast-archive.30.ref.mov\"");
    HAS(html, "Open the video in QuickTime Player or VLC");
    HASNT(html, "<video");
    /* no HLS: the plug-in waits behind a disclosure, after the button */
    HAS(html, "in QuickTime Player or VLC</a></p><details class=\"plugin\">"
              "<summary>Play it in the page (QuickTime plug-in)</summary>"
              "<object classid=");
    HAS(html, "</object></details>");

    s.archive_hls = hls;
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "<source src=\"https://m/k.mov/i.m3u8\" "
              "type=\"application/vnd.apple.mpegurl\"><object");
    HAS(html, "</object></video>");
    HASNT(html, "<details");

    p.webcast_filename = NULL;      /* nothing to play: say so */
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "not available at the moment");
    HASNT(html, "<object");
}
END_TEST

START_TEST(stylesheet_replaces_builtin_style)
{
    webcast_site s = site_at("");
    const char *html = whole(webcast_render_index(test_pool, &s, NULL, 0));

    HAS(html, "<style>");
    HAS(html, "No workshops have been announced yet.");
    s.stylesheet = "/css/a\"b.css";
    html = whole(webcast_render_index(test_pool, &s, NULL, 0));
    HAS(html, "<link rel=\"stylesheet\" href=\"/css/a&quot;b.css\">");
    HASNT(html, "<style>");
}
END_TEST

START_TEST(workshop_groups_schedule_by_day)
{
    webcast_site s = site_at("");
    webcast_workshop w;
    webcast_presentation a = hostile(), b = hostile();
    const webcast_presentation *list[2] = { &a, &b };
    const char *html;

    memset(&w, 0, sizeof(w));
    w.slug = "ws";
    w.title = "W & co";
    w.starts_on = 20261123;
    w.ends_on = 20261127;
    a.starts_at = apr_time_from_sec(1795435200);   /* 2026-11-23 12:00 UTC */
    b.starts_at = apr_time_from_sec(1795521600);   /* 2026-11-24 12:00 UTC */
    b.state = WEBCAST_STATE_UPCOMING;
    html = whole(webcast_render_workshop(test_pool, &s, &w, list, 2));
    HAS(html, "<h1>W &amp; co</h1>");
    HAS(html, "Nov. 23 – 27, 2026");
    HAS(html, "<h2>Next webcast</h2>");
    HAS(html, "<h3>Monday, Nov. 23, 2026</h3>");
    HAS(html, "<h3>Tuesday, Nov. 24, 2026</h3>");
    HAS(html, ">noon</time>");
}
END_TEST

START_TEST(error_pages)
{
    webcast_site s = site_at("/m");

    HAS(webcast_render_error(test_pool, &s, 404), "href=\"/m/\"");
    HAS(webcast_render_error(test_pool, &s, 503), "briefly unavailable");
}
END_TEST

Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_with_pool("render");

    tcase_add_test(tc, presentation_escapes_every_field);
    tcase_add_test(tc, archive_player_and_links_follow_the_mount);
    tcase_add_test(tc, stylesheet_replaces_builtin_style);
    tcase_add_test(tc, workshop_groups_schedule_by_day);
    tcase_add_test(tc, error_pages);
    suite_add_tcase(s, tc);
    return s;
}
