/* test_html.c - HTML escaping and the linkable-URL rules. */
#include <string.h>

#include "tests.h"
#include "webcast_html.h"

START_TEST(escapes_markup_and_quotes)
{
    ck_assert_str_eq(webcast_html(test_pool, "<a href=\"x\" title='y'>&</a>"),
                     "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;"
                     "&lt;/a&gt;");
    ck_assert_str_eq(webcast_html(test_pool, NULL), "");
    ck_assert_str_eq(webcast_html(test_pool, ""), "");
}
END_TEST

START_TEST(keeps_valid_utf8_and_whitespace)
{
    const char *s = "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez \xf0\xa0\xae\xb7\t\r\n";
    ck_assert_str_eq(webcast_html(test_pool, s), s);
}
END_TEST

START_TEST(replaces_controls_and_bad_utf8)
{
    static const struct { const char *in, *out; } cases[] = {
        { "a\x01" "b", "a\xEF\xBF\xBD" "b" },
        { "\x7f", "\xEF\xBF\xBD" },
        { "\xff", "\xEF\xBF\xBD" },                     /* never valid */
        { "\xc3", "\xEF\xBF\xBD" },                     /* truncated */
        { "\xc0\xaf", "\xEF\xBF\xBD\xEF\xBF\xBD" },     /* overlong '/' */
        { "\xed\xa0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" }, /* surrogate */
        { "\xf4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                              "\xEF\xBF\xBD" },         /* > U+10FFFF */
        { "\xe2\x82<", "\xEF\xBF\xBD\xEF\xBF\xBD&lt;" },
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_msg(strcmp(webcast_html(test_pool, cases[i].in),
                             cases[i].out) == 0, "case %d", (int)i);
    }
}
END_TEST

START_TEST(only_http_urls_are_linkable)
{
    ck_assert(webcast_url_linkable("https://www.c-span.org/?a=1&b=2"));
    ck_assert(webcast_url_linkable("HTTP://example.org/x.ppt"));
    ck_assert(!webcast_url_linkable("javascript:alert(1)"));
    ck_assert(!webcast_url_linkable(" https://example.org/"));
    ck_assert(!webcast_url_linkable("data:text/html,<b>"));
    ck_assert(!webcast_url_linkable("//evil.example/"));
    ck_assert(!webcast_url_linkable("https://"));
    ck_assert(!webcast_url_linkable("https:///path"));
    ck_assert(!webcast_url_linkable("https://a b/"));
    ck_assert(!webcast_url_linkable("https://a/\r\nx"));
    ck_assert(!webcast_url_linkable("https://\xc3\xa9.example/"));
    ck_assert(!webcast_url_linkable("rtsp://qtss.example.edu/x"));
    ck_assert(!webcast_url_linkable(NULL));
}
END_TEST

START_TEST(site_paths_are_linkable_only_as_paths)
{
    ck_assert(webcast_url_site_relative("/slides/2026/talk.pdf"));
    ck_assert(webcast_url_site_relative("/"));
    ck_assert(webcast_url_site_relative("/a?b=1&c=2#d"));
    ck_assert(!webcast_url_site_relative("//evil.example/x.ppt"));
    ck_assert(!webcast_url_site_relative("/\\evil.example/x.ppt"));
    ck_assert(!webcast_url_site_relative("javascript:alert(1)"));
    ck_assert(!webcast_url_site_relative(" /slides/x.pdf"));
    ck_assert(!webcast_url_site_relative("/slides/a b.pdf"));
    ck_assert(!webcast_url_site_relative("/slides/x.pdf\r\nSet-Cookie: a"));
    ck_assert(!webcast_url_site_relative("/\tslides"));
    ck_assert(!webcast_url_site_relative("/\x7f"));
    ck_assert(!webcast_url_site_relative("/caf\xc3\xa9.pdf"));
    ck_assert(!webcast_url_site_relative("slides/x.pdf"));
    ck_assert(!webcast_url_site_relative("https://example.org/x.pdf"));
    ck_assert(!webcast_url_site_relative(""));
    ck_assert(!webcast_url_site_relative(NULL));
    /* and the other rule still wants http(s) */
    ck_assert(!webcast_url_linkable("/slides/2026/talk.pdf"));
}
END_TEST

/* the text primitives the readers share (form, CSV import, frab) */
START_TEST(trims_and_reads_digits)
{
    const char *s = "2026-11", *at;
    int v = -1;

    ck_assert_str_eq(webcast_trim(test_pool, " \t a b \r\n"), "a b");
    ck_assert_str_eq(webcast_trim(test_pool, " \n "), "");
    ck_assert_int_eq(webcast_digits(&s, 4, &v), 1);
    ck_assert_int_eq(v, 2026);
    ck_assert_str_eq(s, "-11");
    at = s;
    ck_assert_int_eq(webcast_digits(&s, 2, &v), 0);    /* "-1" */
    ck_assert_ptr_eq(s, at);                            /* not moved */
    s = "1";
    ck_assert_int_eq(webcast_digits(&s, 2, &v), 0);    /* too few */
}
END_TEST

Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_with_pool("html");

    tcase_add_test(tc, escapes_markup_and_quotes);
    tcase_add_test(tc, keeps_valid_utf8_and_whitespace);
    tcase_add_test(tc, replaces_controls_and_bad_utf8);
    tcase_add_test(tc, only_http_urls_are_linkable);
    tcase_add_test(tc, site_paths_are_linkable_only_as_paths);
    tcase_add_test(tc, trims_and_reads_digits);
    suite_add_tcase(s, tc);
    return s;
}
