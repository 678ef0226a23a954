// t/browser/hls.js - HLS plays in every browser: in headless Chromium,
// natively, and through hls.js with native HLS hidden as Firefox lacks
// it; and a live stream that cannot be reached says so, then plays once
// it can. Run by t/hls_browser.t:
//
//   node hls.js ORIGIN MEDIA ARCHIVE LIVE
//
// ORIGIN is the webcast_site vhost (its /hls-site mount has HLS patterns
// pointing at /hls-media/ on the same server); MEDIA the directory behind
// /hls-media/, where the .t made t/vod/ (a VOD playlist and its .ts
// segments) and where this script makes live/hlsroom/ when it is time
// for the live stream to appear; ARCHIVE and LIVE the ids of an archived
// presentation (t/vod) and a live one (stream hlsroom). Prints "ok - ..."
// per step, "# ..." for information, and exits non-zero at the first
// failure.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, ok } = require('./harness');

const [origin, media, archiveId, liveId] = process.argv.slice(2);
const site = origin + '/hls-site';
const UNREACHABLE = 'The stream is not reachable right now';

function note(what) {
  console.log('# ' + what);
}

// A page of a new context; what its CSP refused, and the hls.js script
// requests it made.
async function open(browser, { firefox }) {
  const context = await browser.newContext();
  const refused = [];
  const hlsLoads = [];
  if (firefox) {
    // No native HLS, as in Firefox: canPlayType says '' for HLS types, and
    // the <video> element's own requests for playlists and segments are
    // refused (Chromium would still try them natively); hls.js fetches
    // them with XHR/fetch, which pass.
    await context.addInitScript(() => {
      const can = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type) {
        return /mpegurl/i.test(type) ? '' : can.call(this, type);
      };
    });
    await context.route(/\.(m3u8|ts)(\?|$)/, (route, request) =>
      request.resourceType() === 'media' ? route.abort('blockedbyclient')
                                         : route.continue());
  }
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refused.push(m.text());
  });
  page.on('request', (r) => {
    if (/\/assets\/hls\.min\.js\?v=/.test(r.url())) hlsLoads.push(r.url());
  });
  return { context, page, refused, hlsLoads };
}

// currentTime of the page's first <video> after it was asked to play
// (muted, so autoplay rules allow it) and given `seconds`.
async function playFor(page, seconds) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const v = document.querySelector('video');
    v.muted = true;
    v.play().catch(() => {});
    setTimeout(() => resolve({ t: v.currentTime, src: v.currentSrc,
                               error: v.error && v.error.code }), ms);
  }), seconds * 1000);
}

async function advances(page, what) {
  const first = await playFor(page, 4);
  const second = await page.evaluate(() => new Promise((resolve) =>
    setTimeout(() => resolve(document.querySelector('video').currentTime), 1500)));
  note(what + ': currentTime ' + first.t.toFixed(2) + ' then ' + second.toFixed(2) +
       ' (' + first.src.replace(/^blob:.*/, 'blob:...') + ')');
  return { ok: first.t > 0.5 && second > first.t, src: first.src };
}

async function nativePlays(browser) {
  const { context, page, refused, hlsLoads } = await open(browser, { firefox: false });
  await page.goto(site + '/presentations/' + archiveId + '/');
  ok(await page.evaluate(() => document.createElement('video')
       .canPlayType('application/vnd.apple.mpegurl') !== ''),
     'this Chromium says it can play HLS itself');
  const r = await advances(page, 'native');
  ok(r.ok && /index\.m3u8$/.test(r.src),
     'archive page: the video plays natively (currentTime advances, from the .m3u8)');
  ok(hlsLoads.length === 0, 'with native HLS, hls.js is not loaded');
  ok(refused.length === 0, 'nothing refused by the CSP' + (refused[0] ? ': ' + refused[0] : ''));
  await context.close();
}

