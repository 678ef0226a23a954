/* webcast_admin.c - the `webcast-admin` handler: the staff admin.
 *
 * Order of checks, each refusing before anything is read or written:
 * an authenticated user (Apache's AuthType/Require; none means a config
 * forgot them, so 403), a configured token secret, a path in the admin's
 * URL map, a method we take; for a POST also the request's origin, the
 * body's type and size, and the anti-forgery token. Only then a form is
 * checked and, in one transaction with its audit rows, saved. A change
 * answers 303 with the page to show next.
 *
 * URL map, below the admin's <Location>:
 *   /                            today's control room
 *   /workshops/                  workshops; /workshops/new
 *   /workshops/<id>/             a workshop and its presentations
 *   /workshops/<id>/edit         .../delete
 *   /presentations/new?workshop=<id>
 *   /presentations/<id>/edit     .../delete; .../state (POST: flip)
 *   /presentations/<id>/auto     (POST: follow the schedule again)
 *   /presentations/<id>/slides   (POST, multipart: upload the slides)
 *   /presentations/<id>/captions (POST, multipart: upload the captions);
 *   .../captions/delete          (GET: confirm; POST: remove them)
 *   /presentations/<id>/notice, /workshops/<id>/notice   (POST: set one)
 *   /workshops/<id>/import       a schedule file: preview, then import
 *                                (webcast_admin_import.c)
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_main.h"
#include "http_protocol.h"
#include "http_request.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_admin.h"
#include "webcast_admin_render.h"
#include "webcast_html.h"
#include "webcast_route.h"
#include "webcast_vtt.h"

APLOG_USE_MODULE(webcast);

#define HANDLER "webcast-admin"
#define USER_MAX 255                /* webcast_audit.user */

typedef enum {
    R_NONE = 0, R_TODAY, R_LIST, R_SHOW, R_NEW, R_EDIT, R_DELETE, R_STATE,
    R_AUTO, R_NOTICE, R_IMPORT, R_SLIDES, R_CAPTIONS, R_CAPTIONS_DELETE
} route_what;

typedef struct {
    route_what what;
    webcast_kind kind;
    apr_uint32_t id;
} route_t;

typedef struct {
    request_rec *r;
    const webcast_dir_conf *conf;
    const webcast_key *key;         /* the token secret in effect */
    webcast_admin_site site;
    apr_table_t *in;                /* the POST body, or the query */
    apr_hash_t *files;              /* its file inputs (multipart) */
    const char *upload_problem;     /* beside the slides upload form */
    const char *captions_problem;   /* beside the captions upload form */
} admin_t;

/* ---- routing ---- */

static int parse_route(const char *rel, route_t *rt)
{
    const char *rest, *slash;

    memset(rt, 0, sizeof(*rt));
    if (strcmp(rel, "/") == 0) {
        rt->what = R_TODAY;
        return 1;
    }
    if (strncmp(rel, "/workshops/", 11) == 0) {
        rt->kind = WEBCAST_WORKSHOP;
        rest = rel + 11;
    }
    else if (strncmp(rel, "/presentations/", 15) == 0) {
        rt->kind = WEBCAST_PRESENTATION;
        rest = rel + 15;
    }
    else {
        return 0;
    }
    if (*rest == '\0') {
        rt->what = rt->kind == WEBCAST_WORKSHOP ? R_LIST : R_NONE;
        return rt->what != R_NONE;
    }
    if (strcmp(rest, "new") == 0) {
        rt->what = R_NEW;
        return 1;
    }
    slash = strchr(rest, '/');
    if (slash == NULL || !webcast_parse_id(rest, slash - rest, &rt->id)) {
        return 0;
    }
    rt->what = strcmp(slash, "/edit") == 0 ? R_EDIT
               : strcmp(slash, "/delete") == 0 ? R_DELETE
               : strcmp(slash, "/") == 0 && rt->kind == WEBCAST_WORKSHOP
               ? R_SHOW
               : strcmp(slash, "/state") == 0
                 && rt->kind == WEBCAST_PRESENTATION ? R_STATE
               : strcmp(slash, "/auto") == 0
                 && rt->kind == WEBCAST_PRESENTATION ? R_AUTO
               : strcmp(slash, "/import") == 0
                 && rt->kind == WEBCAST_WORKSHOP ? R_IMPORT
               : strcmp(slash, "/slides") == 0
                 && rt->kind == WEBCAST_PRESENTATION ? R_SLIDES
               : strcmp(slash, "/captions") == 0
                 && rt->kind == WEBCAST_PRESENTATION ? R_CAPTIONS
               : strcmp(slash, "/captions/delete") == 0
                 && rt->kind == WEBCAST_PRESENTATION ? R_CAPTIONS_DELETE
               : strcmp(slash, "/notice") == 0 ? R_NOTICE : R_NONE;
    return rt->what != R_NONE;
}

/* Admin URLs are not files either: no filesystem walk, no mod_dir. */
int webcast_admin_translate_name(request_rec *r)
{
    const webcast_dir_conf *conf =
        ap_get_module_config(r->per_dir_config, &webcast_module);

    if (conf == NULL || conf->mount == NULL
        || !webcast_handler_is(r, HANDLER)) {
        return DECLINED;
    }
    webcast_not_a_file(r);
    return OK;
}

/* The public site's mount in this server, for "View on the site" links:
 * the first plain <Location> with SetHandler webcast, the virtual host's
 * own sections before the main server's (which come first in its list). */
static const char *public_mount(request_rec *r)
{
    core_server_config *core =
        ap_get_core_module_config(r->server->module_config);
    core_server_config *main_core =
        ap_get_core_module_config(ap_server_conf->module_config);
    ap_conf_vector_t **sec = (ap_conf_vector_t **)core->sec_url->elts;
    int own = r->server != ap_server_conf
              && main_core->sec_url->nelts <= core->sec_url->nelts
              ? main_core->sec_url->nelts : 0;
    int pass, i;

    for (pass = 0; pass < 2; pass++) {
        int from = pass ? 0 : own, to = pass ? own : core->sec_url->nelts;
        for (i = from; i < to; i++) {
            core_dir_config *dir = ap_get_core_module_config(sec[i]);
            const webcast_dir_conf *w =
                ap_get_module_config(sec[i], &webcast_module);
            const char *err = NULL, *h;

            if (dir->expr_handler == NULL || w == NULL || w->mount == NULL) {
                continue;
            }
            h = ap_expr_str_exec(r, dir->expr_handler, &err);
            if (err == NULL && h && strcasecmp(h, "webcast") == 0) {
                return w->mount;
            }
        }
    }
    return NULL;
}

/* ---- answers ---- */

static void security_headers(request_rec *r)
{
    apr_table_t *h = r->err_headers_out;

    /* nobody caches staff pages; no other site frames the one-click
     * buttons (clickjacking); Referer goes to this site only; and the
     * pages, which need nothing but their own inline style, may load or
     * run nothing else: a value that ever escaped escaping still could
     * not fetch, run or post anywhere */
    apr_table_setn(h, "Cache-Control", "no-store");
    apr_table_setn(h, "X-Frame-Options", "DENY");
    apr_table_setn(h, "Content-Security-Policy",
                   "default-src 'none'; style-src 'unsafe-inline'; "
                   "base-uri 'none'; form-action 'self'; "
                   "frame-ancestors 'none'");
    apr_table_setn(h, "Referrer-Policy", "same-origin");
    apr_table_setn(h, "X-Content-Type-Options", "nosniff");
}

