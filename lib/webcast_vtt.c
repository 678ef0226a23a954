/* webcast_vtt.c - check a WebVTT file and read its cues.
 *
 * Two passes: the bytes (size, UTF-8, NUL) and the lines, then the
 * blocks. The checker follows the WebVTT parser of browsers where it is
 * lenient (one-digit hours, no spaces around "-->", any cue settings) and
 * refuses what a browser would silently drop (a cue without a timing
 * line, a bad time, an end not after its start), since a dropped cue is
 * a caption nobody sees.
 */
#include <string.h>

#include <apr_strings.h>

#include "webcast_html.h"
#include "webcast_vtt.h"

#define SHOWN_MAX 40            /* bytes of a line quoted in a message */

typedef struct {
    const char *s;              /* NUL-terminated copy */
    apr_size_t len;
} line_t;

/* The line a byte offset is on, counting CRLF, LF and CR as one end. */
static int line_at(const char *data, apr_size_t upto)
{
    apr_size_t i;
    int line = 1;

    for (i = 0; i < upto; i++) {
        if (data[i] == '\n' || (data[i] == '\r'
                                && (i + 1 >= upto || data[i + 1] != '\n'))) {
            line++;
        }
    }
    return line;
}

/* data: NUL-terminated (so no UTF-8 sequence is read past its end). */
static const char *check_bytes(apr_pool_t *p, const char *data,
                               apr_size_t len)
{
    apr_size_t i = 0, n;

    while (i < len) {
        if (data[i] == '\0') {
            return apr_psprintf(p, "line %d: the file holds a NUL byte, so "
                                "it is not a text file. Save it again as "
                                "WebVTT (.vtt) text", line_at(data, i));
        }
        if ((n = webcast_utf8_len(data + i)) == 0) {
            return apr_psprintf(p, "line %d: the file is not UTF-8 text "
                                "(byte 0x%02X). Save it again with the "
                                "encoding UTF-8", line_at(data, i),
                                (unsigned)(unsigned char)data[i]);
        }
        i += n;
    }
    return NULL;
}

static apr_array_header_t *split_lines(apr_pool_t *p, const char *data,
                                       apr_size_t len)
{
    apr_array_header_t *lines = apr_array_make(p, 64, sizeof(line_t));
    apr_size_t i = 0, start = 0;

    while (i <= len) {
        if (i == len || data[i] == '\n' || data[i] == '\r') {
            line_t *l = apr_array_push(lines);

            l->len = i - start;
            l->s = apr_pstrmemdup(p, data + start, l->len);
            if (i == len) {
                break;
            }
            i += data[i] == '\r' && i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
            start = i;
            if (i == len) {
                break;          /* a last line end ends no extra line */
            }
        }
        else {
            i++;
        }
    }
    return lines;
}

/* A line quoted in a message: its start, cut on a character boundary. */
static const char *shown(apr_pool_t *p, const char *s)
{
    apr_size_t n = strlen(s);

    if (n <= SHOWN_MAX) {
        return s;
    }
    n = SHOWN_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
        n--;
    }
    return apr_pstrcat(p, apr_pstrmemdup(p, s, n), "\u2026", NULL);
}

/* "NOTE", "STYLE", "REGION": the word alone or before a space or tab. */
static int is_block(const char *s, const char *word)
{
    apr_size_t n = strlen(word);

    return strncmp(s, word, n) == 0
           && (s[n] == '\0' || s[n] == ' ' || s[n] == '\t');
}

static int digits(const char **s, apr_int64_t *v)
{
    int n = 0;

    *v = 0;
    while (**s >= '0' && **s <= '9' && n < 12) {
        *v = *v * 10 + (**s - '0');
        (*s)++, n++;
    }
    return **s >= '0' && **s <= '9' ? 0 : n;     /* 0: far too long */
}

/* [h+:]mm:ss.ttt at *s; advances past it. */
static int timestamp(const char **s, apr_int64_t *ms)
{
    apr_int64_t a, b, c = 0, frac;
    int na, nb, nc = 0;

    na = digits(s, &a);
    if (na == 0 || **s != ':') {
        return 0;
    }
    (*s)++;
    nb = digits(s, &b);
    if (nb != 2) {
        return 0;
    }
    if (**s == ':') {
        (*s)++;
        nc = digits(s, &c);
        if (nc != 2 || na > 9 || b > 59) {
            return 0;
        }
    }
    else if (na != 2 || a > 59) {
        return 0;
    }
    if (**s != '.') {
        return 0;
    }
    (*s)++;
    if (digits(s, &frac) != 3) {
        return 0;
    }
    if (nc) {
        *ms = ((a * 60 + b) * 60 + c) * 1000 + frac;
        return c <= 59;
    }
    *ms = (a * 60 + b) * 1000 + frac;
    return b <= 59;
}

