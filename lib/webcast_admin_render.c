/* webcast_admin_render.c - the staff admin's pages.
 *
 * Written for the student helper who flips a talk live at noon on a
 * phone: big buttons with plain words, one obvious action per talk, an
 * Undo after every state change, messages beside the field they are
 * about, and nothing that needs JavaScript. Every database or form value
 * passes through H() where it is written.
 */
#include <stdarg.h>
#include <string.h>

#include <apr_strings.h>
#include <apr_tables.h>

#include "webcast_admin_render.h"
#include "webcast_html.h"
#include "webcast_slides.h"
#include "webcast_state.h"

typedef struct {
    apr_pool_t *p;
    const webcast_admin_site *site;
    apr_array_header_t *parts;
} out_t;

#define H(s) webcast_html(o->p, (s))

/* A breadcrumb separator: seen, not read out ("right-pointing angle
 * quotation mark") by screen readers, which announce the trail itself. */
#define CRUMB_SEP "<span aria-hidden=\"true\">&rsaquo;</span>"
#define CRUMBS_OPEN "<nav class=\"crumbs\" aria-label=\"Breadcrumb\">"

static const char admin_css[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:1.05rem/1.45 system-ui,-apple-system,\"Segoe UI\","
    "Roboto,sans-serif;color:#1d1d1f;background:#f4f5f7}\n"
    "header.bar{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;"
    "align-items:center;padding:.6rem 1rem;background:#1d2a3a;color:#fff}\n"
    "header.bar a{color:#fff;font-weight:bold}\n"
    "header.bar nav{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}\n"
    "header.bar .user{margin-left:auto;font-size:.9rem;opacity:.85}\n"
    "main{max-width:54rem;margin:0 auto;padding:1rem}\n"
    "a{color:#0b57b3}\n"
    /* one clear focus ring everywhere (a date field's calendar button
     * takes the focus inside the field, where only :focus-within sees
     * it: ring the field) */
    ":focus-visible,input:focus-within,select:focus,textarea:focus{"
    "outline:3px solid #0b57b3;outline-offset:2px}\n"
    "header.bar a:focus-visible{outline-color:#fff}\n"
    "h1{font-size:1.6rem;margin:.4rem 0 .8rem}\n"
    "h2{font-size:1.25rem;margin:1.6rem 0 .5rem}\n"
    ".crumbs{font-size:.9rem;margin:.2rem 0}\n"
    ".notice{border-left:.4rem solid #1a7f37;background:#e9f7ee;"
    "padding:.6rem 1rem;margin:0 0 1rem;border-radius:.3rem}\n"
    ".notice.problem{border-color:#c4001a;background:#fdecee}\n"
    ".notice form{display:inline-block;margin:.3rem .5rem 0 0}\n"
    "ol.talks,ul.plain{list-style:none;padding:0;margin:0}\n"
    "ol.talks>li{background:#fff;border:1px solid #d5d9e0;"
    "border-radius:.5rem;padding:.7rem 1rem;margin:0 0 .7rem}\n"
    "ol.talks .when{font-weight:bold;margin-right:.5rem}\n"
    ".talk-title{font-size:1.1rem;font-weight:bold}\n"
    ".meta{color:#555;font-size:.92rem}\n"
    ".actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;"
    "margin-top:.5rem}\n"
    ".actions form{margin:0}\n"
    ".mode{font-size:.9rem;color:#3d3d3d;margin:.2rem 0}\n"
    ".notice-form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;"
    "margin:.4rem 0}\n.notice-form input[name=notice]{flex:1 1 14rem;"
    "font:inherit;padding:.5rem;border:1px solid #8a93a3;"
    "border-radius:.3rem}\n"
    "button,.button{display:inline-block;font:inherit;font-weight:bold;"
    "padding:.55rem 1.1rem;border-radius:.4rem;border:2px solid #0b57b3;"
    "background:#0b57b3;color:#fff;cursor:pointer;text-decoration:none;"
    "min-height:2.8rem}\n"
    "button.secondary,.button.secondary{background:#fff;color:#0b57b3}\n"
    "button.danger{background:#c4001a;border-color:#c4001a}\n"
    "button.big{font-size:1.25rem;padding:.8rem 1.6rem;min-height:3.5rem}\n"
    "button.to-live{background:#c4001a;border-color:#c4001a}\n"
    "button.to-concluded{background:#5a3e99;border-color:#5a3e99}\n"
    "button.to-archive{background:#1a7f37;border-color:#1a7f37}\n"
    ".state{display:inline-block;font-size:.85rem;font-weight:bold;"
    "padding:.05rem .5rem;border-radius:.3rem;border:1px solid #99a}\n"
    ".state.live{background:#c4001a;color:#fff;border-color:#c4001a}\n"
    ".state.archive{background:#1a7f37;color:#fff;border-color:#1a7f37}\n"
    ".state.concluded{background:#5a3e99;color:#fff;border-color:#5a3e99}\n"
    ".state.none{color:#595959;border-color:#ccc}\n"
    "form.record{background:#fff;border:1px solid #d5d9e0;"
    "border-radius:.5rem;padding:1rem}\n"
    ".field{margin:0 0 1.1rem}\n"
    ".field label{display:block;font-weight:bold;margin-bottom:.2rem}\n"
    ".field.check label{display:inline;margin-left:.4rem}\n"
    ".field input[type=checkbox]{width:1.4rem;height:1.4rem;"
    "vertical-align:middle}\n"
    "input[type=text],input[type=url],input[type=date],"
    "input[type=datetime-local],select,textarea{width:100%;font:inherit;"
    "padding:.5rem;border:1px solid #8a93a3;border-radius:.3rem;"
    "background:#fff}\n"
    "textarea{min-height:6rem}\n"
    ".help{color:#555;font-size:.9rem;margin:.2rem 0 0}\n"
    ".error{color:#b00016;font-weight:bold;margin:.1rem 0 .2rem}\n"
    ".field.invalid input,.field.invalid select,.field.invalid textarea"
    "{border:2px solid #b00016}\n"
    ".note{background:#fff7d6;border:1px solid #e6c200;padding:.3rem .5rem;"
    "border-radius:.3rem;margin:.2rem 0}\n"
    /* min-width: a fieldset is as wide as its widest field by default,
     * wider than a phone at 400% zoom */
    "fieldset{border:1px solid #d5d9e0;border-radius:.4rem;"
    "margin:0 0 1rem;padding:.5rem 1rem;min-width:0}\n"
    "legend{font-weight:bold;padding:0 .3rem}\n"
    "table{border-collapse:collapse;width:100%;background:#fff;"
    "font-size:.92rem}\n"
    "th,td{border:1px solid #d5d9e0;padding:.3rem .5rem;text-align:left;"
    "vertical-align:top;overflow-wrap:anywhere}\n"
    ".details dt{font-weight:bold}\n"
    "ol.talks>li.bad{border:2px solid #b00016}\n"
    ".problems{color:#b00016;font-weight:bold;margin:.2rem 0;"
    "padding-left:1.2rem}\n"
    ".details dd{margin:0 0 .5rem}\n"
    "@media (max-width:36rem){main{padding:.6rem}h1{font-size:1.35rem}"
    "table,thead,tbody,tr,th,td{display:block}thead{display:none}"
    "td{border:0;padding:.1rem 0}tr{border-bottom:1px solid #d5d9e0;"
    "padding:.4rem 0}}\n";

static out_t *out_new(apr_pool_t *p, const webcast_admin_site *site)
{
    out_t *o = apr_palloc(p, sizeof(*o));
    o->p = p;
    o->site = site;
    o->parts = apr_array_make(p, 64, sizeof(const char *));
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

/* An admin URL below the mount point, escaped for an attribute. */
static const char *href(out_t *o, const char *fmt, ...)
{
    va_list ap;
    const char *path;

    va_start(ap, fmt);
    path = apr_pvsprintf(o->p, fmt, ap);
    va_end(ap);
    return H(apr_pstrcat(o->p, o->site->mount, path, NULL));
}

static const char *page(out_t *o, const char *title)
{
    out_t *h = out_new(o->p, o->site);

    putf(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
         "<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex\">\n"
         "<title>%s &ndash; webcast admin</title>\n<style>\n%s</style>\n"
         "</head>\n<body>\n<header class=\"bar\"><nav aria-label=\"Admin\">"
         "<a href=\"%s\">Today</a> <a href=\"%s\">Workshops</a>",
         H(title), admin_css, href(o, "/"), href(o, "/workshops/"));
    if (o->site->public_mount) {
        putf(h, " <a href=\"%s/\">Public site</a>",
             H(o->site->public_mount));
    }
    putf(h, "</nav> <span class=\"user\">Signed in as %s</span></header>\n"
         "<main>\n", H(o->site->user));
    put(h, apr_array_pstrcat(o->p, o->parts, '\0'));
    put(h, "</main>\n</body>\n</html>\n");
    return apr_array_pstrcat(o->p, h->parts, '\0');
}

static void put_time(out_t *o, apr_time_t t, webcast_time_style style)
{
    putf(o, "<time datetime=\"%s\">%s</time>",
         webcast_time_format(o->p, o->site->tz, t, WEBCAST_TIME_ISO),
         H(webcast_time_format(o->p, o->site->tz, t, style)));
}

/* The hidden fields every change carries. */
static void put_token(out_t *o)
{
    putf(o, "<input type=\"hidden\" name=\"token\" value=\"%s\">",
         H(o->site->token));
}

/* The state the public site shows now: the schedule's when the record
 * follows it (SPEC 8). */
static webcast_state shown_state(out_t *o, const webcast_record *pr,
                                 apr_time_t *since, apr_time_t *until)
{
    return webcast_record_shown(o->p, pr, o->site->now, o->site->live_url,
                                o->site->live_hls, since, until);
}

static webcast_state state_of_at(out_t *o, const webcast_record *pr)
{
    apr_time_t since, until;

    return shown_state(o, pr, &since, &until);
}

#define state_of(pr) state_of_at(o, (pr))

static int follows_schedule(const webcast_record *pr)
{
    return webcast_value_equal(pr->value[PF_WEBCAST_AUTO], "1");
}

static int webcast_of(const webcast_record *pr)
{
    return pr->value[PF_HAS_WEBCAST]
           && strcmp(pr->value[PF_HAS_WEBCAST], "0") != 0;
}

static void put_state(out_t *o, const webcast_record *pr)
{
    webcast_state st = state_of(pr);

    if (!webcast_of(pr)) {
        put(o, "<span class=\"state none\">Not webcast</span>");
        return;
    }
    putf(o, "<span class=\"state %s\">%s</span>", webcast_state_name(st),
         webcast_state_label(st));
}

/* Automatic or manual, and why (SPEC 8): "Automatic: Live since noon by
 * the schedule; Ended at 1 p.m.", "Manual: set to Ended by helper at
 * 1:02 p.m.". */
static void put_mode(out_t *o, const webcast_record *pr)
{
    apr_time_t since, until;
    webcast_state st;

    if (!webcast_of(pr)) {
        return;
    }
    st = shown_state(o, pr, &since, &until);
    put(o, "<p class=\"mode\">");
    if (follows_schedule(pr)) {
        putf(o, "<strong>Automatic:</strong> %s", webcast_state_label(st));
        if (since) {
            put(o, " since ");
            put_time(o, since, WEBCAST_TIME_CLOCK);
        }
        put(o, " by the schedule");
        if (until) {
            put(o, "; changes at ");
            put_time(o, until, WEBCAST_TIME_CLOCK);
        }
        put(o, ".</p>");
        return;
    }
    putf(o, "<strong>Manual:</strong> set to %s", webcast_state_label(st));
    if (pr->state_user) {
        putf(o, " by %s at ", H(pr->state_user));
        put_time(o, pr->state_at, WEBCAST_TIME_CLOCK);
    }
    put(o, "; the schedule waits.</p>");
}

/* Back to the schedule, one click. */
static void put_follow(out_t *o, const webcast_record *pr, const char *back,
                       const char *label)
{
    putf(o, "<form method=\"post\" action=\"%s\">",
         href(o, "/presentations/%u/auto", (unsigned)pr->id));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"back\" value=\"%s\">"
         "<button type=\"submit\" class=\"secondary\" aria-label=\"%s: "
         "%s\">%s</button></form>", back, label, H(pr->value[PF_TITLE]),
         label);
}

/* The control room's notice for viewers: set it, or clear it, in one
 * click. `what` is "presentations" or "workshops". */
static void put_notice_form(out_t *o, const char *what, apr_uint32_t id,
                            const char *notice, const char *name)
{
    const char *fid = apr_psprintf(o->p, "n-%c%u", what[0], (unsigned)id);

    putf(o, "<form class=\"notice-form\" method=\"post\" action=\"%s\">",
         href(o, "/%s/%u/notice", what, (unsigned)id));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"back\" value=\"today\">"
         "<label for=\"%s\">Notice for viewers of %s</label> "
         "<input id=\"%s\" name=\"notice\" maxlength=\"1000\" "
         "value=\"%s\" placeholder=\"e.g. Back in five minutes\"> "
         "<button type=\"submit\" class=\"secondary\">Set notice</button>"
         "</form>", fid, H(name), fid, H(notice ? notice : ""));
    if (notice && *notice) {
        putf(o, "<form class=\"notice-form\" method=\"post\" "
             "action=\"%s\">", href(o, "/%s/%u/notice", what, (unsigned)id));
        put_token(o);
        putf(o, "<input type=\"hidden\" name=\"back\" value=\"today\">"
             "<input type=\"hidden\" name=\"notice\" value=\"\">"
             "<button type=\"submit\" aria-label=\"Clear notice: %s\">"
             "Clear notice</button></form>", H(name));
    }
}

