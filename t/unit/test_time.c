/* test_time.c - TZif zones, POSIX TZ footers and AP-style formatting. */
#include <stdlib.h>
#include <string.h>

#include <apr_file_io.h>
#include <apr_strings.h>
#include <apr_time.h>

#include "tests.h"
#include "webcast_time.h"

#define LA "America/Los_Angeles"

/* UTC instant from calendar fields, so no test holds a magic number.
 * apr_time_exp_gmt_get() refuses years before 1970; the Gregorian calendar
 * repeats every 400 years (146097 days), so those are taken from then. */
static apr_time_t utc(int y, int mo, int d, int h, int mi, int s)
{
    apr_time_exp_t tm;
    apr_time_t t;

    if (y < 1970) {
        return utc(y + 400, mo, d, h, mi, s)
               - APR_INT64_C(146097) * 86400 * APR_USEC_PER_SEC;
    }
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    ck_assert_int_eq(apr_time_exp_gmt_get(&t, &tm), APR_SUCCESS);
    return t;
}

static const webcast_tz *zone(const char *name)
{
    webcast_tz *tz = NULL;
    const char *err = webcast_tz_load(test_pool, WEBCAST_TZ_DIR, name, &tz);

    ck_assert_msg(err == NULL, "%s: %s", name, err ? err : "");
    ck_assert_str_eq(webcast_tz_name(tz), name);
    return tz;
}

static const char *fmt(const char *name, apr_time_t t,
                       webcast_time_style style)
{
    return webcast_time_format(test_pool, zone(name), t, style);
}

/* "2026-03-08 01:59:59 PST -28800 std": all of webcast_tz_local's output. */
static const char *local(const webcast_tz *tz, apr_time_t t)
{
    apr_time_exp_t tm;
    const char *abbr = webcast_tz_local(tz, t, &tm);

    return apr_psprintf(test_pool, "%04d-%02d-%02d %02d:%02d:%02d %s %d %s",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec, abbr,
                        (int)tm.tm_gmtoff, tm.tm_isdst ? "dst" : "std");
}

/* Parse a copy of exactly n bytes, so valgrind sees any read past them;
 * the copy is freed at once, so it also sees a zone that kept a pointer. */
static const char *parse(const void *data, apr_size_t n, webcast_tz **tz)
{
    unsigned char *copy = malloc(n ? n : 1);
    const char *err;

    memcpy(copy, data, n);
    *tz = NULL;
    err = webcast_tz_parse(test_pool, "test", copy, n, tz);
    free(copy);
    ck_assert_msg((err == NULL) != (*tz == NULL), "err xor zone");
    return err;
}

static unsigned char *read_zone(const char *name, apr_size_t *len)
{
    const char *path = apr_pstrcat(test_pool, WEBCAST_TZ_DIR "/", name, NULL);
    apr_file_t *f;
    apr_finfo_t fi;
    unsigned char *data;

    ck_assert_int_eq(apr_file_open(&f, path, APR_FOPEN_READ, APR_OS_DEFAULT,
                                   test_pool), APR_SUCCESS);
    ck_assert_int_eq(apr_file_info_get(&fi, APR_FINFO_SIZE, f), APR_SUCCESS);
    data = apr_palloc(test_pool, (apr_size_t)fi.size);
    ck_assert_int_eq(apr_file_read_full(f, data, (apr_size_t)fi.size, len),
                     APR_SUCCESS);
    apr_file_close(f);
    return data;
}

/* err must be an error message holding `part`. */
static void error_has(const char *err, const char *part)
{
    ck_assert_msg(err != NULL && strstr(err, part) != NULL,
                  "error \"%s\" lacks \"%s\"", err ? err : "(none)", part);
}

START_TEST(la_noon_in_summer_and_winter)
{
    ck_assert_str_eq(fmt(LA, utc(2026, 7, 15, 19, 0, 0), WEBCAST_TIME_FULL),
                     "Wednesday, July 15, 2026, at noon PDT");
    ck_assert_str_eq(fmt(LA, utc(2026, 1, 14, 20, 0, 0), WEBCAST_TIME_FULL),
                     "Wednesday, Jan. 14, 2026, at noon PST");
    ck_assert_str_eq(fmt(LA, utc(2026, 11, 25, 20, 0, 0), WEBCAST_TIME_FULL),
                     "Wednesday, Nov. 25, 2026, at noon PST");
}
END_TEST

