/* webcast_json.c - JSON strings and the status resources. */
#include <stdarg.h>
#include <string.h>

#include <apr_strings.h>
#include <apr_tables.h>

#include "webcast_html.h"
#include "webcast_json.h"
#include "webcast_state.h"

const char *webcast_json_str(apr_pool_t *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t n, i = 0, o = 0;
    char *out;

    if (s == NULL) {
        return "null";
    }
    n = strlen(s);
    out = apr_palloc(p, n * 6 + 3);     /* the worst case: \u00XX each */
    out[o++] = '"';
    while (i < n) {
        apr_size_t len = webcast_utf8_len(s + i);

        if (len == 0) {                 /* not UTF-8: U+FFFD */
            memcpy(out + o, "\\ufffd", 6);
            o += 6, i++;
        }
        else if (len > 1) {
            /* U+2028/9 end a line in older JavaScript */
            if (len == 3 && u[i] == 0xe2 && u[i + 1] == 0x80
                && (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
                o += apr_snprintf(out + o, 7, "\\u%04x",
                                  u[i + 2] == 0xa8 ? 0x2028 : 0x2029);
            }
            else {
                memcpy(out + o, s + i, len);
                o += len;
            }
            i += len;
        }
        else {
            unsigned char c = u[i++];

            if (c == '"' || c == '\\') {
                out[o++] = '\\';
                out[o++] = (char)c;
            }
            else if (c == '\n') {
                out[o++] = '\\', out[o++] = 'n';
            }
            else if (c < 0x20 || c == 0x7f || c == '<' || c == '>'
                     || c == '&' || c == '\'') {
                o += apr_snprintf(out + o, 7, "\\u%04x", c);
            }
            else {
                out[o++] = (char)c;
            }
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    return out;
}

const char *webcast_json_time(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    if (t == 0 || apr_time_exp_gmt(&tm, t) != APR_SUCCESS) {
        return "null";
    }
    return apr_psprintf(p, "\"%04d-%02d-%02dT%02d:%02d:%02dZ\"",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec);
}

#define BOOL(b) ((b) ? "true" : "false")

/* The members both resources give for a presentation. */
static const char *presentation_members(apr_pool_t *p,
                                        const webcast_presentation *pr)
{
    return apr_psprintf(p, "\"id\":%u,\"state\":\"%s\",\"auto\":%s,"
                        "\"webcast\":%s,\"starts_at\":%s,\"ends_at\":%s,"
                        "\"notice\":%s", (unsigned)pr->id,
                        webcast_state_name(pr->state),
                        BOOL(pr->webcast_auto), BOOL(pr->has_webcast),
                        webcast_json_time(p, pr->starts_at),
                        webcast_json_time(p, pr->ends_at),
                        webcast_json_str(p, pr->notice));
}

const char *webcast_json_presentation_status(apr_pool_t *p,
                                             const webcast_presentation *pr,
                                             const char *page,
                                             apr_time_t next_change)
{
    return apr_pstrcat(p, "{", presentation_members(p, pr),
                       ",\"title\":", webcast_json_str(p, pr->title),
                       ",\"url\":", webcast_json_str(p, page),
                       ",\"next_change\":", webcast_json_time(p, next_change),
                       "}\n", NULL);
}

const char *webcast_json_workshop_status(apr_pool_t *p,
                                         const webcast_workshop *w,
                                         const webcast_presentation *const *list,
                                         int n, const char *page,
                                         apr_time_t next_change)
{
    apr_array_header_t *live = apr_array_make(p, 4, sizeof(const char *));
    apr_array_header_t *all = apr_array_make(p, n + 1, sizeof(const char *));
    int i;

    for (i = 0; i < n; i++) {
        if (list[i]->has_webcast && list[i]->state == WEBCAST_STATE_LIVE) {
            APR_ARRAY_PUSH(live, const char *) =
                apr_psprintf(p, "%u", (unsigned)list[i]->id);
        }
        APR_ARRAY_PUSH(all, const char *) =
            apr_pstrcat(p, "{", presentation_members(p, list[i]), "}", NULL);
    }
    return apr_pstrcat(p, "{\"slug\":", webcast_json_str(p, w->slug),
                       ",\"title\":", webcast_json_str(p, w->title),
                       ",\"url\":", webcast_json_str(p, page),
                       ",\"live\":[", apr_array_pstrcat(p, live, ','), "]",
                       ",\"notice\":", webcast_json_str(p, w->notice),
                       ",\"next_change\":", webcast_json_time(p, next_change),
                       ",\"presentations\":[",
                       apr_array_pstrcat(p, all, ','), "]}\n", NULL);
}

/* A URL below the mount, as a JSON string. */
static const char *url(apr_pool_t *p, const webcast_feed *f,
                       const char *fmt, ...)
{
    va_list ap;
    const char *path;

    va_start(ap, fmt);
    path = apr_pvsprintf(p, fmt, ap);
    va_end(ap);
    return webcast_json_str(p, webcast_feed_url(p, f, path));
}

/* The stream URL of `pr` under `pat`, if it has one now, as JSON. */
static const char *stream(apr_pool_t *p, const webcast_pattern *pat,
                          const webcast_presentation *pr,
                          webcast_stream_kind kind)
{
    const char *why;

    return webcast_json_str(p, webcast_stream_url(p, pat, pr, kind, &why));
}

static const char *schedule_urls(apr_pool_t *p, const webcast_feed *f,
                                 const webcast_presentation *pr)
{
    unsigned id = (unsigned)pr->id;
    const char *why;
    int live = webcast_stream_url(p, f->live_url, pr, WEBCAST_STREAM_LIVE,
                                  &why) != NULL;
    int archive = webcast_stream_url(p, f->archive_url, pr,
                                     WEBCAST_STREAM_ARCHIVE, &why) != NULL;

    return apr_pstrcat(p,
        "{\"page\":", url(p, f, "/presentations/%u/", id),
        ",\"status\":", url(p, f, "/presentations/%u/status.json", id),
        ",\"embed\":", pr->has_webcast
                       ? url(p, f, "/presentations/%u/embed/", id) : "null",
        ",\"live_movie\":", live ? url(p, f, "/presentations/webcast-live."
                                     "%u.ref.mov", id) : "null",
        ",\"archive_movie\":", archive ? url(p, f, "/presentations/"
                                           "webcast-archive.%u.ref.mov", id)
                                       : "null",
        ",\"live_hls\":", stream(p, f->live_hls, pr, WEBCAST_STREAM_LIVE),
        ",\"archive_hls\":", stream(p, f->archive_hls, pr,
                                    WEBCAST_STREAM_ARCHIVE),
        ",\"download\":", webcast_json_str(p, webcast_feed_download(p, f, pr)),
        "}", NULL);
}

/* Only http(s) URLs from the database, as on the pages. */
static const char *linkable(apr_pool_t *p, const char *u)
{
    return webcast_json_str(p, webcast_url_linkable(u) ? u : NULL);
}

/* Slides may be a path on this site too ("/slides/talk.pdf"). */
static const char *slides(apr_pool_t *p, const webcast_feed *f,
                          const char *u)
{
    return webcast_url_site_relative(u) && f->origin
           ? webcast_json_str(p, apr_pstrcat(p, f->origin, u, NULL))
           : linkable(p, u);
}

static const char *schedule_item(apr_pool_t *p, const webcast_feed *f,
                                 const webcast_presentation *pr)
{
    const char *external = pr->state == WEBCAST_STATE_EXTERNAL
        ? apr_pstrcat(p, "{\"name\":", webcast_json_str(p, pr->external_name),
                      ",\"url\":", linkable(p, pr->external_url), "}", NULL)
        : "null";

    return apr_pstrcat(p, "{", presentation_members(p, pr),
        ",\"title\":", webcast_json_str(p, pr->title),
        ",\"speaker\":{\"name\":", webcast_json_str(p, pr->speaker_name),
        ",\"affiliation\":", webcast_json_str(p, pr->speaker_affiliation),
        ",\"bio\":", webcast_json_str(p, pr->speaker_bio), "}",
        ",\"summary\":", webcast_json_str(p, pr->summary),
        ",\"slides_url\":", slides(p, f, pr->slides_url),
        ",\"external\":", external,
        ",\"urls\":", schedule_urls(p, f, pr), "}", NULL);
}

/* A calendar day (yyyymmdd) as an RFC 3339 full-date. */
static const char *day(apr_pool_t *p, int yyyymmdd)
{
    return webcast_json_str(p, webcast_day_format(p, yyyymmdd,
                                                  WEBCAST_TIME_ISO));
}

const char *webcast_json_schedule(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_workshop *w,
                                  const webcast_presentation *const *list,
                                  int n, apr_time_t next_change)
{
    apr_array_header_t *all = apr_array_make(p, n + 1, sizeof(const char *));
    const char *ws = apr_pstrcat(p, "/workshops/", w->slug, "/", NULL);
    int i;

    for (i = 0; i < n; i++) {
        APR_ARRAY_PUSH(all, const char *) = schedule_item(p, f, list[i]);
    }
    return apr_pstrcat(p, "{\"slug\":", webcast_json_str(p, w->slug),
        ",\"title\":", webcast_json_str(p, w->title),
        ",\"summary\":", webcast_json_str(p, w->summary),
        ",\"location\":", webcast_json_str(p, w->location),
        ",\"starts_on\":", day(p, w->starts_on),
        ",\"ends_on\":", day(p, w->ends_on),
        ",\"time_zone\":", webcast_json_str(p, f->tz ? webcast_tz_name(f->tz)
                                                    : "UTC"),
        ",\"notice\":", webcast_json_str(p, w->notice),
        ",\"next_change\":", webcast_json_time(p, next_change),
        ",\"urls\":{\"page\":", url(p, f, "%s", ws),
        ",\"status\":", url(p, f, "%sstatus.json", ws),
        ",\"schedule\":", url(p, f, "%sschedule.json", ws),
        ",\"calendar\":", url(p, f, "%scalendar.ics", ws),
        ",\"podcast\":", url(p, f, "%sarchive.rss", ws), "}",
        ",\"presentations\":[", apr_array_pstrcat(p, all, ','), "]}\n",
        NULL);
}

const char *webcast_json_oembed(apr_pool_t *p, const webcast_presentation *pr,
                                const char *embed, int width, int height,
                                const char *provider)
{
    /* the markup is built escaped for HTML, then the whole of it for JSON */
    const char *html = apr_psprintf(p, "<iframe src=\"%s\" width=\"%d\" "
                                    "height=\"%d\" title=\"%s\" "
                                    "style=\"border:0\" allowfullscreen>"
                                    "</iframe>", webcast_html(p, embed),
                                    width, height,
                                    webcast_html(p, pr->title));

    return apr_psprintf(p, "{\"version\":\"1.0\",\"type\":\"rich\","
                        "\"title\":%s,\"author_name\":%s,"
                        "\"provider_name\":%s,\"html\":%s,\"width\":%d,"
                        "\"height\":%d}\n", webcast_json_str(p, pr->title),
                        webcast_json_str(p, pr->speaker_name),
                        webcast_json_str(p, provider),
                        webcast_json_str(p, html), width, height);
}
