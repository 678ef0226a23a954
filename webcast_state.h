/* webcast_state.h - the five webcast states of SPEC section 2.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_STATE_H
#define WEBCAST_STATE_H

typedef enum {
    WEBCAST_STATE_UPCOMING = 0,
    WEBCAST_STATE_LIVE,
    WEBCAST_STATE_CONCLUDED,
    WEBCAST_STATE_ARCHIVE,
    WEBCAST_STATE_EXTERNAL,
    WEBCAST_STATE_UNKNOWN       /* a value this build does not know */
} webcast_state;

/* The ENUM value as stored in `presentation.webcast_state`. */
webcast_state webcast_state_parse(const char *s);
const char *webcast_state_name(webcast_state state);

#endif
