// t/browser/flip.js - a person at the staff admin, in headless Chromium:
// signs in (HTTP Basic), opens the workshop, presses "Go live" on a talk,
// accepts the offer to end the talk before it, then looks at the public
// pages. Run by t/browser.t:
//   node flip.js BASE_URL USER PASSWORD WORKSHOP_TITLE TALK_TITLE EARLIER_TITLE TALK_ID EARLIER_ID
// Prints "ok - ..." per step; exits non-zero at the first failure.
'use strict';
const { launch, ok, adminPage, noRefusals } = require('./harness');

const [base, user, pass, workshop, talk, earlier, talkId, earlierId] =
    process.argv.slice(2);

(async () => {
  const browser = await launch();
  try {
    const { context, page, refused } = await adminPage(browser, user, pass);

    let res = await page.goto(base + '/admin/workshops/');
    ok(res.status() === 200, 'signed in: the workshop list answers 200');
    ok(await page.locator('header.bar').evaluate(
           (e) => getComputedStyle(e).display) === 'flex',
       'the admin\'s own inline style applies under its CSP');
    await page.getByRole('link', { name: workshop, exact: true }).click();
    await page.waitForURL(/\/admin\/workshops\/\d+\/$/);
    ok(true, 'opened the workshop');

    await page.getByRole('button', { name: 'Go live: ' + talk }).click();
    await page.waitForURL(/flipped=/);
    const notice = await page.locator('.notice').first().innerText();
    ok(notice.includes('\u201c' + talk + '\u201d is now Live.'),
       'the page says the talk is live');
    ok(await page.getByRole('button', { name: 'Undo: ' + talk }).isVisible(),
       'an Undo button is offered');

    await page.getByRole('button',
                         { name: 'End the one before: ' + earlier }).click();
    await page.waitForURL(/flipped=/);
    ok((await page.locator('.notice').first().innerText())
           .includes('\u201c' + earlier + '\u201d is now Ended.'),
       'confirmed: the talk before it has ended');

    noRefusals(refused);

    const pub = await context.newPage();
    res = await pub.goto(base + '/presentations/' + talkId + '/');
    ok(res.status() === 200, 'the public page answers 200');
    ok(await pub.locator('.marker', { hasText: 'Live now' }).isVisible(),
       'the public page shows "Live now"');
    ok(await pub.getByRole('link',
                           { name: 'Open the live webcast in QuickTime Player or VLC' })
           .isVisible() && !(await pub.locator('embed').isVisible()),
       'the public page offers the player button, no plug-in box');
    await pub.goto(base + '/presentations/' + earlierId + '/');
    ok((await pub.locator('main').innerText()).includes('webcast has ended'),
       'the earlier talk\'s public page says it has ended');
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log(String(e.message || e));
  process.exit(1);
});
