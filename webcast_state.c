/* webcast_state.c - map webcast_state column values to the enum. */
#include <string.h>

#include "webcast_state.h"

static const char *const state_names[] = {
    "upcoming", "live", "concluded", "archive", "external"
};

webcast_state webcast_state_parse(const char *s)
{
    int i;

    for (i = 0; s && i < WEBCAST_STATE_UNKNOWN; i++) {
        if (strcmp(s, state_names[i]) == 0) {
            return (webcast_state)i;
        }
    }
    return WEBCAST_STATE_UNKNOWN;
}

const char *webcast_state_name(webcast_state state)
{
    return (state >= 0 && state < WEBCAST_STATE_UNKNOWN)
        ? state_names[state] : "unknown";
}
