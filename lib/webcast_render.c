/* webcast_render.c - the public pages.
 *
 * Output is built as a list of pool strings joined once at the end. Every
 * database value passes through H() (webcast_html) at the point where it
 * is written, so a reader can check escaping line by line.
 */
#include <stdarg.h>
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>
#include <apr_tables.h>

#include "webcast_assets.h"
#include "webcast_html.h"
#include "webcast_render.h"
#include "webcast_state.h"
#include "webcast_vtt.h"

typedef struct {
    apr_pool_t *p;
    const webcast_site *site;
    apr_array_header_t *parts;
    const char *head_extra;         /* more for <head> (discovery links) */
} out_t;

#define H(s) webcast_html(o->p, (s))

static out_t *out_new(apr_pool_t *p, const webcast_site *site)
{
    out_t *o = apr_palloc(p, sizeof(*o));
    o->p = p;
    o->site = site;
    o->parts = apr_array_make(p, 64, sizeof(const char *));
    o->head_extra = NULL;
    return o;
}

static void put(out_t *o, const char *s)
{
    *(const char **)apr_array_push(o->parts) = s;
}

static void putf(out_t *o, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    put(o, apr_pvsprintf(o->p, fmt, ap));
    va_end(ap);
}

static const char *done(out_t *o)
{
    return apr_array_pstrcat(o->p, o->parts, '\0');
}

/* A link target below the mount point, escaped for an attribute. */
static const char *href(out_t *o, const char *path)
{
    return H(apr_pstrcat(o->p, o->site->mount, path, NULL));
}

static const char *workshop_href(out_t *o, const char *slug)
{
    return href(o, apr_pstrcat(o->p, "/workshops/", slug, "/", NULL));
}

static const char *presentation_href(out_t *o, apr_uint32_t id)
{
    return href(o, apr_psprintf(o->p, "/presentations/%u/", (unsigned)id));
}

static void put_time(out_t *o, apr_time_t t, webcast_time_style style)
{
    putf(o, "<time datetime=\"%s\">%s</time>",
         webcast_time_format(o->p, o->site->tz, t, WEBCAST_TIME_ISO),
         webcast_time_format(o->p, o->site->tz, t, style));
}

static int blank(const char *s, apr_size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r')) {
        s++, n--;
    }
    return n == 0;
}

/* Database text as paragraphs: a blank line starts a new one. */
static void put_paragraphs(out_t *o, const char *text)
{
    const char *s = H(text);
    int open = 0;

    while (*s) {
        apr_size_t n = strcspn(s, "\n");
        const char *line = s;

        s += n + (s[n] == '\n');
        if (blank(line, n)) {
            put(o, open ? "</p>\n" : "");
            open = 0;
            continue;
        }
        put(o, open ? "\n" : "<p>");
        put(o, apr_pstrndup(o->p, line, n));
        open = 1;
    }
    put(o, open ? "</p>\n" : "");
}

/* A calendar day (yyyymmdd), "" for one that does not exist. */
static const char *day(out_t *o, int yyyymmdd, webcast_time_style style)
{
    const char *s = webcast_day_format(o->p, yyyymmdd, style);
    return s ? s : "";
}

/* "Nov. 23 – 27, 2026", "Nov. 30 – Dec. 4, 2026", "Dec. 29, 2026 –
 * Jan. 2, 2027" */
static const char *date_range(out_t *o, int from, int to)
{
    const char *a = day(o, from, WEBCAST_TIME_SHORTDATE);
    const char *b = day(o, to, WEBCAST_TIME_SHORTDATE);

    if (from == to) {
        return apr_psprintf(o->p, "%s, %d", a, from / 10000);
    }
    if (from / 10000 != to / 10000) {
        return apr_psprintf(o->p, "%s, %d – %s, %d", a, from / 10000, b,
                            to / 10000);
    }
    if (from / 100 == to / 100) {
        return apr_psprintf(o->p, "%s – %d, %d", a, to % 100, to / 10000);
    }
    return apr_psprintf(o->p, "%s – %s, %d", a, b, to / 10000);
}

