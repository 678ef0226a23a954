/* test_multipart.c - the streaming multipart/form-data parser: boundaries
 * from Content-Type, bodies cut at every byte, delimiters that almost
 * occur in the data, CRLF edge cases, bounded headers and fields, and
 * hostile filenames passed on exactly as sent. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_multipart.h"

#define B "----WebKitFormBoundary7MA4YWxkTrZu0gW"
#define DELIM "\r\n--" B
#define NEAR "----WebKitFormBoundary7MA4YWxkTrZu0g"     /* B but its end */

/* What the callbacks saw, as one string: "[name|filename|type]" at the
 * start of a file, its bytes, "[end]" after it. */
typedef struct {
    apr_pool_t *p;
    char *log;
    apr_size_t len, cap;
    const char *fail_on;        /* a file_data error when data holds it */
} seen_t;

static void add(seen_t *s, const char *data, apr_size_t n)
{
    if (s->len + n + 1 > s->cap) {
        char *bigger;
        s->cap = (s->len + n + 1) * 2;
        bigger = apr_palloc(s->p, s->cap);
        memcpy(bigger, s->log, s->len);
        s->log = bigger;
    }
    memcpy(s->log + s->len, data, n);
    s->len += n;
    s->log[s->len] = '\0';
}

static const char *on_begin(void *ctx, const webcast_multipart_part *part)
{
    seen_t *s = ctx;
    const char *t = apr_psprintf(s->p, "[%s|%s|%s]", part->name,
                                 part->filename,
                                 part->content_type ? part->content_type
                                                    : "-");
    add(s, t, strlen(t));
    return NULL;
}

static const char *on_data(void *ctx, const char *data, apr_size_t len)
{
    seen_t *s = ctx;

    ck_assert_uint_gt(len, 0);
    add(s, data, len);
    if (s->fail_on && strstr(s->log, s->fail_on)) {
        return "the callback refused";
    }
    return NULL;
}

static const char *on_end(void *ctx)
{
    add(ctx, "[end]", 5);
    return NULL;
}

static const webcast_multipart_callbacks cbs = { on_begin, on_data, on_end };

typedef struct {
    const char *error;          /* of feed or finish */
    const char *files;          /* the callbacks' log */
    apr_size_t files_len;
    const char *fields;         /* "name=value;" for each field */
} result_t;

static int field_cat(void *rec, const char *key, const char *value)
{
    char **out = rec;
    *out = apr_pstrcat(test_pool, *out, key, "=", value, ";", NULL);
    return 1;
}

/* Parse body (n bytes) fed in pieces: cut at `cut` (0: whole), or in
 * pieces of `step` bytes. */
static result_t parse_pieces(const char *body, apr_size_t n, apr_size_t cut,
                             apr_size_t step, apr_size_t fields_max)
{
    seen_t s;
    result_t r;
    webcast_multipart *mp;
    apr_size_t at = 0, piece;
    char *fields = "";

    memset(&s, 0, sizeof(s));
    s.p = test_pool;
    s.log = "";
    mp = webcast_multipart_new(test_pool, B, fields_max, &cbs, &s);
    r.error = NULL;
    while (at < n && r.error == NULL) {
        piece = step ? step : cut && at == 0 ? cut : n - at;
        if (piece > n - at) {
            piece = n - at;
        }
        /* each piece in its own copy, so nothing reads past it */
        r.error = webcast_multipart_feed(mp, apr_pmemdup(test_pool,
                                         body + at, piece), piece);
        at += piece;
    }
    if (r.error == NULL) {
        r.error = webcast_multipart_finish(mp);
    }
    apr_table_do(field_cat, &fields, webcast_multipart_fields(mp), NULL);
    r.files = s.log;
    r.files_len = s.len;
    r.fields = fields;
    return r;
}

static result_t parse(const char *body)
{
    return parse_pieces(body, strlen(body), 0, 0, 65536);
}