static int send_html(request_rec *r, int status, const char *html)
{
    r->status = status;
    ap_set_content_type(r, "text/html; charset=utf-8");
    ap_set_content_length(r, strlen(html));
    if (!r->header_only) {
        ap_rputs(html, r);
    }
    return OK;
}

int webcast_admin_send(request_rec *r, int status, const char *html)
{
    return send_html(r, status, html);
}

static int message(admin_t *a, int status, const char *title,
                   const char *text, const char *href, const char *link)
{
    return send_html(a->r, status, webcast_admin_render_message(
        a->r->pool, &a->site, title, text, href, link));
}

static int unavailable(admin_t *a)
{
    apr_table_setn(a->r->err_headers_out, "Retry-After",
                   WEBCAST_RETRY_AFTER);
    return message(a, HTTP_SERVICE_UNAVAILABLE, "The database is not "
                   "answering", "Nothing was changed. Please try again in a "
                   "few seconds.", "/", "Back to today");
}

static int not_found(admin_t *a, const char *what)
{
    return message(a, HTTP_NOT_FOUND, "Not found",
                   apr_pstrcat(a->r->pool, "There is no such ", what,
                               ": it may have been deleted.", NULL),
                   "/workshops/", "All workshops");
}

static int db_error(admin_t *a, webcast_db_status st, const char *what)
{
    return st == WEBCAST_DB_NOT_FOUND ? not_found(a, what) : unavailable(a);
}

/* 303 to an admin page (path and query below the mount). */
static int see_other(admin_t *a, const char *fmt, ...)
{
    va_list ap;
    const char *path;

    va_start(ap, fmt);
    path = apr_pvsprintf(a->r->pool, fmt, ap);
    va_end(ap);
    apr_table_setn(a->r->headers_out, "Location", ap_construct_url(
        a->r->pool, apr_pstrcat(a->r->pool, a->site.mount, path, NULL),
        a->r));
    return HTTP_SEE_OTHER;
}

/* ---- the checks before anything happens ---- */

/* Why REMOTE_USER cannot be used (recorded in the trail), or NULL. */
static const char *user_problem(const char *user)
{
    const char *s;

    if (user == NULL || *user == '\0') {
        return "no authenticated user: put AuthType and Require (e.g. "
               "Require valid-user) in the admin's <Location>";
    }
    if (strlen(user) > USER_MAX) {
        return "the user name is longer than 255 bytes";
    }
    for (s = user; *s; s += webcast_utf8_len(s)) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f
            || webcast_utf8_len(s) == 0) {
            return "the user name holds a control byte or is not UTF-8";
        }
    }
    return NULL;
}

/* A change must come from a page of this very site: its Origin (every
 * current browser sends one with a POST) or else its Referer must be
 * this server's scheme://host[:port]. Without either, refuse. */
static int same_origin(request_rec *r, const char **why)
{
    const char *self = ap_construct_url(r->pool, "/", r);
    apr_size_t n = strlen(self) - 1;            /* without the '/' */
    const char *origin = apr_table_get(r->headers_in, "Origin");
    const char *referer = apr_table_get(r->headers_in, "Referer");

    if (origin) {
        *why = apr_psprintf(r->pool, "Origin %s is not %.*s", origin,
                            (int)n, self);
        return strlen(origin) == n && strncasecmp(origin, self, n) == 0;
    }
    if (referer) {
        *why = apr_psprintf(r->pool, "Referer %s is not below %s", referer,
                            self);
        return strncasecmp(referer, self, n) == 0 && referer[n] == '/';
    }
    *why = "neither Origin nor Referer was sent";
    return 0;
}

static apr_uint32_t form_u32(admin_t *a, const char *name)
{
    const char *s = apr_table_get(a->in, name);
    apr_uint32_t v = 0;

    return s && webcast_parse_id(s, strlen(s), &v) ? v : 0;
}

/* ---- pages ---- */

/* What a flip's redirect signs, so that a link made elsewhere cannot put
 * an Undo for someone else's talk in front of this user. */
static const char *flip_subject(admin_t *a, apr_uint32_t id, const char *from)
{
    return apr_psprintf(a->r->pool, "%s\nflipped %u from %s", a->site.user,
                        (unsigned)id, from);
}

static int see_flipped(admin_t *a, const char *back, apr_uint32_t id,
                       webcast_state from)
{
    const char *name = webcast_state_name(from);

    return see_other(a, "%s?flipped=%u&from=%s&sig=%s", back, (unsigned)id,
                     name, webcast_token_make(a->r->pool,
                     a->key, flip_subject(a, id, name),
                     a->site.now));
}

static webcast_admin_notice notice_of(admin_t *a)
{
    webcast_admin_notice n;
    const char *done = apr_table_get(a->in, "done");
    const char *from = apr_table_get(a->in, "from");

    memset(&n, 0, sizeof(n));
    n.flipped = form_u32(a, "flipped");
    if (n.flipped && (from == NULL || !webcast_token_check(
            a->key, flip_subject(a, n.flipped, from),
            apr_table_get(a->in, "sig"), a->site.now))) {
        n.flipped = 0;          /* not our own redirect: no Undo offer */
    }
    n.from = webcast_state_parse(from);
    n.from_auto = from && strcmp(from, "auto") == 0;
    n.text = !done ? NULL
             : strcmp(done, "saved") == 0 ? "Saved."
             : strcmp(done, "added") == 0 ? "Added."
             : strcmp(done, "already") == 0
             ? "Already added by an earlier press of Save: it was not added "
               "twice."
             : strcmp(done, "deleted") == 0
             ? "Deleted. Its values are kept in the audit trail."
             : strcmp(done, "unchanged") == 0 ? "Nothing had changed."
             : strcmp(done, "auto") == 0
             ? "It follows the schedule again."
             : strcmp(done, "notice") == 0
             ? "The notice is on the public pages now."
             : strcmp(done, "cleared") == 0 ? "The notice is gone."
             : strcmp(done, "imported") == 0
             ? "The schedule was imported: its presentations are below."
             : strcmp(done, "reimported") == 0
             ? "Already imported by an earlier press of Import: nothing "
               "was added twice."
             : strcmp(done, "slides") == 0
             ? "The slides are uploaded: the presentation's page links "
               "them now."
             : strcmp(done, "captions") == 0
             ? "The captions are uploaded: the archived video shows them, "
               "and its page has the transcript."
             : strcmp(done, "uncaptioned") == 0
             ? "The captions are removed."
             : NULL;
    return n;
}

static const char *day_string(admin_t *a, int yyyymmdd)
{
    return webcast_day_format(a->r->pool, yyyymmdd, WEBCAST_TIME_ISO);
}

