/* webcast_slides.h - which slides files the admin takes, and what they
 * are called once stored.
 *
 * A file is taken when its name ends in an allowed extension AND its
 * first bytes are what files of that type start with (a renamed .exe is
 * neither). Stored files get a name of the module's own making,
 * "<presentation id>-<32 hex digits>.<ext>", so nothing of the person's
 * file name reaches the disk, and only files so named are ever removed.
 * Pure: builds without httpd.
 */
#ifndef WEBCAST_SLIDES_H
#define WEBCAST_SLIDES_H

#include <apr_pools.h>

#define WEBCAST_SLIDES_MAGIC_MAX 8      /* bytes the type checks need */
#define WEBCAST_SLIDES_RANDOM 16        /* random bytes in a stored name */

typedef struct {
    const char *ext;            /* lower case, without the dot */
    const char *kind;           /* for people: "PDF", "PowerPoint", ... */
    const char *magic;          /* the bytes it starts with */
    apr_size_t magic_len;
} webcast_slides_type;

/* The allowed types, *n of them. */
const webcast_slides_type *webcast_slides_types(int *n);

/* The type of a file as the person's computer named it, or NULL with
 * *why, a message for people: no name, a name with a path in it (/ or
 * \), one that is not UTF-8 or too long, an extension not allowed. */
const webcast_slides_type *webcast_slides_type_of(apr_pool_t *p,
                                                  const char *filename,
                                                  const char **why);

/* 1 when the file's first n bytes (all of it, if shorter than
 * WEBCAST_SLIDES_MAGIC_MAX) are those of type t. */
int webcast_slides_magic_ok(const webcast_slides_type *t, const char *head,
                            apr_size_t n);

/* The name a stored file gets. */
const char *webcast_slides_name(apr_pool_t *p, apr_uint32_t id,
                                const unsigned char
                                random[WEBCAST_SLIDES_RANDOM],
                                const webcast_slides_type *t);

/* 1 when `name` is one webcast_slides_name() makes. */
int webcast_slides_name_ours(const char *name);

/* The stored file behind a slides_url: the name when url is
 * prefix "/" name and name is ours, else NULL. */
const char *webcast_slides_file_of(apr_pool_t *p, const char *prefix,
                                   const char *url);

/* For the file input: ".pdf,.ppt,..." (its accept attribute), and the
 * kinds in words: "PDF, PowerPoint (.ppt, .pptx, .pps, .ppsx), ...". */
const char *webcast_slides_accept(apr_pool_t *p);
const char *webcast_slides_kinds(apr_pool_t *p);

/* A size for people: "100 MB", "1.5 GB", "512 KB", "300 bytes". */
const char *webcast_size_text(apr_pool_t *p, apr_off_t bytes);

#endif
