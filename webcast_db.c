/* webcast_db.c - all database access, through mod_dbd.
 *
 * The only file that sees apr_dbd: rows are copied into plain structs from
 * request-pool memory, every result is read to its end (the mysql driver
 * frees it only then), and no connection, statement or result outlives the
 * request. Statements are prepared by mod_dbd on each new connection.
 */
#include "httpd.h"
#include "http_config.h"
#include "http_log.h"
#include "apr_strings.h"
#include "apr_dbd.h"
#include "mod_dbd.h"

#include "webcast.h"

APLOG_USE_MODULE(webcast);

/* mod_dbd hands back NULL once for each dead pooled connection it drops
 * (DB restarted, connections killed); a few more tries reach a fresh one.
 * A database that is really down fails each try at once. */
#define WEBCAST_DB_TRIES 3

#define LABEL_PRESENTATION "webcast_presentation"

/* Times are UTC DATETIMEs; TIMESTAMPDIFF from the epoch reads them as UTC
 * whatever the session time zone (UNIX_TIMESTAMP would not). */
#define SQL_PRESENTATION \
    "SELECT p.id, p.workshop_id, w.slug, w.title, p.title, p.speaker_name," \
    " p.speaker_affiliation, p.speaker_bio, p.summary," \
    " TIMESTAMPDIFF(SECOND, '1970-01-01', p.starts_at)," \
    " TIMESTAMPDIFF(SECOND, '1970-01-01', p.ends_at)," \
    " p.slides_url, p.has_webcast, p.webcast_state, p.webcast_path," \
    " p.webcast_filename, COALESCE(NULLIF(p.live_stream, ''), w.live_stream)," \
    " p.external_name, p.external_url," \
    " UNIX_TIMESTAMP(GREATEST(p.updated_at, w.updated_at))" \
    " FROM presentation p JOIN workshop w ON w.id = p.workshop_id" \
    " WHERE p.id = %s"

enum {
    COL_ID, COL_WORKSHOP_ID, COL_WORKSHOP_SLUG, COL_WORKSHOP_TITLE, COL_TITLE,
    COL_SPEAKER_NAME, COL_SPEAKER_AFFILIATION, COL_SPEAKER_BIO, COL_SUMMARY,
    COL_STARTS_AT, COL_ENDS_AT, COL_SLIDES_URL, COL_HAS_WEBCAST, COL_STATE,
    COL_WEBCAST_PATH, COL_WEBCAST_FILENAME, COL_LIVE_STREAM,
    COL_EXTERNAL_NAME, COL_EXTERNAL_URL, COL_UPDATED_AT
};

static APR_OPTIONAL_FN_TYPE(ap_dbd_acquire) *dbd_acquire;

const char *webcast_db_prepare(server_rec *s)
{
    webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);
    APR_OPTIONAL_FN_TYPE(ap_dbd_prepare) *dbd_prepare =
        APR_RETRIEVE_OPTIONAL_FN(ap_dbd_prepare);

    dbd_acquire = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_acquire);
    if (dbd_prepare == NULL || dbd_acquire == NULL) {
        return "mod_webcast needs mod_dbd: load it before the Webcast "
               "directives (a2enmod dbd, or LoadModule dbd_module "
               "modules/mod_dbd.so)";
    }
    /* Once per server: mod_dbd warns about a label registered twice. */
    if (!sconf->prepared) {
        dbd_prepare(s, SQL_PRESENTATION, LABEL_PRESENTATION);
        sconf->prepared = 1;
    }
    return NULL;
}

static ap_dbd_t *acquire(request_rec *r)
{
    ap_dbd_t *dbd = NULL;
    int i;

    for (i = 0; i < WEBCAST_DB_TRIES && dbd == NULL; i++) {
        dbd = dbd_acquire ? dbd_acquire(r) : NULL;
    }
    if (dbd == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "no database connection after %d tries (see mod_dbd's "
                      "messages above; is the database up and DBDParams "
                      "right?)", WEBCAST_DB_TRIES);
    }
    return dbd;
}