static const char *skip_space(const char *s)
{
    while (*s == ' ' || *s == '\t') {
        s++;
    }
    return s;
}

/* The word at s, for a message: up to a space, a tab or "-->". */
static const char *word_at(apr_pool_t *p, const char *s)
{
    apr_size_t n = 0;

    while (s[n] && s[n] != ' ' && s[n] != '\t' && strncmp(s + n, "-->", 3)) {
        n++;
    }
    return n ? shown(p, apr_pstrmemdup(p, s, n)) : "nothing";
}

#define NOT_A_TIME "line %d: \u201c%s\u201d is not a time: write " \
    "hh:mm:ss.ttt or mm:ss.ttt, e.g. 00:01:02.000"

/* The timing line "start --> end [settings]" of the cue at line `no`. */
static const char *timing(apr_pool_t *p, const char *s, int no,
                          webcast_vtt_cue *cue)
{
    const char *at = skip_space(s);

    s = at;
    if (!timestamp(&s, &cue->start)) {
        return apr_psprintf(p, NOT_A_TIME, no, word_at(p, at));
    }
    s = skip_space(s);
    if (strncmp(s, "-->", 3) != 0) {
        return apr_psprintf(p, "line %d: the start and the end of a cue "
                            "go on one line, with \u201c-->\u201d between "
                            "them: 00:00:01.000 --> 00:00:04.000", no);
    }
    at = s = skip_space(s + 3);
    if (!timestamp(&s, &cue->end)) {
        return apr_psprintf(p, NOT_A_TIME, no, word_at(p, at));
    }
    if (*s != '\0' && *s != ' ' && *s != '\t') {
        return apr_psprintf(p, NOT_A_TIME, no, word_at(p, at));
    }
    /* what follows are cue settings (position, align, ...): the
     * browser's business */
    if (cue->end < cue->start) {
        return apr_psprintf(p, "line %d: the cue's end %s is before its "
                            "start %s", no, webcast_vtt_time(p, cue->end),
                            webcast_vtt_time(p, cue->start));
    }
    if (cue->end == cue->start) {
        return apr_psprintf(p, "line %d: the cue ends when it starts (%s): "
                            "its end must come after its start", no,
                            webcast_vtt_time(p, cue->start));
    }
    return NULL;
}

/* WebVTT's escapes, and the two HTML ones caption tools also write. */
static const struct {
    const char *name, *text;
} escapes[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
    { "&nbsp;", "\xC2\xA0" }, { "&lrm;", "\xE2\x80\x8E" },
    { "&rlm;", "\xE2\x80\x8F" }, { "&quot;", "\"" }, { "&apos;", "'" },
};

/* The cue's text as people read it: <c>, <i>, <v Name>, timestamps and
 * every other tag gone (a '<' opens a tag up to its '>', as in the
 * browser's parser), escapes decoded. */
static const char *plain_text(apr_pool_t *p, const char *s)
{
    char *out = apr_palloc(p, strlen(s) + 1), *o = out;
    apr_size_t i, n;

    while (*s) {
        if (*s == '<') {
            while (*s && *s != '>') {
                s++;
            }
            s += *s == '>';
            continue;
        }
        if (*s == '&') {
            for (i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
                n = strlen(escapes[i].name);
                if (strncmp(s, escapes[i].name, n) == 0) {
                    break;
                }
            }
            if (i < sizeof(escapes) / sizeof(escapes[0])) {
                /* every decoded text is no longer than its escape */
                memcpy(o, escapes[i].text, strlen(escapes[i].text));
                o += strlen(escapes[i].text);
                s += n;
                continue;
            }
        }
        *o++ = *s++;
    }
    *o = '\0';
    return out;
}

/* The cue starting at lines[*i] (its identifier or its timing line):
 * NULL with *cue, or why not. *i ends at the blank line after it. */
static const char *read_cue(apr_pool_t *p, const line_t *lines, int n,
                            int *i, webcast_vtt_cue *cue)
{
    const char *text = NULL, *err, *at = skip_space(lines[*i].s);
    apr_int64_t ms;

    /* a line that starts with a time is a timing line gone wrong */
    if (strstr(lines[*i].s, "-->") == NULL && !timestamp(&at, &ms)) {
        if (*i + 1 >= n || lines[*i + 1].len == 0
            || strstr(lines[*i + 1].s, "-->") == NULL) {
            return apr_psprintf(p, "line %d: \u201c%s\u201d is not a cue: a "
                                "cue starts with its timing (e.g. "
                                "00:00:01.000 --> 00:00:04.000), perhaps "
                                "after a line naming it; a comment starts "
                                "with NOTE", *i + 1, shown(p, lines[*i].s));
        }
        (*i)++;                 /* the identifier */
    }
    cue->line = *i + 1;
    if ((err = timing(p, lines[*i].s, *i + 1, cue)) != NULL) {
        return err;
    }
    for ((*i)++; *i < n && lines[*i].len; (*i)++) {
        if (strstr(lines[*i].s, "-->")) {
            return apr_psprintf(p, "line %d: a blank line is missing before "
                                "this cue (or its text holds \u201c-->\u201d,"
                                " which WebVTT does not allow)", *i + 1);
        }
        text = text ? apr_pstrcat(p, text, "\n", lines[*i].s, NULL)
                    : lines[*i].s;
    }
    cue->text = plain_text(p, text ? text : "");
    return NULL;
}

