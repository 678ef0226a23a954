/* test_vtt.c - the WebVTT checker: good files in every line-end style,
 * with a BOM, headers, NOTE/STYLE/REGION blocks, identifiers and cue
 * settings; every refusal names its line; cue text loses its tags; the
 * time formats. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_vtt.h"

static const char *parse(const char *s, apr_array_header_t **cues)
{
    return webcast_vtt_parse(test_pool, s, strlen(s), cues);
}

static const webcast_vtt_cue *cue(apr_array_header_t *cues, int i)
{
    return APR_ARRAY_IDX(cues, i, const webcast_vtt_cue *);
}

/* The message for s, which must be refused. */
static const char *refusal(const char *s)
{
    apr_array_header_t *cues;
    const char *err = parse(s, &cues);

    ck_assert_msg(err != NULL, "taken: %s", s);
    return err;
}

#define GOOD "WEBVTT - a talk\nKind: captions\n\n" \
    "NOTE made by hand\nover two lines\n\n" \
    "STYLE\n::cue { color: yellow }\n\n" \
    "REGION\nid:left width:40%\n\n" \
    "intro\n00:00:01.000 --> 00:00:04.500 align:start position:10%\n" \
    "Hello <v Ann>and <i>welcome</i></v>\nto the talk\n\n" \
    "00:05.000 --> 00:07.250\n&lt;b&gt; Fish &amp; chips\n\n" \
    "01:00:00.000-->01:00:01.000\n<c.loud>late</c> <00:00:00.500>words\n"

START_TEST(good_file)
{
    apr_array_header_t *cues;

    ck_assert_ptr_null(parse(GOOD, &cues));
    ck_assert_int_eq(cues->nelts, 3);
    ck_assert_int_eq(cue(cues, 0)->start, 1000);
    ck_assert_int_eq(cue(cues, 0)->end, 4500);
    ck_assert_int_eq(cue(cues, 0)->line, 14);
    ck_assert_str_eq(cue(cues, 0)->text, "Hello and welcome\nto the talk");
    ck_assert_int_eq(cue(cues, 1)->start, 5000);
    ck_assert_int_eq(cue(cues, 1)->end, 7250);
    ck_assert_str_eq(cue(cues, 1)->text, "<b> Fish & chips");
    ck_assert_int_eq(cue(cues, 2)->start, 3600000);
    ck_assert_str_eq(cue(cues, 2)->text, "late words");
}
END_TEST

/* The same file with CRLF, with CR, with a BOM, without its last line
 * end: the same cues, the same line numbers. */
START_TEST(line_ends_and_bom)
{
    const char *ends[] = { "\r\n", "\r" };
    apr_array_header_t *cues;
    int i;

    for (i = 0; i < 2; i++) {
        char *s = apr_pstrdup(test_pool, GOOD), *o;
        const char *q;

        o = apr_palloc(test_pool, strlen(s) * 2 + 1);
        o[0] = '\0';
        for (q = s; *q; q++) {
            if (*q == '\n') {
                strcat(o, ends[i]);
            }
            else {
                strncat(o, q, 1);
            }
        }
        ck_assert_ptr_null(parse(o, &cues));
        ck_assert_int_eq(cues->nelts, 3);
        ck_assert_int_eq(cue(cues, 0)->line, 14);
        ck_assert_str_eq(cue(cues, 0)->text,
                         "Hello and welcome\nto the talk");
    }
    ck_assert_ptr_null(parse("\xEF\xBB\xBFWEBVTT\n\n00:01.000 --> 00:02.000\n"
                             "x", &cues));
    ck_assert_int_eq(cues->nelts, 1);
    ck_assert_str_eq(cue(cues, 0)->text, "x");
    ck_assert_ptr_null(parse("WEBVTT", &cues));        /* no cues: fine */
    ck_assert_int_eq(cues->nelts, 0);
    ck_assert_ptr_null(parse("WEBVTT\tx\n\n00:01.000 --> 00:02.000\n",
                             &cues));
    ck_assert_str_eq(cue(cues, 0)->text, "");
    /* a stray CR between lines is a line end of its own */
    ck_assert_str_eq(refusal("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\r"
                             "bad\r\n"), "line 5: \u201cbad\u201d is not a "
                     "cue: a cue starts with its timing (e.g. 00:00:01.000 "
                     "--> 00:00:04.000), perhaps after a line naming it; a "
                     "comment starts with NOTE");
}
END_TEST

