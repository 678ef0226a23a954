/* fuzz_route.c - the URL map parser: never crashes, and whatever it
 * accepts is exactly one of the URL map's shapes. */
#include "fuzz.h"
#include "webcast_route.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    const char *rel = fuzz_string(p, data, size);
    webcast_route_t r;

    switch (webcast_route_parse(rel, &r)) {
    case WEBCAST_ROUTE_PRESENTATION:
    case WEBCAST_ROUTE_PRESENTATION_SLASH:
    case WEBCAST_ROUTE_REF_ARCHIVE:
    case WEBCAST_ROUTE_REF_LIVE:
    case WEBCAST_ROUTE_QTL_ARCHIVE:
    case WEBCAST_ROUTE_QTL_LIVE:
    case WEBCAST_ROUTE_RMRA_ARCHIVE:
    case WEBCAST_ROUTE_RMRA_LIVE:
        FUZZ_ASSERT(r.id >= 1);
        FUZZ_ASSERT(strncmp(rel, "/presentations/", 15) == 0);
        break;
    case WEBCAST_ROUTE_WORKSHOP:
    case WEBCAST_ROUTE_WORKSHOP_SLASH:
        FUZZ_ASSERT(webcast_slug_valid(r.slug, strlen(r.slug)));
        break;
    case WEBCAST_ROUTE_WORKSHOP_CALENDAR:
    case WEBCAST_ROUTE_WORKSHOP_RSS:
    case WEBCAST_ROUTE_WORKSHOP_SCHEDULE:
        /* exactly "/workshops/<slug>/<feed>" */
        FUZZ_ASSERT(webcast_slug_valid(r.slug, strlen(r.slug)));
        FUZZ_ASSERT(strcmp(rel + 11 + strlen(r.slug),
                           r.kind == WEBCAST_ROUTE_WORKSHOP_CALENDAR
                           ? "/calendar.ics"
                           : r.kind == WEBCAST_ROUTE_WORKSHOP_RSS
                           ? "/archive.rss" : "/schedule.json") == 0);
        break;
    case WEBCAST_ROUTE_CAPTIONS:
        /* exactly "/presentations/<id>/captions.vtt" */
        FUZZ_ASSERT(r.id >= 1);
        FUZZ_ASSERT(strcmp(rel, apr_psprintf(p, "/presentations/%u/"
                                             "captions.vtt",
                                             (unsigned)r.id)) == 0);
        break;
    case WEBCAST_ROUTE_CALENDAR:
        FUZZ_ASSERT(strcmp(rel, "/calendar.ics") == 0);
        break;
    case WEBCAST_ROUTE_ARCHIVE_RSS:
        FUZZ_ASSERT(strcmp(rel, "/archive.rss") == 0);
        break;
    case WEBCAST_ROUTE_INDEX:
        FUZZ_ASSERT(strcmp(rel, "/") == 0);
        break;
    default:
        break;
    }
    /* a movie route is named by its own suffix */
    if (r.kind == WEBCAST_ROUTE_REF_ARCHIVE
        || r.kind == WEBCAST_ROUTE_REF_LIVE) {
        FUZZ_ASSERT(ends_with(rel, ".ref.mov"));
    }
    if (r.kind == WEBCAST_ROUTE_QTL_ARCHIVE
        || r.kind == WEBCAST_ROUTE_QTL_LIVE) {
        FUZZ_ASSERT(ends_with(rel, ".qtl"));
    }
    if (r.kind == WEBCAST_ROUTE_RMRA_ARCHIVE
        || r.kind == WEBCAST_ROUTE_RMRA_LIVE) {
        FUZZ_ASSERT(ends_with(rel, ".rmra.mov"));
    }
    apr_pool_destroy(p);
    return 0;
}
