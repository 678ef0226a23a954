/* webcast_pattern.h - stream URL patterns such as
 * "rtsp://qtss.example.edu/{path}/{file}" (SPEC section 4).
 *
 * Compiled once at config time; expanded per request with values from the
 * database, each percent-encoded as a URL path segment ({path} keeps '/').
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_PATTERN_H
#define WEBCAST_PATTERN_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef enum {
    WEBCAST_PH_LITERAL = 0,
    WEBCAST_PH_PATH,       /* webcast_path, '/' kept */
    WEBCAST_PH_FILE,       /* webcast_filename */
    WEBCAST_PH_ID,         /* presentation id */
    WEBCAST_PH_STREAM,     /* live_stream (presentation's, else workshop's) */
    WEBCAST_PH_COUNT
} webcast_placeholder;

#define WEBCAST_PH_BIT(ph) (1u << (ph))

typedef struct {
    const char *source;           /* as written in the config */
    apr_array_header_t *parts;    /* of webcast_pattern_part */
    unsigned uses;                /* WEBCAST_PH_BIT of each placeholder */
} webcast_pattern;

typedef struct {
    webcast_placeholder kind;
    const char *text;             /* literal text when kind is LITERAL */
} webcast_pattern_part;

/* Compile `src`, accepting only the placeholders in `allowed` (a mask of
 * WEBCAST_PH_BIT). Returns NULL and sets *out, or an error message naming
 * the problem. */
const char *webcast_pattern_compile(apr_pool_t *p, const char *src,
                                    unsigned allowed, webcast_pattern **out);

/* Expand with values[WEBCAST_PH_*]. Returns NULL when a value the pattern
 * needs is NULL, empty, holds a control byte, or (for {path}) a "." or
 * ".." segment: such a record must never produce a stream URL. */
const char *webcast_pattern_expand(apr_pool_t *p, const webcast_pattern *pat,
                                   const char *const values[WEBCAST_PH_COUNT]);

/* Percent-encode `s` as a path segment: everything but RFC 3986 unreserved
 * bytes (and '/' when keep_slash) becomes %XX. NULL on a control byte. */
const char *webcast_encode_segment(apr_pool_t *p, const char *s,
                                   int keep_slash);

/* The placeholder list for messages, e.g. "{path}, {file}, {id}". */
const char *webcast_pattern_names(apr_pool_t *p, unsigned allowed);

#endif
