/* webcast_frab.c - a frab/pretalx schedule.xml into events, with libxml2
 * (Debian's libxml2: a parser that has had its decades of hostile input,
 * where a hand-written one would start from none).
 *
 * libxml2 makes the tree in its own memory; what is kept is copied into
 * the pool and the tree freed before returning. Options: no network, no
 * DTD loading, no entity substitution, no error printing (the message is
 * taken from the context and named by its line). A DOCTYPE stops the
 * parser the moment it is seen, before any declaration inside it is
 * read: a schedule needs none, and it is where entity tricks live.
 */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_frab.h"
#include "webcast_html.h"

#define OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                 | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

void webcast_frab_init(void)
{
    xmlInitParser();
}

/* ---- the document ---- */

typedef struct {
    apr_pool_t *p;
    int doctype;                /* the line of a <!DOCTYPE>, or 0 */
    const char *first;          /* the first error, "line N: ..." */
} guard_t;

static void refuse_doctype(void *ctx, const xmlChar *name,
                           const xmlChar *external_id,
                           const xmlChar *system_id)
{
    xmlParserCtxtPtr ctxt = ctx;
    guard_t *g = ctxt->_private;

    g->doctype = ctxt->input ? ctxt->input->line : 1;
    xmlStopParser(ctxt);
}

static const char *broken(apr_pool_t *p, xmlErrorPtr e)
{
    const char *msg = e && e->message ? e->message : "it is not XML";
    apr_size_t n = strlen(msg);

    while (n > 0 && apr_isspace(msg[n - 1])) {
        n--;
    }
    return apr_psprintf(p, "line %d: the XML is broken: %.*s",
                        e && e->line > 0 ? e->line : 1, (int)n, msg);
}

/* The parser goes on after an error and its last one ("Premature end of
 * data") seldom says what went wrong: keep the first. */
static void first_error(void *ctx, xmlErrorPtr e)
{
    guard_t *g = ((xmlParserCtxtPtr)ctx)->_private;

    if (g->first == NULL && e && e->level >= XML_ERR_ERROR) {
        g->first = broken(g->p, e);
    }
}

static const char *read_doc(apr_pool_t *p, const char *data, apr_size_t len,
                            xmlDocPtr *doc)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    guard_t g = { p, 0, NULL };
    const char *err = NULL;

    *doc = NULL;
    if (ctxt == NULL) {
        return "the XML parser could not start (out of memory?)";
    }
    ctxt->_private = &g;
    ctxt->sax->internalSubset = refuse_doctype;
    ctxt->sax->externalSubset = NULL;
    ctxt->sax->resolveEntity = NULL;
    ctxt->sax->serror = first_error;
    *doc = xmlCtxtReadMemory(ctxt, data, (int)len, NULL, NULL, OPTIONS);
    if (g.doctype) {
        err = apr_psprintf(p, "line %d: a <!DOCTYPE>: a schedule.xml needs "
                           "none, and none is read here (entities are "
                           "never expanded): remove it", g.doctype);
    }
    else if (*doc == NULL || !ctxt->wellFormed) {
        err = g.first ? g.first : broken(p, xmlCtxtGetLastError(ctxt));
    }
    if (err && *doc) {
        xmlFreeDoc(*doc);
        *doc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    return err;
}

/* ---- elements and their text ---- */

static int named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE
           && xmlStrcmp(n->name, (const xmlChar *)name) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
    for (n = n ? n->children : NULL; n; n = n->next) {
        if (named(n, name)) {
            return n;
        }
    }
    return NULL;
}

/* The text of n and everything inside it (entity references, which
 * cannot occur without a DTD, are left out all the same). */
static void gather(xmlNodePtr n, apr_array_header_t *parts)
{
    for (n = n->children; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            APR_ARRAY_PUSH(parts, const char *) = (const char *)n->content;
        }
        else if (n->type == XML_ELEMENT_NODE) {
            gather(n, parts);
        }
    }
}

static const char *text_of(apr_pool_t *p, xmlNodePtr n)
{
    apr_array_header_t *parts = apr_array_make(p, 4, sizeof(const char *));

    if (n == NULL) {
        return NULL;
    }
    gather(n, parts);
    return webcast_trim(p, apr_array_pstrcat(p, parts, '\0'));
}

static const char *persons_of(apr_pool_t *p, xmlNodePtr persons)
{
    const char *all = NULL, *name;
    xmlNodePtr n;

    for (n = persons ? persons->children : NULL; n; n = n->next) {
        if (named(n, "person") && *(name = text_of(p, n))) {
            all = all ? apr_pstrcat(p, all, ", ", name, NULL) : name;
        }
    }
    return all;
}

/* ---- times ---- */

/* ISO 8601 with its offset: 2026-07-01T12:00:00+02:00, ...12:00Z,
 * ...12:00:00.000+0200. */
