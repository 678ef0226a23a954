/* webcast_handler.c - the `webcast` handler: the public site.
 *
 * Order of checks: is the path ours at all (else DECLINED, so static files
 * under the same <Location> serve), is it well formed (else 404), is the
 * method GET/HEAD (else 405), then the database.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_core.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "mod_core.h"
#include "apr_strings.h"

#include "apr_md5.h"

#include "apr_atomic.h"

#include "webcast.h"
#include "webcast_assets.h"
#include "webcast_cache.h"
#include "webcast_ical.h"
#include "webcast_json.h"
#include "webcast_compress.h"
#include "webcast_encoding.h"
#include "webcast_gtid.h"
#include "webcast_freshness.h"
#include "webcast_refmovie.h"
#include "webcast_render.h"
#include "webcast_route.h"
#include "webcast_rss.h"

APLOG_USE_MODULE(webcast);

/* The path below the mount point, or NULL when the handler was not set
 * in a plain <Location> (a <LocationMatch>, <Directory> or .htaccess). */
static const char *relative_path(request_rec *r, const webcast_dir_conf *conf)
{
    apr_size_t n = conf->mount ? strlen(conf->mount) : 0;

    static volatile apr_uint32_t warned;

    if (conf->mount == NULL || strncmp(r->uri, conf->mount, n) != 0
        || (r->uri[n] != '\0' && r->uri[n] != '/')) {
        /* a configuration mistake: said once per child, not per request */
        if (apr_atomic_cas32(&warned, 1, 0) == 0) {
            ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                          "%s is not below a <Location> that sets the "
                          "handler: put SetHandler webcast in a plain "
                          "<Location> (said once; every such request is "
                          "404)", r->uri);
        }
        return NULL;
    }
    return r->uri + n;
}

static webcast_site site_of(request_rec *r, const webcast_dir_conf *conf)
{
    const webcast_server_conf *sconf =
        ap_get_module_config(r->server->module_config, &webcast_module);
    webcast_site site;

    site.mount = conf->mount ? conf->mount : "";
    site.tz = conf->tz ? conf->tz : sconf->utc;
    site.archive_url = conf->archive_url;
    site.live_url = conf->live_url;
    site.archive_hls = conf->archive_hls;
    site.live_hls = conf->live_hls;
    site.stylesheet = conf->stylesheet;
    site.now = r->request_time;
    site.next_change = 0;
    site.origin = ap_construct_url(r->pool, "", r);
    return site;
}

static const char *page_csp(request_rec *r, const webcast_dir_conf *conf,
                            const char *ancestors);

/* Our readable page for an error status, unless the admin configured an
 * ErrorDocument for it. The page is ASCII, so no charset is claimed.
 * (ap_custom_response marks the text as a message itself.) It is a public
 * page like the others, under the same policy; an ErrorDocument keeps its
 * own. */
static int error_page(request_rec *r, const webcast_dir_conf *conf,
                      int status)
{
    webcast_site site = site_of(r, conf);

    /* A talk the admin is about to add is 404 now: no cache (a CDN's
     * default for an answer that says nothing may be minutes) keeps
     * that longer than a page that can still change (MAX_AGE_SHORT). */
    if (status == HTTP_NOT_FOUND) {
        apr_table_setn(r->err_headers_out, "Cache-Control",
                       "public, max-age=10, s-maxage=10");
    }
    if (ap_response_code_string(r, ap_index_of_response(status)) == NULL) {
        apr_table_setn(r->subprocess_env, "suppress-error-charset", "1");
        apr_table_setn(r->err_headers_out, "Content-Security-Policy",
                       page_csp(r, conf, NULL));
        ap_custom_response(r, status,
                           webcast_render_error(r->pool, &site, status));
    }
    return status;
}

static int not_found(request_rec *r, apr_uint32_t id, const char *why)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                  "404 for presentation %u: %s", (unsigned)id, why);
    return HTTP_NOT_FOUND;
}

static int unavailable(request_rec *r, const webcast_dir_conf *conf)
{
    apr_table_setn(r->err_headers_out, "Retry-After", WEBCAST_RETRY_AFTER);
    /* An outage is not a page: no cache (a CDN in front) may keep it
     * and hand it out after the database is back, nor put it in place of
     * the stale copy it may show instead (stale-if-error). */
    apr_table_setn(r->err_headers_out, "Cache-Control", "no-store");
    return error_page(r, conf, HTTP_SERVICE_UNAVAILABLE);
}

/* An HTML fragment from a local URL, as mod_autoindex's HeaderName. */
static void include_fragment(request_rec *r, const char *uri)
{
    request_rec *rr;

    if (uri == NULL) {
        return;
    }
    rr = ap_sub_req_lookup_uri(uri, r, r->output_filters);
    if (rr->status == HTTP_OK && rr->content_type
        && strncasecmp(rr->content_type, "text/html", 9) == 0) {
        ap_run_sub_req(rr);
    }
    else {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "header/footer %s not included: status %d, type %s "
                      "(it must be a text/html file)", uri, rr->status,
                      rr->content_type ? rr->content_type : "none");
    }
    ap_destroy_sub_req(rr);
}

/* Seconds a browser, CDN or mod_cache in front may keep an answer: short
 * while a talk can still change state, longer once it is archived. */
#define MAX_AGE_SHORT 10
#define MAX_AGE_ARCHIVE 300
/* Status resources are polled for changes: a copy may be a few seconds
 * old, never past a scheduled change (see cache_control()). */
#define MAX_AGE_STATUS 5

/* build_*() return OK with the response filled in, an HTTP status (404),
 * or UNAVAILABLE when the database cannot be read. */
#define UNAVAILABLE (-1)

/* The process's cache (child_init); NULL before or when it failed. */
static webcast_cache *cache;

void webcast_cache_init(apr_pool_t *pchild, server_rec *s)
{
    const webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);
    apr_status_t rv = webcast_cache_create(pchild, sconf->cache_size, &cache);

    if (rv != APR_SUCCESS) {
        ap_log_error(APLOG_MARK, APLOG_ERR, rv, s, WEBCAST_LOG_TAG
                     "cannot create the page cache; serving without it");
        cache = NULL;
    }
}

/* A binary movie holds NULs: its length is recorded, not searched for. */
static apr_size_t body_length(const webcast_response *resp)
{
    return resp->body_len ? resp->body_len : strlen(resp->body);
}