static int page_today(admin_t *a)
{
    int today = webcast_time_day(a->site.tz, a->site.now), i;
    apr_array_header_t *rows, *keep;
    webcast_db_status st = webcast_admin_db_today(a->r,
                                                  day_string(a, today), &rows);
    webcast_admin_notice notice = notice_of(a);

    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, "page");
    }
    /* today's talks of today's workshops, and whatever is still live */
    keep = apr_array_make(a->r->pool, rows->nelts, sizeof(void *));
    for (i = 0; i < rows->nelts; i++) {
        webcast_record *pr = APR_ARRAY_IDX(rows, i, webcast_record *);
        apr_time_t t = webcast_value_time(pr->value[PF_STARTS_AT]);
        if ((t && webcast_time_day(a->site.tz, t) == today)
            || webcast_state_parse(pr->value[PF_STATE])
               == WEBCAST_STATE_LIVE) {
            APR_ARRAY_PUSH(keep, webcast_record *) = pr;
        }
    }
    return send_html(a->r, HTTP_OK, webcast_admin_render_today(
        a->r->pool, &a->site, &notice, (webcast_record *const *)keep->elts,
        keep->nelts));
}

static int page_workshops(admin_t *a)
{
    apr_array_header_t *list;
    webcast_db_status st = webcast_admin_db_workshops(a->r, &list);
    webcast_admin_notice notice = notice_of(a);

    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, "page");
    }
    return send_html(a->r, HTTP_OK, webcast_admin_render_workshops(
        a->r->pool, &a->site, &notice, (webcast_record *const *)list->elts,
        list->nelts));
}

static int page_workshop(admin_t *a, apr_uint32_t id)
{
    webcast_record *w;
    apr_array_header_t *list, *history;
    webcast_db_status st = webcast_admin_db_get(a->r, WEBCAST_WORKSHOP, id,
                                                &w);
    webcast_admin_notice notice = notice_of(a);

    if (st == WEBCAST_DB_OK) {
        st = webcast_admin_db_schedule(a->r, id, &list);
    }
    if (st == WEBCAST_DB_OK) {
        st = webcast_admin_db_history(a->r, WEBCAST_WORKSHOP, id, 0,
                                      &history);
    }
    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, "workshop");
    }
    return send_html(a->r, HTTP_OK, webcast_admin_render_workshop(
        a->r->pool, &a->site, &notice, w,
        (webcast_record *const *)list->elts, list->nelts,
        (const webcast_change *const *)history->elts, history->nelts));
}

/* Show a form: what it needs besides the form itself is read here. */
static int show_form(admin_t *a, int status, webcast_form *form,
                     apr_uint32_t id, apr_uint32_t version,
                     const char *problem, apr_array_header_t *changes)
{
    webcast_admin_form_page pg;
    webcast_admin_upload upload;
    webcast_admin_captions captions;
    apr_array_header_t *workshops = NULL, *history = NULL;
    webcast_record *w = NULL;
    webcast_db_status st = WEBCAST_DB_OK;
    apr_uint32_t wid;
    const char *ws;

    /* What the form shows besides the typed values is read if it can be:
     * with the database down, the form still comes back with them. */
    memset(&pg, 0, sizeof(pg));
    if (form->kind == WEBCAST_PRESENTATION) {
        st = webcast_admin_db_workshops(a->r, &workshops);
        ws = form->raw[PF_WORKSHOP_ID];
        if (st == WEBCAST_DB_OK && ws
            && webcast_parse_id(ws, strlen(ws), &wid)
            && webcast_admin_db_get(a->r, WEBCAST_WORKSHOP, wid, &w)
               != WEBCAST_DB_OK) {
            w = NULL;
        }
        if (st != WEBCAST_DB_OK) {
            workshops = NULL;
        }
    }
    if (id && webcast_admin_db_history(a->r, form->kind, id, 0, &history)
              != WEBCAST_DB_OK) {
        history = NULL;
    }
    pg.form = form;
    pg.id = id;
    pg.version = version;
    /* a new record's form keeps the time it was first shown through
     * every re-showing (see twin_of) */
    if (!id && !(pg.shown = form_u32(a, "shown"))) {
        pg.shown = (apr_uint32_t)apr_time_sec(a->site.now);
    }
    pg.workshop = w;
    if (workshops) {
        pg.workshops = (webcast_record *const *)workshops->elts;
        pg.nworkshops = workshops->nelts;
    }
    pg.problem = problem;
    if (changes) {
        pg.changes = (const webcast_change *const *)changes->elts;
        pg.nchanges = changes->nelts;
    }
    if (history) {
        pg.history = (const webcast_change *const *)history->elts;
        pg.nhistory = history->nelts;
    }
    if (webcast_slides_enabled(a->conf)) {
        upload.limit = webcast_slides_limit(a->r, a->conf);
        upload.problem = a->upload_problem;
        pg.upload = &upload;
    }
    /* without sql/006-captions.sql (logged), no captions form */
    if (id && form->kind == WEBCAST_PRESENTATION
        && webcast_admin_db_captions(a->r, id, &captions.bytes)
           == WEBCAST_DB_OK) {
        captions.limit = WEBCAST_VTT_MAX;
        captions.problem = a->captions_problem;
        pg.captions = &captions;
    }
    return send_html(a->r, status, webcast_admin_render_form(
        a->r->pool, &a->site, &pg));
}

/* The database failed during a save: nothing was written (the
 * transaction rolled back), and the typed form comes back to try again. */
static int not_saved(admin_t *a, webcast_form *form, apr_uint32_t id,
                     apr_uint32_t version)
{
    apr_table_setn(a->r->err_headers_out, "Retry-After",
                   WEBCAST_RETRY_AFTER);
    return show_form(a, HTTP_SERVICE_UNAVAILABLE, form, id, version,
                     "The database did not answer, so nothing was saved. "
                     "What you typed is below: press Save again in a few "
                     "seconds.", NULL);
}

static int page_new(admin_t *a, webcast_kind kind)
{
    apr_table_t *blank = apr_table_make(a->r->pool, 4);
    webcast_form *form;
    webcast_record *w;
    apr_uint32_t wid = form_u32(a, "workshop");

    if (kind == WEBCAST_PRESENTATION && wid
        && webcast_admin_db_get(a->r, WEBCAST_WORKSHOP, wid, &w)
           == WEBCAST_DB_OK) {
        /* a sensible start: the workshop's first day at noon */
        apr_table_set(blank, "workshop_id", apr_psprintf(a->r->pool, "%u",
                                                         (unsigned)wid));
        apr_table_set(blank, "starts_at", apr_pstrcat(a->r->pool,
                      w->value[WF_STARTS_ON], "T12:00", NULL));
        apr_table_set(blank, "ends_at", apr_pstrcat(a->r->pool,
                      w->value[WF_STARTS_ON], "T13:00", NULL));
    }
    apr_table_set(blank, "webcast_state", "upcoming");
    apr_table_set(blank, "webcast_auto", "1");      /* SPEC 8: by default */
    form = webcast_form_parse(a->r->pool, kind, a->site.tz, blank);
    /* a blank form is not wrong yet: no messages */
    memset(form->error, 0, (kind == WEBCAST_WORKSHOP ? WF_COUNT : PF_COUNT)
                           * sizeof(const char *));
    form->nerrors = 0;
    return show_form(a, HTTP_OK, form, 0, 0, NULL, NULL);
}

