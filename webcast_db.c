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
#include "apr_atomic.h"
#include "apr_buckets.h"

#include "webcast.h"

APLOG_USE_MODULE(webcast);

/* mod_dbd hands back NULL once for each dead pooled connection it drops
 * (database restarted, connections killed), and a child pools up to DBDMax
 * of them (10 by default): enough tries to get past them all to a fresh
 * one. Those fail at once; a try that is slow is the database itself
 * failing (a host that does not answer, a server that hangs), so tries
 * stop after WEBCAST_DB_TRY_BUDGET.
 *
 * Once a round of tries failed, the database is "down" for the child: one
 * request at a time tries it again (the probe: one try within a second of
 * the failure, all of them later) while the others are answered at once,
 * a cached copy or 503; the first probe that gets through ends it. After
 * a slow failure nobody probes for a second. So a database that refuses
 * costs each request nothing and heals with the first request after it
 * returns, and one that hangs costs one waiting request per child, not
 * every request sixteen times. */
#define WEBCAST_DB_TRIES 16
#define WEBCAST_DB_TRY_BUDGET apr_time_from_sec(1)
#define WEBCAST_DB_PROBE_INTERVAL 1     /* seconds */

/* MySQL's "Unknown prepared statement handler": what every query says
 * after the driver's own reconnect (reconnect=1) dropped the statements. */
#define ER_UNKNOWN_STMT_HANDLER 1243

#define LABEL_PRESENTATION "webcast_presentation"
#define LABEL_WORKSHOPS "webcast_workshops"
#define LABEL_WORKSHOP "webcast_workshop"
#define LABEL_SCHEDULE "webcast_schedule"
#define LABEL_STREAM "webcast_stream"
#define LABEL_EMBED "webcast_embed"
#define LABEL_FEED_WORKSHOP "webcast_feed_workshop"
#define LABEL_FEED_CALENDAR "webcast_feed_calendar"
#define LABEL_FEED_ARCHIVE "webcast_feed_archive"
#define LABEL_CAPTIONS "webcast_captions"

/* Each statement comes in two versions: v4 reads what sql/004-live.sql
 * adds (webcast_auto, the notices) and v3 the schema before it. mod_dbd
 * prepares the v3 ones on every connection, where they always work; the
 * v4 ones are prepared on first use (statement() below), and a database
 * without the migration gets the v3 answers - stored states, no notices,
 * as before - with a log line naming the migration. V(new, old) picks.
 * (Some v4 versions need a later migration too: 005 for the feeds, 006
 * for the captions; each statement names what it needs.) */
#define V4(new, old) new
#define V3(new, old) old
/* ...and the page's statements a third, newest one that also reads the
 * captions (sql/006-captions.sql): tried first, then v4, then v3. C(with,
 * without) picks for them; in every other statement all three are one. */
#define C6(with, without) with
#define C0(with, without) without

/* Times are UTC DATETIMEs; TIMESTAMPDIFF from the epoch reads them as UTC
 * whatever the session time zone (UNIX_TIMESTAMP would not). DATE + 0 is
 * the day as yyyymmdd. */
#define PRESENTATION_COLS(V, bio, summary) \
    "p.id, p.workshop_id, w.slug, w.title, p.title, p.speaker_name," \
    " p.speaker_affiliation, " bio ", " summary "," \
    " TIMESTAMPDIFF(SECOND, '1970-01-01', p.starts_at)," \
    " TIMESTAMPDIFF(SECOND, '1970-01-01', p.ends_at)," \
    " p.slides_url, p.has_webcast, p.webcast_state, p.webcast_path," \
    " p.webcast_filename, COALESCE(NULLIF(p.live_stream, ''), w.live_stream)," \
    " p.external_name, p.external_url," \
    " UNIX_TIMESTAMP(GREATEST(p.updated_at, w.updated_at))," \
    V(" p.webcast_auto, p.notice", " 0, NULL")
#define WORKSHOP_COLS_WITH(V, summary) \
    "w.id, w.slug, w.title, " summary ", w.location, w.starts_on + 0," \
    " w.ends_on + 0, w.live_stream, UNIX_TIMESTAMP(w.updated_at), " \
    V("w.notice", "NULL")
#define WORKSHOP_COLS(V) WORKSHOP_COLS_WITH(V, "w.summary")

/* For the index: is a presentation live now, and when does the clock
 * next change one of a workshop's talks. A row that follows the clock is
 * live within its slot when it has a stream name (what WebcastLiveURL's
 * {stream} needs); the page itself asks the pattern. */
#define CLOCKED "p.webcast_auto = 1 AND p.has_webcast = 1" \
    " AND COALESCE(p.external_url, '') = ''"
#define LIVE_NOW(V) V( \
    "IF(" CLOCKED ", UTC_TIMESTAMP() >= p.starts_at" \
    " AND UTC_TIMESTAMP() < p.ends_at" \
    " AND COALESCE(NULLIF(p.live_stream, ''), w.live_stream, '') <> ''," \
    " p.webcast_auto = 0 AND p.has_webcast = 1 AND p.webcast_state = 'live')", \
    "p.has_webcast = 1 AND p.webcast_state = 'live'")
#define NEXT_CHANGE(V) V( \
    "(SELECT TIMESTAMPDIFF(SECOND, '1970-01-01'," \
    " MIN(IF(p.starts_at > UTC_TIMESTAMP(), p.starts_at, p.ends_at)))" \
    " FROM presentation p WHERE p.workshop_id = w.id AND " CLOCKED \
    " AND p.ends_at > UTC_TIMESTAMP())", "0")

