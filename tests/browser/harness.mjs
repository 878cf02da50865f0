// Runs the production build of Vetted (dist/) in real Chromium and Firefox, headless, on
// LinkedIn's own URLs, served by request interception: nothing leaves the machine.
import puppeteer from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_ARGS, FIREFOX_PREFS } from './extension-pages.mjs';
import { ROOT } from './pages.mjs';

export const LINKEDIN = 'https://www.linkedin.com';
export const INVITATIONS = `${LINKEDIN}/mynetwork/invitation-manager/received/`;
export const FEED = `${LINKEDIN}/feed/`;
/** LinkedIn-like: no 'wasm-unsafe-eval', which forces Chromium onto the background path. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'";
export const BROWSERS = ['chromium', 'firefox'];
export const MEDIA = 'https://media.licdn.com';
const AVATAR =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#c9cdd2"/>' +
  '<circle cx="4" cy="3" r="1.6" fill="#868c93"/><ellipse cx="4" cy="7.4" rx="3" ry="2.2" fill="#868c93"/></svg>';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];

/**
 * Starts one browser with the unpacked production extension for it, or with the one in `build`
 * (e.g. 'dist/test-fault', the test-only build with fault injection). `prefs`: more Firefox
 * preferences (Firefox's pages cannot be told a colour scheme as Chromium's can).
 */
export async function launch(name, { headless = true, build = 'dist', prefs = {} } = {}) {
  if (name === 'chromium') {
    const dist = join(ROOT, build, 'chrome');
    return puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless,
      enableExtensions: true,
      pipe: true,
      userDataDir: mkdtempSync(join(tmpdir(), 'chromium-')),
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless,
    args: FIREFOX_ARGS,
    extraPrefsFirefox: {
      'extensions.webextensions.restrictedDomains': '',
      'network.dns.disableIPv6': true,
      ...FIREFOX_PREFS,
      ...prefs,
    },
  });
  await browser.installExtension(join(ROOT, build, 'firefox'));
  return browser;
}

/**
 * Records the requests of Chromium's extension service worker (the background), which no tab's
 * interception sees. Firefox's background is an event page that BiDi does not expose; there the
 * tabs' interception is the check.
 */
export async function watchBackground(browser, name) {
  const requests = [];
  if (name !== 'chromium') return requests;
  const worker = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 10000 },
  );
  const session = await worker.createCDPSession();
  session.on('Network.requestWillBeSent', ({ request }) => {
    if (!request.url.startsWith('chrome-extension://')) requests.push(request.url);
  });
  await session.send('Network.enable');
  return requests;
}

/**
 * A tab that answers LinkedIn's URLs from `routes` (path -> HTML) with the given page CSP (those
 * in `hold`, path -> (respond) => …, when the function calls `respond`; in Chromium, the
 * extension's own files too), and
 * LinkedIn's pictures with a placeholder, and records every other request that leaves the page:
 * the extension must make none.
 */
