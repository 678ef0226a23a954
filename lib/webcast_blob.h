/* webcast_blob.h - a cached answer, its compressed copies and its TTL as
 * one string of bytes, for caches shared between processes and servers
 * (mod_socache: shmcb, memcache, redis). Pure: builds without httpd.
 *
 * What comes back from a shared cache may have been written by another
 * version of the module or damaged: the decoder checks every length and
 * refuses anything that is not a whole blob of its own version.
 */
#ifndef WEBCAST_BLOB_H
#define WEBCAST_BLOB_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_cache.h"

/* The blob of `resp` (every coding) fresh until `fresh_until`, in `p`. */
const char *webcast_blob_encode(apr_pool_t *p, const webcast_response *resp,
                                apr_time_t fresh_until, apr_size_t *len);

/* Read a blob back: 1 with *out pointing into `data` (which must outlive
 * it), else 0. */
int webcast_blob_decode(const char *data, apr_size_t len,
                        webcast_response *out, apr_time_t *fresh_until);

#endif