/* The feeds read, after PRESENTATION_COLS, the download's size (from
 * sql/005-feeds.sql) and the workshop's place. The root podcast feed
 * holds the newest archived webcasts - manual ones by their state, ones
 * that follow the schedule by the clock (the request's instant, the %s,
 * as the C side uses: both agree on every row) - and those still to come
 * or live: three parts that each walk an index (idx_presentation_ends,
 * idx_presentation_state). */
#define FEED_COLS(V, bio) PRESENTATION_COLS(V, bio, "p.summary") ", " \
    V("p.archive_bytes", "NULL") ", w.location"
#define FEED_FROM \
    " FROM presentation p JOIN workshop w ON w.id = p.workshop_id"
#define ARCHIVED(V) V( \
    "IF(p.webcast_auto = 1, p.ends_at <= %s" \
    " AND COALESCE(p.external_url, '') = ''" \
    " AND COALESCE(p.webcast_path, '') <> ''" \
    " AND COALESCE(p.webcast_filename, '') <> ''," \
    " p.webcast_state = 'archive')", "p.webcast_state = 'archive'")
#define TO_COME(V) V("(p.webcast_auto = 1" \
    " OR p.webcast_state IN ('upcoming', 'live'))", \
    "p.webcast_state IN ('upcoming', 'live')")
/* What a statement's v4 version needs, and the log's words for what the
 * v3 one lacks meanwhile. */
#define LIVE_NEED "sql/004-live.sql", "pages show stored states, no" \
    " schedule-driven states and no notices"
#define FEEDS_NEED "sql/005-feeds.sql (after sql/004-live.sql)", \
    "feeds show stored states and no download sizes"
#define CAPTIONS_NEED "sql/006-captions.sql (after sql/004-live.sql)", \
    "videos have no captions and archive pages no transcript"

#define STATEMENTS(V, C) { \
    /* the page: the captions for its track and transcript */ \
    { LABEL_PRESENTATION V(C("", "_v4"), "_v3"), \
      "SELECT " PRESENTATION_COLS(V, "p.speaker_bio", "p.summary") ", " \
      C("p.captions", "NULL") \
      " FROM presentation p JOIN workshop w ON w.id = p.workshop_id" \
      " WHERE p.id = %s", C(CAPTIONS_NEED, LIVE_NEED) }, \
    /* A reference movie needs no bio or summary: their TEXT would cost \
     * the database, the wire and the driver's buffers for nothing. */ \
    { LABEL_STREAM V("", "_v3"), \
      "SELECT " PRESENTATION_COLS(V, "NULL", "NULL") \
      " FROM presentation p JOIN workshop w ON w.id = p.workshop_id" \
      " WHERE p.id = %s", LIVE_NEED }, \
    /* the embed: whether there are captions, for its track */ \
    { LABEL_EMBED V(C("", "_v4"), "_v3"), \
      "SELECT " PRESENTATION_COLS(V, "NULL", "NULL") ", " \
      C("p.captions IS NOT NULL", "0") \
      " FROM presentation p JOIN workshop w ON w.id = p.workshop_id" \
      " WHERE p.id = %s", C(CAPTIONS_NEED, LIVE_NEED) }, \
    /* The workshop page in one round trip (see below). */ \
    { LABEL_SCHEDULE V("", "_v3"), \
      "SELECT " PRESENTATION_COLS(V, "NULL", "NULL") ", " \
      WORKSHOP_COLS_WITH(V, "IF(p.id = (SELECT f.id FROM presentation f" \
                         " WHERE f.workshop_id = w.id" \
                         " ORDER BY f.starts_at, f.id LIMIT 1)," \
                         " w.summary, NULL)") ", 0, 0" \
      " FROM workshop w STRAIGHT_JOIN presentation p" \
      " ON p.workshop_id = w.id" \
      " WHERE w.slug = %s ORDER BY p.starts_at, p.id", LIVE_NEED }, \
    { LABEL_WORKSHOP V("", "_v3"), \
      "SELECT " WORKSHOP_COLS(V) ", 0, 0 FROM workshop w WHERE w.slug = %s", \
      LIVE_NEED }, \
    { LABEL_WORKSHOPS V("", "_v3"), \
      "SELECT " WORKSHOP_COLS(V) ", (SELECT COUNT(*) FROM presentation p" \
      " WHERE p.workshop_id = w.id AND " LIVE_NOW(V) "), " NEXT_CHANGE(V) \
      " FROM workshop w ORDER BY w.starts_on DESC, w.id DESC", LIVE_NEED }, \
    /* A workshop's feeds: the schedule with summaries, bios and sizes; \
     * a workshop without presentations is one row of NULLs. */ \
    { LABEL_FEED_WORKSHOP V("", "_v3"), \
      "SELECT " FEED_COLS(V, "p.speaker_bio") ", " \
      WORKSHOP_COLS_WITH(V, "IF(p.id IS NULL OR p.id = (SELECT f.id" \
                         " FROM presentation f WHERE f.workshop_id = w.id" \
                         " ORDER BY f.starts_at, f.id LIMIT 1)," \
                         " w.summary, NULL)") ", 0, 0" \
      " FROM workshop w LEFT JOIN presentation p ON p.workshop_id = w.id" \
      " WHERE w.slug = %s ORDER BY p.starts_at, p.id", FEEDS_NEED }, \
    /* calendar.ics: every talk of the workshops ending today or later */ \
    { LABEL_FEED_CALENDAR V("", "_v3"), \
      "SELECT " FEED_COLS(V, "NULL") \
      " FROM workshop w STRAIGHT_JOIN presentation p" \
      " ON p.workshop_id = w.id WHERE w.ends_on >= %s" \
      " ORDER BY p.starts_at, p.id", FEEDS_NEED }, \
    /* archive.rss: every %s is the same instant */ \
    { LABEL_FEED_ARCHIVE V("", "_v3"), \
      "(SELECT " FEED_COLS(V, "NULL") FEED_FROM \
      " WHERE p.has_webcast = 1 AND " ARCHIVED(V) \
      " ORDER BY p.ends_at DESC, p.id DESC" \
      " LIMIT " APR_STRINGIFY(WEBCAST_FEED_ARCHIVE_MAX) ")" \
      " UNION ALL (SELECT " FEED_COLS(V, "NULL") FEED_FROM \
      " WHERE p.has_webcast = 1 AND p.ends_at > %s AND " TO_COME(V) ")" \
      " UNION ALL (SELECT " FEED_COLS(V, "NULL") FEED_FROM \
      " WHERE p.has_webcast = 1 AND p.webcast_state = 'live'" \
      " AND p.ends_at <= %s" V(" AND p.webcast_auto = 0", "") ")", \
      FEEDS_NEED }, \
    /* captions.vtt, and the archive page's track and transcript */ \
    { LABEL_CAPTIONS V("", "_v3"), \
      "SELECT " V("p.captions", "NULL") ", UNIX_TIMESTAMP(p.updated_at)" \
      " FROM presentation p WHERE p.id = %s", CAPTIONS_NEED }, \
}

