/* test_csv.c - RFC 4180 CSV: quotes, doubled quotes, line breaks inside
 * quotes, a byte order mark, CRLF/LF/CR, limits, and each refusal with
 * its line. */
#include <string.h>

#include "tests.h"
#include "webcast_csv.h"

static const webcast_csv_limits lim = { 4096, 10, 8 };

static apr_array_header_t *rows_of(const char *s, apr_size_t len)
{
    apr_array_header_t *rows = NULL;
    const char *err = webcast_csv_parse(test_pool, s, len, &lim, &rows);

    ck_assert_msg(err == NULL, "unexpected error: %s", err);
    return rows;
}

#define ROWS(s) rows_of((s), sizeof(s) - 1)

static const webcast_csv_row *row(apr_array_header_t *rows, int i)
{
    ck_assert_int_gt(rows->nelts, i);
    return APR_ARRAY_IDX(rows, i, webcast_csv_row *);
}

static void refused(const char *s, apr_size_t len, const char *part)
{
    apr_array_header_t *rows = NULL;
    const char *err = webcast_csv_parse(test_pool, s, len, &lim, &rows);

    ck_assert_msg(err && strstr(err, part), "error \"%s\" lacks \"%s\"",
                  err ? err : "(none)", part);
}

#define REFUSED(s, part) refused((s), sizeof(s) - 1, (part))

START_TEST(plain_fields)
{
    apr_array_header_t *rows = ROWS("title,speaker_name\nA talk,Ann\n");

    ck_assert_int_eq(rows->nelts, 2);
    ck_assert_int_eq(row(rows, 0)->nfields, 2);
    ck_assert_str_eq(row(rows, 0)->field[0], "title");
    ck_assert_str_eq(row(rows, 1)->field[1], "Ann");
    ck_assert_int_eq(row(rows, 1)->line, 2);
}
END_TEST

START_TEST(quotes)
{
    apr_array_header_t *rows =
        ROWS("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"\"\n");

    ck_assert_str_eq(row(rows, 1)->field[0], "x, y");
    ck_assert_str_eq(row(rows, 1)->field[1], "say \"hi\"");
    ck_assert_str_eq(row(rows, 1)->field[2], "");
    ck_assert_int_eq(row(rows, 1)->nfields, 3);
}
END_TEST

START_TEST(line_breaks_in_quotes)
{
    apr_array_header_t *rows =
        ROWS("a,b\r\n\"one\r\ntwo\nthree\",x\r\nlast,y\r\n");

    ck_assert_int_eq(rows->nelts, 3);
    ck_assert_str_eq(row(rows, 1)->field[0], "one\r\ntwo\nthree");
    ck_assert_int_eq(row(rows, 1)->line, 2);
    ck_assert_int_eq(row(rows, 2)->line, 5);   /* as an editor counts */
    ck_assert_str_eq(row(rows, 2)->field[0], "last");
}
END_TEST

START_TEST(line_ends)
{
    apr_array_header_t *rows = ROWS("a\rb\r\nc\nd");

    ck_assert_int_eq(rows->nelts, 4);
    ck_assert_str_eq(row(rows, 3)->field[0], "d");
    ck_assert_int_eq(row(rows, 3)->line, 4);
}
END_TEST

START_TEST(bom_and_empty_lines)
{
    apr_array_header_t *rows = ROWS("\xef\xbb\xbftitle\n\n\r\nx\n\n");

    ck_assert_int_eq(rows->nelts, 2);
    ck_assert_str_eq(row(rows, 0)->field[0], "title");
    ck_assert_str_eq(row(rows, 1)->field[0], "x");
    ck_assert_int_eq(row(rows, 1)->line, 4);
}
END_TEST

START_TEST(trailing_comma)
{
    apr_array_header_t *rows = ROWS("a,b,\n,,");

    ck_assert_int_eq(row(rows, 0)->nfields, 3);
    ck_assert_str_eq(row(rows, 0)->field[2], "");
    ck_assert_int_eq(row(rows, 1)->nfields, 3);
}
END_TEST

START_TEST(utf8_kept)
{
    apr_array_header_t *rows = ROWS("\"Caf\xc3\xa9\",\xe2\x80\x9cq\xe2\x80\x9d");

    ck_assert_str_eq(row(rows, 0)->field[0], "Caf\xc3\xa9");
    ck_assert_str_eq(row(rows, 0)->field[1], "\xe2\x80\x9cq\xe2\x80\x9d");
}
END_TEST

START_TEST(refusals)
{
    REFUSED("a\n\"never closed,x\nmore\n", "line 2: a quoted field is never closed");
    REFUSED("a\nb\n\"x\"y,z\n", "line 3: text after a closing quote");
    REFUSED("a\n\"two\nlines\" x\n", "line 3: text after a closing quote");
    REFUSED("a\n12\" screen\n", "line 2: a quote inside a field");
    REFUSED("a\nb\x00", "line 2: a NUL byte");
    REFUSED("a,b,c,d,e,f,g,h,i\n", "line 1: more than 8 fields");
    REFUSED("h\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", "line 12: more than 10 rows");
}
END_TEST

START_TEST(limits_exact)
{
    /* ten rows after the header and eight fields are allowed */
    apr_array_header_t *rows = ROWS("h\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    char big[4098];

    ck_assert_int_eq(rows->nelts, 11);
    ck_assert_int_eq(row(ROWS("a,b,c,d,e,f,g,h"), 0)->nfields, 8);
    memset(big, 'x', sizeof(big));
    refused(big, sizeof(big), "4098 bytes long; the most is 4096");
}
END_TEST

START_TEST(empty)
{
    ck_assert_int_eq(ROWS("")->nelts, 0);
    ck_assert_int_eq(ROWS("\xef\xbb\xbf\r\n\n")->nelts, 0);
}
END_TEST

Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_with_pool("rfc4180");

    tcase_add_test(tc, plain_fields);
    tcase_add_test(tc, quotes);
    tcase_add_test(tc, line_breaks_in_quotes);
    tcase_add_test(tc, line_ends);
    tcase_add_test(tc, bom_and_empty_lines);
    tcase_add_test(tc, trailing_comma);
    tcase_add_test(tc, utf8_kept);
    tcase_add_test(tc, refusals);
    tcase_add_test(tc, limits_exact);
    tcase_add_test(tc, empty);
    suite_add_tcase(s, tc);
    return s;
}
