/* test_encoding.c - Accept-Encoding negotiation, the coded copies' tags
 * and If-None-Match after mod_deflate. */
#include <string.h>

#include "tests.h"
#include "webcast_encoding.h"

#define BOTH (WEBCAST_ENC_BIT(WEBCAST_ENC_GZIP) | WEBCAST_ENC_BIT(WEBCAST_ENC_BR))
#define GZ WEBCAST_ENC_GZIP
#define BR WEBCAST_ENC_BR
#define ID WEBCAST_ENC_IDENTITY

static webcast_encoding choose(const char *header, unsigned available)
{
    webcast_accept a;

    webcast_accept_parse(header, &a);
    return webcast_accept_choose(&a, available);
}

START_TEST(what_browsers_send)
{
    ck_assert_int_eq(choose("gzip, deflate, br", BOTH), BR);
    ck_assert_int_eq(choose("gzip, deflate, br, zstd", BOTH), BR);
    ck_assert_int_eq(choose("gzip, deflate", BOTH), GZ);
    ck_assert_int_eq(choose("gzip", WEBCAST_ENC_BIT(GZ)), GZ);
    /* what the answer has is all it can send */
    ck_assert_int_eq(choose("br", WEBCAST_ENC_BIT(GZ)), ID);
    ck_assert_int_eq(choose("gzip, br", 0), ID);
}
END_TEST

START_TEST(no_header_or_an_empty_one_is_identity)
{
    ck_assert_int_eq(choose(NULL, BOTH), ID);
    ck_assert_int_eq(choose("", BOTH), ID);
    ck_assert_int_eq(choose("  ,, ", BOTH), ID);
    ck_assert_int_eq(choose("identity", BOTH), ID);
    ck_assert_int_eq(choose("deflate, compress", BOTH), ID);
}
END_TEST

START_TEST(q_values_rank_and_zero_refuses)
{
    ck_assert_int_eq(choose("br;q=0.5, gzip", BOTH), GZ);
    ck_assert_int_eq(choose("br;q=0.5, gzip;q=0.4", BOTH), BR);
    ck_assert_int_eq(choose("br;q=0, gzip;q=0.001", BOTH), GZ);
    ck_assert_int_eq(choose("br;q=0, gzip;q=0", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=0.000", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=1.000", BOTH), GZ);
    ck_assert_int_eq(choose("gzip; q=0.8 , br ; q=0.9", BOTH), BR);
    ck_assert_int_eq(choose("GZIP;Q=0.7, Br;q=0.6", BOTH), GZ);
    /* identity named higher than the codings wins */
    ck_assert_int_eq(choose("gzip;q=0.5, identity", BOTH), ID);
    /* identity not named comes after any coding named */
    ck_assert_int_eq(choose("gzip;q=0.001", BOTH), GZ);
    ck_assert_int_eq(choose("x-gzip", BOTH), GZ);
}
END_TEST

START_TEST(star)
{
    ck_assert_int_eq(choose("*", BOTH), BR);
    ck_assert_int_eq(choose("*", WEBCAST_ENC_BIT(GZ)), GZ);
    ck_assert_int_eq(choose("*;q=0.5, br;q=0.4", BOTH), GZ);
    ck_assert_int_eq(choose("br;q=0, *", BOTH), GZ);
    ck_assert_int_eq(choose("*;q=0, gzip", BOTH), GZ);
    /* "*;q=0" refuses identity too; with nothing else left it is sent
     * all the same */
    ck_assert_int_eq(choose("*;q=0", BOTH), ID);
    ck_assert_int_eq(choose("identity;q=0", 0), ID);
    ck_assert_int_eq(choose("*;q=0.3, identity;q=0.5", BOTH), ID);
}
END_TEST