START_TEST(la_dst_edges_2026)
{
    const webcast_tz *tz = zone(LA);

    ck_assert_str_eq(local(tz, utc(2026, 3, 8, 9, 59, 59)),
                     "2026-03-08 01:59:59 PST -28800 std");
    ck_assert_str_eq(local(tz, utc(2026, 3, 8, 10, 0, 0)),
                     "2026-03-08 03:00:00 PDT -25200 dst");
    ck_assert_str_eq(local(tz, utc(2026, 11, 1, 8, 59, 59)),
                     "2026-11-01 01:59:59 PDT -25200 dst");
    ck_assert_str_eq(local(tz, utc(2026, 11, 1, 9, 0, 0)),
                     "2026-11-01 01:00:00 PST -28800 std");
}
END_TEST

/* The LA file lists transitions up to 2037 only; later ones come from its
 * footer, "PST8PDT,M3.2.0,M11.1.0". */
START_TEST(la_after_2037_follows_footer)
{
    const webcast_tz *tz = zone(LA);

    ck_assert_str_eq(local(tz, utc(2040, 7, 1, 19, 0, 0)),
                     "2040-07-01 12:00:00 PDT -25200 dst");
    ck_assert_str_eq(local(tz, utc(2040, 1, 15, 20, 0, 0)),
                     "2040-01-15 12:00:00 PST -28800 std");
    ck_assert_str_eq(local(tz, utc(2040, 3, 11, 9, 59, 59)),
                     "2040-03-11 01:59:59 PST -28800 std");
    ck_assert_str_eq(local(tz, utc(2040, 3, 11, 10, 0, 0)),
                     "2040-03-11 03:00:00 PDT -25200 dst");
    ck_assert_str_eq(fmt(LA, utc(2040, 7, 1, 19, 0, 0), WEBCAST_TIME_FULL),
                     "Sunday, July 1, 2040, at noon PDT");
}
END_TEST

START_TEST(berlin_kolkata_and_utc)
{
    const webcast_tz *berlin = zone("Europe/Berlin");
    const webcast_tz *kolkata = zone("Asia/Kolkata");
    const webcast_tz *u = zone("UTC");

    ck_assert_str_eq(local(berlin, utc(2026, 3, 29, 0, 59, 59)),
                     "2026-03-29 01:59:59 CET 3600 std");
    ck_assert_str_eq(local(berlin, utc(2026, 3, 29, 1, 0, 0)),
                     "2026-03-29 03:00:00 CEST 7200 dst");
    ck_assert_str_eq(local(berlin, utc(2026, 10, 25, 0, 59, 59)),
                     "2026-10-25 02:59:59 CEST 7200 dst");
    ck_assert_str_eq(local(berlin, utc(2026, 10, 25, 1, 0, 0)),
                     "2026-10-25 02:00:00 CET 3600 std");
    ck_assert_str_eq(local(berlin, utc(2045, 7, 15, 10, 0, 0)),
                     "2045-07-15 12:00:00 CEST 7200 dst");
    ck_assert_str_eq(local(kolkata, utc(2026, 1, 14, 6, 30, 0)),
                     "2026-01-14 12:00:00 IST 19800 std");
    ck_assert_str_eq(local(kolkata, utc(2026, 7, 15, 6, 30, 0)),
                     "2026-07-15 12:00:00 IST 19800 std");
    ck_assert_str_eq(local(kolkata, utc(2045, 7, 15, 6, 30, 0)),
                     "2045-07-15 12:00:00 IST 19800 std");
    ck_assert_str_eq(local(u, utc(2026, 7, 15, 19, 0, 0)),
                     "2026-07-15 19:00:00 UTC 0 std");
    ck_assert_str_eq(fmt("UTC", utc(2026, 7, 15, 19, 0, 0),
                         WEBCAST_TIME_FULL),
                     "Wednesday, July 15, 2026, at 7 p.m. UTC");
}
END_TEST

