/* webcast_feed.c - what the three feeds share. */
#include <apr_strings.h>

#include "webcast_feed.h"
#include "webcast_html.h"
#include "webcast_state.h"

static int filled(const char *s)
{
    return s != NULL && *s != '\0';
}

const char *webcast_feed_url(apr_pool_t *p, const webcast_feed *f,
                             const char *path)
{
    return apr_pstrcat(p, f->base ? f->base : "", path, NULL);
}

const char *webcast_feed_page(apr_pool_t *p, const webcast_feed *f,
                              const webcast_presentation *pr)
{
    return webcast_feed_url(p, f, apr_psprintf(p, "/presentations/%u/",
                                               (unsigned)pr->id));
}

const char *webcast_feed_uid(apr_pool_t *p, const webcast_feed *f,
                             const webcast_presentation *pr)
{
    return apr_psprintf(p, "presentation-%u@%s", (unsigned)pr->id,
                        filled(f->domain) ? f->domain : "localhost");
}

const char *webcast_feed_says(apr_pool_t *p, const webcast_feed *f,
                              const webcast_presentation *pr)
{
    const char *page = webcast_feed_page(p, f, pr);
    const char *name = filled(pr->external_name) ? pr->external_name
                                                  : "a partner";

    if (!pr->has_webcast) {
        return "Not webcast";
    }
    switch (pr->state) {
    case WEBCAST_STATE_UPCOMING:
        return apr_pstrcat(p, "Will be webcast live at ", page, NULL);
    case WEBCAST_STATE_LIVE:
        return apr_pstrcat(p, "Watch live at ", page, NULL);
    case WEBCAST_STATE_CONCLUDED:
        return "The archived video will be posted soon";
    case WEBCAST_STATE_ARCHIVE:
        return apr_pstrcat(p, "Watch the archive at ", page, NULL);
    case WEBCAST_STATE_EXTERNAL:
        /* only an http(s) URL is ever shown, as on the pages */
        return webcast_url_linkable(pr->external_url)
               ? apr_pstrcat(p, "Webcast by ", name, ": ", pr->external_url,
                             NULL)
               : apr_pstrcat(p, "Webcast by ", name, NULL);
    default:
        return NULL;
    }
}

apr_time_t webcast_feed_modified(const webcast_presentation *pr,
                                 apr_time_t now)
{
    apr_time_t last = webcast_clock_last(pr, now);

    return last > pr->updated_at ? last : pr->updated_at;
}

const char *webcast_feed_download(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_presentation *pr)
{
    const char *why;

    return webcast_stream_url(p, f->download, pr, WEBCAST_STREAM_ARCHIVE,
                              &why);
}

/* s, then sep and more unless s is empty */
static const char *then(apr_pool_t *p, const char *s, const char *sep,
                        const char *more)
{
    return apr_pstrcat(p, s, *s ? sep : "", more, NULL);
}

const char *webcast_feed_description(apr_pool_t *p, const webcast_feed *f,
                                     const webcast_presentation *pr)
{
    const char *says = webcast_feed_says(p, f, pr);
    const char *s = says ? says : "";

    if (filled(pr->speaker_name)) {
        s = then(p, s, "\n\n", apr_pstrcat(p, "Speaker: ", pr->speaker_name,
                                           NULL));
        if (filled(pr->speaker_affiliation)) {
            s = apr_pstrcat(p, s, ", ", pr->speaker_affiliation, NULL);
        }
    }
    if (filled(pr->workshop_title)) {
        s = then(p, s, "\n", apr_pstrcat(p, "Workshop: ", pr->workshop_title,
                                         NULL));
    }
    if (filled(pr->summary)) {
        s = then(p, s, "\n\n", pr->summary);
    }
    return s;
}
