/* test_route.c - the URL map parser. */
#include <string.h>

#include "tests.h"
#include "webcast_route.h"

static webcast_route_kind kind_of(const char *rel)
{
    webcast_route_t r;
    return webcast_route_parse(rel, &r);
}

START_TEST(ref_movies)
{
    webcast_route_t r;

    ck_assert_int_eq(webcast_route_parse(
        "/presentations/webcast-archive.227.ref.mov", &r),
        WEBCAST_ROUTE_REF_ARCHIVE);
    ck_assert_uint_eq(r.id, 227);
    ck_assert_int_eq(webcast_route_parse(
        "/presentations/webcast-live.4294967295.ref.mov", &r),
        WEBCAST_ROUTE_REF_LIVE);
    ck_assert_uint_eq(r.id, 4294967295u);
}
END_TEST

START_TEST(qtl_and_rmra_movies)
{
    static const struct {
        const char *rel;
        webcast_route_kind kind;
    } ok[] = {
        { "/presentations/webcast-archive.227.qtl", WEBCAST_ROUTE_QTL_ARCHIVE },
        { "/presentations/webcast-live.227.qtl", WEBCAST_ROUTE_QTL_LIVE },
        { "/presentations/webcast-archive.227.rmra.mov",
          WEBCAST_ROUTE_RMRA_ARCHIVE },
        { "/presentations/webcast-live.227.rmra.mov",
          WEBCAST_ROUTE_RMRA_LIVE },
    };
    webcast_route_t r;
    int i;

    for (i = 0; i < 4; i++) {
        r.id = 0;
        ck_assert_int_eq(webcast_route_parse(ok[i].rel, &r), ok[i].kind);
        ck_assert_uint_eq(r.id, 227);
    }
    ck_assert_int_eq(webcast_route_parse(
        "/presentations/webcast-live.4294967295.rmra.mov", &r),
        WEBCAST_ROUTE_RMRA_LIVE);
    ck_assert_uint_eq(r.id, 4294967295u);
}
END_TEST

START_TEST(malformed_ids_are_404)
{
    static const char *const bad[] = {
        "/presentations/webcast-archive..ref.mov",
        "/presentations/webcast-archive.abc.ref.mov",
        "/presentations/webcast-archive.-7.ref.mov",
        "/presentations/webcast-archive.+7.ref.mov",
        "/presentations/webcast-archive.07.ref.mov",
        "/presentations/webcast-archive.0.ref.mov",
        "/presentations/webcast-archive.4294967296.ref.mov",
        "/presentations/webcast-archive.99999999999999999999.ref.mov",
        "/presentations/webcast-archive.7x.ref.mov",
        "/presentations/webcast-archive.7 .ref.mov",
        "/presentations/webcast-archive.7.ref.mov.bak",
        "/presentations/webcast-archive.7.ref.movx",
        "/presentations/webcast-archive.7.ref.mov/",
        "/presentations/webcast-archive.7.REF.MOV",
        "/presentations/webcast-archive.7%00.ref.mov",
        "/presentations/webcast-dead.7.ref.mov",
        "/presentations/webcast-archive.7.ref",
        "/presentations/webcast-archive.7.qtl/",
        "/presentations/webcast-archive.7.qtlx",
        "/presentations/webcast-archive.7.QTL",
        "/presentations/webcast-archive.07.qtl",
        "/presentations/webcast-archive..qtl",
        "/presentations/webcast-archive.qtl",
        "/presentations/webcast-live.0.qtl",
        "/presentations/webcast-archive.7.rmra",
        "/presentations/webcast-archive.7.rmra.mov.bak",
        "/presentations/webcast-archive.7.rmra.mov/",
        "/presentations/webcast-archive.7.ref.rmra.mov",
        "/presentations/webcast-archive.7.rmra.ref.mov",
        "/presentations/webcast-archive.7.qtl.rmra.mov",
        "/presentations/webcast-archive.4294967296.rmra.mov",
        "/presentations/webcast-live.-1.rmra.mov",
        "/presentations/webcast-archive.7.mov",
        "/presentations/webcast-archive.rmra.mov",
        "/presentations/7/extra",
        "/presentations/7//",
        "/presentations/",
        "/presentations",
        "/presentations/x/",
        "/presentations/0x10/",
        "/workshops/",
        "/workshops",
        "/workshops/Bad/",
        "/workshops/a_b/",
        "/workshops/a/b",
        "/workshops/a//",
        "/workshops/a/status.json/",
        "/workshops/a/status.jsonx",
        "/workshops/a/STATUS.JSON",
        "/workshops/a/status",
        "/workshops/Bad/status.json",
        "/presentations/7/status.json/",
        "/presentations/7/status.js",
        "/presentations/07/status.json",
        "/presentations/7/embed//",
        "/presentations/7/embed/x",
        "/presentations/7/embedx",
        "/presentations/webcast-live.7.ref.mov/status.json",
        "/assets/",
        "/assets/.hidden",
        "/assets/../webcast.js",
        "/assets/a/b.js",
        "/assets/Webcast.js",
        "/assets/webcast.js%00",
        "/assets/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "/assets",
        NULL
    };
    int i;

    for (i = 0; bad[i]; i++) {
        ck_assert_msg(kind_of(bad[i]) == WEBCAST_ROUTE_NOT_FOUND,
                      "%s should be 404", bad[i]);
    }
}
END_TEST

