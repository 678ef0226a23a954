/* webcast_form.c - field tables, form checking, value conversions.
 *
 * Every rule of SPEC section 6 lives here, in code that needs neither
 * httpd nor a database, so each is unit-tested. What a person typed is
 * kept as typed (raw) whatever happens, so a form shown again with its
 * messages loses nothing.
 */
#include <stdlib.h>
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_form.h"
#include "webcast_html.h"
#include "webcast_route.h"
#include "webcast_state.h"

#define TEXT_MAX 65535          /* bytes in a TEXT column */
#define NOTICE_MAX 1000         /* a notice is short: a line or two */

static const webcast_field workshop_fields[WF_COUNT] = {
    { "slug", "Web address (slug)",
      "The workshop's address on the public site: workshops/<slug>/. "
      "Lower-case letters a-z, digits and hyphens, e.g. reporting-2026. "
      "Changing it breaks links people have saved.",
      "Enter a slug, e.g. reporting-2026.", WEBCAST_FIELD_SLUG, 64, 1 },
    { "title", "Title", NULL, "Enter the workshop's title.",
      WEBCAST_FIELD_LINE, 255, 1 },
    { "summary", "Summary",
      "Shown on the workshop page. A blank line starts a new paragraph.",
      NULL, WEBCAST_FIELD_TEXT, TEXT_MAX, 0 },
    { "location", "Location",
      "e.g. Kearny Digital Media Center, San Francisco",
      NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "starts_on", "First day", NULL, "Enter the first day.",
      WEBCAST_FIELD_DATE, 10, 1 },
    { "ends_on", "Last day", NULL, "Enter the last day.",
      WEBCAST_FIELD_DATE, 10, 1 },
    { "live_stream", "Live stream name",
      "The room's live stream on the streaming server, e.g. "
      "kdmc-room1.sdp. Presentations use it when they go live, unless "
      "they name their own.", NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "notice", "Notice for viewers",
      "A short message shown on the workshop page, e.g. \u201cThe "
      "afternoon session moves to room 2.\u201d Leave it empty for none.",
      NULL, WEBCAST_FIELD_TEXT, NOTICE_MAX, 0 },
};

static const webcast_field presentation_fields[PF_COUNT] = {
    { "workshop_id", "Workshop", NULL, "Pick the workshop.",
      WEBCAST_FIELD_WORKSHOP, 10, 1 },
    { "title", "Title", NULL, "Enter the presentation's title.",
      WEBCAST_FIELD_LINE, 255, 1 },
    { "speaker_name", "Speaker", "e.g. Maria Alvarez", NULL,
      WEBCAST_FIELD_LINE, 255, 1 },
    { "speaker_affiliation", "Speaker's affiliation",
      "e.g. San Joaquin Valley Times", NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "speaker_bio", "About the speaker",
      "A blank line starts a new paragraph.", NULL, WEBCAST_FIELD_TEXT,
      TEXT_MAX, 0 },
    { "summary", "Summary", "A blank line starts a new paragraph.", NULL,
      WEBCAST_FIELD_TEXT, TEXT_MAX, 0 },
    { "starts_at", "Starts", NULL, "Enter the day and time it starts.",
      WEBCAST_FIELD_DATETIME, 19, 1 },
    { "ends_at", "Ends", NULL, "Enter the day and time it ends.",
      WEBCAST_FIELD_DATETIME, 19, 1 },
    { "slides_url", "Slides (web address)",
      "A link to the PowerPoint, Keynote or PDF file, starting with "
      "https:// or http://, or its path on this site, such as "
      "/slides/2026/talk.pdf", NULL, WEBCAST_FIELD_LINK, 1024, 0 },
    { "has_webcast", "Webcast",
      "Tick if this presentation is webcast (live, archived, or by "
      "another organisation).", NULL, WEBCAST_FIELD_BOOL, 1, 1 },
    { "webcast_state", "Webcast state",
      "Upcoming, then Live, then Ended, then Archive ready. Archive ready "
      "needs the archive path and file name; External needs the "
      "organisation and its web address.", "Pick a state.",
      WEBCAST_FIELD_STATE, 9, 1 },
    { "webcast_auto", "Follow the schedule",
      "Ticked, the state changes by itself: Upcoming until the start, "
      "Live until the end, then Ended (or Archive ready once the archive "
      "path and file name are filled in). Choosing a state by hand "
      "unticks it.", NULL, WEBCAST_FIELD_BOOL, 1, 1 },
    { "webcast_path", "Archive path",
      "The folder of the archived video on the streaming server, e.g. "
      "kdmc/2026", NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "webcast_filename", "Archive file name", "e.g. alvarez-lunch.mov",
      NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "archive_bytes", "Download size (bytes)",
      "The size of the archive's download file, which podcast apps are "
      "told, e.g. 734003200 (a file manager or ls -l shows it). Leave it "
      "empty if you do not know it.", NULL, WEBCAST_FIELD_BYTES, 24, 0 },
    { "live_stream", "Live stream name",
      "Only if this presentation is streamed on another stream than the "
      "workshop's.", NULL, WEBCAST_FIELD_LINE, 255, 0 },
    { "external_name", "Webcast by (organisation)",
      "For the External state, e.g. C-SPAN", NULL, WEBCAST_FIELD_LINE, 255,
      0 },
    { "external_url", "Their webcast's web address",
      "For the External state, starting with https:// or http://", NULL,
      WEBCAST_FIELD_URL, 1024, 0 },
    { "notice", "Notice for viewers",
      "A short message shown with the webcast, e.g. \u201cTechnical "
      "difficulties: back in five minutes.\u201d Leave it empty for none.",
      NULL, WEBCAST_FIELD_TEXT, NOTICE_MAX, 0 },
};