#define PART(name) "Content-Disposition: form-data; name=\"" name "\"\r\n\r\n"
#define FILEPART(name, file) "Content-Disposition: form-data; name=\"" \
    name "\"; filename=\"" file "\"\r\nContent-Type: application/pdf\r\n\r\n"

static const char sample[] =
    "--" B "\r\n" PART("token") "0123abcd"
    DELIM "\r\n" FILEPART("slides_file", "talk.pdf")
    "%PDF-1.4\r\n\r\n--" NEAR "x is not it\r\n-\r\r\n--\r\n--" "----WebKit"
    "\r\n" DELIM "\r\n" PART("note") "a\r\nb"
    DELIM "--\r\n";

START_TEST(boundary_from_content_type)
{
    const char *b;

    ck_assert_ptr_eq(webcast_multipart_boundary(test_pool,
        "multipart/form-data; boundary=" B, &b), NULL);
    ck_assert_str_eq(b, B);
    ck_assert_ptr_eq(webcast_multipart_boundary(test_pool,
        "Multipart/Form-Data;charset=utf-8;  BOUNDARY=\"gc0p Jq0M:08jU534c0p\"",
        &b), NULL);
    ck_assert_str_eq(b, "gc0p Jq0M:08jU534c0p");
    ck_assert_ptr_eq(webcast_multipart_boundary(test_pool,
        "multipart/form-data; boundary=\"" "12345678901234567890123456789012"
        "34567890123456789012345678901234567890\"", &b), NULL);
    ck_assert_uint_eq(strlen(b), 70);
    ck_assert_ptr_eq(webcast_multipart_boundary(test_pool,
        "multipart/form-data; boundary=----=_Part_0_1.2", &b), NULL);
    ck_assert_str_eq(b, "----=_Part_0_1.2");
}
END_TEST

START_TEST(boundary_refused)
{
    static const char *const bad[] = {
        "multipart/form-data",
        "multipart/form-data; charset=utf-8",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=\"\"",
        "multipart/form-data; boundary=\"unclosed",
        "multipart/form-data; boundary=\"ends in space \"",
        "multipart/form-data; boundary=\"has\\\"quote\"",
        "multipart/form-data; boundary=\"cr\rin\"",
        "multipart/form-data; boundary=a; boundary=b",
        "multipart/form-data; boundary=\"12345678901234567890123456789012"
        "345678901234567890123456789012345678901\"",
        "multipart/mixed; boundary=x",
        "multipart/form-datax; boundary=x",
        "application/x-www-form-urlencoded",
        "multipart/form-data boundary=x",
        "",
        NULL
    };
    const char *b = "unset";
    int i;

    for (i = 0; bad[i]; i++) {
        ck_assert_msg(webcast_multipart_boundary(test_pool, bad[i], &b)
                      != NULL, "accepted: %s", bad[i]);
        ck_assert_ptr_eq(b, NULL);
    }
    ck_assert_ptr_ne(webcast_multipart_boundary(test_pool, NULL, &b), NULL);
}
END_TEST

START_TEST(fields_and_file)
{
    result_t r = parse(sample);

    ck_assert_ptr_eq(r.error, NULL);
    ck_assert_str_eq(r.fields, "token=0123abcd;note=a\r\nb;");
    /* the near-delimiters inside the file are its bytes */
    ck_assert_str_eq(r.files,
                     "[slides_file|talk.pdf|application/pdf]"
                     "%PDF-1.4\r\n\r\n--" NEAR "x is not it\r\n-\r\r\n--\r\n"
                     "------WebKit\r\n[end]");
}
END_TEST

/* The same events and bytes wherever the body is cut. */
START_TEST(every_cut)
{
    result_t whole = parse(sample), r;
    apr_size_t n = strlen(sample), cut, step;

    for (cut = 1; cut < n; cut++) {
        r = parse_pieces(sample, n, cut, 0, 65536);
        ck_assert_msg(r.error == NULL, "cut at %lu: %s", (unsigned long)cut,
                      r.error);
        ck_assert_str_eq(r.files, whole.files);
        ck_assert_str_eq(r.fields, whole.fields);
    }
    for (step = 1; step <= 7; step++) {
        r = parse_pieces(sample, n, 0, step, 65536);
        ck_assert_ptr_eq(r.error, NULL);
        ck_assert_str_eq(r.files, whole.files);
        ck_assert_str_eq(r.fields, whole.fields);
    }
}
END_TEST