/* A strong validator derived from the bytes themselves: whatever changed
 * in the data (even a deleted row) changes it. */
static const char *etag_of(apr_pool_t *p, const webcast_response *resp)
{
    unsigned char digest[APR_MD5_DIGESTSIZE];
    apr_md5_ctx_t md5;
    const char *parts[3] = { resp->head, resp->body, resp->tail };
    int i;

    apr_md5_init(&md5);
    for (i = 0; i < 3; i++) {
        if (parts[i]) {
            apr_md5_update(&md5, parts[i], i == 1 ? body_length(resp)
                                                  : strlen(parts[i]));
        }
    }
    apr_md5_final(digest, &md5);
    return apr_psprintf(p, "\"%02x%02x%02x%02x%02x%02x%02x%02x\"",
                        digest[0], digest[1], digest[2], digest[3],
                        digest[4], digest[5], digest[6], digest[7]);
}

/* What a database answer means for build_*(). */
static int status_of(webcast_db_status st)
{
    return st == WEBCAST_DB_OK ? OK : st == WEBCAST_DB_NOT_FOUND
                                      ? HTTP_NOT_FOUND : UNAVAILABLE;
}

/* The clock's part in an answer about `pr` (SPEC 8): its shown state is
 * set, the next scheduled change bounds *expires, and the last one that
 * passed is a modification like any other (If-Modified-Since from before
 * 12:00 must not get a 304 for the page that went live at 12:00). */
static void follow_clock(request_rec *r, const webcast_dir_conf *conf,
                         webcast_presentation *pr, apr_time_t *expires,
                         apr_time_t *mtime)
{
    apr_time_t last;

    webcast_clock_apply(r->pool, pr, r->request_time, conf->live_url,
                        conf->live_hls);
    *expires = webcast_clock_min(*expires,
                                 webcast_clock_next(pr, r->request_time));
    last = webcast_clock_last(pr, r->request_time);
    *mtime = last > *mtime ? last : *mtime;
}

static void page_response(request_rec *r, webcast_response *resp,
                          webcast_page pg, apr_time_t mtime, int max_age,
                          apr_time_t expires)
{
    memset(resp, 0, sizeof(*resp));
    resp->expires = expires;
    resp->content_type = "text/html; charset=utf-8";
    resp->head = pg.open;
    resp->body = pg.main;
    resp->tail = pg.close;
    resp->is_page = 1;
    resp->last_modified = mtime;
    resp->max_age = max_age;
    resp->etag = etag_of(r->pool, resp);
}

static int build_index(request_rec *r, const webcast_dir_conf *conf,
                       webcast_response *resp)
{
    apr_array_header_t *list;
    webcast_site site = site_of(r, conf);
    apr_time_t expires = 0;
    int i;

    if (webcast_db_workshops(r, &list) != WEBCAST_DB_OK) {
        return UNAVAILABLE;
    }
    /* No Last-Modified: the page also changes with the date and with
     * presentations going live, which no row's updated_at records. */
    for (i = 0; i < list->nelts; i++) {
        expires = webcast_clock_min(expires, APR_ARRAY_IDX(list, i,
                                    webcast_workshop *)->next_change);
    }
    page_response(r, resp, webcast_render_index(r->pool, &site,
                  (const webcast_workshop *const *)list->elts, list->nelts),
                  0, MAX_AGE_SHORT, expires);
    return OK;
}

static int build_workshop(request_rec *r, const webcast_dir_conf *conf,
                          const char *slug, webcast_response *resp)
{
    webcast_workshop *w;
    apr_array_header_t *schedule;
    webcast_site site = site_of(r, conf);
    webcast_presentation **list;
    apr_time_t mtime, expires = 0;
    int i, rc;

    if ((rc = status_of(webcast_db_workshop(r, slug, &w, &schedule))) != OK) {
        return rc;
    }
    list = (webcast_presentation **)schedule->elts;
    for (mtime = w->updated_at, i = 0; i < schedule->nelts; i++) {
        mtime = list[i]->updated_at > mtime ? list[i]->updated_at : mtime;
        follow_clock(r, conf, list[i], &expires, &mtime);
    }
    site.next_change = expires;
    page_response(r, resp, webcast_render_workshop(r->pool, &site, w,
                  (const webcast_presentation *const *)list,
                  schedule->nelts), mtime, MAX_AGE_SHORT, expires);
    return OK;
}

/* An answer of one body (everything but the pages): its type, bytes
 * (len 0: a string), validators and freshness; its ETag is its MD5. */
static void body_response(request_rec *r, webcast_response *resp,
                          const char *type, const char *body,
                          apr_size_t len, apr_time_t mtime, int max_age,
                          apr_time_t expires)
{
    memset(resp, 0, sizeof(*resp));
    resp->content_type = type;
    resp->body = body;
    resp->body_len = len;
    resp->last_modified = mtime;
    resp->max_age = max_age;
    resp->expires = expires;
    resp->etag = etag_of(r->pool, resp);
}

/* presentations/<id>/captions.vtt: the file as uploaded, byte for byte;
 * 404 for a presentation without captions. */
static int build_captions(request_rec *r, apr_uint32_t id,
                          webcast_response *resp)
{
    const char *text;
    apr_size_t len;
    apr_time_t at = 0;
    int rc = status_of(webcast_db_captions(r, id, &text, &len, &at));

    if (rc != OK) {
        return rc == HTTP_NOT_FOUND ? not_found(r, id, "no such presentation")
                                    : rc;
    }
    if (text == NULL || len == 0) {
        return not_found(r, id, "no captions (none uploaded, or the "
                         "database lacks sql/006-captions.sql)");
    }
    body_response(r, resp, "text/vtt; charset=utf-8", text, len, at,
                  MAX_AGE_ARCHIVE, 0);
    return OK;
}

/* The presentation page, or its embed (the player block alone, which
 * needs no bio or summary). */
static int build_presentation(request_rec *r, const webcast_dir_conf *conf,
                              apr_uint32_t id, int embed,
                              webcast_response *resp)
{
    webcast_presentation *p;
    webcast_site site = site_of(r, conf);
    apr_time_t mtime, expires = 0;
    int rc;

    if ((rc = status_of(embed ? webcast_db_embed(r, id, &p)
                              : webcast_db_presentation(r, id, &p))) != OK) {
        return rc;
    }
    mtime = p->updated_at;
    follow_clock(r, conf, p, &expires, &mtime);
    site.next_change = expires;
    page_response(r, resp, embed ? webcast_render_embed(r->pool, &site, p)
                  : webcast_render_presentation(r->pool, &site, p),
                  mtime, p->state == WEBCAST_STATE_ARCHIVE
                  ? MAX_AGE_ARCHIVE : MAX_AGE_SHORT, expires);
    return OK;
}