const webcast_field *webcast_fields(webcast_kind kind, int *n)
{
    if (kind == WEBCAST_WORKSHOP) {
        *n = WF_COUNT;
        return workshop_fields;
    }
    *n = PF_COUNT;
    return presentation_fields;
}

const char *webcast_kind_name(webcast_kind kind)
{
    return kind == WEBCAST_WORKSHOP ? "workshop" : "presentation";
}

webcast_record *webcast_record_new(apr_pool_t *p, webcast_kind kind)
{
    webcast_record *rec = apr_pcalloc(p, sizeof(*rec));
    int n;

    webcast_fields(kind, &n);
    rec->kind = kind;
    rec->value = apr_pcalloc(p, n * sizeof(const char *));
    return rec;
}

const char *webcast_state_label(webcast_state state)
{
    static const char *const labels[] = {
        "Upcoming", "Live", "Ended", "Archive ready", "External"
    };
    return state >= 0 && state < WEBCAST_STATE_UNKNOWN ? labels[state]
                                                       : "Unknown";
}

int webcast_value_equal(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

int webcast_record_same(const webcast_record *a, const webcast_record *b)
{
    int n, i;

    if (a->kind != b->kind) {
        return 0;
    }
    webcast_fields(a->kind, &n);
    for (i = 0; i < n; i++) {
        if (!webcast_value_equal(a->value[i], b->value[i])) {
            return 0;
        }
    }
    return 1;
}

/* ---- text ---- */

/* Characters in s, or -1 when s is not UTF-8. */
static long utf8_chars(const char *s)
{
    long n = 0;

    while (*s) {
        apr_size_t len = webcast_utf8_len(s);
        if (len == 0) {
            return -1;
        }
        s += len;
        n++;
    }
    return n;
}

/* One line of text: tabs become spaces, other control bytes are refused
 * (a browser's text box cannot make them, and they would corrupt pages
 * and stream URLs). */
static const char *check_line(apr_pool_t *p, const webcast_field *f,
                              char *s)
{
    char *c;
    long n;

    for (c = s; *c; c++) {
        if (*c == '\t') {
            *c = ' ';
        }
        else if ((unsigned char)*c < 0x20 || *c == 0x7f) {
            return "This must be one line of plain text: it holds a line "
                   "break or a control character.";
        }
    }
    n = utf8_chars(s);
    if (n < 0) {
        return "This holds bytes that are not UTF-8 text. Please retype it.";
    }
    if ((apr_size_t)n > f->max) {
        return apr_psprintf(p, "This is %ld characters long; the most is "
                            "%lu. Please shorten it.", n,
                            (unsigned long)f->max);
    }
    return NULL;
}

/* Paragraphs: line ends become "\n" (browsers send "\r\n"). */
static const char *check_text(apr_pool_t *p, const webcast_field *f,
                              char *s)
{
    char *in, *out;

    for (in = out = s; *in; in++) {
        if (*in == '\r') {
            *out++ = '\n';
            in += in[1] == '\n';
        }
        else if ((unsigned char)*in < 0x20 && *in != '\n' && *in != '\t') {
            return "This holds a control character. Please retype it.";
        }
        else {
            *out++ = *in;
        }
    }
    *out = '\0';
    if (utf8_chars(s) < 0) {
        return "This holds bytes that are not UTF-8 text. Please retype it.";
    }
    if (strlen(s) > f->max) {
        return apr_psprintf(p, "This is %lu bytes long; the most is %lu. "
                            "Please shorten it.", (unsigned long)strlen(s),
                            (unsigned long)f->max);
    }
    return NULL;
}

/* A size in bytes: digits, with the separators people type in large
 * numbers ("734,003,200", "734 003 200") left out. */
static const char *check_bytes(apr_pool_t *p, const char *s, const char **v)
{
    char *out = apr_palloc(p, strlen(s) + 1), *o = out;

    for (; *s; s++) {
        if (apr_isdigit(*s) && (o > out || *s != '0')) {
            *o++ = *s;
        }
        else if (!apr_isdigit(*s) && *s != ',' && *s != ' ' && *s != '_') {
            return "Enter the size in bytes as a whole number, e.g. "
                   "734003200.";
        }
    }
    *o = '\0';
    if (o == out) {
        return "A file has at least one byte: leave this empty if you do "
               "not know the size.";
    }
    if (o - out > 15) {
        return "That is more than a petabyte: enter the size in bytes, "
               "e.g. 734003200.";
    }
    *v = out;
    return NULL;
}

/* ---- dates and times ---- */

static int parse_date(const char **s, int *y, int *m, int *d)
{
    return webcast_digits(s, 4, y) && *(*s)++ == '-' && webcast_digits(s, 2, m)
           && *(*s)++ == '-' && webcast_digits(s, 2, d);
}

/* "2026-11-25T12:00", "2026-11-25 12:00" or with ":SS". */
static int parse_datetime(const char *s, int f[6])
{
    f[5] = 0;
    if (!parse_date(&s, &f[0], &f[1], &f[2]) || (*s != 'T' && *s != ' ')) {
        return 0;
    }
    s++;
    if (!webcast_digits(&s, 2, &f[3]) || *s++ != ':' || !webcast_digits(&s, 2, &f[4])) {
        return 0;
    }
    if (*s == ':' && (s++, !webcast_digits(&s, 2, &f[5]) || f[5] > 59)) {
        return 0;
    }
    return *s == '\0';
}

static const char *utc_string(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    webcast_tz_local(webcast_tz_utc(p), t, &tm);
    return apr_psprintf(p, "%04d-%02d-%02d %02d:%02d:%02d",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *check_date(apr_pool_t *p, const char *s, const char **v)
{
    const char *c = s;
    int y, m, d;
    apr_time_t t;

    if (!parse_date(&c, &y, &m, &d) || *c != '\0') {
        return "Enter a date as year-month-day, e.g. 2026-11-23.";
    }
    if (y < 1970 || y > 9999
        || webcast_tz_to_utc(webcast_tz_utc(p), y, m, d, 0, 0, &t) != 0) {
        return "There is no such day.";
    }
    *v = apr_psprintf(p, "%04d-%02d-%02d", y, m, d);
    return NULL;
}

static const char *check_datetime(apr_pool_t *p, const webcast_tz *tz,
                                  const char *s, const char **v)
{
    int f[6], rc;
    apr_time_t t = 0;

    if (!parse_datetime(s, f)) {
        return "Enter a day and a time, e.g. 2026-11-25 12:00.";
    }
    /* 9998: the UTC value must stay within MySQL's DATETIME (year 9999)
     * whatever the zone's offset */
    rc = f[0] < 1970 || f[0] > 9998 ? -1
         : webcast_tz_to_utc(tz, f[0], f[1], f[2], f[3], f[4], &t);
    if (rc < 0) {
        return "There is no such day or time.";
    }
    if (rc > 0) {
        return apr_psprintf(p, "%02d:%02d does not exist on that day in %s: "
                            "the clocks skip an hour. Pick a time before or "
                            "after it.", f[3], f[4], webcast_tz_name(tz));
    }
    *v = utc_string(p, t + apr_time_from_sec(f[5]));
    return NULL;
}

apr_time_t webcast_value_time(const char *value)
{
    apr_time_exp_t tm;
    apr_time_t t;
    int f[6];

    if (value == NULL || !parse_datetime(value, f) || f[0] < 1970
        || f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23
        || f[4] > 59) {
        return 0;
    }
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = f[0] - 1900;
    tm.tm_mon = f[1] - 1;
    tm.tm_mday = f[2];
    tm.tm_hour = f[3];
    tm.tm_min = f[4];
    tm.tm_sec = f[5];
    return apr_time_exp_gmt_get(&t, &tm) == APR_SUCCESS ? t : 0;
}

/* ---- one field ---- */

/* Check raw text for field f: sets *v to the value to store (NULL for
 * SQL NULL) and returns NULL, or returns the message to show. */
static const char *check_field(apr_pool_t *p, const webcast_tz *tz,
                               const webcast_field *f, const char *raw,
                               const char **v)
{
    char *s;
    const char *err = NULL;
    apr_uint32_t id;

    *v = NULL;
    if (f->type == WEBCAST_FIELD_BOOL) {
        *v = raw && *raw && strcmp(raw, "0") != 0 ? "1" : "0";
        return NULL;
    }
    s = webcast_trim(p, raw ? raw : "");
    if (*s == '\0') {
        if (f->missing) {
            return f->missing;
        }
        *v = f->not_null ? "" : NULL;
        return NULL;
    }
    switch (f->type) {
    case WEBCAST_FIELD_LINE:
        err = check_line(p, f, s);
        break;
    case WEBCAST_FIELD_TEXT:
        err = check_text(p, f, s);
        break;
    case WEBCAST_FIELD_SLUG:
        if (!webcast_slug_valid(s, strlen(s))) {
            err = "Use only lower-case letters a-z, digits and hyphens, at "
                  "most 64, e.g. reporting-2026.";
        }
        break;
    case WEBCAST_FIELD_URL:
    case WEBCAST_FIELD_LINK:
        if (!webcast_url_linkable(s) && (f->type == WEBCAST_FIELD_URL
                                         || !webcast_url_site_relative(s))) {
            err = f->type == WEBCAST_FIELD_URL
                ? "Enter a web address that starts with https:// or "
                  "http://, without spaces."
                : "Enter a web address that starts with https:// or "
                  "http://, or a path on this site that starts with one /, "
                  "such as /slides/talk.pdf, without spaces.";
        }
        else if (strlen(s) > f->max) {
            err = apr_psprintf(p, "This address is %lu characters long; the "
                               "most is %lu.", (unsigned long)strlen(s),
                               (unsigned long)f->max);
        }
        break;
    case WEBCAST_FIELD_DATE:
        return check_date(p, s, v);
    case WEBCAST_FIELD_DATETIME:
        return check_datetime(p, tz, s, v);
    case WEBCAST_FIELD_BYTES:
        return check_bytes(p, s, v);
    case WEBCAST_FIELD_STATE:
        if (webcast_state_parse(s) == WEBCAST_STATE_UNKNOWN) {
            err = "Pick one of the five states.";
        }
        break;
    case WEBCAST_FIELD_WORKSHOP:
        if (!webcast_parse_id(s, strlen(s), &id)) {
            err = "Pick the workshop.";
        }
        break;
    default:
        break;
    }
    if (err == NULL) {
        *v = s;
    }
    return err;
}

/* ---- rules between fields ---- */

static int flag(const char **error, int i, const char *msg)
{
    if (error[i] != NULL) {
        return 0;
    }
    error[i] = msg;
    return 1;
}

int webcast_record_check(apr_pool_t *p, webcast_kind kind,
                         const char *const *v, const char **error)
{
    int n = 0;

    if (kind == WEBCAST_WORKSHOP) {
        if (v[WF_STARTS_ON] && v[WF_ENDS_ON] && !error[WF_STARTS_ON]
            && strcmp(v[WF_ENDS_ON], v[WF_STARTS_ON]) < 0) {
            n += flag(error, WF_ENDS_ON, "The last day must be on or after "
                      "the first day.");
        }
        return n;
    }
    if (v[PF_STARTS_AT] && v[PF_ENDS_AT] && !error[PF_STARTS_AT]
        && strcmp(v[PF_ENDS_AT], v[PF_STARTS_AT]) <= 0) {
        n += flag(error, PF_ENDS_AT, "The end must be after the start.");
    }
    switch (webcast_state_parse(v[PF_STATE])) {
    case WEBCAST_STATE_ARCHIVE:
        if (v[PF_WEBCAST_PATH] == NULL) {
            n += flag(error, PF_WEBCAST_PATH, "Archive ready needs the "
                      "archive's path on the streaming server.");
        }
        if (v[PF_WEBCAST_FILENAME] == NULL) {
            n += flag(error, PF_WEBCAST_FILENAME, "Archive ready needs the "
                      "archive's file name.");
        }
        break;
    case WEBCAST_STATE_EXTERNAL:
        if (v[PF_EXTERNAL_NAME] == NULL) {
            n += flag(error, PF_EXTERNAL_NAME, "External needs the name of "
                      "the organisation that webcasts it.");
        }
        if (v[PF_EXTERNAL_URL] == NULL) {
            n += flag(error, PF_EXTERNAL_URL, "External needs the web "
                      "address of their webcast (https:// or http://).");
        }
        break;
    default:
        break;
    }
    (void)p;
    return n;
}

/* ---- forms ---- */

static webcast_form *form_new(apr_pool_t *p, webcast_kind kind)
{
    webcast_form *form = apr_pcalloc(p, sizeof(*form));
    int n;

    webcast_fields(kind, &n);
    form->kind = kind;
    form->raw = apr_pcalloc(p, n * sizeof(const char *));
    form->value = apr_pcalloc(p, n * sizeof(const char *));
    form->error = apr_pcalloc(p, n * sizeof(const char *));
    form->note = apr_pcalloc(p, n * sizeof(const char *));
    return form;
}

webcast_form *webcast_form_parse(apr_pool_t *p, webcast_kind kind,
                                 const webcast_tz *tz, apr_table_t *in)
{
    webcast_form *form = form_new(p, kind);
    int n, i;
    const webcast_field *f = webcast_fields(kind, &n);

    for (i = 0; i < n; i++) {
        form->raw[i] = apr_table_get(in, f[i].name);
        form->error[i] = check_field(p, tz, &f[i], form->raw[i],
                                     &form->value[i]);
        form->nerrors += form->error[i] != NULL;
    }
    form->nerrors += webcast_record_check(p, kind, form->value, form->error);
    return form;
}

webcast_form *webcast_form_from_record(apr_pool_t *p, const webcast_tz *tz,
                                       const webcast_record *rec)
{
    webcast_form *form = form_new(p, rec->kind);
    int n, i;
    const webcast_field *f = webcast_fields(rec->kind, &n);

    for (i = 0; i < n; i++) {
        form->value[i] = rec->value[i];
        form->raw[i] = webcast_value_for_form(p, tz, &f[i], rec->value[i]);
    }
    return form;
}

const char *webcast_value_for_form(apr_pool_t *p, const webcast_tz *tz,
                                   const webcast_field *f, const char *value)
{
    apr_time_exp_t tm;
    apr_time_t t;

    switch (f->type) {
    case WEBCAST_FIELD_BOOL:
        return value && strcmp(value, "0") != 0 ? "1" : NULL;
    case WEBCAST_FIELD_DATETIME:
        if ((t = webcast_value_time(value)) == 0) {
            return value ? value : "";
        }
        webcast_tz_local(tz, t, &tm);
        return apr_psprintf(p, tm.tm_sec ? "%04d-%02d-%02dT%02d:%02d:%02d"
                                         : "%04d-%02d-%02dT%02d:%02d",
                            tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                            tm.tm_hour, tm.tm_min, tm.tm_sec);
    default:
        return value ? value : "";
    }
}

const char *webcast_value_readable(apr_pool_t *p, const webcast_tz *tz,
                                   const webcast_field *f, const char *value)
{
    apr_time_t t;
    const char *s;

    if (value == NULL) {
        return "(empty)";
    }
    switch (f->type) {
    case WEBCAST_FIELD_BOOL:
        return strcmp(value, "0") != 0 ? "yes" : "no";
    case WEBCAST_FIELD_STATE:
        return webcast_state_label(webcast_state_parse(value));
    case WEBCAST_FIELD_DATETIME:
        t = webcast_value_time(value);
        return t ? webcast_time_format(p, tz, t, WEBCAST_TIME_FULL) : value;
    case WEBCAST_FIELD_DATE:
        /* "yyyy-mm-dd"; anything shorter is shown as it is (never read
         * past its end: audit rows may come from elsewhere) */
        if (strlen(value) != 10) {
            return value;
        }
        s = webcast_day_format(p, atoi(value) * 10000
                               + atoi(value + 5) * 100 + atoi(value + 8),
                               WEBCAST_TIME_DATE);
        return s ? s : value;
    case WEBCAST_FIELD_WORKSHOP:
        return apr_pstrcat(p, "workshop #", value, NULL);
    case WEBCAST_FIELD_BYTES:
        return apr_pstrcat(p, value, " bytes", NULL);
    default:
        return *value ? value : "(empty)";
    }
}

/* ---- application/x-www-form-urlencoded ---- */

static int hexval(char c)
{
    return apr_isdigit(c) ? c - '0'
           : (c >= 'a' && c <= 'f') ? c - 'a' + 10
           : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

/* Decode n bytes at s; NULL when malformed or holding a NUL byte. */
static char *decode(apr_pool_t *p, const char *s, apr_size_t n)
{
    char *out = apr_palloc(p, n + 1), *o = out;
    apr_size_t i;

    for (i = 0; i < n; i++) {
        if (s[i] == '+') {
            *o++ = ' ';
        }
        else if (s[i] == '%') {
            int hi, lo;
            if (i + 2 >= n) {
                return NULL;
            }
            hi = hexval(s[i + 1]);
            lo = hexval(s[i + 2]);
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) {
                return NULL;
            }
            *o++ = (char)(hi * 16 + lo);
            i += 2;
        }
        else if (s[i] == '\0') {
            return NULL;
        }
        else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

const char *webcast_form_urldecode(apr_pool_t *p, const char *body,
                                   apr_size_t len, apr_table_t **out)
{
    const char *end = body + len;

    *out = apr_table_make(p, 24);
    while (body < end) {
        const char *amp = memchr(body, '&', end - body);
        const char *stop = amp ? amp : end;
        const char *eq = memchr(body, '=', stop - body);
        char *name, *value;

        if (stop > body) {
            name = decode(p, body, (eq ? eq : stop) - body);
            value = eq ? decode(p, eq + 1, stop - eq - 1) : "";
            if (name == NULL || value == NULL) {
                return "the form data holds a malformed %-escape or a NUL "
                       "byte";
            }
            apr_table_addn(*out, name, value);
        }
        body = stop + (amp != NULL);
    }
    return NULL;
}

static int filled(const char *s)
{
    return s != NULL && *s != '\0';
}

webcast_state webcast_record_shown(apr_pool_t *p, const webcast_record *rec,
                                   apr_time_t now,
                                   const webcast_pattern *live_url,
                                   const webcast_pattern *live_hls,
                                   apr_time_t *since, apr_time_t *until)
{
    webcast_presentation pr;
    const char *const *v = rec->value;

    memset(&pr, 0, sizeof(pr));
    pr.id = rec->id;
    pr.has_webcast = filled(v[PF_HAS_WEBCAST])
                     && strcmp(v[PF_HAS_WEBCAST], "0") != 0;
    pr.webcast_auto = filled(v[PF_WEBCAST_AUTO])
                      && strcmp(v[PF_WEBCAST_AUTO], "0") != 0;
    pr.stored_state = webcast_state_parse(v[PF_STATE]);
    pr.starts_at = webcast_value_time(v[PF_STARTS_AT]);
    pr.ends_at = webcast_value_time(v[PF_ENDS_AT]);
    pr.webcast_path = v[PF_WEBCAST_PATH];
    pr.webcast_filename = v[PF_WEBCAST_FILENAME];
    pr.live_stream = filled(v[PF_LIVE_STREAM]) ? v[PF_LIVE_STREAM]
                                               : rec->workshop_live_stream;
    pr.external_url = v[PF_EXTERNAL_URL];
    if (live_url || live_hls) {
        webcast_clock_apply(p, &pr, now, live_url, live_hls);
    }
    else {
        pr.state = webcast_clock_state(&pr, now, filled(pr.live_stream));
    }
    *since = webcast_clock_last(&pr, now);
    *until = webcast_clock_next(&pr, now);
    return pr.state;
}

void webcast_record_manual_wins(webcast_record *rec, const char *before)
{
    if (!webcast_value_equal(rec->value[PF_STATE], before)) {
        rec->value[PF_WEBCAST_AUTO] = "0";
    }
}