/* The schedule's statement, LABEL_SCHEDULE: each row a presentation, its
 * workshop's columns after them. No bios or summaries on the schedule,
 * and the workshop's summary (TEXT) only in the first row, the one
 * copy_schedule_row() reads it from: in every row it multiplied the
 * bytes sent by the number of presentations. Workshop first, by its
 * unique slug (a const table), so the presentations come in index order
 * (workshop_id, starts_at, id): no temporary table, no filesort; the
 * first-row subquery is constant, so evaluated once. A workshop without
 * presentations has no row here; LABEL_WORKSHOP tells it from none. */
typedef struct {
    const char *label, *sql;
    const char *needs, *lacks;      /* LIVE_NEED, FEEDS_NEED, ... */
} statement_t;

static const statement_t statements[] = STATEMENTS(V4, C6);
static const statement_t middle[] = STATEMENTS(V4, C0);
static const statement_t legacy[] = STATEMENTS(V3, C0);
#define N_STATEMENTS (sizeof(statements) / sizeof(statements[0]))

/* After a statement failed to prepare, the child uses the version below
 * it for this many seconds before it tries again (a migration loaded
 * meanwhile then takes effect on its own). */
#define LEGACY_RETRY 5

enum {                              /* PRESENTATION_COLS */
    COL_ID, COL_WORKSHOP_ID, COL_WORKSHOP_SLUG, COL_WORKSHOP_TITLE, COL_TITLE,
    COL_SPEAKER_NAME, COL_SPEAKER_AFFILIATION, COL_SPEAKER_BIO, COL_SUMMARY,
    COL_STARTS_AT, COL_ENDS_AT, COL_SLIDES_URL, COL_HAS_WEBCAST, COL_STATE,
    COL_WEBCAST_PATH, COL_WEBCAST_FILENAME, COL_LIVE_STREAM,
    COL_EXTERNAL_NAME, COL_EXTERNAL_URL, COL_UPDATED_AT, COL_AUTO, COL_NOTICE,
    COL_COUNT
};

enum {                              /* after them, FEED_COLS */
    COL_ARCHIVE_BYTES = COL_COUNT, COL_LOCATION, COL_FEED_COUNT
};

enum {                              /* WORKSHOP_COLS + live count */
    WCOL_ID, WCOL_SLUG, WCOL_TITLE, WCOL_SUMMARY, WCOL_LOCATION,
    WCOL_STARTS_ON, WCOL_ENDS_ON, WCOL_LIVE_STREAM, WCOL_UPDATED_AT,
    WCOL_NOTICE, WCOL_LIVE_COUNT, WCOL_NEXT_CHANGE
};

static APR_OPTIONAL_FN_TYPE(ap_dbd_acquire) *dbd_acquire;
static APR_OPTIONAL_FN_TYPE(ap_dbd_open) *dbd_open;
static APR_OPTIONAL_FN_TYPE(ap_dbd_close) *dbd_close;

/* MySQL/MariaDB errors of a connection that died between mod_dbd's check
 * and our query: server gone (2006), lost (2013), killed (1927), shutting
 * down (1053). */
#define CONNECTION_LOST(rv) ((rv) == 2006 || (rv) == 2013 || (rv) == 1927 \
                             || (rv) == 1053)
#define FRESH_KEY "webcast-fresh-dbd"

/* Per child, read and written atomically: 0 while the database answers,
 * else when (Unix seconds) the last round of tries failed; whether that
 * round was slow; and 1 while one of the child's requests probes. */
static volatile apr_uint32_t db_down_since;
static volatile apr_uint32_t db_down_slow;
static volatile apr_uint32_t db_probing;

