// t/browser/upload.js - a person uploads slides through the admin's real
// form in headless Chromium: a file of the wrong kind first (the message
// appears beside the upload form), then the PDF; the page says it is
// uploaded, and the public page's link downloads the same bytes. Run by
// t/browser.t:
//   node upload.js BASE_URL USER PASSWORD TALK_ID PDF_FILE NOT_A_PDF_FILE
// Prints "ok - ..." per step; exits non-zero at the first failure.
'use strict';
const fs = require('fs');
const { launch, ok, adminPage, noRefusals } = require('./harness');

const [base, user, pass, talkId, pdfFile, badFile] = process.argv.slice(2);

// Press Upload with `file` chosen; the answer to the POST.
async function upload(page, file) {
  await page.locator('#f-slides_file').setInputFiles(file);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/slides')
                                && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Upload', exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return res;
}

(async () => {
  const browser = await launch();
  try {
    const { context, page, refused } = await adminPage(browser, user, pass);

    let res = await page.goto(base + '/admin/presentations/' + talkId +
                              '/edit');
    ok(res.status() === 200, 'the presentation\'s admin page answers 200');
    ok(await page.getByLabel('Upload the slides').isVisible(),
       'it has a labelled file input for the slides');

    res = await upload(page, badFile);
    ok(res.status() === 415, 'a text file named .pdf: refused (415)');
    const error = await page.locator('#f-slides_file-error').innerText();
    ok(error.includes('does not hold PDF slides'),
       'the message beside the upload form says why: ' + error);

    res = await upload(page, pdfFile);
    ok(res.status() === 303, 'the PDF: taken (303)');
    await page.waitForURL(/done=slides/);
    ok((await page.locator('.notice').first().innerText())
           .includes('The slides are uploaded'),
       'the page after says the slides are uploaded');
    noRefusals(refused);

    const pub = await context.newPage();
    res = await pub.goto(base + '/presentations/' + talkId + '/');
    ok(res.status() === 200, 'the public page answers 200');
    const link = pub.getByRole('link', { name: 'Download the slides (PDF)' });
    ok(await link.isVisible(), 'the public page links the slides');
    const href = await link.getAttribute('href');
    ok(/^\/slides\/\d+-[0-9a-f]{32}\.pdf$/.test(href),
       'the link is the stored file: ' + href);
    const file = await pub.request.get(base + href);
    ok(file.status() === 200 && (await file.body())
           .equals(fs.readFileSync(pdfFile)),
       'following it downloads the bytes uploaded');
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log(String(e.message || e));
  process.exit(1);
});