/* The three forms of a reference movie (REFMOVIE.md). */
typedef enum {
    MOVIE_RTSPTEXT = 0,     /* .ref.mov: RTSPtext and the URL */
    MOVIE_QTL,              /* .qtl: QuickTime Media Link */
    MOVIE_RMRA              /* .rmra.mov: moov/rmra, one rmda per alternate */
} movie_format;

/* An archive's rmra names every WebcastArchiveAlternate, if any. */
static const apr_array_header_t *alternates_of(const webcast_dir_conf *conf,
                                               int live, movie_format fmt)
{
    return live || fmt != MOVIE_RMRA ? NULL : conf->archive_alternates;
}

/* The movie's bytes, or NULL with *why: a URL the record cannot make, or
 * one that is not plain printable ASCII. */
static const char *movie_body(apr_pool_t *pool, const webcast_dir_conf *conf,
                              const webcast_presentation *p, int live,
                              movie_format fmt, apr_size_t *len,
                              const char **why)
{
    const apr_array_header_t *list = alternates_of(conf, live, fmt);
    const webcast_alternate_conf *each = list
        ? (const webcast_alternate_conf *)list->elts : NULL;
    const webcast_pattern *main = live ? conf->live_url : conf->archive_url;
    webcast_stream_kind kind = live ? WEBCAST_STREAM_LIVE
                                    : WEBCAST_STREAM_ARCHIVE;
    int i, n = list ? list->nelts : 1;
    webcast_alternate *alts = apr_pcalloc(pool, n * sizeof(*alts));
    const char *body;

    /* Every alternate or none: a record that cannot make one URL makes
     * no movie, as for the other forms. */
    for (i = 0; i < n; i++) {
        alts[i].bitrate = each ? each[i].bitrate : 0;
        alts[i].url = webcast_stream_url(pool, each ? each[i].pattern : main,
                                         p, kind, why);
        if (alts[i].url == NULL) {
            return NULL;
        }
    }
    body = fmt == MOVIE_QTL ? webcast_refmovie_qtl(pool, alts[0].url, len)
         : fmt == MOVIE_RMRA ? webcast_refmovie_rmra(pool, alts, n, len)
         : webcast_refmovie_rtsptext(pool, alts[0].url, len);
    if (body == NULL) {
        *why = "stream URL is not plain printable ASCII";
    }
    return body;
}

static int build_refmovie(request_rec *r, const webcast_dir_conf *conf,
                          apr_uint32_t id, int live, movie_format fmt,
                          webcast_response *resp)
{
    const webcast_pattern *pat = live ? conf->live_url : conf->archive_url;
    webcast_presentation *p;
    const char *body, *why = NULL;
    apr_time_t mtime, expires = 0;
    apr_size_t len;
    int rc;

    /* A configuration gap is not worth a query (or a 503 in an outage). */
    if (pat == NULL && alternates_of(conf, live, fmt) == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "%s is not set for %s: reference movies there are 404",
                      live ? "WebcastLiveURL" : "WebcastArchiveURL", r->uri);
        return HTTP_NOT_FOUND;
    }
    if ((rc = status_of(webcast_db_stream(r, id, &p))) != OK) {
        return rc == HTTP_NOT_FOUND ? not_found(r, id, "no such presentation")
                                    : rc;
    }
    mtime = p->updated_at;
    follow_clock(r, conf, p, &expires, &mtime);
    if ((body = movie_body(r->pool, conf, p, live, fmt, &len, &why)) == NULL) {
        return not_found(r, id, why);
    }
    body_response(r, resp, fmt == MOVIE_QTL ? "application/x-quicktimeplayer"
                                            : "video/quicktime",
                  body, len, mtime, live ? MAX_AGE_SHORT : MAX_AGE_ARCHIVE,
                  expires);
    return OK;
}

static void json_response(request_rec *r, webcast_response *resp,
                          const char *body, apr_time_t mtime,
                          apr_time_t expires)
{
    body_response(r, resp, "application/json", body, 0, mtime,
                  MAX_AGE_STATUS, expires);
}

static int build_presentation_status(request_rec *r,
                                     const webcast_dir_conf *conf,
                                     apr_uint32_t id, webcast_response *resp)
{
    webcast_presentation *p;
    apr_time_t mtime, expires = 0;
    int rc;

    if ((rc = status_of(webcast_db_stream(r, id, &p))) != OK) {
        return rc;
    }
    mtime = p->updated_at;
    follow_clock(r, conf, p, &expires, &mtime);
    json_response(r, resp, webcast_json_presentation_status(r->pool, p,
                  apr_psprintf(r->pool, "%s/presentations/%u/",
                               conf->mount ? conf->mount : "", (unsigned)id),
                  expires), mtime, expires);
    return OK;
}

static int build_workshop_status(request_rec *r, const webcast_dir_conf *conf,
                                 const char *slug, webcast_response *resp)
{
    webcast_workshop *w;
    apr_array_header_t *schedule;
    webcast_presentation **list;
    apr_time_t mtime, expires = 0;
    int i, rc;

    if ((rc = status_of(webcast_db_workshop(r, slug, &w, &schedule))) != OK) {
        return rc;
    }
    list = (webcast_presentation **)schedule->elts;
    for (mtime = w->updated_at, i = 0; i < schedule->nelts; i++) {
        mtime = list[i]->updated_at > mtime ? list[i]->updated_at : mtime;
        follow_clock(r, conf, list[i], &expires, &mtime);
    }
    json_response(r, resp, webcast_json_workshop_status(r->pool, w,
                  (const webcast_presentation *const *)list, schedule->nelts,
                  apr_pstrcat(r->pool, conf->mount ? conf->mount : "",
                              "/workshops/", slug, "/", NULL), expires),
                  mtime, expires);
    return OK;
}

/* ---- feeds: calendar.ics, archive.rss, schedule.json ---- */

/* What the feeds say about the site: absolute URLs from the request's
 * scheme, host and port (as httpd's redirects have them), UIDs from the
 * virtual host's ServerName, never from the Host header. */