int webcast_admin_next_state(webcast_state state, webcast_state *next,
                             const char **label)
{
    switch (state) {
    case WEBCAST_STATE_UPCOMING:
        *next = WEBCAST_STATE_LIVE;
        *label = "Go live";
        return 1;
    case WEBCAST_STATE_LIVE:
        *next = WEBCAST_STATE_CONCLUDED;
        *label = "Ended";
        return 1;
    case WEBCAST_STATE_CONCLUDED:
        *next = WEBCAST_STATE_ARCHIVE;
        *label = "Archive ready";
        return 1;
    default:
        return 0;
    }
}

/* A one-click state change: a small POST form. `back` is the page to
 * return to ("today" or "workshop"). */
static void put_flip(out_t *o, const webcast_record *pr, webcast_state to,
                     const char *label, const char *back, const char *cls)
{
    putf(o, "<form method=\"post\" action=\"%s\">",
         href(o, "/presentations/%u/state", (unsigned)pr->id));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"from\" value=\"%s\">"
         "<input type=\"hidden\" name=\"back\" value=\"%s\">"
         "<button type=\"submit\" name=\"to\" value=\"%s\" class=\"%s to-%s\" "
         "aria-label=\"%s: %s\">%s</button></form>",
         webcast_state_name(state_of(pr)), back, webcast_state_name(to),
         cls, webcast_state_name(to), label, H(pr->value[PF_TITLE]), label);
}

