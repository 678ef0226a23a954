/* test_admin_render.c - the admin's pages as strings: escaping, the token
 * in every form, labels and messages tied to their fields, and which
 * buttons appear after a state change. */
#include <string.h>

#include <apr_strings.h>

#include "tests.h"
#include "webcast_admin_render.h"

#define HAS(hay, needle) ck_assert_msg(strstr((hay), (needle)) != NULL, \
                                       "missing: %s", (needle))
#define HASNT(hay, needle) ck_assert_msg(strstr((hay), (needle)) == NULL, \
                                         "present: %s", (needle))
#define TOKEN "0123456789abcdef0123456789abcdef01234567"

static webcast_admin_site site(void)
{
    webcast_admin_site s;

    memset(&s, 0, sizeof(s));
    s.mount = "/admin";
    s.public_mount = "";
    s.tz = webcast_tz_utc(test_pool);
    s.user = "<b>staff</b>";
    s.token = TOKEN;
    s.now = apr_time_from_sec(1795000000);
    return s;
}

static webcast_record *talk(apr_uint32_t id, const char *workshop,
                            const char *title, const char *starts,
                            const char *state)
{
    webcast_record *r = webcast_record_new(test_pool, WEBCAST_PRESENTATION);

    r->id = id;
    r->version = 1;
    r->workshop_title = "<i>W</i>";
    r->value[PF_WORKSHOP_ID] = workshop;
    r->value[PF_TITLE] = title;
    r->value[PF_SPEAKER_NAME] = "";
    r->value[PF_STARTS_AT] = starts;
    r->value[PF_ENDS_AT] = "2026-11-25 23:00:00";
    r->value[PF_HAS_WEBCAST] = "1";
    r->value[PF_STATE] = state;
    return r;
}

/* occurrences of needle in hay */
static int count(const char *hay, const char *needle)
{
    int n = 0;

    while ((hay = strstr(hay, needle)) != NULL) {
        n++;
        hay += strlen(needle);
    }
    return n;
}

START_TEST(state_buttons)
{
    webcast_state next;
    const char *label;

    ck_assert(webcast_admin_next_state(WEBCAST_STATE_UPCOMING, &next,
                                       &label));
    ck_assert_int_eq(next, WEBCAST_STATE_LIVE);
    ck_assert_str_eq(label, "Go live");
    ck_assert(webcast_admin_next_state(WEBCAST_STATE_LIVE, &next, &label));
    ck_assert_str_eq(label, "Ended");
    ck_assert(webcast_admin_next_state(WEBCAST_STATE_CONCLUDED, &next,
                                       &label));
    ck_assert_int_eq(next, WEBCAST_STATE_ARCHIVE);
    ck_assert_str_eq(label, "Archive ready");
    ck_assert(!webcast_admin_next_state(WEBCAST_STATE_ARCHIVE, &next,
                                        &label));
    ck_assert(!webcast_admin_next_state(WEBCAST_STATE_EXTERNAL, &next,
                                        &label));
}
END_TEST

START_TEST(today_escapes_and_carries_the_token)
{
    webcast_admin_site s = site();
    webcast_record *list[1];
    const char *html;

    list[0] = talk(7, "2", "<script>x</script>", "2026-11-25 20:00:00",
                   "upcoming");
    html = webcast_admin_render_today(test_pool, &s, NULL, list, 1);
    HAS(html, "Signed in as &lt;b&gt;staff&lt;/b&gt;");
    HAS(html, "<span class=\"talk-title\">&lt;script&gt;x&lt;/script&gt;");
    HAS(html, "<a href=\"/admin/workshops/2/\">&lt;i&gt;W&lt;/i&gt;</a>");
    HAS(html, "<form method=\"post\" action=\"/admin/presentations/7/state\">"
              "<input type=\"hidden\" name=\"token\" value=\"" TOKEN "\">");
    HAS(html, "name=\"to\" value=\"live\"");
    HAS(html, "aria-label=\"Go live: &lt;script&gt;x&lt;/script&gt;\"");
    HAS(html, "<a href=\"/presentations/7/\">View on the site</a>");
    HASNT(html, "<script>");
    HASNT(html, "<b>");
}
END_TEST

