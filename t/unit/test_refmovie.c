/* test_refmovie.c - reference movie encoders: text, QTL, rmra. */
#include <string.h>

#include "tests.h"
#include "webcast_refmovie.h"

#define KEYNOTE "rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov"

/* What no movie may carry: CR/LF (a line of its own), other control
 * bytes, spaces, non-ASCII, nothing. */
static const char *const unsafe[] = {
    "", "rtsp://h/a\r\nb", "rtsp://h/a\nb", "rtsp://h/a\rb", "rtsp://h/a b",
    "rtsp://h/\xc3\xa9", "rtsp://h/\x7f", "rtsp://h/\t", "rtsp://h/\x01",
    "rtsp://h/\x80", NULL
};

/* The text forms, RTSPtext and QTL, take one URL. */
typedef const char *(*text_encoder)(apr_pool_t *, const char *, apr_size_t *);

static void encodes_to(text_encoder encode, const char *url, const char *want)
{
    apr_size_t len = 0;
    const char *body = encode(test_pool, url, &len);

    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(len, strlen(want));
    ck_assert_mem_eq(body, want, len);
}

static void refuses_unsafe(text_encoder encode)
{
    apr_size_t len = 0;
    int i;

    for (i = 0; unsafe[i]; i++) {
        ck_assert_msg(encode(test_pool, unsafe[i], &len) == NULL,
                      "unsafe #%d accepted", i);
    }
    ck_assert_ptr_null(encode(test_pool, NULL, &len));
}

START_TEST(rtsptext_exact_bytes)
{
    encodes_to(webcast_refmovie_rtsptext, KEYNOTE,
               "RTSPtext\r\n" KEYNOTE "\r\n");
}
END_TEST

START_TEST(rtsptext_refuses_unsafe_urls)
{
    refuses_unsafe(webcast_refmovie_rtsptext);
}
END_TEST

START_TEST(qtl_exact_bytes)
{
    encodes_to(webcast_refmovie_qtl, KEYNOTE,
        "<?xml version=\"1.0\"?>\n"
        "<?quicktime type=\"application/x-quicktime-media-link\"?>\n"
        "<embed src=\"" KEYNOTE "\" autoplay=\"true\" controller=\"true\" />\n");
}
END_TEST

START_TEST(qtl_escapes_xml)
{
    encodes_to(webcast_refmovie_qtl, "rtsp://h/a?x=1&y=<2>\"'",
        "<?xml version=\"1.0\"?>\n"
        "<?quicktime type=\"application/x-quicktime-media-link\"?>\n"
        "<embed src=\"rtsp://h/a?x=1&amp;y=&lt;2&gt;&quot;&#39;\" "
        "autoplay=\"true\" controller=\"true\" />\n");
}
END_TEST

START_TEST(qtl_refuses_unsafe_urls)
{
    refuses_unsafe(webcast_refmovie_qtl);
}
END_TEST

static void rmra_is(const webcast_alternate *alts, int n,
                    const unsigned char *want, apr_size_t want_len)
{
    apr_size_t len = 0;
    const char *body = webcast_refmovie_rmra(test_pool, alts, n, &len);

    ck_assert_ptr_nonnull(body);
    ck_assert_uint_eq(len, want_len);
    ck_assert_mem_eq(body, want, len);
}

/* The example of REFMOVIE.md: one alternate at 56 kbit/s. */
START_TEST(rmra_exact_bytes)
{
    static const webcast_alternate alt = { 56000,
                                           "rtsp://127.0.0.1:8654/test" };
    static const unsigned char want[] = {
        0,0,0,0x57, 'm','o','o','v', 0,0,0,0x4f, 'r','m','r','a',
        0,0,0,0x47, 'r','m','d','a', 0,0,0,0x10, 'r','m','d','r',
        0,0,0,0, 0,0,0xda,0xc0, 0,0,0,0x2f, 'r','d','r','f',
        0,0,0,0, 'u','r','l',' ', 0,0,0,0x1b,
        'r','t','s','p',':','/','/','1','2','7','.','0','.','0','.','1',
        ':','8','6','5','4','/','t','e','s','t', 0
    };
    rmra_is(&alt, 1, want, sizeof(want));
}
END_TEST

