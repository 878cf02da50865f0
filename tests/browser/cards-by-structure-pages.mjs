// Pages and helpers of the structure tests (cards-by-structure.test.mjs): the variant-rich manager page
// (www/variants.html) and the My Network page (www/mynetwork.html) served at LinkedIn's URLs,
// in-app navigation, clicks as the user makes them, and what the page and the popup count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LINKEDIN } from './harness.mjs';
import { openExtensionPage } from './extension-pages.mjs';
import { ROOT } from './pages.mjs';

export const MYNETWORK = '/mynetwork/';
export const GROW = '/mynetwork/grow/';
/** A view of the invitation manager: /mynetwork/invitation-manager/received/<slug>/. */
export const manager = (slug = '') => `/mynetwork/invitation-manager/received/${slug && `${slug}/`}`;
export const at = (path) => `${LINKEDIN}${path}`;

const PREVIEW = /(<!-- vetted:preview -->\n)[\s\S]*?(\n<!-- \/vetted:preview -->)/;

/** A www/ page; on the My Network page, `preview(cards)` rewrites the invitations preview's cards. */
export function wwwPage(file, { preview } = {}) {
  const html = readFileSync(join(ROOT, 'www', file), 'utf8');
  if (!preview) return html;
  if (!PREVIEW.test(html)) throw new Error(`www/${file} has no <!-- vetted:preview --> cards`);
  return html.replace(PREVIEW, (all, open, close) => open + preview(all.slice(open.length, all.length - close.length)) + close);
}

/**
 * The routes that serve `html` at `path`. Its inline styles and its inline script move to
 * same-origin files, as LinkedIn serves its own, so that the page looks and works the same under
 * the strict page CSP (script-src 'self') as without one.
 */
export function routesFor(path, html, name = 'page') {
  const files = { css: [], js: [] };
  const page = html
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => (files.css.push(css), ''))
    .replace(/<script>([\s\S]*?)<\/script>/g, (_, js) => (files.js.push(js), `<script src="/vetted-demo/${name}-${files.js.length}.js"></script>`))
    .replace('</head>', `<link rel="stylesheet" href="/vetted-demo/${name}.css"></head>`);
  const routes = { [path]: page, [`/vetted-demo/${name}.css`]: files.css.join('\n') };
  files.js.forEach((js, i) => (routes[`/vetted-demo/${name}-${i + 1}.js`] = js));
  return routes;
}

/** In-app navigation as LinkedIn does it: a new history entry, then the page's body replaced. */
export function swapTo(page, path, html) {
  return page.evaluate((path, html) => {
    history.pushState({}, '', path);
    document.body.replaceWith(document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body));
  }, path, html);
}

/** The browser's Back button in a single-page app: popstate, then LinkedIn renders `html`. */
export function swapBack(page, html) {
  return page.evaluate(async (html) => {
    await new Promise((resolve) => {
      addEventListener('popstate', resolve, { once: true });
      history.back();
    });
    document.body.replaceWith(document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body));
    return location.pathname;
  }, html);
}

/**
 * Clicks, as the user does (a real pointer click), the element in `within` (a selector; in a
 * card: `[data-fixture="…"]`) that matches `selector` and whose own text is `text`.
 */
export async function clickOn(page, within, selector, text) {
  const handle = await page.evaluateHandle((within, selector, text) => {
    const scope = document.querySelector(within);
    return [...(scope?.querySelectorAll(selector) ?? [])].find((e) => e.textContent.trim() === text) ?? null;
  }, within, selector, text);
  const element = handle.asElement();
  if (!element) throw new Error(`no ${selector} "${text}" in ${within}`);
  await element.click();
  await handle.dispose();
}

/**
 * What the page shows: for each card (its data-fixture), whether it is rendered and the badges
 * in it; and the numbers of each summary line (Vetted's host with role=status).
 */
export function shown(page) {
  return page.evaluate(() => {
    const cards = {};
    for (const card of document.querySelectorAll('[data-fixture]')) {
      cards[card.dataset.fixture] = {
        visible: card.getClientRects().length > 0,
        text: card.textContent,
        badges: [...card.querySelectorAll('[data-vetted-verdict]')].map((host) => ({
          verdict: host.dataset.vettedVerdict,
          note: host.dataset.vettedNote,
          rules: host.dataset.vettedRules,
          explanation: host.shadowRoot?.querySelector('.why')?.textContent ?? null,
        })),
      };
    }
    const summaries = [...document.querySelectorAll('[role="status"]')]
      .map((host) => host.shadowRoot?.querySelector('.summary')?.textContent)
      .filter((line) => line !== undefined)
      .map((line) => (line.match(/\d+/g) ?? []).map(Number));
    return { cards, summaries };
  });
}

/** The popup's counts, as the summary line has them: the badges of the visible cards. */
export function visibleCounts(cards) {
  const counts = { accept: 0, consider: 0, refuse: 0, missing_note: 0, no_reason: 0 };
  for (const { visible, badges } of Object.values(cards)) {
    if (!visible) continue;
    for (const badge of badges) {
      counts[badge.verdict] += 1;
      if (badge.note === 'missing') counts.missing_note += 1;
      if (badge.note === 'no-reason') counts.no_reason += 1;
    }
  }
  return counts;
}

/** What the content script of each open LinkedIn tab answers the popup (`vetted:status`). */
export async function tabStatuses(browser, browserName) {
  const page = await openExtensionPage(browser, browserName, 'manifest.json');
  try {
    return await page.evaluate(async (pattern) => {
      const tabs = await chrome.tabs.query({ url: pattern });
      return Promise.all(tabs.map((tab) => chrome.tabs.sendMessage(tab.id, { type: 'vetted:status' })
        .catch((error) => ({ error: String(error) }))));
    }, `${LINKEDIN}/*`);
  } finally {
    await page.close();
  }
}

/** Vetted's warnings in a tab's console that say LinkedIn's layout may have changed. */
export const layoutWarnings = (logs) =>
  logs.filter((line) => line.startsWith('warn') && line.includes('LinkedIn may have changed its layout'));

// ---- hostile text (as hostile.test.mjs, in the My Network page's preview) --------------------

export const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The payloads of tests/fixtures/hostile/payloads.json, each with its text. */
export function payloads() {
  const corpus = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'payloads.json'), 'utf8'));
  return corpus.payloads.map((p) => ({
    ...p,
    text: p.text ?? p.repeat.repeat(Math.ceil(p.length / p.repeat.length)).slice(0, p.length),
  }));
}