/* A file that is nothing but partial delimiters, cut everywhere. */
START_TEST(near_delimiters_every_cut)
{
    const char *data = "\r\r\n\r\n-\r\n--\r\n--" NEAR "\r\n--" B "-\r\n\r";
    const char *body = apr_pstrcat(test_pool, "preamble\r\n--" B " \t\r\n",
                                   FILEPART("f", "x.pdf"), data,
                                   DELIM "-- epilogue\r\n--" B "\r\n", NULL);
    const char *want = apr_pstrcat(test_pool, "[f|x.pdf|application/pdf]",
                                   data, "[end]", NULL);
    apr_size_t n = strlen(body), cut;
    result_t r;

    /* "\r\n--B-" is not a delimiter line: only "--B--" ends the body */
    r = parse(body);
    ck_assert_ptr_ne(r.error, NULL);
    ck_assert_msg(strstr(r.error, "boundary line has other text") != NULL,
                  "%s", r.error);
    data = "\r\r\n\r\n-\r\n--\r\n--" NEAR "\r\n-" B "\r\n\r";
    body = apr_pstrcat(test_pool, "preamble\r\n--" B " \t\r\n",
                       FILEPART("f", "x.pdf"), data,
                       DELIM "-- epilogue\r\n--" B "\r\n", NULL);
    want = apr_pstrcat(test_pool, "[f|x.pdf|application/pdf]", data,
                       "[end]", NULL);
    n = strlen(body);
    for (cut = 0; cut < n; cut++) {
        r = parse_pieces(body, n, cut, 0, 100);
        ck_assert_msg(r.error == NULL, "cut %lu: %s", (unsigned long)cut,
                      r.error);
        ck_assert_str_eq(r.files, want);
    }
    r = parse_pieces(body, n, 0, 1, 100);
    ck_assert_str_eq(r.files, want);
}
END_TEST

START_TEST(binary_file)
{
    char data[600];
    const char *head = "--" B "\r\n" FILEPART("f", "b.ppt");
    char *body;
    apr_size_t hn = strlen(head), n, i, step;
    result_t r;

    for (i = 0; i < sizeof(data); i++) {
        data[i] = (char)(i * 7 + (i >> 3));      /* NULs and CRs too */
    }
    n = hn + sizeof(data) + strlen(DELIM "--\r\n");
    body = apr_palloc(test_pool, n);
    memcpy(body, head, hn);
    memcpy(body + hn, data, sizeof(data));
    memcpy(body + hn + sizeof(data), DELIM "--\r\n", strlen(DELIM "--\r\n"));
    for (step = 1; step < 40; step += 3) {
        r = parse_pieces(body, n, 0, step, 100);
        ck_assert_ptr_eq(r.error, NULL);
        ck_assert_uint_eq(r.files_len, strlen("[f|b.ppt|application/pdf]")
                          + sizeof(data) + 5);
        ck_assert(memcmp(r.files + strlen("[f|b.ppt|application/pdf]"),
                         data, sizeof(data)) == 0);
    }
}
END_TEST