const char *webcast_db_prepare(server_rec *s)
{
    webcast_server_conf *sconf =
        ap_get_module_config(s->module_config, &webcast_module);
    APR_OPTIONAL_FN_TYPE(ap_dbd_prepare) *dbd_prepare =
        APR_RETRIEVE_OPTIONAL_FN(ap_dbd_prepare);

    if (dbd_prepare == NULL) {
        return "mod_webcast needs mod_dbd: load it before the Webcast "
               "directives (a2enmod dbd, or LoadModule dbd_module "
               "modules/mod_dbd.so)";
    }
    /* Once per server: mod_dbd warns about a label registered twice. */
    if (!sconf->prepared) {
        apr_size_t i;
        for (i = 0; i < N_STATEMENTS; i++) {
            dbd_prepare(s, legacy[i].sql, legacy[i].label);
        }
        sconf->prepared = 1;
    }
    return NULL;
}

void webcast_db_retrieve_fns(void)
{
    dbd_acquire = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_acquire);
    dbd_open = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_open);
    dbd_close = APR_RETRIEVE_OPTIONAL_FN(ap_dbd_close);
}

static apr_uint32_t seconds_now(void)
{
    apr_uint32_t now = (apr_uint32_t)apr_time_sec(apr_time_now());

    return now ? now : 1;
}

static ap_dbd_t *acquire(request_rec *r)
{
    apr_uint32_t down = apr_atomic_read32(&db_down_since);
    apr_uint32_t now = seconds_now();
    int recent = down && now - down < WEBCAST_DB_PROBE_INTERVAL;
    int tries = recent ? 1 : WEBCAST_DB_TRIES;
    apr_time_t start, took;
    ap_dbd_t *dbd = NULL;
    int i;

    if (dbd_acquire == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "mod_dbd is not loaded (a2enmod dbd)");
        return NULL;
    }
    if (down) {
        if (apr_atomic_cas32(&db_probing, 1, 0) != 0) {
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, WEBCAST_LOG_TAG
                          "the database is down, another request is "
                          "trying it: answering without it");
            return NULL;
        }
        if (recent && apr_atomic_read32(&db_down_slow)) {
            apr_atomic_set32(&db_probing, 0);
            ap_log_rerror(APLOG_MARK, APLOG_DEBUG, 0, r, WEBCAST_LOG_TAG
                          "the database hung a moment ago: answering "
                          "without it");
            return NULL;
        }
    }
    start = apr_time_now();
    for (i = 0; i < tries && dbd == NULL
                && apr_time_now() - start < WEBCAST_DB_TRY_BUDGET; i++) {
        dbd = dbd_acquire(r);
    }
    took = apr_time_now() - start;
    if (dbd == NULL) {
        apr_atomic_set32(&db_down_slow, took >= WEBCAST_DB_TRY_BUDGET);
        apr_atomic_set32(&db_down_since, seconds_now());
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "no database connection after %d %s in %" APR_TIME_T_FMT
                      " ms (see mod_dbd's messages; is the database up and "
                      "DBDParams right?); until it answers, one request at "
                      "a time tries it and the others are answered without "
                      "it", i, i == 1 ? "try" : "tries",
                      apr_time_as_msec(took));
    }
    else if (down) {
        apr_atomic_set32(&db_down_since, 0);
        ap_log_rerror(APLOG_MARK, APLOG_NOTICE, 0, r, WEBCAST_LOG_TAG
                      "the database answers again");
    }
    if (down) {
        apr_atomic_set32(&db_probing, 0);       /* this request's probe */
    }
    return dbd;
}

/* Column n as a string copy, NULL for SQL NULL. apr_dbd_datum_get, not
 * apr_dbd_get_entry: the mysql driver NUL-terminates only then when a
 * value fills its fldsz buffer. */
static const char *text(apr_pool_t *p, const apr_dbd_driver_t *drv,
                        apr_dbd_row_t *row, int n)
{
    char *v = NULL;

    if (apr_dbd_datum_get(drv, row, n, APR_DBD_TYPE_STRING, &v)
        != APR_SUCCESS || v == NULL) {
        return NULL;
    }
    return apr_pstrdup(p, v);
}

static apr_int64_t num(apr_pool_t *p, const apr_dbd_driver_t *drv,
                       apr_dbd_row_t *row, int n)
{
    const char *v = text(p, drv, row, n);
    return v ? apr_atoi64(v) : 0;
}

static void *copy_presentation(apr_pool_t *p, const apr_dbd_driver_t *drv,
                               apr_dbd_row_t *row, void *unused)
{
    webcast_presentation *pr = apr_pcalloc(p, sizeof(*pr));
#define TEXT(n) text(p, drv, row, (n))
#define NUM(n) num(p, drv, row, (n))

    pr->id = (apr_uint32_t)NUM(COL_ID);
    pr->workshop_id = (apr_uint32_t)NUM(COL_WORKSHOP_ID);
    pr->workshop_slug = TEXT(COL_WORKSHOP_SLUG);
    pr->workshop_title = TEXT(COL_WORKSHOP_TITLE);
    pr->title = TEXT(COL_TITLE);
    pr->speaker_name = TEXT(COL_SPEAKER_NAME);
    pr->speaker_affiliation = TEXT(COL_SPEAKER_AFFILIATION);
    pr->speaker_bio = TEXT(COL_SPEAKER_BIO);
    pr->summary = TEXT(COL_SUMMARY);
    pr->starts_at = apr_time_from_sec(NUM(COL_STARTS_AT));
    pr->ends_at = apr_time_from_sec(NUM(COL_ENDS_AT));
    pr->slides_url = TEXT(COL_SLIDES_URL);
    pr->has_webcast = NUM(COL_HAS_WEBCAST) != 0;
    pr->stored_state = webcast_state_parse(TEXT(COL_STATE));
    pr->state = pr->stored_state;   /* until webcast_clock_apply() */
    pr->webcast_path = TEXT(COL_WEBCAST_PATH);
    pr->webcast_filename = TEXT(COL_WEBCAST_FILENAME);
    pr->live_stream = TEXT(COL_LIVE_STREAM);
    pr->external_name = TEXT(COL_EXTERNAL_NAME);
    pr->external_url = TEXT(COL_EXTERNAL_URL);
    pr->updated_at = apr_time_from_sec(NUM(COL_UPDATED_AT));
    pr->webcast_auto = NUM(COL_AUTO) != 0;
    pr->notice = TEXT(COL_NOTICE);
    return pr;
}

