/* webcast_html.h - escaping for HTML text and attributes, and the rule
 * for which URLs from the database may become links. Pure: builds without
 * httpd, so unit tests and fuzzers link it.
 */
#ifndef WEBCAST_HTML_H
#define WEBCAST_HTML_H

#include <apr_pools.h>

/* Text or double-quoted attribute value: & < > " ' escaped; control bytes
 * (but tab, LF, CR) and invalid UTF-8 become U+FFFD, so hostile database
 * text can neither become markup nor break a parser. NULL gives "". */
const char *webcast_html(apr_pool_t *p, const char *s);

/* 1 when `url` may be linked: http:// or https:// with a host, and no
 * space, control byte or non-ASCII byte. */
int webcast_url_linkable(const char *url);

/* 1 when `url` is a path on this site ("/slides/talk.pdf"): a '/' not
 * followed by another '/' or a backslash (browsers take both for the start
 * of another host's address), and no space, control byte or non-ASCII
 * byte. */
int webcast_url_site_relative(const char *url);

/* Length (1..4) of the valid UTF-8 sequence at s, 0 when invalid. */
apr_size_t webcast_utf8_len(const char *s);

/* A copy of s in p without its leading and trailing white space. */
char *webcast_trim(apr_pool_t *p, const char *s);

/* Exactly n decimal digits at *s, into *out; advances *s past them.
 * 0 (and *s unchanged) when there are fewer. */
int webcast_digits(const char **s, int n, int *out);

#endif
