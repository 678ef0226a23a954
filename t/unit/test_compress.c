/* test_compress.c - gzip and brotli copies decode to the bytes they were
 * made from; what is compressed and what is not. */
#include <string.h>

#include <apr_strings.h>
#include <brotli/decode.h>
#include <zlib.h>

#include "tests.h"
#include "webcast_compress.h"

static char *gunzip(apr_pool_t *p, webcast_bytes in, apr_size_t max)
{
    z_stream z;
    char *out = apr_palloc(p, max + 1);
    int rc;

    memset(&z, 0, sizeof(z));
    ck_assert_int_eq(inflateInit2(&z, 15 + 16), Z_OK);   /* gzip only */
    z.next_in = (Bytef *)in.data;
    z.avail_in = (uInt)in.len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)max;
    rc = inflate(&z, Z_FINISH);
    ck_assert_int_eq(rc, Z_STREAM_END);
    ck_assert_uint_eq(z.avail_in, 0);                    /* nothing after */
    out[z.total_out] = '\0';
    inflateEnd(&z);
    return out;
}

static char *unbrotli(apr_pool_t *p, webcast_bytes in, apr_size_t max)
{
    char *out = apr_palloc(p, max + 1);
    size_t len = max;

    ck_assert_int_eq(BrotliDecoderDecompress(in.len, (const uint8_t *)in.data,
                                             &len, (uint8_t *)out),
                     BROTLI_DECODER_RESULT_SUCCESS);
    out[len] = '\0';
    return out;
}

/* A page-like text of about n bytes. */
static char *page(apr_pool_t *p, int rows)
{
    char *s = "";
    int i;

    for (i = 0; i < rows; i++) {
        s = apr_psprintf(p, "%s<tr><td>Talk number %d</td><td>Speaker %d, "
                         "Some Newsroom</td></tr>\n", s, i, i * 7);
    }
    return s;
}

START_TEST(round_trips)
{
    const char *text = page(test_pool, 300);
    apr_size_t n = strlen(text);
    webcast_bytes gz = webcast_compress(test_pool, WEBCAST_ENC_GZIP, text, n);
    webcast_bytes br = webcast_compress(test_pool, WEBCAST_ENC_BR, text, n);
    webcast_bytes none = webcast_compress(test_pool, WEBCAST_ENC_IDENTITY, text, n);

    ck_assert_ptr_nonnull(gz.data);
    ck_assert_ptr_nonnull(br.data);
    ck_assert_ptr_null(none.data);
    ck_assert_uint_eq((unsigned char)gz.data[0], 0x1f);  /* gzip magic */
    ck_assert_uint_eq((unsigned char)gz.data[1], 0x8b);
    ck_assert_uint_lt(gz.len, n / 4);
    ck_assert_uint_lt(br.len, gz.len);
    ck_assert_str_eq(gunzip(test_pool, gz, n), text);
    ck_assert_str_eq(unbrotli(test_pool, br, n), text);
}
END_TEST

START_TEST(empty_and_binary_bytes)
{
    static const char bytes[] = { 0, 1, 2, (char)0xff, 0, 'a' };
    webcast_bytes gz = webcast_compress(test_pool, WEBCAST_ENC_GZIP, "", 0);
    webcast_bytes br = webcast_compress(test_pool, WEBCAST_ENC_BR, "", 0);
    char *back;

    ck_assert_ptr_nonnull(gz.data);
    ck_assert_str_eq(gunzip(test_pool, gz, 16), "");
    ck_assert_str_eq(unbrotli(test_pool, br, 16), "");
    gz = webcast_compress(test_pool, WEBCAST_ENC_GZIP, bytes, sizeof(bytes));
    back = gunzip(test_pool, gz, 64);
    ck_assert_int_eq(memcmp(back, bytes, sizeof(bytes)), 0);
    br = webcast_compress(test_pool, WEBCAST_ENC_BR, bytes, sizeof(bytes));
    back = unbrotli(test_pool, br, 64);
    ck_assert_int_eq(memcmp(back, bytes, sizeof(bytes)), 0);
}
END_TEST

START_TEST(what_is_compressible)
{
    ck_assert(webcast_compressible("text/html; charset=utf-8"));
    ck_assert(webcast_compressible("TEXT/CALENDAR"));
    ck_assert(webcast_compressible("text/vtt"));
    ck_assert(webcast_compressible("application/json"));
    ck_assert(webcast_compressible("application/json; charset=utf-8"));
    ck_assert(webcast_compressible("application/rss+xml"));
    ck_assert(webcast_compressible("application/ld+json"));
    ck_assert(webcast_compressible("application/xml"));
    ck_assert(webcast_compressible("image/svg+xml"));
    ck_assert(!webcast_compressible("video/quicktime"));
    ck_assert(!webcast_compressible("application/octet-stream"));
    ck_assert(!webcast_compressible("image/png"));
    ck_assert(!webcast_compressible("text/"));
    ck_assert(!webcast_compressible("+xml"));
    ck_assert(!webcast_compressible("application/jsonx"));
    ck_assert(!webcast_compressible(NULL));
}
END_TEST

START_TEST(a_page_gets_both_copies_of_all_its_parts)
{
    webcast_response r;
    const char *whole;

    memset(&r, 0, sizeof(r));
    r.content_type = "text/html; charset=utf-8";
    r.head = "<!DOCTYPE html><title>t</title><header>";
    r.body = page(test_pool, 50);
    r.tail = "</footer>";
    r.is_page = 1;
    whole = apr_pstrcat(test_pool, r.head, r.body, r.tail, NULL);
    webcast_compress_response(test_pool, &r);
    ck_assert_uint_eq(r.codings, WEBCAST_ENC_BIT(WEBCAST_ENC_GZIP)
                                 | WEBCAST_ENC_BIT(WEBCAST_ENC_BR));
    ck_assert_str_eq(gunzip(test_pool, r.coded[WEBCAST_ENC_GZIP], 1 << 20), whole);
    ck_assert_str_eq(unbrotli(test_pool, r.coded[WEBCAST_ENC_BR], 1 << 20), whole);
    ck_assert_ptr_null(r.coded[WEBCAST_ENC_IDENTITY].data);
}
END_TEST

START_TEST(movies_and_tiny_bodies_stay_as_they_are)
{
    webcast_response r;

    memset(&r, 0, sizeof(r));
    r.content_type = "video/quicktime";
    r.body = page(test_pool, 50);
    webcast_compress_response(test_pool, &r);
    ck_assert_uint_eq(r.codings, 0);
    ck_assert_ptr_null(r.coded[WEBCAST_ENC_GZIP].data);
    /* a copy larger than the bytes is not kept */
    r.content_type = "text/plain";
    r.body = "ok";
    webcast_compress_response(test_pool, &r);
    ck_assert_uint_eq(r.codings, 0);
}
END_TEST

Suite *compress_suite(void)
{
    Suite *s = suite_create("compress");
    TCase *tc = tcase_with_pool("compress");

    tcase_add_test(tc, round_trips);
    tcase_add_test(tc, empty_and_binary_bytes);
    tcase_add_test(tc, what_is_compressible);
    tcase_add_test(tc, a_page_gets_both_copies_of_all_its_parts);
    tcase_add_test(tc, movies_and_tiny_bodies_stay_as_they_are);
    suite_add_tcase(s, tc);
    return s;
}