START_TEST(undo_and_end_the_one_before)
{
    webcast_admin_site s = site();
    webcast_admin_notice n = { NULL, 3, WEBCAST_STATE_UPCOMING, 0 };
    webcast_record *list[4];
    const char *html;

    list[0] = talk(1, "2", "Earlier", "2026-11-25 18:00:00", "live");
    list[1] = talk(2, "2", "Parallel", "2026-11-25 20:00:00", "live");
    list[2] = talk(3, "2", "Now", "2026-11-25 20:00:00", "live");
    list[3] = talk(4, "9", "Elsewhere", "2026-11-25 17:00:00", "live");
    html = webcast_admin_render_today(test_pool, &s, &n, list, 4);
    HAS(html, "&ldquo;Now&rdquo; is now <strong>Live</strong>.");
    HAS(html, "value=\"upcoming\" class=\"secondary to-upcoming\" "
              "aria-label=\"Undo: Now\">Undo</button>");
    /* only the earlier talk of the same workshop is offered an end */
    HAS(html, "aria-label=\"End the one before: Earlier\"");
    HASNT(html, "End the one before: Parallel");
    HASNT(html, "End the one before: Elsewhere");
    ck_assert_int_eq(count(html, "End the one before:"), 1);

    /* no notice when the state is not what the link claims */
    n.from = WEBCAST_STATE_LIVE;
    HASNT(webcast_admin_render_today(test_pool, &s, &n, list, 4), "Undo");
    /* nor for an unknown presentation */
    n.flipped = 99;
    n.from = WEBCAST_STATE_UPCOMING;
    HASNT(webcast_admin_render_today(test_pool, &s, &n, list, 4), "Undo");
}
END_TEST

START_TEST(not_webcast_has_no_state_button)
{
    webcast_admin_site s = site();
    webcast_record *list[1];
    const char *html;

    list[0] = talk(5, "2", "Morning", "2026-11-25 16:00:00", "upcoming");
    list[0]->value[PF_HAS_WEBCAST] = "0";
    html = webcast_admin_render_today(test_pool, &s, NULL, list, 1);
    HAS(html, "Not webcast");
    HASNT(html, "Go live");
}
END_TEST

START_TEST(form_ties_messages_to_fields)
{
    webcast_admin_site s = site();
    webcast_admin_form_page pg;
    apr_table_t *in = apr_table_make(test_pool, 4);
    webcast_form *form;
    const char *html;
    int n, i;
    const webcast_field *f = webcast_fields(WEBCAST_PRESENTATION, &n);

    apr_table_set(in, "title", "\"><script>");
    apr_table_set(in, "summary", "\nstarts with a blank line");
    apr_table_set(in, "webcast_state", "archive");
    form = webcast_form_parse(test_pool, WEBCAST_PRESENTATION, s.tz, in);
    memset(&pg, 0, sizeof(pg));
    pg.form = form;
    pg.id = 12;
    pg.version = 4;
    html = webcast_admin_render_form(test_pool, &s, &pg);
    for (i = 0; i < n; i++) {
        HAS(html, apr_psprintf(test_pool, "<label for=\"f-%s\">",
                               f[i].name));
        HAS(html, apr_psprintf(test_pool, "id=\"f-%s\"", f[i].name));
    }
    HAS(html, "<form class=\"record\" method=\"post\" "
              "action=\"/admin/presentations/12/edit\">\n"
              "<input type=\"hidden\" name=\"token\" value=\"" TOKEN "\">"
              "<input type=\"hidden\" name=\"version\" value=\"4\">");
    HAS(html, "value=\"&quot;&gt;&lt;script&gt;\"");
    HAS(html, "aria-describedby=\"f-webcast_path-error f-webcast_path-help\" "
              "aria-invalid=\"true\"");
    HAS(html, "<p class=\"error\" id=\"f-webcast_path-error\">");
    HAS(html, "<p class=\"error\" id=\"f-starts_at-error\">Enter the day and "
              "time it starts.</p>");
    /* the parser eats one newline after <textarea>: the typed one stays */
    HAS(html, "name=\"summary\" rows=\"5\" aria-describedby=\"f-summary-help\">"
              "\n\nstarts with a blank line</textarea>");
    /* slides may be a path on this site, which type="url" would refuse */
    HAS(html, "name=\"slides_url\" type=\"text\" value=\"\" "
              "inputmode=\"url\" autocapitalize=\"none\" maxlength=\"1024\"");
    HAS(html, "name=\"external_url\" type=\"url\" value=\"\" "
              "maxlength=\"1024\"");
    HAS(html, "<option value=\"archive\" selected>Archive ready</option>");
    HAS(html, "Day and time in UTC, the site&#39;s time zone.");
    HAS(html, "some fields need a fix");
    /* a presentation whose workshop is unknown: Cancel goes to the list */
    HAS(html, "Save</button> <a href=\"/admin/workshops/\">Cancel</a>");
    HASNT(html, "<script>");
}
END_TEST

