// Helpers of the robustness tests (hostile text, faults, bad settings, the soak): cards added as
// LinkedIn adds them, waits on the badges of named cards, a watch on the page's own world, and
// the background's requests watched across restarts.
import { INVITATIONS } from './harness.mjs';
import { fixtures, tagged } from './pages.mjs';

export const PATH = new URL(INVITATIONS).pathname;
/** The gen2026 fixture cards from a person, by file name. */
export const PERSONS = Object.fromEntries(
  fixtures('gen2026')
    .filter((card) => card.expect.kind === 'person')
    .map((card) => [card.file, card]),
);

/** A person fixture card as `file`, its HTML passed through `edit`. */
export function cardAs(base, file, edit = (html) => html) {
  const card = PERSONS[base];
  if (!card) throw new Error(`no person fixture ${base}`);
  return tagged({ ...card, file, html: edit(card.html) });
}

/** What a fixture's badge should say: `verdict:rules`, e.g. 'refuse:R6,R5'. */
export function expected(base) {
  const { verdict, rules } = PERSONS[base].expect.badge;
  return `${verdict}:${rules}`;
}

/** Appends cards (HTML) after the last card of the list, in one mutation, as one render would. */
export function appendCards(page, htmls) {
  return page.evaluate((htmls) => {
    const cards = document.querySelectorAll('[data-fixture]');
    const fragment = document.createDocumentFragment();
    for (const html of htmls) {
      fragment.append(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild);
    }
    cards[cards.length - 1].after(fragment);
  }, htmls);
}

/** The badges of named cards, as `verdict:rules` (null for none, 'N badges' for more than one). */
export function badgesOf(page, files) {
  return page.evaluate((files) => {
    const seen = {};
    for (const file of files) {
      const card = document.querySelector(`[data-fixture="${CSS.escape(file)}"]`);
      const hosts = card ? card.querySelectorAll('[data-vetted-verdict]') : [];
      if (!card) seen[file] = 'no such card';
      else if (hosts.length > 1) seen[file] = `${hosts.length} badges`;
      else seen[file] = hosts.length ? `${hosts[0].dataset.vettedVerdict}:${hosts[0].dataset.vettedRules}` : null;
    }
    return seen;
  }, files);
}

/**
 * Waits until each named card shows what `want` maps it to: its one badge's `verdict:rules`
 * starting with the given text (e.g. 'accept:K'), or null for no badge.
 */
export async function waitForVerdicts(page, want, timeout = 15000) {
  const check = (want) =>
    Object.entries(want).every(([file, verdict]) => {
      const hosts = document.querySelectorAll(`[data-fixture="${CSS.escape(file)}"] [data-vetted-verdict]`);
      if (verdict === null) return hosts.length === 0;
      const host = hosts[0];
      return hosts.length === 1 && `${host.dataset.vettedVerdict}:${host.dataset.vettedRules}`.startsWith(verdict);
    });
  try {
    await page.waitForFunction(check, { timeout, polling: 50 }, want);
  } catch {
    const seen = await badgesOf(page, Object.keys(want));
    const wrong = Object.keys(want).filter((file) => !(want[file] === null ? seen[file] === null : seen[file]?.startsWith(want[file])));
    throw new Error(`waited for ${wrong.map((f) => `${f}: ${want[f]}`).join(', ')}; saw ${wrong.map((f) => `${f}: ${seen[f]}`).join(', ')}`);
  }
}

/**
 * Watches the page's own (main) world: uncaught errors and rejections there, and a click
 * counter on LinkedIn's own buttons, to show the page keeps working. Read it with `pageWorld`.
 */
export function watchPageWorld(page) {
  return page.evaluate(() => {
    const watch = { errors: [], clicks: 0, title: document.title };
    window.__vettedWatch = watch;
    addEventListener('error', (event) => {
      if (event instanceof ErrorEvent) watch.errors.push(event.message);
    }, true);
    addEventListener('unhandledrejection', (event) => watch.errors.push(`rejection: ${event.reason}`));
    document.addEventListener('click', (event) => {
      if (event.target.closest('button')) watch.clicks += 1;
    });
  });
}

/** What the page's own world saw since `watchPageWorld`. */
export function pageWorld(page) {
  return page.evaluate(() => ({
    errors: window.__vettedWatch.errors,
    clicks: window.__vettedWatch.clicks,
    titleChanged: document.title !== window.__vettedWatch.title,
    pwned: document.documentElement.dataset.pwned ?? null,
  }));
}

/** Errors reported for the page, but for its own CSP reports (Firefox lists those as errors). */
export function pageErrors(logs) {
  return logs.filter((line) => line.startsWith('pageerror') && !line.includes('Content-Security-Policy'));
}

/** Records the requests an extension page (the popup) makes beyond the extension itself. */
export function watchRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    if (!/^(chrome-extension|moz-extension|data|blob):/.test(request.url())) requests.push(request.url());
  });
  return requests;
}

/**
 * Records the requests of the extension's background in Chromium, across restarts: every
 * service worker of the extension, the running one and each one started later, is watched.
 * (Firefox's event page is not exposed; there the tabs' interception is the check.)
 * The array it returns has `pause()`: a worker with a DevTools session attached is not started
 * again once stopped, so `stopBackground` pauses the watch; it resumes when the worker starts.
 */
export async function watchWorkers(browser, name) {
  const requests = [];
  const sessions = new Map(); // target -> its CDP session
  requests.pause = async () => {
    const detaching = [...sessions.values()].map((session) => session.detach().catch(() => {}));
    sessions.clear();
    await Promise.all(detaching);
  };
  if (name !== 'chromium') return requests;
  const watch = async (target) => {
    if (target.type() !== 'service_worker' || !target.url().startsWith('chrome-extension://')) return;
    if (sessions.has(target)) return;
    try {
      const session = await target.createCDPSession();
      sessions.set(target, session);
      session.on('Network.requestWillBeSent', ({ request }) => {
        if (!request.url.startsWith('chrome-extension://')) requests.push(request.url);
      });
      await session.send('Network.enable');
    } catch {
      // Stopped before it could be watched: it had no time to send anything either.
    }
  };
  browser.on('targetcreated', watch);
  browser.on('targetchanged', watch);
  await Promise.all(browser.targets().map(watch));
  return requests;
}

/**
 * Stops the extension's service worker (Chromium), as the browser does after 30 s idle. The
 * watch on its requests (`watchWorkers`) pauses until it runs again.
 */
export async function stopBackground(page, watched) {
  await watched.pause();
  const session = await page.createCDPSession();
  const stopped = new Promise((resolve) => {
    session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL.startsWith('chrome-extension://'));
      if (ours.length && ours.every((version) => version.runningStatus === 'stopped')) resolve();
    });
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  const late = new Promise((_, reject) => setTimeout(reject, 10000, new Error('the service worker did not stop')));
  await Promise.race([stopped, late]);
  await session.detach();
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
