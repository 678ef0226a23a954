/* webcast_route.c - parse the public URL map.
 *
 * Everything below `workshops/` and `presentations/` belongs to the module:
 * a path there that is not exactly one of our shapes is a 404, so a typo can
 * never reach another record. Anything else is declined so static files
 * under the same <Location> keep serving.
 */
#include <string.h>

#include "webcast_route.h"

#define WORKSHOPS "/workshops/"
#define PRESENTATIONS "/presentations/"
#define REF_ARCHIVE "webcast-archive."
#define REF_LIVE "webcast-live."
#define ASSETS "/assets/"
#define STATUS "status.json"
#define CALENDAR "calendar.ics"
#define ARCHIVE_RSS "archive.rss"

int webcast_parse_id(const char *s, apr_size_t len, apr_uint32_t *id)
{
    apr_uint64_t v = 0;
    apr_size_t i;

    if (len == 0 || len > 10 || s[0] == '0') {
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
        v = v * 10 + (apr_uint64_t)(s[i] - '0');
    }
    if (v > 0xFFFFFFFFu) {
        return 0;
    }
    *id = (apr_uint32_t)v;
    return 1;
}

int webcast_slug_valid(const char *s, apr_size_t len)
{
    apr_size_t i;

    if (len == 0 || len > WEBCAST_SLUG_MAX) {
        return 0;
    }
    for (i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            return 0;
        }
    }
    return 1;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* What follows "workshops/<slug>/": the page, its status, its feeds. */
static webcast_route_kind workshop_part(const char *rest)
{
    return *rest == '\0' ? WEBCAST_ROUTE_WORKSHOP
         : strcmp(rest, STATUS) == 0 ? WEBCAST_ROUTE_WORKSHOP_STATUS
         : strcmp(rest, CALENDAR) == 0 ? WEBCAST_ROUTE_WORKSHOP_CALENDAR
         : strcmp(rest, ARCHIVE_RSS) == 0 ? WEBCAST_ROUTE_WORKSHOP_RSS
         : strcmp(rest, "schedule.json") == 0
           ? WEBCAST_ROUTE_WORKSHOP_SCHEDULE : WEBCAST_ROUTE_NOT_FOUND;
}

/* "<slug>", or "<slug>/" and what may follow it */
static webcast_route_kind parse_workshop(const char *p, webcast_route_t *out)
{
    const char *slash = strchr(p, '/');
    apr_size_t len = slash ? (apr_size_t)(slash - p) : strlen(p);

    if (!webcast_slug_valid(p, len)) {
        return WEBCAST_ROUTE_NOT_FOUND;
    }
    memcpy(out->slug, p, len);
    out->slug[len] = '\0';
    if (slash == NULL) {
        return WEBCAST_ROUTE_WORKSHOP_SLASH;
    }
    return workshop_part(slash + 1);
}

/* What follows "presentations/<id>/": the page, its status, its embed,
 * its captions. */
static webcast_route_kind presentation_part(const char *rest)
{
    if (*rest == '\0') {
        return WEBCAST_ROUTE_PRESENTATION;
    }
    if (strcmp(rest, STATUS) == 0) {
        return WEBCAST_ROUTE_PRESENTATION_STATUS;
    }
    if (strcmp(rest, "embed/") == 0) {
        return WEBCAST_ROUTE_EMBED;
    }
    if (strcmp(rest, "captions.vtt") == 0) {
        return WEBCAST_ROUTE_CAPTIONS;
    }
    return strcmp(rest, "embed") == 0 ? WEBCAST_ROUTE_EMBED_SLASH
                                      : WEBCAST_ROUTE_NOT_FOUND;
}

/* An asset name: a plain file name of ours, never a path, never hidden. */
static webcast_route_kind parse_asset(const char *p, webcast_route_t *out)
{
    apr_size_t len = strlen(p), i;

    if (len == 0 || len > WEBCAST_ASSET_MAX || p[0] == '.') {
        return WEBCAST_ROUTE_NOT_FOUND;
    }
    for (i = 0; i < len; i++) {
        char c = p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
              || c == '.' || c == '_')) {
            return WEBCAST_ROUTE_NOT_FOUND;
        }
    }
    memcpy(out->asset, p, len + 1);
    return WEBCAST_ROUTE_ASSET;
}