static webcast_feed feed_of(request_rec *r, const webcast_dir_conf *conf,
                            const char *slug)
{
    const webcast_server_conf *sconf =
        ap_get_module_config(r->server->module_config, &webcast_module);
    webcast_feed f;

    memset(&f, 0, sizeof(f));
    f.origin = ap_construct_url(r->pool, "", r);
    f.base = ap_construct_url(r->pool, ap_escape_uri(r->pool, conf->mount
                                                     ? conf->mount : ""), r);
    f.self = ap_construct_url(r->pool, ap_escape_uri(r->pool, r->uri), r);
    f.link = webcast_feed_url(r->pool, &f, slug ? apr_pstrcat(r->pool,
                              "/workshops/", slug, "/", NULL) : "/");
    f.domain = r->server->server_hostname;
    f.title = "Workshop webcasts";
    f.tz = conf->tz ? conf->tz : sconf->utc;
    f.archive_url = conf->archive_url;
    f.live_url = conf->live_url;
    f.archive_hls = conf->archive_hls;
    f.live_hls = conf->live_hls;
    f.download = conf->archive_download;
    f.now = r->request_time;
    return f;
}

/* A feed's rows, with their shown states: the next change of one of
 * them (and for the root calendar, the site's midnight: its "today"
 * moves on) bounds `expires`; the newest change is `mtime`. */
typedef struct {
    webcast_feed f;
    webcast_workshop *w;            /* a workshop's feed; NULL at the root */
    apr_array_header_t *list;       /* webcast_presentation * */
    apr_time_t expires, mtime;
} feed_rows_t;

static int feed_rows(request_rec *r, const webcast_dir_conf *conf,
                     const char *slug, int calendar, feed_rows_t *out)
{
    webcast_presentation **pr;
    webcast_db_status st;
    int i;

    out->f = feed_of(r, conf, slug);
    out->w = NULL;
    out->expires = out->mtime = 0;
    if (slug) {
        st = webcast_db_feed_workshop(r, slug, &out->w, &out->list);
        if (st != WEBCAST_DB_OK) {
            return status_of(st);
        }
        out->f.title = out->w->title;
        out->f.summary = out->w->summary;
        out->mtime = out->w->updated_at;
    }
    else if (calendar) {
        st = webcast_db_feed_calendar(r, webcast_time_day(out->f.tz,
                                      r->request_time), &out->list);
        out->expires = webcast_time_next_day(out->f.tz, r->request_time);
    }
    else {
        st = webcast_db_feed_archive(r, r->request_time, &out->list);
    }
    if (st != WEBCAST_DB_OK) {
        return UNAVAILABLE;
    }
    pr = (webcast_presentation **)out->list->elts;
    for (i = 0; i < out->list->nelts; i++) {
        if (pr[i]->updated_at > out->mtime) {
            out->mtime = pr[i]->updated_at;
        }
        follow_clock(r, conf, pr[i], &out->expires, &out->mtime);
    }
    return OK;
}

/* calendar.ics, archive.rss and schedule.json, of the site or of a
 * workshop. They change like pages; the site's have no Last-Modified,
 * as the index has none (they change with the date and with rows that
 * left, which no updated_at records). */
static int build_feed(request_rec *r, const webcast_dir_conf *conf,
                      const webcast_route_t *route, webcast_response *resp)
{
    int workshop = route->kind == WEBCAST_ROUTE_WORKSHOP_CALENDAR
                   || route->kind == WEBCAST_ROUTE_WORKSHOP_RSS
                   || route->kind == WEBCAST_ROUTE_WORKSHOP_SCHEDULE;
    int calendar = route->kind == WEBCAST_ROUTE_CALENDAR
                   || route->kind == WEBCAST_ROUTE_WORKSHOP_CALENDAR;
    const webcast_presentation *const *list;
    feed_rows_t fr;
    int rc = feed_rows(r, conf, workshop ? route->slug : NULL, calendar, &fr);

    if (rc != OK) {
        return rc;
    }
    list = (const webcast_presentation *const *)fr.list->elts;
    if (route->kind == WEBCAST_ROUTE_WORKSHOP_SCHEDULE) {
        json_response(r, resp, webcast_json_schedule(r->pool, &fr.f, fr.w,
                      list, fr.list->nelts, fr.expires), fr.mtime,
                      fr.expires);
        return OK;
    }
    body_response(r, resp, calendar ? "text/calendar; charset=utf-8"
                                    : "application/rss+xml; charset=utf-8",
                  calendar
                  ? webcast_ical_calendar(r->pool, &fr.f, list, fr.list->nelts)
                  : webcast_rss_feed(r->pool, &fr.f, list, fr.list->nelts,
                                     workshop ? 0 : WEBCAST_FEED_ARCHIVE_MAX),
                  0, workshop ? fr.mtime : 0, MAX_AGE_SHORT, fr.expires);
    return OK;
}

/* The module's own files (assets/), compiled in: no database, no cache. */
static int build_asset(request_rec *r, const char *name,
                       webcast_response *resp)
{
    const webcast_asset *a = webcast_asset_find(name);

    if (a == NULL) {
        return HTTP_NOT_FOUND;
    }
    memset(resp, 0, sizeof(*resp));
    resp->content_type = a->content_type;
    resp->body = a->body;
    resp->body_len = a->len;
    resp->codings = a->codings;
    memcpy(resp->coded, a->coded, sizeof(resp->coded));
    resp->etag = apr_pstrcat(r->pool, "\"", a->version, "\"", NULL);
    resp->max_age = MAX_AGE_ARCHIVE;
    return OK;
}

/* The oEmbed frame's size: 16:10 at 640 px, smaller when the consumer
 * asks for a maximum. */
#define OEMBED_WIDTH 640
#define OEMBED_HEIGHT 400

/* oembed?url=<presentation page>[&maxwidth=][&maxheight=][&format=json]:
 * the URL must name a presentation page under this mount; anything else
 * is a 404 (format other than json: 501, as oEmbed says). */
