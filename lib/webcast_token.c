/* webcast_token.c - HMAC-SHA1 (RFC 2104) and the admin's form tokens.
 *
 * SHA-1 comes from APR-util, which httpd already links, so the module
 * needs no crypto library. HMAC-SHA1 is still a sound MAC (its security
 * does not rest on SHA-1's collision resistance), and a token only has to
 * outlast two days.
 */
#include <string.h>

#include <apr_sha1.h>
#include <apr_strings.h>

#include "webcast_token.h"

#define BLOCK 64                        /* SHA-1's block size */
#define SECS_PER_DAY 86400

/* HMAC over the concatenation of n message parts, so callers need not
 * join them in a buffer first. */
static void hmac_parts(const unsigned char *key, apr_size_t key_len,
                       const unsigned char *const *part,
                       const apr_size_t *part_len, int n,
                       unsigned char mac[WEBCAST_HMAC_SIZE])
{
    unsigned char k[BLOCK], pad[BLOCK], inner[WEBCAST_HMAC_SIZE];
    apr_sha1_ctx_t ctx;
    apr_size_t i;
    int j;

    memset(k, 0, sizeof(k));
    if (key_len > BLOCK) {
        apr_sha1_init(&ctx);
        apr_sha1_update_binary(&ctx, key, (unsigned int)key_len);
        apr_sha1_final(k, &ctx);
    }
    else {
        memcpy(k, key, key_len);
    }
    for (i = 0; i < BLOCK; i++) {
        pad[i] = k[i] ^ 0x36;
    }
    apr_sha1_init(&ctx);
    apr_sha1_update_binary(&ctx, pad, BLOCK);
    for (j = 0; j < n; j++) {
        apr_sha1_update_binary(&ctx, part[j], (unsigned int)part_len[j]);
    }
    apr_sha1_final(inner, &ctx);
    for (i = 0; i < BLOCK; i++) {
        pad[i] = k[i] ^ 0x5c;
    }
    apr_sha1_init(&ctx);
    apr_sha1_update_binary(&ctx, pad, BLOCK);
    apr_sha1_update_binary(&ctx, inner, WEBCAST_HMAC_SIZE);
    apr_sha1_final(mac, &ctx);
    memset(k, 0, sizeof(k));
    memset(pad, 0, sizeof(pad));
}

void webcast_hmac_sha1(const unsigned char *key, apr_size_t key_len,
                       const unsigned char *msg, apr_size_t msg_len,
                       unsigned char mac[WEBCAST_HMAC_SIZE])
{
    hmac_parts(key, key_len, &msg, &msg_len, 1, mac);
}

int webcast_equal_ct(const void *a, const void *b, apr_size_t n)
{
    const volatile unsigned char *x = a, *y = b;
    unsigned char diff = 0;
    apr_size_t i;

    for (i = 0; i < n; i++) {
        diff |= x[i] ^ y[i];
    }
    return diff == 0;
}

static apr_int64_t day_of(apr_time_t now)
{
    apr_int64_t s = apr_time_sec(now);
    return s >= 0 ? s / SECS_PER_DAY : (s - SECS_PER_DAY + 1) / SECS_PER_DAY;
}

static void token_for_day(const webcast_key *key, const char *user,
                          apr_int64_t day, char out[WEBCAST_TOKEN_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    char msg[32];
    unsigned char mac[WEBCAST_HMAC_SIZE];
    const unsigned char *part[2];
    apr_size_t len[2];
    int i;

    part[0] = (const unsigned char *)user;
    len[0] = strlen(user);
    part[1] = (const unsigned char *)msg;
    len[1] = (apr_size_t)apr_snprintf(msg, sizeof(msg), "\n%" APR_INT64_T_FMT,
                                      day);
    hmac_parts(key->data, key->len, part, len, 2, mac);
    for (i = 0; i < WEBCAST_HMAC_SIZE; i++) {
        out[2 * i] = hex[mac[i] >> 4];
        out[2 * i + 1] = hex[mac[i] & 15];
    }
    out[WEBCAST_TOKEN_LEN] = '\0';
}

const char *webcast_token_make(apr_pool_t *p, const webcast_key *key,
                               const char *user, apr_time_t now)
{
    char *t = apr_palloc(p, WEBCAST_TOKEN_LEN + 1);

    token_for_day(key, user, day_of(now), t);
    return t;
}

int webcast_token_check(const webcast_key *key, const char *user,
                        const char *token, apr_time_t now)
{
    char want[WEBCAST_TOKEN_LEN + 1];
    apr_int64_t today = day_of(now), d;
    int ok = 0;

    if (key == NULL || user == NULL || token == NULL
        || strlen(token) != WEBCAST_TOKEN_LEN) {
        return 0;
    }
    for (d = today - 1; d <= today; d++) {
        token_for_day(key, user, d, want);
        ok |= webcast_equal_ct(want, token, WEBCAST_TOKEN_LEN);
    }
    return ok;
}
