/* webcast_frab.h - a frab or pretalx schedule.xml (the format C3VOC's
 * tools read), for the admin's schedule import:
 *
 *   <schedule><conference>...</conference>
 *     <day date="2026-07-01"><room name="Hall 1">
 *       <event id="42"><date>2026-07-01T12:00:00+02:00</date>
 *         <start>12:00</start><duration>01:00</duration>
 *         <title>...</title><abstract>...</abstract>
 *         <description>...</description>
 *         <persons><person id="7">...</person></persons>
 *         <recording><optout>false</optout></recording></event>
 *     </room></day></schedule>
 *
 * Read with libxml2 with every door shut: no DTD is loaded and none is
 * taken (a document with <!DOCTYPE> is refused before its declarations
 * are read), no entity is expanded, nothing is fetched from the network,
 * and the input's size is bounded.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_FRAB_H
#define WEBCAST_FRAB_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>

typedef struct {
    int line;                   /* the line of its <event> */
    const char *id;             /* its id="...", or NULL */
    const char *title;          /* element texts, trimmed; NULL when */
    const char *abstract;       /* ...the element is missing */
    const char *description;
    const char *persons;        /* the <person>s, joined by ", " */
    const char *date;           /* <date> and <duration> as written */
    const char *duration;
    apr_time_t start;           /* <date> as an instant, */
    apr_interval_time_t length; /* ...<duration>: valid when !problem */
    int optout;                 /* <recording><optout>true</optout> */
    const char *problem;        /* why <date> or <duration> is unusable */
} webcast_frab_event;

/* Once per process, before threads start: libxml2's own set-up. */
void webcast_frab_init(void);

/* Read len bytes of XML into *events (webcast_frab_event *, in document
 * order), at most max_bytes and max_events. Returns NULL, or a message
 * for people, which starts with the line it is about where there is
 * one; a problem of one event's time is in its `problem` instead. */
const char *webcast_frab_parse(apr_pool_t *p, const char *data,
                               apr_size_t len, apr_size_t max_bytes,
                               int max_events, apr_array_header_t **events);

#endif
