// t/browser/live.js - pages that follow the clock, in headless Chromium,
// with nobody at the admin: a talk that starts and ends while its page,
// its workshop's page and a partner's page embedding it are open (and a
// viewer's video keeps playing past the end until it pauses); a
// notice from the control room that comes and goes; and every public
// page kind under its Content-Security-Policy. Run by t/live_browser.t:
//
//   node live.js ORIGIN SLUG TALK LATER LIVE ARCHIVE EXTERNAL UPCOMING
//
// ORIGIN is the webcast_site vhost; SLUG its test workshop; TALK the id of
// the talk that starts about 15 seconds after "need start" and ends ten
// seconds later, LATER one that starts in two minutes, LIVE, ARCHIVE,
// EXTERNAL and UPCOMING ids in those states by hand (they exist after
// "need states").
// The database belongs to the .t: this script prints "need ACTION" and
// waits for a line on stdin saying it is done. It prints "ok - ..." per
// step and "# ..." for information, and exits non-zero at the first
// failure.
'use strict';
const http = require('http');
const readline = require('readline');
const { launch, ok } = require('./harness');

const [origin, slug, talk, later, liveId, archiveId, externalId, upcomingId] =
    process.argv.slice(2);
const hls = origin + '/kdmc/webcasts';       // the mount with HLS sources
const NOTICE = 'We have technical difficulties; back in five minutes.';
const WORKSHOP_NOTICE = 'Lunch talks move to room 2 today.';

function note(what) {
  console.log('# ' + what);
}

// ---- the .t does what touches the database
const input = readline.createInterface({ input: process.stdin });
const answers = [];
let waiting = null;
input.on('line', (line) => {
  if (waiting) {
    const w = waiting;
    waiting = null;
    w(line);
  } else {
    answers.push(line);
  }
});

function need(action) {
  console.log('need ' + action);
  return new Promise((resolve) => {
    if (answers.length) {
      resolve(answers.shift());
    } else {
      waiting = resolve;
    }
  });
}

// ---- a partner's site on another origin: its page carries our oEmbed
// answer, an <iframe> of the embed page, as a partner would paste it
async function partnerSite() {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://partner');
    const page = url.searchParams.get('page');
    if (url.pathname !== '/partner.html' || !page) {
      res.writeHead(404);
      res.end();
      return;
    }
    try {
      const o = await fetch(new URL('oembed?url=' + encodeURIComponent(page),
                                    page.replace(/presentations\/.*/, '')));
      const html = (await o.json()).html;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
              '<title>Partner news</title></head><body>' +
              '<h1>Partner news</h1>\n' + html + '\n</body></html>\n');
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return 'http://127.0.0.1:' + server.address().port + '/partner.html?page=';
}

async function open(context, url, name) {
  const page = watch(await context.newPage(), name);
  await page.goto(url);
  return page;
}

// The partner's page for the talk ID, and the embed's frame in it.
async function partnerPage(context, partner, id, name) {
  const page = await open(context, partner + encodeURIComponent(
      origin + '/presentations/' + id + '/'), name);
  const frame = await (await page.waitForSelector(
      'iframe[src$="/presentations/' + id + '/embed/"]')).contentFrame();
  await frame.waitForLoadState();
  return [page, frame];
}

// ---- what a page must never do: break its CSP, throw, fail to load
const problems = new Map();     // page -> [text]

// notFound: the page itself is a 404, which Chromium logs as an error
function watch(page, name, notFound) {
  const list = [];
  problems.set(page, list);
  list.name = name;
  page.on('console', (m) => {
    const url = m.location().url;
    // the browser's own guess, not something a page asks for
    if (/\/favicon\.ico$/.test(url) ||
        (notFound && url === page.url())) {
      if (/Failed to load resource: .* 404/.test(m.text())) {
        return;
      }
    }
    if (/Content Security Policy/i.test(m.text()) || m.type() === 'error') {
      list.push(name + ': console ' + m.type() + ': ' + m.text() + ' (' +
                m.location().url + ')');
    }
  });
  page.on('pageerror', (e) => list.push(name + ': page error: ' + e.message));
  return page;
}

