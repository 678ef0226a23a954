/* webcast_ical.h - iCalendar (RFC 5545) for calendar.ics: one VEVENT per
 * presentation, its DESCRIPTION saying what its webcast state means.
 *
 * Every line ends in CRLF and is folded at 75 octets without splitting
 * a UTF-8 sequence; every database value is a TEXT value escaped here
 * (backslash, semicolon, comma, newline; control characters dropped,
 * broken UTF-8 made U+FFFD), so hostile text can neither end a property
 * nor start one. Pure: builds without httpd.
 */
#ifndef WEBCAST_ICAL_H
#define WEBCAST_ICAL_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_feed.h"
#include "webcast_model.h"

/* `s` as an RFC 5545 TEXT value ("" for NULL). */
const char *webcast_ical_text(apr_pool_t *p, const char *s);

/* One content line (without its line break) folded: at most 75 octets a
 * line, continuation lines starting with a space, never inside a UTF-8
 * sequence; CRLF after each. */
const char *webcast_ical_fold(apr_pool_t *p, const char *line);

/* A UTC DATE-TIME: "20260701T190000Z". */
const char *webcast_ical_time(apr_pool_t *p, apr_time_t t);

/* SEQUENCE of an event last modified at `modified`: whole seconds since
 * 2020-01-01T00:00:00Z, so it grows with every change (of the row, or of
 * the state by the schedule) and fits RFC 5545's 32-bit INTEGER until
 * 2088. */
long webcast_ical_sequence(apr_time_t modified);

/* The calendar (METHOD:PUBLISH, X-WR-CALNAME f->title) of the
 * presentations in `list`, each after webcast_clock_apply(). */
const char *webcast_ical_calendar(apr_pool_t *p, const webcast_feed *f,
                                  const webcast_presentation *const *list,
                                  int n);

#endif