START_TEST(builtin_utc)
{
    const webcast_tz *tz = webcast_tz_utc(test_pool);

    ck_assert_str_eq(webcast_tz_name(tz), "UTC");
    ck_assert_str_eq(local(tz, utc(2040, 7, 1, 12, 0, 0)),
                     "2040-07-01 12:00:00 UTC 0 std");
    ck_assert_str_eq(webcast_time_format(test_pool, tz,
                                         utc(2026, 7, 15, 12, 0, 0),
                                         WEBCAST_TIME_FULL),
                     "Wednesday, July 15, 2026, at noon UTC");
    ck_assert_str_eq(webcast_time_format(test_pool, tz,
                                         utc(2026, 7, 15, 12, 0, 0),
                                         WEBCAST_TIME_ISO),
                     "2026-07-15T12:00:00+00:00");
}
END_TEST

START_TEST(clock_style)
{
    static const struct {
        int h, m, s;
        const char *want;
    } cases[] = {
        { 0, 0, 0, "midnight" }, { 12, 0, 0, "noon" }, { 9, 0, 0, "9 a.m." },
        { 19, 30, 0, "7:30 p.m." }, { 9, 30, 0, "9:30 a.m." },
        { 0, 5, 0, "12:05 a.m." }, { 12, 45, 0, "12:45 p.m." },
        { 23, 59, 59, "11:59 p.m." }, { 12, 0, 30, "noon" },
        { 13, 0, 0, "1 p.m." }, { 11, 0, 0, "11 a.m." }
    };
    int i;

    for (i = 0; i < (int)(sizeof(cases) / sizeof(cases[0])); i++) {
        ck_assert_str_eq(fmt("UTC", utc(2026, 9, 1, cases[i].h, cases[i].m,
                                        cases[i].s), WEBCAST_TIME_CLOCK),
                         cases[i].want);
    }
}
END_TEST

START_TEST(ap_month_abbreviations)
{
    static const char *const want[12] = {
        "Jan. 15", "Feb. 15", "March 15", "April 15", "May 15", "June 15",
        "July 15", "Aug. 15", "Sept. 15", "Oct. 15", "Nov. 15", "Dec. 15"
    };
    int m;

    for (m = 1; m <= 12; m++) {
        ck_assert_str_eq(fmt(LA, utc(2026, m, 15, 20, 0, 0),
                             WEBCAST_TIME_SHORTDATE), want[m - 1]);
    }
    ck_assert_str_eq(fmt(LA, utc(2026, 9, 1, 19, 0, 0), WEBCAST_TIME_DATE),
                     "Tuesday, Sept. 1, 2026");
    ck_assert_str_eq(fmt(LA, utc(2026, 3, 8, 20, 0, 0), WEBCAST_TIME_DATE),
                     "Sunday, March 8, 2026");
}
END_TEST

START_TEST(day_across_local_midnight)
{
    const webcast_tz *la = zone(LA);

    ck_assert_int_eq(webcast_time_day(la, utc(2026, 11, 26, 7, 30, 0)),
                     20261125);
    ck_assert_int_eq(webcast_time_day(la, utc(2026, 11, 26, 7, 59, 59)),
                     20261125);
    ck_assert_int_eq(webcast_time_day(la, utc(2026, 11, 26, 8, 0, 0)),
                     20261126);
    ck_assert_int_eq(webcast_time_day(zone("Europe/Berlin"),
                                      utc(2026, 11, 26, 7, 30, 0)), 20261126);
    ck_assert_str_eq(fmt(LA, utc(2026, 11, 26, 7, 30, 0), WEBCAST_TIME_FULL),
                     "Wednesday, Nov. 25, 2026, at 11:30 p.m. PST");
}
END_TEST

START_TEST(next_day_starts_at_local_midnight)
{
    const webcast_tz *la = zone(LA);

    ck_assert(webcast_time_next_day(la, utc(2026, 11, 26, 7, 30, 0))
              == utc(2026, 11, 26, 8, 0, 0));
    ck_assert(webcast_time_next_day(la, utc(2026, 11, 26, 8, 0, 0))
              == utc(2026, 11, 27, 8, 0, 0));
    /* the day the clocks go back lasts 25 hours; across a year's end */
    ck_assert(webcast_time_next_day(la, utc(2026, 11, 1, 12, 0, 0))
              == utc(2026, 11, 2, 8, 0, 0));
    ck_assert(webcast_time_next_day(la, utc(2026, 12, 31, 20, 0, 0))
              == utc(2027, 1, 1, 8, 0, 0));
    ck_assert(webcast_time_next_day(webcast_tz_utc(test_pool),
                                    utc(2028, 2, 28, 23, 59, 59))
              == utc(2028, 2, 29, 0, 0, 0));
    /* Havana's clocks skip from midnight to 1:00 on 2026-03-08 */
    ck_assert(webcast_time_next_day(zone("America/Havana"),
                                    utc(2026, 3, 7, 12, 0, 0))
              == utc(2026, 3, 8, 5, 0, 0));
}
END_TEST

