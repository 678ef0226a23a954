/* webcast_qtl.c - the QuickTime Media Link (.qtl).
 *
 * Served as application/x-quicktimeplayer, it makes a browser hand the
 * stream to QuickTime Player instead of the plug-in; VLC reads it too
 * (REFMOVIE.md). The URL has passed webcast_refmovie_url_ok(), so it is
 * printable ASCII; webcast_html() then escapes what XML gives a meaning
 * to inside a double-quoted attribute (& < > " ').
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_html.h"
#include "webcast_refmovie.h"

#define QTL_HEAD "<?xml version=\"1.0\"?>\n" \
    "<?quicktime type=\"application/x-quicktime-media-link\"?>\n" \
    "<embed src=\""
#define QTL_TAIL "\" autoplay=\"true\" controller=\"true\" />\n"

const char *webcast_refmovie_qtl(apr_pool_t *p, const char *url,
                                 apr_size_t *len)
{
    const char *body;

    if (!webcast_refmovie_url_ok(url)) {
        return NULL;
    }
    body = apr_pstrcat(p, QTL_HEAD, webcast_html(p, url), QTL_TAIL, NULL);
    *len = strlen(body);
    return body;
}
