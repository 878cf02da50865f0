// The installed extension's own pages (the popup, say) in a tab, with the extension's privileges,
// and its stored settings, for tests: the production build, opened as a user's browser would.
//
// Chromium: any tab may open chrome-extension://<id>/<path>; the id of an unpacked extension is
// derived from its directory, which the browser was launched with (--load-extension).
//
// Firefox: the extension's uuid is random unless the pref extensions.webextensions.uuids fixes it,
// and since Firefox 153 WebDriver navigates only to http(s), file, blob and about:blank unless
// Firefox runs with --remote-allow-system-access ("Navigation to moz-extension://... is not allowed
// in this context" otherwise). Both are in FIREFOX_ARGS and FIREFOX_PREFS, which harness.mjs's
// `launch` passes. Firefox then opens the page, but BiDi sends no DOMContentLoaded or load event
// for moz-extension documents, so `goto` must not wait for them (it would time out), and the
// page's `url()` keeps saying about:blank: read `location.href` in the page instead.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';

const GECKO_ID = 'vetted@vetted-extension.org';
/** Any fixed uuid: the extension's origin in the test Firefox is moz-extension://<this>. */
const FIREFOX_UUID = '5e77ed00-7e57-4a11-8f00-000000000001';

export const FIREFOX_ARGS = ['--remote-allow-system-access'];
export const FIREFOX_PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
};

/** chrome-extension://<id> or moz-extension://<uuid> of the extension installed in `browser`. */
export function extensionOrigin(browser, browserName) {
  if (browserName === 'firefox') return `moz-extension://${FIREFOX_UUID}`;
  const flag = '--load-extension=';
  const dir = browser.process()?.spawnargs.find((arg) => arg.startsWith(flag))?.slice(flag.length);
  if (!dir) throw new Error('Chromium was not launched with --load-extension=DIR');
  // Chromium: the first 32 hex digits of sha256(absolute path), each mapped 0-f to a-p.
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  const id = [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
  return `chrome-extension://${id}`;
}

/**
 * A new tab showing the extension page at `path` (e.g. 'popup/popup.html', 'popup/popup.html#tab')
 * once its document has loaded; the page's own scripts may still be starting up. With `front`,
 * a page brought to the front before the extension page loads: the popup then takes it for the
 * active tab, whose counts it shows, as when it opens over that tab.
 */
export async function openExtensionPage(browser, browserName, path, { front } = {}) {
  const url = `${extensionOrigin(browser, browserName)}/${path}`;
  const page = await browser.newPage();
  await front?.bringToFront();
  if (browserName === 'firefox') {
    // Firefox answers the navigation once the document is interactive; wait for the rest here.
    await page.goto(url, { waitUntil: [] });
    await page.waitForFunction(
      (href) => location.href === href && document.readyState === 'complete',
      { timeout: 10000, polling: 50 },
      url,
    );
  } else {
    await page.goto(url);
  }
  return page;
}

/**
 * Runs `fn(arg)` in an extension page that runs no script of its own (the manifest, shown as
 * text), so that nothing of the extension reacts to the storage while the test works on it.
 */
async function inExtensionContext(browser, browserName, fn, arg) {
  const page = await openExtensionPage(browser, browserName, 'manifest.json');
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** One key of the extension's storage (`chrome.storage.local`), or undefined. */
export function getStored(browser, browserName, key) {
  return inExtensionContext(browser, browserName, async (key) => (await chrome.storage.local.get(key))[key], key);
}

/** The extension's stored settings (`chrome.storage.local` key `settings`), or undefined. */
export function getStoredSettings(browser, browserName) {
  return inExtensionContext(browser, browserName, async () => (await chrome.storage.local.get('settings')).settings);
}

/** Stores `settings` (JSON-compatible) as the extension's settings, as the popup would. */
export function setStoredSettings(browser, browserName, settings) {
  return inExtensionContext(browser, browserName, (value) => chrome.storage.local.set({ settings: value }), settings);
}

/** Stores `items` (key: JSON-compatible value) in the extension's `chrome.storage.local`. */
export function setStorage(browser, browserName, items) {
  return inExtensionContext(browser, browserName, (value) => chrome.storage.local.set(value), items);
}
