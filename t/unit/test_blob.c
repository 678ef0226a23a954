/* test_blob.c - the shared cache's format: what is written reads back the
 * same, and nothing but a whole blob reads back at all. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_blob.h"

static webcast_response page(void)
{
    static const char gz[] = { 0x1f, (char)0x8b, 0, 1, 2 };
    webcast_response r;

    memset(&r, 0, sizeof(r));
    r.content_type = "text/html; charset=utf-8";
    r.head = "<!DOCTYPE html><head>";
    r.body = "<main>the page</main>";
    r.tail = "</html>";
    r.is_page = 1;
    r.last_modified = APR_INT64_C(1764000000000000);
    r.etag = "\"0123456789abcdef\"";
    r.max_age = 300;
    r.expires = APR_INT64_C(1764000060000000);
    r.codings = WEBCAST_ENC_BIT(WEBCAST_ENC_GZIP) | WEBCAST_ENC_BIT(WEBCAST_ENC_BR);
    r.coded[WEBCAST_ENC_GZIP].data = gz;
    r.coded[WEBCAST_ENC_GZIP].len = sizeof(gz);
    r.coded[WEBCAST_ENC_BR].data = "";
    r.coded[WEBCAST_ENC_BR].len = 0;
    return r;
}

START_TEST(what_is_written_reads_back)
{
    webcast_response in = page(), out;
    apr_time_t until = 0;
    apr_size_t len;
    const char *blob = webcast_blob_encode(test_pool, &in, 1234567, &len);

    ck_assert_ptr_nonnull(blob);
    ck_assert_int_eq(webcast_blob_decode(blob, len, &out, &until), 1);
    ck_assert_int_eq(until, 1234567);
    ck_assert_str_eq(out.content_type, in.content_type);
    ck_assert_str_eq(out.head, in.head);
    ck_assert_str_eq(out.body, in.body);
    ck_assert_str_eq(out.tail, in.tail);
    ck_assert_str_eq(out.etag, in.etag);
    ck_assert_int_eq(out.is_page, 1);
    ck_assert_int_eq(out.max_age, 300);
    ck_assert(out.last_modified == in.last_modified);
    ck_assert(out.expires == in.expires);
    ck_assert_uint_eq(out.codings, in.codings);
    ck_assert_uint_eq(out.coded[WEBCAST_ENC_GZIP].len, 5);
    ck_assert_int_eq(memcmp(out.coded[WEBCAST_ENC_GZIP].data,
                            in.coded[WEBCAST_ENC_GZIP].data, 5), 0);
    ck_assert_ptr_nonnull(out.coded[WEBCAST_ENC_BR].data);  /* empty, not none */
    ck_assert_uint_eq(out.coded[WEBCAST_ENC_BR].len, 0);
    /* decoded in place: no copy */
    ck_assert(out.body > blob && out.body < blob + len);
}
END_TEST

START_TEST(absent_parts_stay_absent)
{
    webcast_response in, out;
    apr_time_t until;
    apr_size_t len;
    const char *blob;

    memset(&in, 0, sizeof(in));
    in.content_type = "video/quicktime";
    in.body = "RTSPtext\r\nrtsp://h/x\r\n";
    blob = webcast_blob_encode(test_pool, &in, 5, &len);
    ck_assert_int_eq(webcast_blob_decode(blob, len, &out, &until), 1);
    ck_assert_ptr_null(out.head);
    ck_assert_ptr_null(out.tail);
    ck_assert_ptr_null(out.etag);
    ck_assert_ptr_null(out.coded[WEBCAST_ENC_GZIP].data);
    ck_assert_uint_eq(out.codings, 0);
    ck_assert_str_eq(out.body, in.body);
}
END_TEST

START_TEST(a_binary_body_reads_back_whole)
{
    static const char movie[] = { 0, 0, 0, 8, 'r', 'm', 'r', 'a', 0, 'x' };
    webcast_response in, out;
    apr_time_t until;
    apr_size_t len;
    const char *blob;

    memset(&in, 0, sizeof(in));
    in.content_type = "application/x-rmra";
    in.body = movie;
    in.body_len = sizeof(movie);
    blob = webcast_blob_encode(test_pool, &in, 5, &len);
    ck_assert_int_eq(webcast_blob_decode(blob, len, &out, &until), 1);
    ck_assert_uint_eq(out.body_len, sizeof(movie));
    ck_assert_mem_eq(out.body, movie, sizeof(movie));
}
END_TEST

START_TEST(only_a_whole_blob_reads)
{
    webcast_response in = page(), out;
    apr_time_t until;
    apr_size_t len, n;
    const char *blob = webcast_blob_encode(test_pool, &in, 1, &len);
    char *copy;

    for (n = 0; n < len; n++) {                 /* every truncation */
        ck_assert_int_eq(webcast_blob_decode(blob, n, &out, &until), 0);
        ck_assert_ptr_null(out.body);
    }
    copy = apr_palloc(test_pool, len + 1);
    memcpy(copy, blob, len);
    copy[len] = 'x';                            /* something after it */
    ck_assert_int_eq(webcast_blob_decode(copy, len + 1, &out, &until), 0);
    copy[3] = '2';                              /* another version */
    ck_assert_int_eq(webcast_blob_decode(copy, len, &out, &until), 0);
    ck_assert_int_eq(webcast_blob_decode(NULL, 0, &out, &until), 0);
}
END_TEST

START_TEST(damage_is_refused)
{
    webcast_response in = page(), out;
    apr_time_t until;
    apr_size_t len;
    const char *blob = webcast_blob_encode(test_pool, &in, 1, &len);
    char *copy = apr_pmemdup(test_pool, blob, len);
    char *tag = memmem(copy, len, "0123456789abcdef", 16);

    /* a NUL inside a string (only a body may hold them) */
    tag[3] = '\0';
    ck_assert_int_eq(webcast_blob_decode(copy, len, &out, &until), 0);
    /* a coding claimed without its copy (and the reverse) */
    memcpy(copy, blob, len);
    copy[4 + 8 + 8 + 8 + 4 + 4] = (char)WEBCAST_ENC_BIT(WEBCAST_ENC_GZIP);
    ck_assert_int_eq(webcast_blob_decode(copy, len, &out, &until), 0);
    /* a length past the end */
    memcpy(copy, blob, len);
    memset(copy + 4 + 8 + 8 + 8 + 4 + 4 + 4, 0x7f, 4);
    ck_assert_int_eq(webcast_blob_decode(copy, len, &out, &until), 0);
    /* the original still reads */
    ck_assert_int_eq(webcast_blob_decode(blob, len, &out, &until), 1);
}
END_TEST

Suite *blob_suite(void)
{
    Suite *s = suite_create("blob");
    TCase *tc = tcase_with_pool("blob");

    tcase_add_test(tc, what_is_written_reads_back);
    tcase_add_test(tc, absent_parts_stay_absent);
    tcase_add_test(tc, a_binary_body_reads_back_whole);
    tcase_add_test(tc, only_a_whole_blob_reads);
    tcase_add_test(tc, damage_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
