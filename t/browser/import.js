// t/browser/import.js - a person imports a schedule at the staff admin, in
// headless Chromium: opens the workshop, "Import a schedule", chooses a
// CSV file with a mistake, sees the preview name it, corrects it in the
// box, sees every row ready, presses "Import 2 presentations" and finds the talks on the
// workshop's page. Run by t/browser.t:
//   node import.js BASE_URL USER PASSWORD WORKSHOP_TITLE
// Prints "ok - ..." per step; exits non-zero at the first failure.
'use strict';
const { launch, ok, adminPage, noRefusals } = require('./harness');

const [base, user, pass, workshop] = process.argv.slice(2);

const header = 'title,speaker_name,starts_at,ends_at,summary\n';
const first = 'Imported in a browser,Ivy Import,2031-01-10 12:00,' +
    '2031-01-10 13:00,"Pasted, with a comma"\n';
const wrong = 'Second imported talk,Sy Second,2031-01-10 14:00,' +
    '2031-01-10 13:30,\n';
const right = 'Second imported talk,Sy Second,2031-01-10 14:00,' +
    '2031-01-10 15:30,\n';

(async () => {
  const browser = await launch();
  try {
    const { page, refused } = await adminPage(browser, user, pass);

    await page.goto(base + '/admin/workshops/');
    await page.getByRole('link', { name: workshop, exact: true }).click();
    await page.waitForURL(/\/admin\/workshops\/\d+\/$/);
    await page.getByRole('link', { name: 'Import a schedule' }).click();
    await page.waitForURL(/\/admin\/workshops\/\d+\/import$/);
    ok(await page.getByRole('heading', { name: 'Import a schedule' })
           .isVisible(), 'the import page opens from the workshop');

    // the spreadsheet saved as CSV, chosen as a file
    await page.getByLabel('File (CSV or schedule.xml)').setInputFiles({
      name: 'week.csv', mimeType: 'text/csv',
      buffer: Buffer.from(header + first + wrong) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    ok((await page.locator('.notice').first().innerText())
           .includes('Nothing was imported: 1 of 2 rows needs a fix'),
       'a mistake: the preview says nothing was imported');
    ok(await page.getByText(
           'line 3, ends_at: The end must be after the start.').isVisible(),
       'the bad row is named by its line and reason');
    ok(await page.getByRole('button', { name: /^Import/ }).count() === 0,
       'no Import button while a row is bad');
    const box = page.getByLabel('Or paste it here');
    ok((await box.inputValue()).includes('2031-01-10 13:30'),
       'the chosen file comes back in the box, to be corrected there');

    await box.fill(header + first + right);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import 2 presentations' })
        .waitFor();
    ok((await page.locator('.notice').first().innerText())
           .includes('2 presentations ready'),
       'corrected: the preview says both are ready');
    const rows = page.locator('ol.talks > li');
    ok(await rows.count() === 2, 'the preview shows both rows');
    ok((await rows.nth(0).innerText()).includes('Imported in a browser') &&
       (await rows.nth(0).innerText()).includes('Pasted, with a comma') &&
       (await rows.nth(0).innerText()).includes('at noon'),
       'each row as it will be stored: title, summary, time in words');

    await page.getByRole('button', { name: 'Import 2 presentations' })
        .click();
    await page.waitForURL(/\/admin\/workshops\/\d+\/\?done=imported$/);
    ok((await page.locator('.notice').first().innerText())
           .includes('The schedule was imported'),
       'the workshop page says the schedule was imported');
    const list = await page.locator('ol.talks').innerText();
    ok(list.includes('Imported in a browser') &&
       list.includes('Second imported talk'),
       'the imported talks are on the workshop page');

    noRefusals(refused, 'the import pages');
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log(String(e.message || e));
  process.exit(1);
});
