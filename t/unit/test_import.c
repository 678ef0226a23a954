/* test_import.c - schedules into presentations: CSV headers and cells,
 * frab events, defaults, and every problem named by line and column,
 * all by the admin form's own rules. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_frab.h"
#include "webcast_import.h"

static const webcast_tz *la(void)
{
    webcast_tz *tz = NULL;
    ck_assert_ptr_eq(webcast_tz_load(test_pool, NULL, "America/Los_Angeles",
                                     &tz), NULL);
    return tz;
}

static webcast_import *read_s(const char *s)
{
    return webcast_import_read(test_pool, la(), 5, "1", s, strlen(s));
}

static const webcast_import_row *row(const webcast_import *im, int i)
{
    ck_assert_msg(im->error == NULL, "unexpected error: %s", im->error);
    ck_assert_int_gt(im->rows->nelts, i);
    return APR_ARRAY_IDX(im->rows, i, webcast_import_row *);
}

/* Row i has a problem holding `part`. */
static void problem_has(const webcast_import *im, int i, const char *part)
{
    const webcast_import_row *r = row(im, i);
    int j;

    for (j = 0; j < r->problems->nelts; j++) {
        if (strstr(APR_ARRAY_IDX(r->problems, j, const char *), part)) {
            return;
        }
    }
    ck_abort_msg("row %d: no problem holds \"%s\" (%d problems%s%s)", i, part,
                 r->problems->nelts, r->problems->nelts ? ", first: " : "",
                 r->problems->nelts ? APR_ARRAY_IDX(r->problems, 0,
                                                    const char *) : "");
}

static void error_has(const webcast_import *im, const char *part)
{
    ck_assert_msg(im->error && strstr(im->error, part),
                  "error \"%s\" lacks \"%s\"", im->error ? im->error : "(none)",
                  part);
}

#define V(im, i, f) (row((im), (i))->rec->value[f])

START_TEST(csv_values)
{
    webcast_import *im = read_s(
        "\xef\xbb\xbfTitle, speaker_name ,starts_at,ends_at,summary\r\n"
        "Lunch talk,Maria Alvarez,2026-07-01 12:00,2026-07-01T13:30,"
        "\"Two\r\n\r\nparagraphs, \"\"quoted\"\"\"\r\n"
        ",,,,\r\n"
        "Second,,2026-12-01T09:00,2026-12-01 10:00:30,\r\n");

    ck_assert_int_eq(im->format, WEBCAST_IMPORT_CSV);
    ck_assert_int_eq(im->rows->nelts, 2);       /* the empty row skipped */
    ck_assert_int_eq(im->nbad, 0);
    ck_assert_int_eq(row(im, 0)->line, 2);
    ck_assert_int_eq(row(im, 1)->line, 6);
    ck_assert_str_eq(V(im, 0, PF_WORKSHOP_ID), "5");
    ck_assert_str_eq(V(im, 0, PF_TITLE), "Lunch talk");
    /* noon in Los Angeles in July is 19:00 UTC; in December 17:00 */
    ck_assert_str_eq(V(im, 0, PF_STARTS_AT), "2026-07-01 19:00:00");
    ck_assert_str_eq(V(im, 0, PF_ENDS_AT), "2026-07-01 20:30:00");
    ck_assert_str_eq(V(im, 1, PF_STARTS_AT), "2026-12-01 17:00:00");
    ck_assert_str_eq(V(im, 1, PF_ENDS_AT), "2026-12-01 18:00:30");
    ck_assert_str_eq(V(im, 0, PF_SUMMARY),
                     "Two\n\nparagraphs, \"quoted\"");    /* as the form */
    ck_assert_ptr_eq(V(im, 1, PF_SUMMARY), NULL);
    ck_assert_str_eq(V(im, 1, PF_SPEAKER_NAME), "");
    /* what a new presentation starts with */
    ck_assert_str_eq(V(im, 0, PF_HAS_WEBCAST), "1");
    ck_assert_str_eq(V(im, 0, PF_STATE), "upcoming");
    ck_assert_str_eq(V(im, 0, PF_WEBCAST_AUTO), "1");
}
END_TEST

