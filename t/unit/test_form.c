/* test_form.c - the admin's form rules (SPEC section 6), value
 * conversions and the urlencoded body parser. */
#include <stdarg.h>
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_form.h"

#define LA "America/Los_Angeles"

static const webcast_tz *la(void)
{
    webcast_tz *tz = NULL;
    ck_assert_ptr_eq(webcast_tz_load(test_pool, NULL, LA, &tz), NULL);
    return tz;
}

/* name=value pairs, NULL-terminated, as a posted form */
static apr_table_t *posted(const char *first, ...)
{
    apr_table_t *t = apr_table_make(test_pool, 16);
    va_list ap;
    const char *name, *value;

    va_start(ap, first);
    for (name = first; name; name = va_arg(ap, const char *)) {
        value = va_arg(ap, const char *);
        apr_table_set(t, name, value);
    }
    va_end(ap);
    return t;
}

static apr_table_t *good_workshop(void)
{
    return posted("slug", "reporting-2026", "title", " Reporting ",
                  "summary", "", "location", "SF",
                  "starts_on", "2026-11-23", "ends_on", "2026-11-27",
                  "live_stream", "", NULL);
}

static apr_table_t *good_talk(void)
{
    return posted("workshop_id", "2", "title", "Lunch talk",
                  "speaker_name", "Maria", "speaker_affiliation", "",
                  "speaker_bio", "", "summary", "",
                  "starts_at", "2026-11-25T12:00", "ends_at", "2026-11-25T13:00",
                  "slides_url", "", "has_webcast", "1",
                  "webcast_state", "upcoming", "webcast_path", "",
                  "webcast_filename", "", "live_stream", "",
                  "external_name", "", "external_url", "", NULL);
}

static webcast_form *talk_with(const char *name, const char *value)
{
    apr_table_t *t = good_talk();
    apr_table_set(t, name, value);
    return webcast_form_parse(test_pool, WEBCAST_PRESENTATION, la(), t);
}

static webcast_form *workshop_with(const char *name, const char *value)
{
    apr_table_t *t = good_workshop();
    apr_table_set(t, name, value);
    return webcast_form_parse(test_pool, WEBCAST_WORKSHOP, la(), t);
}

static void error_has(const webcast_form *f, int field, const char *part)
{
    ck_assert_msg(f->error[field] && strstr(f->error[field], part),
                  "field %d: error \"%s\" lacks \"%s\"", field,
                  f->error[field] ? f->error[field] : "(none)", part);
}

START_TEST(workshop_values)
{
    webcast_form *f = webcast_form_parse(test_pool, WEBCAST_WORKSHOP, la(),
                                         good_workshop());

    ck_assert_int_eq(f->nerrors, 0);
    ck_assert_str_eq(f->value[WF_SLUG], "reporting-2026");
    ck_assert_str_eq(f->value[WF_TITLE], "Reporting");     /* trimmed */
    ck_assert_ptr_eq(f->value[WF_SUMMARY], NULL);          /* empty: NULL */
    ck_assert_str_eq(f->value[WF_STARTS_ON], "2026-11-23");
    ck_assert_ptr_eq(f->value[WF_LIVE_STREAM], NULL);
}
END_TEST

START_TEST(workshop_rules)
{
    webcast_form *f;

    f = workshop_with("title", "   ");
    ck_assert_int_eq(f->nerrors, 1);
    error_has(f, WF_TITLE, "Enter the workshop's title");
    error_has(workshop_with("slug", "Reporting 2026"), WF_SLUG,
              "lower-case letters");
    error_has(workshop_with("slug", "a_b"), WF_SLUG, "lower-case letters");
    error_has(workshop_with("slug", "caf\xc3\xa9"), WF_SLUG, "lower-case");
    ck_assert_int_eq(workshop_with("slug", apr_pstrcat(test_pool,
        "abcdefghij", "abcdefghij", "abcdefghij", "abcdefghij",
        "abcdefghij", "abcdefghij", "abcd", NULL))->nerrors, 0);
    error_has(workshop_with("slug", apr_pstrcat(test_pool,
        "abcdefghij", "abcdefghij", "abcdefghij", "abcdefghij",
        "abcdefghij", "abcdefghij", "abcde", NULL)), WF_SLUG, "at most 64");
    f = workshop_with("ends_on", "2026-11-22");
    error_has(f, WF_ENDS_ON, "on or after the first day");
    ck_assert_ptr_eq(f->error[WF_STARTS_ON], NULL);
    ck_assert_int_eq(workshop_with("ends_on", "2026-11-23")->nerrors, 0);
    error_has(workshop_with("starts_on", "2026-02-30"), WF_STARTS_ON,
              "no such day");
    error_has(workshop_with("starts_on", "11/23/2026"), WF_STARTS_ON,
              "year-month-day");
    error_has(workshop_with("ends_on", ""), WF_ENDS_ON, "Enter the last day");
}
END_TEST