static const char *copy(apr_pool_t *p, const char *v)
{
    return v ? apr_pstrdup(p, v) : NULL;
}

static apr_time_t seconds(const char *v)
{
    return v ? apr_time_from_sec(apr_atoi64(v)) : 0;
}

static webcast_presentation *copy_presentation(apr_pool_t *p,
                                               const apr_dbd_driver_t *drv,
                                               apr_dbd_row_t *row)
{
    webcast_presentation *pr = apr_pcalloc(p, sizeof(*pr));
#define COL(n) apr_dbd_get_entry(drv, row, (n))

    pr->id = (apr_uint32_t)apr_atoi64(COL(COL_ID));
    pr->workshop_id = (apr_uint32_t)apr_atoi64(COL(COL_WORKSHOP_ID));
    pr->workshop_slug = copy(p, COL(COL_WORKSHOP_SLUG));
    pr->workshop_title = copy(p, COL(COL_WORKSHOP_TITLE));
    pr->title = copy(p, COL(COL_TITLE));
    pr->speaker_name = copy(p, COL(COL_SPEAKER_NAME));
    pr->speaker_affiliation = copy(p, COL(COL_SPEAKER_AFFILIATION));
    pr->speaker_bio = copy(p, COL(COL_SPEAKER_BIO));
    pr->summary = copy(p, COL(COL_SUMMARY));
    pr->starts_at = seconds(COL(COL_STARTS_AT));
    pr->ends_at = seconds(COL(COL_ENDS_AT));
    pr->slides_url = copy(p, COL(COL_SLIDES_URL));
    pr->has_webcast = COL(COL_HAS_WEBCAST) && apr_atoi64(COL(COL_HAS_WEBCAST));
    pr->state = webcast_state_parse(COL(COL_STATE));
    pr->webcast_path = copy(p, COL(COL_WEBCAST_PATH));
    pr->webcast_filename = copy(p, COL(COL_WEBCAST_FILENAME));
    pr->live_stream = copy(p, COL(COL_LIVE_STREAM));
    pr->external_name = copy(p, COL(COL_EXTERNAL_NAME));
    pr->external_url = copy(p, COL(COL_EXTERNAL_URL));
    pr->updated_at = seconds(COL(COL_UPDATED_AT));
#undef COL
    return pr;
}

webcast_db_status webcast_db_presentation(request_rec *r, apr_uint32_t id,
                                          webcast_presentation **out)
{
    ap_dbd_t *dbd = acquire(r);
    apr_dbd_prepared_t *stmt;
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    const char *idstr = apr_psprintf(r->pool, "%u", (unsigned)id);
    int rv;

    *out = NULL;
    if (dbd == NULL) {
        return WEBCAST_DB_UNAVAILABLE;
    }
    stmt = apr_hash_get(dbd->prepared, LABEL_PRESENTATION,
                        APR_HASH_KEY_STRING);
    if (stmt == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "statement %s is not prepared for this server: put "
                      "WebcastArchiveURL or WebcastLiveURL in the same "
                      "virtual host as SetHandler webcast",
                      LABEL_PRESENTATION);
        return WEBCAST_DB_UNAVAILABLE;
    }
    rv = apr_dbd_pvselect(dbd->driver, r->pool, dbd->handle, &res, stmt, 0,
                          idstr, NULL);
    if (rv != 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "query %s failed for id %s: %s", LABEL_PRESENTATION,
                      idstr, apr_dbd_error(dbd->driver, dbd->handle, rv));
        return WEBCAST_DB_UNAVAILABLE;
    }
    while ((rv = apr_dbd_get_row(dbd->driver, r->pool, res, &row, -1)) == 0) {
        if (*out == NULL) {
            *out = copy_presentation(r->pool, dbd->driver, row);
        }
    }
    if (rv != -1) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "reading %s for id %s failed: %s", LABEL_PRESENTATION,
                      idstr, apr_dbd_error(dbd->driver, dbd->handle, rv));
        return WEBCAST_DB_UNAVAILABLE;
    }
    return *out ? WEBCAST_DB_OK : WEBCAST_DB_NOT_FOUND;
}
