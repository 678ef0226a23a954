/* webcast_refmovie.c - reference movie bodies.
 *
 * The text form is what Apple's own streaming server wrote and what VLC
 * reads; see REFMOVIE.md. The URL is checked here again, whatever produced
 * it, because one stray CR or LF would let a database value write a line
 * of its own into the file.
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_refmovie.h"

#define RTSPTEXT_HEAD "RTSPtext\r\n"
#define RTSPTEXT_TAIL "\r\n"

int webcast_refmovie_url_ok(const char *url)
{
    const unsigned char *s = (const unsigned char *)url;

    if (s == NULL || *s == '\0') {
        return 0;
    }
    for (; *s; s++) {
        if (*s <= 0x20 || *s >= 0x7f) {
            return 0;
        }
    }
    return 1;
}

const char *webcast_refmovie_rtsptext(apr_pool_t *p, const char *url,
                                      apr_size_t *len)
{
    const char *body;

    if (!webcast_refmovie_url_ok(url)) {
        return NULL;
    }
    body = apr_pstrcat(p, RTSPTEXT_HEAD, url, RTSPTEXT_TAIL, NULL);
    *len = strlen(body);
    return body;
}