START_TEST(typed_text_is_kept)
{
    webcast_form *f = workshop_with("slug", "Bad Slug!");

    ck_assert_str_eq(f->raw[WF_SLUG], "Bad Slug!");
    ck_assert_str_eq(f->raw[WF_TITLE], " Reporting ");
    ck_assert_str_eq(f->raw[WF_LOCATION], "SF");
}
END_TEST

START_TEST(talk_times_in_site_zone)
{
    webcast_form *f = webcast_form_parse(test_pool, WEBCAST_PRESENTATION,
                                         la(), good_talk());

    ck_assert_int_eq(f->nerrors, 0);
    ck_assert_str_eq(f->value[PF_STARTS_AT], "2026-11-25 20:00:00");
    ck_assert_str_eq(f->value[PF_ENDS_AT], "2026-11-25 21:00:00");
    ck_assert_str_eq(f->value[PF_HAS_WEBCAST], "1");
    ck_assert_str_eq(f->value[PF_SPEAKER_NAME], "Maria");
    ck_assert_str_eq(talk_with("starts_at", "2026-07-15 12:00")
                     ->value[PF_STARTS_AT], "2026-07-15 19:00:00");
    ck_assert_str_eq(talk_with("starts_at", "2026-11-25T11:59:30")
                     ->value[PF_STARTS_AT], "2026-11-25 19:59:30");
    /* the repeated hour: the first, PDT */
    f = talk_with("starts_at", "2026-11-01T01:30");
    ck_assert_str_eq(f->value[PF_STARTS_AT], "2026-11-01 08:30:00");
}
END_TEST

START_TEST(talk_time_rules)
{
    webcast_form *f;

    error_has(talk_with("starts_at", "2026-03-08T02:30"), PF_STARTS_AT,
              "the clocks skip an hour");
    error_has(talk_with("starts_at", "tomorrow noon"), PF_STARTS_AT,
              "Enter a day and a time");
    error_has(talk_with("starts_at", "2026-11-31T12:00"), PF_STARTS_AT,
              "no such day");
    error_has(talk_with("ends_at", "2026-11-25T11:00"), PF_ENDS_AT,
              "The end must be after the start");
    error_has(talk_with("ends_at", "2026-11-25T12:00"), PF_ENDS_AT,
              "after the start");
    /* beyond MySQL's DATETIME once in UTC */
    error_has(talk_with("ends_at", "9999-12-31T23:59"), PF_ENDS_AT,
              "no such day");
    error_has(workshop_with("ends_on", "10000-01-01"), WF_ENDS_ON,
              "");
    f = talk_with("starts_at", "");
    error_has(f, PF_STARTS_AT, "Enter the day and time it starts");
    ck_assert_ptr_eq(f->error[PF_ENDS_AT], NULL);
    ck_assert_str_eq(f->raw[PF_ENDS_AT], "2026-11-25T13:00");
}
END_TEST