static int page_edit(admin_t *a, webcast_kind kind, apr_uint32_t id)
{
    webcast_record *rec;
    webcast_db_status st = webcast_admin_db_get(a->r, kind, id, &rec);

    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, webcast_kind_name(kind));
    }
    return show_form(a, HTTP_OK, webcast_form_from_record(a->r->pool,
                     a->site.tz, rec), id, rec->version, NULL, NULL);
}

static int page_delete(admin_t *a, webcast_kind kind, apr_uint32_t id)
{
    webcast_record *rec;
    webcast_db_status st = webcast_admin_db_get(a->r, kind, id, &rec);

    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, webcast_kind_name(kind));
    }
    return send_html(a->r, HTTP_OK, webcast_admin_render_delete(
        a->r->pool, &a->site, rec));
}

/* ---- changes ---- */

/* A record to write: a checked form's values, or a locked record's to
 * change. */
static webcast_record *record_of(admin_t *a, webcast_kind kind,
                                 const char *const *values)
{
    webcast_record *rec = webcast_record_new(a->r->pool, kind);
    int n;

    webcast_fields(kind, &n);
    memcpy(rec->value, values, n * sizeof(const char *));
    return rec;
}

/* Where to go after saving or deleting a record. */
static int after(admin_t *a, const webcast_record *rec, const char *done)
{
    if (rec->kind == WEBCAST_PRESENTATION) {
        return see_other(a, "/workshops/%s/?done=%s",
                         rec->value[PF_WORKSHOP_ID], done);
    }
    return see_other(a, "/workshops/%u/?done=%s", (unsigned)rec->id, done);
}

/* A save the database refused for a reason people can fix: say so beside
 * the field. */
static int refused(admin_t *a, webcast_form *form, webcast_save_status s,
                   apr_uint32_t id, apr_uint32_t version)
{
    if (s == WEBCAST_SAVE_DUPLICATE) {
        form->error[WF_SLUG] = "Another workshop already has this web "
                               "address. Pick another slug.";
    }
    else if (s == WEBCAST_SAVE_NO_WORKSHOP) {
        form->error[PF_WORKSHOP_ID] = "That workshop no longer exists. Pick "
                                      "another.";
    }
    else {
        return not_saved(a, form, id, version);
    }
    form->nerrors++;
    return show_form(a, HTTP_UNPROCESSABLE_ENTITY, form, id, version, NULL,
                     NULL);
}

/* A checked presentation's workshop. */
static apr_uint32_t workshop_of(const webcast_record *rec)
{
    return (apr_uint32_t)apr_atoi64(rec->value[PF_WORKSHOP_ID]);
}

/* A second press of Save on a new-record form (a double click, or Back
 * and Save again) posts the same record twice: its twin (see
 * webcast_admin_db_twin) is what the first press added. Three identical
 * entries made from three new forms are three records. NULL when there
 * is none, when the form does not say when it was shown, or when the
 * database did not say. */
static const webcast_record *twin_of(admin_t *a, const webcast_record *rec)
{
    apr_array_header_t *list;
    apr_uint32_t shown = form_u32(a, "shown");
    int i;

    if (!shown || (rec->kind == WEBCAST_WORKSHOP
                   ? webcast_admin_db_workshops(a->r, &list)
                   : webcast_admin_db_schedule(a->r, workshop_of(rec), &list))
                  != WEBCAST_DB_OK) {
        return NULL;
    }
    i = webcast_admin_db_twin(a->r, list, rec, a->site.user,
                              apr_time_from_sec(shown));
    return i < 0 ? NULL : APR_ARRAY_IDX(list, i, webcast_record *);
}

/* The twin found: nothing added, the user taken where the first press of
 * Save went. */
static int already(admin_t *a, webcast_admin_tx *tx,
                   const webcast_record *twin)
{
    webcast_admin_db_rollback(tx);
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s posted %s %u again: not added twice", a->site.user,
                  webcast_kind_name(twin->kind), (unsigned)twin->id);
    return after(a, twin, "already");
}

static int post_new(admin_t *a, webcast_kind kind)
{
    webcast_form *form = webcast_form_parse(a->r->pool, kind, a->site.tz,
                                            a->in);
    const webcast_record *twin;
    webcast_record *rec, *workshop;
    webcast_admin_tx *tx;
    webcast_save_status s;

    if (form->nerrors) {
        return show_form(a, HTTP_UNPROCESSABLE_ENTITY, form, 0, 0, NULL,
                         NULL);
    }
    rec = record_of(a, form->kind, form->value);
    if (kind == WEBCAST_PRESENTATION) {
        webcast_record_manual_wins(rec, "upcoming");
    }
    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return not_saved(a, form, 0, 0);
    }
    /* New presentations of one workshop wait here for each other, so a
     * twin committed a moment ago is seen below (a workshop's twin shows
     * up as its taken slug instead). */
    if (kind == WEBCAST_PRESENTATION
        && webcast_admin_db_lock(tx, WEBCAST_WORKSHOP, workshop_of(rec),
                                 &workshop) == WEBCAST_DB_UNAVAILABLE) {
        /* ended here, or every read of the re-shown form would fail on
         * the failed transaction */
        webcast_admin_db_rollback(tx);
        return not_saved(a, form, 0, 0);
    }
    if ((twin = twin_of(a, rec)) != NULL) {
        return already(a, tx, twin);
    }
    s = webcast_admin_db_write(tx, a->site.user, NULL, rec);
    if (s != WEBCAST_SAVE_OK) {
        webcast_admin_db_rollback(tx);
        if (s == WEBCAST_SAVE_DUPLICATE && (twin = twin_of(a, rec))) {
            return already(a, tx, twin);
        }
        return refused(a, form, s, 0, 0);
    }
    if (webcast_admin_db_commit(tx) != 0) {
        return not_saved(a, form, 0, 0);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s added %s %u", a->site.user, webcast_kind_name(kind),
                  (unsigned)rec->id);
    return after(a, rec, "added");
}

/* Someone saved the record since this form was made. Keep everything the
 * person typed; where only the other person changed a field, show their
 * value; where both did, keep this person's and show the other's beside
 * it. The form is now based on the current version, so Save again is a
 * deliberate overwrite. */
