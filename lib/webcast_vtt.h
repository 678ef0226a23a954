/* webcast_vtt.h - WebVTT captions files (the W3C WebVTT format): checked
 * and read into cues for the transcript.
 *
 * The checker takes what browsers' <track> parsers take and says where a
 * file goes wrong, by line, in words for the person who uploads it: the
 * WEBVTT signature (after an optional byte order mark), the header, NOTE,
 * STYLE and REGION blocks (skipped), cues with an optional identifier, a
 * timing line "hh:mm:ss.ttt --> hh:mm:ss.ttt" (hours optional) with any
 * cue settings after it, and their text. Line ends CRLF, LF or CR. The
 * whole file must be UTF-8 without NUL bytes, at most WEBCAST_VTT_MAX
 * bytes. Pure: builds without httpd.
 */
#ifndef WEBCAST_VTT_H
#define WEBCAST_VTT_H

#include <apr_pools.h>
#include <apr_tables.h>

/* The largest captions file taken: a day of dense captions is ~500 KB. */
#define WEBCAST_VTT_MAX (1024 * 1024)

typedef struct {
    apr_int64_t start, end;     /* milliseconds from the start */
    int line;                   /* of the timing line, from 1 */
    const char *text;           /* tags stripped, the five escapes
                                 * decoded, lines joined by '\n' */
} webcast_vtt_cue;

/* Check the file and read its cues: NULL with *cues (an array of
 * webcast_vtt_cue *; none is fine), or a message naming the line, e.g.
 * "line 14: the cue's end 00:01:02.000 is before its start 00:01:05.000". */
const char *webcast_vtt_parse(apr_pool_t *p, const char *data,
                              apr_size_t len, apr_array_header_t **cues);

/* A time as WebVTT writes it: "00:01:02.000". */
const char *webcast_vtt_time(apr_pool_t *p, apr_int64_t ms);

/* A time for people: "1:02:03" or "1:02" (minutes:seconds). */
const char *webcast_vtt_clock(apr_pool_t *p, apr_int64_t ms);

/* Seconds for a media fragment (#t=): "62" or "62.5". */
const char *webcast_vtt_seconds(apr_pool_t *p, apr_int64_t ms);

#endif