START_TEST(day_format)
{
    ck_assert_str_eq(webcast_day_format(test_pool, 20261125,
                                        WEBCAST_TIME_DATE),
                     "Wednesday, Nov. 25, 2026");
    ck_assert_str_eq(webcast_day_format(test_pool, 20260901,
                                        WEBCAST_TIME_SHORTDATE), "Sept. 1");
    ck_assert_str_eq(webcast_day_format(test_pool, 20260301,
                                        WEBCAST_TIME_ISO), "2026-03-01");
    ck_assert_str_eq(webcast_day_format(test_pool, 20280229,
                                        WEBCAST_TIME_FULL),
                     "Tuesday, Feb. 29, 2028");
    ck_assert_ptr_null(webcast_day_format(test_pool, 20260229,
                                          WEBCAST_TIME_DATE));
    ck_assert_ptr_null(webcast_day_format(test_pool, 20261301,
                                          WEBCAST_TIME_DATE));
    ck_assert_ptr_null(webcast_day_format(test_pool, 20261100,
                                          WEBCAST_TIME_DATE));
    ck_assert_ptr_null(webcast_day_format(test_pool, -20261125,
                                          WEBCAST_TIME_DATE));
}
END_TEST

START_TEST(iso_with_offset)
{
    ck_assert_str_eq(fmt(LA, utc(2026, 11, 25, 20, 0, 0), WEBCAST_TIME_ISO),
                     "2026-11-25T12:00:00-08:00");
    ck_assert_str_eq(fmt(LA, utc(2026, 7, 15, 19, 0, 5), WEBCAST_TIME_ISO),
                     "2026-07-15T12:00:05-07:00");
    ck_assert_str_eq(fmt("Asia/Kolkata", utc(2026, 7, 15, 6, 30, 0),
                         WEBCAST_TIME_ISO), "2026-07-15T12:00:00+05:30");
    ck_assert_str_eq(fmt("UTC", utc(2026, 7, 15, 6, 30, 0),
                         WEBCAST_TIME_ISO), "2026-07-15T06:30:00+00:00");
}
END_TEST

/* Before its first transition (1883) LA keeps local mean time, -7:52:58:
 * HTML cannot write that offset, so the instant is given in UTC. */
START_TEST(before_first_transition)
{
    ck_assert_str_eq(local(zone(LA), utc(1850, 1, 1, 12, 0, 0)),
                     "1850-01-01 04:07:02 LMT -28378 std");
    ck_assert_str_eq(fmt(LA, utc(1850, 1, 1, 12, 0, 0), WEBCAST_TIME_ISO),
                     "1850-01-01T12:00:00Z");
}
END_TEST

static const char *load_error(const char *name)
{
    webcast_tz *tz = NULL;
    const char *err = webcast_tz_load(test_pool, WEBCAST_TZ_DIR, name, &tz);

    ck_assert_msg(err != NULL, "loaded \"%s\"", name ? name : "(null)");
    ck_assert_ptr_null(tz);
    return err;
}

START_TEST(bad_names_rejected)
{
    ck_assert_str_eq(load_error("Mars/Base"), "unknown time zone \"Mars/Base\""
                     " (no " WEBCAST_TZ_DIR "/Mars/Base)");
    error_has(load_error("../etc/passwd"), "\"..\"");
    error_has(load_error("America/../../etc/passwd"), "\"..\"");
    error_has(load_error("/etc/localtime"), "relative");
    error_has(load_error(""), "empty");
    error_has(load_error(NULL), "empty");
    error_has(load_error("America/Los Angeles"), "may hold only");
    ck_assert_ptr_null(strchr(load_error("UTC\nInjected: x"), '\n'));
    error_has(load_error("America"), "not a time zone");
    error_has(load_error("iso3166.tab"), "may hold only");
    error_has(load_error("tzdata.zi"), "may hold only");
}
END_TEST

