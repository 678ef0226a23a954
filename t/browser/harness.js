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

module.exports = { launch, ok };