static const char *slides_kind(const char *url)
{
    apr_size_t n = strcspn(url, "?#");
    const char *dot;

    for (dot = url + n; dot > url && dot[-1] != '.' && dot[-1] != '/';) {
        dot--;
    }
    if (dot == url || dot[-1] != '.') {
        return "";
    }
    n -= dot - url;
    if ((n == 3 && strncasecmp(dot, "ppt", 3) == 0)
        || (n == 4 && strncasecmp(dot, "pptx", 4) == 0)
        || (n == 3 && strncasecmp(dot, "pps", 3) == 0)
        || (n == 4 && strncasecmp(dot, "ppsx", 4) == 0)) {
        return " (PowerPoint)";
    }
    if (n == 3 && strncasecmp(dot, "odp", 3) == 0) {
        return " (OpenDocument)";
    }
    if (n == 3 && strncasecmp(dot, "key", 3) == 0) {
        return " (Keynote)";
    }
    if (n == 3 && strncasecmp(dot, "pdf", 3) == 0) {
        return " (PDF)";
    }
    return "";
}

/* The QuickTime object of REFMOVIE.md: 320x240 video + 16 px controller. */
static void put_quicktime(out_t *o, const char *ref)
{
    putf(o, "<object classid=\"clsid:02BF25D5-8C17-4B23-BC80-D3488ABDDC6B\" "
         "codebase=\"http://www.apple.com/qtactivex/qtplugin.cab\" "
         "width=\"320\" height=\"256\">"
         "<param name=\"src\" value=\"%s\">"
         "<param name=\"autoplay\" value=\"true\">"
         "<param name=\"controller\" value=\"true\">"
         "<embed src=\"%s\" type=\"video/quicktime\" width=\"320\" "
         "height=\"256\" autoplay=\"true\" controller=\"true\" "
         "pluginspage=\"http://www.apple.com/quicktime/download/\">"
         "</object>", ref, ref);
}

/* Where webcast.js finds hls.js for browsers without native HLS: its
 * versioned URL, when the module has it (read from WebcastAssetsDir). */
static void put_hls_script(out_t *o)
{
    const webcast_asset *a = webcast_asset_find(WEBCAST_ASSET_HLS);

    if (a != NULL) {
        putf(o, " data-hls-script=\"%s\"", href(o, apr_pstrcat(o->p,
             "/assets/", a->name, "?v=", a->version, NULL)));
    }
}

/* An archived video's captions (presentations/<id>/captions.vtt). */
static void put_track(out_t *o, const webcast_presentation *pr, int live)
{
    if (!live && (pr->captions || pr->has_captions)) {
        putf(o, "<track kind=\"captions\" src=\"%s\" srclang=\"en\" "
             "label=\"English\" default>", href(o, apr_psprintf(o->p,
             "/presentations/%u/captions.vtt", (unsigned)pr->id)));
    }
}

/* HTML5 video when an HLS pattern applies, with the QuickTime object as
 * its fallback, and always a link that opens the movie in a player. */
static void put_player(out_t *o, const webcast_presentation *pr,
                       webcast_stream_kind kind)
{
    int live = kind == WEBCAST_STREAM_LIVE;
    const char *why;
    const char *rtsp = webcast_stream_url(o->p, live ? o->site->live_url
                                          : o->site->archive_url, pr, kind,
                                          &why);
    const char *hls = webcast_stream_url(o->p, live ? o->site->live_hls
                                         : o->site->archive_hls, pr, kind,
                                         &why);
    const char *ref = rtsp ? href(o, apr_psprintf(o->p,
        "/presentations/webcast-%s.%u.ref.mov", live ? "live" : "archive",
        (unsigned)pr->id)) : NULL;

    if (!rtsp && !hls) {
        put(o, "<p class=\"notice\">The video is not available at the "
               "moment.</p>\n");
        return;
    }
    put(o, "<div class=\"player\">");
    if (hls) {
        put(o, "<video controls playsinline preload=\"none\" "
            "width=\"640\" height=\"360\"");
        put_hls_script(o);
        putf(o, "><source src=\"%s\" type=\"application/vnd.apple.mpegurl\">",
             H(hls));
        put_track(o, pr, live);
        if (ref) {
            put_quicktime(o, ref);
        }
        put(o, "</video>");
    }
    if (ref) {
        putf(o, "<p class=\"open\"><a href=\"%s\" type=\"video/quicktime\">"
             "Open the %s in QuickTime Player or VLC</a></p>", ref,
             live ? "live webcast" : "video");
    }
    /* Without an HLS stream the plug-in is the only in-page player, and
     * no current browser has it: there it would be a "plugin not
     * supported" box, so it waits behind a disclosure; browsers too old
     * for <details> (the plug-in's own) show it as ever. */
    if (ref && !hls) {
        put(o, "<details class=\"plugin\"><summary>Play it in the page "
               "(QuickTime plug-in)</summary>");
        put_quicktime(o, ref);
        put(o, "</details>");
    }
    put(o, "</div>\n");
}