/* The workshop columns starting at column `base`. */
static webcast_workshop *workshop_at(apr_pool_t *p,
                                     const apr_dbd_driver_t *drv,
                                     apr_dbd_row_t *row, int base)
{
    webcast_workshop *w = apr_pcalloc(p, sizeof(*w));

    w->id = (apr_uint32_t)NUM(base + WCOL_ID);
    w->slug = TEXT(base + WCOL_SLUG);
    w->title = TEXT(base + WCOL_TITLE);
    w->summary = TEXT(base + WCOL_SUMMARY);
    w->location = TEXT(base + WCOL_LOCATION);
    w->starts_on = (int)NUM(base + WCOL_STARTS_ON);
    w->ends_on = (int)NUM(base + WCOL_ENDS_ON);
    w->live_stream = TEXT(base + WCOL_LIVE_STREAM);
    w->updated_at = apr_time_from_sec(NUM(base + WCOL_UPDATED_AT));
    w->notice = TEXT(base + WCOL_NOTICE);
    w->live_count = (int)NUM(base + WCOL_LIVE_COUNT);
    w->next_change = apr_time_from_sec(NUM(base + WCOL_NEXT_CHANGE));
    return w;
#undef TEXT
#undef NUM
}

static void *copy_workshop(apr_pool_t *p, const apr_dbd_driver_t *drv,
                           apr_dbd_row_t *row, void *unused)
{
    return workshop_at(p, drv, row, 0);
}

/* A LABEL_SCHEDULE row: the presentation; the workshop, once, into
 * *(webcast_workshop **)workshop. */
static void *copy_schedule_row(apr_pool_t *p, const apr_dbd_driver_t *drv,
                               apr_dbd_row_t *row, void *workshop)
{
    webcast_workshop **w = workshop;

    if (*w == NULL) {
        *w = workshop_at(p, drv, row, COL_COUNT);
    }
    return copy_presentation(p, drv, row, NULL);
}

/* A feed row: the presentation with FEED_COLS, NULL for the row of
 * NULLs of a workshop without presentations; when `workshop` is given,
 * its columns after FEED_COLS, once, into *(webcast_workshop **)workshop. */
static void *copy_feed_row(apr_pool_t *p, const apr_dbd_driver_t *drv,
                           apr_dbd_row_t *row, void *workshop)
{
    webcast_workshop **w = workshop;
    webcast_presentation *pr;

    if (w && *w == NULL) {
        *w = workshop_at(p, drv, row, COL_FEED_COUNT);
    }
    if (text(p, drv, row, COL_ID) == NULL) {
        return NULL;
    }
    pr = copy_presentation(p, drv, row, NULL);
    pr->archive_bytes = num(p, drv, row, COL_ARCHIVE_BYTES);
    pr->workshop_location = text(p, drv, row, COL_LOCATION);
    return pr;
}

/* Column n whole, however long (a MEDIUMTEXT): NULL for SQL NULL, or
 * when it could not be read (*failed). As a string the driver hands
 * back its fldsz buffer only - the value's start, cut silently; as a
 * CLOB it reads the rest in pieces of that size (a LOB bucket that
 * fetches the column from an offset). */
static const char *long_text(apr_pool_t *p, const apr_dbd_driver_t *drv,
                             apr_dbd_row_t *row, int n, apr_size_t *len,
                             int *failed)
{
    apr_bucket_brigade *bb = apr_brigade_create(p,
                                                apr_bucket_alloc_create(p));
    apr_off_t length = 0;
    apr_status_t rv;
    char *v;

    *len = 0;
    rv = apr_dbd_datum_get(drv, row, n, APR_DBD_TYPE_CLOB, bb);
    if (rv == APR_ENOENT) {
        return NULL;
    }
    if (rv != APR_SUCCESS || apr_brigade_length(bb, 1, &length)
        != APR_SUCCESS) {
        *failed = 1;
        return NULL;
    }
    v = apr_palloc(p, (apr_size_t)length + 1);
    *len = (apr_size_t)length;
    if (apr_brigade_flatten(bb, v, len) != APR_SUCCESS
        || *len != (apr_size_t)length) {
        *failed = 1;
        return NULL;
    }
    v[*len] = '\0';
    return v;
}

typedef struct {
    const char *text;
    apr_size_t len;
    apr_time_t updated_at;
    int failed;
} captions_row;

static void *copy_captions(apr_pool_t *p, const apr_dbd_driver_t *drv,
                           apr_dbd_row_t *row, void *unused)
{
    captions_row *c = apr_pcalloc(p, sizeof(*c));

    c->text = long_text(p, drv, row, 0, &c->len, &c->failed);
    c->updated_at = apr_time_from_sec(num(p, drv, row, 1));
    return c;
}

