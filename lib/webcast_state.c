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

/* Does the clock drive this row? Not without a webcast, and not when
 * another organisation webcasts it. */
static int clocked(const webcast_presentation *pr)
{
    return pr->webcast_auto && pr->has_webcast
           && !(pr->external_url && *pr->external_url);
}

static int filled(const char *s)
{
    return s != NULL && *s != '\0';
}

webcast_state webcast_clock_state(const webcast_presentation *pr,
                                  apr_time_t now, int live_ok)
{
    if (!pr->webcast_auto) {
        return pr->stored_state;
    }
    if (filled(pr->external_url)) {
        return WEBCAST_STATE_EXTERNAL;
    }
    if (now < pr->starts_at) {
        return WEBCAST_STATE_UPCOMING;
    }
    if (now < pr->ends_at) {
        return live_ok ? WEBCAST_STATE_LIVE : WEBCAST_STATE_UPCOMING;
    }
    return filled(pr->webcast_path) && filled(pr->webcast_filename)
           ? WEBCAST_STATE_ARCHIVE : WEBCAST_STATE_CONCLUDED;
}

apr_time_t webcast_clock_next(const webcast_presentation *pr, apr_time_t now)
{
    if (!clocked(pr)) {
        return 0;
    }
    if (now < pr->starts_at) {
        return pr->starts_at;
    }
    return now < pr->ends_at ? pr->ends_at : 0;
}

apr_time_t webcast_clock_last(const webcast_presentation *pr, apr_time_t now)
{
    apr_time_t last = 0;

    if (!clocked(pr)) {
        return 0;
    }
    if (pr->starts_at <= now) {
        last = pr->starts_at;
    }
    if (pr->ends_at <= now && pr->ends_at > last) {
        last = pr->ends_at;
    }
    return last;
}

void webcast_clock_apply(apr_pool_t *p, webcast_presentation *pr,
                         apr_time_t now, const webcast_pattern *live_url,
                         const webcast_pattern *live_hls)
{
    const char *why;
    int live_ok;

    if (!pr->webcast_auto) {
        pr->state = pr->stored_state;
        return;
    }
    /* Could it be shown live? Ask the stream URL rule as if it were. */
    pr->state = WEBCAST_STATE_LIVE;
    live_ok = webcast_stream_url(p, live_url, pr, WEBCAST_STREAM_LIVE, &why)
              || webcast_stream_url(p, live_hls, pr, WEBCAST_STREAM_LIVE,
                                    &why);
    pr->state = webcast_clock_state(pr, now, live_ok);
}

apr_time_t webcast_clock_min(apr_time_t a, apr_time_t b)
{
    return a == 0 ? b : b == 0 ? a : a < b ? a : b;
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