/* Every prefix of a real file either fails or gives a usable zone. */
START_TEST(truncated_file_never_crashes)
{
    apr_size_t len, n, parsed = 0;
    unsigned char *data = read_zone(LA, &len);
    webcast_tz *tz;

    ck_assert_uint_gt(len, 44);
    for (n = 0; n < len; n++) {
        if (parse(data, n, &tz) == NULL) {
            parsed++;
            ck_assert_ptr_nonnull(webcast_time_format(test_pool, tz,
                utc(2040, 7, 1, 19, 0, 0), WEBCAST_TIME_FULL));
            ck_assert_ptr_nonnull(webcast_time_format(test_pool, tz,
                utc(1850, 1, 1, 0, 0, 0), WEBCAST_TIME_ISO));
        }
    }
    /* only prefixes cut inside the footer parse */
    ck_assert_uint_lt(parsed, 32);
    ck_assert_ptr_null(parse(data, len, &tz));
    ck_assert_str_eq(local(tz, utc(2040, 7, 1, 19, 0, 0)),
                     "2040-07-01 12:00:00 PDT -25200 dst");
    /* an unterminated footer is unusable: the last transition's type stays */
    ck_assert_ptr_null(parse(data, len - 1, &tz));
    ck_assert_str_eq(local(tz, utc(2040, 7, 1, 19, 0, 0)),
                     "2040-07-01 11:00:00 PST -28800 std");
    error_has(parse(data, 10, &tz), "truncated");
}
END_TEST

START_TEST(garbage_rejected)
{
    unsigned char junk[4096];
    unsigned char zeros[4096] = "TZif2";
    apr_uint32_t x = 12345;
    webcast_tz *tz;
    apr_size_t i;

    for (i = 0; i < sizeof(junk); i++) {
        x = x * 1103515245 + 12345;
        junk[i] = (unsigned char)(x >> 16);
    }
    error_has(parse(junk, sizeof(junk), &tz), "not a TZif file");
    memcpy(junk, "TZif2", 5);
    ck_assert_ptr_nonnull(parse(junk, sizeof(junk), &tz));
    error_has(parse(zeros, sizeof(zeros), &tz), "not a TZif file");
    error_has(webcast_tz_parse(test_pool, "null", NULL, 0, &tz),
              "truncated");
}
END_TEST

/* ---- hand-made TZif files ---- */

typedef struct {
    unsigned char b[512];
    apr_size_t n;
} tzbuf;

static void put(tzbuf *o, const void *s, apr_size_t n)
{
    ck_assert_uint_le(o->n + n, sizeof(o->b));
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void put32(tzbuf *o, apr_uint32_t v)
{
    unsigned char b[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 8), (unsigned char)v };
    put(o, b, 4);
}

static void put64(tzbuf *o, apr_int64_t v)
{
    put32(o, (apr_uint32_t)((apr_uint64_t)v >> 32));
    put32(o, (apr_uint32_t)v);
}

static void header(tzbuf *o, char version, apr_uint32_t timecnt,
                   apr_uint32_t typecnt, apr_uint32_t charcnt)
{
    unsigned char magic[20] = "TZif";

    magic[4] = (unsigned char)version;
    put(o, magic, sizeof(magic));
    put32(o, 0);                /* isutcnt */
    put32(o, 0);                /* isstdcnt */
    put32(o, 0);                /* leapcnt */
    put32(o, timecnt);
    put32(o, typecnt);
    put32(o, charcnt);
}

static void ttinfo(tzbuf *o, apr_int32_t utoff, int isdst, int desigidx)
{
    unsigned char b[2] = { (unsigned char)isdst, (unsigned char)desigidx };

    put32(o, (apr_uint32_t)utoff);
    put(o, b, 2);
}

/* A version 2 file without transitions: its footer alone sets the time. */
static const webcast_tz *footer_zone(const char *footer)
{
    tzbuf o = { { 0 }, 0 };
    webcast_tz *tz;
    int i;

    for (i = 0; i < 2; i++) {
        header(&o, '2', 0, 1, 4);
        ttinfo(&o, 0, 0, 0);
        put(&o, "LMT", 4);
    }
    put(&o, "\n", 1);
    put(&o, footer, strlen(footer));
    put(&o, "\n", 1);
    ck_assert_ptr_null(parse(o.b, o.n, &tz));
    return tz;
}

