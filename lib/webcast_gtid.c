/* webcast_gtid.c - MariaDB GTID positions: has a replica applied a write?
 *
 * Pure: no APR pools, no httpd. The lists are short (one entry per
 * replication domain, usually one), so each entry of mark is looked up
 * in pos by a scan. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "webcast_gtid.h"

/* One "domain-server-seq" at *s (spaces around it allowed): 1 and *s
 * past it and its comma, 0 at the end of the list, -1 when malformed. */
static int next_gtid(const char **s, unsigned long *domain,
                     unsigned long long *seq)
{
    const char *p = *s;
    char *end;

    while (*p == ' ') {
        p++;
    }
    if (*p == '\0') {
        return 0;
    }
    if (!isdigit((unsigned char)*p)) {
        return -1;
    }
    errno = 0;
    *domain = strtoul(p, &end, 10);
    if (*end != '-' || !isdigit((unsigned char)end[1])) {
        return -1;
    }
    (void)strtoul(end + 1, &end, 10);   /* the server: not compared */
    if (*end != '-' || !isdigit((unsigned char)end[1])) {
        return -1;
    }
    *seq = strtoull(end + 1, &end, 10);
    if (errno == ERANGE) {
        return -1;
    }
    while (*end == ' ') {
        end++;
    }
    if (*end == ',') {
        end++;
        if (*end == '\0') {
            return -1;
        }
    }
    else if (*end != '\0') {
        return -1;
    }
    *s = end;
    return 1;
}

/* pos's sequence number in `domain` (the highest, should a list name a
 * domain twice): 1 with it, 0 when pos has none there, -1 when pos is
 * malformed. */
static int seq_in(const char *pos, unsigned long domain,
                  unsigned long long *seq)
{
    unsigned long d;
    unsigned long long n;
    int rv, found = 0;

    while ((rv = next_gtid(&pos, &d, &n)) == 1) {
        if (d == domain && (!found || n > *seq)) {
            *seq = n;
            found = 1;
        }
    }
    return rv < 0 ? -1 : found;
}

int webcast_gtid_reached(const char *pos, const char *mark)
{
    unsigned long domain;
    unsigned long long want, have;
    int rv;

    if (pos == NULL || mark == NULL) {
        return -1;
    }
    while ((rv = next_gtid(&mark, &domain, &want)) == 1) {
        switch (seq_in(pos, domain, &have)) {
        case 1:
            if (have < want) {
                return 0;
            }
            break;
        case 0:
            return 0;                   /* nothing of that domain yet */
        default:
            return -1;
        }
    }
    return rv == 0 ? 1 : -1;
}
