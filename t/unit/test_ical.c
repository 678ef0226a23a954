/* test_ical.c - iCalendar: TEXT escaping, folding that never splits
 * UTF-8, UTC times, SEQUENCE, the calendar and what its events say, and
 * what the feeds share (lib/webcast_feed.c). */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_html.h"
#include "webcast_ical.h"

#define T0 1782932400               /* 2026-07-01T19:00:00Z */

START_TEST(text_is_escaped)
{
    static const struct { const char *in, *out; } cases[] = {
        { "", "" },
        { "plain", "plain" },
        { "a,b;c\\d", "a\\,b\\;c\\\\d" },
        { "one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour" },
        { "tab\there", "tab\there" },
        { "\x01\x08\x0b\x1f\x7f|", "|" },           /* controls dropped */
        { "END:VEVENT", "END:VEVENT" },             /* inert: one line */
        { "Jos\xc3\xa9 \xf0\x9f\x8e\xa5", "Jos\xc3\xa9 \xf0\x9f\x8e\xa5" },
        { "\xff", "\xef\xbf\xbd" },                 /* never UTF-8 */
        { "\xc3", "\xef\xbf\xbd" },                 /* truncated */
        { "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_str_eq(webcast_ical_text(test_pool, cases[i].in),
                         cases[i].out);
    }
    ck_assert_str_eq(webcast_ical_text(test_pool, NULL), "");
}
END_TEST

/* Check a folded line: CRLF after each physical line, at most 75 octets
 * each, continuations start with one space, every physical line valid
 * UTF-8, and unfolding gives back `line`. */
static void check_folded(const char *line, const char *folded)
{
    const char *s = folded;
    char *unfolded = apr_pstrdup(test_pool, "");
    int first = 1;

    while (*s) {
        const char *crlf = strstr(s, "\r\n");
        apr_size_t n, i;

        ck_assert_msg(crlf != NULL, "no CRLF after \"%s\"", s);
        n = (apr_size_t)(crlf - s);
        ck_assert_msg(n <= 75, "a line of %lu octets", (unsigned long)n);
        if (!first) {
            ck_assert_msg(n >= 2 && s[0] == ' ', "continuation: \"%.*s\"",
                          (int)n, s);
            s++, n--;
        }
        for (i = 0; i < n;) {
            apr_size_t len = webcast_utf8_len(s + i);
            ck_assert_msg(len > 0 && i + len <= n,
                          "UTF-8 split at octet %lu of \"%.*s\"",
                          (unsigned long)i, (int)n, s);
            i += len;
        }
        unfolded = apr_pstrcat(test_pool, unfolded,
                               apr_pstrndup(test_pool, s, n), NULL);
        s = crlf + 2;
        first = 0;
    }
    ck_assert_str_eq(unfolded, line);
}

/* Every physical line of a calendar: CRLF-terminated, at most 75
 * octets, valid UTF-8 by itself, no control character but tab. */
static void check_document(const char *ics)
{
    while (*ics) {
        const char *crlf = strstr(ics, "\r\n");
        apr_size_t n, i;

        ck_assert_msg(crlf != NULL, "no CRLF after \"%s\"", ics);
        n = (apr_size_t)(crlf - ics);
        ck_assert_msg(n <= 75, "a line of %lu octets", (unsigned long)n);
        for (i = 0; i < n;) {
            apr_size_t len = webcast_utf8_len(ics + i);
            ck_assert_msg(len > 0 && i + len <= n, "UTF-8 split in \"%.*s\"",
                          (int)n, ics);
            ck_assert(len > 1 || ics[i] == '\t'
                      || (unsigned char)ics[i] >= 0x20);
            i += len;
        }
        ics = crlf + 2;
    }
}

START_TEST(folding_keeps_utf8_whole)
{
    static const char *const chars[] = {
        "a", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x8e\xa5"
    };
    char *line;
    int c, pad, len;

    ck_assert_str_eq(webcast_ical_fold(test_pool, "SUMMARY:x"),
                     "SUMMARY:x\r\n");
    ck_assert_str_eq(webcast_ical_fold(test_pool, ""), "\r\n");
    /* exactly 75 octets stay on one line; 76 do not */
    line = apr_pstrcat(test_pool, "X:", apr_psprintf(test_pool, "%073d", 0),
                       NULL);
    ck_assert_str_eq(webcast_ical_fold(test_pool, line),
                     apr_pstrcat(test_pool, line, "\r\n", NULL));
    line = apr_pstrcat(test_pool, line, "1", NULL);
    ck_assert_str_eq(webcast_ical_fold(test_pool, line),
                     apr_pstrcat(test_pool, apr_pstrndup(test_pool, line, 75),
                                 "\r\n 1\r\n", NULL));
    /* a multibyte character never straddles a fold, wherever it falls */
    for (c = 0; c < 4; c++) {
        for (pad = 0; pad < 80; pad++) {
            line = apr_psprintf(test_pool, "DESCRIPTION:%0*d", pad + 1, 0);
            for (len = 0; len < 120; len++) {
                line = apr_pstrcat(test_pool, line, chars[c], NULL);
            }
            check_folded(line, webcast_ical_fold(test_pool, line));
        }
    }
}
END_TEST