START_TEST(csv_header)
{
    error_has(read_s("title,room,starts_at,ends_at\n"),
              "line 1: unknown column \"room\": the columns are title, "
              "speaker_name, speaker_affiliation");
    error_has(read_s("title,workshop_id,starts_at,ends_at\n"),
              "unknown column \"workshop_id\"");
    error_has(read_s("title,TITLE,starts_at,ends_at\n"),
              "line 1: the column \"title\" is named twice");
    error_has(read_s("title,starts_at\nx,2026-07-01 12:00\n"),
              "line 1: no \"ends_at\" column");
    error_has(read_s("\n\ntitle,,starts_at,ends_at\n"),
              "line 3: column 2 has no name");
    error_has(read_s(""), "it is empty");
    error_has(read_s("title,starts_at,ends_at\n,,\n"), "holds no presentation");
    error_has(read_s("title,starts_at,ends_at\n\"x,2026\n"),
              "line 2: a quoted field is never closed");
    error_has(read_s(apr_pstrcat(test_pool, "title,", apr_psprintf(test_pool,
              "%0100d", 0), ",x\n", NULL)), "\u2026\"");  /* cut short */
}
END_TEST

START_TEST(csv_problems)
{
    webcast_import *im = read_s(
        "title,starts_at,ends_at,has_webcast,webcast_state,webcast_path\n"
        "Fine,2026-07-01 12:00,2026-07-01 13:00,yes,,\n"
        "Backwards,2026-07-01 12:00,2026-07-01 11:00,1,upcoming,\n"
        "Noon-ish,noonish,2026-07-01 13:00,0,,\n"
        ",2026-07-01 12:00,2026-07-01 13:00,maybe,,\n"
        "Archived,2026-07-01 12:00,2026-07-01 13:00,1,Archive,kdmc\n"
        "Short,2026-07-01 12:00\n"
        "Skipped hour,2026-03-08 02:30,2026-03-08 04:00,,,\n");

    ck_assert_int_eq(im->rows->nelts, 7);
    ck_assert_int_eq(im->nbad, 6);
    ck_assert_int_eq(row(im, 0)->problems->nelts, 0);
    problem_has(im, 1, "line 3, ends_at: The end must be after the start.");
    problem_has(im, 2, "line 4, starts_at: Enter a day and a time");
    problem_has(im, 3, "line 5, title: Enter the presentation's title.");
    problem_has(im, 3, "line 5, has_webcast: \"maybe\" is not 1 or 0");
    problem_has(im, 4, "line 6, webcast_filename: Archive ready needs the "
                "archive's file name.");
    problem_has(im, 5, "line 7: 2 fields, but line 1 names 6 columns");
    problem_has(im, 5, "line 7, ends_at: Enter the day and time it ends.");
    problem_has(im, 6, "line 8, starts_at: 02:30 does not exist on that day "
                "in America/Los_Angeles");
    ck_assert_str_eq(V(im, 2, PF_HAS_WEBCAST), "0");
    /* a state picked in the file is one chosen by hand (as in the form) */
    ck_assert_str_eq(V(im, 4, PF_STATE), "archive");
    ck_assert_str_eq(V(im, 4, PF_WEBCAST_AUTO), "0");
}
END_TEST

START_TEST(csv_rules_of_the_form)
{
    webcast_import *im = read_s(apr_pstrcat(test_pool,
        "title,starts_at,ends_at,slides_url,external_url,speaker_name\n"
        "a,2026-07-01 12:00,2026-07-01 13:00,javascript:alert(1),,\n"
        "b,2026-07-01 12:00,2026-07-01 13:00,/slides/b.pdf,ftp://x/,\n"
        "c,2026-07-01 12:00,2026-07-01 13:00,,,",
        apr_psprintf(test_pool, "%0256d", 0), "\n", NULL));

    problem_has(im, 0, "line 2, slides_url: Enter a web address");
    problem_has(im, 1, "line 3, external_url: Enter a web address that "
                "starts with https://");
    problem_has(im, 2, "line 4, speaker_name: This is 256 characters long");
    ck_assert_str_eq(V(im, 1, PF_SLIDES_URL), "/slides/b.pdf");
}
END_TEST

START_TEST(csv_too_many_rows)
{
    apr_array_header_t *lines = apr_array_make(test_pool, 1002,
                                               sizeof(const char *));
    int i;

    APR_ARRAY_PUSH(lines, const char *) = "title,starts_at,ends_at";
    for (i = 0; i < WEBCAST_IMPORT_MAX_ROWS + 1; i++) {
        APR_ARRAY_PUSH(lines, const char *) =
            "t,2026-07-01 12:00,2026-07-01 13:00";
    }
    error_has(read_s(apr_array_pstrcat(test_pool, lines, '\n')),
              "line 1002: more than 1000 rows after the header");
    lines->nelts--;
    ck_assert_int_eq(read_s(apr_array_pstrcat(test_pool, lines, '\n'))
                     ->rows->nelts, 1000);
}
END_TEST

