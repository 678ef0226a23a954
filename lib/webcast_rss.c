/* webcast_rss.c - RSS 2.0 with the iTunes and Podcasting 2.0 tags.
 *
 * Output is a list of pool strings joined once at the end; every value
 * from the database passes through X() (webcast_rss_text) where it is
 * written.
 */
#include <stdlib.h>
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>
#include <apr_tables.h>

#include "webcast_html.h"
#include "webcast_rss.h"
#include "webcast_state.h"

const char *webcast_rss_text(apr_pool_t *p, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    apr_size_t n, i = 0, o = 0;
    char *out;

    if (s == NULL) {
        return "";
    }
    n = strlen(s);
    out = apr_palloc(p, n * 6 + 1);     /* the worst case: &quot; each */
    while (i < n) {
        apr_size_t len = webcast_utf8_len(s + i);
        const char *ent = NULL;

        if (len == 0) {
            memcpy(out + o, "\xef\xbf\xbd", 3);         /* U+FFFD */
            o += 3, i++;
            continue;
        }
        /* C1 controls (U+0080..U+009F), U+FFFE and U+FFFF: dropped */
        if ((len == 2 && u[i] == 0xc2 && u[i + 1] < 0xa0)
            || (len == 3 && u[i] == 0xef && u[i + 1] == 0xbf
                && u[i + 2] >= 0xbe)) {
            i += len;
            continue;
        }
        if (len > 1) {
            memcpy(out + o, s + i, len);
            o += len, i += len;
            continue;
        }
        switch (u[i]) {
        case '&': ent = "&amp;"; break;
        case '<': ent = "&lt;"; break;
        case '>': ent = "&gt;"; break;
        case '"': ent = "&quot;"; break;
        case '\'': ent = "&apos;"; break;
        case '\r':
            /* a parser would turn it into a line feed anyway */
            ent = s[i + 1] == '\n' ? "" : "\n";
            break;
        default:
            if ((u[i] < 0x20 && u[i] != '\t' && u[i] != '\n')
                || u[i] == 0x7f) {
                ent = "";               /* not allowed in XML 1.0 */
            }
            break;
        }
        if (ent) {
            memcpy(out + o, ent, strlen(ent));
            o += strlen(ent);
        }
        else {
            out[o++] = s[i];
        }
        i++;
    }
    out[o] = '\0';
    return out;
}

const char *webcast_rss_date(apr_pool_t *p, apr_time_t t)
{
    char *buf = apr_palloc(p, APR_RFC822_DATE_LEN);

    apr_rfc822_date(buf, t);
    return buf;
}

/* ISO 8601 in UTC, as podcast:liveItem's start and end want. */
static const char *iso_time(apr_pool_t *p, apr_time_t t)
{
    apr_time_exp_t tm;

    apr_time_exp_gmt(&tm, t);
    return apr_psprintf(p, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                        tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                        tm.tm_hour, tm.tm_min, tm.tm_sec);
}

const char *webcast_rss_type(const char *url)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        { "mp4", "video/mp4" }, { "m4v", "video/x-m4v" },
        { "mov", "video/quicktime" }, { "webm", "video/webm" },
        { "mp3", "audio/mpeg" }, { "m4a", "audio/x-m4a" },
        { "aac", "audio/aac" }, { "ogg", "audio/ogg" },
        { "opus", "audio/ogg" }, { "pdf", "application/pdf" },
        { "m3u8", "application/x-mpegURL" },
    };
    apr_size_t end = url ? strcspn(url, "?#") : 0, i;
    const char *dot = NULL;

    for (i = end; i > 0 && url[i - 1] != '/'; i--) {
        if (url[i - 1] == '.') {
            dot = url + i;
            break;
        }
    }
    for (i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++) {
        apr_size_t len = strlen(types[i].ext);

        if ((apr_size_t)(url + end - dot) == len
            && strncasecmp(dot, types[i].ext, len) == 0) {
            return types[i].type;
        }
    }
    return "application/octet-stream";
}

typedef struct {
    apr_pool_t *p;
    apr_array_header_t *parts;
} out_t;

#define X(s) webcast_rss_text(o->p, (s))

static void put(out_t *o, const char *s)
{
    *(const char **)apr_array_push(o->parts) = s;
}

/* <name>text</name>, escaped; nothing for NULL or "". */
static void element(out_t *o, const char *name, const char *text)
{
    if (text && *text) {
        put(o, apr_pstrcat(o->p, "<", name, ">", X(text), "</", name, ">\n",
                           NULL));
    }
}

/* What items and liveItems share. */
static void item_common(out_t *o, const webcast_feed *f,
                        const webcast_presentation *pr)
{
    const char *page = webcast_feed_page(o->p, f, pr);

    element(o, "title", pr->title && *pr->title ? pr->title : "Presentation");
    element(o, "link", page);
    put(o, apr_pstrcat(o->p, "<guid isPermaLink=\"false\">",
                       X(webcast_feed_uid(o->p, f, pr)), "</guid>\n", NULL));
    element(o, "description", webcast_feed_description(o->p, f, pr));
    element(o, "itunes:author", pr->speaker_name);
}

static void enclosure(out_t *o, const char *url, const char *type,
                      apr_int64_t bytes)
{
    /* length 0 when the size is not known: what the RSS Advisory Board
     * and Apple accept for it */
    put(o, apr_psprintf(o->p, "<enclosure url=\"%s\" length=\"%"
                        APR_INT64_T_FMT "\" type=\"%s\"/>\n", X(url),
                        bytes > 0 ? bytes : 0, X(type)));
}