// Whatever the console says, a violation also fires an event in the
// document (and each frame) that refused something.
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error('Content Security Policy violation: ' + e.violatedDirective +
                  ' refused ' + (e.blockedURI || 'inline') + ' in ' +
                  e.documentURI);
  });
}

// ---- no navigation: a mark left in the window stays, and the frame
// never navigates after its first load
async function stay(page, frame) {
  await frame.evaluate(() => { window.__stayed = 'still here'; });
  let moved = 0;
  page.on('framenavigated', (f) => { if (f === frame) moved++; });
  return async () => moved === 0 &&
      await frame.evaluate(() => window.__stayed) === 'still here';
}

function seconds(text) {
  const m = /^Starts in (?:(\d+) minutes? )?(\d+) seconds?$/.exec(text);
  return m ? (+(m[1] || 0)) * 60 + (+m[2]) : null;
}

// The talk's block, in a page or in the partner's frame: countdown, live,
// ended, without a reload.
async function followTalk(name, page, frame, player) {
  const here = await stay(page, frame);
  const top = await stay(page, page.mainFrame());
  const still = async () => await here() && await top();
  ok(await frame.locator('p.reload').count() === 1 &&
     await frame.locator('p.reload').isHidden(),
     name + ': the script hides the advice to reload');
  const countdown = frame.locator('#webcast-block [data-countdown]');
  await countdown.waitFor({ state: 'visible' });
  const first = (await countdown.innerText()).trim();
  ok(seconds(first) !== null, name + ': the countdown runs: "' + first + '"');
  await page.waitForTimeout(1500);
  const second = (await countdown.innerText()).trim();
  ok(seconds(second) !== null && seconds(second) < seconds(first),
     name + ': and counts down: "' + first + '", then "' + second + '"');

  await frame.locator('#webcast-block .webcast.live .marker',
                      { hasText: 'Live now' }).waitFor({ timeout: 30000 });
  note(name + ': live at ' + new Date().toISOString());
  ok(await frame.locator('#webcast-block .webcast.live ' + player).count() > 0,
     name + ': when the talk starts the live player appears (' + player + ')');
  ok(await countdown.count() === 0, name + ': and the countdown is gone');
  const said = await frame.locator('#webcast-announce').textContent();
  ok(/live now/i.test(said),
     name + ': the aria-live region announces it: "' + said + '"');
  ok(await still(), name + ': all without a reload or navigation');

  await frame.locator('#webcast-block .webcast',
                      { hasText: 'The webcast has ended' })
      .waitFor({ timeout: 30000 });
  note(name + ': ended at ' + new Date().toISOString());
  ok(await frame.locator('#webcast-block .webcast.live').count() === 0,
     name + ': when it ends, "The webcast has ended" replaces the player');
  const ended = await frame.locator('#webcast-announce').textContent();
  ok(/ended/i.test(ended), name + ': and is announced: "' + ended + '"');
  ok(await still(), name + ': still the same page, never reloaded');
}

// Someone is watching the live video when the talk ends: the block waits
// until the video stops (here: pretends to play, then pauses; Chromium
// cannot play the test's HLS address).
async function keepPlaying(name, page) {
  const still = await stay(page, page.mainFrame());
  const video = page.locator('#webcast-block .webcast.live video');
  await video.waitFor({ state: 'attached', timeout: 30000 });
  await video.evaluate((v) => {
    Object.defineProperty(v, 'paused', { value: false, configurable: true });
    window.__watched = v;
  });
  await page.locator('#webcast-announce', { hasText: 'ended' })
      .waitFor({ state: 'attached', timeout: 30000 });
  ok(await page.evaluate(() => document.contains(window.__watched)),
     name + ': the talk has ended, but the video being watched stays');
  await page.evaluate(() => {
    const v = window.__watched;
    Object.defineProperty(v, 'paused', { value: true, configurable: true });
    v.dispatchEvent(new Event('pause'));
  });
  await page.locator('#webcast-block .webcast',
                     { hasText: 'The webcast has ended' }).waitFor();
  ok(await page.locator('#webcast-block video').count() === 0,
     name + ': paused, the block says the webcast has ended');
  ok(await still(), name + ': never reloaded');
}