START_TEST(signature_refused)
{
    ck_assert_str_eq(refusal("1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
                     "line 1: a WebVTT file starts with the line WEBVTT, "
                     "and this one starts with \u201c1\u201d. Is it another "
                     "kind of captions file (e.g. .srt)? Export or convert "
                     "it to WebVTT (.vtt)");
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTTX\n"), "line 1:"));
    ck_assert_ptr_nonnull(strstr(refusal("webvtt\n"), "line 1:"));
    ck_assert_ptr_nonnull(strstr(refusal(" WEBVTT\n"), "line 1:"));
    ck_assert_str_eq(refusal(""), "the file is empty");
    ck_assert_str_eq(refusal("\xEF\xBB\xBF"), "the file is empty");
    /* a long first line is quoted by its start only, whole characters */
    ck_assert_ptr_nonnull(strstr(refusal("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
        "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
        "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
        "\xC3\xA9\xC3\xA9\xC3\xA9\n"), "\xC3\xA9\u2026\u201d"));
}
END_TEST

START_TEST(timings_refused)
{
    ck_assert_str_eq(refusal("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n"
                             "00:01:05.000 --> 00:01:02.000\nb\n"),
                     "line 6: the cue's end 00:01:02.000 is before its "
                     "start 00:01:05.000");
    ck_assert_str_eq(refusal("WEBVTT\n\n00:02.000 --> 00:02.000\n"),
                     "line 3: the cue ends when it starts (00:00:02.000): "
                     "its end must come after its start");
    ck_assert_str_eq(refusal("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\n"),
                     "line 3: \u201c00:00:01,000\u201d is not a time: write "
                     "hh:mm:ss.ttt or mm:ss.ttt, e.g. 00:01:02.000");
    ck_assert_str_eq(refusal("WEBVTT\n\n00:01.000 --> 1:2.000\n"),
                     "line 3: \u201c1:2.000\u201d is not a time: write "
                     "hh:mm:ss.ttt or mm:ss.ttt, e.g. 00:01:02.000");
    ck_assert_str_eq(refusal("WEBVTT\n\n00:01.000 00:02.000\n"),
                     "line 3: the start and the end of a cue go on one "
                     "line, with \u201c-->\u201d between them: 00:00:01.000 "
                     "--> 00:00:04.000");
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:60.000 --> 01:00.000"),
                                 "line 3: \u201c00:60.000\u201d"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:61:00.000 --> "
                                         "01:00:00.000"), "line 3:"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:01.00 --> 00:02.000"),
                                 "line 3:"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:01.000 --> "
                                         "00:02.0000"), "line 3:"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:01.000 --> "
                                         "00:02.000x"), "line 3:"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n00:01.000 --> "), 
                                 "\u201cnothing\u201d"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\n1234567890123:00:01.000 "
                                         "--> 1234567890123:00:02.000"),
                                 "line 3:"));
    ck_assert_str_eq(refusal("WEBVTT\n\n00:05.000 --> 00:06.000\na\n\n"
                             "00:04.000 --> 00:07.000\nb\n"),
                     "line 6: this cue starts at 00:00:04.000, before the "
                     "cue above it (00:00:05.000): cues must be in the "
                     "order of their start");
}
END_TEST

START_TEST(timings_taken)
{
    apr_array_header_t *cues;

    /* one-digit hours, as browsers take them; no spaces around -->;
     * tabs; settings; cues starting together */
    ck_assert_ptr_null(parse("WEBVTT\n\n1:00:00.000 --> 1:00:01.000\na\n\n"
                             "1:00:00.000\t-->\t1:00:02.000 line:0 "
                             "vertical:rl\nb\n\n"
                             "123:00:00.001-->123:00:00.002\nc", &cues));
    ck_assert_int_eq(cues->nelts, 3);
    ck_assert_int_eq(cue(cues, 1)->end, 3602000);
    ck_assert_int_eq(cue(cues, 2)->start, (apr_int64_t)123 * 3600000 + 1);
}
END_TEST

START_TEST(blocks_refused)
{
    ck_assert_str_eq(refusal("WEBVTT\n00:01.000 --> 00:02.000\n"),
                     "line 2: a blank line must come between the WEBVTT "
                     "line (and its header) and the first cue");
    ck_assert_str_eq(refusal("WEBVTT\n\n00:01.000 --> 00:02.000\na\n"
                             "00:03.000 --> 00:04.000\nb\n"),
                     "line 5: a blank line is missing before this cue (or "
                     "its text holds \u201c-->\u201d, which WebVTT does not "
                     "allow)");
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\nid only\n\n"),
                                 "line 3: \u201cid only\u201d is not a cue"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\nid\ntext\n"),
                                 "line 3: \u201cid\u201d is not a cue"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\nNOTES\nx\n"),
                                 "line 3:"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\nid\n"), "line 3:"));
}
END_TEST

