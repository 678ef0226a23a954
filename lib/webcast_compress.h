/* webcast_compress.h - the gzip and brotli copies of an answer, made once
 * when it is cached and then sent as they are. Pure (zlib, libbrotlienc):
 * builds without httpd.
 */
#ifndef WEBCAST_COMPRESS_H
#define WEBCAST_COMPRESS_H

#include <apr_pools.h>

#include "webcast_cache.h"
#include "webcast_encoding.h"

/* Is a body of this Content-Type worth compressing: text, JSON, XML (not
 * video/quicktime, whose reference movies are a few bytes)? */
int webcast_compressible(const char *content_type);

/* The gzip (RFC 1952) or brotli (RFC 7932) coding of `n` bytes, from
 * pool memory; data NULL when the library failed. */
webcast_bytes webcast_compress(apr_pool_t *p, webcast_encoding e,
                               const char *in, apr_size_t n);

/* Give a compressible response its gzip and brotli copies (codings and
 * coded[]), each only where it is smaller than the bytes themselves. */
void webcast_compress_response(apr_pool_t *p, webcast_response *resp);

#endif
