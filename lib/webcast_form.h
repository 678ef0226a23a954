/* webcast_form.h - the admin's records and forms (SPEC sections 3 and 6).
 *
 * A record is a workshop or a presentation as its columns' values, in the
 * form the database takes and gives them ("2026-11-25 20:00:00" for a UTC
 * DATETIME, "2026-11-23" for a DATE, "1" for a flag, NULL for SQL NULL).
 * The field tables below are the one list of the columns the admin edits:
 * the SQL, the forms, the validation and the audit trail all come from it.
 * A form is what a person typed, checked field by field into such values,
 * with a message for each field that is wrong.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_FORM_H
#define WEBCAST_FORM_H

#include <apr_pools.h>
#include <apr_tables.h>
#include <apr_time.h>

#include "webcast_model.h"
#include "webcast_pattern.h"
#include "webcast_time.h"

typedef enum {
    WEBCAST_WORKSHOP = 0,
    WEBCAST_PRESENTATION
} webcast_kind;

typedef enum {
    WEBCAST_FIELD_LINE,         /* one line of text: VARCHAR(max) */
    WEBCAST_FIELD_TEXT,         /* paragraphs: TEXT, max bytes */
    WEBCAST_FIELD_SLUG,         /* [a-z0-9-]{1,64} */
    WEBCAST_FIELD_DATE,         /* DATE: a day in the site's zone */
    WEBCAST_FIELD_DATETIME,     /* DATETIME in UTC, typed in the site's zone */
    WEBCAST_FIELD_URL,          /* an http(s) URL: VARCHAR(max) */
    WEBCAST_FIELD_LINK,         /* the same, or a path on this site ("/...") */
    WEBCAST_FIELD_BOOL,         /* TINYINT(1) */
    WEBCAST_FIELD_STATE,        /* webcast_state ENUM */
    WEBCAST_FIELD_WORKSHOP,     /* a workshop's id */
    WEBCAST_FIELD_BYTES         /* a size in bytes: BIGINT UNSIGNED NULL */
} webcast_field_type;

typedef struct {
    const char *name;           /* the column, and the form field's name */
    const char *label;
    const char *help;           /* shown under the field; NULL for none */
    const char *missing;        /* message when required and empty */
    webcast_field_type type;
    apr_size_t max;             /* characters (VARCHAR) or bytes (TEXT) */
    int not_null;               /* empty is stored as "", not NULL */
} webcast_field;

/* Field indexes, in table order. */
enum {
    WF_SLUG, WF_TITLE, WF_SUMMARY, WF_LOCATION, WF_STARTS_ON, WF_ENDS_ON,
    WF_LIVE_STREAM, WF_NOTICE, WF_COUNT
};
enum {
    PF_WORKSHOP_ID, PF_TITLE, PF_SPEAKER_NAME, PF_SPEAKER_AFFILIATION,
    PF_SPEAKER_BIO, PF_SUMMARY, PF_STARTS_AT, PF_ENDS_AT, PF_SLIDES_URL,
    PF_HAS_WEBCAST, PF_STATE, PF_WEBCAST_AUTO, PF_WEBCAST_PATH,
    PF_WEBCAST_FILENAME, PF_ARCHIVE_BYTES, PF_LIVE_STREAM, PF_EXTERNAL_NAME, PF_EXTERNAL_URL,
    PF_NOTICE, PF_COUNT
};

const webcast_field *webcast_fields(webcast_kind kind, int *n);
/* "workshop" or "presentation": the table, and the word for people. */
const char *webcast_kind_name(webcast_kind kind);

typedef struct {
    webcast_kind kind;
    apr_uint32_t id;            /* 0 until stored */
    apr_uint32_t version;       /* the optimistic-locking counter */
    const char **value;         /* one per field; NULL is SQL NULL */
    const char *workshop_title; /* presentations read with their workshop */
    const char *workshop_live_stream;   /* ...its stream name, */
    const char *workshop_notice;        /* ...its notice, */
    const char *state_user;     /* ...and who last set its state or */
    apr_time_t state_at;        /* webcast_auto, and when (0: never) */
    int count;                  /* workshops in a list: presentations */
} webcast_record;

webcast_record *webcast_record_new(apr_pool_t *p, webcast_kind kind);

/* One row of the audit trail: a field of a record changed. */
typedef struct {
    apr_time_t at;
    const char *user;
    const char *action;         /* "create", "update" or "delete" */
    const char *field;          /* the column */
    const char *old_value, *new_value;
    apr_uint32_t version;       /* the record's version after it */
} webcast_change;

typedef struct {
    webcast_kind kind;
    const char **raw;           /* as typed, or as the form shows a value */
    const char **value;         /* checked values (complete if !nerrors) */
    const char **error;         /* the message beside each field, or NULL */
    const char **note;          /* other text beside a field, or NULL */
    int nerrors;
} webcast_form;

/* Check what was posted (`in`: field name -> text) against every rule of
 * SPEC section 6; times are read in `tz`. */
webcast_form *webcast_form_parse(apr_pool_t *p, webcast_kind kind,
                                 const webcast_tz *tz, apr_table_t *in);

/* A form showing a stored record, for editing. */
webcast_form *webcast_form_from_record(apr_pool_t *p, const webcast_tz *tz,
                                       const webcast_record *rec);

/* The rules between fields (end after start; archive needs a path and a
 * file name; external needs a name and an http(s) URL) on checked values.
 * Sets the message of each offending field that has none yet and returns
 * how many it set. */
int webcast_record_check(apr_pool_t *p, webcast_kind kind,
                         const char *const *value, const char **error);

/* A stored value as a form field shows it (UTC times in tz). */
const char *webcast_value_for_form(apr_pool_t *p, const webcast_tz *tz,
                                   const webcast_field *f, const char *value);
/* A stored value for people: times in words, flags as yes/no, states by
 * their label, "(empty)" for NULL. */
const char *webcast_value_readable(apr_pool_t *p, const webcast_tz *tz,
                                   const webcast_field *f, const char *value);
/* A stored UTC DATETIME as an instant; 0 when malformed. */
apr_time_t webcast_value_time(const char *value);
/* NULL-aware string equality. */
int webcast_value_equal(const char *a, const char *b);
/* Same kind and every field equal (id, version and the rest aside). */
int webcast_record_same(const webcast_record *a, const webcast_record *b);

/* SPEC 8 for a presentation record: the state shown at `now`, with
 * *since the scheduled change that made it (0 if none) and *until the
 * next one (0 if none). A row that follows the schedule is live in its
 * slot when a live pattern (either may be NULL) expands for it, or, with
 * neither given, when it has a stream name. */
webcast_state webcast_record_shown(apr_pool_t *p, const webcast_record *rec,
                                   apr_time_t now,
                                   const webcast_pattern *live_url,
                                   const webcast_pattern *live_hls,
                                   apr_time_t *since, apr_time_t *until);

/* A state chosen by hand wins over the schedule: when `rec`'s state is
 * not `before` (the stored one; "upcoming" for a new record), its
 * webcast_auto becomes "0". */
void webcast_record_manual_wins(webcast_record *rec, const char *before);

/* What the admin calls each state: "Live", "Ended", "Archive ready"... */
const char *webcast_state_label(webcast_state state);

/* Decode an application/x-www-form-urlencoded body of len bytes into *out
 * (names and values decoded; '+' is a space). Returns NULL, or a message
 * when an escape is malformed or decodes to a NUL byte. */
const char *webcast_form_urldecode(apr_pool_t *p, const char *body,
                                   apr_size_t len, apr_table_t **out);

#endif
