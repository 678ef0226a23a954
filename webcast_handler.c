/* webcast_handler.c - the `webcast` handler: the public site.
 *
 * Order of checks: is the path ours at all (else DECLINED, so static files
 * under the same <Location> serve), is it well formed (else 404), is the
 * method GET/HEAD (else 405), then the database.
 */
#include <string.h>

#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "http_protocol.h"
#include "http_request.h"
#include "apr_strings.h"

#include "webcast.h"
#include "webcast_refmovie.h"
#include "webcast_route.h"

APLOG_USE_MODULE(webcast);

/* The path below the mount point, or NULL when the request is not below
 * it (a <LocationMatch> or <Directory> mount, which we do not support). */
static const char *relative_path(request_rec *r, const webcast_dir_conf *conf)
{
    const char *mount = conf->mount ? conf->mount : "";
    apr_size_t n = strlen(mount);

    if (strncmp(r->uri, mount, n) != 0
        || (r->uri[n] != '\0' && r->uri[n] != '/')) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "request %s is not below the mount point \"%s\": "
                      "use SetHandler webcast inside a plain <Location>",
                      r->uri, mount);
        return NULL;
    }
    return r->uri + n;
}

static int not_found(request_rec *r, apr_uint32_t id, const char *why)
{
    ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                  "404 for presentation %u: %s", (unsigned)id, why);
    return HTTP_NOT_FOUND;
}

static int unavailable(request_rec *r)
{
    apr_table_setn(r->err_headers_out, "Retry-After", WEBCAST_RETRY_AFTER);
    return HTTP_SERVICE_UNAVAILABLE;
}

/* The stream URL of a presentation, or NULL with *why set. */
static const char *stream_url(request_rec *r, const webcast_dir_conf *conf,
                              const webcast_presentation *p, int live,
                              const char **why)
{
    const webcast_pattern *pat = live ? conf->live_url : conf->archive_url;
    const char *values[WEBCAST_PH_COUNT] = { NULL };
    const char *url;

    if (!p->has_webcast) {
        *why = "has_webcast is 0";
        return NULL;
    }
    if (p->state != (live ? WEBCAST_STATE_LIVE : WEBCAST_STATE_ARCHIVE)) {
        *why = apr_pstrcat(r->pool, "state is ", webcast_state_name(p->state),
                           NULL);
        return NULL;
    }
    if (pat == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_WARNING, 0, r, WEBCAST_LOG_TAG
                      "%s is not set for this location",
                      live ? "WebcastLiveURL" : "WebcastArchiveURL");
        *why = "no URL pattern configured";
        return NULL;
    }
    values[WEBCAST_PH_PATH] = p->webcast_path;
    values[WEBCAST_PH_FILE] = p->webcast_filename;
    values[WEBCAST_PH_ID] = apr_psprintf(r->pool, "%u", (unsigned)p->id);
    values[WEBCAST_PH_STREAM] = p->live_stream;
    url = webcast_pattern_expand(r->pool, pat, values);
    if (url == NULL) {
        *why = "a field the URL pattern needs is empty or holds a control "
               "character";
    }
    return url;
}

static int serve_refmovie(request_rec *r, const webcast_dir_conf *conf,
                          apr_uint32_t id, int live)
{
    webcast_presentation *p;
    const char *url, *body, *why = NULL;
    apr_size_t len;

    switch (webcast_db_presentation(r, id, &p)) {
    case WEBCAST_DB_UNAVAILABLE:
        return unavailable(r);
    case WEBCAST_DB_NOT_FOUND:
        return not_found(r, id, "no such presentation");
    case WEBCAST_DB_OK:
        break;
    }
    url = stream_url(r, conf, p, live, &why);
    if (url == NULL) {
        return not_found(r, id, why);
    }
    body = webcast_refmovie_rtsptext(r->pool, url, &len);
    if (body == NULL) {
        return not_found(r, id, "stream URL is not plain printable ASCII");
    }
    ap_set_content_type(r, "video/quicktime");
    ap_set_content_length(r, len);
    if (!r->header_only) {
        ap_rwrite(body, (int)len, r);
    }
    return OK;
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
        return HTTP_NOT_FOUND;
    }
    if (r->method_number != M_GET) {
        r->allowed = AP_METHOD_BIT << M_GET;
        ap_allow_methods(r, REPLACE_ALLOW, "GET", "HEAD", NULL);
        return HTTP_METHOD_NOT_ALLOWED;
    }
    switch (route.kind) {
    case WEBCAST_ROUTE_REF_ARCHIVE:
        return serve_refmovie(r, conf, route.id, 0);
    case WEBCAST_ROUTE_REF_LIVE:
        return serve_refmovie(r, conf, route.id, 1);
    default:
        /* Pages (index, workshop, presentation) are not built yet. */
        return DECLINED;
    }
}