START_TEST(times_and_sequence)
{
    ck_assert_str_eq(webcast_ical_time(test_pool, apr_time_from_sec(T0)),
                     "20260701T190000Z");
    ck_assert_int_eq(webcast_ical_sequence(apr_time_from_sec(1577836800)), 0);
    ck_assert_int_eq(webcast_ical_sequence(apr_time_from_sec(1577836801)), 1);
    ck_assert_int_eq(webcast_ical_sequence(apr_time_from_sec(1000)), 0);
    ck_assert_int_eq(webcast_ical_sequence(apr_time_from_sec(T0)),
                     T0 - 1577836800);
    ck_assert_int_lt(webcast_ical_sequence(apr_time_from_sec(T0)),
                     webcast_ical_sequence(apr_time_from_sec(T0 + 1)));
    /* RFC 5545 INTEGER is 32-bit: capped, never wrapped */
    ck_assert_int_eq(webcast_ical_sequence(apr_time_from_sec(
                         APR_INT64_C(1577836800) + APR_INT64_C(3000000000))),
                     2147483647);
}
END_TEST

static webcast_feed feed(void)
{
    webcast_feed f;

    memset(&f, 0, sizeof(f));
    f.base = "https://webcasts.example.edu/kdmc";
    f.domain = "webcasts.example.edu";
    f.title = "Reporting, 2026";
    f.now = apr_time_from_sec(T0 + 1800);
    return f;
}

static webcast_presentation talk(apr_uint32_t id, webcast_state state)
{
    webcast_presentation p;

    memset(&p, 0, sizeof(p));
    p.id = id;
    p.title = "Talk";
    p.speaker_name = "Maria Alvarez";
    p.has_webcast = 1;
    p.state = p.stored_state = state;
    p.starts_at = apr_time_from_sec(T0);
    p.ends_at = apr_time_from_sec(T0 + 3600);
    p.updated_at = apr_time_from_sec(T0 - 86400);
    return p;
}

/* The calendar unfolded, for looking at whole properties. */
static const char *unfold(const char *s)
{
    char *out = apr_pstrdup(test_pool, s), *o = out;

    for (; *s; s++) {
        if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
            s += 2;
            continue;
        }
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static int count(const char *s, const char *what)
{
    int n = 0;

    while ((s = strstr(s, what)) != NULL) {
        n++, s += strlen(what);
    }
    return n;
}

START_TEST(state_sentences)
{
    webcast_feed f = feed();
    static const struct { webcast_state state; const char *says; } cases[] = {
        { WEBCAST_STATE_UPCOMING, "Will be webcast live at "
          "https://webcasts.example.edu/kdmc/presentations/7/" },
        { WEBCAST_STATE_LIVE, "Watch live at "
          "https://webcasts.example.edu/kdmc/presentations/7/" },
        { WEBCAST_STATE_CONCLUDED, "The archived video will be posted soon" },
        { WEBCAST_STATE_ARCHIVE, "Watch the archive at "
          "https://webcasts.example.edu/kdmc/presentations/7/" },
    };
    webcast_presentation p;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        p = talk(7, cases[i].state);
        ck_assert_str_eq(webcast_feed_says(test_pool, &f, &p), cases[i].says);
    }
    p = talk(7, WEBCAST_STATE_EXTERNAL);
    p.external_name = "C-SPAN";
    p.external_url = "https://www.c-span.org/";
    ck_assert_str_eq(webcast_feed_says(test_pool, &f, &p),
                     "Webcast by C-SPAN: https://www.c-span.org/");
    p.external_url = "javascript:alert(1)";      /* never shown */
    ck_assert_str_eq(webcast_feed_says(test_pool, &f, &p),
                     "Webcast by C-SPAN");
    p.external_name = NULL;
    ck_assert_str_eq(webcast_feed_says(test_pool, &f, &p),
                     "Webcast by a partner");
    p = talk(7, WEBCAST_STATE_ARCHIVE);
    p.has_webcast = 0;
    ck_assert_str_eq(webcast_feed_says(test_pool, &f, &p), "Not webcast");
    p = talk(7, WEBCAST_STATE_UNKNOWN);
    ck_assert_ptr_null(webcast_feed_says(test_pool, &f, &p));
    ck_assert_str_eq(webcast_feed_uid(test_pool, &f, &p),
                     "presentation-7@webcasts.example.edu");
}
END_TEST

START_TEST(modified_follows_row_and_clock)
{
    webcast_presentation p = talk(7, WEBCAST_STATE_LIVE);
    apr_time_t now = apr_time_from_sec(T0 + 1800);

    /* manual: the row's time */
    ck_assert(webcast_feed_modified(&p, now) == p.updated_at);
    /* following the schedule: the start that passed */
    p.webcast_auto = 1;
    ck_assert(webcast_feed_modified(&p, now) == p.starts_at);
    ck_assert(webcast_feed_modified(&p, apr_time_from_sec(T0 + 7200))
              == p.ends_at);
    /* a later edit of the row wins */
    p.updated_at = apr_time_from_sec(T0 + 1000);
    ck_assert(webcast_feed_modified(&p, now) == p.updated_at);
}
END_TEST