START_TEST(malformed_elements_count_as_absent)
{
    ck_assert_int_eq(choose("gzip;q=2", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=1.5", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=0.5x", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=0.0001", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q", BOTH), ID);
    ck_assert_int_eq(choose("gzip junk", BOTH), ID);
    ck_assert_int_eq(choose("gzip;q=abc, br", BOTH), BR);
    /* a refusal that does not parse refuses nothing */
    ck_assert_int_eq(choose("br, br;q=zero", BOTH), BR);
    /* other parameters are read past */
    ck_assert_int_eq(choose("gzip;level=\"9,x\";q=0.9, br;q=0.8", BOTH), GZ);
    ck_assert_int_eq(choose("@@, gzip", BOTH), GZ);
    ck_assert_int_eq(choose("gzip;\"q\"=1", BOTH), ID);
}
END_TEST

START_TEST(coded_copies_have_their_own_tags)
{
    ck_assert_str_eq(webcast_encoding_etag(test_pool, "\"abc\"", GZ), "\"abc-gz\"");
    ck_assert_str_eq(webcast_encoding_etag(test_pool, "\"abc\"", BR), "\"abc-br\"");
    ck_assert_str_eq(webcast_encoding_etag(test_pool, "\"abc\"", ID), "\"abc\"");
    ck_assert_str_eq(webcast_encoding_etag(test_pool, "W/\"a\"", GZ), "W/\"a-gz\"");
    ck_assert_ptr_null(webcast_encoding_etag(test_pool, NULL, GZ));
    ck_assert_str_eq(webcast_encoding_name(GZ), "gzip");
    ck_assert_str_eq(webcast_encoding_name(BR), "br");
    ck_assert_ptr_null(webcast_encoding_name(ID));
}
END_TEST

START_TEST(if_none_match_after_mod_deflate)
{
    const char *plain = "\"abc\", \"def-gz\"";

    /* untouched unless a tag ends in -gzip: the same pointer */
    ck_assert_ptr_eq(webcast_inm_undeflate(test_pool, plain), plain);
    ck_assert_ptr_null(webcast_inm_undeflate(test_pool, NULL));
    ck_assert_str_eq(webcast_inm_undeflate(test_pool, "\"abc-gzip\""),
                     "\"abc-gzip\", \"abc\", \"abc-gz\"");
    ck_assert_str_eq(webcast_inm_undeflate(test_pool, "W/\"a-gzip\", \"b\", \"c-gzip\""),
                     "W/\"a-gzip\", \"b\", \"c-gzip\", \"a\", \"a-gz\", \"c\", \"c-gz\"");
    ck_assert_str_eq(webcast_inm_undeflate(test_pool, "\"-gzip\""),
                     "\"-gzip\", \"\", \"-gz\"");
    /* an unterminated tag is left as it is */
    ck_assert_str_eq(webcast_inm_undeflate(test_pool, "\"a-gzip\", \"b-gzip"),
                     "\"a-gzip\", \"b-gzip, \"a\", \"a-gz\"");
}
END_TEST

START_TEST(if_none_match_worst_case_fits)
{
    /* shortest tags, as many as a header holds: within the 3x bound */
    char *many = apr_palloc(test_pool, 7 * 1000 + 1), *o = many;
    const char *out;
    int i;

    for (i = 0; i < 1000; i++, o += 7) {
        memcpy(o, "\"-gzip\"", 7);
    }
    *o = '\0';
    out = webcast_inm_undeflate(test_pool, many);
    ck_assert_uint_eq(strlen(out), 7000 + 1000 * strlen(", \"\", \"-gz\""));
}
END_TEST

Suite *encoding_suite(void)
{
    Suite *s = suite_create("encoding");
    TCase *tc = tcase_with_pool("encoding");

    tcase_add_test(tc, what_browsers_send);
    tcase_add_test(tc, no_header_or_an_empty_one_is_identity);
    tcase_add_test(tc, q_values_rank_and_zero_refuses);
    tcase_add_test(tc, star);
    tcase_add_test(tc, malformed_elements_count_as_absent);
    tcase_add_test(tc, coded_copies_have_their_own_tags);
    tcase_add_test(tc, if_none_match_after_mod_deflate);
    tcase_add_test(tc, if_none_match_worst_case_fits);
    suite_add_tcase(s, tc);
    return s;
}
