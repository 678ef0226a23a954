// t/browser/harness.js - what the browser scripts share: Debian's Chromium
// (no browser download), headless and quiet on a closed network, and the
// "ok - ..." lines their .t files count.
'use strict';
const { chromium } = require('playwright-core');

// Without the background-networking flags Chromium hangs on a closed
// network; as root it needs --no-sandbox.
function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
           '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync',
           '--disable-dev-shm-usage'],
  });
}

function ok(cond, what) {
  if (!cond) {
    throw new Error('not ok - ' + what);
  }
  console.log('ok - ' + what);
}

// A page of a new context signed in to the admin (HTTP Basic), and the
// Content-Security-Policy refusals its console reports.
async function adminPage(browser, user, pass) {
  const context = await browser.newContext({
    httpCredentials: { username: user, password: pass },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const refused = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) refused.push(m.text());
  });
  return { context, page, refused };
}

function noRefusals(refused, pages = 'the admin pages') {
  ok(refused.length === 0,
     pages + ' asked for nothing their CSP refuses' +
     (refused.length ? ': ' + refused[0] : ''));
}

module.exports = { launch, ok, adminPage, noRefusals };