static int stale(admin_t *a, webcast_form *form, const webcast_record *cur,
                 apr_uint32_t version)
{
    apr_array_header_t *changes;
    int n, i, j;
    const webcast_field *f = webcast_fields(form->kind, &n);

    if (webcast_admin_db_history(a->r, form->kind, cur->id, version,
                                 &changes) != WEBCAST_DB_OK) {
        return not_saved(a, form, cur->id, version);
    }
    for (i = 0; i < n; i++) {
        const webcast_change *first = NULL;

        if (webcast_value_equal(form->value[i], cur->value[i])) {
            continue;
        }
        for (j = 0; j < changes->nelts; j++) {      /* newest first */
            const webcast_change *c = APR_ARRAY_IDX(changes, j,
                                                    webcast_change *);
            if (strcmp(c->field, f[i].name) == 0) {
                first = c;
            }
        }
        if (first && webcast_value_equal(form->value[i], first->old_value)) {
            form->value[i] = cur->value[i];
            form->raw[i] = webcast_value_for_form(a->r->pool, a->site.tz,
                                                  &f[i], cur->value[i]);
            form->note[i] = apr_psprintf(a->r->pool, "%s changed this "
                                         "meanwhile; the form now shows "
                                         "their value.", first->user);
        }
        else {
            form->note[i] = apr_pstrcat(a->r->pool, "Saved meanwhile as: ",
                webcast_value_readable(a->r->pool, a->site.tz, &f[i],
                                       cur->value[i]),
                ". The form shows yours; Save keeps yours.", NULL);
        }
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s's save of %s %u refused: version %u is now %u",
                  a->site.user, webcast_kind_name(form->kind),
                  (unsigned)cur->id, (unsigned)version,
                  (unsigned)cur->version);
    return show_form(a, HTTP_CONFLICT, form, cur->id, cur->version,
                     apr_pstrcat(a->r->pool, "Someone else saved this ",
                                 webcast_kind_name(form->kind), " while you "
                                 "were editing it. Nothing of yours is "
                                 "saved yet, and nothing is lost: check the "
                                 "fields marked below, then press Save "
                                 "again.", NULL), changes);
}

static int post_edit(admin_t *a, webcast_kind kind, apr_uint32_t id)
{
    webcast_form *form = webcast_form_parse(a->r->pool, kind, a->site.tz,
                                            a->in);
    apr_uint32_t version = form_u32(a, "version");
    webcast_record *cur, *rec;
    webcast_admin_tx *tx;
    webcast_save_status s;
    webcast_db_status st;

    if (form->nerrors) {
        return show_form(a, HTTP_UNPROCESSABLE_ENTITY, form, id, version,
                         NULL, NULL);
    }
    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return not_saved(a, form, id, version);
    }
    st = webcast_admin_db_lock(tx, kind, id, &cur);
    if (st == WEBCAST_DB_NOT_FOUND) {
        webcast_admin_db_rollback(tx);
        return show_form(a, HTTP_CONFLICT, form, 0, 0, apr_pstrcat(
            a->r->pool, "Someone deleted this ", webcast_kind_name(kind),
            " while you were editing it. What you typed is below: press "
            "Save to enter it again as a new ", webcast_kind_name(kind),
            ".", NULL), NULL);
    }
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return not_saved(a, form, id, version);
    }
    if (cur->version != version) {
        webcast_admin_db_rollback(tx);
        return stale(a, form, cur, version);
    }
    rec = record_of(a, form->kind, form->value);
    if (kind == WEBCAST_PRESENTATION) {
        webcast_record_manual_wins(rec, cur->value[PF_STATE]);
    }
    s = webcast_admin_db_write(tx, a->site.user, cur, rec);
    if (s == WEBCAST_SAVE_STALE) {
        webcast_admin_db_rollback(tx);
        return stale(a, form, cur, version);
    }
    if (s != WEBCAST_SAVE_OK) {
        webcast_admin_db_rollback(tx);
        return refused(a, form, s, id, version);
    }
    if (webcast_admin_db_commit(tx) != 0) {
        return not_saved(a, form, id, version);
    }
    if (kind == WEBCAST_PRESENTATION) {
        webcast_slides_forget(a->r, a->conf, cur->value[PF_SLIDES_URL],
                              rec->value[PF_SLIDES_URL]);
    }
    return after(a, rec, rec->version == cur->version ? "unchanged"
                                                      : "saved");
}

static int post_delete(admin_t *a, webcast_kind kind, apr_uint32_t id)
{
    apr_uint32_t version = form_u32(a, "version");
    webcast_record *cur;
    webcast_admin_tx *tx;
    webcast_db_status st;

    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return unavailable(a);
    }
    st = webcast_admin_db_lock(tx, kind, id, &cur);
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return db_error(a, st, webcast_kind_name(kind));
    }
    if (cur->version != version) {
        webcast_admin_db_rollback(tx);
        return message(a, HTTP_CONFLICT, "Changed meanwhile",
                       apr_pstrcat(a->r->pool, "Someone changed this ",
                                   webcast_kind_name(kind), " after you "
                                   "asked to delete it. Nothing was deleted: "
                                   "look at it again first.", NULL),
                       apr_psprintf(a->r->pool, kind == WEBCAST_WORKSHOP
                                    ? "/workshops/%u/"
                                    : "/presentations/%u/edit",
                                    (unsigned)id), "Look at it again");
    }
    if (kind == WEBCAST_WORKSHOP && cur->count > 0) {
        webcast_admin_db_rollback(tx);
        return send_html(a->r, HTTP_CONFLICT, webcast_admin_render_delete(
            a->r->pool, &a->site, cur));
    }
    if (webcast_admin_db_write(tx, a->site.user, cur, NULL)
        != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        return unavailable(a);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s deleted %s %u", a->site.user, webcast_kind_name(kind),
                  (unsigned)id);
    if (kind == WEBCAST_PRESENTATION) {
        webcast_slides_forget(a->r, a->conf, cur->value[PF_SLIDES_URL], NULL);
    }
    return kind == WEBCAST_WORKSHOP ? see_other(a, "/workshops/?done=deleted")
                                    : after(a, cur, "deleted");
}

/* One click: a presentation from one state to the next. The form says
 * which state it saw; if the presentation is no longer in it, someone
 * else flipped it meanwhile and nothing is done. */
