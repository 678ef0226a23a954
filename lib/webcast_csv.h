/* webcast_csv.h - comma-separated values as RFC 4180 writes them, for the
 * admin's schedule import.
 *
 * Fields are separated by commas; a field in double quotes may hold
 * commas, line breaks and quotes (written twice: ""). Lines end in CRLF,
 * LF or a lone CR; a UTF-8 byte order mark at the start is skipped, and
 * so are empty lines. Everything else that RFC 4180 does not allow is
 * refused with the line it is on: a quote inside an unquoted field, text
 * after a closing quote, a quote never closed, a NUL byte, more rows,
 * columns or bytes than the limits.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_CSV_H
#define WEBCAST_CSV_H

#include <apr_pools.h>
#include <apr_tables.h>

typedef struct {
    int line;                   /* the line of the file it starts on */
    int nfields;
    const char **field;         /* NUL-terminated copies, quotes undone */
} webcast_csv_row;

typedef struct {
    apr_size_t max_bytes;       /* of the whole input */
    int max_rows;               /* records after the first (the header) */
    int max_fields;             /* in any one record */
} webcast_csv_limits;

/* Read len bytes of data into *rows (webcast_csv_row *, in file order).
 * Returns NULL, or a message for people, which starts with the line it is
 * about ("line 7: ...") where there is one; *rows then holds the records
 * read before it. */
const char *webcast_csv_parse(apr_pool_t *p, const char *data, apr_size_t len,
                              const webcast_csv_limits *limits,
                              apr_array_header_t **rows);

#endif