/* Copies one row out of the driver's buffers; ctx is the caller's. */
typedef void *(*copy_fn)(apr_pool_t *p, const apr_dbd_driver_t *drv,
                         apr_dbd_row_t *row, void *ctx);

/* A replacement connection, given back when the request ends. */
typedef struct {
    server_rec *s;
    ap_dbd_t *dbd;
} fresh_t;

static apr_status_t release_fresh(void *data)
{
    fresh_t *f = data;

    dbd_close(f->s, f->dbd);
    return APR_SUCCESS;
}

/* The request's connection: the one a query found dead was replaced by a
 * fresh one (see replace()), else mod_dbd's for this request. */
static ap_dbd_t *connection(request_rec *r)
{
    void *fresh = NULL;

    apr_pool_userdata_get(&fresh, FRESH_KEY, r->pool);
    return fresh ? ((fresh_t *)fresh)->dbd : acquire(r);
}

/* ap_dbd_acquire keeps its connection for the whole request, dead or not;
 * take another from the pool (mod_dbd drops dead ones as it goes) and
 * give it back when the request ends. */
static ap_dbd_t *replace(request_rec *r)
{
    fresh_t *f = apr_palloc(r->pool, sizeof(*f));
    int i;

    f->dbd = NULL;
    for (i = 0; i < WEBCAST_DB_TRIES && dbd_open && f->dbd == NULL; i++) {
        f->dbd = dbd_open(r->pool, r->server);
    }
    if (f->dbd == NULL) {
        return NULL;
    }
    f->s = r->server;
    apr_pool_cleanup_register(r->pool, f, release_fresh,
                              apr_pool_cleanup_null);
    apr_pool_userdata_setn(f, FRESH_KEY, NULL, r->pool);
    return f->dbd;
}

/* Newest first: each tier of a statement is tried before the one below
 * it; mod_dbd prepared the last (v3) on every connection. */
static const statement_t *const tiers[] = { statements, middle, legacy };
#define N_TRIED 2                   /* tiers prepared on first use */

/* Per tried tier and statement, Unix seconds until which this child
 * uses the tier below: 0 while the database has what the tier needs.
 * The statements that need the same migration go down and back
 * together; those of another stay as they are (a database with 004 but
 * not 005 keeps the clock on its pages while the feeds wait for 005). */
static volatile apr_uint32_t fallback_until[N_TRIED][N_STATEMENTS];

static void set_fallback(const char *needs, apr_uint32_t until)
{
    apr_size_t j;
    int t;

    for (t = 0; t < N_TRIED; t++) {
        for (j = 0; j < N_STATEMENTS; j++) {
            if (strcmp(tiers[t][j].needs, needs) == 0) {
                apr_atomic_set32(&fallback_until[t][j], until);
            }
        }
    }
}

/* Tier t of statement i on this connection, prepared on first use; NULL
 * while the database lacks what it needs (said in the log). */
static apr_dbd_prepared_t *tier(request_rec *r, ap_dbd_t *dbd, int t,
                                apr_size_t i)
{
    const statement_t *st = &tiers[t][i];
    apr_dbd_prepared_t *stmt = apr_hash_get(dbd->prepared, st->label,
                                            APR_HASH_KEY_STRING);
    int rv;

    if (stmt != NULL
        || seconds_now() < apr_atomic_read32(&fallback_until[t][i])) {
        return stmt;
    }
    rv = apr_dbd_prepare(dbd->driver, dbd->pool, dbd->handle, st->sql,
                         st->label, &stmt);
    if (rv == 0) {
        apr_hash_set(dbd->prepared, st->label, APR_HASH_KEY_STRING, stmt);
        /* what this tier needs is there, and what the ones below need */
        for (; t < N_TRIED; t++) {
            set_fallback(tiers[t][i].needs, 0);
        }
        return stmt;
    }
    if (!CONNECTION_LOST(rv)) {
        set_fallback(st->needs, seconds_now() + LEGACY_RETRY);
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "statement %s cannot be prepared (%s): is %s "
                      "loaded? Until it is, %s", st->label,
                      apr_dbd_error(dbd->driver, dbd->handle, rv),
                      st->needs, st->lacks);
    }
    return NULL;
}

/* The newest version of statement `label` this database has: on this
 * connection, prepared on first use; else - a migration not loaded -
 * the one below it (the middle one only where it differs). */
static apr_dbd_prepared_t *statement(request_rec *r, ap_dbd_t *dbd,
                                     const char *label)
{
    apr_dbd_prepared_t *stmt = apr_hash_get(dbd->prepared, label,
                                            APR_HASH_KEY_STRING);
    apr_size_t i;
    int t;

    if (stmt != NULL) {
        return stmt;
    }
    for (i = 0; i < N_STATEMENTS && strcmp(statements[i].label, label); i++) {
    }
    if (i == N_STATEMENTS) {
        return NULL;
    }
    for (t = 0; t < N_TRIED; t++) {
        if ((t == 0 || strcmp(tiers[t][i].sql, tiers[t - 1][i].sql) != 0)
            && (stmt = tier(r, dbd, t, i)) != NULL) {
            return stmt;
        }
    }
    return apr_hash_get(dbd->prepared, legacy[i].label, APR_HASH_KEY_STRING);
}

static int run(request_rec *r, ap_dbd_t *dbd, const char *label,
               int nargs, const char **args, apr_dbd_results_t **res)
{
    apr_dbd_prepared_t *stmt = statement(r, dbd, label);

    if (stmt == NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "statement %s is not prepared for this server: put "
                      "a Webcast* directive in the same virtual host as "
                      "SetHandler webcast", label);
        return -1;
    }
    *res = NULL;
    return apr_dbd_pselect(dbd->driver, r->pool, dbd->handle, res, stmt, 0,
                           nargs, args);
}