static int build_oembed(request_rec *r, const webcast_dir_conf *conf,
                        webcast_response *resp)
{
    const char *mount = conf->mount ? conf->mount : "";
    const char *url = NULL, *format = "json";
    int width = OEMBED_WIDTH, height = OEMBED_HEIGHT, max;
    char *args = apr_pstrdup(r->pool, r->args ? r->args : ""), *last, *kv;
    webcast_presentation *p;
    webcast_route_t route;
    apr_uri_t u;
    int rc;

    for (kv = apr_strtok(args, "&", &last); kv;
         kv = apr_strtok(NULL, "&", &last)) {
        char *v = strchr(kv, '=');

        if (v == NULL) {
            continue;
        }
        *v++ = '\0';
        if (ap_unescape_urlencoded(v) != OK) {
            return HTTP_NOT_FOUND;
        }
        if (strcmp(kv, "url") == 0) {
            url = v;
        }
        else if (strcmp(kv, "format") == 0) {
            format = v;
        }
        else if (strcmp(kv, "maxwidth") == 0 && (max = atoi(v)) > 0
                 && max < width) {
            width = max, height = max * OEMBED_HEIGHT / OEMBED_WIDTH;
        }
        else if (strcmp(kv, "maxheight") == 0 && (max = atoi(v)) > 0
                 && max < height) {
            height = max, width = max * OEMBED_WIDTH / OEMBED_HEIGHT;
        }
    }
    if (strcmp(format, "json") != 0) {
        return HTTP_NOT_IMPLEMENTED;
    }
    if (url == NULL || apr_uri_parse(r->pool, url, &u) != APR_SUCCESS
        || u.path == NULL || strncmp(u.path, mount, strlen(mount)) != 0
        || webcast_route_parse(u.path + strlen(mount), &route)
           != WEBCAST_ROUTE_PRESENTATION) {
        return HTTP_NOT_FOUND;
    }
    if ((rc = status_of(webcast_db_stream(r, route.id, &p))) != OK) {
        return rc;
    }
    body_response(r, resp, "application/json", webcast_json_oembed(
                      r->pool, p, ap_construct_url(r->pool, apr_psprintf(
                          r->pool, "%s/presentations/%u/embed/", mount,
                          (unsigned)route.id), r),
                      width, height, ap_get_server_name(r)),
                  0, p->updated_at, MAX_AGE_ARCHIVE, 0);
    return OK;
}

static int build(request_rec *r, const webcast_dir_conf *conf,
                 const webcast_route_t *route, webcast_response *resp)
{
    switch (route->kind) {
    case WEBCAST_ROUTE_INDEX:
        return build_index(r, conf, resp);
    case WEBCAST_ROUTE_WORKSHOP:
        return build_workshop(r, conf, route->slug, resp);
    case WEBCAST_ROUTE_PRESENTATION:
        return build_presentation(r, conf, route->id, 0, resp);
    case WEBCAST_ROUTE_REF_ARCHIVE:
        return build_refmovie(r, conf, route->id, 0, MOVIE_RTSPTEXT, resp);
    case WEBCAST_ROUTE_REF_LIVE:
        return build_refmovie(r, conf, route->id, 1, MOVIE_RTSPTEXT, resp);
    case WEBCAST_ROUTE_QTL_ARCHIVE:
        return build_refmovie(r, conf, route->id, 0, MOVIE_QTL, resp);
    case WEBCAST_ROUTE_QTL_LIVE:
        return build_refmovie(r, conf, route->id, 1, MOVIE_QTL, resp);
    case WEBCAST_ROUTE_RMRA_ARCHIVE:
        return build_refmovie(r, conf, route->id, 0, MOVIE_RMRA, resp);
    case WEBCAST_ROUTE_RMRA_LIVE:
        return build_refmovie(r, conf, route->id, 1, MOVIE_RMRA, resp);
    case WEBCAST_ROUTE_PRESENTATION_STATUS:
        return build_presentation_status(r, conf, route->id, resp);
    case WEBCAST_ROUTE_WORKSHOP_STATUS:
        return build_workshop_status(r, conf, route->slug, resp);
    case WEBCAST_ROUTE_ASSET:
        return build_asset(r, route->asset, resp);
    case WEBCAST_ROUTE_EMBED:
        return build_presentation(r, conf, route->id, 1, resp);
    case WEBCAST_ROUTE_OEMBED:
        return build_oembed(r, conf, resp);
    case WEBCAST_ROUTE_CALENDAR:
    case WEBCAST_ROUTE_ARCHIVE_RSS:
    case WEBCAST_ROUTE_WORKSHOP_CALENDAR:
    case WEBCAST_ROUTE_WORKSHOP_RSS:
    case WEBCAST_ROUTE_WORKSHOP_SCHEDULE:
        return build_feed(r, conf, route, resp);
    case WEBCAST_ROUTE_CAPTIONS:
        return build_captions(r, route->id, resp);
    default:
        return HTTP_NOT_FOUND;
    }
}

static void write_part(request_rec *r, const char *s)
{
    if (s) {
        ap_rputs(s, r);
    }
}

/* The policy of the public pages: nothing inline runs, scripts only from
 * this site (assets/webcast.js), styles from here or WebcastStyleSheet's
 * origin. The QuickTime <object>/<embed> loads our own .ref.mov
 * (object-src 'self'); HTML5 video plays from the HLS server, over
 * Media Source from blob: URLs where a script player is used, and fetches
 * its playlists (media-src, connect-src). */
static const char *page_csp(request_rec *r, const webcast_dir_conf *conf,
                            const char *ancestors)
{
    const char *style = "'self'";
    const char *css = conf->stylesheet;
    apr_uri_t u;

    if (css && apr_uri_parse(r->pool, css, &u) == APR_SUCCESS
        && u.scheme && u.hostinfo) {
        style = apr_pstrcat(r->pool, "'self' ", u.scheme, "://", u.hostinfo,
                            NULL);
    }
    return apr_pstrcat(r->pool, "default-src 'none'; script-src 'self'; "
                       "style-src ", style, "; img-src 'self' data: https:; "
                       "media-src 'self' https: http: blob:; "
                       "connect-src 'self' https: http:; object-src 'self'; "
                       "base-uri 'none'; form-action 'self'",
                       ancestors ? "; frame-ancestors " : "", ancestors,
                       NULL);
}

/* What a kind of answer says about itself besides its validators: the
 * status resources are for any site's scripts (CORS); assets named by
 * their version never change; pages get their policy. */