static void put_talk(out_t *o, const webcast_record *pr, const char *back,
                     int show_workshop, int big)
{
    webcast_state next;
    const char *label;
    apr_time_t t = webcast_value_time(pr->value[PF_STARTS_AT]);

    putf(o, "<li id=\"p%u\"><p>", (unsigned)pr->id);
    if (t) {
        put(o, "<span class=\"when\">");
        put_time(o, t, WEBCAST_TIME_CLOCK);
        put(o, "</span> ");
    }
    putf(o, "<span class=\"talk-title\">%s</span> ", H(pr->value[PF_TITLE]));
    put_state(o, pr);
    put(o, "</p>\n<p class=\"meta\">");
    if (pr->value[PF_SPEAKER_NAME] && *pr->value[PF_SPEAKER_NAME]) {
        putf(o, "%s &middot; ", H(pr->value[PF_SPEAKER_NAME]));
    }
    if (t) {
        put(o, H(webcast_time_format(o->p, o->site->tz, t,
                                     WEBCAST_TIME_DATE)));
    }
    if (show_workshop && pr->workshop_title) {
        putf(o, " &middot; <a href=\"%s\">%s</a>",
             href(o, "/workshops/%s/", pr->value[PF_WORKSHOP_ID]),
             H(pr->workshop_title));
    }
    put(o, "</p>\n");
    put_mode(o, pr);
    put(o, "<div class=\"actions\">");
    if (webcast_of(pr) && webcast_admin_next_state(state_of(pr), &next,
                                                   &label)) {
        put_flip(o, pr, next, label, back, big ? "big" : "");
    }
    if (webcast_of(pr) && !follows_schedule(pr)) {
        put_follow(o, pr, back, "Follow the schedule");
    }
    putf(o, "<a class=\"button secondary\" href=\"%s\" aria-label=\"Edit: "
         "%s\">Edit</a>", href(o, "/presentations/%u/edit", (unsigned)pr->id),
         H(pr->value[PF_TITLE]));
    if (o->site->public_mount) {
        putf(o, "<a href=\"%s/presentations/%u/\">View on the site</a>",
             H(o->site->public_mount), (unsigned)pr->id);
    }
    put(o, "</div>\n");
    if (big && webcast_of(pr)) {
        put_notice_form(o, "presentations", pr->id, pr->value[PF_NOTICE],
                        pr->value[PF_TITLE]);
    }
    put(o, "</li>\n");
}

static const webcast_record *find(webcast_record *const *list, int n,
                                  apr_uint32_t id)
{
    int i;

    for (i = 0; i < n; i++) {
        if (list[i]->id == id) {
            return list[i];
        }
    }
    return NULL;
}

/* After a state change: what happened, an Undo, and when a talk just went
 * live, an offer to end the ones before it in its workshop still live. */
static void put_notice(out_t *o, const webcast_admin_notice *notice,
                       webcast_record *const *list, int n, const char *back)
{
    const webcast_record *pr;
    int i;

    if (notice == NULL) {
        return;
    }
    if (notice->text) {
        putf(o, "<div class=\"notice\" role=\"status\"><p>%s</p></div>\n",
             H(notice->text));
    }
    pr = notice->flipped ? find(list, n, notice->flipped) : NULL;
    if (pr == NULL || (!notice->from_auto && (notice->from == state_of(pr)
        || notice->from == WEBCAST_STATE_UNKNOWN))
        || (notice->from_auto && follows_schedule(pr))) {
        return;
    }
    putf(o, "<div class=\"notice\" role=\"status\"><p>&ldquo;%s&rdquo; is "
         "now <strong>%s</strong>.</p>", H(pr->value[PF_TITLE]),
         webcast_state_label(state_of(pr)));
    if (notice->from_auto) {
        put_follow(o, pr, back, "Undo");
    }
    else {
        put_flip(o, pr, notice->from, "Undo", back, "secondary");
    }
    put(o, "\n");
    for (i = 0; state_of(pr) == WEBCAST_STATE_LIVE && i < n; i++) {
        const webcast_record *q = list[i];
        if (q != pr && webcast_of(q) && state_of(q) == WEBCAST_STATE_LIVE
            && webcast_value_equal(q->value[PF_WORKSHOP_ID],
                                   pr->value[PF_WORKSHOP_ID])
            && strcmp(q->value[PF_STARTS_AT], pr->value[PF_STARTS_AT]) < 0) {
            putf(o, "<p>&ldquo;%s&rdquo;, before it, is still live.</p>",
                 H(q->value[PF_TITLE]));
            put_flip(o, q, WEBCAST_STATE_CONCLUDED,
                     "End the one before", back, "");
            put(o, "\n");
        }
    }
    put(o, "</div>\n");
}

/* ---- today ---- */

