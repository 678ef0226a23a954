/* test_frab.c - frab/pretalx schedule.xml: events, their times, and the
 * documents refused (broken XML, a DTD, entities, another root, limits). */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_frab.h"

#define MAX_BYTES 65536

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

static const char schedule[] =
    HEAD
    "<schedule>\n"
    "  <version>1.0</version>\n"
    "  <conference><title>Camp</title><time_zone_name>Europe/Berlin"
    "</time_zone_name></conference>\n"
    "  <day index=\"1\" date=\"2026-07-01\">\n"
    "    <room name=\"Hall 1\">\n"
    "      <event id=\"42\" guid=\"x\">\n"
    "        <date>2026-07-01T12:00:00+02:00</date>\n"
    "        <start>12:00</start><duration>01:30</duration>\n"
    "        <title> Reporting &amp; <![CDATA[data <b>]]> </title>\n"
    "        <abstract>Short.</abstract>\n"
    "        <description>Long.</description>\n"
    "        <persons><person id=\"1\">Ann A</person>"
    "<person id=\"2\"> Bo B </person></persons>\n"
    "        <recording><optout>false</optout></recording>\n"
    "      </event>\n"
    "      <event id=\"43\">\n"
    "        <date>2026-07-01T14:00:00Z</date><duration>0:45</duration>\n"
    "        <title>Second</title>\n"
    "        <recording><optout>true</optout></recording>\n"
    "      </event>\n"
    "    </room>\n"
    "  </day>\n"
    "</schedule>\n";

static apr_array_header_t *events_of(const char *xml, int max)
{
    apr_array_header_t *ev = NULL;
    const char *err = webcast_frab_parse(test_pool, xml, strlen(xml),
                                         MAX_BYTES, max, &ev);

    ck_assert_msg(err == NULL, "unexpected error: %s", err);
    return ev;
}

static const webcast_frab_event *event(apr_array_header_t *ev, int i)
{
    ck_assert_int_gt(ev->nelts, i);
    return APR_ARRAY_IDX(ev, i, webcast_frab_event *);
}

static void refused(const char *xml, const char *part)
{
    apr_array_header_t *ev = NULL;
    const char *err = webcast_frab_parse(test_pool, xml, strlen(xml),
                                         MAX_BYTES, 10, &ev);

    ck_assert_msg(err && strstr(err, part), "error \"%s\" lacks \"%s\"",
                  err ? err : "(none)", part);
}

/* An event with these <date> and <duration>: its problem, or NULL. */
static const webcast_frab_event *timed(const char *date, const char *dur)
{
    const char *xml = apr_psprintf(test_pool, HEAD "<schedule><day><room>"
                                   "<event><title>t</title><date>%s</date>"
                                   "<duration>%s</duration></event></room>"
                                   "</day></schedule>", date, dur);
    return event(events_of(xml, 10), 0);
}

START_TEST(events)
{
    apr_array_header_t *ev = events_of(schedule, 10);
    const webcast_frab_event *e = event(ev, 0);

    ck_assert_int_eq(ev->nelts, 2);
    ck_assert_int_eq(e->line, 7);
    ck_assert_str_eq(e->id, "42");
    ck_assert_str_eq(e->title, "Reporting & data <b>");
    ck_assert_str_eq(e->abstract, "Short.");
    ck_assert_str_eq(e->description, "Long.");
    ck_assert_str_eq(e->persons, "Ann A, Bo B");
    ck_assert_ptr_eq(e->problem, NULL);
    /* 12:00 at +02:00 is 10:00 UTC */
    ck_assert(e->start == apr_time_from_sec(1782900000));
    ck_assert(e->length == apr_time_from_sec(5400));
    ck_assert_int_eq(e->optout, 0);
    e = event(ev, 1);
    ck_assert_ptr_eq(e->abstract, NULL);
    ck_assert_ptr_eq(e->persons, NULL);
    ck_assert(e->start == apr_time_from_sec(1782914400));
    ck_assert(e->length == apr_time_from_sec(2700));
    ck_assert_int_eq(e->optout, 1);
}
END_TEST

