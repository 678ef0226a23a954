/* test_render.c - the pages as strings: structure, links under the mount,
 * escaping of every database field. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_assets.h"
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
    /* the one script is our own file, from the mount's assets/ */
    HAS(html, "<script src=\"/m/assets/webcast.js?v=");
    ck_assert_ptr_null(strstr(strstr(html, "<script") + 1, "<script"));
    HAS(html, "data-webcast-status=\"/m/presentations/30/status.json\"");
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

/* Captions: the archive's video gets the track, the page the transcript
 * (cue text escaped, times linking into the stream); without HLS there
 * is no <video>, and the times are plain; the embed has the track only;
 * a live page neither. */
START_TEST(captions_track_and_transcript)
{
    webcast_site s = site_at("/m");
    webcast_presentation p = hostile();
    webcast_pattern *hls = NULL;
    const char *html;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "https://m/{file}/i.m3u8", WEBCAST_PH_BIT(WEBCAST_PH_FILE), &hls));
    s.archive_hls = hls;
    p.state = WEBCAST_STATE_ARCHIVE;
    p.webcast_filename = "k";
    p.captions = "WEBVTT\n\n00:00:01.500 --> 00:00:03.000\n"
                 "<v Ann>&lt;script&gt;alert(1)&lt;/script&gt;</v>\n\n"
                 "01:01:02.000 --> 01:01:04.000\n<script>\"x\" & 'y'\n";
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "type=\"application/vnd.apple.mpegurl\"><track "
              "kind=\"captions\" src=\"/m/presentations/30/captions.vtt\" "
              "srclang=\"en\" label=\"English\" default>");
    HAS(html, "<h2>Transcript</h2>");
    HAS(html, "<li><a class=\"time\" href=\"https://m/k/i.m3u8#t=1.5\" "
              "data-seek=\"1.5\">0:01</a> <span class=\"cue\">"
              "&lt;script&gt;alert(1)&lt;/script&gt;</span></li>");
    HAS(html, "data-seek=\"3662\">1:01:02</a> <span class=\"cue\">"
              "&quot;x&quot; &amp; &#39;y&#39;</span>");
    /* the one script is still our own */
    ck_assert_ptr_null(strstr(strstr(html, "<script") + 1, "<script"));

    html = whole(webcast_render_embed(test_pool, &s, &p));
    HAS(html, "<track kind=\"captions\"");
    HASNT(html, "Transcript");

    s.archive_hls = NULL;
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HASNT(html, "<track");
    HAS(html, "<li><span class=\"time\">0:01</span> <span class=\"cue\">");

    s.archive_hls = hls;
    p.captions = "not a WebVTT file";      /* never stored; shown never */
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HASNT(html, "Transcript");
    p.captions = NULL;
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HASNT(html, "<track");
    HASNT(html, "Transcript");
}
END_TEST

/* Slides: http(s) and paths on this site are linked, as they are (a site
 * path is not under the mount); anything else never. */
START_TEST(slides_links)
{
    static const struct { const char *url, *link; } cases[] = {
        { "https://example.org/s.ppt", "<p class=\"slides\"><a href=\""
          "https://example.org/s.ppt\">Download the slides (PowerPoint)" },
        { "/slides/2026/talk.pdf", "<p class=\"slides\"><a href=\""
          "/slides/2026/talk.pdf\">Download the slides (PDF)</a></p>" },
        { "/s/a.key?v=2&x=\"", "<a href=\"/s/a.key?v=2&amp;x=&quot;\">"
          "Download the slides (Keynote)</a>" },
        { "/slides/7-00112233445566778899aabbccddeeff.ppsx",
          "Download the slides (PowerPoint)</a>" },
        { "/slides/7-00112233445566778899aabbccddeeff.odp",
          "Download the slides (OpenDocument)</a>" },
        { "//evil.example/s.ppt", NULL },
        { "/\\evil.example/s.ppt", NULL },
        { "javascript:alert(1)", NULL },
        { "/s/a b.pdf", NULL },
        { "/s/a.pdf\x01", NULL },
        { "s/a.pdf", NULL },
    };
    webcast_site s = site_at("/m");
    webcast_presentation p = hostile();
    const char *html;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        p.slides_url = cases[i].url;
        html = whole(webcast_render_presentation(test_pool, &s, &p));
        if (cases[i].link != NULL) {
            ck_assert_msg(strstr(html, cases[i].link) != NULL,
                          "case %d: missing %s", (int)i, cases[i].link);
        }
        else {
            ck_assert_msg(strstr(html, "Download the slides") == NULL,
                          "case %d: %s linked", (int)i, cases[i].url);
        }
    }
}
END_TEST