START_TEST(talk_state_rules)
{
    apr_table_t *t;
    webcast_form *f;

    f = talk_with("webcast_state", "archive");
    ck_assert_int_eq(f->nerrors, 2);
    error_has(f, PF_WEBCAST_PATH, "path");
    error_has(f, PF_WEBCAST_FILENAME, "file name");
    t = good_talk();
    apr_table_set(t, "webcast_state", "archive");
    apr_table_set(t, "webcast_path", "kdmc/2026");
    apr_table_set(t, "webcast_filename", "lunch.mov");
    ck_assert_int_eq(webcast_form_parse(test_pool, WEBCAST_PRESENTATION,
                                        la(), t)->nerrors, 0);

    f = talk_with("webcast_state", "external");
    error_has(f, PF_EXTERNAL_URL, "web address");
    error_has(f, PF_EXTERNAL_NAME, "name of the organisation");
    t = good_talk();
    apr_table_set(t, "webcast_state", "external");
    apr_table_set(t, "external_name", "C-SPAN");
    apr_table_set(t, "external_url", "javascript:alert(1)");
    f = webcast_form_parse(test_pool, WEBCAST_PRESENTATION, la(), t);
    ck_assert_int_eq(f->nerrors, 1);
    error_has(f, PF_EXTERNAL_URL, "starts with https://");
    apr_table_set(t, "external_url", "https://www.c-span.org/");
    ck_assert_int_eq(webcast_form_parse(test_pool, WEBCAST_PRESENTATION,
                                        la(), t)->nerrors, 0);

    error_has(talk_with("webcast_state", "rerun"), PF_STATE, "five states");
    error_has(talk_with("slides_url", "ftp://x/y.ppt"), PF_SLIDES_URL,
              "https://");
    error_has(talk_with("slides_url", "https://a b/"), PF_SLIDES_URL,
              "without spaces");
    /* slides may also be a path on this site, as the page links them */
    ck_assert_int_eq(talk_with("slides_url", "/slides/2026/talk.pdf")
                     ->nerrors, 0);
    ck_assert_str_eq(talk_with("slides_url", " /slides/a.key ")
                     ->value[PF_SLIDES_URL], "/slides/a.key");
    error_has(talk_with("slides_url", "//evil.example/a.ppt"),
              PF_SLIDES_URL, "a path on this site that starts with one /");
    error_has(talk_with("slides_url", "/\\evil.example/a.ppt"),
              PF_SLIDES_URL, "one /");
    error_has(talk_with("slides_url", "/slides/a b.pdf"), PF_SLIDES_URL,
              "without spaces");
    /* the partner's webcast is another site's: http(s) only */
    error_has(talk_with("external_url", "/their/webcast"), PF_EXTERNAL_URL,
              "starts with https://");
    error_has(talk_with("workshop_id", "2'"), PF_WORKSHOP_ID, "workshop");
    error_has(talk_with("workshop_id", "0"), PF_WORKSHOP_ID, "workshop");
}
END_TEST

START_TEST(lengths_against_columns)
{
    char *s = apr_palloc(test_pool, 65537);
    apr_size_t i;
    char *e255 = apr_palloc(test_pool, 2 * 256 + 1);

    /* VARCHAR(255) counts characters, not bytes */
    for (i = 0; i < 256; i++) {
        memcpy(e255 + 2 * i, "\xc3\xa9", 2);
    }
    e255[2 * 255] = '\0';
    ck_assert_int_eq(talk_with("title", e255)->nerrors, 0);
    e255[2 * 255] = '\xc3';
    e255[2 * 256] = '\0';
    error_has(talk_with("title", e255), PF_TITLE, "256 characters long; the "
              "most is 255");
    /* TEXT holds 65535 bytes */
    memset(s, 'a', 65535);
    s[65535] = '\0';
    ck_assert_int_eq(talk_with("summary", s)->nerrors, 0);
    s[65535] = 'a';
    s[65536] = '\0';
    error_has(talk_with("summary", s), PF_SUMMARY, "65536 bytes");
    /* VARCHAR(1024) URL */
    memset(s, 'a', 1100);
    memcpy(s, "https://", 8);
    s[1025] = '\0';
    error_has(talk_with("slides_url", s), PF_SLIDES_URL, "1025 characters");
}
END_TEST

START_TEST(text_and_line_cleanup)
{
    webcast_form *f;

    f = talk_with("summary", "One.\r\n\r\nTwo.\rThree.\r\n");
    ck_assert_str_eq(f->value[PF_SUMMARY], "One.\n\nTwo.\nThree.");
    error_has(talk_with("title", "a\x01" "b"), PF_TITLE, "one line");
    error_has(talk_with("title", "a\nb"), PF_TITLE, "one line");
    ck_assert_str_eq(talk_with("title", "a\tb")->value[PF_TITLE], "a b");
    error_has(talk_with("title", "caf\xe9"), PF_TITLE, "not UTF-8");
    error_has(talk_with("summary", "caf\xe9"), PF_SUMMARY, "not UTF-8");
    ck_assert_str_eq(talk_with("speaker_name", "")->value[PF_SPEAKER_NAME],
                     "");                       /* NOT NULL DEFAULT '' */
    ck_assert_ptr_eq(talk_with("speaker_affiliation", " ")
                     ->value[PF_SPEAKER_AFFILIATION], NULL);
}
END_TEST

START_TEST(checkbox)
{
    apr_table_t *t = good_talk();

    apr_table_unset(t, "has_webcast");
    ck_assert_str_eq(webcast_form_parse(test_pool, WEBCAST_PRESENTATION,
                                        la(), t)->value[PF_HAS_WEBCAST], "0");
}
END_TEST