static int post_state(admin_t *a, apr_uint32_t id)
{
    webcast_state to = webcast_state_parse(apr_table_get(a->in, "to"));
    webcast_state from = webcast_state_parse(apr_table_get(a->in, "from"));
    const char *back = apr_table_get(a->in, "back");
    const char *err[PF_COUNT] = { NULL };
    webcast_record *cur, *rec;
    webcast_admin_tx *tx;
    webcast_db_status st;
    webcast_state now;
    webcast_form *form;
    apr_time_t since, until;
    int was_auto;

    if (to == WEBCAST_STATE_UNKNOWN || from == WEBCAST_STATE_UNKNOWN) {
        return message(a, HTTP_BAD_REQUEST, "Not a state",
                       "The button sent no state this site knows.", "/",
                       "Back to today");
    }
    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return unavailable(a);
    }
    st = webcast_admin_db_lock(tx, WEBCAST_PRESENTATION, id, &cur);
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return db_error(a, st, "presentation");
    }
    /* the state the button was made from is the one shown (SPEC 8) */
    now = webcast_record_shown(a->r->pool, cur, a->site.now,
                               a->site.live_url, a->site.live_hls, &since,
                               &until);
    was_auto = webcast_value_equal(cur->value[PF_WEBCAST_AUTO], "1");
    back = back && strcmp(back, "today") == 0 ? "/"
           : apr_pstrcat(a->r->pool, "/workshops/",
                         cur->value[PF_WORKSHOP_ID], "/", NULL);
    if (now != from) {
        webcast_admin_db_rollback(tx);
        if (now == to) {
            return see_flipped(a, back, id, from);
        }
        return message(a, HTTP_CONFLICT, "Changed meanwhile",
                       apr_psprintf(a->r->pool, "Someone else changed "
                                    "\u201c%s\u201d: it is %s now, not %s. "
                                    "Nothing was changed.",
                                    cur->value[PF_TITLE],
                                    webcast_state_label(now),
                                    webcast_state_label(from)), back,
                       "Show it");
    }
    if (webcast_value_equal(cur->value[PF_HAS_WEBCAST], "0")) {
        webcast_admin_db_rollback(tx);
        return message(a, HTTP_CONFLICT, "Not webcast",
                       "This presentation is not marked as webcast. Tick "
                       "\u201cWebcast\u201d in its form first.",
                       apr_psprintf(a->r->pool, "/presentations/%u/edit",
                                    (unsigned)id), "Edit it");
    }
    rec = record_of(a, cur->kind, cur->value);
    rec->value[PF_STATE] = webcast_state_name(to);
    rec->value[PF_WEBCAST_AUTO] = "0";      /* by hand: the schedule waits */
    if (webcast_record_check(a->r->pool, WEBCAST_PRESENTATION, rec->value,
                             err) > 0) {
        /* e.g. Archive ready without a file name: the form, to fill in */
        webcast_admin_db_rollback(tx);
        form = webcast_form_from_record(a->r->pool, a->site.tz, rec);
        memcpy(form->error, err, sizeof(err));
        form->nerrors = 1;
        return show_form(a, HTTP_UNPROCESSABLE_ENTITY, form, id,
                         cur->version, apr_pstrcat(a->r->pool, "To mark it ",
                         webcast_state_label(to), ", fill in the fields "
                         "marked below and press Save.", NULL), NULL);
    }
    if (webcast_admin_db_write(tx, a->site.user, cur, rec)
        != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        return unavailable(a);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s set presentation %u from %s to %s", a->site.user,
                  (unsigned)id, webcast_state_name(from),
                  webcast_state_name(to));
    if (was_auto) {             /* Undo is: follow the schedule again */
        return see_other(a, "%s?flipped=%u&from=auto&sig=%s", back,
                         (unsigned)id, webcast_token_make(a->r->pool,
                         a->key, flip_subject(a, id, "auto"),
                         a->site.now));
    }
    return see_flipped(a, back, id, from);
}

/* One field of a record, set with one click (audited like any save):
 * webcast_auto back to 1, or a notice. `done` names what the page after
 * says. */
static int post_field(admin_t *a, webcast_kind kind, apr_uint32_t id,
                      int field, const char *value, const char *done)
{
    webcast_record *cur, *rec;
    webcast_admin_tx *tx;
    webcast_db_status st;
    const char *back = apr_table_get(a->in, "back");
    int n;

    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return unavailable(a);
    }
    st = webcast_admin_db_lock(tx, kind, id, &cur);
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return db_error(a, st, webcast_kind_name(kind));
    }
    rec = record_of(a, cur->kind, cur->value);
    rec->value[field] = value;
    if (webcast_admin_db_write(tx, a->site.user, cur, rec)
        != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        return unavailable(a);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s set %s of %s %u", a->site.user,
                  webcast_fields(kind, &n)[field].name,
                  webcast_kind_name(kind), (unsigned)id);
    if (back && strcmp(back, "today") == 0) {
        return see_other(a, "/?done=%s", done);
    }
    return see_other(a, "/workshops/%s/?done=%s", kind == WEBCAST_WORKSHOP
                     ? apr_psprintf(a->r->pool, "%u", (unsigned)id)
                     : cur->value[PF_WORKSHOP_ID], done);
}

static int post_auto(admin_t *a, apr_uint32_t id)
{
    return post_field(a, WEBCAST_PRESENTATION, id, PF_WEBCAST_AUTO, "1",
                      "auto");
}

/* A notice from the control room: checked like the form's field (its
 * length, its bytes); empty clears it. */
static int post_notice(admin_t *a, webcast_kind kind, apr_uint32_t id)
{
    int field = kind == WEBCAST_WORKSHOP ? WF_NOTICE : PF_NOTICE;
    const char *text = apr_table_get(a->in, "notice");
    apr_table_t *in = apr_table_make(a->r->pool, 1);
    webcast_form *form;

    apr_table_set(in, "notice", text ? text : "");
    form = webcast_form_parse(a->r->pool, kind, a->site.tz, in);
    if (form->error[field]) {
        return message(a, HTTP_UNPROCESSABLE_ENTITY, "Notice not set",
                       apr_pstrcat(a->r->pool, form->error[field],
                                   " Nothing was changed.", NULL), "/",
                       "Back to today");
    }
    return post_field(a, kind, id, field, form->value[field],
                      form->value[field] ? "notice" : "cleared");
}

#define DB_DOWN_UPLOAD "The database did not answer, so nothing was " \
    "uploaded. Please upload it again in a few seconds."

/* An upload refused (the slides, or the captions: also their removal):
 * the presentation's form again, the reason beside that file input. */
static int upload_refused(admin_t *a, apr_uint32_t id, int captions,
                          int status, const char *problem)
{
    webcast_record *rec;
    webcast_db_status st;

    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "admin refused %s to %s by %s (%d): %s", captions
                  ? "a captions change" : "an upload", a->r->uri,
                  a->site.user, status, problem);
    st = webcast_admin_db_get(a->r, WEBCAST_PRESENTATION, id, &rec);

    if (st == WEBCAST_DB_NOT_FOUND) {
        return not_found(a, "presentation");
    }
    if (status == HTTP_SERVICE_UNAVAILABLE || st != WEBCAST_DB_OK) {
        apr_table_setn(a->r->err_headers_out, "Retry-After",
                       WEBCAST_RETRY_AFTER);
    }
    if (st != WEBCAST_DB_OK) {
        return message(a, status, captions ? "The captions were not changed"
                       : "The slides were not uploaded", problem,
                       apr_psprintf(a->r->pool, "/presentations/%u/edit",
                                    (unsigned)id), "Back to the presentation");
    }
    *(captions ? &a->captions_problem : &a->upload_problem) = problem;
    return show_form(a, status, webcast_form_from_record(a->r->pool,
                     a->site.tz, rec), id, rec->version, captions
                     ? "The captions were not changed: see the message at "
                       "\u201cCaptions\u201d below."
                     : "The slides were not uploaded, and nothing was "
                       "changed: see the message at \u201cSlides file\u201d "
                       "below.", NULL);
}

#define slides_refused(a, id, status, problem) \
    upload_refused((a), (id), 0, (status), (problem))
#define captions_refused(a, id, status, problem) \
    upload_refused((a), (id), 1, (status), (problem))

/* The slides upload: the file is received and checked first; then, in
 * one transaction with its audit row, the record links it; the file it
 * replaces goes once that is committed. */