START_TEST(calendar_document)
{
    webcast_feed f = feed();
    webcast_presentation a = talk(7, WEBCAST_STATE_LIVE);
    webcast_presentation b = talk(8, WEBCAST_STATE_ARCHIVE);
    webcast_presentation c = talk(9, WEBCAST_STATE_UPCOMING);
    const webcast_presentation *list[3];
    const char *ics, *u;
    int i;

    a.webcast_auto = 1;
    a.speaker_affiliation = "The Times";
    a.workshop_title = "Reporting 2026";
    a.workshop_location = "Room 1, Hall B";
    a.summary = "First line.\nSecond; with, punctuation.";
    b.ends_at = b.starts_at;            /* no time: no DTEND */
    c.title = "Evil\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:x";
    /* a long multibyte summary, folded many times */
    c.summary = "x";
    for (i = 0; i < 8; i++) {
        c.summary = apr_pstrcat(test_pool, c.summary, "\xc3\xa9\xe2\x82\xac"
                                "\xf0\x9f\x8e\xa5,;", NULL);
    }
    list[0] = &a, list[1] = &b, list[2] = &c;
    ics = webcast_ical_calendar(test_pool, &f, list, 3);
    check_document(ics);
    u = unfold(ics);
    ck_assert(strncmp(u, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:",
                      37) == 0);
    ck_assert_ptr_nonnull(strstr(u, "\r\nMETHOD:PUBLISH\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "\r\nX-WR-CALNAME:Reporting\\, 2026"
                                    "\r\n"));
    ck_assert_int_eq(count(u, "BEGIN:VEVENT\r\n"), 3);
    ck_assert_int_eq(count(u, "\r\nEND:VEVENT\r\n"), 3);
    ck_assert(strcmp(u + strlen(u) - 15, "END:VCALENDAR\r\n") == 0);
    ck_assert_ptr_nonnull(strstr(u, "\r\nUID:presentation-7@webcasts.example"
                                    ".edu\r\nDTSTAMP:20260701T190000Z\r\n"
                                    "DTSTART:20260701T190000Z\r\n"
                                    "DTEND:20260701T200000Z\r\n"
                                    "SEQUENCE:205095600\r\n"
                                    "LAST-MODIFIED:20260701T190000Z\r\n"
                                    "SUMMARY:Talk\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "\r\nDESCRIPTION:Watch live at https://"
        "webcasts.example.edu/kdmc/presentations/7/\\n\\nSpeaker: Maria "
        "Alvarez\\, The Times\\nWorkshop: Reporting 2026\\n\\nFirst line."
        "\\nSecond\\; with\\, punctuation.\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "\r\nLOCATION:Room 1\\, Hall B\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "\r\nURL:https://webcasts.example.edu/"
                                    "kdmc/presentations/7/\r\n"));
    /* manual archive: the row's time; no DTEND for an instant */
    ck_assert_ptr_nonnull(strstr(u, "UID:presentation-8@webcasts.example.edu"
                                    "\r\nDTSTAMP:20260630T190000Z\r\n"
                                    "DTSTART:20260701T190000Z\r\n"
                                    "SEQUENCE:205009200\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "DESCRIPTION:Watch the archive at "));
    /* the hostile title is one escaped SUMMARY */
    ck_assert_ptr_nonnull(strstr(u, "\r\nSUMMARY:Evil\\nEND:VEVENT\\nBEGIN:"
                                    "VEVENT\\nSUMMARY:x\r\n"));
    ck_assert_ptr_nonnull(strstr(u, "DESCRIPTION:Will be webcast live at "));
}
END_TEST

START_TEST(empty_calendar)
{
    webcast_feed f = feed();
    const char *ics = webcast_ical_calendar(test_pool, &f, NULL, 0);

    ck_assert_int_eq(count(ics, "BEGIN:VEVENT"), 0);
    ck_assert_ptr_nonnull(strstr(ics, "END:VCALENDAR\r\n"));
    /* an event's URL is only a plain http(s) one */
    {
        webcast_presentation p = talk(7, WEBCAST_STATE_LIVE);
        const webcast_presentation *one = &p;

        f.base = "https://bad host";
        ics = webcast_ical_calendar(test_pool, &f, &one, 1);
        ck_assert_ptr_null(strstr(ics, "\r\nURL:"));
    }
}
END_TEST

Suite *ical_suite(void)
{
    Suite *s = suite_create("ical");
    TCase *tc = tcase_with_pool("ical");

    tcase_add_test(tc, text_is_escaped);
    tcase_add_test(tc, folding_keeps_utf8_whole);
    tcase_add_test(tc, times_and_sequence);
    tcase_add_test(tc, state_sentences);
    tcase_add_test(tc, modified_follows_row_and_clock);
    tcase_add_test(tc, calendar_document);
    tcase_add_test(tc, empty_calendar);
    suite_add_tcase(s, tc);
    return s;
}