async function followWorkshop(name, page) {
  const still = await stay(page, page.mainFrame());
  const now = page.locator('#webcast-now');
  const happening = now.locator('h2', { hasText: 'Happening now' });
  ok(await happening.count() === 0, name + ': nothing is "Happening now" yet');
  await happening.waitFor({ timeout: 30000 });
  ok(await now.locator('a[href$="/presentations/' + talk + '/"]').count() > 0,
     name + ': the now block says "Happening now" with the talk in it');
  ok(await page.locator('#webcast-schedule a.badge.live').count() === 1,
     name + ': its line in the schedule says "Live now"');
  const said = await page.locator('#webcast-announce').textContent();
  ok(/live now/i.test(said), name + ': and announces it: "' + said + '"');
  ok(await still(), name + ': without a reload');
  await happening.waitFor({ state: 'detached', timeout: 30000 });
  ok(await page.locator('#webcast-schedule a.badge.live').count() === 0,
     name + ': when it ends, no longer "Happening now" nor "Live now"');
  ok(await still(), name + ': still without a reload');
}

async function notices(context, workshopPage, partner) {
  const page = await open(context, origin + '/presentations/' + later + '/',
                          'later talk');
  const still = await stay(page, page.mainFrame());
  const [partnerLater, embed] =
      await partnerPage(context, partner, later, 'partner page, later talk');
  const banner = page.locator('#webcast-notice');
  const embedBanner = embed.locator('#webcast-notice');
  const workshopBanner = workshopPage.locator('#webcast-notice');
  ok((await banner.innerText()).trim() === '' &&
     (await embedBanner.innerText()).trim() === '', 'no notice at first');

  await need('notice');
  await banner.locator('p', { hasText: NOTICE }).waitFor({ timeout: 30000 });
  ok(await banner.isVisible(), 'the control room\'s notice appears on the open page');
  const said = await page.locator('#webcast-announce').textContent();
  ok(said.includes('Notice: ' + NOTICE),
     'and is announced: "' + said + '"');
  await workshopBanner.locator('p', { hasText: WORKSHOP_NOTICE })
      .waitFor({ timeout: 30000 });
  ok(true, 'the workshop\'s notice appears on the open workshop page');
  await embedBanner.locator('p', { hasText: NOTICE }).waitFor({ timeout: 30000 });
  ok(true, 'and the talk\'s in its embed on the partner\'s page');

  await need('clear');
  await banner.locator('p').waitFor({ state: 'detached', timeout: 30000 });
  ok((await banner.innerText()).trim() === '', 'cleared, the notice goes away');
  await workshopBanner.locator('p').waitFor({ state: 'detached', timeout: 30000 });
  ok(true, 'from the workshop page too');
  await embedBanner.locator('p').waitFor({ state: 'detached', timeout: 30000 });
  ok(true, 'and from the embed');
  ok(await still(), 'the page with the notice was never reloaded');
  await page.close();
  await partnerLater.close();
}

// Without JavaScript nothing moves: the page says when to reload instead
// (and the script, where it runs, hides that advice).
async function withoutScripts(browser) {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(origin + '/presentations/' + later + '/');
  const advice = page.locator('p.reload');
  const text = await advice.isVisible() ? await advice.innerText() : '';
  ok(/^This page changes at .+: reload it then to see the change\.$/.test(text),
     'without JavaScript the page says when to reload: "' + text + '"');
  ok(!(await page.locator('[data-countdown]').isVisible()),
     'and shows no countdown that would not count');
  await plain.close();
}

