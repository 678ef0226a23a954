/* fuzz_rss.c - the podcast feed out of hostile bytes stays well-formed
 * XML 1.0, by libxml2's reading (an independent parser): the escaper's
 * output as element text and as an attribute, and a whole feed whose
 * rows hold the bytes (cut at NUL bytes into a presentation's fields),
 * with every title read back as one text node. */
#include "fuzz.h"
#include "webcast_rss.h"

#include <libxml/parser.h>

static void ignore(void *ctx, const char *msg, ...)
{
}

/* Parses as XML with no error at all; the document, to be freed. */
static xmlDocPtr well_formed(const char *xml)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), NULL, "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOERROR
                                  | XML_PARSE_NOWARNING);

    FUZZ_ASSERT(doc != NULL);
    return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    apr_pool_t *p = fuzz_pool();
    const char *t = webcast_rss_text(p, fuzz_string(p, data, size));
    const char *field[6];
    webcast_presentation a, b;
    const webcast_presentation *list[2] = { &a, &b };
    webcast_pattern *download = NULL;
    webcast_feed f;
    xmlDocPtr doc;
    xmlNodePtr n;
    int titles = 0;

    if (!ready) {
        xmlInitParser();
        xmlSetGenericErrorFunc(NULL, ignore);
        ready = 1;
    }
    xmlFreeDoc(well_formed(apr_pstrcat(p, "<a b=\"", t, "\">", t, "</a>",
                                       NULL)));
    fuzz_fields(p, data, size, field, 6);
    memset(&a, 0, sizeof(a));
    a.id = 7;
    a.title = field[0];
    a.summary = field[1];
    a.speaker_name = field[2];
    a.webcast_path = field[3];
    a.webcast_filename = field[4];
    a.live_stream = field[5];
    a.has_webcast = 1;
    a.state = WEBCAST_STATE_ARCHIVE;
    a.starts_at = apr_time_from_sec((apr_time_t)(size * 977) % 4000000000);
    a.ends_at = a.starts_at + apr_time_from_sec(size % 5000);
    a.archive_bytes = (apr_int64_t)size * 1000;
    b = a;
    b.id = 8;
    b.state = size % 2 ? WEBCAST_STATE_LIVE : WEBCAST_STATE_UPCOMING;
    webcast_pattern_compile(p, "https://m.example.org/{path}/{file}?{id}",
                            WEBCAST_PH_BIT(WEBCAST_PH_PATH)
                            | WEBCAST_PH_BIT(WEBCAST_PH_FILE)
                            | WEBCAST_PH_BIT(WEBCAST_PH_ID), &download);
    memset(&f, 0, sizeof(f));
    f.base = "https://webcasts.example.edu";
    f.domain = "webcasts.example.edu";
    f.title = field[0];
    f.summary = field[1];
    f.download = download;
    doc = well_formed(webcast_rss_feed(p, &f, list, 2, 0));
    n = xmlDocGetRootElement(doc);
    FUZZ_ASSERT(n && xmlStrcmp(n->name, BAD_CAST "rss") == 0);
    for (n = n->children; n && xmlStrcmp(n->name, BAD_CAST "channel"); ) {
        n = n->next;
    }
    FUZZ_ASSERT(n != NULL);
    for (n = n->children; n; n = n->next) {
        titles += n->type == XML_ELEMENT_NODE
                  && (xmlStrcmp(n->name, BAD_CAST "item") == 0
                      || xmlStrcmp(n->name, BAD_CAST "liveItem") == 0);
    }
    FUZZ_ASSERT(titles == 2);           /* no text made another element */
    xmlFreeDoc(doc);
    apr_pool_destroy(p);
    return 0;
}