const char *webcast_admin_render_today(apr_pool_t *p,
                                       const webcast_admin_site *site,
                                       const webcast_admin_notice *notice,
                                       webcast_record *const *list, int n)
{
    out_t *o = out_new(p, site);
    const char *current = NULL;
    int i;

    putf(o, "<h1>Today&rsquo;s webcasts</h1>\n<p class=\"meta\">%s "
         "&middot; times in %s</p>\n",
         H(webcast_time_format(p, site->tz, site->now, WEBCAST_TIME_DATE)),
         H(webcast_tz_name(site->tz)));
    put_notice(o, notice, list, n, "today");
    if (n == 0) {
        putf(o, "<p>Nothing is on today and nothing is live. See <a "
             "href=\"%s\">all workshops</a>.</p>\n", href(o, "/workshops/"));
    }
    for (i = 0; i < n; i++) {
        const webcast_record *pr = list[i];
        if (current == NULL || !webcast_value_equal(current,
                                                    pr->value[PF_WORKSHOP_ID])) {
            putf(o, "%s<h2><a href=\"%s\">%s</a></h2>\n",
                 current ? "</ol>\n" : "",
                 href(o, "/workshops/%s/", pr->value[PF_WORKSHOP_ID]),
                 H(pr->workshop_title));
            put_notice_form(o, "workshops", (apr_uint32_t)apr_atoi64(
                            pr->value[PF_WORKSHOP_ID]), pr->workshop_notice,
                            pr->workshop_title);
            put(o, "<ol class=\"talks\">\n");
            current = pr->value[PF_WORKSHOP_ID];
        }
        put_talk(o, pr, "today", 0, 1);
    }
    put(o, current ? "</ol>\n" : "");
    return page(o, "Today");
}

/* ---- workshops ---- */

static const char *date_range(out_t *o, const webcast_record *w)
{
    int n;
    const webcast_field *f = webcast_fields(WEBCAST_WORKSHOP, &n);

    return apr_pstrcat(o->p, webcast_value_readable(o->p, o->site->tz,
                       &f[WF_STARTS_ON], w->value[WF_STARTS_ON]), " to ",
                       webcast_value_readable(o->p, o->site->tz,
                       &f[WF_ENDS_ON], w->value[WF_ENDS_ON]), NULL);
}

const char *webcast_admin_render_workshops(apr_pool_t *p,
                                           const webcast_admin_site *site,
                                           const webcast_admin_notice *note,
                                           webcast_record *const *list,
                                           int n)
{
    out_t *o = out_new(p, site);
    int i;

    put(o, "<h1>Workshops</h1>\n");
    put_notice(o, note, NULL, 0, "workshop");
    putf(o, "<p><a class=\"button\" href=\"%s\">New workshop</a></p>\n",
         href(o, "/workshops/new"));
    if (n == 0) {
        put(o, "<p>There are no workshops yet.</p>\n");
    }
    put(o, n ? "<ol class=\"talks\">\n" : "");
    for (i = 0; i < n; i++) {
        const webcast_record *w = list[i];
        putf(o, "<li><p><a class=\"talk-title\" href=\"%s\">%s</a></p>\n"
             "<p class=\"meta\">%s &middot; %d presentation%s%s%s</p></li>\n",
             href(o, "/workshops/%u/", (unsigned)w->id),
             H(w->value[WF_TITLE]), H(date_range(o, w)), w->count,
             w->count == 1 ? "" : "s",
             w->value[WF_LOCATION] ? " &middot; " : "",
             H(w->value[WF_LOCATION]));
    }
    put(o, n ? "</ol>\n" : "");
    return page(o, "Workshops");
}

/* ---- history ---- */

static const webcast_field *field_named(webcast_kind kind, const char *name)
{
    int n, i;
    const webcast_field *f = webcast_fields(kind, &n);

    for (i = 0; name && i < n; i++) {
        if (strcmp(f[i].name, name) == 0) {
            return &f[i];
        }
    }
    return NULL;
}

/* Long texts are cut in the table; the trail in the database has all. */
static const char *shown(out_t *o, webcast_kind kind, const char *field,
                         const char *value)
{
    const webcast_field *f = field_named(kind, field);
    const char *s;
    apr_size_t n = 0;

    if (f == NULL) {
        return value ? value : "(empty)";
    }
    s = webcast_value_readable(o->p, o->site->tz, f, value);
    while (s[n] && n < 200) {
        n += webcast_utf8_len(s + n) ? webcast_utf8_len(s + n) : 1;
    }
    return s[n] ? apr_pstrcat(o->p, apr_pstrndup(o->p, s, n), "…", NULL)
                : s;
}

static void put_history(out_t *o, webcast_kind kind,
                        const webcast_change *const *h, int n)
{
    int i;

    put(o, "<section class=\"history\">\n<h2>History</h2>\n");
    if (n == 0) {
        put(o, "<p>No changes have been made through the admin yet.</p>\n"
               "</section>\n");
        return;
    }
    put(o, "<table>\n<thead><tr><th>When</th><th>Who</th><th>What</th>"
           "<th>Before</th><th>After</th></tr></thead>\n<tbody>\n");
    for (i = 0; i < n; i++) {
        const webcast_field *f = field_named(kind, h[i]->field);
        put(o, "<tr><td>");
        put_time(o, h[i]->at, WEBCAST_TIME_FULL);
        putf(o, "</td><td>%s</td><td>%s%s</td><td>%s</td><td>%s</td></tr>\n",
             H(h[i]->user),
             strcmp(h[i]->action, "update") == 0 ? ""
             : strcmp(h[i]->action, "create") == 0 ? "Created: "
             : "Deleted: ", H(f ? f->label : h[i]->field),
             H(shown(o, kind, h[i]->field, h[i]->old_value)),
             H(shown(o, kind, h[i]->field, h[i]->new_value)));
    }
    put(o, "</tbody>\n</table>\n</section>\n");
}

/* ---- a workshop ---- */