START_TEST(footer_rules)
{
    const webcast_tz *tz = footer_zone("CET-1CEST,M3.5.0,M10.5.0/3");

    ck_assert_str_eq(local(tz, utc(2026, 10, 25, 0, 59, 59)),
                     "2026-10-25 02:59:59 CEST 7200 dst");
    ck_assert_str_eq(local(tz, utc(2026, 10, 25, 1, 0, 0)),
                     "2026-10-25 02:00:00 CET 3600 std");
    ck_assert_str_eq(local(footer_zone("<+0530>-5:30"),
                           utc(2026, 7, 15, 6, 30, 0)),
                     "2026-07-15 12:00:00 +0530 19800 std");
    ck_assert_str_eq(local(footer_zone("UTC0"), utc(2026, 7, 15, 6, 30, 0)),
                     "2026-07-15 06:30:00 UTC 0 std");
    ck_assert_str_eq(local(footer_zone("EST5EDT,M3.2.0/2,M11.1.0/2"),
                           utc(2026, 7, 4, 16, 0, 0)),
                     "2026-07-04 12:00:00 EDT -14400 dst");
    /* southern hemisphere: DST spans the new year */
    tz = footer_zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ck_assert_str_eq(local(tz, utc(2026, 1, 14, 2, 0, 0)),
                     "2026-01-14 13:00:00 AEDT 39600 dst");
    ck_assert_str_eq(local(tz, utc(2026, 7, 14, 2, 0, 0)),
                     "2026-07-14 12:00:00 AEST 36000 std");
}
END_TEST

START_TEST(footer_day_forms)
{
    const webcast_tz *julian = footer_zone("XST3XDT,J60,J300");
    const webcast_tz *zero_based = footer_zone("XST3XDT,59,299");
    const webcast_tz *all_year = footer_zone("EST5EDT,0/0,J365/25");

    ck_assert_str_eq(local(julian, utc(2026, 3, 1, 4, 59, 59)),
                     "2026-03-01 01:59:59 XST -10800 std");
    ck_assert_str_eq(local(julian, utc(2026, 3, 1, 5, 0, 0)),
                     "2026-03-01 03:00:00 XDT -7200 dst");
    /* Jn skips Feb. 29, n counts it */
    ck_assert_str_eq(local(julian, utc(2028, 2, 29, 5, 0, 0)),
                     "2028-02-29 02:00:00 XST -10800 std");
    ck_assert_str_eq(local(zero_based, utc(2028, 2, 29, 5, 0, 0)),
                     "2028-02-29 03:00:00 XDT -7200 dst");
    /* RFC 8536 3.3.1: DST all year */
    ck_assert_str_eq(local(all_year, utc(2027, 1, 1, 4, 30, 0)),
                     "2027-01-01 00:30:00 EDT -14400 dst");
    ck_assert_str_eq(local(all_year, utc(2026, 7, 1, 4, 30, 0)),
                     "2026-07-01 00:30:00 EDT -14400 dst");
}
END_TEST

/* An unusable footer leaves the last (here the only) type in effect. */
START_TEST(bad_footers_ignored)
{
    static const char *const footers[] = {
        "", "PST8PDT", "garbage", "PST8PDT,M13.1.0,M11.1.0", "<+05",
        "PST8PDT,M3.2.0", "P<T8", "PST99", "PST8PDT,M3.2.0,M11.1.0/200",
        "PST8PDT,M3.6.0,M11.1.0", "PST8PDT,J0,J365", "PST8 ", NULL
    };
    int i;

    for (i = 0; footers[i]; i++) {
        ck_assert_msg(strcmp(local(footer_zone(footers[i]),
                                   utc(2040, 7, 1, 0, 0, 0)),
                             "2040-07-01 00:00:00 LMT 0 std") == 0,
                      "footer \"%s\" used", footers[i]);
    }
}
END_TEST

