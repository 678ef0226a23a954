/* webcast_time.h - UTC instants shown in the site's time zone (SPEC
 * section 3, WebcastTimeZone), formatted in AP style.
 *
 * Zones are read from TZif files (RFC 8536) rather than through TZ and
 * localtime_r(): those act on process-wide state, and httpd threads serving
 * different sites would race on it. A loaded zone is read-only, so any
 * number of threads may use it at once.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_TIME_H
#define WEBCAST_TIME_H

#include <apr_pools.h>
#include <apr_time.h>

#define WEBCAST_TZ_DIR "/usr/share/zoneinfo"

typedef struct webcast_tz webcast_tz;

/* Parse a TZif file (version 1, 2 or 3) held in memory; the 64-bit data
 * of version 2+ is used when present. Returns NULL and sets *out, or a
 * message saying what is wrong. `name` is kept for display. */
const char *webcast_tz_parse(apr_pool_t *p, const char *name,
                             const unsigned char *data, apr_size_t len,
                             webcast_tz **out);

/* Load `name` (e.g. "America/Los_Angeles") from `dir` (WEBCAST_TZ_DIR when
 * NULL). Names that are empty, absolute, hold ".." or a byte outside
 * [A-Za-z0-9/_+-] are refused. Returns NULL and sets *out, or a message
 * naming the zone and the problem. */
const char *webcast_tz_load(apr_pool_t *p, const char *dir, const char *name,
                            webcast_tz **out);

/* UTC, built in: the zone to use when none is configured, which must not
 * depend on a zoneinfo file being installed. */
const webcast_tz *webcast_tz_utc(apr_pool_t *p);

const char *webcast_tz_name(const webcast_tz *tz);

/* Local time of the UTC instant t: fills *tm (tm_gmtoff and tm_isdst
 * included) and returns the abbreviation in effect ("PST", "CEST"). */
const char *webcast_tz_local(const webcast_tz *tz, apr_time_t t,
                             apr_time_exp_t *tm);

typedef enum {
    WEBCAST_TIME_DATE,      /* "Wednesday, Nov. 25, 2026" */
    WEBCAST_TIME_SHORTDATE, /* "Nov. 25" */
    WEBCAST_TIME_CLOCK,     /* "noon", "midnight", "9 a.m.", "7:30 p.m." */
    WEBCAST_TIME_FULL,      /* "Wednesday, Nov. 25, 2026, at noon PST" */
    WEBCAST_TIME_ISO        /* "2026-11-25T12:00:00-08:00" for <time> */
} webcast_time_style;

/* t in tz, in `style`. Seconds are dropped except in WEBCAST_TIME_ISO. */
const char *webcast_time_format(apr_pool_t *p, const webcast_tz *tz,
                                apr_time_t t, webcast_time_style style);

/* The UTC instant of local wall-clock time y-mo-d h:mi in tz, for times
 * typed into a form. Returns 0 and sets *out; -1 when no such date or time
 * exists in the calendar (Feb. 30, 24:00); 1 when the clocks skip that time
 * (the spring-forward gap). A time that occurs twice (the hour repeated
 * when the clocks fall back) gives the first, in daylight time. */
int webcast_tz_to_utc(const webcast_tz *tz, int y, int mo, int d, int h,
                      int mi, apr_time_t *out);

/* Local calendar day of t as yyyymmdd, for grouping a schedule by day. */
int webcast_time_day(const webcast_tz *tz, apr_time_t t);

/* The first instant of the local day after t's: when "today" next
 * changes in tz (midnight, or the first hour that exists that day). */
apr_time_t webcast_time_next_day(const webcast_tz *tz, apr_time_t t);

/* A calendar day given as yyyymmdd (a DATE column, or webcast_time_day())
 * in WEBCAST_TIME_DATE, _SHORTDATE or _ISO ("2026-11-25") style; CLOCK and
 * FULL give the DATE form, as a day has no time. NULL when no such day. */
const char *webcast_day_format(apr_pool_t *p, int yyyymmdd,
                               webcast_time_style style);

#endif