START_TEST(live_resources)
{
    webcast_route_t r;

    ck_assert_int_eq(webcast_route_parse("/presentations/7/status.json", &r),
                     WEBCAST_ROUTE_PRESENTATION_STATUS);
    ck_assert_uint_eq(r.id, 7);
    ck_assert_int_eq(webcast_route_parse("/workshops/rep-26/status.json", &r),
                     WEBCAST_ROUTE_WORKSHOP_STATUS);
    ck_assert_str_eq(r.slug, "rep-26");
    ck_assert_int_eq(webcast_route_parse("/presentations/9/embed/", &r),
                     WEBCAST_ROUTE_EMBED);
    ck_assert_uint_eq(r.id, 9);
    ck_assert_int_eq(kind_of("/presentations/9/embed"),
                     WEBCAST_ROUTE_EMBED_SLASH);
    ck_assert_int_eq(kind_of("/oembed"), WEBCAST_ROUTE_OEMBED);
    ck_assert_int_eq(kind_of("/oembed/"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(webcast_route_parse("/assets/webcast.js", &r),
                     WEBCAST_ROUTE_ASSET);
    ck_assert_str_eq(r.asset, "webcast.js");
    ck_assert_int_eq(webcast_route_parse("/assets/hls.light.min.js", &r),
                     WEBCAST_ROUTE_ASSET);
    ck_assert_str_eq(r.asset, "hls.light.min.js");
    ck_assert_int_eq(webcast_route_parse("/presentations/12/captions.vtt",
                                         &r), WEBCAST_ROUTE_CAPTIONS);
    ck_assert_uint_eq(r.id, 12);
    ck_assert_int_eq(kind_of("/presentations/12/captions.vtt/"),
                     WEBCAST_ROUTE_NOT_FOUND);
    ck_assert_int_eq(kind_of("/presentations/012/captions.vtt"),
                     WEBCAST_ROUTE_NOT_FOUND);
    ck_assert_int_eq(kind_of("/presentations/12/captions.VTT"),
                     WEBCAST_ROUTE_NOT_FOUND);
    ck_assert_int_eq(kind_of("/presentations/captions.vtt"),
                     WEBCAST_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(feeds)
{
    webcast_route_t r;
    static const char *const bad[] = {
        "/workshops/rep-26/calendar.ics/", "/workshops/rep-26/Calendar.ics",
        "/workshops/rep-26/calendar.ICS", "/workshops/rep-26/calendar",
        "/workshops/rep-26/archive.rss.xml", "/workshops/rep-26//archive.rss",
        "/workshops/Rep-26/schedule.json", "/workshops/rep_26/calendar.ics",
        "/workshops//calendar.ics", "/workshops/rep-26/schedule.json/",
        "/workshops/calendar.ics", NULL
    };
    int i;

    ck_assert_int_eq(kind_of("/calendar.ics"), WEBCAST_ROUTE_CALENDAR);
    ck_assert_int_eq(kind_of("/archive.rss"), WEBCAST_ROUTE_ARCHIVE_RSS);
    ck_assert_int_eq(webcast_route_parse("/workshops/rep-26/calendar.ics",
                                         &r), WEBCAST_ROUTE_WORKSHOP_CALENDAR);
    ck_assert_str_eq(r.slug, "rep-26");
    ck_assert_int_eq(webcast_route_parse("/workshops/rep-26/archive.rss", &r),
                     WEBCAST_ROUTE_WORKSHOP_RSS);
    ck_assert_str_eq(r.slug, "rep-26");
    ck_assert_int_eq(webcast_route_parse("/workshops/rep-26/schedule.json",
                                         &r), WEBCAST_ROUTE_WORKSHOP_SCHEDULE);
    ck_assert_str_eq(r.slug, "rep-26");
    for (i = 0; bad[i]; i++) {
        ck_assert_msg(kind_of(bad[i]) == WEBCAST_ROUTE_NOT_FOUND,
                      "%s should be 404", bad[i]);
    }
    /* near the root they are not ours: static files there still serve */
    ck_assert_int_eq(kind_of("/calendar.ics/"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(kind_of("/Calendar.ics"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(kind_of("/archive.rss.bak"), WEBCAST_ROUTE_DECLINE);
}
END_TEST

START_TEST(pages)
{
    webcast_route_t r;
    char slug[WEBCAST_SLUG_MAX + 16];

    ck_assert_int_eq(kind_of("/"), WEBCAST_ROUTE_INDEX);
    ck_assert_int_eq(kind_of(""), WEBCAST_ROUTE_INDEX_SLASH);
    ck_assert_int_eq(webcast_route_parse("/workshops/reporting-2026/", &r),
                     WEBCAST_ROUTE_WORKSHOP);
    ck_assert_str_eq(r.slug, "reporting-2026");
    ck_assert_int_eq(kind_of("/workshops/reporting-2026"),
                     WEBCAST_ROUTE_WORKSHOP_SLASH);
    ck_assert_int_eq(webcast_route_parse("/presentations/12/", &r),
                     WEBCAST_ROUTE_PRESENTATION);
    ck_assert_uint_eq(r.id, 12);
    ck_assert_int_eq(kind_of("/presentations/12"),
                     WEBCAST_ROUTE_PRESENTATION_SLASH);

    memset(slug, 'a', sizeof(slug));
    memcpy(slug, "/workshops/", 11);
    slug[11 + WEBCAST_SLUG_MAX] = '/';
    slug[12 + WEBCAST_SLUG_MAX] = '\0';
    ck_assert_int_eq(kind_of(slug), WEBCAST_ROUTE_WORKSHOP);
    slug[11 + WEBCAST_SLUG_MAX] = 'a';
    slug[12 + WEBCAST_SLUG_MAX] = '/';
    slug[13 + WEBCAST_SLUG_MAX] = '\0';
    ck_assert_int_eq(kind_of(slug), WEBCAST_ROUTE_NOT_FOUND);
}
END_TEST

START_TEST(other_paths_are_declined)
{
    ck_assert_int_eq(kind_of("/static/site.css"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(kind_of("/favicon.ico"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(kind_of("/presentationsX/7/"), WEBCAST_ROUTE_DECLINE);
    ck_assert_int_eq(kind_of(NULL), WEBCAST_ROUTE_DECLINE);
}
END_TEST

START_TEST(parse_id_bounds)
{
    apr_uint32_t id = 0;

    ck_assert(webcast_parse_id("1", 1, &id) && id == 1);
    ck_assert(webcast_parse_id("4294967295", 10, &id) && id == 4294967295u);
    ck_assert(!webcast_parse_id("4294967296", 10, &id));
    ck_assert(!webcast_parse_id("", 0, &id));
    ck_assert(webcast_parse_id("12", 1, &id) && id == 1); /* length is honoured */
}
END_TEST

Suite *route_suite(void)
{
    Suite *s = suite_create("route");
    TCase *tc = tcase_with_pool("route");

    tcase_add_test(tc, ref_movies);
    tcase_add_test(tc, qtl_and_rmra_movies);
    tcase_add_test(tc, malformed_ids_are_404);
    tcase_add_test(tc, pages);
    tcase_add_test(tc, live_resources);
    tcase_add_test(tc, feeds);
    tcase_add_test(tc, other_paths_are_declined);
    tcase_add_test(tc, parse_id_bounds);
    suite_add_tcase(s, tc);
    return s;
}