static void headers_of(request_rec *r, const webcast_dir_conf *conf,
                       const webcast_route_t *route,
                       const webcast_response *resp)
{
    switch (route->kind) {
    case WEBCAST_ROUTE_PRESENTATION_STATUS:
    case WEBCAST_ROUTE_WORKSHOP_STATUS:
        apr_table_setn(r->err_headers_out, "Access-Control-Allow-Origin",
                       "*");
        break;
    case WEBCAST_ROUTE_ASSET:
        if (r->args && strncmp(r->args, "v=", 2) == 0
            && strncmp(resp->etag + 1, r->args + 2, strlen(r->args + 2)) == 0
            && strlen(r->args + 2) + 2 == strlen(resp->etag)) {
            apr_table_setn(r->headers_out, "Cache-Control",
                           "public, max-age=31536000, immutable");
        }
        break;
    case WEBCAST_ROUTE_INDEX:
    case WEBCAST_ROUTE_WORKSHOP:
    case WEBCAST_ROUTE_PRESENTATION:
        apr_table_setn(r->headers_out, "Content-Security-Policy",
                       page_csp(r, conf, NULL));
        break;
    case WEBCAST_ROUTE_EMBED:
        apr_table_setn(r->headers_out, "Content-Security-Policy",
                       page_csp(r, conf, conf->embed_ancestors
                                ? conf->embed_ancestors : "*"));
        break;
    case WEBCAST_ROUTE_OEMBED:
    case WEBCAST_ROUTE_CALENDAR:
    case WEBCAST_ROUTE_ARCHIVE_RSS:
    case WEBCAST_ROUTE_WORKSHOP_CALENDAR:
    case WEBCAST_ROUTE_WORKSHOP_RSS:
    case WEBCAST_ROUTE_WORKSHOP_SCHEDULE:
    case WEBCAST_ROUTE_CAPTIONS:
        /* public data, for any site's scripts (web podcast players,
         * players elsewhere that fetch the captions track) */
        apr_table_setn(r->err_headers_out, "Access-Control-Allow-Origin",
                       "*");
        break;
    default:
        break;
    }
}

/* How long browsers and shared caches may keep `resp` now: never past
 * its next scheduled change (whole seconds rounded down, so a copy is
 * never kept a fraction too long); see webcast_freshness_of(). */
static const char *cache_control(request_rec *r,
                                 const webcast_dir_conf *conf,
                                 const webcast_response *resp)
{
    long left = -1;
    webcast_freshness f;

    if (resp->expires != 0) {
        left = resp->expires > r->request_time
               ? (long)apr_time_sec(resp->expires - r->request_time) : 0;
    }
    f = webcast_freshness_of(resp->max_age, left, &conf->freshness);
    return webcast_freshness_header(r->pool, &f);
}

/* Until when the cache may serve `resp` as fresh: WebcastCacheTTL, and
 * never past the next scheduled change. */
static apr_time_t fresh_until(request_rec *r, const webcast_dir_conf *conf,
                              const webcast_response *resp)
{
    return webcast_clock_min(r->request_time
                             + apr_time_from_sec(conf->cache_ttl),
                             resp->expires);
}

/* The admin's header and footer go between the parts of a page. */
static int has_includes(const webcast_dir_conf *conf,
                        const webcast_response *resp)
{
    return resp->is_page && (conf->header_name || conf->footer_name);
}

/* An answer with compressed copies varies by Accept-Encoding and is
 * compressed already: mod_deflate must neither compress it again nor
 * rename its ETag. */
static webcast_encoding choose_coding(request_rec *r,
                                      const webcast_response *resp,
                                      const webcast_accept *accept)
{
    if (resp->codings == 0) {
        return WEBCAST_ENC_IDENTITY;
    }
    apr_table_mergen(r->headers_out, "Vary", "Accept-Encoding");
    apr_table_setn(r->subprocess_env, "no-gzip", "1");
    return webcast_accept_choose(accept, resp->codings);
}

/* Headers, validators (304 when the client's copy is current), body.
 * The admin's header and footer are fetched per request, so pages that
 * include them carry no validators of their own (and no compressed
 * copies: see cache_key()). */
static int send_response(request_rec *r, const webcast_dir_conf *conf,
                         const webcast_route_t *route,
                         const webcast_response *resp,
                         const webcast_accept *accept,
                         const char *cache_state)
{
    int includes = has_includes(conf, resp);
    webcast_encoding enc = choose_coding(r, resp, accept);
    const char *inm;
    int rc;

    ap_set_content_type(r, resp->content_type);
    if (!includes && resp->etag) {
        apr_table_setn(r->headers_out, "ETag",
                       webcast_encoding_etag(r->pool, resp->etag, enc));
    }
    if (!includes && resp->last_modified) {
        ap_update_mtime(r, resp->last_modified);
        ap_set_last_modified(r);
    }
    apr_table_setn(r->headers_out, "Cache-Control",
                   cache_control(r, conf, resp));
    if (cache_state) {
        apr_table_setn(r->headers_out, "X-Webcast-Cache", cache_state);
    }
    headers_of(r, conf, route, resp);
    /* Without a Last-Modified there is no date to compare: httpd would
     * take "now" and answer any recent If-Modified-Since with 304. */
    if (includes || !resp->last_modified) {
        apr_table_unset(r->headers_in, "If-Modified-Since");
        apr_table_unset(r->headers_in, "If-Unmodified-Since");
    }
    /* A tag mod_deflate renamed (when it compressed an answer at
     * WebcastCacheTTL 0) still names our bytes. */
    if ((inm = apr_table_get(r->headers_in, "If-None-Match")) != NULL) {
        apr_table_set(r->headers_in, "If-None-Match",
                      webcast_inm_undeflate(r->pool, inm));
    }
    if ((rc = ap_meets_conditions(r)) != OK) {
        return rc;
    }
    if (enc != WEBCAST_ENC_IDENTITY) {
        apr_table_setn(r->headers_out, "Content-Encoding",
                       webcast_encoding_name(enc));
        ap_set_content_length(r, resp->coded[enc].len);
        ap_rwrite(resp->coded[enc].data, (int)resp->coded[enc].len, r);
        return OK;
    }
    if (!includes) {
        ap_set_content_length(r, (resp->head ? strlen(resp->head) : 0)
                                 + body_length(resp)
                                 + (resp->tail ? strlen(resp->tail) : 0));
    }
    write_part(r, resp->head);
    if (includes) {
        include_fragment(r, conf->header_name);
    }
    ap_rwrite(resp->body, (int)body_length(resp), r);
    if (includes) {
        include_fragment(r, conf->footer_name);
    }
    write_part(r, resp->tail);
    return OK;
}