static int post_slides(admin_t *a, apr_uint32_t id)
{
    webcast_upload *up;
    webcast_record *cur, *rec;
    webcast_admin_tx *tx;
    webcast_db_status st;
    const char *name, *url, *err;

    if (!webcast_slides_enabled(a->conf)) {
        return message(a, HTTP_NOT_FOUND, "Uploads are not set up",
                       "This admin takes no uploads: its configuration has "
                       "no WebcastSlidesDir and WebcastSlidesURL.", "/",
                       "Back to today");
    }
    up = webcast_slides_receive(a->r, a->conf, a->key, a->site.user);
    if (up->bad_token) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, a->r, WEBCAST_LOG_TAG
                      "admin refused an upload to %s by %s: %s anti-forgery "
                      "token", a->r->uri, a->site.user,
                      apr_table_get(up->fields, "token") ? "wrong or expired"
                                                         : "no");
        return slides_refused(a, id, HTTP_FORBIDDEN, "This page was too old "
                              "to upload from (or did not come from this "
                              "admin), so nothing was uploaded. Choose the "
                              "file again and press Upload.");
    }
    if (up->status != OK) {
        return slides_refused(a, id, up->status, up->problem);
    }
    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return slides_refused(a, id, HTTP_SERVICE_UNAVAILABLE, DB_DOWN_UPLOAD);
    }
    st = webcast_admin_db_lock(tx, WEBCAST_PRESENTATION, id, &cur);
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return st == WEBCAST_DB_NOT_FOUND ? not_found(a, "presentation")
            : slides_refused(a, id, HTTP_SERVICE_UNAVAILABLE, DB_DOWN_UPLOAD);
    }
    if ((err = webcast_slides_store(a->r, a->conf, up, id, &name, &url))) {
        webcast_admin_db_rollback(tx);
        return slides_refused(a, id, HTTP_INSUFFICIENT_STORAGE, apr_pstrcat(
            a->r->pool, "The server could not store the file (", err, "), "
            "so nothing was uploaded. Please tell the site's administrator.",
            NULL));
    }
    rec = record_of(a, cur->kind, cur->value);
    rec->value[PF_SLIDES_URL] = url;
    if (webcast_admin_db_write(tx, a->site.user, cur, rec)
        != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        webcast_slides_unstore(a->r, a->conf, name);
        return slides_refused(a, id, HTTP_SERVICE_UNAVAILABLE, DB_DOWN_UPLOAD);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s uploaded \"%s\" (%" APR_OFF_T_FMT " bytes) as %s for "
                  "presentation %u", a->site.user, up->filename, up->size,
                  name, (unsigned)id);
    webcast_slides_forget(a->r, a->conf, cur->value[PF_SLIDES_URL], url);
    return after(a, rec, "slides");
}

/* ---- captions ---- */

#define DB_DOWN_CAPTIONS "The database did not answer, so the captions " \
    "are as they were. Please try again in a few seconds."

/* Store `text` (NULL: remove) as presentation id's captions, in one
 * transaction with its audit row. */
static int set_captions(admin_t *a, apr_uint32_t id, const char *text,
                        const char *summary, const char *done)
{
    webcast_record *cur;
    webcast_admin_tx *tx;
    webcast_db_status st;

    if (webcast_admin_db_begin(a->r, &tx) != WEBCAST_DB_OK) {
        return captions_refused(a, id, HTTP_SERVICE_UNAVAILABLE,
                                DB_DOWN_CAPTIONS);
    }
    st = webcast_admin_db_lock(tx, WEBCAST_PRESENTATION, id, &cur);
    if (st != WEBCAST_DB_OK) {
        webcast_admin_db_rollback(tx);
        return st == WEBCAST_DB_NOT_FOUND ? not_found(a, "presentation")
            : captions_refused(a, id, HTTP_SERVICE_UNAVAILABLE,
                               DB_DOWN_CAPTIONS);
    }
    if (webcast_admin_db_set_captions(tx, a->site.user, cur, text, summary)
        != WEBCAST_SAVE_OK || webcast_admin_db_commit(tx) != 0) {
        webcast_admin_db_rollback(tx);
        return captions_refused(a, id, HTTP_SERVICE_UNAVAILABLE,
                                DB_DOWN_CAPTIONS);
    }
    return after(a, cur, done);
}

/* Why a captions upload's body was refused (webcast_admin_read_body). */
static const char *captions_body_problem(int status)
{
    return status == HTTP_REQUEST_ENTITY_TOO_LARGE
        ? WEBCAST_CAPTIONS_TOO_BIG
        : status == HTTP_UNSUPPORTED_MEDIA_TYPE
        ? "This address takes the captions upload form only (multipart/"
          "form-data). Upload the file from the presentation's page."
        : "The upload was not understood (or did not arrive whole), so "
          "nothing was uploaded. Please try again.";
}

/* The captions upload: the file in the body, checked whole first. */
static int post_captions(admin_t *a, apr_uint32_t id)
{
    webcast_captions_upload c;

    if (webcast_captions_check(a->r->pool, apr_hash_get(a->files,
                               "captions_file", APR_HASH_KEY_STRING), &c)
        != OK) {
        return captions_refused(a, id, c.status, c.problem);
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s uploads \"%s\" (%d cues, %s) as the captions of "
                  "presentation %u", a->site.user, c.filename, c.ncues,
                  c.summary, (unsigned)id);
    return set_captions(a, id, c.text, c.summary, "captions");
}

/* "Remove the captions?": the confirmation, then the POST. */
static int page_captions_delete(admin_t *a, apr_uint32_t id)
{
    webcast_record *rec;
    webcast_db_status st = webcast_admin_db_get(a->r, WEBCAST_PRESENTATION,
                                                id, &rec);

    if (st != WEBCAST_DB_OK) {
        return db_error(a, st, "presentation");
    }
    return send_html(a->r, HTTP_OK, webcast_admin_render_captions_delete(
        a->r->pool, &a->site, rec));
}

static int post_captions_delete(admin_t *a, apr_uint32_t id)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, a->r, WEBCAST_LOG_TAG
                  "%s removes the captions of presentation %u",
                  a->site.user, (unsigned)id);
    return set_captions(a, id, NULL, NULL, "uncaptioned");
}

/* ---- the handler ---- */