const char *webcast_admin_render_workshop(
    apr_pool_t *p, const webcast_admin_site *site,
    const webcast_admin_notice *notice, const webcast_record *w,
    webcast_record *const *list, int n,
    const webcast_change *const *history, int nhistory)
{
    out_t *o = out_new(p, site);
    int i;

    putf(o, CRUMBS_OPEN "<a href=\"%s\">Workshops</a> " CRUMB_SEP "</nav>"
         "\n<h1>%s</h1>\n<p class=\"meta\">%s%s%s</p>\n",
         href(o, "/workshops/"), H(w->value[WF_TITLE]),
         H(date_range(o, w)), w->value[WF_LOCATION] ? " &middot; " : "",
         H(w->value[WF_LOCATION]));
    put_notice(o, notice, list, n, "workshop");
    putf(o, "<div class=\"actions\"><a class=\"button\" href=\"%s\">"
         "New presentation</a> <a class=\"button secondary\" href=\"%s\">"
         "Import a schedule</a> <a class=\"button secondary\" href=\"%s\">"
         "Edit workshop</a> <a class=\"button secondary\" href=\"%s\">"
         "Delete workshop</a>",
         href(o, "/presentations/new?workshop=%u", (unsigned)w->id),
         href(o, "/workshops/%u/import", (unsigned)w->id),
         href(o, "/workshops/%u/edit", (unsigned)w->id),
         href(o, "/workshops/%u/delete", (unsigned)w->id));
    if (site->public_mount) {
        putf(o, " <a href=\"%s/workshops/%s/\">View on the site</a>",
             H(site->public_mount), H(w->value[WF_SLUG]));
    }
    put(o, "</div>\n<h2>Presentations</h2>\n");
    if (n == 0) {
        put(o, "<p>No presentations yet.</p>\n");
    }
    put(o, n ? "<ol class=\"talks\">\n" : "");
    for (i = 0; i < n; i++) {
        put_talk(o, list[i], "workshop", 0, 0);
    }
    put(o, n ? "</ol>\n" : "");
    put_history(o, WEBCAST_WORKSHOP, history, nhistory);
    return page(o, w->value[WF_TITLE]);
}

/* ---- forms ---- */

static void put_described(out_t *o, const char *id, int err, int note,
                          int help)
{
    if (!err && !note && !help) {
        return;
    }
    putf(o, " aria-describedby=\"%s%s%s%s%s%s\"",
         err ? id : "", err ? "-error" : "",
         note ? (err ? " " : "") : "", note ? apr_pstrcat(o->p, id, "-note",
                                                          NULL) : "",
         help ? (err || note ? " " : "") : "",
         help ? apr_pstrcat(o->p, id, "-help", NULL) : "");
    if (err) {
        put(o, " aria-invalid=\"true\"");
    }
}

static void put_options_state(out_t *o, const char *raw)
{
    int s;

    for (s = 0; s < WEBCAST_STATE_UNKNOWN; s++) {
        const char *name = webcast_state_name((webcast_state)s);
        putf(o, "<option value=\"%s\"%s>%s</option>", name,
             raw && strcmp(raw, name) == 0 ? " selected" : "",
             webcast_state_label((webcast_state)s));
    }
}

static void put_options_workshop(out_t *o, const webcast_admin_form_page *pg,
                                 const char *raw)
{
    int i, found = 0;

    for (i = 0; i < pg->nworkshops; i++) {
        const char *id = apr_psprintf(o->p, "%u",
                                      (unsigned)pg->workshops[i]->id);
        int sel = raw && strcmp(raw, id) == 0;
        found |= sel;
        putf(o, "<option value=\"%s\"%s>%s</option>", id,
             sel ? " selected" : "", H(pg->workshops[i]->value[WF_TITLE]));
    }
    if (!found) {
        putf(o, "<option value=\"%s\" selected>%s</option>", H(raw),
             !raw || !*raw ? "Pick a workshop"
             : pg->nworkshops ? "(no such workshop)"
             : apr_pstrcat(o->p, "Workshop #", H(raw), NULL));
    }
}

static void put_field(out_t *o, const webcast_admin_form_page *pg,
                      const webcast_field *f, int i)
{
    const webcast_form *form = pg->form;
    const char *id = apr_pstrcat(o->p, "f-", f->name, NULL);
    const char *raw = form->raw[i];
    const char *err = form->error[i], *note = form->note[i];
    const char *help = f->help;
    int check = f->type == WEBCAST_FIELD_BOOL;

    if (f->type == WEBCAST_FIELD_DATETIME) {
        help = apr_psprintf(o->p, "Day and time in %s, the site's time "
                            "zone.", webcast_tz_name(o->site->tz));
    }
    putf(o, "<div class=\"field%s%s\">\n", check ? " check" : "",
         err ? " invalid" : "");
    if (check) {
        putf(o, "<input type=\"checkbox\" id=\"%s\" name=\"%s\" value=\"1\"%s",
             id, f->name, raw && *raw ? " checked" : "");
        put_described(o, id, err != NULL, note != NULL, help != NULL);
        putf(o, "><label for=\"%s\">%s</label>\n", id, H(f->label));
    }
    else {
        putf(o, "<label for=\"%s\">%s%s</label>\n", id, H(f->label),
             f->missing ? "" : " <span class=\"meta\">(optional)</span>");
    }
    if (err) {
        putf(o, "<p class=\"error\" id=\"%s-error\">%s</p>\n", id, H(err));
    }
    if (note) {
        putf(o, "<p class=\"note\" id=\"%s-note\">%s</p>\n", id, H(note));
    }
    switch (f->type) {
    case WEBCAST_FIELD_BOOL:
        break;
    case WEBCAST_FIELD_TEXT:
        putf(o, "<textarea id=\"%s\" name=\"%s\" rows=\"5\"", id, f->name);
        put_described(o, id, err != NULL, note != NULL, help != NULL);
        /* the parser drops one newline after <textarea>: give it one */
        putf(o, ">\n%s</textarea>\n", H(raw));
        break;
    case WEBCAST_FIELD_STATE:
    case WEBCAST_FIELD_WORKSHOP:
        putf(o, "<select id=\"%s\" name=\"%s\"", id, f->name);
        put_described(o, id, err != NULL, note != NULL, help != NULL);
        put(o, ">");
        if (f->type == WEBCAST_FIELD_STATE) {
            put_options_state(o, raw);
        }
        else {
            put_options_workshop(o, pg, raw);
        }
        put(o, "</select>\n");
        break;
    default:
        putf(o, "<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"", id,
             f->name,
             f->type == WEBCAST_FIELD_DATE ? "date"
             : f->type == WEBCAST_FIELD_DATETIME ? "datetime-local"
             : f->type == WEBCAST_FIELD_URL ? "url" : "text", H(raw));
        if (f->type == WEBCAST_FIELD_LINK) {
            /* type="url" would refuse a path on this site */
            put(o, " inputmode=\"url\" autocapitalize=\"none\"");
        }
        if (f->type == WEBCAST_FIELD_DATETIME) {
            /* seconds, if a stored time has them, must not block saving */
            put(o, raw && strlen(raw) > 16 ? " step=\"1\"" : "");
        }
        else if (f->type != WEBCAST_FIELD_DATE) {
            putf(o, " maxlength=\"%lu\"", (unsigned long)f->max);
        }
        if (f->type == WEBCAST_FIELD_SLUG) {
            put(o, " pattern=\"[a-z0-9\\-]{1,64}\" autocapitalize=\"none\"");
        }
        if (f->type == WEBCAST_FIELD_BYTES) {
            put(o, " inputmode=\"numeric\"");
        }
        put(o, f->missing ? " required" : "");
        put_described(o, id, err != NULL, note != NULL, help != NULL);
        put(o, ">\n");
        break;
    }
    if (help) {
        putf(o, "<p class=\"help\" id=\"%s-help\">%s</p>\n", id, H(help));
    }
    put(o, "</div>\n");
}