/* What a presentation shows for its webcast state (SPEC section 2). */
static void put_webcast(out_t *o, const webcast_presentation *pr)
{
    if (!pr->has_webcast) {
        return;
    }
    putf(o, "<div class=\"webcast %s\">",
         webcast_state_name(pr->state));
    switch (pr->state) {
    case WEBCAST_STATE_UPCOMING:
        put(o, "<p>This presentation will be webcast live on ");
        put_time(o, pr->starts_at, WEBCAST_TIME_FULL);
        put(o, ".</p>");
        if (pr->starts_at > o->site->now) {
            putf(o, "<p class=\"countdown\" data-countdown=\"%s\" hidden>"
                 "</p>", webcast_time_format(o->p, o->site->tz, pr->starts_at,
                                             WEBCAST_TIME_ISO));
        }
        putf(o, "<p><a href=\"%s\">See the whole schedule</a></p>",
             workshop_href(o, pr->workshop_slug));
        break;
    case WEBCAST_STATE_LIVE:
        put(o, "<p class=\"marker\">Live now</p>");
        put_player(o, pr, WEBCAST_STREAM_LIVE);
        break;
    case WEBCAST_STATE_CONCLUDED:
        put(o, "<p>The webcast has ended; the archived video will be "
               "posted soon &mdash; check back.</p>");
        break;
    case WEBCAST_STATE_ARCHIVE:
        put(o, "<p class=\"label\">Archived webcast</p>");
        put_player(o, pr, WEBCAST_STREAM_ARCHIVE);
        break;
    case WEBCAST_STATE_EXTERNAL:
        putf(o, "<p>This presentation is webcast by <strong>%s</strong>.",
             H(pr->external_name ? pr->external_name : "a partner"));
        if (webcast_url_linkable(pr->external_url)) {
            putf(o, " <a href=\"%s\">Watch it there</a>",
                 H(pr->external_url));
        }
        put(o, "</p>");
        break;
    default:
        break;
    }
    put(o, "</div>\n");
}

static void put_speaker(out_t *o, const webcast_presentation *pr)
{
    if (pr->speaker_name == NULL || *pr->speaker_name == '\0') {
        return;
    }
    putf(o, "<span class=\"speaker\">%s", H(pr->speaker_name));
    if (pr->speaker_affiliation && *pr->speaker_affiliation) {
        putf(o, ", <span class=\"affiliation\">%s</span>",
             H(pr->speaker_affiliation));
    }
    put(o, "</span>");
}

/* An asset of ours by its versioned URL, which browsers keep for good. */
static const char *asset_href(out_t *o, const char *name)
{
    const webcast_asset *a = webcast_asset_find(name);

    return href(o, apr_pstrcat(o->p, "/assets/", name, "?v=",
                               a ? a->version : "0", NULL));
}

/* doctype .. <body>. A page that follows the webcast names its status
 * resource on <body> and loads the script that polls it (SPEC 9). */
