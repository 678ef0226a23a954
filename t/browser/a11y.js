// t/browser/a11y.js - every public page kind and the staff admin checked
// by axe-core (its WCAG 2.1 A and AA rules, and its best-practice ones) in
// headless Chromium, at a phone's and a desktop's width, plus what axe does
// not look at: no sideways scrolling at 200% and 400% zoom, a visible focus
// on each control Tab reaches, named navigation. Control checks first show
// each of these failing on a page broken on purpose. Run by t/a11y.t:
//
//   node a11y.js ORIGIN USER PASSWORD IDS_JSON
//
// ORIGIN is the webcast_site vhost; IDS_JSON names the test's records:
// {"slug", "workshop", "upcoming", "live", "concluded", "archive",
// "external", "none", "notice"}. Prints "ok - ..." per page that passes,
// "not ok - ..." and "#   ..." lines (rule, help, where) per violation,
// "# ..." for information; exits non-zero if anything failed.
//
// axe goes in through page.evaluate (DevTools' Runtime.evaluate), which a
// page's Content-Security-Policy does not govern: the pages are checked
// as served, with their strict script-src 'self', and no bypassCSP.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch } = require('./harness');

const [origin, user, pass, idsJson] = process.argv.slice(2);
const ids = JSON.parse(idsJson);
const hls = origin + '/kdmc/webcasts';       // the mount with HTML5 video
const axeSource = fs.readFileSync(
    path.join(__dirname, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = {
  phone: { width: 375, height: 667 },
  desktop: { width: 1280, height: 800 },
};

let failures = 0;
function ok(cond, what, details = []) {
  console.log((cond ? 'ok - ' : 'not ok - ') + what);
  for (const d of details) {
    console.log('#   ' + d);
  }
  if (!cond) {
    failures++;
  }
  return cond;
}
function note(what) {
  console.log('# ' + what);
}

// axe's findings on the page as it is now: the WCAG 2.1 A/AA rules' and
// (in the same run) its best-practice rules' violations, one line per
// element, and the rules whose result needs a person.
async function axe(page) {
  if (!await page.evaluate(() => typeof window.axe === 'object')) {
    await page.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags.concat('best-practice') },
      resultTypes: ['violations', 'incomplete'],
    });
    const wcag = (v) => v.tags.some((t) => tags.includes(t));
    const lines = (list) => list.flatMap((v) => v.nodes.map((n) =>
        v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
        n.target.join(' ') + (n.failureSummary ? ' -- ' +
        n.failureSummary.replace(/\s+/g, ' ') : '')));
    const ids = (list) => list.map((v) => v.id);
    return {
      violations: ids(r.violations.filter(wcag)),
      lines: lines(r.violations.filter(wcag)),
      practice: ids(r.violations.filter((v) => !wcag(v))),
      practiceLines: lines(r.violations.filter((v) => !wcag(v))),
      review: ids(r.incomplete),
    };
  }, TAGS);
}

async function check(page, what) {
  const r = await axe(page);
  ok(r.violations.length === 0, what + ': axe finds no WCAG 2.1 AA ' +
     'violation' + (r.violations.length ? 's: ' +
     r.violations.join(', ') : ''), r.lines);
  ok(r.practice.length === 0, what + ': nor any of its best-practice ' +
     'rules (headings, landmarks, ...)' + (r.practice.length ? ': ' +
     r.practice.join(', ') : ''), r.practiceLines);
  if (r.review.length) {
    note(what + ': for a person to review: ' + r.review.join(', '));
  }
}

// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): a desktop window at 200%
// zoom is 640 CSS pixels wide, at 400% 320; neither may scroll sideways.
// Returns what does, with the elements that stick out.
async function overflow(page) {
  const wide = [];
  for (const width of [640, 320]) {
    await page.setViewportSize({ width, height: 600 });
    const over = await page.evaluate(() => {
      const w = window.innerWidth;
      const by = document.documentElement.scrollWidth - w;
      const out = [];
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.right > w + 1 && r.width > 0 &&
            ![...e.children].some((c) =>
                c.getBoundingClientRect().right > w + 1)) {
          out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
                   (e.className ? '.' + String(e.className).split(' ')[0]
                                : '') + ' (right edge ' + Math.round(r.right) +
                   ')');
        }
      }
      return by > 0 ? by + ' px to scroll sideways: ' +
          out.slice(0, 5).join(', ') : null;
    });
    if (over) {
      wide.push(width + ' px wide: ' + over);
    }
  }
  return wide;
}

async function reflow(page, what) {
  const wide = await overflow(page);
  ok(wide.length === 0, what + ': at 200% and 400% zoom nothing scrolls ' +
     'sideways', wide);
}

