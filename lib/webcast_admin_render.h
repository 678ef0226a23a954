/* webcast_admin_render.h - the staff admin's pages as HTML strings.
 *
 * Pure, like webcast_render.c: plain structs in, a whole page out; every
 * value from the database or a form passes through webcast_html(). Every
 * change is a POST form carrying the anti-forgery token.
 */
#ifndef WEBCAST_ADMIN_RENDER_H
#define WEBCAST_ADMIN_RENDER_H

#include <apr_pools.h>
#include <apr_time.h>

#include "webcast_form.h"
#include "webcast_import.h"
#include "webcast_model.h"
#include "webcast_time.h"

typedef struct {
    const char *mount;          /* the admin's location: "" or "/admin" */
    const char *public_mount;   /* the public site's, or NULL if none */
    const webcast_tz *tz;
    const char *user;
    const char *token;          /* for every form */
    apr_time_t now;
    const webcast_pattern *live_url, *live_hls;   /* to tell what the
                                 * schedule shows; may be NULL */
} webcast_admin_site;

/* The notice at the top of a list after a change. */
typedef struct {
    const char *text;           /* plain text, e.g. "Saved.", or NULL */
    apr_uint32_t flipped;       /* the presentation whose state just
                                 * changed (0: none), for Undo */
    webcast_state from;         /* its state before */
    int from_auto;              /* ...which followed the schedule */
} webcast_admin_notice;

/* Today's control room: presentations in order (webcast_record *). */
const char *webcast_admin_render_today(apr_pool_t *p,
                                       const webcast_admin_site *site,
                                       const webcast_admin_notice *notice,
                                       webcast_record *const *list, int n);

const char *webcast_admin_render_workshops(apr_pool_t *p,
                                           const webcast_admin_site *site,
                                           const webcast_admin_notice *note,
                                           webcast_record *const *list,
                                           int n);

/* A workshop, its presentations and its history. */
const char *webcast_admin_render_workshop(
    apr_pool_t *p, const webcast_admin_site *site,
    const webcast_admin_notice *notice, const webcast_record *w,
    webcast_record *const *list, int n,
    const webcast_change *const *history, int nhistory);

/* The slides upload form, under a stored presentation's form. */
typedef struct {
    apr_off_t limit;            /* the largest file taken, in bytes */
    const char *problem;        /* plain text beside the file input */
} webcast_admin_upload;

/* The captions form, under a stored presentation's form. */
typedef struct {
    apr_off_t bytes;            /* the stored captions' size; 0: none */
    apr_off_t limit;            /* the largest file taken, in bytes */
    const char *problem;        /* plain text beside the file input */
} webcast_admin_captions;

typedef struct {
    const webcast_form *form;
    apr_uint32_t id;            /* 0: a new record */
    apr_uint32_t version;       /* the version the form is based on */
    apr_uint32_t shown;         /* a new record's form: when first shown
                                 * (Unix seconds), to know Save pressed
                                 * twice on it; 0 for none */
    const webcast_record *workshop;             /* a presentation's */
    webcast_record *const *workshops;           /* for its select */
    int nworkshops;
    const char *problem;        /* plain text shown above the form */
    const webcast_change *const *changes; /* a stale save: what */
    int nchanges;                               /* others changed */
    const webcast_change *const *history;
    int nhistory;
    const webcast_admin_upload *upload;   /* NULL: no upload form */
    const webcast_admin_captions *captions;     /* NULL: no captions form */
} webcast_admin_form_page;

const char *webcast_admin_render_form(apr_pool_t *p,
                                      const webcast_admin_site *site,
                                      const webcast_admin_form_page *page);

/* "Delete ...?" with a button; for a workshop that still has
 * presentations, why it cannot be deleted yet. */
const char *webcast_admin_render_delete(apr_pool_t *p,
                                        const webcast_admin_site *site,
                                        const webcast_record *rec);

/* "Remove the captions of ...?" with a button. */
const char *webcast_admin_render_captions_delete(
    apr_pool_t *p, const webcast_admin_site *site, const webcast_record *rec);

/* A page with a heading, plain text and a link onwards. */
const char *webcast_admin_render_message(apr_pool_t *p,
                                         const webcast_admin_site *site,
                                         const char *title, const char *text,
                                         const char *href,
                                         const char *link_text);

/* "Import a schedule" into a workshop: the form to paste a file and,
 * once one was sent, the preview of every row. */
typedef struct {
    const webcast_record *workshop;
    const webcast_import *im;   /* the file read; NULL: the blank form */
    const char *text;           /* pasted text, shown again in its box */
    const char *content;        /* the file, base64, for the Import button */
    const char *has_webcast;    /* "1" or "0": the Webcast choice */
    apr_uint32_t shown;         /* when this preview was made (Unix s.) */
    const char *problem;        /* plain text above the form, or NULL */
} webcast_admin_import_page;

const char *webcast_admin_render_import(apr_pool_t *p,
                                        const webcast_admin_site *site,
                                        const webcast_admin_import_page *pg);

/* The next state a presentation's one-click button moves it to, and the
 * button's words ("Go live", "Ended", "Archive ready"); 0 when none. */
int webcast_admin_next_state(webcast_state state, webcast_state *next,
                             const char **label);

#endif
