/* webcast_slides.c - the slides upload's allow-list and stored names.
 *
 * Modern PowerPoint (.pptx, .ppsx), OpenDocument (.odp) and Keynote
 * (.key since Keynote '09) files are zip packages; old PowerPoint (.ppt,
 * .pps) files are OLE2 compound documents; PDF files start "%PDF-".
 * Keynote files older than that are directories (macOS "bundles"),
 * which a browser cannot upload as one file, so only the zip kind is
 * taken.
 */
#include <string.h>
#include <strings.h>

#include <apr_strings.h>

#include "webcast_html.h"
#include "webcast_slides.h"

#define FILENAME_MAX_BYTES 255

#define ZIP "PK\003\004", 4
#define OLE2 "\320\317\021\340\241\261\032\341", 8

static const webcast_slides_type types[] = {
    { "pdf", "PDF", "%PDF-", 5 },
    { "ppt", "PowerPoint", OLE2 },
    { "pptx", "PowerPoint", ZIP },
    { "pps", "PowerPoint", OLE2 },
    { "ppsx", "PowerPoint", ZIP },
    { "key", "Keynote", ZIP },
    { "odp", "OpenDocument", ZIP },
};
#define NTYPES ((int)(sizeof(types) / sizeof(types[0])))

const webcast_slides_type *webcast_slides_types(int *n)
{
    *n = NTYPES;
    return types;
}

static const webcast_slides_type *by_ext(const char *ext, int any_case)
{
    int i;

    for (i = 0; i < NTYPES; i++) {
        if (any_case ? strcasecmp(ext, types[i].ext) == 0
                     : strcmp(ext, types[i].ext) == 0) {
            return &types[i];
        }
    }
    return NULL;
}

static int valid_utf8(const char *s)
{
    apr_size_t n;

    for (; *s; s += n) {
        if ((n = webcast_utf8_len(s)) == 0) {
            return 0;
        }
    }
    return 1;
}

const webcast_slides_type *webcast_slides_type_of(apr_pool_t *p,
                                                  const char *filename,
                                                  const char **why)
{
    const char *dot, *s;
    const webcast_slides_type *t;

    *why = NULL;
    if (filename == NULL || *filename == '\0') {
        *why = "No file was chosen: pick the slides file, then press "
               "Upload.";
        return NULL;
    }
    for (s = filename; *s; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7f) {
            *why = "The file's name holds a control character. Rename the "
                   "file and upload it again.";
            return NULL;
        }
    }
    if (!valid_utf8(filename) || strlen(filename) > FILENAME_MAX_BYTES) {
        *why = "The file's name is not plain text or is longer than 255 "
               "bytes. Rename the file and upload it again.";
        return NULL;
    }
    if (strchr(filename, '/') || strchr(filename, '\\')
        || strcmp(filename, "..") == 0) {
        *why = apr_psprintf(p, "The file's name \u201c%s\u201d holds a "
                            "folder (/ or \\). Upload the file itself, with "
                            "a plain name such as talk.pdf.", filename);
        return NULL;
    }
    dot = strrchr(filename, '.');
    t = dot && dot > filename ? by_ext(dot + 1, 1) : NULL;
    if (t == NULL) {
        *why = apr_psprintf(p, "\u201c%s\u201d is not a slides file this "
                            "site takes: choose %s.", filename,
                            webcast_slides_kinds(p));
    }
    return t;
}

int webcast_slides_magic_ok(const webcast_slides_type *t, const char *head,
                            apr_size_t n)
{
    return n >= t->magic_len && memcmp(head, t->magic, t->magic_len) == 0;
}

const char *webcast_slides_name(apr_pool_t *p, apr_uint32_t id,
                                const unsigned char
                                random[WEBCAST_SLIDES_RANDOM],
                                const webcast_slides_type *t)
{
    char hex[2 * WEBCAST_SLIDES_RANDOM + 1];
    int i;

    for (i = 0; i < WEBCAST_SLIDES_RANDOM; i++) {
        apr_snprintf(hex + 2 * i, 3, "%02x", random[i]);
    }
    return apr_psprintf(p, "%u-%s.%s", (unsigned)id, hex, t->ext);
}

int webcast_slides_name_ours(const char *name)
{
    apr_size_t digits = strspn(name, "0123456789"), hex;

    if (digits == 0 || digits > 10 || name[digits] != '-') {
        return 0;
    }
    name += digits + 1;
    hex = strspn(name, "0123456789abcdef");
    return hex == 2 * WEBCAST_SLIDES_RANDOM && name[hex] == '.'
           && by_ext(name + hex + 1, 0) != NULL;
}

const char *webcast_slides_file_of(apr_pool_t *p, const char *prefix,
                                   const char *url)
{
    apr_size_t n = prefix ? strlen(prefix) : 0;

    if (prefix == NULL || url == NULL || strncmp(url, prefix, n) != 0
        || url[n] != '/' || !webcast_slides_name_ours(url + n + 1)) {
        return NULL;
    }
    return apr_pstrdup(p, url + n + 1);
}

const char *webcast_slides_accept(apr_pool_t *p)
{
    const char *s = "";
    int i;

    for (i = 0; i < NTYPES; i++) {
        s = apr_pstrcat(p, s, i ? "," : "", ".", types[i].ext, NULL);
    }
    return s;
}

/* "PDF (.pdf), PowerPoint (.ppt, .pptx, .pps, .ppsx), Keynote (.key) or
 * OpenDocument (.odp)": the table's kinds in order, each once. */
const char *webcast_slides_kinds(apr_pool_t *p)
{
    const char *s = "";
    int i, j, k, kinds = 0, done = 0;

    for (i = 0; i < NTYPES; i++) {
        for (j = 0; j < i && strcmp(types[j].kind, types[i].kind); j++) {
        }
        kinds += j == i;
    }
    for (i = 0; i < NTYPES; i++) {
        const char *exts = "";

        for (j = 0; j < i && strcmp(types[j].kind, types[i].kind); j++) {
        }
        if (j < i) {
            continue;               /* this kind was said already */
        }
        for (k = i; k < NTYPES; k++) {
            if (strcmp(types[k].kind, types[i].kind) == 0) {
                exts = apr_pstrcat(p, exts, *exts ? ", ." : ".",
                                   types[k].ext, NULL);
            }
        }
        done++;
        s = apr_pstrcat(p, s, done == 1 ? "" : done == kinds ? " or " : ", ",
                        types[i].kind, " (", exts, ")", NULL);
    }
    return s;
}

const char *webcast_size_text(apr_pool_t *p, apr_off_t bytes)
{
    static const char *const units[] = { "KB", "MB", "GB", "TB" };
    apr_off_t unit = 1024;
    char *text;
    int u = 0;

    if (bytes < 1024) {
        return apr_psprintf(p, "%" APR_OFF_T_FMT " bytes", bytes);
    }
    /* (1023.96 KB would show as "1024.0 KB") */
    while (u < 3 && (double)bytes / (double)unit >= 1023.95) {
        unit *= 1024;
        u++;
    }
    if (bytes % unit == 0) {
        return apr_psprintf(p, "%" APR_OFF_T_FMT " %s", bytes / unit,
                            units[u]);
    }
    /* one decimal, none when it is 0: "1.5 GB", "229 KB" */
    text = apr_psprintf(p, "%.1f", (double)bytes / (double)unit);
    if (strcmp(text + strlen(text) - 2, ".0") == 0) {
        text[strlen(text) - 2] = '\0';
    }
    return apr_pstrcat(p, text, " ", units[u], NULL);
}
