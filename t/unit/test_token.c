/* test_token.c - HMAC-SHA1 against RFC 2202, and the admin's tokens. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_token.h"

static const char *hex(const unsigned char *b, apr_size_t n)
{
    char *s = apr_palloc(test_pool, 2 * n + 1);
    apr_size_t i;

    for (i = 0; i < n; i++) {
        apr_snprintf(s + 2 * i, 3, "%02x", b[i]);
    }
    return s;
}

static const char *hmac(const unsigned char *key, apr_size_t klen,
                        const unsigned char *msg, apr_size_t mlen)
{
    unsigned char mac[WEBCAST_HMAC_SIZE];

    webcast_hmac_sha1(key, klen, msg, mlen, mac);
    return hex(mac, sizeof(mac));
}

static unsigned char *filled(int byte, apr_size_t n)
{
    unsigned char *b = apr_palloc(test_pool, n);
    memset(b, byte, n);
    return b;
}

#define S(s) (const unsigned char *)(s), strlen(s)

START_TEST(rfc2202_hmac_sha1)
{
    unsigned char key4[25];
    int i;

    for (i = 0; i < 25; i++) {
        key4[i] = (unsigned char)(i + 1);
    }
    ck_assert_str_eq(hmac(filled(0x0b, 20), 20, S("Hi There")),
                     "b617318655057264e28bc0b6fb378c8ef146be00");
    ck_assert_str_eq(hmac(S("Jefe"), S("what do ya want for nothing?")),
                     "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    ck_assert_str_eq(hmac(filled(0xaa, 20), 20, filled(0xdd, 50), 50),
                     "125d7342b9ac11cd91a39af48aa17b4f63f175d3");
    ck_assert_str_eq(hmac(key4, 25, filled(0xcd, 50), 50),
                     "4c9007f4026250c6bc8414f9bf50c86c2d7235da");
    ck_assert_str_eq(hmac(filled(0x0c, 20), 20, S("Test With Truncation")),
                     "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04");
    ck_assert_str_eq(hmac(filled(0xaa, 80), 80,
                          S("Test Using Larger Than Block-Size Key - Hash "
                            "Key First")),
                     "aa4ae5e15272d00e95705637ce8a3b55ed402112");
    ck_assert_str_eq(hmac(filled(0xaa, 80), 80,
                          S("Test Using Larger Than Block-Size Key and "
                            "Larger Than One Block-Size Data")),
                     "e8e99d0f45237d786d6bbaa7965c7808bbff1a91");
}
END_TEST

START_TEST(constant_time_compare)
{
    ck_assert(webcast_equal_ct("abcdef", "abcdef", 6));
    ck_assert(!webcast_equal_ct("abcdef", "abcdeg", 6));
    ck_assert(!webcast_equal_ct("xbcdef", "abcdef", 6));
    ck_assert(webcast_equal_ct("a", "b", 0));
}
END_TEST

static const webcast_key key = {
    (const unsigned char *)"0123456789abcdef0123456789abcdef", 32
};

/* 2025-11-27 12:00 UTC is in day 20419 */
#define NOON apr_time_from_sec(APR_INT64_C(20419) * 86400 + 43200)
#define DAY apr_time_from_sec(86400)

START_TEST(token_is_hmac_of_user_and_day)
{
    /* the same value Perl's Digest::SHA::hmac_sha1_hex gives, so the
     * integration tests can compute tokens from the secret file */
    ck_assert_str_eq(webcast_token_make(test_pool, &key, "staff", NOON),
                     "2fdf816af6eeca6f14af89adf50cd3c9702f85a2");
}
END_TEST

START_TEST(token_valid_today_and_tomorrow_only)
{
    const char *t = webcast_token_make(test_pool, &key, "staff", NOON);

    ck_assert(webcast_token_check(&key, "staff", t, NOON));
    ck_assert(webcast_token_check(&key, "staff", t, NOON + DAY));
    ck_assert(!webcast_token_check(&key, "staff", t, NOON + 2 * DAY));
    ck_assert(!webcast_token_check(&key, "staff", t, NOON - DAY));
}
END_TEST

START_TEST(token_bound_to_user_and_secret)
{
    const webcast_key other = { (const unsigned char *)"another secret, "
                                "long enough", 27 };
    const char *t = webcast_token_make(test_pool, &key, "staff", NOON);
    char *upper = apr_pstrdup(test_pool, t);

    ck_assert(!webcast_token_check(&key, "helper", t, NOON));
    ck_assert(!webcast_token_check(&key, "staff\n", t, NOON));
    ck_assert(!webcast_token_check(&other, "staff", t, NOON));
    ck_assert(!webcast_token_check(&key, "staff", NULL, NOON));
    ck_assert(!webcast_token_check(&key, "staff", "", NOON));
    ck_assert(!webcast_token_check(&key, "staff",
                                   apr_pstrndup(test_pool, t, 39), NOON));
    ck_assert(!webcast_token_check(&key, "staff",
                                   apr_pstrcat(test_pool, t, "0", NULL),
                                   NOON));
    upper[0] = upper[0] == 'a' ? 'b' : 'a';
    ck_assert(!webcast_token_check(&key, "staff", upper, NOON));
    ck_assert(!webcast_token_check(NULL, "staff", t, NOON));
}
END_TEST

Suite *token_suite(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_with_pool("token");

    tcase_add_test(tc, rfc2202_hmac_sha1);
    tcase_add_test(tc, constant_time_compare);
    tcase_add_test(tc, token_is_hmac_of_user_and_day);
    tcase_add_test(tc, token_valid_today_and_tomorrow_only);
    tcase_add_test(tc, token_bound_to_user_and_secret);
    suite_add_tcase(s, tc);
    return s;
}