static const char *page_open(out_t *o, const char *title, const char *status,
                             const char *body_class)
{
    out_t *h = out_new(o->p, o->site);

    putf(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<title>%s</title>\n", webcast_html(o->p, title));
    putf(h, "<link rel=\"stylesheet\" href=\"%s\">\n",
         o->site->stylesheet ? webcast_html(o->p, o->site->stylesheet)
                             : asset_href(o, "webcast.css"));
    if (status) {
        putf(h, "<script src=\"%s\" defer></script>\n",
             asset_href(o, "webcast.js"));
    }
    put(h, o->head_extra ? o->head_extra : "");
    put(h, "</head>\n<body");
    if (body_class) {
        putf(h, " class=\"%s\"", body_class);
    }
    if (status) {
        putf(h, " data-webcast-status=\"%s\"", href(o, status));
    }
    put(h, ">\n");
    return done(h);
}

static webcast_page page_with(out_t *o, const char *title, const char *status,
                              const char *body_class)
{
    webcast_page pg;

    pg.open = page_open(o, title, status, body_class);
    pg.main = done(o);
    pg.close = "</body>\n</html>\n";
    return pg;
}

static webcast_page page(out_t *o, const char *title)
{
    return page_with(o, title, NULL, NULL);
}

/* What a page that updates itself adds: the region that announces a
 * change to screen readers, and for readers without JavaScript when to
 * reload (the script hides it). */
static void put_live_region(out_t *o)
{
    put(o, "<p id=\"webcast-announce\" class=\"sr-only\" "
           "aria-live=\"polite\"></p>\n");
    if (o->site->next_change) {
        put(o, "<p class=\"reload\">This page changes at ");
        put_time(o, o->site->next_change, WEBCAST_TIME_FULL);
        put(o, ": reload it then to see the change.</p>\n");
    }
}

/* The control room's notice, in a block the script can swap (empty and
 * hidden when there is none, so one can appear). */
static void put_notice(out_t *o, const char *notice)
{
    put(o, "<div id=\"webcast-notice\" class=\"notice-banner\" "
           "data-webcast-block>");
    if (notice && *notice) {
        putf(o, "<p>%s</p>", H(notice));
    }
    put(o, "</div>\n");
}

static void put_crumbs(out_t *o, const char *slug, const char *title)
{
    /* the separator is seen, not read out: the trail is announced */
    putf(o, "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"%s\">"
         "All workshops</a>", href(o, "/"));
    if (slug) {
        putf(o, " <span aria-hidden=\"true\">&rsaquo;</span> <a href=\"%s\">"
             "%s</a>", workshop_href(o, slug), H(title));
    }
    put(o, "</nav>\n");
}

/* ---- feeds ---- */

/* Where calendars and podcast apps subscribe: the feeds below `dir` ("/"
 * or "/workshops/<slug>/"), as <link>s for <head> ... */
static const char *feed_head(out_t *o, const char *dir, const char *title)
{
    const char *t = H(title);

    return apr_psprintf(o->p, "<link rel=\"alternate\" type=\"text/calendar\" "
        "href=\"%s\" title=\"%s (calendar)\">\n<link rel=\"alternate\" "
        "type=\"application/rss+xml\" href=\"%s\" title=\"%s (podcast)\">\n",
        href(o, apr_pstrcat(o->p, dir, "calendar.ics", NULL)), t,
        href(o, apr_pstrcat(o->p, dir, "archive.rss", NULL)), t);
}

/* ... and as links people see. */
static void put_feeds(out_t *o, const char *dir)
{
    putf(o, "<p class=\"feeds\"><a class=\"calendar\" href=\"%s\" "
         "type=\"text/calendar\">Add to calendar</a> <a class=\"podcast\" "
         "href=\"%s\" type=\"application/rss+xml\">Subscribe (podcast)</a>"
         "</p>\n", href(o, apr_pstrcat(o->p, dir, "calendar.ics", NULL)),
         href(o, apr_pstrcat(o->p, dir, "archive.rss", NULL)));
}

/* ---- index ---- */

static void put_workshop_list(out_t *o, const char *heading,
                              const webcast_workshop *const *list, int n,
                              int today, int which)
{
    int i, shown = 0;

    for (i = 0; i < n; i++) {
        const webcast_workshop *w = list[i];
        int when = w->ends_on < today ? -1 : w->starts_on > today ? 1 : 0;

        if (when != which) {
            continue;
        }
        if (shown++ == 0) {
            putf(o, "<section>\n<h2>%s</h2>\n<ul class=\"workshops\">\n",
                 heading);
        }
        putf(o, "<li><a href=\"%s\">%s</a> <span class=\"when\">%s</span>",
             workshop_href(o, w->slug), H(w->title),
             date_range(o, w->starts_on, w->ends_on));
        if (w->location && *w->location) {
            putf(o, " <span class=\"location\">%s</span>", H(w->location));
        }
        if (w->live_count > 0) {
            put(o, " <span class=\"badge live\">Live now</span>");
        }
        put(o, "</li>\n");
    }
    put(o, shown ? "</ul>\n</section>\n" : "");
}

webcast_page webcast_render_index(apr_pool_t *p, const webcast_site *site,
                                  const webcast_workshop *const *list, int n)
{
    out_t *o = out_new(p, site);
    int today = webcast_time_day(site->tz, site->now);

    put(o, "<main>\n<h1>Workshop webcasts</h1>\n");
    put_feeds(o, "/");
    o->head_extra = feed_head(o, "/", "Workshop webcasts");
    if (n == 0) {
        put(o, "<p>No workshops have been announced yet.</p>\n");
    }
    put_workshop_list(o, "On now", list, n, today, 0);
    put_workshop_list(o, "Upcoming", list, n, today, 1);
    put_workshop_list(o, "Past workshops", list, n, today, -1);
    put(o, "</main>\n");
    return page(o, "Workshop webcasts");
}

/* ---- workshop ---- */

static void put_now_item(out_t *o, const webcast_presentation *pr)
{
    putf(o, "<article>\n<h3><a href=\"%s\">%s</a></h3>\n<p class=\"byline\">",
         presentation_href(o, pr->id), H(pr->title));
    put_speaker(o, pr);
    put(o, " &middot; ");
    put_time(o, pr->starts_at, WEBCAST_TIME_FULL);
    put(o, "</p>\n");
    if (pr->notice && *pr->notice) {
        putf(o, "<p class=\"notice-banner\">%s</p>\n", H(pr->notice));
    }
    put_webcast(o, pr);
    put(o, "</article>\n");
}

static void put_now(out_t *o, const webcast_presentation *const *list, int n)
{
    static const char *const headings[] = {
        NULL, "Happening now", "Next webcast", "Most recent webcast"
    };
    int *picked = apr_palloc(o->p, (n + 1) * sizeof(int));
    int count, i;
    webcast_now_kind kind = webcast_now(list, n, picked, &count);

    if (kind == WEBCAST_NOW_NOTHING) {
        return;
    }
    putf(o, "<section class=\"now\">\n<h2>%s</h2>\n", headings[kind]);
    for (i = 0; i < count; i++) {
        put_now_item(o, list[picked[i]]);
    }
    put(o, "</section>\n");
}

/* The schedule line's state: a word, or a link where there is more. */
static void put_badge(out_t *o, const webcast_presentation *pr)
{
    if (!pr->has_webcast) {
        put(o, "<span class=\"badge none\">Not webcast</span>");
        return;
    }
    switch (pr->state) {
    case WEBCAST_STATE_UPCOMING:
        put(o, "<span class=\"badge upcoming\">Will be webcast</span>");
        break;
    case WEBCAST_STATE_LIVE:
        putf(o, "<a class=\"badge live\" href=\"%s\">Live now</a>",
             presentation_href(o, pr->id));
        break;
    case WEBCAST_STATE_CONCLUDED:
        put(o, "<span class=\"badge concluded\">Archive coming soon</span>");
        break;
    case WEBCAST_STATE_ARCHIVE:
        putf(o, "<a class=\"badge archive\" href=\"%s\">Watch the "
             "archive</a>", presentation_href(o, pr->id));
        break;
    case WEBCAST_STATE_EXTERNAL:
        if (webcast_url_linkable(pr->external_url)) {
            putf(o, "<a class=\"badge external\" href=\"%s\">Webcast by "
                 "%s</a>", H(pr->external_url),
                 H(pr->external_name ? pr->external_name : "a partner"));
        }
        else {
            putf(o, "<span class=\"badge external\">Webcast by %s</span>",
                 H(pr->external_name ? pr->external_name : "a partner"));
        }
        break;
    default:
        break;
    }
}

static void put_schedule(out_t *o, const webcast_presentation *const *list,
                         int n)
{
    int i, current = 0;

    put(o, "<section class=\"schedule\">\n<h2>Schedule</h2>\n");
    putf(o, "<p class=\"zone\">Times are in the %s time zone.</p>\n",
         H(webcast_tz_name(o->site->tz)));
    for (i = 0; i < n; i++) {
        const webcast_presentation *pr = list[i];
        int d = webcast_time_day(o->site->tz, pr->starts_at);

        if (d != current) {
            putf(o, "%s<h3>%s</h3>\n<ol class=\"day\">\n",
                 current ? "</ol>\n" : "",
                 day(o, d, WEBCAST_TIME_DATE));
            current = d;
        }
        putf(o, "<li class=\"%s\">", pr->has_webcast
             ? webcast_state_name(pr->state) : "none");
        put_time(o, pr->starts_at, WEBCAST_TIME_CLOCK);
        putf(o, " <span class=\"item\"><a class=\"title\" href=\"%s\">%s"
             "</a> ", presentation_href(o, pr->id), H(pr->title));
        put_speaker(o, pr);
        put(o, " ");
        put_badge(o, pr);
        put(o, "</span></li>\n");
    }
    put(o, current ? "</ol>\n" : "<p>No presentations yet.</p>\n");
    put(o, "</section>\n");
}

webcast_page webcast_render_workshop(apr_pool_t *p, const webcast_site *site,
                                     const webcast_workshop *w,
                                     const webcast_presentation *const *list,
                                     int n)
{
    out_t *o = out_new(p, site);
    const char *dir = apr_pstrcat(p, "/workshops/", w->slug, "/", NULL);

    o->head_extra = apr_pstrcat(p, feed_head(o, dir, w->title),
        "<link rel=\"alternate\" type=\"application/json\" href=\"",
        href(o, apr_pstrcat(p, dir, "schedule.json", NULL)), "\" title=\"",
        H(w->title), " (schedule)\">\n", NULL);
    put(o, "<main>\n");
    put_crumbs(o, NULL, NULL);
    putf(o, "<h1>%s</h1>\n<p class=\"when\">%s", H(w->title),
         date_range(o, w->starts_on, w->ends_on));
    if (w->location && *w->location) {
        putf(o, " &middot; <span class=\"location\">%s</span>",
             H(w->location));
    }
    put(o, "</p>\n");
    put_feeds(o, dir);
    if (w->summary) {
        put(o, "<div class=\"summary\">");
        put_paragraphs(o, w->summary);
        put(o, "</div>\n");
    }
    put_notice(o, w->notice);
    put_live_region(o);
    put(o, "<div id=\"webcast-now\" data-webcast-block>\n");
    put_now(o, list, n);
    put(o, "</div>\n<div id=\"webcast-schedule\" data-webcast-block>\n");
    put_schedule(o, list, n);
    put(o, "</div>\n</main>\n");
    return page_with(o, w->title, apr_pstrcat(p, dir, "status.json", NULL),
                     NULL);
}

/* ---- presentation ---- */

/* The archive's captions as text to read: each cue's start links into
 * the video - without script to the stream itself at that time (a media
 * fragment), with webcast.js it seeks the page's video (data-seek). */
static void put_transcript(out_t *o, const webcast_presentation *pr)
{
    apr_array_header_t *cues;
    const char *why, *hls, *t;
    int i;

    if (pr->state != WEBCAST_STATE_ARCHIVE || pr->captions == NULL
        || webcast_vtt_parse(o->p, pr->captions, strlen(pr->captions),
                             &cues) != NULL || cues->nelts == 0) {
        return;
    }
    hls = webcast_stream_url(o->p, o->site->archive_hls, pr,
                             WEBCAST_STREAM_ARCHIVE, &why);
    put(o, "<section class=\"transcript\" id=\"transcript\">\n"
           "<h2>Transcript</h2>\n<ol class=\"cues\">\n");
    for (i = 0; i < cues->nelts; i++) {
        const webcast_vtt_cue *c = APR_ARRAY_IDX(cues, i, webcast_vtt_cue *);
        const char *clock = webcast_vtt_clock(o->p, c->start);

        t = webcast_vtt_seconds(o->p, c->start);
        if (hls) {
            putf(o, "<li><a class=\"time\" href=\"%s#t=%s\" "
                 "data-seek=\"%s\">%s</a> ", H(hls), t, t, clock);
        }
        else {
            putf(o, "<li><span class=\"time\">%s</span> ", clock);
        }
        putf(o, "<span class=\"cue\">%s</span></li>\n", H(c->text));
    }
    put(o, "</ol>\n</section>\n");
}

webcast_page webcast_render_presentation(apr_pool_t *p,
                                         const webcast_site *site,
                                         const webcast_presentation *pr)
{
    out_t *o = out_new(p, site);

    put(o, "<main>\n");
    put_crumbs(o, pr->workshop_slug, pr->workshop_title);
    putf(o, "<h1>%s</h1>\n<p class=\"byline\">", H(pr->title));
    put_speaker(o, pr);
    put(o, "</p>\n<p class=\"when\">");
    put_time(o, pr->starts_at, WEBCAST_TIME_FULL);
    put(o, "</p>\n");
    put_notice(o, pr->notice);
    put_live_region(o);
    put(o, "<div id=\"webcast-block\" data-webcast-block>");
    put_webcast(o, pr);
    put(o, "</div>\n");
    put_transcript(o, pr);
    if (pr->summary && *pr->summary) {
        put(o, "<section class=\"summary\">\n<h2>About this talk</h2>\n");
        put_paragraphs(o, pr->summary);
        put(o, "</section>\n");
    }
    if (pr->speaker_bio && *pr->speaker_bio) {
        put(o, "<section class=\"bio\">\n<h2>About the speaker</h2>\n");
        put_paragraphs(o, pr->speaker_bio);
        put(o, "</section>\n");
    }
    if (webcast_url_linkable(pr->slides_url)
        || webcast_url_site_relative(pr->slides_url)) {
        putf(o, "<p class=\"slides\"><a href=\"%s\">Download the slides%s"
             "</a></p>\n", H(pr->slides_url), slides_kind(pr->slides_url));
    }
    putf(o, "<p class=\"back\"><a href=\"%s\">Back to the schedule of %s"
         "</a></p>\n</main>\n", workshop_href(o, pr->workshop_slug),
         H(pr->workshop_title));
    if (site->origin) {
        const char *self = apr_pstrcat(p, site->origin, site->mount,
            apr_psprintf(p, "/presentations/%u/", (unsigned)pr->id), NULL);
        o->head_extra = apr_psprintf(p, "<link rel=\"alternate\" "
            "type=\"application/json+oembed\" href=\"%s\" title=\"%s\">\n",
            href(o, apr_pstrcat(p, "/oembed?url=",
                                webcast_encode_segment(p, self, 0), NULL)),
            H(pr->title));
    }
    return page_with(o, pr->title, apr_psprintf(p, "/presentations/%u/"
                     "status.json", (unsigned)pr->id), NULL);
}

/* ---- embed ---- */

webcast_page webcast_render_embed(apr_pool_t *p, const webcast_site *site,
                                  const webcast_presentation *pr)
{
    out_t *o = out_new(p, site);

    /* links leave the partner's frame for our page */
    putf(o, "<main>\n<h1><a href=\"%s\" target=\"_blank\" "
         "rel=\"noopener\">%s</a></h1>\n<p class=\"byline\">",
         presentation_href(o, pr->id), H(pr->title));
    put_speaker(o, pr);
    put(o, "</p>\n");
    put_notice(o, pr->notice);
    put_live_region(o);
    put(o, "<div id=\"webcast-block\" data-webcast-block>");
    put_webcast(o, pr);
    put(o, "</div>\n</main>\n");
    return page_with(o, pr->title, apr_psprintf(p, "/presentations/%u/"
                     "status.json", (unsigned)pr->id), "embed");
}

/* ---- errors ---- */

const char *webcast_render_error(apr_pool_t *p, const webcast_site *site,
                                 int status)
{
    out_t *o = out_new(p, site);
    webcast_page pg;

    put(o, "<main>\n");
    if (status == 503) {
        put(o, "<h1>Webcasts are briefly unavailable</h1>\n"
               "<p>The schedule could not be read just now. Please reload "
               "this page in a few seconds.</p>\n");
    }
    else {
        putf(o, "<h1>Page not found</h1>\n<p>There is no such workshop, "
             "presentation or webcast here. <a href=\"%s\">See all "
             "workshops</a>.</p>\n", href(o, "/"));
    }
    put(o, "</main>\n");
    pg = page(o, status == 503 ? "Webcasts briefly unavailable"
                               : "Page not found");
    return apr_pstrcat(p, pg.open, pg.main, pg.close, NULL);
}
