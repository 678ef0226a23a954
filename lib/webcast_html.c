/* webcast_html.c - HTML escaping and the linkable-URL rule.
 *
 * Not ap_escape_html2: that needs httpd, leaves invalid UTF-8 and control
 * bytes in place (an HTML parse error) and crashes on NULL.
 */
#include <string.h>

#include <apr_lib.h>
#include <apr_strings.h>

#include "webcast_html.h"

#define REPLACEMENT "\xEF\xBF\xBD"    /* U+FFFD */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static apr_size_t utf8_len(const unsigned char *s)
{
    apr_size_t n, i;
    unsigned long cp;

    if (s[0] < 0x80) {
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2, cp = s[0] & 0x1F;
    }
    else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3, cp = s[0] & 0x0F;
    }
    else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4, cp = s[0] & 0x07;
    }
    else {
        return 0;
    }
    for (i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* overlong forms, surrogates and code points beyond U+10FFFF */
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)
        || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return 0;
    }
    return n;
}

static const char *entity(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

static char *put(char *o, const char *s, apr_size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

const char *webcast_html(apr_pool_t *p, const char *s)
{
    const unsigned char *in = (const unsigned char *)s;
    char *out, *o;

    if (s == NULL) {
        return "";
    }
    /* worst case: every byte becomes "&quot;" (6) or U+FFFD (3) */
    o = out = apr_palloc(p, 6 * strlen(s) + 1);
    while (*in) {
        const char *e = entity(*in);
        apr_size_t n = utf8_len(in);

        if (e) {
            o = put(o, e, strlen(e));
            in++;
        }
        else if (n == 0 || (*in < 0x20 && *in != '\t' && *in != '\n'
                            && *in != '\r') || *in == 0x7F) {
            o = put(o, REPLACEMENT, 3);
            in++;
        }
        else {
            o = put(o, (const char *)in, n);
            in += n;
        }
    }
    *o = '\0';
    return out;
}

/* No space, control byte or non-ASCII byte anywhere. */
static int plain_ascii(const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7F) {
            return 0;
        }
    }
    return 1;
}

int webcast_url_linkable(const char *url)
{
    const char *host;

    if (url == NULL) {
        return 0;
    }
    if (strncasecmp(url, "http://", 7) == 0) {
        host = url + 7;
    }
    else if (strncasecmp(url, "https://", 8) == 0) {
        host = url + 8;
    }
    else {
        return 0;
    }
    if (*host == '\0' || *host == '/' || *host == '?' || *host == '#') {
        return 0;
    }
    return plain_ascii(url);
}

int webcast_url_site_relative(const char *url)
{
    return url != NULL && url[0] == '/' && url[1] != '/' && url[1] != '\\'
        && plain_ascii(url);
}

apr_size_t webcast_utf8_len(const char *s)
{
    return utf8_len((const unsigned char *)s);
}

char *webcast_trim(apr_pool_t *p, const char *s)
{
    apr_size_t n;

    while (apr_isspace(*s)) {
        s++;
    }
    n = strlen(s);
    while (n > 0 && apr_isspace(s[n - 1])) {
        n--;
    }
    return apr_pstrndup(p, s, n);
}

int webcast_digits(const char **s, int n, int *out)
{
    int v = 0, i;

    for (i = 0; i < n; i++) {
        if (!apr_isdigit((*s)[i])) {
            return 0;
        }
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    *out = v;
    return 1;
}
