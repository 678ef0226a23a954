/* test_pattern.c - URL pattern compiler and placeholder encoder. */
#include <string.h>

#include "tests.h"
#include "webcast_pattern.h"

#define ARCHIVE (WEBCAST_PH_BIT(WEBCAST_PH_PATH) | WEBCAST_PH_BIT(WEBCAST_PH_FILE) \
                 | WEBCAST_PH_BIT(WEBCAST_PH_ID))
#define LIVE (WEBCAST_PH_BIT(WEBCAST_PH_STREAM) | WEBCAST_PH_BIT(WEBCAST_PH_ID))

static const char *expand(const char *src, unsigned allowed, const char *path,
                          const char *file, const char *id,
                          const char *stream)
{
    webcast_pattern *pat = NULL;
    const char *values[WEBCAST_PH_COUNT] = { NULL, path, file, id, stream };
    const char *err = webcast_pattern_compile(test_pool, src, allowed, &pat);

    ck_assert_msg(err == NULL, "compile %s: %s", src, err ? err : "");
    return webcast_pattern_expand(test_pool, pat, values);
}

START_TEST(expands_spec_example)
{
    ck_assert_str_eq(expand("rtsp://qtss.example.edu/{path}/{file}", ARCHIVE,
                            "kdmc/2025", "lunch-keynote.mov", "7", NULL),
                     "rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov");
    ck_assert_str_eq(expand("rtsp://h/{stream}", LIVE, NULL, NULL, "24",
                            "kdmc-room1.sdp"), "rtsp://h/kdmc-room1.sdp");
    ck_assert_str_eq(expand("https://m/vod/{id}/index.m3u8", ARCHIVE, NULL,
                            NULL, "227", NULL), "https://m/vod/227/index.m3u8");
}
END_TEST

START_TEST(values_are_percent_encoded)
{
    /* '/' is kept in {path} only; UTF-8 and reserved bytes are encoded */
    ck_assert_str_eq(expand("rtsp://h/{path}/{file}", ARCHIVE,
                            "/a b/Jos\xc3\xa9/", "x/y?#%.mov", "1", NULL),
                     "rtsp://h/a%20b/Jos%C3%A9/x%2Fy%3F%23%25.mov");
}
END_TEST

START_TEST(hostile_values_never_expand)
{
    static const char *const paths[] = {
        "", "/", "a/../b", "..", "./a", "a//b", "a\r\nb", "a\tb", "a\x7f", NULL
    };
    static const char *const files[] = {
        "", ".", "..", "x\r\nRTSPtext", "x\ny", "\x01", NULL
    };
    int i;

    for (i = 0; paths[i]; i++) {
        ck_assert_msg(expand("rtsp://h/{path}/{file}", ARCHIVE, paths[i],
                             "f.mov", "1", NULL) == NULL,
                      "path #%d expanded", i);
    }
    for (i = 0; files[i]; i++) {
        ck_assert_msg(expand("rtsp://h/{path}/{file}", ARCHIVE, "p",
                             files[i], "1", NULL) == NULL,
                      "file #%d expanded", i);
    }
    ck_assert_ptr_null(expand("rtsp://h/{path}/{file}", ARCHIVE, NULL,
                              "f.mov", "1", NULL));
    ck_assert_ptr_null(expand("rtsp://h/{stream}", LIVE, NULL, NULL, "1",
                              NULL));
}
END_TEST

static const char *compile_error(const char *src, unsigned allowed)
{
    webcast_pattern *pat = NULL;
    return webcast_pattern_compile(test_pool, src, allowed, &pat);
}

START_TEST(config_errors_name_the_problem)
{
    const char *err;

    err = compile_error("rtsp://h/{path}/{fiel}", ARCHIVE);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, "{fiel}") && strstr(err, "{file}"), "%s", err);
    err = compile_error("rtsp://h/{stream}", ARCHIVE);
    ck_assert_ptr_nonnull(strstr(err, "unknown placeholder {stream}"));
    ck_assert_ptr_nonnull(strstr(compile_error("rtsp://h/{file", ARCHIVE),
                                 "unmatched '{'"));
    ck_assert_ptr_nonnull(strstr(compile_error("rtsp://h/file}", ARCHIVE),
                                 "unmatched '}'"));
    ck_assert_ptr_nonnull(strstr(compile_error("", ARCHIVE), "needs"));
    ck_assert_ptr_nonnull(compile_error("qtss.example.edu/{file}", ARCHIVE));
    ck_assert_ptr_nonnull(compile_error("rtsp://{file}", ARCHIVE));
    ck_assert_ptr_nonnull(compile_error("rtsp://h/a b/{file}", ARCHIVE));
    ck_assert_ptr_nonnull(compile_error("rtsp://h/\xc3\xa9/{file}", ARCHIVE));
    ck_assert_ptr_null(compile_error("rtsp://h:554/{path}/{file}", ARCHIVE));
}
END_TEST

START_TEST(uses_mask)
{
    webcast_pattern *pat = NULL;

    ck_assert_ptr_null(webcast_pattern_compile(test_pool,
        "rtsp://h/{path}/{file}", ARCHIVE, &pat));
    ck_assert_uint_eq(pat->uses, WEBCAST_PH_BIT(WEBCAST_PH_PATH)
                                 | WEBCAST_PH_BIT(WEBCAST_PH_FILE));
    ck_assert_str_eq(webcast_pattern_names(test_pool, LIVE),
                     "{id}, {stream}");
}
END_TEST

Suite *pattern_suite(void)
{
    Suite *s = suite_create("pattern");
    TCase *tc = tcase_with_pool("pattern");

    tcase_add_test(tc, expands_spec_example);
    tcase_add_test(tc, values_are_percent_encoded);
    tcase_add_test(tc, hostile_values_never_expand);
    tcase_add_test(tc, config_errors_name_the_problem);
    tcase_add_test(tc, uses_mask);
    suite_add_tcase(s, tc);
    return s;
}
