/* webcast_time.c - TZif zones, POSIX TZ footer rules, AP-style dates.
 *
 * Zone files come from disk at config time but are parsed as hostile input
 * (and fuzzed): every count and index is checked against the data before it
 * is used, so a truncated or crafted file gives an error, never a read out
 * of bounds. Leap-second records are skipped: the zones used for civil time
 * have none.
 */
#include <string.h>

#include <apr_file_info.h>
#include <apr_file_io.h>
#include <apr_strings.h>

#include "webcast_time.h"

#define SECS_PER_DAY 86400
/* RFC 8536 3.2: a UT offset SHOULD lie in [-89999, 93599]. Holding files to
 * it also keeps every sum of offsets and times far from overflow. */
#define MIN_UTOFF (-89999)
#define MAX_UTOFF 93599
/* Type indexes are one byte wide, so more types could never be used. */
#define MAX_TYPES 256
/* Real zone files are a few KB; a bigger one is a mistake or an attack. */
#define MAX_FILE_SIZE (256 * 1024)
#define MAX_NAME_LEN 255
#define HEADER_SIZE 44

typedef struct {
    apr_int32_t utoff;      /* seconds east of UTC */
    int isdst;
    const char *abbr;
} tz_type;

/* One end of the DST period of a POSIX TZ string. */
typedef struct {
    char kind;              /* 'J' Jn, 'D' plain n, 'M' Mm.w.d */
    int day, month, week, wday;
    long secs;              /* local time of day of the change */
} tz_date;

typedef struct {
    tz_type std, dst;
    int has_dst;
    tz_date start, end;
} tz_rule;

struct webcast_tz {
    const char *name;
    apr_int64_t *times;     /* transitions, seconds since the epoch, rising */
    unsigned char *idx;     /* index of the type from each transition on */
    apr_uint32_t ntimes;
    tz_type *types;
    apr_uint32_t ntypes;
    const tz_type *before;  /* in effect before the first transition */
    const tz_rule *rule;    /* footer, after the last; NULL if none/unusable */
};

typedef struct {
    int version;            /* 0 for version 1, else '2', '3', ... */
    apr_uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
} tz_header;

typedef struct {
    const unsigned char *p;
    apr_size_t left;
} reader;

/* ---- calendar arithmetic (proleptic Gregorian, any apr_time_t) ---- */

