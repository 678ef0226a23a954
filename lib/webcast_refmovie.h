/* webcast_refmovie.h - QuickTime reference movie encoders (REFMOVIE.md).
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_REFMOVIE_H
#define WEBCAST_REFMOVIE_H

#include <apr_pools.h>

/* 1 when `url` may be written into a reference movie: non-empty, printable
 * 7-bit ASCII only (no space, CR, LF or other control byte), so it can
 * never start a new line in the file. */
int webcast_refmovie_url_ok(const char *url);

/* "RTSPtext\r\n<url>\r\n". Returns NULL when the URL is not acceptable;
 * otherwise the body, with its length in *len. */
const char *webcast_refmovie_rtsptext(apr_pool_t *p, const char *url,
                                      apr_size_t *len);

#endif