/* Run statement `label` with at most one argument; every row is copied by
 * `copy` into *rows (an array of pointers) and the result read to its end.
 * A connection lost under the query (killed, server restarted) is replaced
 * once, so the reader never sees it. */
static webcast_db_status select_args(request_rec *r, const char *label,
                                     int nargs, const char **args,
                                     copy_fn copy_row, void *ctx,
                                     apr_array_header_t **rows)
{
    const char *arg = nargs ? args[0] : NULL;
    ap_dbd_t *dbd = connection(r);
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    int rv;

    *rows = apr_array_make(r->pool, 16, sizeof(void *));
    if (dbd == NULL) {
        return WEBCAST_DB_UNAVAILABLE;
    }
    rv = run(r, dbd, label, nargs, args, &res);
    if (CONNECTION_LOST(rv) && (dbd = replace(r)) != NULL) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                      "connection lost under %s (error %d); retried on a "
                      "fresh one", label, rv);
        rv = run(r, dbd, label, nargs, args, &res);
    }
    if (dbd == NULL || rv != 0) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "query %s (%s) failed with error %d: %s%s", label,
                      arg ? arg : "", rv, dbd && rv > 0
                      ? apr_dbd_error(dbd->driver, dbd->handle, rv)
                      : "no connection",
                      rv == ER_UNKNOWN_STMT_HANDLER ? " (the connection lost "
                      "its prepared statements: is reconnect=0 in "
                      "DBDParams?)" : "");
        return WEBCAST_DB_UNAVAILABLE;
    }
    while ((rv = apr_dbd_get_row(dbd->driver, r->pool, res, &row, -1)) == 0) {
        *(void **)apr_array_push(*rows) = copy_row(r->pool, dbd->driver, row,
                                                    ctx);
    }
    if (rv != -1) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "reading %s (%s) failed: %s", label, arg ? arg : "",
                      apr_dbd_error(dbd->driver, dbd->handle, rv));
        return WEBCAST_DB_UNAVAILABLE;
    }
    return (*rows)->nelts ? WEBCAST_DB_OK : WEBCAST_DB_NOT_FOUND;
}

/* The same with at most one argument. */
static webcast_db_status select_rows(request_rec *r, const char *label,
                                     const char *arg, copy_fn copy_row,
                                     void *ctx, apr_array_header_t **rows)
{
    return select_args(r, label, arg != NULL, &arg, copy_row, ctx, rows);
}

static webcast_db_status one_presentation(request_rec *r, const char *label,
                                          apr_uint32_t id, copy_fn copy,
                                          void *ctx,
                                          webcast_presentation **out)
{
    apr_array_header_t *rows;
    webcast_db_status st = select_rows(r, label,
                                       apr_psprintf(r->pool, "%u",
                                                    (unsigned)id),
                                       copy, ctx, &rows);

    *out = st == WEBCAST_DB_OK ? APR_ARRAY_IDX(rows, 0,
                                               webcast_presentation *)
                               : NULL;
    return st;
}

/* The page's row: the presentation and, after it, its captions whole
 * (*(int *)failed when they could not be read). */
static void *copy_page(apr_pool_t *p, const apr_dbd_driver_t *drv,
                       apr_dbd_row_t *row, void *failed)
{
    webcast_presentation *pr = copy_presentation(p, drv, row, NULL);
    apr_size_t len;

    pr->captions = long_text(p, drv, row, COL_COUNT, &len, failed);
    pr->has_captions = pr->captions != NULL;
    return pr;
}

/* The embed's: whether it has captions. */
static void *copy_embed(apr_pool_t *p, const apr_dbd_driver_t *drv,
                        apr_dbd_row_t *row, void *unused)
{
    webcast_presentation *pr = copy_presentation(p, drv, row, NULL);

    pr->has_captions = num(p, drv, row, COL_COUNT) != 0;
    return pr;
}

webcast_db_status webcast_db_presentation(request_rec *r, apr_uint32_t id,
                                          webcast_presentation **out)
{
    int failed = 0;
    webcast_db_status st = one_presentation(r, LABEL_PRESENTATION, id,
                                            copy_page, &failed, out);

    if (st == WEBCAST_DB_OK && failed) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "reading the captions of presentation %u failed",
                      (unsigned)id);
        return WEBCAST_DB_UNAVAILABLE;
    }
    return st;
}

webcast_db_status webcast_db_embed(request_rec *r, apr_uint32_t id,
                                   webcast_presentation **out)
{
    return one_presentation(r, LABEL_EMBED, id, copy_embed, NULL, out);
}

webcast_db_status webcast_db_stream(request_rec *r, apr_uint32_t id,
                                    webcast_presentation **out)
{
    return one_presentation(r, LABEL_STREAM, id, copy_presentation, NULL,
                            out);
}

webcast_db_status webcast_db_workshops(request_rec *r,
                                       apr_array_header_t **list)
{
    webcast_db_status st = select_rows(r, LABEL_WORKSHOPS, NULL,
                                       copy_workshop, NULL, list);

    return st == WEBCAST_DB_NOT_FOUND ? WEBCAST_DB_OK : st;
}