/* Groups of a presentation's fields, so the long form reads in parts. */
static const struct {
    const char *legend;
    int from, to;
} talk_groups[] = {
    { "The talk", PF_WORKSHOP_ID, PF_SUMMARY },
    { "When", PF_STARTS_AT, PF_ENDS_AT },
    { "Webcast", PF_SLIDES_URL, PF_EXTERNAL_URL },
    { "Notice", PF_NOTICE, PF_NOTICE },
};

static void put_changes(out_t *o, webcast_kind kind,
                        const webcast_change *const *c, int n)
{
    int i;

    if (n == 0) {
        return;
    }
    put(o, "<p>Changed since you opened this form:</p>\n<ul>\n");
    for (i = n - 1; i >= 0; i--) {
        const webcast_field *f = field_named(kind, c[i]->field);
        putf(o, "<li>%s: &ldquo;%s&rdquo; &rarr; &ldquo;%s&rdquo;, by %s, ",
             H(f ? f->label : c[i]->field),
             H(shown(o, kind, c[i]->field, c[i]->old_value)),
             H(shown(o, kind, c[i]->field, c[i]->new_value)), H(c[i]->user));
        put_time(o, c[i]->at, WEBCAST_TIME_FULL);
        put(o, "</li>\n");
    }
    put(o, "</ul>\n");
}

/* Its own form (forms do not nest), after the record's: the token comes
 * first, as the upload handler wants it before the file. */
/* An upload's form, up to its file input's attributes: the form (token
 * first), the field's label, its problem, the input. The caller closes
 * the input tag, then writes its help (id "<id>-help") and buttons. */
static void put_file_input(out_t *o, const char *action, const char *name,
                           const char *label, const char *accept,
                           const char *problem)
{
    const char *id = apr_pstrcat(o->p, "f-", name, NULL);

    putf(o, "<form class=\"record\" method=\"post\" action=\"%s\" "
         "enctype=\"multipart/form-data\">\n", action);
    put_token(o);
    putf(o, "\n<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
         problem ? " invalid" : "", id, label);
    if (problem) {
        putf(o, "<p class=\"error\" id=\"%s-error\">%s</p>\n", id,
             H(problem));
    }
    putf(o, "<input type=\"file\" id=\"%s\" name=\"%s\" accept=\"%s\" "
         "required", id, name, H(accept));
    put_described(o, id, problem != NULL, 0, 1);
}

static void put_upload(out_t *o, const webcast_admin_form_page *pg)
{
    const webcast_admin_upload *up = pg->upload;

    put(o, "<section class=\"upload\" id=\"slides-upload\">\n"
           "<h2>Slides file</h2>\n");
    put_file_input(o, href(o, "/presentations/%u/slides", (unsigned)pg->id),
                   "slides_file", "Upload the slides",
                   webcast_slides_accept(o->p), up->problem);
    putf(o, ">\n<p class=\"help\" id=\"f-slides_file-help\">%s, up to %s. "
         "The file replaces the slides above: the public page links it at "
         "once.</p>\n</div>\n<div class=\"actions\"><button type=\"submit\">"
         "Upload</button></div>\n</form>\n</section>\n",
         H(webcast_slides_kinds(o->p)), H(webcast_size_text(o->p,
                                                            up->limit)));
}

/* The captions: what is stored (with a link to the public file), the
 * upload, and the way to remove them. Its own form too, token first. */
static void put_captions(out_t *o, const webcast_admin_form_page *pg)
{
    const webcast_admin_captions *c = pg->captions;

    put(o, "<section class=\"upload\" id=\"captions-upload\">\n"
           "<h2>Captions</h2>\n");
    if (c->bytes && o->site->public_mount) {
        putf(o, "<p>The archived video has captions (%s): <a href=\"%s\">"
             "captions.vtt</a>.</p>\n", H(webcast_size_text(o->p, c->bytes)),
             H(apr_psprintf(o->p, "%s/presentations/%u/captions.vtt",
                            o->site->public_mount, (unsigned)pg->id)));
    }
    else {
        putf(o, "<p>%s</p>\n", c->bytes ? "The archived video has captions."
             : "No captions yet.");
    }
    put_file_input(o, href(o, "/presentations/%u/captions", (unsigned)pg->id),
                   "captions_file", "Upload captions (WebVTT)",
                   ".vtt,text/vtt", c->problem);
    putf(o, ">\n<p class=\"help\" id=\"f-captions_file-help\">A WebVTT "
         "file (.vtt, UTF-8), up to %s. It %s: the archived video shows it, "
         "and the page its transcript.</p>\n</div>\n<div class=\"actions\">"
         "<button type=\"submit\">Upload captions</button>",
         H(webcast_size_text(o->p, c->limit)),
         c->bytes ? "replaces the captions above" : "becomes the captions");
    if (c->bytes) {
        putf(o, " <a class=\"button secondary\" href=\"%s\">Remove "
             "captions&hellip;</a>", href(o, "/presentations/%u/captions/"
                                          "delete", (unsigned)pg->id));
    }
    put(o, "</div>\n</form>\n</section>\n");
}

