/* test_refmovie.c - reference movie encoders. */
#include <string.h>

#include "tests.h"
#include "webcast_refmovie.h"

START_TEST(rtsptext_exact_bytes)
{
    apr_size_t len = 0;
    const char *body = webcast_refmovie_rtsptext(test_pool,
        "rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov", &len);
    static const char want[] =
        "RTSPtext\r\nrtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov\r\n";

    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(len, sizeof(want) - 1);
    ck_assert_mem_eq(body, want, len);
}
END_TEST

START_TEST(rtsptext_refuses_unsafe_urls)
{
    static const char *const bad[] = {
        "", "rtsp://h/a\r\nb", "rtsp://h/a\nb", "rtsp://h/a b",
        "rtsp://h/\xc3\xa9", "rtsp://h/\x7f", "rtsp://h/\t", NULL
    };
    apr_size_t len = 0;
    int i;

    for (i = 0; bad[i]; i++) {
        ck_assert_msg(webcast_refmovie_rtsptext(test_pool, bad[i], &len)
                      == NULL, "bad #%d accepted", i);
    }
    ck_assert_ptr_null(webcast_refmovie_rtsptext(test_pool, NULL, &len));
}
END_TEST

Suite *refmovie_suite(void)
{
    Suite *s = suite_create("refmovie");
    TCase *tc = tcase_with_pool("refmovie");

    tcase_add_test(tc, rtsptext_exact_bytes);
    tcase_add_test(tc, rtsptext_refuses_unsafe_urls);
    suite_add_tcase(s, tc);
    return s;
}