START_TEST(stylesheet_replaces_builtin_style)
{
    webcast_site s = site_at("");
    const char *html = whole(webcast_render_index(test_pool, &s, NULL, 0));

    HAS(html, "<link rel=\"stylesheet\" href=\"/assets/webcast.css?v=");
    HASNT(html, "<style");
    HASNT(html, "<script");         /* the index does not update itself */
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

START_TEST(pages_link_their_feeds)
{
    webcast_site s = site_at("/kdmc");
    webcast_workshop w;
    const char *html;

    memset(&w, 0, sizeof(w));
    w.slug = "ws";
    w.title = "W & \"co\"";
    w.starts_on = w.ends_on = 20261123;
    html = whole(webcast_render_workshop(test_pool, &s, &w, NULL, 0));
    HAS(html, "<link rel=\"alternate\" type=\"text/calendar\" "
              "href=\"/kdmc/workshops/ws/calendar.ics\" "
              "title=\"W &amp; &quot;co&quot; (calendar)\">\n");
    HAS(html, "<link rel=\"alternate\" type=\"application/rss+xml\" "
              "href=\"/kdmc/workshops/ws/archive.rss\" "
              "title=\"W &amp; &quot;co&quot; (podcast)\">");
    HAS(html, "<link rel=\"alternate\" type=\"application/json\" "
              "href=\"/kdmc/workshops/ws/schedule.json\"");
    HAS(html, "<p class=\"feeds\"><a class=\"calendar\" "
              "href=\"/kdmc/workshops/ws/calendar.ics\" "
              "type=\"text/calendar\">Add to calendar</a> "
              "<a class=\"podcast\" href=\"/kdmc/workshops/ws/archive.rss\" "
              "type=\"application/rss+xml\">Subscribe (podcast)</a></p>");
    html = whole(webcast_render_index(test_pool, &s, NULL, 0));
    HAS(html, "<link rel=\"alternate\" type=\"text/calendar\" "
              "href=\"/kdmc/calendar.ics\" title=\"Workshop webcasts "
              "(calendar)\">");
    HAS(html, "href=\"/kdmc/archive.rss\" type=\"application/rss+xml\">"
              "Subscribe (podcast)</a>");
    HAS(html, "href=\"/kdmc/calendar.ics\" type=\"text/calendar\">Add to "
              "calendar</a>");
}
END_TEST

START_TEST(error_pages)
{
    webcast_site s = site_at("/m");

    HAS(webcast_render_error(test_pool, &s, 404), "href=\"/m/\"");
    HAS(webcast_render_error(test_pool, &s, 503), "briefly unavailable");
}
END_TEST

START_TEST(pages_that_update_themselves)
{
    webcast_site s = site_at("/m");
    webcast_presentation p = hostile();
    const char *html;

    p.state = WEBCAST_STATE_UPCOMING;
    p.starts_at = s.now + apr_time_from_sec(90);
    p.notice = "<b>Late</b> start";
    s.next_change = p.starts_at;
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "<div id=\"webcast-notice\" class=\"notice-banner\" "
              "data-webcast-block><p>&lt;b&gt;Late&lt;/b&gt; start</p></div>");
    HAS(html, "<div id=\"webcast-block\" data-webcast-block><div "
              "class=\"webcast upcoming\">");
    HAS(html, "<p class=\"countdown\" data-countdown=\"");
    HAS(html, "aria-live=\"polite\"");
    HAS(html, "<p class=\"reload\">This page changes at <time");
    HASNT(html, "http-equiv");      /* no meta refresh (WCAG 2.2.1) */

    p.notice = NULL;                /* the block stays, empty, for a swap */
    s.next_change = 0;
    p.starts_at = s.now - apr_time_from_sec(1);
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "data-webcast-block></div>");
    HASNT(html, "data-countdown");  /* the start has passed */
    HASNT(html, "class=\"reload\"");
}
END_TEST