START_TEST(download_size)
{
    webcast_form *f = talk_with("archive_bytes", " 734,003,200 ");
    const webcast_field *fields;
    int n;

    ck_assert_int_eq(f->nerrors, 0);
    ck_assert_str_eq(f->value[PF_ARCHIVE_BYTES], "734003200");
    f = talk_with("archive_bytes", "007");
    ck_assert_str_eq(f->value[PF_ARCHIVE_BYTES], "7");
    f = talk_with("archive_bytes", "");
    ck_assert_ptr_null(f->value[PF_ARCHIVE_BYTES]);
    ck_assert_ptr_null(webcast_form_parse(test_pool, WEBCAST_PRESENTATION,
                                          la(), good_talk())
                       ->value[PF_ARCHIVE_BYTES]);
    error_has(talk_with("archive_bytes", "1.5 GB"), PF_ARCHIVE_BYTES,
              "whole number");
    error_has(talk_with("archive_bytes", "-1"), PF_ARCHIVE_BYTES,
              "whole number");
    error_has(talk_with("archive_bytes", "0"), PF_ARCHIVE_BYTES,
              "at least one byte");
    error_has(talk_with("archive_bytes", "9999999999999999"),
              PF_ARCHIVE_BYTES, "petabyte");
    /* what was typed is kept, to be corrected */
    ck_assert_str_eq(talk_with("archive_bytes", "1.5 GB")
                     ->raw[PF_ARCHIVE_BYTES], "1.5 GB");
    fields = webcast_fields(WEBCAST_PRESENTATION, &n);
    ck_assert_str_eq(fields[PF_ARCHIVE_BYTES].name, "archive_bytes");
    ck_assert_str_eq(webcast_value_readable(test_pool, la(),
                     &fields[PF_ARCHIVE_BYTES], "734003200"),
                     "734003200 bytes");
}
END_TEST

START_TEST(record_round_trip)
{
    webcast_record *rec = webcast_record_new(test_pool, WEBCAST_PRESENTATION);
    webcast_form *f;
    int n;
    const webcast_field *fields = webcast_fields(WEBCAST_PRESENTATION, &n);

    rec->value[PF_STARTS_AT] = "2026-07-15 19:00:00";
    rec->value[PF_HAS_WEBCAST] = "0";
    rec->value[PF_STATE] = "concluded";
    f = webcast_form_from_record(test_pool, la(), rec);
    ck_assert_str_eq(f->raw[PF_STARTS_AT], "2026-07-15T12:00");
    ck_assert_ptr_eq(f->raw[PF_HAS_WEBCAST], NULL);
    ck_assert_str_eq(f->raw[PF_TITLE], "");
    ck_assert_str_eq(webcast_value_readable(test_pool, la(),
                     &fields[PF_STARTS_AT], rec->value[PF_STARTS_AT]),
                     "Wednesday, July 15, 2026, at noon PDT");
    ck_assert_str_eq(webcast_value_readable(test_pool, la(),
                     &fields[PF_STATE], "concluded"), "Ended");
    ck_assert_str_eq(webcast_value_readable(test_pool, la(),
                     &fields[PF_HAS_WEBCAST], "1"), "yes");
    ck_assert_str_eq(webcast_value_readable(test_pool, la(),
                     &fields[PF_TITLE], NULL), "(empty)");
    ck_assert(webcast_value_time("2026-07-15 19:00:00")
              == apr_time_from_sec(1784142000));
    ck_assert(webcast_value_time("garbage") == 0);
    ck_assert(webcast_value_equal(NULL, NULL));
    ck_assert(!webcast_value_equal(NULL, ""));
    ck_assert(webcast_value_equal("a", "a"));
}
END_TEST

START_TEST(same_record)
{
    apr_pool_t *p = test_pool;
    webcast_record *a = webcast_record_new(p, WEBCAST_PRESENTATION);
    webcast_record *b = webcast_record_new(p, WEBCAST_PRESENTATION);
    webcast_record *w = webcast_record_new(p, WEBCAST_WORKSHOP);

    a->value[PF_TITLE] = "Talk";
    b->value[PF_TITLE] = apr_pstrdup(p, "Talk");
    a->id = 7;
    b->version = 3;
    ck_assert(webcast_record_same(a, b));
    b->value[PF_EXTERNAL_URL] = "";         /* the last field; "" is not NULL */
    ck_assert(!webcast_record_same(a, b));
    b->value[PF_EXTERNAL_URL] = NULL;
    b->value[PF_ENDS_AT] = "2026-01-01 10:00:00";
    ck_assert(!webcast_record_same(a, b));
    ck_assert(!webcast_record_same(a, w));  /* another kind */
}
END_TEST

