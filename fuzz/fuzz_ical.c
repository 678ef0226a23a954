/* fuzz_ical.c - iCalendar out of hostile bytes: folding a content line
 * never makes a line over 75 octets, never splits a UTF-8 sequence and
 * unfolds to what it folded; a TEXT value holds no line break, no control character and
 * no unescaped separator; a calendar whose rows hold the bytes has
 * exactly the lines we write, each a known property or a continuation.
 * The input is cut at NUL bytes into the fields of a presentation. */
#include "fuzz.h"
#include "webcast_html.h"
#include "webcast_ical.h"


static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t len = webcast_utf8_len(s + i);
        if (len == 0 || i + len > n) {
            return 0;
        }
        i += len;
    }
    return 1;
}

static void check_fold(apr_pool_t *p, const char *line)
{
    const char *out = webcast_ical_fold(p, line), *s = out;
    char *unfolded = apr_pstrdup(p, "");
    int first = 1;

    while (*s) {
        const char *crlf = strstr(s, "\r\n");
        size_t n;

        FUZZ_ASSERT(crlf != NULL);
        n = (size_t)(crlf - s);
        FUZZ_ASSERT(n <= 75);
        if (!first) {
            FUZZ_ASSERT(n >= 2 && s[0] == ' ');
            s++, n--;
        }
        if (valid_utf8(line, strlen(line))) {
            FUZZ_ASSERT(valid_utf8(s, n));
        }
        unfolded = apr_pstrcat(p, unfolded, apr_pstrndup(p, s, n), NULL);
        s = crlf + 2;
        first = 0;
    }
    FUZZ_ASSERT(strcmp(unfolded, line) == 0);
}

static void check_text(apr_pool_t *p, const char *in)
{
    const char *t = webcast_ical_text(p, in);
    size_t i, n = strlen(t);

    FUZZ_ASSERT(valid_utf8(t, n));
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];

        FUZZ_ASSERT(c >= 0x20 || c == '\t');
        FUZZ_ASSERT(c != 0x7f && c != ';' && c != ',');
        if (c == '\\') {
            FUZZ_ASSERT(i + 1 < n && strchr("\\;,n", t[i + 1]) != NULL);
            i++;
        }
    }
}

/* Every line of the calendar: a property we write or a continuation. */
static void check_calendar(const char *ics)
{
    static const char *const names[] = {
        "BEGIN:", "END:", "VERSION:", "PRODID:", "CALSCALE:", "METHOD:",
        "X-WR-CALNAME:", "X-WR-CALDESC:", "REFRESH-INTERVAL;",
        "X-PUBLISHED-TTL:",
        "UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SEQUENCE:",
        "LAST-MODIFIED:", "SUMMARY:", "DESCRIPTION:", "LOCATION:", "URL:", NULL
    };
    int begins = 0, ends = 0;

    while (*ics) {
        const char *crlf = strstr(ics, "\r\n");
        size_t n, i;

        FUZZ_ASSERT(crlf != NULL);
        n = (size_t)(crlf - ics);
        FUZZ_ASSERT(n <= 75 && valid_utf8(ics, n));
        for (i = 0; i < n; i++) {
            FUZZ_ASSERT((unsigned char)ics[i] >= 0x20 || ics[i] == '\t');
        }
        if (ics[0] != ' ') {
            for (i = 0; names[i] && strncmp(ics, names[i],
                                            strlen(names[i])); i++) {
            }
            FUZZ_ASSERT(names[i] != NULL);
            begins += i == 0;
            ends += i == 1;
        }
        ics = crlf + 2;
    }
    FUZZ_ASSERT(begins == 3 && ends == 3);      /* calendar + 2 events */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    char *s = fuzz_string(p, data, size);
    const char *field[6];
    webcast_presentation pr, other;
    const webcast_presentation *list[2] = { &pr, &other };
    webcast_feed f;

    /* a content line as the encoder makes them, and the raw bytes (even
     * broken UTF-8) but for line breaks, which no content line holds */
    check_fold(p, apr_pstrcat(p, "DESCRIPTION:", webcast_ical_text(p, s),
                              NULL));
    s[strcspn(s, "\r\n")] = '\0';
    check_fold(p, s);
    check_text(p, fuzz_string(p, data, size));
    fuzz_fields(p, data, size, field, 6);
    memset(&pr, 0, sizeof(pr));
    pr.id = 7;
    pr.title = field[0];
    pr.summary = field[1];
    pr.speaker_name = field[2];
    pr.speaker_affiliation = field[3];
    pr.workshop_location = field[4];
    pr.external_name = field[5];
    pr.external_url = field[5];
    pr.has_webcast = size % 2;
    pr.state = (webcast_state)(size % 6);
    pr.starts_at = apr_time_from_sec((apr_time_t)(size * 977) % 4000000000);
    pr.ends_at = pr.starts_at + apr_time_from_sec(size % 5000);
    other = pr;
    other.id = 8;
    memset(&f, 0, sizeof(f));
    f.base = "https://webcasts.example.edu";
    f.domain = "webcasts.example.edu";
    f.title = field[0];
    f.summary = field[1];
    check_calendar(webcast_ical_calendar(p, &f, list, 2));
    apr_pool_destroy(p);
    return 0;
}