static int parse_instant(const char *s, apr_time_t *t)
{
    int y, mo, d, h, mi, sec = 0, oh = 0, om = 0, sign = 1;
    apr_time_exp_t tm, back;

    if (!webcast_digits(&s, 4, &y) || *s++ != '-' || !webcast_digits(&s, 2, &mo)
        || *s++ != '-' || !webcast_digits(&s, 2, &d) || (*s != 'T' && *s != ' ')
        || (s++, !webcast_digits(&s, 2, &h)) || *s++ != ':' || !webcast_digits(&s, 2, &mi)
        || (*s == ':' && (s++, !webcast_digits(&s, 2, &sec)))) {
        return 0;
    }
    if (*s == '.') {
        while (apr_isdigit(*++s)) {
        }
    }
    if (*s == 'Z') {
        s++;
    }
    else if (*s == '+' || *s == '-') {
        sign = *s++ == '-' ? -1 : 1;
        if (!webcast_digits(&s, 2, &oh)) {
            return 0;
        }
        s += *s == ':';
        if (!webcast_digits(&s, 2, &om)) {
            return 0;
        }
    }
    else {
        return 0;
    }
    if (*s || y < 1971 || y > 9998 || mo < 1 || mo > 12 || d < 1 || d > 31
        || h > 23 || mi > 59 || sec > 59 || oh > 23 || om > 59) {
        return 0;
    }
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    if (apr_time_exp_gmt_get(t, &tm) != APR_SUCCESS
        || apr_time_exp_gmt(&back, *t) != APR_SUCCESS
        || back.tm_mday != d || back.tm_mon != mo - 1) {
        return 0;                       /* Feb. 30 */
    }
    *t -= apr_time_from_sec((apr_time_t)sign * (oh * 3600 + om * 60));
    return 1;
}

/* hours:minutes[:seconds], the hours in one to three digits. */
static int parse_duration(const char *s, apr_interval_time_t *len)
{
    int h = 0, mi, sec = 0, n = 0;

    while (apr_isdigit(*s) && n < 3) {
        h = h * 10 + (*s++ - '0');
        n++;
    }
    if (n == 0 || *s++ != ':' || !webcast_digits(&s, 2, &mi) || mi > 59
        || (*s == ':' && (s++, !webcast_digits(&s, 2, &sec) || sec > 59)) || *s) {
        return 0;
    }
    *len = apr_time_from_sec((apr_time_t)h * 3600 + mi * 60 + sec);
    return 1;
}

static void read_times(apr_pool_t *p, webcast_frab_event *ev)
{
    if (ev->date == NULL || !*ev->date) {
        ev->problem = "no <date>: each <event> needs its day and time with "
                      "the UTC offset, e.g. 2026-07-01T12:00:00+02:00";
    }
    else if (!parse_instant(ev->date, &ev->start)) {
        ev->problem = apr_psprintf(p, "<date> \"%s\" is not a day and time "
                                   "with its UTC offset, e.g. "
                                   "2026-07-01T12:00:00+02:00", ev->date);
    }
    else if (ev->duration == NULL || !*ev->duration) {
        ev->problem = "no <duration>: each <event> needs one, as hours and "
                      "minutes, e.g. 01:30";
    }
    else if (!parse_duration(ev->duration, &ev->length)) {
        ev->problem = apr_psprintf(p, "<duration> \"%s\" is not hours and "
                                   "minutes, e.g. 01:30", ev->duration);
    }
    else if (ev->length <= 0) {
        ev->problem = apr_psprintf(p, "<duration> %s: it ends when it "
                                   "starts", ev->duration);
    }
}

/* ---- events ---- */

static webcast_frab_event *event_of(apr_pool_t *p, xmlNodePtr e)
{
    webcast_frab_event *ev = apr_pcalloc(p, sizeof(*ev));
    xmlChar *id = xmlGetProp(e, (const xmlChar *)"id");
    const char *optout = text_of(p, child(child(e, "recording"), "optout"));

    ev->line = (int)xmlGetLineNo(e);
    if (id) {
        ev->id = apr_pstrdup(p, (const char *)id);
        xmlFree(id);
    }
    ev->title = text_of(p, child(e, "title"));
    ev->abstract = text_of(p, child(e, "abstract"));
    ev->description = text_of(p, child(e, "description"));
    ev->persons = persons_of(p, child(e, "persons"));
    ev->date = text_of(p, child(e, "date"));
    ev->duration = text_of(p, child(e, "duration"));
    ev->optout = optout && strcasecmp(optout, "true") == 0;
    read_times(p, ev);
    return ev;
}

static const char *read_events(apr_pool_t *p, xmlNodePtr root,
                               int max_events, apr_array_header_t *events)
{
    xmlNodePtr day, room, e;

    for (day = root->children; day; day = day->next) {
        for (room = named(day, "day") ? day->children : NULL; room;
             room = room->next) {
            for (e = named(room, "room") ? room->children : NULL; e;
                 e = e->next) {
                if (!named(e, "event")) {
                    continue;
                }
                if (events->nelts == max_events) {
                    return apr_psprintf(p, "line %ld: more than %d events: "
                                        "import at most %d at a time",
                                        xmlGetLineNo(e), max_events,
                                        max_events);
                }
                APR_ARRAY_PUSH(events, webcast_frab_event *) =
                    event_of(p, e);
            }
        }
    }
    return NULL;
}

const char *webcast_frab_parse(apr_pool_t *p, const char *data,
                               apr_size_t len, apr_size_t max_bytes,
                               int max_events, apr_array_header_t **events)
{
    xmlDocPtr doc;
    xmlNodePtr root;
    const char *err;

    *events = apr_array_make(p, 32, sizeof(webcast_frab_event *));
    if (len > max_bytes) {
        return apr_psprintf(p, "it is %lu bytes long; the most is %lu",
                            (unsigned long)len, (unsigned long)max_bytes);
    }
    if ((err = read_doc(p, data, len, &doc)) != NULL) {
        return err;
    }
    root = xmlDocGetRootElement(doc);
    if (root == NULL || !named(root, "schedule")) {
        err = apr_psprintf(p, "line %ld: the document is <%s>, not "
                           "<schedule>: this is not a frab or pretalx "
                           "schedule.xml", root ? xmlGetLineNo(root) : 1L,
                           root ? (const char *)root->name : "");
    }
    else {
        err = read_events(p, root, max_events, *events);
    }
    xmlFreeDoc(doc);
    return err;
}