/* The reference movies: each name is a prefix, an id and a suffix. */
static const struct {
    const char *prefix, *suffix;
    webcast_route_kind kind;
} movies[] = {
    { REF_ARCHIVE, ".ref.mov", WEBCAST_ROUTE_REF_ARCHIVE },
    { REF_LIVE, ".ref.mov", WEBCAST_ROUTE_REF_LIVE },
    { REF_ARCHIVE, ".qtl", WEBCAST_ROUTE_QTL_ARCHIVE },
    { REF_LIVE, ".qtl", WEBCAST_ROUTE_QTL_LIVE },
    { REF_ARCHIVE, ".rmra.mov", WEBCAST_ROUTE_RMRA_ARCHIVE },
    { REF_LIVE, ".rmra.mov", WEBCAST_ROUTE_RMRA_LIVE },
};

/* "webcast-(archive|live).<id>(.ref.mov|.qtl|.rmra.mov)" */
static webcast_route_kind parse_refmovie(const char *p, apr_size_t len,
                                         webcast_route_t *out)
{
    apr_size_t i;

    for (i = 0; i < sizeof(movies) / sizeof(movies[0]); i++) {
        apr_size_t prefix = strlen(movies[i].prefix);
        apr_size_t suffix = strlen(movies[i].suffix);

        if (starts_with(p, movies[i].prefix) && len >= prefix + suffix
            && strcmp(p + len - suffix, movies[i].suffix) == 0) {
            return webcast_parse_id(p + prefix, len - prefix - suffix,
                                    &out->id)
                ? movies[i].kind : WEBCAST_ROUTE_NOT_FOUND;
        }
    }
    return WEBCAST_ROUTE_NOT_FOUND;
}

/* "<id>", "<id>/...", or a reference movie */
static webcast_route_kind parse_presentation(const char *p,
                                             webcast_route_t *out)
{
    const char *slash = strchr(p, '/');
    apr_size_t len = slash ? (apr_size_t)(slash - p) : strlen(p);

    if (!slash && starts_with(p, "webcast-")) {
        return parse_refmovie(p, len, out);
    }
    if (!webcast_parse_id(p, len, &out->id)) {
        return WEBCAST_ROUTE_NOT_FOUND;
    }
    return slash ? presentation_part(slash + 1)
                 : WEBCAST_ROUTE_PRESENTATION_SLASH;
}

webcast_route_kind webcast_route_parse(const char *rel, webcast_route_t *out)
{
    memset(out, 0, sizeof(*out));

    if (rel == NULL) {
        out->kind = WEBCAST_ROUTE_DECLINE;
    }
    else if (rel[0] == '\0') {
        out->kind = WEBCAST_ROUTE_INDEX_SLASH;
    }
    else if (strcmp(rel, "/") == 0) {
        out->kind = WEBCAST_ROUTE_INDEX;
    }
    else if (starts_with(rel, WORKSHOPS)) {
        out->kind = parse_workshop(rel + strlen(WORKSHOPS), out);
    }
    else if (starts_with(rel, PRESENTATIONS)) {
        out->kind = parse_presentation(rel + strlen(PRESENTATIONS), out);
    }
    else if (strcmp(rel, "/oembed") == 0) {
        out->kind = WEBCAST_ROUTE_OEMBED;
    }
    else if (strcmp(rel, "/" CALENDAR) == 0) {
        out->kind = WEBCAST_ROUTE_CALENDAR;
    }
    else if (strcmp(rel, "/" ARCHIVE_RSS) == 0) {
        out->kind = WEBCAST_ROUTE_ARCHIVE_RSS;
    }
    else if (starts_with(rel, ASSETS)) {
        out->kind = parse_asset(rel + strlen(ASSETS), out);
    }
    else if (strcmp(rel, "/workshops") == 0
             || strcmp(rel, "/presentations") == 0
             || strcmp(rel, "/assets") == 0) {
        out->kind = WEBCAST_ROUTE_NOT_FOUND;
    }
    else {
        out->kind = WEBCAST_ROUTE_DECLINE;
    }
    return out->kind;
}