#define XML_HEAD "\xef\xbb\xbf<?xml version=\"1.0\"?>\n<schedule>" \
    "<day date=\"2026-07-01\"><room name=\"A\">\n"
#define XML_TAIL "</room></day></schedule>\n"

START_TEST(frab_values)
{
    webcast_import *im = read_s(
        XML_HEAD
        "<event id=\"1\"><date>2026-07-01T12:00:00-07:00</date>"
        "<duration>01:30</duration><title>One</title>"
        "<abstract>Abs.</abstract><description>Desc.</description>"
        "<persons><person>Ann</person><person>Bo</person></persons>"
        "</event>\n"
        "<event id=\"2\"><date>2026-11-01T01:30:00-08:00</date>"
        "<duration>00:20</duration><title>In the repeated hour</title>"
        "<description>Only a description.</description>"
        "<recording><optout>true</optout></recording></event>\n"
        XML_TAIL);

    ck_assert_int_eq(im->format, WEBCAST_IMPORT_FRAB);
    ck_assert_int_eq(im->nbad, 0);
    ck_assert_int_eq(row(im, 0)->line, 3);
    ck_assert_str_eq(V(im, 0, PF_TITLE), "One");
    ck_assert_str_eq(V(im, 0, PF_SPEAKER_NAME), "Ann, Bo");
    ck_assert_str_eq(V(im, 0, PF_SUMMARY), "Abs.");
    ck_assert_str_eq(V(im, 0, PF_STARTS_AT), "2026-07-01 19:00:00");
    ck_assert_str_eq(V(im, 0, PF_ENDS_AT), "2026-07-01 20:30:00");
    ck_assert_str_eq(V(im, 0, PF_HAS_WEBCAST), "1");
    ck_assert_str_eq(V(im, 0, PF_WEBCAST_AUTO), "1");
    ck_assert_str_eq(V(im, 0, PF_STATE), "upcoming");
    /* 01:30 PST is the second 01:30 of that night: the file's instant */
    ck_assert_str_eq(V(im, 1, PF_STARTS_AT), "2026-11-01 09:30:00");
    ck_assert_str_eq(V(im, 1, PF_ENDS_AT), "2026-11-01 09:50:00");
    ck_assert_str_eq(V(im, 1, PF_SUMMARY), "Only a description.");
    ck_assert_str_eq(V(im, 1, PF_HAS_WEBCAST), "0");      /* opted out */
}
END_TEST

START_TEST(frab_problems)
{
    webcast_import *im = read_s(
        XML_HEAD
        "<event><date>2026-07-01T12:00:00</date><duration>01:00</duration>"
        "<title>No offset</title></event>\n"
        "<event><date>2026-07-01T12:00:00Z</date><duration>01:00</duration>"
        "<title> </title></event>\n"
        "<event><duration>01:00</duration><title>x</title></event>\n"
        XML_TAIL);

    ck_assert_int_eq(im->nbad, 3);
    problem_has(im, 0, "line 3: <date> \"2026-07-01T12:00:00\" is not a day "
                "and time with its UTC offset");
    ck_assert_int_eq(row(im, 0)->problems->nelts, 1);  /* said once */
    problem_has(im, 1, "line 4, <title>: Enter the presentation's title.");
    problem_has(im, 2, "line 5: no <date>");
    error_has(read_s(" \n\t<schedule/>"), "holds no <event>");
    error_has(read_s("<schedule><day><room><event>"), "the XML is broken");
}
END_TEST

START_TEST(frab_default_no_webcast)
{
    const char *xml = XML_HEAD "<event><date>2026-07-01T12:00:00Z</date>"
                      "<duration>01:00</duration><title>t</title></event>"
                      XML_TAIL;
    webcast_import *im = webcast_import_read(test_pool, la(), 5, "0", xml,
                                             strlen(xml));

    ck_assert_str_eq(V(im, 0, PF_HAS_WEBCAST), "0");
}
END_TEST

Suite *import_suite(void)
{
    Suite *s = suite_create("import");
    TCase *tc = tcase_with_pool("schedule");

    webcast_frab_init();
    tcase_add_test(tc, csv_values);
    tcase_add_test(tc, csv_header);
    tcase_add_test(tc, csv_problems);
    tcase_add_test(tc, csv_rules_of_the_form);
    tcase_add_test(tc, csv_too_many_rows);
    tcase_add_test(tc, frab_values);
    tcase_add_test(tc, frab_problems);
    tcase_add_test(tc, frab_default_no_webcast);
    suite_add_tcase(s, tc);
    return s;
}
