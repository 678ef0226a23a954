/* webcast_import.h - a schedule file into presentations of a workshop,
 * checked row by row by the admin form's own rules (SPEC section 13).
 *
 * Two formats, told apart by their first character: a frab/pretalx
 * schedule.xml (webcast_frab.c) starts with '<'; anything else is CSV
 * (webcast_csv.c) whose first row names the columns, the presentation
 * columns of the admin form (title, speaker_name, ... notice). Each row
 * becomes the table of field texts a person would have typed into the
 * "New presentation" form and goes through webcast_form_parse(), so an
 * imported row obeys exactly what the form obeys; every problem is named
 * with the line of the file it is on. Nothing here writes anything: the
 * admin shows the rows, and stores them all only when no row is bad.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_IMPORT_H
#define WEBCAST_IMPORT_H

#include <apr_pools.h>
#include <apr_tables.h>

#include "webcast_form.h"
#include "webcast_time.h"

#define WEBCAST_IMPORT_MAX_BYTES (2 * 1024 * 1024)
#define WEBCAST_IMPORT_MAX_ROWS 1000
#define WEBCAST_IMPORT_MAX_COLUMNS 64

typedef enum {
    WEBCAST_IMPORT_CSV,
    WEBCAST_IMPORT_FRAB
} webcast_import_format;

typedef struct {
    int line;                   /* where the row starts in the file */
    webcast_form *form;         /* the row as the admin form checked it */
    webcast_record *rec;        /* the presentation to store (when good) */
    apr_array_header_t *problems;   /* const char *: "line 7, ends_at:
                                 * The end must be after the start." */
} webcast_import_row;

typedef struct {
    webcast_import_format format;
    const char *error;          /* the file as a whole refused: why */
    apr_array_header_t *rows;   /* webcast_import_row *, in file order */
    int nbad;                   /* rows with problems */
} webcast_import;

/* Read a schedule for workshop `workshop_id`; times without an offset
 * (CSV) are in tz. `has_webcast` ("1" or "0") is what rows get whose
 * file does not say. */
webcast_import *webcast_import_read(apr_pool_t *p, const webcast_tz *tz,
                                    apr_uint32_t workshop_id,
                                    const char *has_webcast,
                                    const char *data, apr_size_t len);

/* The columns a CSV header may name, for messages and the form's help:
 * "title, speaker_name, ..., notice". */
const char *webcast_import_columns(apr_pool_t *p);

#endif