// WCAG 2.4.7: every element Tab reaches shows that it has the focus (an
// outline or a shadow of its own). Returns [reached, [those unseen]].
async function tabThrough(page, max) {
  const unseen = [];
  await page.evaluate(() => document.activeElement &&
                      document.activeElement.blur());
  let first = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) {
        return null;
      }
      const s = getComputedStyle(e);
      const shown = (s.outlineStyle !== 'none' &&
                     parseFloat(s.outlineWidth) > 0) ||
                    s.boxShadow !== 'none';
      return { id: e.tagName + (e.id ? '#' + e.id : '') + ' "' +
               (e.getAttribute('aria-label') || e.textContent || e.value ||
                '').trim().slice(0, 40) + '"', shown };
    });
    if (!f || f.id === first) {
      break;
    }
    first = first || f.id;
    if (!f.shown && !unseen.includes(f.id)) {
      unseen.push(f.id);
    }
  }
  return [first !== null, unseen];
}

async function focusVisible(page, what, max = 40) {
  const [reached, unseen] = await tabThrough(page, max);
  ok(reached && unseen.length === 0, what + ': Tab reaches the ' +
     'controls and each shows its focus', unseen);
}

// What axe does not ask for: the breadcrumb trail is a navigation named
// "Breadcrumb" whose separators a screen reader does not read out, and
// the admin's own links are a navigation named "Admin" in its banner.
async function navProblems(page) {
  const found = [];
  if (await page.locator('nav.crumbs').count() > 0) {
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    const said = await trail.count() === 1 ? await trail.ariaSnapshot() : '';
    if (!said || /\u203a/.test(said)) {
      found.push('the trail as read: ' + JSON.stringify(said));
    }
  }
  if (/\/admin\//.test(page.url()) && await page.getByRole('banner')
      .getByRole('navigation', { name: 'Admin' }).count() !== 1) {
    found.push('no navigation "Admin" in the banner');
  }
  return found;
}

async function landmarks(page, what) {
  const found = await navProblems(page);
  ok(found.length === 0, what + ': its navigation is named, its ' +
     'breadcrumb separators are not read', found);
}

async function open(context, url, what, status = 200) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const refused = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const res = await page.goto(url);
  await page.waitForLoadState('load');
  if (await page.locator('body[data-webcast-status]').count() > 0) {
    await page.waitForTimeout(300);     // the page script's first poll
  }
  ok(res.status() === status, what + ': ' + url + ' answers ' + status);
  page.refused = refused;
  return page;
}

// ---- the public pages
function publicPages() {
  const p = (id) => '/presentations/' + id + '/';
  return [
    ['index', origin + '/'],
    ['workshop (talks in every state)', origin + '/workshops/' + ids.slug + '/'],
    ['workshop, HTML5 mount', hls + '/workshops/' + ids.slug + '/'],
    ['presentation, upcoming (countdown)', origin + p(ids.upcoming)],
    ['presentation, live', origin + p(ids.live)],
    ['presentation, live, HTML5 video', hls + p(ids.live)],
    ['presentation, pending (concluded)', origin + p(ids.concluded)],
    ['presentation, archived', origin + p(ids.archive)],
    ['presentation, archived, HTML5 video', hls + p(ids.archive)],
    ['presentation, external', origin + p(ids.external)],
    ['presentation, not webcast', origin + p(ids.none)],
    ['presentation with a notice', origin + p(ids.notice)],
    ['embed, live', origin + p(ids.live) + 'embed/'],
    ['embed, archived, HTML5 video', hls + p(ids.archive) + 'embed/'],
    ['embed, upcoming', origin + p(ids.upcoming) + 'embed/'],
    ['404', origin + '/presentations/999999/', 404],
  ];
}

async function publicSite(browser) {
  for (const [vp, size] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({ viewport: size });
    for (const [kind, url, status] of publicPages()) {
      const page = await open(context, url, kind + ' (' + vp + ')', status);
      await check(page, kind + ' (' + vp + ')');
      if (vp === 'desktop') {
        await landmarks(page, kind);
        await focusVisible(page, kind);
        await reflow(page, kind);
      }
      // where the QuickTime plug-in waits behind a disclosure: opened
      const plugin = page.locator('details.plugin summary');
      if (await plugin.count() > 0) {
        await plugin.first().click();
        await check(page, kind + ', the plug-in box opened (' + vp + ')');
      }
      ok(page.refused.length === 0, kind + ' (' + vp + '): nothing refused ' +
         'by its CSP, axe included', page.refused);
      await page.close();
    }
    await context.close();
  }
}

// ---- the admin, as a person uses it
async function admin(browser) {
  for (const [vp, size] of Object.entries(VIEWPORTS)) {
    const context = await browser.newContext({
      viewport: size, httpCredentials: { username: user, password: pass } });
    const a = origin + '/admin';
    // tab: whether to Tab through it too (the others have no control of
    // a kind these lack)
    const pages = [
      ['admin control room', a + '/', true],
      ['admin workshop list', a + '/workshops/'],
      ['admin workshop (its talks, history)', a + '/workshops/' + ids.workshop + '/'],
      ['admin workshop edit', a + '/workshops/' + ids.workshop + '/edit', true],
      ['admin new workshop', a + '/workshops/new'],
      ['admin presentation edit, slides upload', a + '/presentations/' + ids.upcoming + '/edit', true],
      ['admin presentation delete', a + '/presentations/' + ids.none + '/delete'],
      ['admin schedule import', a + '/workshops/' + ids.workshop + '/import', true],
    ];
    for (const [kind, url, tab] of pages) {
      const page = await open(context, url, kind + ' (' + vp + ')');
      await check(page, kind + ' (' + vp + ')');
      if (vp === 'desktop') {
        await landmarks(page, kind);
        if (tab) {
          await focusVisible(page, kind, 80);
        }
        await reflow(page, kind);
      }
      await page.close();
    }
    await adminForms(context, a, vp);
    await context.close();
  }
}