/* The signature line: "WEBVTT" alone or before a space or tab. */
static const char *signature(apr_pool_t *p, const line_t *first)
{
    const char *s = first->s;

    if (strncmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
    }
    if (strncmp(s, "WEBVTT", 6) == 0
        && (s[6] == '\0' || s[6] == ' ' || s[6] == '\t')) {
        return NULL;
    }
    return apr_psprintf(p, "line 1: a WebVTT file starts with the line "
                        "WEBVTT, and this one starts with \u201c%s\u201d. "
                        "Is it another kind of captions file (e.g. .srt)? "
                        "Export or convert it to WebVTT (.vtt)",
                        shown(p, s));
}

const char *webcast_vtt_parse(apr_pool_t *p, const char *data,
                              apr_size_t len, apr_array_header_t **cues)
{
    apr_array_header_t *all;
    const line_t *lines;
    const char *err;
    apr_int64_t last = 0;
    int n, i;

    *cues = apr_array_make(p, 64, sizeof(webcast_vtt_cue *));
    if (len > WEBCAST_VTT_MAX) {
        return apr_psprintf(p, "the file is larger than %d KB, the most "
                            "this site takes for captions",
                            WEBCAST_VTT_MAX / 1024);
    }
    if (len == 0 || (len == 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)) {
        return "the file is empty";
    }
    data = apr_pstrmemdup(p, data, len);
    if ((err = check_bytes(p, data, len)) != NULL) {
        return err;
    }
    all = split_lines(p, data, len);
    lines = (const line_t *)all->elts;
    n = all->nelts;
    if ((err = signature(p, &lines[0])) != NULL) {
        return err;
    }
    for (i = 1; i < n && lines[i].len; i++) {
        if (strstr(lines[i].s, "-->")) {
            return apr_psprintf(p, "line %d: a blank line must come between "
                                "the WEBVTT line (and its header) and the "
                                "first cue", i + 1);
        }
    }
    while (i < n) {
        webcast_vtt_cue *cue;

        if (lines[i].len == 0) {
            i++;
            continue;
        }
        if ((is_block(lines[i].s, "NOTE") || is_block(lines[i].s, "STYLE")
             || is_block(lines[i].s, "REGION"))
            && strstr(lines[i].s, "-->") == NULL) {
            while (i < n && lines[i].len) {
                i++;
            }
            continue;
        }
        cue = apr_pcalloc(p, sizeof(*cue));
        if ((err = read_cue(p, lines, n, &i, cue)) != NULL) {
            return err;
        }
        if (cue->start < last) {
            return apr_psprintf(p, "line %d: this cue starts at %s, before "
                                "the cue above it (%s): cues must be in the "
                                "order of their start", cue->line,
                                webcast_vtt_time(p, cue->start),
                                webcast_vtt_time(p, last));
        }
        last = cue->start;
        APR_ARRAY_PUSH(*cues, webcast_vtt_cue *) = cue;
    }
    return NULL;
}

const char *webcast_vtt_time(apr_pool_t *p, apr_int64_t ms)
{
    return apr_psprintf(p, "%02" APR_INT64_T_FMT ":%02d:%02d.%03d",
                        ms / 3600000, (int)(ms / 60000 % 60),
                        (int)(ms / 1000 % 60), (int)(ms % 1000));
}

const char *webcast_vtt_clock(apr_pool_t *p, apr_int64_t ms)
{
    apr_int64_t s = ms / 1000;

    return s >= 3600
        ? apr_psprintf(p, "%" APR_INT64_T_FMT ":%02d:%02d", s / 3600,
                       (int)(s / 60 % 60), (int)(s % 60))
        : apr_psprintf(p, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

const char *webcast_vtt_seconds(apr_pool_t *p, apr_int64_t ms)
{
    char *s = apr_psprintf(p, "%" APR_INT64_T_FMT ".%03d", ms / 1000,
                           (int)(ms % 1000));
    apr_size_t n = strlen(s);

    while (s[n - 1] == '0') {
        s[--n] = '\0';
    }
    if (s[n - 1] == '.') {
        s[n - 1] = '\0';
    }
    return s;
}