START_TEST(workshop_with_talks_is_not_deletable)
{
    webcast_admin_site s = site();
    webcast_record *w = webcast_record_new(test_pool, WEBCAST_WORKSHOP);
    const char *html;

    w->id = 3;
    w->version = 2;
    w->value[WF_TITLE] = "<W>";
    w->count = 2;
    html = webcast_admin_render_delete(test_pool, &s, w);
    HAS(html, "still has 2 presentations");
    HASNT(html, "<button");
    w->count = 0;
    html = webcast_admin_render_delete(test_pool, &s, w);
    HAS(html, "<form method=\"post\" action=\"/admin/workshops/3/delete\">");
    HAS(html, "name=\"version\" value=\"2\"");
    HAS(html, "&ldquo;&lt;W&gt;&rdquo;");
}
END_TEST

static webcast_record *workshop3(void)
{
    webcast_record *w = webcast_record_new(test_pool, WEBCAST_WORKSHOP);

    w->id = 3;
    w->value[WF_TITLE] = "<W>";
    return w;
}

START_TEST(import_preview)
{
    webcast_admin_site s = site();
    webcast_admin_import_page pg;
    const char *csv = "title,starts_at,ends_at\n"
                      "<script>x</script>,2026-11-25 12:00,2026-11-25 13:00\n";
    const char *bad = "title,starts_at,ends_at\n"
                      "ok,2026-11-25 12:00,2026-11-25 13:00\n"
                      "<b>late</b>,2026-11-25 12:00,2026-11-25 11:00\n";
    const char *html;

    memset(&pg, 0, sizeof(pg));
    pg.workshop = workshop3();
    pg.has_webcast = "1";
    html = webcast_admin_render_import(test_pool, &s, &pg);
    HAS(html, "<form class=\"record\" method=\"post\" "
              "action=\"/admin/workshops/3/import\" "
              "enctype=\"multipart/form-data\">");
    HAS(html, "<input type=\"file\" id=\"i-file\" name=\"file\"");
    HAS(html, "name=\"token\" value=\"" TOKEN "\"");
    HAS(html, "name=\"webcast\" value=\"1\" checked");
    HASNT(html, "value=\"import\"");

    pg.im = webcast_import_read(test_pool, s.tz, 3, "1", csv, strlen(csv));
    pg.content = "Y29udGVudA==";
    pg.shown = 1795000000;
    html = webcast_admin_render_import(test_pool, &s, &pg);
    HAS(html, "1 presentation ready");
    HAS(html, "<span class=\"talk-title\">&lt;script&gt;x&lt;/script&gt;"
              "</span>");
    HASNT(html, "<script>");
    HAS(html, "name=\"content\" value=\"Y29udGVudA==\"");
    HAS(html, "name=\"shown\" value=\"1795000000\"");
    HAS(html, ">Import 1 presentation</button>");
    ck_assert_int_eq(count(html, "name=\"token\""), 2);

    pg.im = webcast_import_read(test_pool, s.tz, 3, "1", bad, strlen(bad));
    pg.text = bad;
    html = webcast_admin_render_import(test_pool, &s, &pg);
    HAS(html, "Nothing was imported: 1 of 2 rows needs a fix");
    HAS(html, "<li id=\"line-3\" class=\"bad\">");
    HAS(html, "<li>line 3, ends_at: The end must be after the start.</li>");
    HAS(html, "&lt;b&gt;late&lt;/b&gt;,2026-11-25 12:00");   /* in the box */
    HASNT(html, "value=\"import\"");
}
END_TEST

