/* test_slides.c - the slides upload's rules: extensions and first bytes,
 * hostile file names, the names stored files get and which are ours. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_slides.h"

static const webcast_slides_type *type_of(const char *name, const char **why)
{
    return webcast_slides_type_of(test_pool, name, why);
}

START_TEST(allowed_extensions)
{
    static const char *const ok[][2] = {
        { "talk.pdf", "pdf" }, { "Talk.PDF", "pdf" }, { "a.b.ppt", "ppt" },
        { "deck.pptx", "pptx" }, { "show.pps", "pps" },
        { "show.PpSx", "ppsx" }, { "keynote.key", "key" },
        { "impress.odp", "odp" }, { "t\xc3\xa4lk \xe2\x80\x94 final.pdf",
                                    "pdf" },
        { "..pdf", "pdf" },
    };
    const char *why;
    apr_size_t i;

    for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        const webcast_slides_type *t = type_of(ok[i][0], &why);
        ck_assert_msg(t != NULL, "%s: %s", ok[i][0], why);
        ck_assert_str_eq(t->ext, ok[i][1]);
        ck_assert_ptr_eq(why, NULL);
    }
}
END_TEST

START_TEST(refused_names)
{
    static const char *const bad[] = {
        "", "talk", "talk.", ".pdf", "talk.exe", "talk.pdf.exe", "talk.html",
        "talk.pdfx", "talk.pd", "talk.key.", "..", "../x.pdf", "a\\b.pdf",
        "/etc/x.pdf", "C:\\fakepath\\t.pdf", "dir/", "a\tb.pdf", "a\nb.pdf",
        "a\x7f.pdf", "\xff\xfe.pdf", "t\xc3.pdf", "talk.svg", "talk.docx",
        NULL
    };
    char *longname = apr_palloc(test_pool, 260);
    const char *why;
    int i;

    for (i = 0; bad[i]; i++) {
        why = NULL;
        ck_assert_msg(type_of(bad[i], &why) == NULL, "took \"%s\"", bad[i]);
        ck_assert_ptr_ne(why, NULL);
    }
    ck_assert_ptr_eq(type_of(NULL, &why), NULL);
    ck_assert(strstr(why, "No file was chosen") != NULL);
    type_of("../x.pdf", &why);
    ck_assert_str_eq(why, "The file's name \xe2\x80\x9c../x.pdf\xe2\x80\x9d "
                     "holds a folder (/ or \\). Upload the file itself, with "
                     "a plain name such as talk.pdf.");
    type_of("talk.exe", &why);
    ck_assert_str_eq(why, "\xe2\x80\x9ctalk.exe\xe2\x80\x9d is not a slides "
                     "file this site takes: choose PDF (.pdf), PowerPoint "
                     "(.ppt, .pptx, .pps, .ppsx), Keynote (.key) or "
                     "OpenDocument (.odp).");
    memset(longname, 'a', 252);
    strcpy(longname + 252, ".pdf");         /* 256 bytes */
    ck_assert_ptr_eq(type_of(longname, &why), NULL);
    longname[251] = '\0';
    strcat(longname, ".pdf");               /* 255 */
    ck_assert_ptr_ne(type_of(longname, &why), NULL);
}
END_TEST