static apr_int64_t floor_div(apr_int64_t a, apr_int64_t b)
{
    apr_int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

/* Days since 1970-01-01; H. Hinnant's days_from_civil. */
static apr_int64_t days_from_civil(apr_int64_t y, int m, int d)
{
    apr_int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = floor_div(y, 400);
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(apr_int64_t z, apr_int64_t *y, int *m, int *d)
{
    apr_int64_t era, doe, yoe, doy, mp;

    z += 719468;
    era = floor_div(z, 146097);
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* 0 = Sunday; 1970-01-01 was a Thursday. */
static int weekday(apr_int64_t days)
{
    return (int)(days - floor_div(days + 4, 7) * 7 + 4);
}

static int is_leap(apr_int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(apr_int64_t y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31 };
    return days[m - 1] + (m == 2 && is_leap(y));
}

/* Break local seconds down without gmtime_r(), which fails for some
 * apr_time_t values, and apr_time_exp_gmt(), whose tm_usec goes negative
 * before 1970. */
static void explode(apr_time_exp_t *tm, apr_int64_t local, apr_int32_t usec)
{
    apr_int64_t days = floor_div(local, SECS_PER_DAY), y;
    int rem = (int)(local - days * SECS_PER_DAY), m, d;

    civil_from_days(days, &y, &m, &d);
    memset(tm, 0, sizeof(*tm));
    tm->tm_usec = usec;
    tm->tm_sec = rem % 60;
    tm->tm_min = rem / 60 % 60;
    tm->tm_hour = rem / 3600;
    tm->tm_mday = d;
    tm->tm_mon = m - 1;
    tm->tm_year = (int)(y - 1900);
    tm->tm_wday = weekday(days);
    tm->tm_yday = (int)(days - days_from_civil(y, 1, 1));
}

/* ---- POSIX TZ strings (the footer of version 2+ files) ---- */

static int is_alpha(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* RFC 8536 3.2: abbreviations are alphanumerics, '-' and '+'. Holding
 * files to it also keeps markup out of the pages they end up in. */
static int is_abbr_char(char c)
{
    return is_alpha(c) || is_digit(c) || c == '-' || c == '+';
}

static int parse_num(const char **s, int max, int *out)
{
    const char *c = *s;
    int v = 0;

    if (!is_digit(*c)) {
        return 0;
    }
    for (; is_digit(*c); c++) {
        v = v * 10 + (*c - '0');
        if (v > max) {
            return 0;
        }
    }
    *s = c;
    *out = v;
    return 1;
}

/* [+-]hh[:mm[:ss]]; RFC 8536 allows rule times up to 167 hours. */
static int parse_hms(const char **s, int max_hours, long *secs)
{
    const char *c = *s;
    int sign = 1, h, m = 0, sec = 0;

    if (*c == '+' || *c == '-') {
        sign = *c++ == '-' ? -1 : 1;
    }
    if (!parse_num(&c, max_hours, &h)
        || (*c == ':' && (c++, !parse_num(&c, 59, &m)))
        || (*c == ':' && (c++, !parse_num(&c, 59, &sec)))) {
        return 0;
    }
    *s = c;
    *secs = sign * (h * 3600L + m * 60L + sec);
    return 1;
}

/* "PST" or "<+0530>", at least three characters. */
static int parse_abbr(apr_pool_t *p, const char **s, const char **abbr)
{
    const char *b = *s, *e;

    if (*b == '<') {
        for (e = ++b; is_abbr_char(*e); e++) {
        }
        if (*e != '>') {
            return 0;
        }
        *s = e + 1;
    }
    else {
        for (e = b; is_alpha(*e); e++) {
        }
        *s = e;
    }
    if (e - b < 3) {
        return 0;
    }
    *abbr = apr_pstrndup(p, b, e - b);
    return 1;
}

/* ",Mm.w.d[/time]", ",Jn[/time]" or ",n[/time]". */
static int parse_date(const char **s, tz_date *d)
{
    const char *c = *s;

    if (*c++ != ',') {
        return 0;
    }
    d->kind = (*c == 'M' || *c == 'J') ? *c++ : 'D';
    if (d->kind == 'M') {
        if (!parse_num(&c, 12, &d->month) || d->month < 1 || *c++ != '.'
            || !parse_num(&c, 5, &d->week) || d->week < 1 || *c++ != '.'
            || !parse_num(&c, 6, &d->wday)) {
            return 0;
        }
    }
    else if (!parse_num(&c, 365, &d->day)
             || (d->kind == 'J' && d->day < 1)) {
        return 0;
    }
    d->secs = 7200;
    if (*c == '/' && (c++, !parse_hms(&c, 167, &d->secs))) {
        return 0;
    }
    *s = c;
    return 1;
}

static int utoff_ok(long utoff)
{
    return utoff >= MIN_UTOFF && utoff <= MAX_UTOFF;
}

/* std offset [dst [offset] ,start[/time],end[/time]]. A DST zone without
 * rules means zone-specific defaults that no current file relies on, so it
 * counts as unusable. */
static const tz_rule *parse_tz_string(apr_pool_t *p, const char *s)
{
    tz_rule *rule = apr_pcalloc(p, sizeof(*rule));
    long off;

    if (!parse_abbr(p, &s, &rule->std.abbr) || !parse_hms(&s, 24, &off)
        || !utoff_ok(-off)) {
        return NULL;
    }
    rule->std.utoff = (apr_int32_t)-off;
    if (*s == '\0') {
        return rule;
    }
    if (!parse_abbr(p, &s, &rule->dst.abbr)) {
        return NULL;
    }
    off = -(rule->std.utoff + 3600L);
    if ((*s != ',' && !parse_hms(&s, 24, &off)) || !utoff_ok(-off)
        || !parse_date(&s, &rule->start) || !parse_date(&s, &rule->end)
        || *s != '\0') {
        return NULL;
    }
    rule->dst.utoff = (apr_int32_t)-off;
    rule->dst.isdst = 1;
    rule->has_dst = 1;
    return rule;
}

/* Local (wall clock) seconds of a rule date in year y. */
static apr_int64_t rule_time(const tz_date *d, apr_int64_t y)
{
    apr_int64_t day;
    int mday;

    if (d->kind == 'J') {
        /* Jn never counts Feb. 29 */
        day = days_from_civil(y, 1, 1) + d->day - 1
              + (is_leap(y) && d->day >= 60);
    }
    else if (d->kind == 'D') {
        day = days_from_civil(y, 1, 1) + d->day;
    }
    else {
        day = days_from_civil(y, d->month, 1);
        mday = 1 + (d->wday - weekday(day) + 7) % 7 + (d->week - 1) * 7;
        while (mday > month_days(y, d->month)) {
            mday -= 7;          /* week 5 means the last one */
        }
        day += mday - 1;
    }
    return day * SECS_PER_DAY + d->secs;
}

/* The type of the latest change at or before secs. Changes of the years
 * around secs are all looked at, so rules whose changes spill into another
 * year, and southern-hemisphere rules, need no special case; on a tie the
 * later change wins, which keeps all-year DST ("J365/25") in DST. */
static const tz_type *rule_type(const tz_rule *rule, apr_int64_t secs)
{
    apr_int64_t y, yy, at, best = APR_INT64_MIN;
    int m, d, isdst = 0;

    if (!rule->has_dst) {
        return &rule->std;
    }
    civil_from_days(floor_div(secs, SECS_PER_DAY), &y, &m, &d);
    for (yy = y - 1; yy <= y + 1; yy++) {
        /* the start is given in standard time, the end in DST */
        at = rule_time(&rule->start, yy) - rule->std.utoff;
        if (at <= secs && at >= best) {
            best = at;
            isdst = 1;
        }
        at = rule_time(&rule->end, yy) - rule->dst.utoff;
        if (at <= secs && at >= best) {
            best = at;
            isdst = 0;
        }
    }
    return isdst ? &rule->dst : &rule->std;
}

/* ---- TZif (RFC 8536) ---- */

static const unsigned char *take(reader *r, apr_size_t n)
{
    const unsigned char *at = r->p;

    if (n > r->left) {
        return NULL;
    }
    r->p += n;
    r->left -= n;
    return at;
}

static apr_uint32_t be32(const unsigned char *b)
{
    return ((apr_uint32_t)b[0] << 24) | ((apr_uint32_t)b[1] << 16)
           | ((apr_uint32_t)b[2] << 8) | b[3];
}

static apr_int64_t be64(const unsigned char *b)
{
    return (apr_int64_t)(((apr_uint64_t)be32(b) << 32) | be32(b + 4));
}

static const char *read_header(reader *r, tz_header *h)
{
    const unsigned char *b = take(r, HEADER_SIZE);

    if (b == NULL) {
        return "is truncated: no complete TZif header";
    }
    if (memcmp(b, "TZif", 4) != 0) {
        return "is not a TZif file";
    }
    if (b[4] != 0 && (b[4] < '2' || b[4] > '9')) {
        return "has an unknown TZif version";
    }
    h->version = b[4];
    h->isutcnt = be32(b + 20);
    h->isstdcnt = be32(b + 24);
    h->leapcnt = be32(b + 28);
    h->timecnt = be32(b + 32);
    h->typecnt = be32(b + 36);
    h->charcnt = be32(b + 40);
    return NULL;
}

/* Bytes of the data block after h; 64-bit sums, so no count can wrap. */
static apr_uint64_t block_size(const tz_header *h, apr_size_t tsize)
{
    return (apr_uint64_t)h->timecnt * (tsize + 1)
           + (apr_uint64_t)h->typecnt * 6 + h->charcnt
           + (apr_uint64_t)h->leapcnt * (tsize + 4)
           + (apr_uint64_t)h->isstdcnt + h->isutcnt;
}

static const char *check_counts(const tz_header *h, apr_size_t tsize,
                                apr_size_t left)
{
    if (h->typecnt == 0 || h->charcnt == 0) {
        return "has no local time types or no abbreviations";
    }
    if (h->typecnt > MAX_TYPES) {
        return "has more than 256 local time types";
    }
    if ((h->isstdcnt != 0 && h->isstdcnt != h->typecnt)
        || (h->isutcnt != 0 && h->isutcnt != h->typecnt)) {
        return "has inconsistent counts";
    }
    if (block_size(h, tsize) > left) {
        return "is truncated: counts exceed the data";
    }
    return NULL;
}

static const char *read_times(apr_pool_t *p, webcast_tz *tz,
                              const unsigned char *b, const unsigned char *idx,
                              apr_uint32_t n, apr_size_t tsize)
{
    apr_uint32_t i;

    tz->times = apr_palloc(p, (apr_size_t)n * sizeof(*tz->times) + 1);
    tz->idx = apr_palloc(p, (apr_size_t)n + 1);
    for (i = 0; i < n; i++) {
        tz->times[i] = tsize == 8 ? be64(b + 8 * (apr_size_t)i)
                                  : (apr_int32_t)be32(b + 4 * (apr_size_t)i);
        tz->idx[i] = idx[i];
        if (i > 0 && tz->times[i] <= tz->times[i - 1]) {
            return "has transitions out of order";
        }
        if (idx[i] >= tz->ntypes) {
            return "has a transition to an unknown local time type";
        }
    }
    tz->ntimes = n;
    return NULL;
}

/* The NUL-terminated abbreviation at chars[at], checked. */
static const char *abbr_at(apr_pool_t *p, const unsigned char *chars,
                           apr_uint32_t nchars, unsigned at)
{
    const unsigned char *end;
    const unsigned char *c;

    if (at >= nchars
        || (end = memchr(chars + at, '\0', nchars - at)) == NULL
        || end == chars + at) {
        return NULL;
    }
    for (c = chars + at; c < end; c++) {
        if (!is_abbr_char((char)*c)) {
            return NULL;
        }
    }
    return apr_pstrndup(p, (const char *)chars + at, end - (chars + at));
}

static const char *read_types(apr_pool_t *p, webcast_tz *tz,
                              const unsigned char *b, apr_uint32_t n,
                              const unsigned char *chars, apr_uint32_t nchars)
{
    apr_uint32_t i;

    tz->types = apr_palloc(p, n * sizeof(*tz->types));
    for (i = 0; i < n; i++, b += 6) {
        tz_type *ty = &tz->types[i];

        ty->utoff = (apr_int32_t)be32(b);
        ty->isdst = b[4];
        if (!utoff_ok(ty->utoff)) {
            return "has a UT offset out of range";
        }
        if (b[4] > 1) {
            return "has a bad DST flag";
        }
        if ((ty->abbr = abbr_at(p, chars, nchars, b[5])) == NULL) {
            return "has a bad time zone abbreviation";
        }
    }
    tz->ntypes = n;
    return NULL;
}

static const char *read_block(apr_pool_t *p, reader *r, const tz_header *h,
                              apr_size_t tsize, webcast_tz *tz)
{
    const unsigned char *times, *idx, *types, *chars;
    const char *err;

    if ((err = check_counts(h, tsize, r->left)) != NULL) {
        return err;
    }
    /* check_counts() proved that all of these fit */
    times = take(r, (apr_size_t)h->timecnt * tsize);
    idx = take(r, h->timecnt);
    types = take(r, (apr_size_t)h->typecnt * 6);
    chars = take(r, h->charcnt);
    take(r, (apr_size_t)h->leapcnt * (tsize + 4) + h->isstdcnt + h->isutcnt);
    err = read_types(p, tz, types, h->typecnt, chars, h->charcnt);
    if (err != NULL) {
        return err;
    }
    return read_times(p, tz, times, idx, h->timecnt, tsize);
}

/* "\nTZ string\n" after the version 2+ data. */
static const tz_rule *read_footer(apr_pool_t *p, reader *r)
{
    const unsigned char *nl;
    apr_size_t n;

    if (r->left < 2 || r->p[0] != '\n'
        || (nl = memchr(r->p + 1, '\n', r->left - 1)) == NULL) {
        return NULL;
    }
    n = nl - (r->p + 1);
    if (n == 0 || memchr(r->p + 1, '\0', n) != NULL) {
        return NULL;
    }
    return parse_tz_string(p, apr_pstrndup(p, (const char *)r->p + 1, n));
}

static const char *read_tzif(apr_pool_t *p, reader *r, webcast_tz *tz)
{
    tz_header h;
    const char *err;

    if ((err = read_header(r, &h)) != NULL) {
        return err;
    }
    if (h.version == 0) {
        return read_block(p, r, &h, 4, tz);
    }
    /* Version 2+ repeats the 32-bit block with 64-bit times: skip it. */
    if (block_size(&h, 4) > r->left) {
        return "is truncated: counts exceed the data";
    }
    take(r, (apr_size_t)block_size(&h, 4));
    if ((err = read_header(r, &h)) != NULL
        || (err = read_block(p, r, &h, 8, tz)) != NULL) {
        return err;
    }
    tz->rule = read_footer(p, r);
    return NULL;
}

const char *webcast_tz_parse(apr_pool_t *p, const char *name,
                             const unsigned char *data, apr_size_t len,
                             webcast_tz **out)
{
    webcast_tz *tz = apr_pcalloc(p, sizeof(*tz));
    reader r;
    const char *err;
    apr_uint32_t i;

    r.p = data;
    r.left = data ? len : 0;
    tz->name = apr_pstrdup(p, name ? name : "");
    if ((err = read_tzif(p, &r, tz)) != NULL) {
        return apr_psprintf(p, "time zone \"%s\" %s", tz->name, err);
    }
    tz->before = &tz->types[0];
    for (i = 0; i < tz->ntypes; i++) {
        if (!tz->types[i].isdst) {
            tz->before = &tz->types[i];
            break;
        }
    }
    *out = tz;
    return NULL;
}

/* ---- loading ---- */

#define NAME_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" \
                   "0123456789/_+-"

static const char *check_name(apr_pool_t *p, const char *name)
{
    const char *why = NULL, *s;

    if (name == NULL || *name == '\0') {
        return "time zone name is empty";
    }
    if (*name == '/') {
        why = "must be relative to the zoneinfo directory, "
              "such as America/Los_Angeles";
    }
    else if (strstr(name, "..") != NULL) {
        why = "must not hold \"..\"";
    }
    else if (strlen(name) > MAX_NAME_LEN) {
        why = "is too long";
    }
    else if (name[strspn(name, NAME_CHARS)] != '\0') {
        why = "may hold only A-Z a-z 0-9 / _ + -";
    }
    if (why == NULL) {
        return NULL;
    }
    for (s = name; *s; s++) {
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f) {
            /* not echoed: control bytes do not belong in a log */
            return apr_psprintf(p, "time zone name %s (it holds byte 0x%02x)",
                                why, (unsigned char)*s);
        }
    }
    return apr_psprintf(p, "time zone \"%s\" %s", name, why);
}

static const char *read_file(apr_pool_t *p, apr_pool_t *tmp, const char *name,
                             const char *path, unsigned char **data,
                             apr_size_t *len)
{
    apr_file_t *f;
    apr_finfo_t fi;
    apr_status_t rv;

    rv = apr_file_open(&f, path, APR_FOPEN_READ, APR_OS_DEFAULT, tmp);
    if (APR_STATUS_IS_ENOENT(rv) || APR_STATUS_IS_ENOTDIR(rv)) {
        return apr_psprintf(p, "unknown time zone \"%s\" (no %s)", name,
                            path);
    }
    if (rv == APR_SUCCESS) {
        rv = apr_file_info_get(&fi, APR_FINFO_TYPE | APR_FINFO_SIZE, f);
    }
    if (rv != APR_SUCCESS) {
        return apr_psprintf(p, "cannot read time zone \"%s\" from %s: %pm",
                            name, path, &rv);
    }
    if (fi.filetype != APR_REG || fi.size > MAX_FILE_SIZE) {
        return apr_psprintf(p, "time zone \"%s\": %s is not a time zone "
                            "file", name, path);
    }
    *data = apr_palloc(tmp, (apr_size_t)fi.size + 1);
    *len = 0;
    rv = fi.size ? apr_file_read_full(f, *data, (apr_size_t)fi.size, len)
                 : APR_SUCCESS;
    if (rv != APR_SUCCESS && !APR_STATUS_IS_EOF(rv)) {
        return apr_psprintf(p, "cannot read time zone \"%s\" from %s: %pm",
                            name, path, &rv);
    }
    return NULL;
}

const char *webcast_tz_load(apr_pool_t *p, const char *dir, const char *name,
                            webcast_tz **out)
{
    apr_pool_t *tmp;
    unsigned char *data = NULL;
    apr_size_t len = 0;
    const char *err, *path;

    if ((err = check_name(p, name)) != NULL) {
        return err;
    }
    path = apr_pstrcat(p, dir ? dir : WEBCAST_TZ_DIR, "/", name, NULL);
    /* the file's bytes are not needed once parsed */
    apr_pool_create(&tmp, p);
    err = read_file(p, tmp, name, path, &data, &len);
    if (err == NULL && (err = webcast_tz_parse(p, name, data, len, out))) {
        err = apr_psprintf(p, "%s (%s)", err, path);
    }
    apr_pool_destroy(tmp);
    return err;
}

const webcast_tz *webcast_tz_utc(apr_pool_t *p)
{
    webcast_tz *tz = apr_pcalloc(p, sizeof(*tz));

    tz->name = "UTC";
    tz->types = apr_pcalloc(p, sizeof(*tz->types));
    tz->types[0].abbr = "UTC";
    tz->ntypes = 1;
    tz->before = &tz->types[0];
    return tz;
}

const char *webcast_tz_name(const webcast_tz *tz)
{
    return tz->name;
}

/* ---- local time ---- */

static const tz_type *find_type(const webcast_tz *tz, apr_int64_t secs)
{
    apr_uint32_t lo = 0, hi = tz->ntimes, mid;

    if (tz->ntimes == 0 || secs > tz->times[tz->ntimes - 1]) {
        if (tz->rule != NULL) {
            return rule_type(tz->rule, secs);
        }
        return tz->ntimes ? &tz->types[tz->idx[tz->ntimes - 1]] : tz->before;
    }
    if (secs < tz->times[0]) {
        return tz->before;
    }
    /* times[lo] <= secs < times[hi] */
    while (hi - lo > 1) {
        mid = lo + (hi - lo) / 2;
        if (tz->times[mid] <= secs) {
            lo = mid;
        }
        else {
            hi = mid;
        }
    }
    return &tz->types[tz->idx[lo]];
}

const char *webcast_tz_local(const webcast_tz *tz, apr_time_t t,
                             apr_time_exp_t *tm)
{
    apr_int64_t secs = floor_div(t, APR_USEC_PER_SEC);
    apr_int64_t usec = t % APR_USEC_PER_SEC;
    const tz_type *ty = find_type(tz, secs);

    /* not t - secs * 10^6: that overflows near the smallest apr_time_t */
    if (usec < 0) {
        usec += APR_USEC_PER_SEC;
    }
    explode(tm, secs + ty->utoff, (apr_int32_t)usec);
    tm->tm_gmtoff = ty->utoff;
    tm->tm_isdst = ty->isdst;
    return ty->abbr;
}

/* Local seconds L are UTC L - o for an offset o in effect then. The
 * offsets a day before and after bracket every candidate, as no zone
 * changes its offset twice within two days: one fitting candidate is the
 * usual case, none a gap, two an overlap (the earlier is the first). */
int webcast_tz_to_utc(const webcast_tz *tz, int y, int mo, int d, int h,
                      int mi, apr_time_t *out)
{
    apr_int64_t local, cand[2], best = 0;
    int i, found = 0;

    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1
        || d > month_days(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59) {
        return -1;
    }
    local = days_from_civil(y, mo, d) * SECS_PER_DAY + h * 3600 + mi * 60;
    cand[0] = local - find_type(tz, local - SECS_PER_DAY)->utoff;
    cand[1] = local - find_type(tz, local + SECS_PER_DAY)->utoff;
    for (i = 0; i < 2; i++) {
        if (cand[i] + find_type(tz, cand[i])->utoff == local
            && (!found || cand[i] < best)) {
            best = cand[i];
            found = 1;
        }
    }
    if (!found) {
        return 1;
    }
    *out = apr_time_from_sec(best);
    return 0;
}

int webcast_time_day(const webcast_tz *tz, apr_time_t t)
{
    apr_time_exp_t tm;

    webcast_tz_local(tz, t, &tm);
    /* wraps only for years past 214747, far beyond any schedule */
    return (int)((tm.tm_year + APR_INT64_C(1900)) * 10000
                 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

apr_time_t webcast_time_next_day(const webcast_tz *tz, apr_time_t t)
{
    int today = webcast_time_day(tz, t), m, d, h;
    apr_int64_t y;
    apr_time_t out;

    civil_from_days(days_from_civil(today / 10000, today / 100 % 100,
                                    today % 100) + 1, &y, &m, &d);
    /* a zone whose clocks skip midnight starts that day at 1:00 */
    for (h = 0; h < 24; h++) {
        if (webcast_tz_to_utc(tz, (int)y, m, d, h, 0, &out) == 0) {
            return out;
        }
    }
    return t + apr_time_from_sec(SECS_PER_DAY);
}

/* ---- AP style ---- */

static const char *const ap_months[12] = {
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
};

static const char *const weekdays[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday"
};

static const char *ap_clock(apr_pool_t *p, const apr_time_exp_t *tm)
{
    int h12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;
    const char *ampm = tm->tm_hour < 12 ? "a.m." : "p.m.";

    if (tm->tm_min == 0 && tm->tm_hour == 0) {
        return "midnight";
    }
    if (tm->tm_min == 0 && tm->tm_hour == 12) {
        return "noon";
    }
    if (tm->tm_min == 0) {
        return apr_psprintf(p, "%d %s", h12, ampm);
    }
    return apr_psprintf(p, "%d:%02d %s", h12, tm->tm_min, ampm);
}

static const char *ap_date(apr_pool_t *p, const apr_time_exp_t *tm)
{
    return apr_psprintf(p, "%s, %s %d, %d", weekdays[tm->tm_wday],
                        ap_months[tm->tm_mon], tm->tm_mday,
                        tm->tm_year + 1900);
}

static const char *ap_shortdate(apr_pool_t *p, const apr_time_exp_t *tm)
{
    return apr_psprintf(p, "%s %d", ap_months[tm->tm_mon], tm->tm_mday);
}

static const char *iso_datetime(apr_pool_t *p, const apr_time_exp_t *tm,
                                const char *zone)
{
    return apr_psprintf(p, "%04d-%02d-%02dT%02d:%02d:%02d%s",
                        tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
                        tm->tm_hour, tm->tm_min, tm->tm_sec, zone);
}

static const char *iso(apr_pool_t *p, const apr_time_exp_t *tm,
                       apr_time_t t)
{
    apr_int32_t off = tm->tm_gmtoff;
    apr_time_exp_t utc;

    if (off % 60 != 0) {
        /* HTML offsets have no seconds; local mean time before 1883 has */
        explode(&utc, floor_div(t, APR_USEC_PER_SEC), 0);
        return iso_datetime(p, &utc, "Z");
    }
    return iso_datetime(p, tm, apr_psprintf(p, "%c%02d:%02d",
                                            off < 0 ? '-' : '+',
                                            (off < 0 ? -off : off) / 3600,
                                            (off < 0 ? -off : off) / 60 % 60));
}

const char *webcast_time_format(apr_pool_t *p, const webcast_tz *tz,
                                apr_time_t t, webcast_time_style style)
{
    apr_time_exp_t tm;
    const char *abbr = webcast_tz_local(tz, t, &tm);

    switch (style) {
    case WEBCAST_TIME_DATE:
        return ap_date(p, &tm);
    case WEBCAST_TIME_SHORTDATE:
        return ap_shortdate(p, &tm);
    case WEBCAST_TIME_CLOCK:
        return ap_clock(p, &tm);
    case WEBCAST_TIME_FULL:
        return apr_pstrcat(p, ap_date(p, &tm), ", at ", ap_clock(p, &tm),
                           " ", abbr, NULL);
    case WEBCAST_TIME_ISO:
        return iso(p, &tm, t);
    }
    return NULL;
}

const char *webcast_day_format(apr_pool_t *p, int yyyymmdd,
                               webcast_time_style style)
{
    int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
    apr_time_exp_t tm;

    if (yyyymmdd <= 0 || m < 1 || m > 12 || d < 1 || d > month_days(y, m)) {
        return NULL;
    }
    explode(&tm, days_from_civil(y, m, d) * SECS_PER_DAY, 0);
    switch (style) {
    case WEBCAST_TIME_SHORTDATE:
        return ap_shortdate(p, &tm);
    case WEBCAST_TIME_ISO:
        return apr_psprintf(p, "%04d-%02d-%02d", y, m, d);
    default:
        return ap_date(p, &tm);
    }
}
