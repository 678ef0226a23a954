/* webcast_multipart.h - a streaming multipart/form-data parser (RFC 7578,
 * with the body syntax of RFC 2046 section 5.1.1).
 *
 * A push parser: feed it the body in pieces of any size as they arrive;
 * it never holds more than one part's headers (at most
 * WEBCAST_MULTIPART_HEADER_MAX bytes) and the small text fields. Parts
 * with a filename parameter (file inputs) go to the caller's callbacks
 * as they stream by; parts without one (text inputs, hidden fields) are
 * collected into a table, at most `fields_max` bytes in all, so the
 * caller can read e.g. the anti-forgery token before a file's first byte.
 * Anything malformed - a broken boundary, headers too long or holding
 * control bytes, no final boundary - ends the parse with a message.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_MULTIPART_H
#define WEBCAST_MULTIPART_H

#include <apr_pools.h>
#include <apr_tables.h>

#define WEBCAST_MULTIPART_HEADER_MAX 8192   /* one part's header block */
#define WEBCAST_MULTIPART_PARTS_MAX 256

typedef struct {
    const char *name;           /* Content-Disposition's name */
    const char *filename;       /* its filename, as sent; NULL for none */
    const char *content_type;   /* the part's Content-Type, or NULL */
} webcast_multipart_part;

/* Each returns NULL to go on, or a message that ends the parse (it is
 * what webcast_multipart_feed() then returns). Any may be NULL. */
typedef struct {
    const char *(*file_begin)(void *ctx, const webcast_multipart_part *part);
    const char *(*file_data)(void *ctx, const char *data, apr_size_t len);
    const char *(*file_end)(void *ctx);
} webcast_multipart_callbacks;

typedef struct webcast_multipart webcast_multipart;

/* The boundary of a Content-Type header value such as
 * `multipart/form-data; boundary="a b"`: sets *boundary and returns NULL,
 * or returns why there is none (another type, no boundary parameter, one
 * that RFC 2046 does not allow). */
const char *webcast_multipart_boundary(apr_pool_t *p,
                                       const char *content_type,
                                       const char **boundary);

webcast_multipart *webcast_multipart_new(
    apr_pool_t *p, const char *boundary, apr_size_t fields_max,
    const webcast_multipart_callbacks *cb, void *ctx);

/* The next len bytes of the body. NULL, or the message of the first
 * problem (every later call returns it again). */
const char *webcast_multipart_feed(webcast_multipart *mp, const char *data,
                                   apr_size_t len);

/* The body has ended: NULL if it ended with its final boundary. */
const char *webcast_multipart_finish(webcast_multipart *mp);

/* The text fields read so far, name -> value, in body order. */
apr_table_t *webcast_multipart_fields(const webcast_multipart *mp);

#endif
