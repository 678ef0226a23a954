/* webcast_state.c - map webcast_state column values to the enum. */
#include <string.h>

#include <apr_strings.h>

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

const char *webcast_stream_url(apr_pool_t *p, const webcast_pattern *pat,
                               const webcast_presentation *pr,
                               webcast_stream_kind kind, const char **why)
{
    webcast_state want = kind == WEBCAST_STREAM_LIVE ? WEBCAST_STATE_LIVE
                                                     : WEBCAST_STATE_ARCHIVE;
    const char *values[WEBCAST_PH_COUNT] = { NULL };
    const char *url;

    if (!pr->has_webcast) {
        *why = "has_webcast is 0";
        return NULL;
    }
    if (pr->state != want) {
        *why = apr_pstrcat(p, "state is ", webcast_state_name(pr->state),
                           NULL);
        return NULL;
    }
    if (pat == NULL) {
        *why = "no URL pattern is configured";
        return NULL;
    }
    values[WEBCAST_PH_PATH] = pr->webcast_path;
    values[WEBCAST_PH_FILE] = pr->webcast_filename;
    values[WEBCAST_PH_ID] = apr_psprintf(p, "%u", (unsigned)pr->id);
    values[WEBCAST_PH_STREAM] = pr->live_stream;
    url = webcast_pattern_expand(p, pat, values);
    if (url == NULL) {
        *why = "a field the URL pattern needs is empty or unsafe";
    }
    return url;
}

static int webcast_in(const webcast_presentation *pr, webcast_state state)
{
    return pr->has_webcast && pr->state == state;
}

webcast_now_kind webcast_now(const webcast_presentation *const *list, int n,
                             int *picked, int *count)
{
    int i;

    *count = 0;
    for (i = 0; i < n; i++) {
        if (webcast_in(list[i], WEBCAST_STATE_LIVE)) {
            picked[(*count)++] = i;
        }
    }
    if (*count > 0) {
        return WEBCAST_NOW_LIVE;
    }
    for (i = 0; i < n; i++) {
        if (webcast_in(list[i], WEBCAST_STATE_UPCOMING)) {
            picked[(*count)++] = i;
            return WEBCAST_NOW_NEXT;
        }
    }
    for (i = n - 1; i >= 0; i--) {
        if (webcast_in(list[i], WEBCAST_STATE_CONCLUDED)) {
            picked[(*count)++] = i;
            return WEBCAST_NOW_RECENT;
        }
    }
    return WEBCAST_NOW_NOTHING;
}
