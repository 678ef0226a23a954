// t/browser/captions.js - captions in headless Chromium: a person uploads
// a WebVTT file through the admin's real form; the archive page's video
// loads it as its captions track (every cue), and a time in the
// transcript seeks the video there and plays it, without leaving the
// page. The stream (HLS, which this Chromium plays natively) comes from
// MEDIA_DIR through the browser context, in place of the media server
// the site's URL pattern names. axe-core checks the captions form, its
// refusal and the transcript (WCAG 2.1 A/AA and best practice). Run by
// t/captions_browser.t:
//   node captions.js BASE_URL USER PASSWORD TALK_ID VTT_FILE CUES MEDIA_DIR
// Prints "ok - ..." per step; exits non-zero at the first failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, ok, adminPage, noRefusals } = require('./harness');

const [base, user, pass, talkId, vttFile, cues, mediaDir] =
  process.argv.slice(2);
const axeSource = fs.readFileSync(
    path.join(__dirname, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

// axe on the page as it is now: no violation of WCAG 2.1 A/AA, nor of
// its best-practice rules.
async function axeOk(page, what) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
                                       'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => v.id + ' at ' +
                            v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  ok(found.length === 0, what + ': axe finds nothing' +
     (found.length ? ': ' + found.join('; ') : ''));
}

(async () => {
  const browser = await launch();
  try {
    const { context, page, refused } = await adminPage(browser, user, pass);
    await context.route('https://media.example.org/**', (route) => {
      const name = path.basename(new URL(route.request().url()).pathname);
      const file = path.join(mediaDir, name);
      if (!fs.existsSync(file)) {
        return route.fulfill({ status: 404, body: '' });
      }
      return route.fulfill({
        status: 200, body: fs.readFileSync(file),
        contentType: name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl'
                                            : 'video/mp2t',
      });
    });

    let res = await page.goto(base + '/admin/presentations/' + talkId +
                              '/edit');
    ok(res.status() === 200, 'the presentation\'s admin page answers 200');
    // a file with an error first: the message beside the form
    await page.getByLabel('Upload captions (WebVTT)').setInputFiles({
      name: 'talk.srt', mimeType: 'application/x-subrip',
      buffer: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHi\n') });
    [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/captions')
                                  && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Upload captions', exact: true })
          .click(),
    ]);
    ok(res.status() === 422, 'an SRT file is refused (422)');
    const error = await page.locator('#f-captions_file-error').innerText();
    ok(error.includes('line 1: a WebVTT file starts with the line WEBVTT'),
       'the message beside the form names the line: ' + error);
    await axeOk(page, 'the refused captions form');
    await page.getByLabel('Upload captions (WebVTT)').setInputFiles(vttFile);
    [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/captions')
                                  && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Upload captions', exact: true }).click(),
    ]);
    ok(res.status() === 303, 'the captions file is taken (303)');
    await page.waitForURL(/done=captions/);
    noRefusals(refused);

    const pub = await context.newPage();
    pub.setDefaultTimeout(15000);
    const publicRefused = [];
    pub.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) publicRefused.push(m.text());
    });
    const url = base + '/kdmc/webcasts/presentations/' + talkId + '/';
    res = await pub.goto(url);
    ok(res.status() === 200, 'the archive page answers 200');

    // the default captions track loads with the page's video
    await pub.waitForFunction(() => {
      const t = document.querySelector('video track');
      return t && t.readyState === 2;
    });
    const loaded = await pub.evaluate(() => {
      const v = document.querySelector('video');
      const t = v.textTracks[0];
      return { n: t.cues ? t.cues.length : -1, kind: t.kind,
               mode: t.mode, first: t.cues && t.cues[0].text };
    });
    ok(loaded.kind === 'captions' && loaded.mode === 'showing',
       'the video has a captions track, shown (' + loaded.mode + ')');
    ok(loaded.n === Number(cues),
       'video.textTracks[0].cues.length is the file\'s ' + cues + ' cues (' +
       loaded.n + ')');

    // a time in the transcript seeks the page's video
    const link = pub.locator('#transcript a[data-seek="6"]');
    ok(await link.isVisible(), 'the transcript has the cue at 0:06');
    await link.click();
    await pub.waitForFunction(() => {
      const v = document.querySelector('video');
      return v.readyState >= 2 && !v.paused && v.currentTime >= 6;
    });
    const at = await pub.evaluate(() => document.querySelector('video')
                                    .currentTime);
    ok(at >= 6 && at < 9, 'the video plays from 0:06 (at ' + at + ')');
    ok(pub.url() === url, 'the page stayed (' + pub.url() + ')');
    await axeOk(pub, 'the archive page with its transcript');
    res = await page.goto(base + '/admin/presentations/' + talkId + '/edit');
    await axeOk(page, 'the edit page with its captions');
    ok(publicRefused.length === 0, 'the archive page asked for nothing its ' +
       'CSP refuses' + (publicRefused.length ? ': ' + publicRefused[0] : ''));
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log(String(e.message || e));
  process.exit(1);
});