static int redirect_slash(request_rec *r)
{
    const char *to = apr_pstrcat(r->pool, ap_escape_uri(r->pool, r->uri), "/",
                                 r->args ? "?" : "", r->args, NULL);

    apr_table_setn(r->headers_out, "Location",
                   ap_construct_url(r->pool, to, r));
    return HTTP_MOVED_PERMANENTLY;
}

static const char *source_of(const webcast_pattern *pat)
{
    return pat ? pat->source : NULL;
}

/* WebcastArchiveAlternate's streams as one value: "bitrate pattern" each. */
static const char *alternates_value(apr_pool_t *p,
                                    const apr_array_header_t *alternates)
{
    const char *all = NULL;
    int i;

    for (i = 0; alternates && i < alternates->nelts; i++) {
        const webcast_alternate_conf *a =
            &APR_ARRAY_IDX(alternates, i, webcast_alternate_conf);

        all = apr_psprintf(p, "%s%u %s\n", all ? all : "",
                           (unsigned)a->bitrate, a->pattern->source);
    }
    return all;
}

/* What an answer's bytes depend on: the URL and the settings that shape
 * it, by value, so that every child and every server sharing a cache
 * (WebcastCacheSOCache) computes the same key for the same page, and an
 * <If> that changes a setting for some requests gets its own entries.
 * The origin is written into pages (oEmbed discovery) and feeds. Header and footer
 * are added when sending, not cached, but a page with them has no
 * compressed copies. */
static const char *cache_key(request_rec *r, const webcast_dir_conf *conf)
{
    const char *values[] = {
        r->server->server_hostname, ap_construct_url(r->pool, "", r),
        conf->mount, conf->tz ? webcast_tz_name(conf->tz) : NULL,
        source_of(conf->archive_url), source_of(conf->live_url),
        source_of(conf->archive_hls), source_of(conf->live_hls),
        alternates_value(r->pool, conf->archive_alternates),
        source_of(conf->archive_download),
        conf->stylesheet,
        conf->header_name || conf->footer_name ? "includes" : NULL,
        r->uri
    };

    return webcast_cache_key(r->pool, values,
                             (int)(sizeof(values) / sizeof(values[0])));
}

/* Seconds a copy is kept when its database had not applied the admin's
 * last write: it is built again that soon, until the replica has. */
#define BEHIND_TTL 1

/* Is this server's database (a replica) behind the admin's last write,
 * which the admin noted in the shared cache? Asked before the build, so
 * that a position reached here covers everything the build reads. */
static int behind_admin(request_rec *r)
{
    const char *mark = webcast_socache_written(r);
    const char *pos;

    if (mark == NULL || (pos = webcast_db_position(r)) == NULL) {
        return 0;
    }
    if (webcast_gtid_reached(pos, mark) != 0) {
        return 0;                       /* reached, or not GTIDs at all */
    }
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                  "%s: the database is at %s, behind the admin's last "
                  "write (%s): this copy is kept %d s", r->uri, pos, mark,
                  BEHIND_TTL);
    return 1;
}

/* Build the answer; with a key, store it (compressed once here, sent from
 * memory on every hit) or forget what is gone, then land the lease so the
 * requests waiting for this build go on. */
static int refresh(request_rec *r, const webcast_dir_conf *conf,
                   const webcast_route_t *route, const char *key,
                   webcast_lease *lease, int shared, webcast_response *resp)
{
    int behind = key && behind_admin(r);
    int rc = build(r, conf, route, resp);
    apr_time_t until;

    if (key && rc == OK) {
        if (!has_includes(conf, resp)) {
            webcast_compress_response(r->pool, resp);
        }
        if (behind) {
            /* as if a change were due in BEHIND_TTL: every cache's copy
             * (this one's, browsers', a CDN's s-maxage and
             * stale-while-revalidate) ends by then */
            resp->expires = webcast_clock_min(resp->expires, r->request_time
                                              + apr_time_from_sec(BEHIND_TTL));
        }
        until = fresh_until(r, conf, resp);
        webcast_cache_put(cache, key, resp, until);
        if (shared) {
            webcast_socache_store(r, key, resp, until);
        }
    }
    else if (key && rc != UNAVAILABLE) {
        webcast_cache_remove(cache, key);       /* gone: not even stale */
        if (shared) {
            webcast_socache_forget(r, key);
        }
    }
    else if (shared) {
        webcast_socache_release(r, key);
    }
    webcast_cache_land(lease, rc);              /* OK (0): "look again" */
    return rc;
}

/* WebcastCacheSOCache, for the request that is to build `key` in this
 * child: the copy another child or server made (into this child's cache
 * too: both are answered, the lease landed), else the right to build it
 * there as well (*shared), else nothing (DECLINED: this child alone). */
static int from_shared(request_rec *r, const char *key, webcast_lease *lease,
                       webcast_response *resp, webcast_response *cached,
                       int *have, int *shared, const char **state)
{
    apr_time_t until;

    switch (webcast_socache_fetch(r, key, resp, &until, cached, have)) {
    case WEBCAST_SHARED_FRESH:
        *state = "hit";
        break;
    case WEBCAST_SHARED_UPDATING:
        *state = "updating";
        break;
    case WEBCAST_SHARED_BUILD:
        *shared = 1;
        return DECLINED;
    default:
        return DECLINED;
    }
    webcast_cache_put(cache, key, resp, until);
    webcast_cache_land(lease, OK);
    return OK;
}

/* Fresh from the cache, or its last copy while another request builds the
 * next (one build per key at a time); else built here (and into the
 * cache); else - the database being down - the last good copy, marked
 * stale. */