START_TEST(crlf_edges)
{
    result_t r;

    /* an empty file (a file input left empty sends filename="") */
    r = parse("--" B "\r\n" FILEPART("f", "") DELIM "--");
    ck_assert_ptr_eq(r.error, NULL);
    ck_assert_str_eq(r.files, "[f||application/pdf][end]");
    /* a file ending in CRLF keeps it */
    r = parse("--" B "\r\n" FILEPART("f", "a.pdf") "x\r\n" DELIM "--\r\n");
    ck_assert_str_eq(r.files, "[f|a.pdf|application/pdf]x\r\n[end]");
    /* an empty field, a field of CRLFs */
    r = parse("--" B "\r\n" PART("a") DELIM "\r\n" PART("b") "\r\n\r\n"
              DELIM "--");
    ck_assert_ptr_eq(r.error, NULL);
    ck_assert_str_eq(r.fields, "a=;b=\r\n\r\n;");
    /* folded header lines, any case, no Content-Type */
    r = parse("--" B "\r\ncontent-disposition: form-data;\r\n name=\"f\";"
              "\r\n\tfilename=\"y.key\"\r\nX-Other: 1\r\n\r\nZ" DELIM "--");
    ck_assert_ptr_eq(r.error, NULL);
    ck_assert_str_eq(r.files, "[f|y.key|-]Z[end]");
    /* a header line ending in LF only */
    r = parse("--" B "\r\nContent-Disposition: form-data; name=\"a\"\n\n"
              DELIM "--");
    ck_assert_ptr_ne(r.error, NULL);
    ck_assert(strstr(r.error, "CRLF") != NULL);
    /* CR alone in headers */
    r = parse("--" B "\r\nContent-Disposition: form-data; name=\"a\"\rx\r\n"
              "\r\n" DELIM "--");
    ck_assert_ptr_ne(r.error, NULL);
    /* a delimiter line with LF only */
    r = parse("--" B "\n" PART("a") DELIM "--");
    ck_assert_ptr_ne(r.error, NULL);
    ck_assert(strstr(r.error, "boundary line") != NULL);
}
END_TEST

START_TEST(incomplete_bodies)
{
    static const char *const cut_short[] = {
        "",
        "no boundary at all",
        "--" B,
        "--" B "\r\n",
        "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        "--" B "\r\n" PART("a") "value",
        "--" B "\r\n" PART("a") "value" DELIM,
        "--" B "\r\n" PART("a") "value" DELIM "-",
        "--" B "\r\n" PART("a") "value" DELIM "\r\n",
        NULL
    };
    result_t r;
    int i;

    for (i = 0; cut_short[i]; i++) {
        r = parse(cut_short[i]);
        ck_assert_msg(r.error != NULL, "accepted: %s", cut_short[i]);
    }
    r = parse("--" B "\r\n" FILEPART("f", "a.pdf") "%PDF-1.4 half");
    ck_assert(strstr(r.error, "before its final boundary") != NULL);
    ck_assert_str_eq(r.files, "[f|a.pdf|application/pdf]%PDF-1.4 half");
    r = parse("--" B "--\r\n");
    ck_assert_ptr_eq(r.error, NULL);        /* no parts at all: fine */
}
END_TEST

START_TEST(broken_boundaries)
{
    static const char *const broken[] = {
        "--" B "x\r\n" PART("a") DELIM "--",
        "--" B "\r\n" PART("a") "v" DELIM "x--",
        "--" B "\r\n" PART("a") "v" DELIM "-x",
        "--" B "\r\n" PART("a") "v" DELIM " -- \r\n",
        "--" B "\r\n" PART("a") "v" DELIM "\rx",
        NULL
    };
    result_t r;
    int i;

    for (i = 0; broken[i]; i++) {
        r = parse(broken[i]);
        ck_assert_msg(r.error && strstr(r.error, "boundary line"),
                      "%d: %s", i, r.error ? r.error : "accepted");
    }
}
END_TEST

