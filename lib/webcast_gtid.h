/* webcast_gtid.h - MariaDB GTID positions: has a replica applied a write? */
#ifndef WEBCAST_GTID_H
#define WEBCAST_GTID_H

/* `pos` and `mark` are MariaDB GTID lists ("0-1-57,1-2-9": domain,
 * server, sequence number), e.g. a replica's @@gtid_current_pos and the
 * primary's @@gtid_binlog_pos after a write. 1 when pos has reached mark
 * in each of mark's domains (whichever server wrote it: a failover
 * changes the server, not the order), 0 when it has not, -1 when either
 * is not a GTID list. An empty mark is reached by any position. */
int webcast_gtid_reached(const char *pos, const char *mark);

#endif
