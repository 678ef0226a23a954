/* webcast_ical.c - iCalendar (RFC 5545) out of presentations.
 *
 * Lines are built unfolded, from values escaped where they are written,
 * then folded one by one (webcast_ical_fold), so no value can reach the
 * output without both.
 */
#include <string.h>

#include <apr_strings.h>
#include <apr_tables.h>

#include "webcast_html.h"
#include "webcast_ical.h"
#include "webcast_state.h"

#define FOLD_AT 75                  /* octets, excluding the CRLF */
#define SEQUENCE_EPOCH APR_INT64_C(1577836800)  /* 2020-01-01T00:00:00Z */

const char *webcast_ical_text(apr_pool_t *p, const char *s)
{
    apr_size_t n, i = 0, o = 0;
    char *out;

    if (s == NULL) {
        return "";
    }
    n = strlen(s);
    out = apr_palloc(p, n * 3 + 1);     /* the worst case: U+FFFD each */
    while (i < n) {
        apr_size_t len = webcast_utf8_len(s + i);
        unsigned char c = (unsigned char)s[i];

        if (len == 0) {
            memcpy(out + o, "\xef\xbf\xbd", 3);
            o += 3, i++;
        }
        else if (len > 1) {
            memcpy(out + o, s + i, len);
            o += len, i += len;
        }
        else if (c == '\\' || c == ';' || c == ',') {
            out[o++] = '\\', out[o++] = (char)c, i++;
        }
        else if (c == '\n' || c == '\r') {
            /* CRLF, LF or a lone CR: one line break */
            i += c == '\r' && s[i + 1] == '\n' ? 2 : 1;
            out[o++] = '\\', out[o++] = 'n';
        }
        else if ((c < 0x20 && c != '\t') || c == 0x7f) {
            i++;                        /* TEXT holds no control character */
        }
        else {
            out[o++] = (char)c, i++;
        }
    }
    out[o] = '\0';
    return out;
}

const char *webcast_ical_fold(apr_pool_t *p, const char *line)
{
    apr_size_t n = strlen(line), i = 0, o = 0, col = 0;
    /* a continuation line carries at least FOLD_AT - 4 octets */
    char *out = apr_palloc(p, n + 3 * (n / (FOLD_AT - 4) + 2) + 3);

    while (i < n) {
        apr_size_t len = webcast_utf8_len(line + i);

        len = len ? len : 1;
        if (col + len > FOLD_AT) {
            memcpy(out + o, "\r\n ", 3);
            o += 3, col = 1;
        }
        memcpy(out + o, line + i, len);
        o += len, i += len, col += len;
    }
    memcpy(out + o, "\r\n", 3);
    return out;
}

const char *webcast_ical_time(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    apr_time_exp_gmt(&tm, t);
    return apr_psprintf(p, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900,
                        tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                        tm.tm_sec);
}

long webcast_ical_sequence(apr_time_t modified)
{
    apr_int64_t s = apr_time_sec(modified) - SEQUENCE_EPOCH;

    return s < 0 ? 0 : s > 2147483647 ? 2147483647 : (long)s;
}

typedef struct {
    apr_pool_t *p;
    apr_array_header_t *lines;
} out_t;

/* NAME:value, the value already in its escaped form. */
static void prop(out_t *o, const char *name, const char *value)
{
    *(const char **)apr_array_push(o->lines) =
        webcast_ical_fold(o->p, apr_pstrcat(o->p, name, ":", value, NULL));
}

static void text_prop(out_t *o, const char *name, const char *value)
{
    if (value && *value) {
        prop(o, name, webcast_ical_text(o->p, value));
    }
}

/* A URI value is not TEXT-escaped: only URLs that need no escaping
 * (http(s), printable ASCII, no space) are written at all. */
static void uri_prop(out_t *o, const char *name, const char *url)
{
    if (webcast_url_linkable(url)) {
        prop(o, name, url);
    }
}

static void event(out_t *o, const webcast_feed *f,
                  const webcast_presentation *pr)
{
    apr_time_t modified = webcast_feed_modified(pr, f->now);
    const char *stamp = webcast_ical_time(o->p, modified);

    prop(o, "BEGIN", "VEVENT");
    text_prop(o, "UID", webcast_feed_uid(o->p, f, pr));
    /* DTSTAMP is when this version of the event was made, not when it
     * was sent: the same bytes for the same data, so ETags and 304s
     * work and a cached copy is the copy a fresh one would be. */
    prop(o, "DTSTAMP", stamp);
    prop(o, "DTSTART", webcast_ical_time(o->p, pr->starts_at));
    /* an event without DTEND lasts no time (RFC 5545 3.6.1) */
    if (pr->ends_at > pr->starts_at) {
        prop(o, "DTEND", webcast_ical_time(o->p, pr->ends_at));
    }
    prop(o, "SEQUENCE", apr_psprintf(o->p, "%ld",
                                     webcast_ical_sequence(modified)));
    prop(o, "LAST-MODIFIED", stamp);
    text_prop(o, "SUMMARY", pr->title && *pr->title ? pr->title
                                                    : "Presentation");
    text_prop(o, "DESCRIPTION", webcast_feed_description(o->p, f, pr));
    text_prop(o, "LOCATION", pr->workshop_location);
    uri_prop(o, "URL", webcast_feed_page(o->p, f, pr));
    prop(o, "END", "VEVENT");
}

const char *webcast_ical_calendar(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_presentation *const *list,
                                  int n)
{
    out_t o;
    int i;

    o.p = p;
    o.lines = apr_array_make(p, 16 + 14 * n, sizeof(const char *));
    prop(&o, "BEGIN", "VCALENDAR");
    prop(&o, "VERSION", "2.0");
    prop(&o, "PRODID", "-//mod_webcast//Workshop webcasts//EN");
    prop(&o, "CALSCALE", "GREGORIAN");
    prop(&o, "METHOD", "PUBLISH");
    text_prop(&o, "X-WR-CALNAME", f->title);
    text_prop(&o, "X-WR-CALDESC", f->summary);
    /* how often a subscribed calendar should look again (RFC 7986, and
     * the older name Apple and Microsoft clients read) */
    prop(&o, "REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
    prop(&o, "X-PUBLISHED-TTL", "PT1H");
    for (i = 0; i < n; i++) {
        event(&o, f, list[i]);
    }
    prop(&o, "END", "VCALENDAR");
    return apr_array_pstrcat(p, o.lines, '\0');
}