/* The slides upload: its own multipart form after the record's, the
 * token before the file input, the limit in words, a message tied to
 * the input; none for a record not stored yet. */
START_TEST(upload_form)
{
    webcast_admin_site st = site();
    webcast_record *rec = talk(9, "2", "Talk", "2026-11-25 20:00:00",
                               "upcoming");
    webcast_admin_upload up = { 1024 * 1024, NULL };
    webcast_admin_form_page pg;
    const char *html, *tok, *file;

    memset(&pg, 0, sizeof(pg));
    pg.form = webcast_form_from_record(test_pool, st.tz, rec);
    pg.id = 9;
    pg.version = 1;
    pg.upload = &up;
    html = webcast_admin_render_form(test_pool, &st, &pg);
    HAS(html, "<form class=\"record\" method=\"post\" action=\""
              "/admin/presentations/9/slides\" enctype=\"multipart/form-data\">");
    HAS(html, "<input type=\"file\" id=\"f-slides_file\" name=\"slides_file\" "
              "accept=\".pdf,.ppt,.pptx,.pps,.ppsx,.key,.odp\" required "
              "aria-describedby=\"f-slides_file-help\">");
    HAS(html, "PDF (.pdf), PowerPoint (.ppt, .pptx, .pps, .ppsx), Keynote "
              "(.key) or OpenDocument (.odp), up to 1 MB.");
    tok = strstr(strstr(html, "/slides\" enctype"), "name=\"token\"");
    file = strstr(html, "type=\"file\"");
    ck_assert(tok != NULL && file != NULL && tok < file);
    ck_assert_int_eq(count(html, "<form "), 2);
    HASNT(html, "f-slides_file-error");
    up.problem = "\u201c<x>.exe\u201d is not a slides file";
    html = webcast_admin_render_form(test_pool, &st, &pg);
    HAS(html, "<div class=\"field invalid\">\n<label for=\"f-slides_file\">");
    HAS(html, "<p class=\"error\" id=\"f-slides_file-error\">\u201c&lt;x&gt;"
              ".exe\u201d is not a slides file</p>");
    HAS(html, "aria-describedby=\"f-slides_file-error f-slides_file-help\" "
              "aria-invalid=\"true\"");
    pg.id = 0;
    HASNT(webcast_admin_render_form(test_pool, &st, &pg), "slides_file");
    pg.id = 9;
    pg.upload = NULL;
    HASNT(webcast_admin_render_form(test_pool, &st, &pg), "slides_file");
}
END_TEST

Suite *admin_render_suite(void)
{
    Suite *s = suite_create("admin_render");
    TCase *tc = tcase_with_pool("admin_render");

    tcase_add_test(tc, state_buttons);
    tcase_add_test(tc, today_escapes_and_carries_the_token);
    tcase_add_test(tc, undo_and_end_the_one_before);
    tcase_add_test(tc, not_webcast_has_no_state_button);
    tcase_add_test(tc, form_ties_messages_to_fields);
    tcase_add_test(tc, workshop_with_talks_is_not_deletable);
    tcase_add_test(tc, import_preview);
    tcase_add_test(tc, upload_form);
    suite_add_tcase(s, tc);
    return s;
}