/* A version 1 file: LMT until 1970, then one hour east as "ABC". */
static void v1_file(tzbuf *o, apr_uint32_t timecnt, apr_uint32_t typecnt,
                    unsigned char idx, apr_int32_t utoff, int desigidx,
                    const char *chars)
{
    header(o, 0, timecnt, typecnt, 8);
    put32(o, 0);
    put(o, &idx, 1);
    ttinfo(o, 0, 0, 0);
    ttinfo(o, utoff, 0, desigidx);
    put(o, chars, 8);
}

START_TEST(version1_file)
{
    tzbuf o = { { 0 }, 0 };
    webcast_tz *tz;

    v1_file(&o, 1, 2, 1, 3600, 4, "LMT\0ABC");
    ck_assert_ptr_null(parse(o.b, o.n, &tz));
    ck_assert_str_eq(local(tz, utc(1969, 12, 31, 23, 0, 0)),
                     "1969-12-31 23:00:00 LMT 0 std");
    ck_assert_str_eq(local(tz, utc(2026, 7, 15, 11, 0, 0)),
                     "2026-07-15 12:00:00 ABC 3600 std");
}
END_TEST

static const char *v1_error(apr_uint32_t timecnt, apr_uint32_t typecnt,
                            unsigned char idx, apr_int32_t utoff,
                            int desigidx, const char *chars)
{
    tzbuf o = { { 0 }, 0 };
    webcast_tz *tz;
    const char *err;

    v1_file(&o, timecnt, typecnt, idx, utoff, desigidx, chars);
    err = parse(o.b, o.n, &tz);
    ck_assert_ptr_nonnull(err);
    return err;
}

START_TEST(hostile_files_rejected)
{
    tzbuf o = { { 0 }, 0 };
    webcast_tz *tz;

    error_has(v1_error(0xffffffff, 2, 1, 0, 4, "LMT\0ABC"), "truncated");
    error_has(v1_error(1, 0xffffffff, 1, 0, 4, "LMT\0ABC"), "256");
    error_has(v1_error(1, 2, 2, 0, 4, "LMT\0ABC"), "unknown local time type");
    error_has(v1_error(1, 2, 1, 0, 9, "LMT\0ABC"), "abbreviation");
    error_has(v1_error(1, 2, 1, 0, 4, "LMT\0ABCD"), "abbreviation");
    error_has(v1_error(1, 2, 1, 0, 4, "LMT\0<b>"), "abbreviation");
    error_has(v1_error(1, 2, 1, (apr_int32_t)0x80000000, 4, "LMT\0ABC"),
              "UT offset");

    header(&o, 0, 2, 1, 4);
    put64(&o, 0);               /* as v1 times: 0 then 0, not rising */
    put(&o, "\0\0", 2);
    ttinfo(&o, 0, 0, 0);
    put(&o, "LMT", 4);
    error_has(parse(o.b, o.n, &tz), "out of order");
}
END_TEST

/* Times typed into the admin's forms, in the site's zone. */
START_TEST(local_to_utc)
{
    const webcast_tz *la = zone(LA), *berlin = zone("Europe/Berlin");
    apr_time_t t = 0;

    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 7, 15, 12, 0, &t), 0);
    ck_assert(t == utc(2026, 7, 15, 19, 0, 0));
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 1, 14, 12, 0, &t), 0);
    ck_assert(t == utc(2026, 1, 14, 20, 0, 0));
    ck_assert_int_eq(webcast_tz_to_utc(berlin, 2026, 11, 25, 21, 30, &t), 0);
    ck_assert(t == utc(2026, 11, 25, 20, 30, 0));
    ck_assert_int_eq(webcast_tz_to_utc(webcast_tz_utc(test_pool), 2026, 2,
                                       28, 23, 59, &t), 0);
    ck_assert(t == utc(2026, 2, 28, 23, 59, 0));
    /* after 2037: from the footer rule */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2040, 7, 1, 12, 0, &t), 0);
    ck_assert(t == utc(2040, 7, 1, 19, 0, 0));
}
END_TEST