export async function openTab(browser, routes, { csp = PAGE_CSP, hold = {} } = {}) {
  const page = await browser.newPage();
  const leaks = [];
  const logs = [];
  page.on('console', (message) => logs.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => logs.push(`pageerror: ${error.message}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    // A held request is answered once the test releases it: a script in the page then keeps
    // the page loading, or the core's wasm the core, for as long as the test needs.
    const answer = (respond) => (hold[url.pathname] ?? ((now) => now()))(respond);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' || url.protocol === 'data:') {
      answer(() => request.continue()); // the extension's own files (Chromium shows them here)
      return;
    }
    if (url.origin === LINKEDIN && url.pathname in routes) {
      const type = url.pathname.endsWith('.css') ? 'text/css'
        : url.pathname.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      const headers = { 'content-type': type };
      if (csp) headers['content-security-policy'] = csp;
      answer(() => request.respond({ status: 200, headers, body: routes[url.pathname] }));
      return;
    }
    if (url.origin === MEDIA) {
      // The page's own pictures (avatars, logos): a placeholder.
      request.respond({ status: 200, headers: { 'content-type': 'image/svg+xml' }, body: AVATAR });
      return;
    }
    if (url.origin === LINKEDIN && url.pathname === '/favicon.ico') {
      request.respond({ status: 204, body: '' });
      return;
    }
    leaks.push(request.url());
    request.abort();
  });
  return { page, leaks, logs };
}

/** Waits until the page shows exactly `count` badges, and for one more frame of quiet. */
export async function waitForBadges(page, count, timeout = 15000) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-vetted-verdict]').length === n,
    { timeout, polling: 50 },
    count,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Every badge on the page: the fixture it sits in and its machine-readable attributes. */
export function readBadges(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-vetted-verdict]')].map((host) => ({
      fixture: host.closest('[data-fixture]')?.dataset.fixture ?? null,
      verdict: host.dataset.vettedVerdict,
      note: host.dataset.vettedNote,
      rules: host.dataset.vettedRules,
      explanation: host.shadowRoot?.querySelector('.why')?.textContent ?? null,
      mark: host.shadowRoot?.querySelector('.nonote')?.textContent ?? null,
    })),
  );
}

/**
 * Adds cards as React would: structure from HTML, then each payload set as text and attribute
 * values in place of `mark` (which keeps NUL characters and lone surrogates no served page can
 * carry). They go at the end of the element `list` selects, or else after the page's last
 * `[data-fixture]` card.
 */
export function addViaDom(page, cases, mark, list = null) {
  return page.evaluate((cases, mark, list) => {
    const fragment = document.createDocumentFragment();
    for (const { html, payload } of cases) {
      const card = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (node.data.includes(mark)) node.data = node.data.replaceAll(mark, payload);
          continue;
        }
        for (const { name, value } of [...node.attributes]) {
          if (value.includes(mark)) node.setAttribute(name, value.replaceAll(mark, payload));
        }
      }
      fragment.append(document.adoptNode(card));
    }
    if (list) document.querySelector(list).append(fragment);
    else [...document.querySelectorAll('[data-fixture]')].pop().after(fragment);
  }, cases, mark, list);
}

/** How many elements of each kind the page's own DOM holds, Vetted's hosts left out: of the live
 *  page, or of `html` parsed inertly (nothing runs, nothing loads). */
export function pageTags(page, html) {
  return page.evaluate((html) => {
    const tags = {};
    const root = html ? new DOMParser().parseFromString(html, 'text/html').body : document.body;
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) continue; // Vetted's hosts: nothing of the page has a shadow root
      tags[element.localName] = (tags[element.localName] ?? 0) + 1;
    }
    return tags;
  }, html);
}

/**
 * Where each card's badge sits against its sender's name as the eye sees it (`names`:
 * data-fixture -> the name as the card writes it): whether the badge's middle is on the line of
 * the name's end, its gap in px from the name's end, and whether it is inside a link or a button.
 */
export function badgePlaces(page, names) {
  return page.evaluate((names) => Object.entries(names).map(([fixture, name]) => {
    const card = document.querySelector(`[data-fixture="${fixture}"]`);
    const host = card?.querySelector('[data-vetted-verdict]');
    if (!host) return { fixture, badge: false };
    let end = null;
    const range = document.createRange();
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && !end; node = walker.nextNode()) {
      const at = node.data.indexOf(name);
      if (at < 0) continue;
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      const boxes = range.getClientRects();
      end = boxes[boxes.length - 1] ?? null;
    }
    const box = host.getBoundingClientRect();
    const middle = (box.top + box.bottom) / 2;
    return {
      fixture,
      badge: true,
      onNameLine: !!end && middle >= end.top && middle <= end.bottom,
      gap: end && Math.round(box.left - end.right),
      inLink: host.closest('a, button') !== null,
    };
  }), names);
}

/** The places of `badgePlaces` that are not beside the name: off its line, inside a link or a
 *  button, before the name, or further from it than the marks its link may show after it (an
 *  icon and the word "Verified") and a gap. */
export const notBesideName = (places) =>
  places.filter((p) => !p.badge || !p.onNameLine || p.inLink || p.gap < 0 || p.gap > 100);