const char *webcast_admin_render_form(apr_pool_t *p,
                                      const webcast_admin_site *site,
                                      const webcast_admin_form_page *pg)
{
    out_t *o = out_new(p, site);
    webcast_kind kind = pg->form->kind;
    int n, i, g;
    const webcast_field *f = webcast_fields(kind, &n);
    const char *what = webcast_kind_name(kind);
    const char *title = pg->id
        ? apr_pstrcat(p, "Edit ", what, ": ", pg->form->raw[kind ==
                      WEBCAST_WORKSHOP ? WF_TITLE : PF_TITLE], NULL)
        : apr_pstrcat(p, "New ", what, NULL);

    putf(o, CRUMBS_OPEN "<a href=\"%s\">Workshops</a> " CRUMB_SEP,
         href(o, "/workshops/"));
    if (pg->workshop) {
        putf(o, " <a href=\"%s\">%s</a> " CRUMB_SEP,
             href(o, "/workshops/%u/", (unsigned)pg->workshop->id),
             H(pg->workshop->value[WF_TITLE]));
    }
    putf(o, "</nav>\n<h1>%s</h1>\n", H(title));
    if (pg->problem || pg->form->nerrors) {
        putf(o, "<div class=\"notice problem\" role=\"alert\"><p>%s</p>\n",
             H(pg->problem ? pg->problem
               : pg->form->nerrors == 1
               ? "Nothing was saved yet: one field needs a fix (marked "
                 "below)."
               : "Nothing was saved yet: some fields need a fix (marked "
                 "below)."));
        put_changes(o, kind, pg->changes, pg->nchanges);
        put(o, "</div>\n");
    }
    putf(o, "<form class=\"record\" method=\"post\" action=\"%s\">\n",
         pg->id ? href(o, "/%ss/%u/edit", what, (unsigned)pg->id)
                : href(o, "/%ss/new", what));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"version\" value=\"%u\">\n",
         (unsigned)pg->version);
    if (!pg->id && pg->shown) {
        putf(o, "<input type=\"hidden\" name=\"shown\" value=\"%u\">\n",
             (unsigned)pg->shown);
    }
    if (kind == WEBCAST_WORKSHOP) {
        for (i = 0; i < n; i++) {
            put_field(o, pg, &f[i], i);
        }
    }
    else {
        for (g = 0; g < (int)(sizeof(talk_groups) / sizeof(talk_groups[0]));
             g++) {
            putf(o, "<fieldset><legend>%s</legend>\n", talk_groups[g].legend);
            for (i = talk_groups[g].from; i <= talk_groups[g].to; i++) {
                put_field(o, pg, &f[i], i);
            }
            put(o, "</fieldset>\n");
        }
    }
    putf(o, "<div class=\"actions\"><button type=\"submit\" class=\"big\">"
         "Save</button> <a href=\"%s\">Cancel</a>",
         pg->workshop ? href(o, "/workshops/%u/", (unsigned)pg->workshop->id)
         : pg->id && kind == WEBCAST_WORKSHOP
         ? href(o, "/workshops/%u/", (unsigned)pg->id)
         : href(o, "/workshops/"));
    if (pg->id) {
        putf(o, " <a href=\"%s\">Delete this %s&hellip;</a>",
             href(o, "/%ss/%u/delete", what, (unsigned)pg->id), what);
    }
    put(o, "</div>\n</form>\n");
    if (pg->id && pg->upload && kind == WEBCAST_PRESENTATION) {
        put_upload(o, pg);
    }
    if (pg->id && pg->captions && kind == WEBCAST_PRESENTATION) {
        put_captions(o, pg);
    }
    if (pg->id) {
        put_history(o, kind, pg->history, pg->nhistory);
    }
    return page(o, title);
}

/* ---- delete ---- */

const char *webcast_admin_render_delete(apr_pool_t *p,
                                        const webcast_admin_site *site,
                                        const webcast_record *rec)
{
    out_t *o = out_new(p, site);
    const char *what = webcast_kind_name(rec->kind);
    const char *title = rec->value[rec->kind == WEBCAST_WORKSHOP ? WF_TITLE
                                                                 : PF_TITLE];
    const char *back = rec->kind == WEBCAST_WORKSHOP
        ? href(o, "/workshops/%u/", (unsigned)rec->id)
        : href(o, "/presentations/%u/edit", (unsigned)rec->id);

    putf(o, "<h1>Delete the %s &ldquo;%s&rdquo;?</h1>\n", what, H(title));
    if (rec->kind == WEBCAST_WORKSHOP && rec->count > 0) {
        putf(o, "<p>This workshop still has %d presentation%s. Delete them, "
             "or move them to another workshop, first: deleting a workshop "
             "never takes its presentations with it.</p>\n<p><a "
             "class=\"button secondary\" href=\"%s\">Back to the "
             "workshop</a></p>\n", rec->count, rec->count == 1 ? "" : "s",
             back);
        return page(o, "Cannot delete yet");
    }
    putf(o, "<p>It disappears from the public site at once. Its values are "
         "kept in the history, so it can be entered again.</p>\n"
         "<form method=\"post\" action=\"%s\">",
         href(o, "/%ss/%u/delete", what, (unsigned)rec->id));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"version\" value=\"%u\">"
         "<div class=\"actions\"><button type=\"submit\" class=\"danger big\">"
         "Delete</button> <a class=\"button secondary\" href=\"%s\">Keep "
         "it</a></div></form>\n", (unsigned)rec->version, back);
    return page(o, apr_pstrcat(p, "Delete ", what, NULL));
}

const char *webcast_admin_render_captions_delete(
    apr_pool_t *p, const webcast_admin_site *site, const webcast_record *rec)
{
    out_t *o = out_new(p, site);
    const char *back = href(o, "/presentations/%u/edit", (unsigned)rec->id);

    putf(o, "<h1>Remove the captions of &ldquo;%s&rdquo;?</h1>\n<p>The "
         "archived video loses its captions and its page the transcript, "
         "at once. To have them again, upload the file again.</p>\n"
         "<form method=\"post\" action=\"%s\">",
         H(rec->value[PF_TITLE]),
         href(o, "/presentations/%u/captions/delete", (unsigned)rec->id));
    put_token(o);
    putf(o, "<div class=\"actions\"><button type=\"submit\" class=\"danger "
         "big\">Remove captions</button> <a class=\"button secondary\" "
         "href=\"%s\">Keep them</a></div></form>\n", back);
    return page(o, "Remove captions");
}

/* ---- messages ---- */

const char *webcast_admin_render_message(apr_pool_t *p,
                                         const webcast_admin_site *site,
                                         const char *title, const char *text,
                                         const char *link,
                                         const char *link_text)
{
    out_t *o = out_new(p, site);

    putf(o, "<h1>%s</h1>\n<p>%s</p>\n", H(title), H(text));
    if (link) {
        putf(o, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n",
             H(apr_pstrcat(p, site->mount, link, NULL)), H(link_text));
    }
    return page(o, title);
}

/* ---- schedule import ---- */

/* A row of the preview: each value as it will be stored (as the form
 * shows it where the row's own text was refused), and its problems. */
static void put_import_row(out_t *o, const webcast_import_row *row)
{
    int n, i;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);
    const char *title = row->form->raw[PF_TITLE];
    int bad = row->problems->nelts > 0;

    putf(o, "<li id=\"line-%d\"%s><p><span class=\"when\">Line %d</span> "
         "<span class=\"talk-title\">%s</span></p>\n", row->line,
         bad ? " class=\"bad\"" : "", row->line,
         title && *title ? H(title) : "(no title)");
    if (bad) {
        put(o, "<ul class=\"problems\">\n");
        for (i = 0; i < row->problems->nelts; i++) {
            putf(o, "<li>%s</li>\n",
                 H(APR_ARRAY_IDX(row->problems, i, const char *)));
        }
        put(o, "</ul>\n");
    }
    put(o, "<dl class=\"details\">\n");
    for (i = PF_TITLE + 1; i < n; i++) {
        const char *v = row->rec->value[i], *raw = row->form->raw[i];

        if (v == NULL && row->form->error[i] && raw && *raw) {
            putf(o, "<dt>%s</dt><dd>%s (as written)</dd>\n", H(f[i].label),
                 H(raw));
        }
        else if (v && *v) {
            putf(o, "<dt>%s</dt><dd>%s</dd>\n", H(f[i].label),
                 H(shown(o, WEBCAST_PRESENTATION, f[i].name, v)));
        }
    }
    put(o, "</dl>\n</li>\n");
}

