/* webcast_rmra.c - the binary reference movie: moov { rmra { rmda ... } }.
 *
 * What Apple's MakeRefMovie and QuickTime Streaming Server wrote, and what
 * GStreamer's qtdemux and MPlayer read (REFMOVIE.md). Each atom is a
 * big-endian u32 size (header included) and a four-character type. `rmra`
 * is moov's only child: MPlayer looks for it first. Each alternate is an
 * `rmda` holding an optional `rmdr` (flags 0, data rate in bit/s) before
 * its `rdrf` (flags 0, type "url ", data size, the URL and its NUL).
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_refmovie.h"

#define HEADER 8                    /* size + type */
#define RMDR_SIZE (HEADER + 8)      /* flags, rate */
#define RDRF_FIXED (HEADER + 12)    /* flags, "url ", data size */

static unsigned char *put32(unsigned char *o, apr_uint32_t v)
{
    o[0] = (unsigned char)(v >> 24);
    o[1] = (unsigned char)(v >> 16);
    o[2] = (unsigned char)(v >> 8);
    o[3] = (unsigned char)v;
    return o + 4;
}

static unsigned char *put_header(unsigned char *o, apr_uint64_t size,
                                 const char *type)
{
    o = put32(o, (apr_uint32_t)size);
    memcpy(o, type, 4);
    return o + 4;
}

static apr_uint64_t rmda_size(const webcast_alternate *alt)
{
    return HEADER + (alt->bitrate ? RMDR_SIZE : 0)
        + RDRF_FIXED + strlen(alt->url) + 1;
}

static unsigned char *put_rmda(unsigned char *o, const webcast_alternate *alt)
{
    apr_size_t url_len = strlen(alt->url) + 1;

    o = put_header(o, rmda_size(alt), "rmda");
    if (alt->bitrate) {
        o = put_header(o, RMDR_SIZE, "rmdr");
        o = put32(o, 0);
        o = put32(o, alt->bitrate);
    }
    o = put_header(o, RDRF_FIXED + url_len, "rdrf");
    o = put32(o, 0);
    memcpy(o, "url ", 4);
    o = put32(o + 4, (apr_uint32_t)url_len);
    memcpy(o, alt->url, url_len);
    return o + url_len;
}

const char *webcast_refmovie_rmra(apr_pool_t *p,
                                  const webcast_alternate *alts, int n,
                                  apr_size_t *len)
{
    apr_uint64_t rmra = HEADER;
    unsigned char *body, *o;
    int i;

    if (alts == NULL || n < 1) {
        return NULL;
    }
    for (i = 0; i < n; i++) {
        if (!webcast_refmovie_url_ok(alts[i].url)) {
            return NULL;
        }
        rmra += rmda_size(&alts[i]);
        if (rmra > 0xFFFFFFFFu - HEADER) {
            return NULL;
        }
    }
    body = apr_palloc(p, (apr_size_t)(rmra + HEADER));
    o = put_header(body, rmra + HEADER, "moov");
    o = put_header(o, rmra, "rmra");
    for (i = 0; i < n; i++) {
        o = put_rmda(o, &alts[i]);
    }
    *len = (apr_size_t)(o - body);
    return (const char *)body;
}