async function firefoxPlays(browser) {
  const { context, page, refused, hlsLoads } = await open(browser, { firefox: true });
  // first: the hiding works, so a plain <video src=.m3u8> cannot play
  await page.goto(origin + '/');
  await page.setContent('<!DOCTYPE html><title>plain</title>' +
                        '<video src="/hls-media/t/vod/index.m3u8"></video>');
  const plain = await playFor(page, 3);
  note('plain <video>: currentTime ' + plain.t + ', error ' + plain.error);
  ok(plain.t === 0 && plain.error !== null,
     'without native HLS, a plain <video src=".m3u8"> does not play');
  await page.goto(site + '/presentations/' + archiveId + '/');
  ok(await page.evaluate(() => document.createElement('video')
       .canPlayType('application/vnd.apple.mpegurl') === ''),
     'the page sees no native HLS');
  const r = await advances(page, 'hls.js');
  ok(r.ok && /^blob:/.test(r.src),
     'archive page: the video plays through Media Source (currentTime advances)');
  ok(hlsLoads.length === 1 && await page.evaluate(() => typeof window.Hls === 'function'),
     'hls.js was loaded, once, from the module\'s versioned assets URL');
  ok(await page.locator('.stream-error').count() === 0, 'no error note');

  // Paused, then the status changes elsewhere (a notice, faked by
  // answering status.json with one): the page is fetched again, but this
  // block's markup did not change, so its video stays, place and all
  // (hls.js gave it a blob: src that the fresh copy does not have).
  const at = await page.evaluate(() => {
    const v = document.querySelector('video');
    v.pause();
    v.keptHere = true;         // a property: not in the markup
    return v.currentTime;
  });
  let refetched = false;
  page.on('request', (r) => {
    if (r.url().endsWith('/presentations/' + archiveId + '/')) refetched = true;
  });
  await page.route(/status\.json/, async (route) => {
    const res = await route.fetch();
    const doc = await res.json();
    doc.notice = 'A notice somewhere else';
    await route.fulfill({ response: res, json: doc });
  });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const waited = Date.now();
  while (!refetched && Date.now() - waited < 10000) await page.waitForTimeout(200);
  await page.waitForTimeout(1000);
  ok(refetched, 'a changed status: the page was fetched again');
  const kept = await page.evaluate(() => {
    const v = document.querySelector('video');
    return { kept: v.keptHere === true, t: v.currentTime };
  });
  ok(kept.kept && Math.abs(kept.t - at) < 0.01,
     'a paused hls.js video whose block did not change is not swapped out (still at ' +
     at.toFixed(2) + ' s)');
  await page.unroute(/status\.json/);
  ok(refused.length === 0, 'nothing refused by the CSP' + (refused[0] ? ': ' + refused[0] : ''));
  await context.close();
}

// The live stream is not there yet: the block says so; once the playlist
// appears (made here, as an encoder would), it plays and the note goes.
async function liveComesBack(browser, firefox) {
  const how = firefox ? 'hls.js' : 'native';
  const dir = path.join(media, 'live', 'hlsroom');
  fs.rmSync(dir, { recursive: true, force: true });
  const { context, page } = await open(browser, { firefox });
  await page.goto(site + '/presentations/' + liveId + '/');
  const block = page.locator('#webcast-block .webcast.live');
  await playFor(page, 0.1);             // the viewer presses play
  const error = block.locator('.stream-error', { hasText: UNREACHABLE });
  await error.waitFor({ state: 'visible' });
  ok(true, how + ': an unreachable live stream says "' + UNREACHABLE + '" in the webcast block');
  await page.waitForTimeout(3000);      // it keeps trying: still failing
  ok(await error.count() === 1, how + ': still unreachable, the note stays');
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.cpSync(path.join(media, 't', 'vod'), dir + '.tmp', { recursive: true });
  fs.renameSync(dir + '.tmp', dir);     // all at once, as a packager would
  note(how + ': the stream is there now');
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    return v && v.currentTime > 0.5;
  }, null, { timeout: 45000, polling: 250 });
  ok(true, how + ': once reachable, the live video plays (currentTime advances)');
  ok(await block.locator('.stream-error').count() === 0,
     how + ': and the note is gone');
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

(async () => {
  const browser = await launch();
  try {
    await nativePlays(browser);
    await firefoxPlays(browser);
    await liveComesBack(browser, true);
    await liveComesBack(browser, false);
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.log(String(e.message || e).startsWith('not ok') ? e.message
              : 'not ok - ' + (e.stack || e));
  process.exit(1);
});