webcast_db_status webcast_db_workshop(request_rec *r, const char *slug,
                                      webcast_workshop **out,
                                      apr_array_header_t **schedule)
{
    apr_array_header_t *rows;
    webcast_db_status st;

    *out = NULL;
    st = select_rows(r, LABEL_SCHEDULE, slug, copy_schedule_row, out,
                     schedule);
    if (st != WEBCAST_DB_NOT_FOUND) {
        return st;
    }
    st = select_rows(r, LABEL_WORKSHOP, slug, copy_workshop, NULL, &rows);
    if (st == WEBCAST_DB_OK) {
        *out = APR_ARRAY_IDX(rows, 0, webcast_workshop *);
    }
    return st;
}

webcast_db_status webcast_db_captions(request_rec *r, apr_uint32_t id,
                                     const char **text, apr_size_t *len,
                                     apr_time_t *updated_at)
{
    apr_array_header_t *rows;
    captions_row *c;
    webcast_db_status st = select_rows(r, LABEL_CAPTIONS,
                                       apr_psprintf(r->pool, "%u",
                                                    (unsigned)id),
                                       copy_captions, NULL, &rows);

    *text = NULL;
    *len = 0;
    if (st != WEBCAST_DB_OK) {
        return st;
    }
    c = APR_ARRAY_IDX(rows, 0, captions_row *);
    if (c->failed) {
        ap_log_rerror(APLOG_MARK, APLOG_ERR, 0, r, WEBCAST_LOG_TAG
                      "reading the captions of presentation %u failed",
                      (unsigned)id);
        return WEBCAST_DB_UNAVAILABLE;
    }
    *text = c->text;
    *len = c->len;
    *updated_at = c->updated_at;
    return WEBCAST_DB_OK;
}

/* ---- feeds ---- */

/* The rows of `all` that are presentations. */
static apr_array_header_t *presentations_only(apr_pool_t *p,
                                              const apr_array_header_t *all)
{
    apr_array_header_t *out = apr_array_make(p, all->nelts + 1,
                                             sizeof(void *));
    int i;

    for (i = 0; i < all->nelts; i++) {
        if (APR_ARRAY_IDX(all, i, void *) != NULL) {
            APR_ARRAY_PUSH(out, void *) = APR_ARRAY_IDX(all, i, void *);
        }
    }
    return out;
}

webcast_db_status webcast_db_feed_workshop(request_rec *r, const char *slug,
                                           webcast_workshop **out,
                                           apr_array_header_t **list)
{
    apr_array_header_t *rows;
    webcast_db_status st;

    *out = NULL;
    st = select_rows(r, LABEL_FEED_WORKSHOP, slug, copy_feed_row, out, &rows);
    *list = presentations_only(r->pool, rows);
    return st;
}

webcast_db_status webcast_db_feed_calendar(request_rec *r, int today,
                                           apr_array_header_t **list)
{
    webcast_db_status st = select_rows(r, LABEL_FEED_CALENDAR,
                                       apr_psprintf(r->pool, "%04d-%02d-%02d",
                                                    today / 10000,
                                                    today / 100 % 100,
                                                    today % 100),
                                       copy_feed_row, NULL, list);

    return st == WEBCAST_DB_NOT_FOUND ? WEBCAST_DB_OK : st;
}

webcast_db_status webcast_db_feed_archive(request_rec *r, apr_time_t now,
                                          apr_array_header_t **list)
{
    apr_time_exp_t tm;
    const char *at, *args[3];
    webcast_db_status st;

    apr_time_exp_gmt(&tm, now);
    at = apr_psprintf(r->pool, "%04d-%02d-%02d %02d:%02d:%02d",
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                      tm.tm_hour, tm.tm_min, tm.tm_sec);
    args[0] = args[1] = args[2] = at;
    st = select_args(r, LABEL_FEED_ARCHIVE, 3, args, copy_feed_row, NULL,
                     list);
    return st == WEBCAST_DB_NOT_FOUND ? WEBCAST_DB_OK : st;
}

/* ---- for webcast_admin_db.c: the same connection handling ---- */

ap_dbd_t *webcast_db_acquire(request_rec *r)
{
    return acquire(r);
}

const char *webcast_db_text(apr_pool_t *p, const apr_dbd_driver_t *drv,
                            apr_dbd_row_t *row, int n)
{
    return text(p, drv, row, n);
}

/* ---- replication positions (WebcastCacheSOCache and a replica) ---- */

/* The one value of `sql`, a constant query of a server variable; NULL
 * when it cannot be read. Not prepared through mod_dbd: it runs at most
 * once per build or admin write, and a server without the variable must
 * not make mod_dbd refuse its connections. */
const char *webcast_db_variable(request_rec *r, ap_dbd_t *dbd,
                                const char *sql)
{
    apr_dbd_results_t *res = NULL;
    apr_dbd_row_t *row = NULL;
    const char *value = NULL;
    int rv;

    if (dbd == NULL) {
        return NULL;
    }
    rv = apr_dbd_select(dbd->driver, r->pool, dbd->handle, &res, sql, 0);
    if (rv != 0) {
        ap_log_rerror(APLOG_MARK, APLOG_INFO, 0, r, WEBCAST_LOG_TAG
                      "%s failed: %s", sql,
                      apr_dbd_error(dbd->driver, dbd->handle, rv));
        return NULL;
    }
    while (apr_dbd_get_row(dbd->driver, r->pool, res, &row, -1) == 0) {
        if (value == NULL) {
            value = text(r->pool, dbd->driver, row, 0);
        }
    }
    return value;
}

const char *webcast_db_position(request_rec *r)
{
    return webcast_db_variable(r, connection(r), "SELECT @@gtid_current_pos");
}