START_TEST(times)
{
    ck_assert(timed("2026-07-01T12:00+0200", "01:00")->start
              == apr_time_from_sec(1782900000));
    ck_assert(timed("2026-07-01T12:00:00.000+02:00", "1:00:30")->length
              == apr_time_from_sec(3630));
    ck_assert(timed("2026-01-01T00:30:00-05:30", "10:00")->start
              == apr_time_from_sec(1767247200));
    ck_assert(strstr(timed("2026-07-01T12:00:00", "01:00")->problem,
                     "not a day and time with its UTC offset"));
    ck_assert(strstr(timed("2026-02-30T12:00:00Z", "01:00")->problem,
                     "\"2026-02-30T12:00:00Z\""));
    ck_assert(strstr(timed("2026-07-01T25:00:00Z", "01:00")->problem,
                     "<date>"));
    ck_assert(strstr(timed("", "01:00")->problem, "no <date>"));
    ck_assert(strstr(timed("2026-07-01T12:00:00Z", "")->problem,
                     "no <duration>"));
    ck_assert(strstr(timed("2026-07-01T12:00:00Z", "90")->problem,
                     "<duration> \"90\" is not hours and minutes"));
    ck_assert(strstr(timed("2026-07-01T12:00:00Z", "01:75")->problem,
                     "not hours and minutes"));
    ck_assert(strstr(timed("2026-07-01T12:00:00Z", "00:00")->problem,
                     "it ends when it starts"));
}
END_TEST

START_TEST(refusals)
{
    refused(HEAD "<schedule><day><room><event><title>x</event>",
            "line 2: the XML is broken");
    refused("<schedule>\n<day>\n<room>\n<event></room>",
            "line 4: the XML is broken");
    refused(HEAD "<calendar/>", "the document is <calendar>, not <schedule>");
    refused("not xml at all", "the XML is broken");
    refused("", "the XML is broken");
}
END_TEST

START_TEST(no_dtd_no_entities)
{
    /* an external entity must never be read: refused at the DOCTYPE */
    refused(HEAD "<!DOCTYPE schedule [\n<!ENTITY x SYSTEM "
            "\"file:///etc/passwd\">\n]>\n<schedule><day><room><event>"
            "<title>&x;</title></event></room></day></schedule>",
            "line 2: a <!DOCTYPE>");
    /* nor a billion laughs */
    refused(HEAD "<!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
            "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><schedule>&b;</schedule>",
            "a <!DOCTYPE>");
    refused(HEAD "<!DOCTYPE schedule SYSTEM \"http://example.org/x.dtd\">"
            "<schedule/>", "a <!DOCTYPE>");
    /* an entity never declared is an error of the XML itself */
    refused(HEAD "<schedule><day><room><event><title>&x;</title></event>"
            "</room></day></schedule>", "the XML is broken");
}
END_TEST

START_TEST(limits)
{
    apr_array_header_t *ev = NULL;
    const char *err;

    ck_assert_int_eq(events_of(schedule, 2)->nelts, 2);
    err = webcast_frab_parse(test_pool, schedule, strlen(schedule), MAX_BYTES,
                             1, &ev);
    ck_assert(err && strstr(err, "line 16: more than 1 events"));
    err = webcast_frab_parse(test_pool, schedule, strlen(schedule), 100, 10,
                             &ev);
    ck_assert(err && strstr(err, "bytes long; the most is 100"));
}
END_TEST

START_TEST(empty_schedule)
{
    ck_assert_int_eq(events_of(HEAD "<schedule><conference/></schedule>",
                               10)->nelts, 0);
}
END_TEST

Suite *frab_suite(void)
{
    Suite *s = suite_create("frab");
    TCase *tc = tcase_with_pool("schedule.xml");

    webcast_frab_init();
    tcase_add_test(tc, events);
    tcase_add_test(tc, times);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, no_dtd_no_entities);
    tcase_add_test(tc, limits);
    tcase_add_test(tc, empty_schedule);
    suite_add_tcase(s, tc);
    return s;
}