static int do_post(admin_t *a, const route_t *rt)
{
    request_rec *r = a->r;
    const char *why = NULL;
    int rv;

    if (!same_origin(r, &why)) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "admin refused a POST to %s by %s: %s", r->uri,
                      a->site.user, why);
        return message(a, HTTP_FORBIDDEN, "Refused: not sent from this "
                       "site", "This change did not come from a page of "
                       "this admin, so nothing was changed. Open the admin "
                       "and do it from there.", "/", "Open the admin");
    }
    if (rt->what == R_SLIDES) {
        return post_slides(a, rt->id);      /* multipart: its own reader */
    }
    if ((rv = webcast_admin_read_body(r, rt->what == R_IMPORT
                                      ? WEBCAST_ADMIN_MAX_IMPORT_BODY
                                      : rt->what == R_CAPTIONS
                                      ? WEBCAST_ADMIN_MAX_CAPTIONS_BODY
                                      : WEBCAST_ADMIN_MAX_BODY,
                                      rt->what == R_IMPORT
                                      || rt->what == R_CAPTIONS, &a->in,
                                      &a->files)) != OK) {
        /* the captions form comes back with the reason beside it */
        return rt->what == R_CAPTIONS ? captions_refused(a, rt->id, rv,
                                        captions_body_problem(rv)) : rv;
    }
    if (!webcast_token_check(a->key, a->site.user,
                             apr_table_get(a->in, "token"), a->site.now)) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "admin refused a POST to %s by %s: %s anti-forgery "
                      "token", r->uri, a->site.user,
                      apr_table_get(a->in, "token") ? "wrong or expired"
                                                    : "no");
        if (rt->what == R_NEW || rt->what == R_EDIT) {
            /* a page left open for days: keep what was typed */
            webcast_form *form = webcast_form_parse(r->pool, rt->kind,
                                                    a->site.tz, a->in);
            return show_form(a, HTTP_FORBIDDEN, form, rt->id,
                             form_u32(a, "version"), "This form was too "
                             "old to save (or did not come from this "
                             "admin), so nothing was saved. What you typed "
                             "is below: check it and press Save again.",
                             NULL);
        }
        if (rt->what == R_CAPTIONS) {
            return captions_refused(a, rt->id, HTTP_FORBIDDEN, "This page "
                                    "was too old to upload from (or did not "
                                    "come from this admin), so nothing was "
                                    "uploaded. Choose the file again and "
                                    "press Upload captions.");
        }
        if (rt->what == R_IMPORT) {     /* the pasted text is kept too */
            return webcast_admin_import(r, &a->site, rt->id, a->in,
                                        a->files, 1);
        }
        return message(a, HTTP_FORBIDDEN, "Refused: the page was too old",
                       "Nothing was changed. Reload the page and try "
                       "again.", "/", "Back to today");
    }
    switch (rt->what) {
    case R_NEW:
        return post_new(a, rt->kind);
    case R_EDIT:
        return post_edit(a, rt->kind, rt->id);
    case R_DELETE:
        return post_delete(a, rt->kind, rt->id);
    case R_STATE:
        return post_state(a, rt->id);
    case R_AUTO:
        return post_auto(a, rt->id);
    case R_NOTICE:
        return post_notice(a, rt->kind, rt->id);
    case R_IMPORT:
        return webcast_admin_import(a->r, &a->site, rt->id, a->in,
                                    a->files, 0);
    case R_CAPTIONS:
        return post_captions(a, rt->id);
    case R_CAPTIONS_DELETE:
        return post_captions_delete(a, rt->id);
    default:
        return HTTP_METHOD_NOT_ALLOWED;
    }
}

static int do_get(admin_t *a, const route_t *rt)
{
    const char *q = a->r->args;

    if (webcast_form_urldecode(a->r->pool, q ? q : "", q ? strlen(q) : 0,
                               &a->in) != NULL) {
        a->in = apr_table_make(a->r->pool, 1);
    }
    switch (rt->what) {
    case R_TODAY:
        return page_today(a);
    case R_LIST:
        return page_workshops(a);
    case R_SHOW:
        return page_workshop(a, rt->id);
    case R_NEW:
        return page_new(a, rt->kind);
    case R_EDIT:
        return page_edit(a, rt->kind, rt->id);
    case R_DELETE:
        return page_delete(a, rt->kind, rt->id);
    case R_CAPTIONS_DELETE:
        return page_captions_delete(a, rt->id);
    case R_IMPORT:
        return webcast_admin_import(a->r, &a->site, rt->id, a->in, NULL, 0);
    default:
        return HTTP_METHOD_NOT_ALLOWED;
    }
}

int webcast_admin_handler(request_rec *r)
{
    admin_t a;
    route_t rt;
    const char *why, *rel;
    apr_size_t n;
    const webcast_server_conf *sconf;

    if (r->handler == NULL || strcmp(r->handler, HANDLER) != 0) {
        return DECLINED;
    }
    memset(&a, 0, sizeof(a));
    a.r = r;
    a.conf = ap_get_module_config(r->per_dir_config, &webcast_module);
    security_headers(r);
    /* a config that forgot AuthType/Require never exposes the admin */
    if ((why = user_problem(r->user)) != NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "admin refused %s: %s", r->uri, why);
        return HTTP_FORBIDDEN;
    }
    sconf = ap_get_module_config(r->server->module_config, &webcast_module);
    /* Without WebcastAdminSecretFile, the module's own secret (made at
     * startup for every SetHandler webcast-admin in httpd.conf); startup
     * also refused one outside a plain <Location>. What is left here is a
     * handler set where startup cannot see it (.htaccess, an expression). */
    a.key = a.conf && a.conf->admin_secret ? a.conf->admin_secret
                                           : sconf->admin_secret;
    if (a.conf == NULL || a.key == NULL || a.conf->mount == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "admin at %s is not set up: %s", r->uri,
                      a.conf && a.conf->mount ? "no token secret: set "
                      "WebcastAdminSecretFile for it" : "SetHandler "
                      "webcast-admin must be in a plain <Location> of "
                      "httpd.conf");
        return HTTP_INTERNAL_SERVER_ERROR;
    }
    a.site.mount = a.conf->mount;
    a.site.public_mount = public_mount(r);
    a.site.tz = a.conf->tz ? a.conf->tz : sconf->utc;
    a.site.user = r->user;
    a.site.now = r->request_time;
    a.site.live_url = a.conf->live_url;
    a.site.live_hls = a.conf->live_hls;
    a.site.token = webcast_token_make(r->pool, a.key, r->user,
                                      r->request_time);
    n = strlen(a.conf->mount);
    rel = r->uri + n;
    if (strncmp(r->uri, a.conf->mount, n) != 0) {
        return HTTP_NOT_FOUND;
    }
    if (*rel == '\0') {
        return see_other(&a, "/");
    }
    /* no %-escapes in our URLs: "%37" is not an alias of "7" */
    if (!parse_route(rel, &rt) || (r->unparsed_uri && memchr(
            r->unparsed_uri, '%', strcspn(r->unparsed_uri, "?")))) {
        return message(&a, HTTP_NOT_FOUND, "Not found", "There is no such "
                       "page in the admin.", "/", "Back to today");
    }
    if (r->method_number == M_POST && rt.what != R_TODAY
        && rt.what != R_LIST && rt.what != R_SHOW) {
        return do_post(&a, &rt);
    }
    if (r->method_number != M_GET || rt.what == R_STATE
        || rt.what == R_AUTO || rt.what == R_NOTICE || rt.what == R_SLIDES
        || rt.what == R_CAPTIONS) {
        if (rt.what == R_STATE || rt.what == R_AUTO
            || rt.what == R_NOTICE || rt.what == R_SLIDES
            || rt.what == R_CAPTIONS) {
            ap_allow_methods(r, REPLACE_ALLOW, "POST", NULL);
        }
        else if (rt.what == R_TODAY || rt.what == R_LIST
                 || rt.what == R_SHOW) {
            ap_allow_methods(r, REPLACE_ALLOW, "GET", "HEAD", NULL);
        }
        else {
            ap_allow_methods(r, REPLACE_ALLOW, "GET", "HEAD", "POST", NULL);
        }
        return HTTP_METHOD_NOT_ALLOWED;
    }
    return do_get(&a, &rt);
}