START_TEST(assets_are_compiled_in)
{
    const webcast_asset *js = webcast_asset_find("webcast.js");
    const webcast_asset *css = webcast_asset_find("webcast.css");

    ck_assert_ptr_nonnull(js);
    ck_assert_ptr_nonnull(css);
    ck_assert_str_eq(js->content_type, "text/javascript; charset=utf-8");
    ck_assert_str_eq(css->content_type, "text/css; charset=utf-8");
    ck_assert_uint_eq(strlen(js->body), js->len);
    ck_assert_uint_eq(strlen(js->version), 16);
    ck_assert_ptr_nonnull(strstr(js->body, "data-webcast-status"));
    ck_assert_ptr_null(webcast_asset_find("webcast.JS"));
    ck_assert_ptr_null(webcast_asset_find(""));
}
END_TEST

/* hls.js is read at startup (WebcastAssetsDir), not compiled in: once
 * added it is found like the others, replaced when a restart reads it
 * again, and the HLS player names its versioned URL for webcast.js. */
START_TEST(loaded_assets_are_found_and_linked)
{
    static const webcast_asset hls = { WEBCAST_ASSET_HLS,
        "text/javascript; charset=utf-8", "0123456789abcdef", "var H;\n", 7,
        0, { { NULL, 0 } } };
    static const webcast_asset again = { WEBCAST_ASSET_HLS,
        "text/javascript; charset=utf-8", "fedcba9876543210", "var G;\n", 7,
        0, { { NULL, 0 } } };
    static const webcast_asset other = { "other.js",
        "text/javascript; charset=utf-8", "0000000000000000", "\n", 1,
        0, { { NULL, 0 } } };
    webcast_site s = site_at("/kdmc/webcasts");
    webcast_presentation p = hostile();
    webcast_pattern *pat = NULL;
    const char *html;
    int i;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "https://m/{file}/i.m3u8", WEBCAST_PH_BIT(WEBCAST_PH_FILE), &pat));
    s.archive_hls = pat;
    p.state = WEBCAST_STATE_ARCHIVE;
    p.webcast_filename = "k.mov";
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "<video controls playsinline preload=\"none\" width=\"640\" "
              "height=\"360\"><source");          /* none loaded: as ever */

    ck_assert_int_eq(webcast_asset_add(&hls), 0);
    ck_assert_ptr_eq(webcast_asset_find("hls.min.js"), &hls);
    html = whole(webcast_render_presentation(test_pool, &s, &p));
    HAS(html, "height=\"360\" data-hls-script=\"/kdmc/webcasts/assets/"
              "hls.min.js?v=0123456789abcdef\"><source src=\"https://m/"
              "k.mov/i.m3u8\"");

    ck_assert_int_eq(webcast_asset_add(&again), 0);
    ck_assert_ptr_eq(webcast_asset_find("hls.min.js"), &again);
    for (i = 1; i < WEBCAST_ASSETS_LOADED_MAX; i++) {
        webcast_asset *a = apr_pmemdup(test_pool, &other, sizeof(other));
        a->name = apr_psprintf(test_pool, "other%d.js", i);
        ck_assert_int_eq(webcast_asset_add(a), 0);
    }
    ck_assert_int_eq(webcast_asset_add(&other), -1);   /* full */
    ck_assert_ptr_null(webcast_asset_find("other.js"));
    ck_assert_ptr_nonnull(webcast_asset_find("webcast.js"));
}
END_TEST

Suite *render_suite(void)
{
    Suite *s = suite_create("render");
    TCase *tc = tcase_with_pool("render");

    tcase_add_test(tc, presentation_escapes_every_field);
    tcase_add_test(tc, archive_player_and_links_follow_the_mount);
    tcase_add_test(tc, stylesheet_replaces_builtin_style);
    tcase_add_test(tc, slides_links);
    tcase_add_test(tc, workshop_groups_schedule_by_day);
    tcase_add_test(tc, pages_link_their_feeds);
    tcase_add_test(tc, error_pages);
    tcase_add_test(tc, pages_that_update_themselves);
    tcase_add_test(tc, assets_are_compiled_in);
    tcase_add_test(tc, loaded_assets_are_found_and_linked);
    tcase_add_test(tc, captions_track_and_transcript);
    suite_add_tcase(s, tc);
    return s;
}
