/* webcast_refmovie.h - QuickTime reference movie encoders (REFMOVIE.md):
 * the text movie (webcast_refmovie.c), the QuickTime Media Link
 * (webcast_qtl.c) and the binary moov/rmra movie (webcast_rmra.c).
 * Pure: builds without httpd.
 *
 * Every encoder checks its URLs with webcast_refmovie_url_ok() itself and
 * returns NULL for one that fails, whatever produced it.
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

/* A QuickTime Media Link: the XML that opens QuickTime Player (and VLC)
 * on `url`. NULL when the URL is not acceptable; else the body and *len. */
const char *webcast_refmovie_qtl(apr_pool_t *p, const char *url,
                                 apr_size_t *len);

/* One alternate of a binary reference movie. */
typedef struct {
    apr_uint32_t bitrate;       /* bits/s it needs; 0: any connection */
    const char *url;
} webcast_alternate;

/* moov { rmra { rmda { [rmdr] rdrf } ... } }: one rmda per alternate, in
 * order, with an rmdr data rate when its bitrate is not 0. The body holds
 * NUL bytes: use *len, never strlen. NULL when n < 1, a URL is not
 * acceptable, or the movie would not fit the atoms' 32-bit sizes. */
const char *webcast_refmovie_rmra(apr_pool_t *p,
                                  const webcast_alternate *alts, int n,
                                  apr_size_t *len);

#endif
