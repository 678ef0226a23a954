/* webcast_token.h - the admin's anti-forgery tokens.
 *
 * A token is HMAC-SHA1(secret, user "\n" day) in hex, where day is the
 * number of the UTC day (days since 1970-01-01) the form was made. It is
 * accepted that day and the next, so a form left open overnight still
 * saves, and is bound to the user, so one staff member's page cannot be
 * replayed for another. The secret is the server's (WebcastAdminSecretFile),
 * the same in every process and across restarts.
 * Pure: builds without httpd (SHA-1 from APR-util).
 */
#ifndef WEBCAST_TOKEN_H
#define WEBCAST_TOKEN_H

#include <apr_pools.h>
#include <apr_time.h>

#define WEBCAST_HMAC_SIZE 20            /* SHA-1 */
#define WEBCAST_TOKEN_LEN (2 * WEBCAST_HMAC_SIZE)
#define WEBCAST_SECRET_MIN 16           /* bytes a secret must have */

typedef struct {
    const unsigned char *data;
    apr_size_t len;
} webcast_key;

/* HMAC-SHA1 (RFC 2104) of msg under key. */
void webcast_hmac_sha1(const unsigned char *key, apr_size_t key_len,
                       const unsigned char *msg, apr_size_t msg_len,
                       unsigned char mac[WEBCAST_HMAC_SIZE]);

/* 1 when the n bytes at a and b are equal; the time taken does not depend
 * on where they differ. */
int webcast_equal_ct(const void *a, const void *b, apr_size_t n);

/* The token for `user` on the UTC day holding `now`. */
const char *webcast_token_make(apr_pool_t *p, const webcast_key *key,
                               const char *user, apr_time_t now);

/* 1 when `token` is the user's token of the day holding `now` or of the
 * day before. NULL or malformed tokens are simply not valid. */
int webcast_token_check(const webcast_key *key, const char *user,
                        const char *token, apr_time_t now);

#endif