START_TEST(magic_bytes)
{
    const char *why;
    const webcast_slides_type *pdf = type_of("a.pdf", &why),
        *ppt = type_of("a.ppt", &why), *pps = type_of("a.pps", &why),
        *pptx = type_of("a.pptx", &why), *key = type_of("a.key", &why),
        *odp = type_of("a.odp", &why), *ppsx = type_of("a.ppsx", &why);
    const char ole2[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest";

    ck_assert(webcast_slides_magic_ok(pdf, "%PDF-1.7\n", 9));
    ck_assert(webcast_slides_magic_ok(pdf, "%PDF-", 5));
    ck_assert(!webcast_slides_magic_ok(pdf, "%PDF", 4));
    ck_assert(!webcast_slides_magic_ok(pdf, " %PDF-1.7", 9));
    ck_assert(!webcast_slides_magic_ok(pdf, "PK\003\004", 4));
    ck_assert(!webcast_slides_magic_ok(pdf, "", 0));
    ck_assert(webcast_slides_magic_ok(ppt, ole2, 12));
    ck_assert(webcast_slides_magic_ok(pps, ole2, 8));
    ck_assert(!webcast_slides_magic_ok(ppt, ole2, 7));
    ck_assert(!webcast_slides_magic_ok(ppt, "PK\003\004\024\000\006\000", 8));
    ck_assert(webcast_slides_magic_ok(pptx, "PK\003\004\024\000", 6));
    ck_assert(webcast_slides_magic_ok(ppsx, "PK\003\004", 4));
    ck_assert(webcast_slides_magic_ok(key, "PK\003\004", 4));
    ck_assert(webcast_slides_magic_ok(odp, "PK\003\004", 4));
    ck_assert(!webcast_slides_magic_ok(odp, "PK\005\006", 4));  /* empty zip */
    ck_assert(!webcast_slides_magic_ok(key, ole2, 8));
    ck_assert(!webcast_slides_magic_ok(pptx, "%PDF-1.4", 8));
    ck_assert(!webcast_slides_magic_ok(key, "PK\003", 3));
}
END_TEST

START_TEST(stored_names)
{
    unsigned char r[WEBCAST_SLIDES_RANDOM];
    const char *why, *name;
    int i, n;
    const webcast_slides_type *t = webcast_slides_types(&n);

    ck_assert_int_eq(n, 7);
    for (i = 0; i < WEBCAST_SLIDES_RANDOM; i++) {
        r[i] = (unsigned char)(i * 17 + 3);
    }
    name = webcast_slides_name(test_pool, 42, r, type_of("X.PPTX", &why));
    ck_assert_str_eq(name, "42-031425364758697a8b9cadbecfe0f102.pptx");
    ck_assert(webcast_slides_name_ours(name));
    for (i = 0; i < n; i++) {
        ck_assert(webcast_slides_name_ours(
            webcast_slides_name(test_pool, 4294967295u, r, &t[i])));
    }
    ck_assert(!webcast_slides_name_ours(""));
    ck_assert(!webcast_slides_name_ours("42-031425364758697a8b9cadbecfe0f102"));
    ck_assert(!webcast_slides_name_ours("42-031425364758697a8b9cadbecfe0f102.exe"));
    ck_assert(!webcast_slides_name_ours("42-031425364758697a8b9cadbecfe0f102.PDF"));
    ck_assert(!webcast_slides_name_ours("42-031425364758697A8b9cadbecfe0f102.pdf"));
    ck_assert(!webcast_slides_name_ours("42-031425364758697a8b9cadbecfe0f1.pdf"));
    ck_assert(!webcast_slides_name_ours("-031425364758697a8b9cadbecfe0f102.pdf"));
    ck_assert(!webcast_slides_name_ours("12345678901-031425364758697a8b9cadbecfe0f102.pdf"));
    ck_assert(!webcast_slides_name_ours("../42-031425364758697a8b9cadbecfe0f102.pdf"));
    ck_assert(!webcast_slides_name_ours("42-031425364758697a8b9cadbecfe0f102.pdf/x"));
    ck_assert(!webcast_slides_name_ours(".upload-031425364758697a8b9cadbecfe0f102"));
    ck_assert(!webcast_slides_name_ours("talk.pdf"));
}
END_TEST

START_TEST(file_of_url)
{
    const char *n = "7-00112233445566778899aabbccddeeff.pdf";

    ck_assert_str_eq(webcast_slides_file_of(test_pool, "/slides",
        apr_pstrcat(test_pool, "/slides/", n, NULL)), n);
    ck_assert_str_eq(webcast_slides_file_of(test_pool,
        "https://cdn.example.org/s", apr_pstrcat(test_pool,
        "https://cdn.example.org/s/", n, NULL)), n);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides",
        apr_pstrcat(test_pool, "/slides/sub/", n, NULL)), NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides",
        apr_pstrcat(test_pool, "/slidesx/", n, NULL)), NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides",
        apr_pstrcat(test_pool, "/other/", n, NULL)), NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides",
        "/slides/talk.pdf"), NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides",
        "/slides/../etc/passwd"), NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, "/slides", NULL),
                     NULL);
    ck_assert_ptr_eq(webcast_slides_file_of(test_pool, NULL, n), NULL);
}
END_TEST

START_TEST(for_people)
{
    ck_assert_str_eq(webcast_slides_accept(test_pool),
                     ".pdf,.ppt,.pptx,.pps,.ppsx,.key,.odp");
    ck_assert_str_eq(webcast_size_text(test_pool, 100 * 1024 * 1024),
                     "100 MB");
    ck_assert_str_eq(webcast_size_text(test_pool, 3 * 512 * 1024 * 1024LL),
                     "1.5 GB");
    ck_assert_str_eq(webcast_size_text(test_pool, 512 * 1024), "512 KB");
    ck_assert_str_eq(webcast_size_text(test_pool, 1024 * 1024 - 1), "1 MB");
    ck_assert_str_eq(webcast_size_text(test_pool, 300000 - 65536), "229 KB");
    ck_assert_str_eq(webcast_size_text(test_pool, 1536), "1.5 KB");
    ck_assert_str_eq(webcast_size_text(test_pool, 300), "300 bytes");
    ck_assert_str_eq(webcast_size_text(test_pool, 2048LL << 30), "2 TB");
}
END_TEST

Suite *slides_suite(void)
{
    Suite *s = suite_create("slides");
    TCase *tc = tcase_with_pool("slides");

    tcase_add_test(tc, allowed_extensions);
    tcase_add_test(tc, refused_names);
    tcase_add_test(tc, magic_bytes);
    tcase_add_test(tc, stored_names);
    tcase_add_test(tc, file_of_url);
    tcase_add_test(tc, for_people);
    suite_add_tcase(s, tc);
    return s;
}