START_TEST(bounded_headers)
{
    char *pad = apr_palloc(test_pool, WEBCAST_MULTIPART_HEADER_MAX + 1);
    const char *fixed = "Content-Disposition: form-data; name=\"a\"\r\n"
                        "X: \r\n\r\n";
    apr_size_t room = WEBCAST_MULTIPART_HEADER_MAX - strlen(fixed);
    const char *body;
    result_t r;

    memset(pad, 'p', room);
    pad[room] = '\0';
    /* exactly the limit: accepted */
    r = parse(apr_pstrcat(test_pool, "--" B "\r\nContent-Disposition: "
                          "form-data; name=\"a\"\r\nX: ", pad, "\r\n\r\nv"
                          DELIM "--", NULL));
    ck_assert_msg(r.error == NULL, "%s", r.error);
    ck_assert_str_eq(r.fields, "a=v;");
    /* one byte more: refused */
    body = apr_pstrcat(test_pool, "--" B "\r\nContent-Disposition: "
                       "form-data; name=\"a\"\r\nX: ", pad,
                       "p\r\n\r\nv" DELIM "--", NULL);
    r = parse_pieces(body, strlen(body), 0, 1000, 100);
    ck_assert_ptr_ne(r.error, NULL);
    ck_assert(strstr(r.error, "headers are longer than 8192") != NULL);
}
END_TEST

START_TEST(bounded_fields)
{
    result_t r;
    const char *many = "--" B;
    int i;

    r = parse_pieces("--" B "\r\n" PART("abc") "0123456" DELIM "--",
                     strlen("--" B "\r\n" PART("abc") "0123456" DELIM "--"),
                     0, 0, 10);
    ck_assert_ptr_eq(r.error, NULL);            /* 3 + 7 = 10 bytes */
    r = parse_pieces("--" B "\r\n" PART("abc") "01234567" DELIM "--",
                     strlen("--" B "\r\n" PART("abc") "01234567" DELIM "--"),
                     0, 3, 10);
    ck_assert(r.error && strstr(r.error, "more than 10 bytes"));
    r = parse_pieces("--" B "\r\n" PART("a") "x\0y" DELIM "--",
                     strlen("--" B "\r\n" PART("a")) + 3 + strlen(DELIM "--"),
                     0, 0, 100);
    ck_assert(r.error && strstr(r.error, "NUL"));
    for (i = 0; i <= WEBCAST_MULTIPART_PARTS_MAX; i++) {
        many = apr_pstrcat(test_pool, many, "\r\n" PART("n") DELIM, NULL);
    }
    r = parse(apr_pstrcat(test_pool, many, "--", NULL));
    ck_assert(r.error && strstr(r.error, "more than 256 parts"));
}
END_TEST

/* Filenames reach the caller exactly as sent: judging them is the
 * caller's job (webcast_slides.c); control bytes never pass. */
START_TEST(hostile_filenames)
{
    static const struct {
        const char *wire, *seen;
    } names[] = {
        { "filename=\"../x.pdf\"", "../x.pdf" },
        { "filename=\"a\\b.pdf\"", "a\\b.pdf" },
        { "filename=\"a\\\\b.pdf\"", "a\\b.pdf" },
        { "filename=\"C:\\fakepath\\t.pdf\"", "C:\\fakepath\\t.pdf" },
        { "filename=\"q\\\"uote.pdf\"", "q\"uote.pdf" },
        { "filename=\"%22x%0A.pdf\"", "%22x%0A.pdf" },
        { "filename=/etc/passwd", "/etc/passwd" },
        { "filename=\"t\xc3\xa4lk.pdf\"", "t\xc3\xa4lk.pdf" },
        { "filename=\"a;b.pdf\"; filename*=UTF-8''evil.pdf", "a;b.pdf" },
    };
    static const char *const refused[] = {
        "filename=\"a\tb\x01.pdf\"",
        "filename=\"a\x7f.pdf\"",
        "filename=\"a\x1b.pdf\"",
        "filename=\"unclosed.pdf",
        "filename=\"a.pdf\"; filename=\"b.pdf\"",
        "filename=\"a\"b.pdf\"",
        NULL
    };
    result_t r;
    apr_size_t i;
    const char *body;

    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        r = parse(apr_pstrcat(test_pool, "--" B "\r\nContent-Disposition: "
                              "form-data; name=\"f\"; ", names[i].wire,
                              "\r\n\r\nX" DELIM "--", NULL));
        ck_assert_msg(r.error == NULL, "%s: %s", names[i].wire, r.error);
        ck_assert_str_eq(r.files, apr_pstrcat(test_pool, "[f|",
                         names[i].seen, "|-]X[end]", NULL));
    }
    for (i = 0; refused[i]; i++) {
        r = parse(apr_pstrcat(test_pool, "--" B "\r\nContent-Disposition: "
                              "form-data; name=\"f\"; ", refused[i],
                              "\r\n\r\nX" DELIM "--", NULL));
        ck_assert_msg(r.error != NULL, "accepted %s", refused[i]);
        ck_assert_str_eq(r.files, "");
    }
    /* a NUL in the filename: a control byte in the headers */
    body = "--" B "\r\nContent-Disposition: form-data; name=\"f\"; "
           "filename=\"a\0.pdf\"\r\n\r\nX" DELIM "--";
    r = parse_pieces(body, strlen(body) + 1 + strlen(".pdf\"\r\n\r\nX" DELIM
                     "--"), 0, 0, 100);
    ck_assert(r.error && strstr(r.error, "control byte"));
}
END_TEST

