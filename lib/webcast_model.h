/* webcast_model.h - workshops and presentations as plain structs.
 *
 * webcast_db.c fills them from rows (SQL NULL stays NULL); everything else
 * reads them and never sees apr_dbd. Pure: builds without httpd.
 */
#ifndef WEBCAST_MODEL_H
#define WEBCAST_MODEL_H

#include <apr_time.h>

/* The five values of presentation.webcast_state (SPEC section 2). */
typedef enum {
    WEBCAST_STATE_UPCOMING = 0,
    WEBCAST_STATE_LIVE,
    WEBCAST_STATE_CONCLUDED,
    WEBCAST_STATE_ARCHIVE,
    WEBCAST_STATE_EXTERNAL,
    WEBCAST_STATE_UNKNOWN       /* a value this build does not know */
} webcast_state;

typedef struct {
    apr_uint32_t id;
    const char *slug;
    const char *title;
    const char *summary;            /* NULL when SQL NULL */
    const char *location;
    int starts_on;                  /* local calendar day, yyyymmdd */
    int ends_on;
    const char *live_stream;
    const char *notice;             /* from the control room; NULL */
    apr_time_t updated_at;
    apr_time_t next_change;         /* index: nearest scheduled change, 0 */
    int live_count;                 /* live webcasts now (index only) */
} webcast_workshop;

typedef struct {
    apr_uint32_t id;
    apr_uint32_t workshop_id;
    const char *workshop_slug;
    const char *workshop_title;
    const char *title;
    const char *speaker_name;
    const char *speaker_affiliation;
    const char *speaker_bio;
    const char *summary;
    apr_time_t starts_at;           /* UTC */
    apr_time_t ends_at;
    const char *slides_url;
    int has_webcast;
    webcast_state state;            /* shown: after webcast_clock_apply() */
    int webcast_auto;               /* the state follows the clock */
    webcast_state stored_state;     /* webcast_state as the row holds it */
    const char *webcast_path;
    const char *webcast_filename;
    const char *live_stream;        /* presentation's, else workshop's */
    const char *external_name;
    const char *external_url;
    const char *notice;             /* from the control room; NULL */
    apr_time_t updated_at;
    /* the page's (else NULL): its WebVTT file; the page's and the
     * embed's: whether it has one */
    const char *captions;
    int has_captions;
    /* read for feeds only (else 0 and NULL): */
    apr_int64_t archive_bytes;      /* size of its download; 0 unknown */
    const char *workshop_location;
} webcast_presentation;

#endif