static void item(out_t *o, const webcast_feed *f,
                 const webcast_presentation *pr)
{
    const char *download = webcast_feed_download(o->p, f, pr);

    put(o, "<item>\n");
    item_common(o, f, pr);
    element(o, "pubDate", webcast_rss_date(o->p, pr->ends_at));
    element(o, "itunes:summary", pr->summary && *pr->summary
                                 ? pr->summary
                                 : webcast_feed_says(o->p, f, pr));
    if (pr->ends_at > pr->starts_at) {
        put(o, apr_psprintf(o->p, "<itunes:duration>%" APR_INT64_T_FMT
                            "</itunes:duration>\n",
                            apr_time_sec(pr->ends_at - pr->starts_at)));
    }
    put(o, "<itunes:explicit>false</itunes:explicit>\n");
    if (download) {
        enclosure(o, download, webcast_rss_type(download), pr->archive_bytes);
    }
    put(o, "</item>\n");
}

/* Where the live stream will play: the HLS URL, formed for an upcoming
 * webcast too (as if it were live), since a pending liveItem announces
 * the stream to come. */
static const char *live_stream(apr_pool_t *p, const webcast_feed *f,
                               const webcast_presentation *pr)
{
    webcast_presentation as_live = *pr;
    const char *why;

    as_live.state = WEBCAST_STATE_LIVE;
    return webcast_stream_url(p, f->live_hls, &as_live, WEBCAST_STREAM_LIVE,
                              &why);
}

static void live_item(out_t *o, const webcast_feed *f,
                      const webcast_presentation *pr)
{
    const char *hls = live_stream(o->p, f, pr);

    put(o, apr_psprintf(o->p, "<podcast:liveItem status=\"%s\" start=\"%s\" "
                        "end=\"%s\">\n", pr->state == WEBCAST_STATE_LIVE
                        ? "live" : "pending", iso_time(o->p, pr->starts_at),
                        iso_time(o->p, pr->ends_at)));
    item_common(o, f, pr);
    element(o, "pubDate", webcast_rss_date(o->p, pr->starts_at));
    if (hls) {
        enclosure(o, hls, "application/x-mpegURL", 0);
    }
    put(o, apr_pstrcat(o->p, "<podcast:contentLink href=\"",
                       X(webcast_feed_page(o->p, f, pr)), "\">Watch it on "
                       "the web site</podcast:contentLink>\n", NULL));
    put(o, "</podcast:liveItem>\n");
}

/* -1, 0 or 1 as a is before, at or after b */
static int order(apr_int64_t a, apr_int64_t b)
{
    return a < b ? -1 : a > b;
}

#define PR(v) (*(const webcast_presentation *const *)(v))

static int newest_first(const void *a, const void *b)
{
    int c = order(PR(b)->ends_at, PR(a)->ends_at);

    return c ? c : order(PR(b)->id, PR(a)->id);
}

static int soonest_first(const void *a, const void *b)
{
    int c = order(PR(a)->starts_at, PR(b)->starts_at);

    return c ? c : order(PR(a)->id, PR(b)->id);
}

static void channel(out_t *o, const webcast_feed *f)
{
    put(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" "
           "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
           "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" "
           "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    element(o, "title", f->title);
    element(o, "link", f->link);
    element(o, "description", f->summary && *f->summary ? f->summary
            : apr_pstrcat(o->p, "Archived webcasts: ", f->title, NULL));
    put(o, "<language>en</language>\n<generator>mod_webcast</generator>\n");
    if (f->self) {
        put(o, apr_pstrcat(o->p, "<atom:link href=\"", X(f->self), "\" "
                           "rel=\"self\" type=\"application/rss+xml\"/>\n",
                           NULL));
    }
    element(o, "itunes:author", f->domain);
    element(o, "itunes:summary", f->summary);
    put(o, "<itunes:explicit>false</itunes:explicit>\n");
}

const char *webcast_rss_feed(apr_pool_t *p, const webcast_feed *f,
                             const webcast_presentation *const *list, int n,
                             int max_items)
{
    const webcast_presentation **items = apr_palloc(p, (n + 1)
                                                    * sizeof(*items));
    const webcast_presentation **live = apr_palloc(p, (n + 1)
                                                   * sizeof(*live));
    int i, ni = 0, nl = 0;
    out_t o;

    for (i = 0; i < n; i++) {
        if (!list[i]->has_webcast) {
            continue;
        }
        if (list[i]->state == WEBCAST_STATE_ARCHIVE) {
            items[ni++] = list[i];
        }
        else if (list[i]->state == WEBCAST_STATE_LIVE
                 || list[i]->state == WEBCAST_STATE_UPCOMING) {
            live[nl++] = list[i];
        }
    }
    qsort(items, ni, sizeof(*items), newest_first);
    qsort(live, nl, sizeof(*live), soonest_first);
    ni = max_items > 0 && ni > max_items ? max_items : ni;

    o.p = p;
    o.parts = apr_array_make(p, 32 + 12 * n, sizeof(const char *));
    channel(&o, f);
    for (i = 0; i < nl; i++) {
        live_item(&o, f, live[i]);
    }
    for (i = 0; i < ni; i++) {
        item(&o, f, items[i]);
    }
    put(&o, "</channel>\n</rss>\n");
    return apr_array_pstrcat(p, o.parts, '\0');
}