START_TEST(malformed_parts)
{
    static const char *const bad[] = {
        "--" B "\r\n\r\nv" DELIM "--",
        "--" B "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n"
        DELIM "--",
        "--" B "\r\nContent-Disposition: form-data\r\n\r\n" DELIM "--",
        "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n"
        "Content-Disposition: form-data; name=\"b\"\r\n\r\n" DELIM "--",
        "--" B "\r\nContent-Disposition: form-data; name=\"a\"; name=b\r\n"
        "\r\n" DELIM "--",
        "--" B "\r\nno colon here\r\n\r\n" DELIM "--",
        "--" B "\r\n: no name\r\n\r\n" DELIM "--",
        "--" B "\r\n folded first: x\r\n\r\n" DELIM "--",
        "--" B "\r\nContent-Disposition: form-data; =\"a\"\r\n\r\n" DELIM "--",
        "--" B "\r\nContent-Disposition: form-data name=\"a\"\r\n\r\n"
        DELIM "--",
        NULL
    };
    result_t r;
    int i;

    for (i = 0; bad[i]; i++) {
        r = parse(bad[i]);
        ck_assert_msg(r.error != NULL, "accepted %d", i);
    }
}
END_TEST

START_TEST(callback_stops_it)
{
    seen_t s;
    webcast_multipart *mp;
    const char *body = "--" B "\r\n" FILEPART("f", "a.pdf") "abcSTOPdef"
                       DELIM "--";

    memset(&s, 0, sizeof(s));
    s.p = test_pool;
    s.log = "";
    s.fail_on = "STOP";
    mp = webcast_multipart_new(test_pool, B, 100, &cbs, &s);
    ck_assert_str_eq(webcast_multipart_feed(mp, body, strlen(body)),
                     "the callback refused");
    ck_assert_str_eq(webcast_multipart_feed(mp, "more", 4),
                     "the callback refused");
    ck_assert_str_eq(webcast_multipart_finish(mp), "the callback refused");
    ck_assert(strstr(s.log, "[end]") == NULL);
}
END_TEST

Suite *multipart_suite(void)
{
    Suite *s = suite_create("multipart");
    TCase *tc = tcase_with_pool("multipart");

    tcase_add_test(tc, boundary_from_content_type);
    tcase_add_test(tc, boundary_refused);
    tcase_add_test(tc, fields_and_file);
    tcase_add_test(tc, every_cut);
    tcase_add_test(tc, near_delimiters_every_cut);
    tcase_add_test(tc, binary_file);
    tcase_add_test(tc, crlf_edges);
    tcase_add_test(tc, incomplete_bodies);
    tcase_add_test(tc, broken_boundaries);
    tcase_add_test(tc, bounded_headers);
    tcase_add_test(tc, bounded_fields);
    tcase_add_test(tc, hostile_filenames);
    tcase_add_test(tc, malformed_parts);
    tcase_add_test(tc, callback_stops_it);
    suite_add_tcase(s, tc);
    return s;
}