/* Audit rows may hold anything: a short "date" is shown as it is, and
 * never read past its end (found by review; ASan showed the over-read). */
START_TEST(short_dates_are_shown_as_they_are)
{
    int n, i;
    const webcast_field *fields = webcast_fields(WEBCAST_WORKSHOP, &n);
    static const char *const odd[] = { "", "2", "2026", "2026-11", "x" };

    for (i = 0; i < n; i++) {
        size_t k;
        if (fields[i].type != WEBCAST_FIELD_DATE) {
            continue;
        }
        for (k = 0; k < sizeof(odd) / sizeof(odd[0]); k++) {
            char *copy = apr_pstrdup(test_pool, odd[k]);   /* exact size */
            const char *shown = webcast_value_readable(test_pool, la(),
                                                       &fields[i], copy);
            ck_assert_ptr_nonnull(shown);
        }
    }
}
END_TEST

START_TEST(check_for_a_state_flip)
{
    const char *v[PF_COUNT] = { NULL };
    const char *err[PF_COUNT] = { NULL };

    v[PF_STARTS_AT] = "2026-11-25 20:00:00";
    v[PF_ENDS_AT] = "2026-11-25 21:00:00";
    v[PF_STATE] = "archive";
    v[PF_WEBCAST_PATH] = "kdmc/2026";
    ck_assert_int_eq(webcast_record_check(test_pool, WEBCAST_PRESENTATION, v,
                                          err), 1);
    ck_assert_ptr_ne(err[PF_WEBCAST_FILENAME], NULL);
}
END_TEST

START_TEST(urlencoded_bodies)
{
    apr_table_t *t;
    const char *body = "a=1&b=x+y%26z&c=&d&=e&&f=%C3%A9";

    ck_assert_ptr_eq(webcast_form_urldecode(test_pool, body, strlen(body),
                                            &t), NULL);
    ck_assert_str_eq(apr_table_get(t, "a"), "1");
    ck_assert_str_eq(apr_table_get(t, "b"), "x y&z");
    ck_assert_str_eq(apr_table_get(t, "c"), "");
    ck_assert_str_eq(apr_table_get(t, "d"), "");
    ck_assert_str_eq(apr_table_get(t, ""), "e");
    ck_assert_str_eq(apr_table_get(t, "f"), "\xc3\xa9");
    ck_assert_ptr_ne(webcast_form_urldecode(test_pool, "a=%4", 4, &t), NULL);
    ck_assert_ptr_ne(webcast_form_urldecode(test_pool, "a=%zz", 5, &t), NULL);
    ck_assert_ptr_ne(webcast_form_urldecode(test_pool, "a=%00", 5, &t), NULL);
    ck_assert_ptr_ne(webcast_form_urldecode(test_pool, "a=b\0c", 5, &t),
                     NULL);
    /* only len bytes are read */
    ck_assert_ptr_eq(webcast_form_urldecode(test_pool, "a=1%", 3, &t), NULL);
    ck_assert_str_eq(apr_table_get(t, "a"), "1");
    ck_assert_ptr_eq(webcast_form_urldecode(test_pool, "", 0, &t), NULL);
    ck_assert(apr_is_empty_table(t));
}
END_TEST

Suite *form_suite(void)
{
    Suite *s = suite_create("form");
    TCase *tc = tcase_with_pool("form");

    tcase_add_test(tc, workshop_values);
    tcase_add_test(tc, workshop_rules);
    tcase_add_test(tc, typed_text_is_kept);
    tcase_add_test(tc, talk_times_in_site_zone);
    tcase_add_test(tc, talk_time_rules);
    tcase_add_test(tc, talk_state_rules);
    tcase_add_test(tc, lengths_against_columns);
    tcase_add_test(tc, text_and_line_cleanup);
    tcase_add_test(tc, checkbox);
    tcase_add_test(tc, download_size);
    tcase_add_test(tc, record_round_trip);
    tcase_add_test(tc, check_for_a_state_flip);
    tcase_add_test(tc, short_dates_are_shown_as_they_are);
    tcase_add_test(tc, same_record);
    tcase_add_test(tc, urlencoded_bodies);
    suite_add_tcase(s, tc);
    return s;
}
