/* webcast_encoding.h - content codings: which copy of an answer a client
 * gets (Accept-Encoding, RFC 9110 12.5.3) and the validators that tell the
 * copies apart. Pure: builds without httpd.
 */
#ifndef WEBCAST_ENCODING_H
#define WEBCAST_ENCODING_H

#include <apr_pools.h>

typedef enum {
    WEBCAST_ENC_IDENTITY = 0,           /* the bytes as rendered */
    WEBCAST_ENC_GZIP,                   /* Content-Encoding: gzip */
    WEBCAST_ENC_BR,                     /* Content-Encoding: br */
    WEBCAST_ENC_COUNT
} webcast_encoding;

#define WEBCAST_ENC_BIT(e) (1u << (e))

/* Bytes that may hold NULs (a compressed copy); data NULL = none. */
typedef struct {
    const char *data;
    apr_size_t len;
} webcast_bytes;

/* What a request's Accept-Encoding allows: a weight per coding in
 * thousandths (q=0.5 is 500), -1 where the header does not name it. */
typedef struct {
    int q[WEBCAST_ENC_COUNT];
    int star;                           /* "*", -1 when absent */
} webcast_accept;

/* Parse the header's value; NULL (no header) allows only identity. An
 * element with a malformed q-value counts as not there. */
void webcast_accept_parse(const char *header, webcast_accept *out);

/* The coding to send of identity and those in `available` (a mask of
 * WEBCAST_ENC_BIT): the highest weight, brotli before gzip before
 * identity on a tie. q=0 refuses a coding; "*" weighs every coding the
 * header does not name; identity is acceptable unless refused, by name or
 * by "*;q=0". When nothing is acceptable the answer is identity: a page
 * the client may not want beats an error it cannot read. */
webcast_encoding webcast_accept_choose(const webcast_accept *a,
                                       unsigned available);

/* The Content-Encoding token ("gzip", "br"), NULL for identity. */
const char *webcast_encoding_name(webcast_encoding e);

/* The entity tag of a coded copy: "<tag>-gz" and "<tag>-br" for the
 * quoted `etag`, which identity keeps as it is. */
const char *webcast_encoding_etag(apr_pool_t *p, const char *etag,
                                  webcast_encoding e);

/* An If-None-Match value in which every entity tag that ends in "-gzip"
 * (what mod_deflate's DeflateAlterETag appends to the tags of what it
 * compressed) also stands as the tag it was made from and as that tag's
 * "-gz": the same representation, whoever compressed it. The value itself
 * when no tag ends so. */
const char *webcast_inm_undeflate(apr_pool_t *p, const char *inm);

#endif
