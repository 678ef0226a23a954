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

#include "webcast.h"
#include "webcast_refmovie.h"
#include "webcast_render.h"
#include "webcast_route.h"

APLOG_USE_MODULE(webcast);

/* The path below the mount point, or NULL when the handler was not set
 * in a plain <Location> (a <LocationMatch>, <Directory> or .htaccess). */
static const char *relative_path(request_rec *r, const webcast_dir_conf *conf)
{
    apr_size_t n = conf->mount ? strlen(conf->mount) : 0;

    if (conf->mount == NULL || strncmp(r->uri, conf->mount, n) != 0
        || (r->uri[n] != '\0' && r->uri[n] != '/')) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "%s is not below a <Location> that sets the handler: "
                      "put SetHandler webcast in a plain <Location>", r->uri);
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
    return site;
}

/* Our readable page for an error status, unless the admin configured an
 * ErrorDocument for it. The page is ASCII, so no charset is claimed.
 * (ap_custom_response marks the text as a message itself.) */
static int error_page(request_rec *r, const webcast_dir_conf *conf,
                      int status)
{
    webcast_site site = site_of(r, conf);

    if (ap_response_code_string(r, ap_index_of_response(status)) == NULL) {
        apr_table_setn(r->subprocess_env, "suppress-error-charset", "1");
        ap_custom_response(r, status,
                           webcast_render_error(r->pool, &site, status));
    }
    return status;
}

static int not_found(request_rec *r, const webcast_dir_conf *conf,
                     apr_uint32_t id, const char *why)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                  "404 for presentation %u: %s", (unsigned)id, why);
    return error_page(r, conf, HTTP_NOT_FOUND);
}

static int unavailable(request_rec *r, const webcast_dir_conf *conf)
{
    apr_table_setn(r->err_headers_out, "Retry-After", WEBCAST_RETRY_AFTER);
    return error_page(r, conf, HTTP_SERVICE_UNAVAILABLE);
}

static int db_error(request_rec *r, const webcast_dir_conf *conf,
                    webcast_db_status st)
{
    return st == WEBCAST_DB_UNAVAILABLE ? unavailable(r, conf)
                                        : error_page(r, conf, HTTP_NOT_FOUND);
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

static int send_page(request_rec *r, const webcast_dir_conf *conf,
                     webcast_page pg)
{
    ap_set_content_type(r, "text/html; charset=utf-8");
    if (conf->header_name == NULL && conf->footer_name == NULL) {
        ap_set_content_length(r, strlen(pg.open) + strlen(pg.main)
                                 + strlen(pg.close));
    }
    ap_rputs(pg.open, r);
    include_fragment(r, conf->header_name);
    ap_rputs(pg.main, r);
    include_fragment(r, conf->footer_name);
    ap_rputs(pg.close, r);
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

static int serve_index(request_rec *r, const webcast_dir_conf *conf)
{
    apr_array_header_t *list;
    webcast_db_status st = webcast_db_workshops(r, &list);
    webcast_site site = site_of(r, conf);

    if (st != WEBCAST_DB_OK) {
        return db_error(r, conf, st);
    }
    return send_page(r, conf, webcast_render_index(r->pool, &site,
        (const webcast_workshop *const *)list->elts, list->nelts));
}

static int serve_workshop(request_rec *r, const webcast_dir_conf *conf,
                          const char *slug)
{
    webcast_workshop *w;
    apr_array_header_t *schedule;
    webcast_db_status st = webcast_db_workshop(r, slug, &w, &schedule);
    webcast_site site = site_of(r, conf);

    if (st != WEBCAST_DB_OK) {
        return db_error(r, conf, st);
    }
    return send_page(r, conf, webcast_render_workshop(r->pool, &site, w,
        (const webcast_presentation *const *)schedule->elts,
        schedule->nelts));
}

static int serve_presentation(request_rec *r, const webcast_dir_conf *conf,
                              apr_uint32_t id)
{
    webcast_presentation *p;
    webcast_db_status st = webcast_db_presentation(r, id, &p);
    webcast_site site = site_of(r, conf);

    if (st != WEBCAST_DB_OK) {
        return db_error(r, conf, st);
    }
    return send_page(r, conf, webcast_render_presentation(r->pool, &site, p));
}

static int serve_refmovie(request_rec *r, const webcast_dir_conf *conf,
                          apr_uint32_t id, int live)
{
    webcast_presentation *p;
    const char *url, *body, *why = NULL;
    apr_size_t len;

    /* A configuration gap is not worth a query (or a 503 in an outage). */
    if ((live ? conf->live_url : conf->archive_url) == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "%s is not set for %s: reference movies there are 404",
                      live ? "WebcastLiveURL" : "WebcastArchiveURL", r->uri);
        return error_page(r, conf, HTTP_NOT_FOUND);
    }
    switch (webcast_db_presentation(r, id, &p)) {
    case WEBCAST_DB_UNAVAILABLE:
        return unavailable(r, conf);
    case WEBCAST_DB_NOT_FOUND:
        return not_found(r, conf, id, "no such presentation");
    case WEBCAST_DB_OK:
        break;
    }
    url = webcast_stream_url(r->pool, live ? conf->live_url
                                           : conf->archive_url, p,
                             live ? WEBCAST_STREAM_LIVE
                                  : WEBCAST_STREAM_ARCHIVE, &why);
    if (url == NULL) {
        return not_found(r, conf, id, why);
    }
    body = webcast_refmovie_rtsptext(r->pool, url, &len);
    if (body == NULL) {
        return not_found(r, conf, id,
                         "stream URL is not plain printable ASCII");
    }
    ap_set_content_type(r, "video/quicktime");
    ap_set_content_length(r, len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
    return OK;
}

/* Is `name` the handler SetHandler gives this request? Evaluated as
 * core's type checker will, because translate_name runs before it. */
static int handler_is(request_rec *r, const char *name)
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

    if (conf == NULL || conf->mount == NULL || !handler_is(r, "webcast")
        || webcast_route_parse(relative_path(r, conf), &route)
           == WEBCAST_ROUTE_DECLINE) {
        return DECLINED;
    }
    r->filename = apr_pstrcat(r->pool, NOT_A_FILE, r->uri, NULL);
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
        return serve_index(r, conf);
    case WEBCAST_ROUTE_WORKSHOP:
        return serve_workshop(r, conf, route.slug);
    case WEBCAST_ROUTE_PRESENTATION:
        return serve_presentation(r, conf, route.id);
    case WEBCAST_ROUTE_REF_ARCHIVE:
        return serve_refmovie(r, conf, route.id, 0);
    case WEBCAST_ROUTE_REF_LIVE:
        return serve_refmovie(r, conf, route.id, 1);
    case WEBCAST_ROUTE_INDEX_SLASH:
    case WEBCAST_ROUTE_WORKSHOP_SLASH:
    case WEBCAST_ROUTE_PRESENTATION_SLASH:
        return redirect_slash(r);
    default:
        return DECLINED;
    }
}