// ---- every public page kind, each state: nothing its CSP refuses
async function everyPage(context, partner) {
  const p = (id) => '/presentations/' + id + '/';
  const pages = [
    ['index', '/', 200, 'main h1'],
    ['workshop', '/workshops/' + slug + '/', 200, '#webcast-now'],
    ['presentation, upcoming', p(upcomingId), 200, '.webcast.upcoming'],
    ['presentation, live', p(liveId), 200, '.webcast.live'],
    ['presentation, concluded', p(talk), 200, '.webcast.concluded'],
    ['presentation, archive', p(archiveId), 200, '.webcast.archive'],
    ['presentation, external', p(externalId), 200, '.webcast.external'],
    ['embed, upcoming', p(upcomingId) + 'embed/', 200,
     '.embed .webcast.upcoming'],
    ['embed, live', p(liveId) + 'embed/', 200, '.embed .webcast.live'],
    ['embed, archive', p(archiveId) + 'embed/', 200, '.embed .webcast.archive'],
    ['404', '/presentations/999999/', 404, 'main h1'],
    ['404', '/workshops/no-such-workshop/', 404, 'main h1'],
    ['404', '/presentations/07/', 404, 'main h1'],
  ];
  for (const [kind, path, status, selector] of pages) {
    for (const base of [origin, hls]) {
      const url = base + path;
      const page = watch(await context.newPage(), url, status === 404);
      const res = await page.goto(url);
      ok(res.status() === status && await page.locator(selector).count() > 0,
         kind + ' ' + url + ': ' + status + ', ' + selector);
      const csp = res.headers()['content-security-policy'] || '';
      ok(/(^|; )script-src 'self'(;|$)/.test(csp) && !/unsafe-/.test(csp),
         kind + ': a strict Content-Security-Policy: ' + csp);
      await page.waitForTimeout(300);    // the script's first poll
      const found = problems.get(page);
      ok(found.length === 0, kind + ': no CSP violation, no error' +
         (found.length ? ': ' + found.join('; ') : ''));
      await page.close();
    }
  }

  // The watch itself can see a refusal: an inline script, and a partner
  // framing an embed whose WebcastEmbedAncestors does not list it.
  const control = watch(await context.newPage(), 'control');
  await control.goto(origin + p(later));
  await control.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.appendChild(s);
  });
  await control.waitForTimeout(300);
  ok(await control.evaluate(() => window.__inline) === undefined &&
     problems.get(control).some((t) => /script-src/.test(t)),
     'control: an inline script is refused, and the watch reports it');
  await control.goto(partner + encodeURIComponent(hls + p(later)));
  await control.waitForTimeout(1000);
  ok(problems.get(control).some((t) => /frame-ancestors/.test(t)),
     'control: an embed that does not allow the partner is refused, reported');
  await control.close();
}

(async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    context.setDefaultTimeout(15000);
    await context.addInitScript(reportViolations);
    const partner = await partnerSite();

    await need('start');
    note('start inserted at ' + new Date().toISOString());
    const [talkPage, watching, workshopPage, [partnerTalk, embed]] =
        await Promise.all([
          open(context, hls + '/presentations/' + talk + '/', 'talk page'),
          open(context, hls + '/presentations/' + talk + '/', 'watching'),
          open(context, hls + '/workshops/' + slug + '/', 'workshop page'),
          partnerPage(context, partner, talk, 'partner page'),
        ]);
    ok(new URL(embed.url()).origin !== new URL(partnerTalk.url()).origin,
       'the embed is framed by a page of another origin');
    note('pages open at ' + new Date().toISOString());

    const flows = await Promise.allSettled([
      followTalk('talk page', talkPage, talkPage.mainFrame(), 'video'),
      followTalk('embed', partnerTalk, embed, 'a[type="video/quicktime"]'),
      followWorkshop('workshop page', workshopPage),
      keepPlaying('watching', watching),
    ]);
    const failed = flows.filter((f) => f.status === 'rejected');
    if (failed.length) {
      throw new Error(failed.map((f) => f.reason.message).join('\n'));
    }

    await notices(context, workshopPage, partner);
    await withoutScripts(browser);
    for (const found of problems.values()) {
      ok(found.length === 0, found.name + ': no CSP violation, no error' +
         (found.length ? ': ' + found.join('; ') : ''));
    }
    await need('states');
    await everyPage(context, partner);
  } finally {
    await browser.close();
    input.close();
  }
})().catch((e) => {
  console.log(String(e.message || e));
  process.exit(1);
});