/* Bitrate 0: no rmdr, the rdrf alone. */
START_TEST(rmra_without_rate)
{
    static const webcast_alternate alt = { 0, "rtsp://h/a" };
    static const unsigned char want[] = {
        0,0,0,0x37, 'm','o','o','v', 0,0,0,0x2f, 'r','m','r','a',
        0,0,0,0x27, 'r','m','d','a', 0,0,0,0x1f, 'r','d','r','f',
        0,0,0,0, 'u','r','l',' ', 0,0,0,0x0b,
        'r','t','s','p',':','/','/','h','/','a', 0
    };
    rmra_is(&alt, 1, want, sizeof(want));
}
END_TEST

/* Two alternates, in the order given, each with its own rate. */
START_TEST(rmra_two_alternates)
{
    static const webcast_alternate alts[] = {
        { 28000, "rtsp://h/lo" }, { 0xFFFFFFFFu, "rtsp://h/hi" }
    };
    static const unsigned char want[] = {
        0,0,0,0x80, 'm','o','o','v', 0,0,0,0x78, 'r','m','r','a',
        0,0,0,0x38, 'r','m','d','a', 0,0,0,0x10, 'r','m','d','r',
        0,0,0,0, 0,0,0x6d,0x60, 0,0,0,0x20, 'r','d','r','f',
        0,0,0,0, 'u','r','l',' ', 0,0,0,0x0c,
        'r','t','s','p',':','/','/','h','/','l','o', 0,
        0,0,0,0x38, 'r','m','d','a', 0,0,0,0x10, 'r','m','d','r',
        0,0,0,0, 0xff,0xff,0xff,0xff, 0,0,0,0x20, 'r','d','r','f',
        0,0,0,0, 'u','r','l',' ', 0,0,0,0x0c,
        'r','t','s','p',':','/','/','h','/','h','i', 0
    };
    rmra_is(alts, 2, want, sizeof(want));
}
END_TEST

/* One bad URL among good ones spoils the whole movie. */
START_TEST(rmra_refuses_unsafe_urls)
{
    webcast_alternate alts[2] = { { 56000, "rtsp://h/ok" }, { 0, NULL } };
    apr_size_t len = 0;
    int i;

    for (i = 0; unsafe[i]; i++) {
        alts[1].url = unsafe[i];
        ck_assert_msg(webcast_refmovie_rmra(test_pool, alts, 2, &len)
                      == NULL, "unsafe #%d accepted", i);
    }
    alts[1].url = NULL;
    ck_assert_ptr_null(webcast_refmovie_rmra(test_pool, alts, 2, &len));
    ck_assert_ptr_null(webcast_refmovie_rmra(test_pool, alts, 0, &len));
    ck_assert_ptr_null(webcast_refmovie_rmra(test_pool, NULL, 1, &len));
}
END_TEST

Suite *refmovie_suite(void)
{
    Suite *s = suite_create("refmovie");
    TCase *tc = tcase_with_pool("refmovie");

    tcase_add_test(tc, rtsptext_exact_bytes);
    tcase_add_test(tc, rtsptext_refuses_unsafe_urls);
    tcase_add_test(tc, qtl_exact_bytes);
    tcase_add_test(tc, qtl_escapes_xml);
    tcase_add_test(tc, qtl_refuses_unsafe_urls);
    tcase_add_test(tc, rmra_exact_bytes);
    tcase_add_test(tc, rmra_without_rate);
    tcase_add_test(tc, rmra_two_alternates);
    tcase_add_test(tc, rmra_refuses_unsafe_urls);
    suite_add_tcase(s, tc);
    return s;
}