START_TEST(bytes_refused)
{
    apr_array_header_t *cues;
    char *big;
    const char nul[] = "WEBVTT\n\n00:01.000 --> 00:02.000\na\0b\n";

    ck_assert_str_eq(refusal("WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\xE9\n"),
                     "line 4: the file is not UTF-8 text (byte 0xE9). Save "
                     "it again with the encoding UTF-8");
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\r\n\r\n\xC0\x80"),
                                 "line 3: the file is not UTF-8"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\xED\xA0\x80"), "line 2"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\xF4\x90\x80\x80"),
                                 "line 2"));
    ck_assert_ptr_nonnull(strstr(refusal("WEBVTT\n\xE2\x82"), "line 2"));
    ck_assert_str_eq(webcast_vtt_parse(test_pool, nul, sizeof(nul) - 1,
                                       &cues),
                     "line 4: the file holds a NUL byte, so it is not a "
                     "text file. Save it again as WebVTT (.vtt) text");
    big = apr_palloc(test_pool, WEBCAST_VTT_MAX + 1);
    memset(big, '\n', WEBCAST_VTT_MAX + 1);
    memcpy(big, "WEBVTT", 6);
    ck_assert_ptr_null(webcast_vtt_parse(test_pool, big, WEBCAST_VTT_MAX,
                                         &cues));
    ck_assert_str_eq(webcast_vtt_parse(test_pool, big, WEBCAST_VTT_MAX + 1,
                                       &cues),
                     "the file is larger than 1024 KB, the most this site "
                     "takes for captions");
    /* good UTF-8 of every length */
    ck_assert_ptr_null(parse("WEBVTT\n\n00:01.000 --> 00:02.000\n"
                             "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\xA5\n",
                             &cues));
    ck_assert_str_eq(cue(cues, 0)->text,
                     "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x8E\xA5");
}
END_TEST

/* Markup in cue text never survives as markup: tags go, escapes become
 * the characters the page then escapes again. */
START_TEST(hostile_text)
{
    apr_array_header_t *cues;

    ck_assert_ptr_null(parse("WEBVTT\n\n00:01.000 --> 00:02.000\n"
                             "<script>alert(1)</script>&lt;script&gt;"
                             "<b onmouseover=\"x\">\"q\" &amp;amp; &bogus; "
                             "<unclosed", &cues));
    ck_assert_str_eq(cue(cues, 0)->text, "alert(1)<script>\"q\" &amp; "
                     "&bogus; ");
}
END_TEST

START_TEST(times)
{
    ck_assert_str_eq(webcast_vtt_time(test_pool, 0), "00:00:00.000");
    ck_assert_str_eq(webcast_vtt_time(test_pool, 62000), "00:01:02.000");
    ck_assert_str_eq(webcast_vtt_time(test_pool, (apr_int64_t)123 * 3600000
                                      + 61001), "123:01:01.001");
    ck_assert_str_eq(webcast_vtt_clock(test_pool, 62999), "1:02");
    ck_assert_str_eq(webcast_vtt_clock(test_pool, 5000), "0:05");
    ck_assert_str_eq(webcast_vtt_clock(test_pool, 3723000), "1:02:03");
    ck_assert_str_eq(webcast_vtt_seconds(test_pool, 62000), "62");
    ck_assert_str_eq(webcast_vtt_seconds(test_pool, 62500), "62.5");
    ck_assert_str_eq(webcast_vtt_seconds(test_pool, 1), "0.001");
    ck_assert_str_eq(webcast_vtt_seconds(test_pool, 0), "0");
}
END_TEST

Suite *vtt_suite(void)
{
    Suite *s = suite_create("vtt");
    TCase *tc = tcase_with_pool("vtt");

    tcase_add_test(tc, good_file);
    tcase_add_test(tc, line_ends_and_bom);
    tcase_add_test(tc, signature_refused);
    tcase_add_test(tc, timings_refused);
    tcase_add_test(tc, timings_taken);
    tcase_add_test(tc, blocks_refused);
    tcase_add_test(tc, bytes_refused);
    tcase_add_test(tc, hostile_text);
    tcase_add_test(tc, times);
    suite_add_tcase(s, tc);
    return s;
}