// The pages that only a form's answer shows.
async function adminForms(context, a, vp) {
  const page = await open(context, a + '/workshops/' + ids.workshop +
                          '/import', 'admin import (' + vp + ')');
  const box = page.getByLabel('Or paste it here');
  await box.fill('title,speaker_name,starts_at,ends_at\n' +
                 'Ready talk,Rea Dy,2031-02-01 10:00,2031-02-01 11:00\n' +
                 'Bad talk,Bea D,2031-02-01 12:00,2031-02-01 11:00\n');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('heading', { name: 'Preview' }).waitFor();
  await check(page, 'admin import preview, a row to fix (' + vp + ')');
  await box.fill('title,speaker_name,starts_at,ends_at\n' +
                 'Ready talk,Rea Dy,2031-02-01 10:00,2031-02-01 11:00\n');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Import 1 presentation' }).waitFor();
  await check(page, 'admin import preview, ready (' + vp + ')');
  if (vp === 'desktop') {
    await reflow(page, 'admin import preview');
  }

  // a form shown again with its errors: what the browser cannot catch
  await page.goto(a + '/presentations/' + ids.upcoming + '/edit');
  await page.getByLabel('Ends', { exact: true })
      .fill('2020-01-01T10:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.error').first().waitFor();
  await check(page, 'admin presentation form shown again with errors (' +
              vp + ')');

  // the slides upload refused: its message beside the form
  await page.goto(a + '/presentations/' + ids.upcoming + '/edit');
  await page.locator('#f-slides_file').setInputFiles({
    name: 'notes.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('Just notes, not a PDF.\n') });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.locator('#slides-upload .error').waitFor();
  await check(page, 'admin slides upload refused, with its message (' +
              vp + ')');
  await page.close();
}

// ---- the checker can fail: known violations put into a page are found
async function controls(browser) {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await open(context, origin + '/presentations/' + ids.archive +
                          '/', 'control');
  await page.evaluate(() => document.querySelector(
      'nav.crumbs [aria-hidden]').removeAttribute('aria-hidden'));
  const read = await navProblems(page);
  ok(read.length === 1, 'control: the landmark check hears a separator ' +
     'read out: ' + read.join(', '));
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = '/no-such-image.png';
    img.width = img.height = 40;
    document.querySelector('main').appendChild(img);
    const p = document.createElement('p');
    p.textContent = 'Faint text nobody can read';
    p.style.color = '#c8c8c8';
    document.querySelector('main').appendChild(p);
    const b = document.createElement('button');
    b.className = 'no-name';
    document.querySelector('main').appendChild(b);
    const h = document.createElement('h5');
    h.textContent = 'A heading four levels below the page\'s';
    document.querySelector('main').appendChild(h);
  });
  const r = await axe(page);
  for (const [rule, what] of [['image-alt', 'an image without alt'],
                              ['color-contrast', 'low-contrast text'],
                              ['button-name', 'a button without a name']]) {
    ok(r.violations.includes(rule), 'control: axe reports ' + what + ' (' +
       rule + ')', r.violations.includes(rule) ? [] : r.lines);
  }
  ok(r.practice.includes('heading-order'), 'control: and a heading that ' +
     'skips levels, by its best-practice rules (heading-order)',
     r.practiceLines);
  // (a constructed style sheet: the CSP refuses a <style> element)
  await page.evaluate(() => {
    const s = new CSSStyleSheet();
    s.replaceSync('*:focus, *:focus-visible { outline: none !important }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
  });
  const [reached, unseen] = await tabThrough(page, 40);
  ok(reached && unseen.length > 0, 'control: the focus check sees the ' +
     'focus style removed: ' + unseen.join(', '));
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.style.width = '2000px';
    d.style.height = '1px';
    document.body.appendChild(d);
  });
  const wide = await overflow(page);
  ok(wide.length === 2, 'control: the reflow check sees a page wider than ' +
     'the window: ' + wide.join('; '));
  await context.close();
}

(async () => {
  const browser = await launch();
  try {
    const t0 = Date.now();
    await controls(browser);
    // side by side: each waits on the server and the browser in turn
    const timed = async (what, f) => {
      const t = Date.now();
      await f(browser);
      note(what + ' done in ' + ((Date.now() - t) / 1000).toFixed(1) + ' s');
    };
    await Promise.all([timed('public pages', publicSite),
                       timed('admin', admin)]);
    note('checked in ' + ((Date.now() - t0) / 1000).toFixed(1) + ' s');
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
})().catch((e) => {
  console.log('not ok - ' + String(e.message || e));
  process.exit(1);
});