/* What the preview says above the rows. */
static void put_import_verdict(out_t *o, const webcast_admin_import_page *pg)
{
    const webcast_import *im = pg->im;
    int n = im->rows->nelts;

    if (im->error) {
        putf(o, "<div class=\"notice problem\" role=\"alert\"><p>Nothing was "
             "imported: the file cannot be read: %s.</p></div>\n",
             H(im->error));
    }
    else if (im->nbad) {
        putf(o, "<div class=\"notice problem\" role=\"alert\"><p>Nothing was "
             "imported: %d of %d row%s need%s a fix, each named below by "
             "its line. Correct the file and press Preview again: the "
             "schedule is imported only when every row is right.</p></div>\n",
             im->nbad, n, n == 1 ? "" : "s", im->nbad == 1 ? "s" : "");
    }
    else {
        putf(o, "<div class=\"notice\" role=\"status\"><p>%d presentation%s "
             "ready: check them below, then press <strong>Import</strong> "
             "under the list. Nothing is stored until then.</p></div>\n",
             n, n == 1 ? "" : "s");
    }
}

static void put_import_button(out_t *o, const webcast_admin_import_page *pg)
{
    int n = pg->im->rows->nelts;

    putf(o, "<form method=\"post\" action=\"%s\">",
         href(o, "/workshops/%u/import", (unsigned)pg->workshop->id));
    put_token(o);
    putf(o, "<input type=\"hidden\" name=\"content\" value=\"%s\">"
         "<input type=\"hidden\" name=\"webcast\" value=\"%s\">"
         "<input type=\"hidden\" name=\"shown\" value=\"%u\">\n"
         "<div class=\"actions\"><button type=\"submit\" name=\"action\" "
         "value=\"import\" class=\"big\">Import %d presentation%s</button> "
         "<a href=\"%s\">Cancel</a></div></form>\n", H(pg->content),
         H(pg->has_webcast), (unsigned)pg->shown, n, n == 1 ? "" : "s",
         href(o, "/workshops/%u/", (unsigned)pg->workshop->id));
}

static void put_webcast_choice(out_t *o, const char *id,
                               const webcast_admin_import_page *pg)
{
    int webcast = !pg->has_webcast || strcmp(pg->has_webcast, "0") != 0;

    putf(o, "<div class=\"field check\"><input type=\"checkbox\" "
         "id=\"%s\" name=\"webcast\" value=\"1\"%s aria-describedby=\"%s-"
         "help\"><label for=\"%s\">Webcast these presentations</label>"
         "<p class=\"help\" id=\"%s-help\">Unless the file says otherwise: "
         "a has_webcast column, or a recording opt-out in schedule.xml.</p>"
         "</div>\n", id, webcast ? " checked" : "", id, id, id);
}

/* The form that sends a file: chosen, or pasted. */
static void put_import_form(out_t *o, const webcast_admin_import_page *pg)
{
    const char *action = href(o, "/workshops/%u/import",
                              (unsigned)pg->workshop->id);

    putf(o, "<h2>%s</h2>\n<form class=\"record\" method=\"post\" "
         "action=\"%s\" enctype=\"multipart/form-data\">",
         pg->im ? "Import another" : "Choose or paste a schedule", action);
    put_token(o);
    putf(o, "\n<div class=\"field\"><label for=\"i-file\">File (CSV or "
         "schedule.xml)</label>\n<input type=\"file\" id=\"i-file\" "
         "name=\"file\" accept=\".csv,.xml,text/csv,application/xml,"
         "text/xml\" aria-describedby=\"i-text-help\"></div>\n"
         "<div class=\"field\"><label for=\"i-text\">Or paste it "
         "here</label>\n<textarea id=\"i-text\" name=\"text\" "
         "rows=\"12\" aria-describedby=\"i-text-help\">\n%s</textarea>\n"
         "<p class=\"help\" id=\"i-text-help\">A chosen file is used "
         "rather than the box. CSV: the first line names "
         "the columns, from %s; title, starts_at and ends_at are needed. "
         "Times in %s, as 2026-11-23 09:00. Or a frab or pretalx "
         "schedule.xml: each &lt;event&gt; becomes a presentation (its "
         "title, its persons as the speaker, its abstract as the summary, "
         "its date and duration).</p></div>\n",
         H(pg->text), H(webcast_import_columns(o->p)),
         H(webcast_tz_name(o->site->tz)));
    put_webcast_choice(o, "i-webcast", pg);
    put(o, "<div class=\"actions\"><button type=\"submit\" name=\"action\" "
           "value=\"preview\">Preview</button></div></form>\n");
}

const char *webcast_admin_render_import(apr_pool_t *p,
                                        const webcast_admin_site *site,
                                        const webcast_admin_import_page *pg)
{
    out_t *o = out_new(p, site);
    const webcast_import *im = pg->im;
    int i;

    putf(o, CRUMBS_OPEN "<a href=\"%s\">Workshops</a> " CRUMB_SEP " "
         "<a href=\"%s\">%s</a> " CRUMB_SEP "</nav>\n"
         "<h1>Import a schedule</h1>\n",
         href(o, "/workshops/"),
         href(o, "/workshops/%u/", (unsigned)pg->workshop->id),
         H(pg->workshop->value[WF_TITLE]));
    if (pg->problem) {
        putf(o, "<div class=\"notice problem\" role=\"alert\"><p>%s</p>"
             "</div>\n", H(pg->problem));
    }
    else if (im) {
        put_import_verdict(o, pg);
    }
    else {
        putf(o, "<p>Presentations for &ldquo;%s&rdquo; from a spreadsheet "
             "(saved as CSV) or a frab or pretalx schedule.xml. You see "
             "every row first; then all of them are added, or none.</p>\n",
             H(pg->workshop->value[WF_TITLE]));
    }
    if (im && !im->error) {
        put(o, "<h2>Preview</h2>\n<ol class=\"talks\">\n");
        for (i = 0; i < im->rows->nelts; i++) {
            put_import_row(o, APR_ARRAY_IDX(im->rows, i,
                                            webcast_import_row *));
        }
        put(o, "</ol>\n");
        if (im->nbad == 0) {
            put_import_button(o, pg);
        }
    }
    put_import_form(o, pg);
    return page(o, "Import a schedule");
}