START_TEST(local_to_utc_dst_gap_and_overlap)
{
    const webcast_tz *la = zone(LA), *berlin = zone("Europe/Berlin");
    apr_time_t t = 0;

    /* 2:00-2:59 a.m. on March 8, 2026 never happens in Los Angeles */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 3, 8, 2, 30, &t), 1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 3, 8, 1, 59, &t), 0);
    ck_assert(t == utc(2026, 3, 8, 9, 59, 0));
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 3, 8, 3, 0, &t), 0);
    ck_assert(t == utc(2026, 3, 8, 10, 0, 0));
    /* 1:30 a.m. on Nov. 1, 2026 happens twice: the first is PDT */
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 11, 1, 1, 30, &t), 0);
    ck_assert(t == utc(2026, 11, 1, 8, 30, 0));
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 11, 1, 2, 0, &t), 0);
    ck_assert(t == utc(2026, 11, 1, 10, 0, 0));
    ck_assert_int_eq(webcast_tz_to_utc(berlin, 2026, 3, 29, 2, 15, &t), 1);
    ck_assert_int_eq(webcast_tz_to_utc(berlin, 2026, 10, 25, 2, 15, &t), 0);
    ck_assert(t == utc(2026, 10, 25, 0, 15, 0));
}
END_TEST

START_TEST(local_to_utc_impossible_dates)
{
    const webcast_tz *la = zone(LA);
    apr_time_t t = 0;

    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 2, 29, 12, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2028, 2, 29, 12, 0, &t), 0);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 4, 31, 12, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 13, 1, 12, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 0, 1, 12, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 1, 1, 24, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 2026, 1, 1, 12, 60, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 10000, 1, 1, 12, 0, &t), -1);
    ck_assert_int_eq(webcast_tz_to_utc(la, 0, 1, 1, 12, 0, &t), -1);
}
END_TEST

/* libFuzzer found a signed overflow at the smallest apr_time_t in
 * webcast_tz_local (fixed); every extreme instant must format. The
 * sanitized build (WEBCAST_SANITIZE=1) runs this under UBSan. */
START_TEST(extreme_instants)
{
    static const apr_time_t extremes[] = {
        APR_INT64_MIN, APR_INT64_MIN + 1, -1, 0, APR_INT64_MAX - 1,
        APR_INT64_MAX
    };
    const webcast_tz *zones[2];
    webcast_tz *la = NULL;
    size_t i, z;

    ck_assert_ptr_null(webcast_tz_load(test_pool, NULL,
                                       "America/Los_Angeles", &la));
    zones[0] = la;
    zones[1] = webcast_tz_utc(test_pool);
    for (z = 0; z < 2; z++) {
        for (i = 0; i < sizeof(extremes) / sizeof(extremes[0]); i++) {
            ck_assert_ptr_nonnull(webcast_time_format(test_pool, zones[z],
                                  extremes[i], WEBCAST_TIME_FULL));
            ck_assert_ptr_nonnull(webcast_time_format(test_pool, zones[z],
                                  extremes[i], WEBCAST_TIME_ISO));
        }
    }
}
END_TEST

Suite *time_suite(void)
{
    Suite *s = suite_create("time");
    TCase *tc = tcase_with_pool("time");

    tcase_add_test(tc, la_noon_in_summer_and_winter);
    tcase_add_test(tc, la_dst_edges_2026);
    tcase_add_test(tc, la_after_2037_follows_footer);
    tcase_add_test(tc, berlin_kolkata_and_utc);
    tcase_add_test(tc, builtin_utc);
    tcase_add_test(tc, clock_style);
    tcase_add_test(tc, ap_month_abbreviations);
    tcase_add_test(tc, day_across_local_midnight);
    tcase_add_test(tc, next_day_starts_at_local_midnight);
    tcase_add_test(tc, day_format);
    tcase_add_test(tc, iso_with_offset);
    tcase_add_test(tc, before_first_transition);
    tcase_add_test(tc, bad_names_rejected);
    tcase_add_test(tc, truncated_file_never_crashes);
    tcase_add_test(tc, garbage_rejected);
    tcase_add_test(tc, footer_rules);
    tcase_add_test(tc, footer_day_forms);
    tcase_add_test(tc, bad_footers_ignored);
    tcase_add_test(tc, version1_file);
    tcase_add_test(tc, hostile_files_rejected);
    tcase_add_test(tc, local_to_utc);
    tcase_add_test(tc, local_to_utc_dst_gap_and_overlap);
    tcase_add_test(tc, local_to_utc_impossible_dates);
    tcase_add_test(tc, extreme_instants);
    suite_add_tcase(s, tc);
    return s;
}