static int serve(request_rec *r, const webcast_dir_conf *conf,
                 const webcast_route_t *route)
{
    webcast_response resp, cached;
    webcast_accept accept;
    webcast_lease *lease = NULL;
    const char *key = NULL, *state;
    int have = 0, shared = 0, rc = OK;

    webcast_accept_parse(apr_table_get(r->headers_in, "Accept-Encoding"),
                         &accept);
    /* Assets are in memory already; an oEmbed answer depends on its
     * query, which the key leaves out. */
    if (cache && conf->cache_ttl > 0 && route->kind != WEBCAST_ROUTE_ASSET
        && route->kind != WEBCAST_ROUTE_OEMBED) {
        key = cache_key(r, conf);
        switch (webcast_cache_lookup(cache, key, r->request_time, &accept,
                                     r->pool, &cached, &have, &lease, &rc)) {
        case WEBCAST_CACHE_FRESH:
            return send_response(r, conf, route, &cached, &accept, "hit");
        case WEBCAST_CACHE_UPDATING:
            return send_response(r, conf, route, &cached, &accept,
                                 "updating");
        case WEBCAST_CACHE_SHARED:      /* the build it waited for failed */
            return rc == UNAVAILABLE ? unavailable(r, conf)
                                     : error_page(r, conf, rc);
        case WEBCAST_CACHE_TIMEOUT:     /* built here too, as without */
            ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                          "%s: another request has been building this page "
                          "for a while (a slow database?): building it too",
                          r->uri);
            break;
        case WEBCAST_CACHE_BUILD:
            break;
        }
        if (from_shared(r, key, lease, &resp, &cached, &have, &shared,
                        &state) == OK) {
            return send_response(r, conf, route, &resp, &accept, state);
        }
    }
    rc = refresh(r, conf, route, key, lease, shared, &resp);
    if (rc == UNAVAILABLE && have) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "database unavailable: serving the cached copy of %s",
                      r->uri);
        apr_table_setn(r->headers_out, "Warning", "110 - \"Response is Stale\"");
        cached.max_age = 0;
        return send_response(r, conf, route, &cached, &accept, "stale");
    }
    if (rc == UNAVAILABLE) {
        return unavailable(r, conf);
    }
    if (rc != OK) {
        return error_page(r, conf, rc);
    }
    return send_response(r, conf, route, &resp, &accept,
                         key ? "miss" : NULL);
}

/* Is `name` the handler SetHandler gives this request? Evaluated as
 * core's type checker will, because translate_name runs before it. */
int webcast_handler_is(request_rec *r, const char *name)
{
    core_dir_config *d = ap_get_core_module_config(r->per_dir_config);
    const char *err = NULL, *h;

    if (d->expr_handler == NULL) {
        return 0;
    }
    h = ap_expr_str_exec(r, d->expr_handler, &err);
    return err == NULL && h != NULL && strcasecmp(h, name) == 0;
}

#define NOT_A_FILE "webcast:"

void webcast_not_a_file(request_rec *r)
{
    r->filename = apr_pstrcat(r->pool, NOT_A_FILE, r->uri, NULL);
}

/* Our URLs are not files. Claim them at translate_name (the last phase
 * that sees the <Location> config) and skip the filesystem walk in
 * map_to_storage, so a directory or index.html under the DocumentRoot can
 * never stand in for a page (mod_dir would serve it) and no request pays
 * for a stat(). Paths outside the URL map are left to the filesystem. */
int webcast_translate_name(request_rec *r)
{
    const webcast_dir_conf *conf =
        ap_get_module_config(r->per_dir_config, &webcast_module);
    webcast_route_t route;

    if (conf == NULL || conf->mount == NULL
        || !webcast_handler_is(r, "webcast")
        || webcast_route_parse(relative_path(r, conf), &route)
           == WEBCAST_ROUTE_DECLINE) {
        return DECLINED;
    }
    webcast_not_a_file(r);
    return OK;
}

int webcast_map_to_storage(request_rec *r)
{
    return r->filename && strncmp(r->filename, NOT_A_FILE,
                                  strlen(NOT_A_FILE)) == 0 ? OK : DECLINED;
}

int webcast_handler(request_rec *r)
{
    const webcast_dir_conf *conf;
    webcast_route_t route;
    const char *rel;

    if (r->handler == NULL || strcmp(r->handler, "webcast") != 0) {
        return DECLINED;
    }
    conf = ap_get_module_config(r->per_dir_config, &webcast_module);
    rel = relative_path(r, conf);
    if (webcast_route_parse(rel, &route) == WEBCAST_ROUTE_DECLINE) {
        return DECLINED;
    }
    /* Our URLs never need escapes: "%37" for "7" is not an alias. httpd
     * decodes r->uri (and parsed_uri.path, the same buffer) in place, so
     * look at the request line's own bytes. */
    if (route.kind != WEBCAST_ROUTE_NOT_FOUND && r->unparsed_uri
        && memchr(r->unparsed_uri, '%', strcspn(r->unparsed_uri, "?"))) {
        route.kind = WEBCAST_ROUTE_NOT_FOUND;
    }
    if (route.kind == WEBCAST_ROUTE_NOT_FOUND) {
        return error_page(r, conf, HTTP_NOT_FOUND);
    }
    if (r->method_number != M_GET) {
        r->allowed = AP_METHOD_BIT << M_GET;
        ap_allow_methods(r, REPLACE_ALLOW, "GET", "HEAD", NULL);
        return HTTP_METHOD_NOT_ALLOWED;
    }
    switch (route.kind) {
    case WEBCAST_ROUTE_INDEX:
    case WEBCAST_ROUTE_WORKSHOP:
    case WEBCAST_ROUTE_PRESENTATION:
    case WEBCAST_ROUTE_REF_ARCHIVE:
    case WEBCAST_ROUTE_REF_LIVE:
    case WEBCAST_ROUTE_QTL_ARCHIVE:
    case WEBCAST_ROUTE_QTL_LIVE:
    case WEBCAST_ROUTE_RMRA_ARCHIVE:
    case WEBCAST_ROUTE_RMRA_LIVE:
    case WEBCAST_ROUTE_PRESENTATION_STATUS:
    case WEBCAST_ROUTE_WORKSHOP_STATUS:
    case WEBCAST_ROUTE_ASSET:
    case WEBCAST_ROUTE_EMBED:
    case WEBCAST_ROUTE_OEMBED:
    case WEBCAST_ROUTE_CALENDAR:
    case WEBCAST_ROUTE_ARCHIVE_RSS:
    case WEBCAST_ROUTE_WORKSHOP_CALENDAR:
    case WEBCAST_ROUTE_WORKSHOP_RSS:
    case WEBCAST_ROUTE_WORKSHOP_SCHEDULE:
    case WEBCAST_ROUTE_CAPTIONS:
        return serve(r, conf, &route);
    case WEBCAST_ROUTE_INDEX_SLASH:
    case WEBCAST_ROUTE_WORKSHOP_SLASH:
    case WEBCAST_ROUTE_PRESENTATION_SLASH:
    case WEBCAST_ROUTE_EMBED_SLASH:
        return redirect_slash(r);
    default:
        return DECLINED;
    }
}
