/* webcast_blob.c - the shared cache's format.
 *
 *   "WCB1"                          magic and version
 *   fresh_until, last_modified, expires
 *                                   8 bytes each, little-endian
 *   max_age, is_page, codings       4 bytes each
 *   content_type head body tail etag
 *                                   each: 4-byte length (NONE = NULL),
 *                                   the bytes, a NUL (so the decoded
 *                                   strings point into the blob); only
 *                                   the body may hold NULs (a binary
 *                                   reference movie: body_len then)
 *   coded copies, gzip then br      each: 4-byte length (NONE = none),
 *                                   the bytes
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_blob.h"

#define MAGIC "WCB1"
#define NONE 0xffffffffu
#define MAX_PART 0x7fffffffu

typedef struct {
    char *at;
} writer;

static void put_u32(writer *w, apr_uint32_t v)
{
    int i;

    for (i = 0; i < 4; i++) {
        *w->at++ = (char)((v >> (8 * i)) & 0xff);
    }
}

static void put_u64(writer *w, apr_uint64_t v)
{
    put_u32(w, (apr_uint32_t)(v & 0xffffffffu));
    put_u32(w, (apr_uint32_t)(v >> 32));
}

static void put_bytes(writer *w, const char *s, apr_size_t n, int nul)
{
    put_u32(w, s ? (apr_uint32_t)n : NONE);
    if (s) {
        memcpy(w->at, s, n);
        w->at += n;
        if (nul) {
            *w->at++ = '\0';
        }
    }
}

const char *webcast_blob_encode(apr_pool_t *p, const webcast_response *r,
                                apr_time_t fresh_until, apr_size_t *len)
{
    const char *strs[5] = { r->content_type, r->head, r->body, r->tail,
                            r->etag };
    apr_size_t n = 4 + 8 + 8 + 8 + 4 + 4 + 4;
    writer w;
    char *blob;
    int i;

    apr_size_t lens[5];

    for (i = 0; i < 5; i++) {
        lens[i] = !strs[i] ? 0 : i == 2 && r->body_len ? r->body_len
                                                         : strlen(strs[i]);
        if (lens[i] > MAX_PART) {
            return NULL;
        }
        n += 4 + (strs[i] ? lens[i] + 1 : 0);
    }
    for (i = WEBCAST_ENC_IDENTITY + 1; i < WEBCAST_ENC_COUNT; i++) {
        if (r->coded[i].data && r->coded[i].len > MAX_PART) {
            return NULL;
        }
        n += 4 + (r->coded[i].data ? r->coded[i].len : 0);
    }
    w.at = blob = apr_palloc(p, n);
    memcpy(w.at, MAGIC, 4);
    w.at += 4;
    put_u64(&w, (apr_uint64_t)fresh_until);
    put_u64(&w, (apr_uint64_t)r->last_modified);
    put_u64(&w, (apr_uint64_t)r->expires);
    put_u32(&w, (apr_uint32_t)r->max_age);
    put_u32(&w, r->is_page ? 1 : 0);
    put_u32(&w, r->codings);
    for (i = 0; i < 5; i++) {
        put_bytes(&w, strs[i], lens[i], 1);
    }
    for (i = WEBCAST_ENC_IDENTITY + 1; i < WEBCAST_ENC_COUNT; i++) {
        put_bytes(&w, r->coded[i].data, r->coded[i].len, 0);
    }
    *len = n;
    return blob;
}

typedef struct {
    const unsigned char *at, *end;
    int bad;
} reader;

static apr_uint32_t get_u32(reader *rd)
{
    apr_uint32_t v = 0;
    int i;

    if (rd->end - rd->at < 4) {
        rd->bad = 1;
        return 0;
    }
    for (i = 0; i < 4; i++) {
        v |= (apr_uint32_t)*rd->at++ << (8 * i);
    }
    return v;
}

static apr_uint64_t get_u64(reader *rd)
{
    apr_uint64_t lo = get_u32(rd);

    return lo | ((apr_uint64_t)get_u32(rd) << 32);
}

/* Bytes of a length read first; a string (nul) ends in a NUL, and holds
 * no other unless `binary`. */
static const char *get_bytes(reader *rd, apr_size_t *len, int nul,
                             int binary)
{
    apr_uint32_t n = get_u32(rd);
    const char *s = (const char *)rd->at;

    *len = 0;
    if (rd->bad || n == NONE) {
        return NULL;
    }
    if (n > MAX_PART || (apr_size_t)(rd->end - rd->at) < n + (nul ? 1 : 0)
        || (nul && (rd->at[n] != '\0'
                    || (!binary && memchr(s, '\0', n) != NULL)))) {
        rd->bad = 1;
        return NULL;
    }
    rd->at += n + (nul ? 1 : 0);
    *len = n;
    return s;
}

int webcast_blob_decode(const char *data, apr_size_t len,
                        webcast_response *out, apr_time_t *fresh_until)
{
    reader rd;
    const char **strs[5];
    apr_size_t n;
    int i;

    memset(out, 0, sizeof(*out));
    if (data == NULL || len < 4 || memcmp(data, MAGIC, 4) != 0) {
        return 0;
    }
    rd.at = (const unsigned char *)data + 4;
    rd.end = (const unsigned char *)data + len;
    rd.bad = 0;
    *fresh_until = (apr_time_t)get_u64(&rd);
    out->last_modified = (apr_time_t)get_u64(&rd);
    out->expires = (apr_time_t)get_u64(&rd);
    out->max_age = (int)get_u32(&rd);
    out->is_page = (int)get_u32(&rd);
    out->codings = get_u32(&rd);
    strs[0] = &out->content_type;
    strs[1] = &out->head;
    strs[2] = &out->body;
    strs[3] = &out->tail;
    strs[4] = &out->etag;
    for (i = 0; i < 5; i++) {
        *strs[i] = get_bytes(&rd, &n, 1, i == 2);
        if (i == 2 && *strs[i] && memchr(*strs[i], '\0', n)) {
            out->body_len = n;
        }
    }
    for (i = WEBCAST_ENC_IDENTITY + 1; i < WEBCAST_ENC_COUNT; i++) {
        out->coded[i].data = get_bytes(&rd, &out->coded[i].len, 0, 1);
        /* a coding is claimed exactly when its copy is there */
        if ((out->coded[i].data != NULL)
            != ((out->codings & WEBCAST_ENC_BIT(i)) != 0)) {
            rd.bad = 1;
        }
    }
    if (rd.bad || rd.at != rd.end || out->content_type == NULL
        || out->body == NULL || out->max_age < 0
        || (out->is_page != 0 && out->is_page != 1)
        || (out->codings & ~(apr_uint32_t)((1u << WEBCAST_ENC_COUNT) - 2))) {
        memset(out, 0, sizeof(*out));
        return 0;
    }
    return 1;
}
