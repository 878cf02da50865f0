// What a user sees, saved as the README's pictures (www/screenshots/) and checked as a user would
// notice it: in LinkedIn's light and dark themes every badge, note mark and the summary line are
// readable (text against its background at least 4.5:1, WCAG AA), they follow LinkedIn's theme
// when it changes without a reload, LinkedIn's own setting beats the system's, and no badge
// covers one of LinkedIn's controls. Chromium takes the pictures; Firefox checks the dark theme.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INVITATIONS, launch, openTab, waitForBadges } from './harness.mjs';
import { extensionOrigin, setStoredSettings } from './extension-pages.mjs';
import { ROOT, demoRoutes, fixtures } from './pages.mjs';

const PATH = new URL(INVITATIONS).pathname;
const SHOTS = join(ROOT, 'www', 'screenshots');
const persons = fixtures('gen2026').filter((card) => card.expect.kind === 'person');
const byName = (name) => persons.find((card) => card.expect.name === name).file;
/** LinkedIn-like (no 'wasm-unsafe-eval': Chromium judges in the background), with its pictures. */
const CSP = "default-src 'self'; script-src 'self'; img-src 'self' https://media.licdn.com";
// LinkedIn's marks on <html> (Settings > Display > Dark mode), as its pages carry them.
const LIGHT = 'theme theme--mercado artdeco';
const DARK = 'theme theme--mercado theme--dark theme--mercado-dark artdeco';
// Someone the user knows, so that the page shows all three verdicts.
const SETTINGS = { version: 3, known_people: ['Daniel Okoye'] };

/** The computed text and background colours of each kind of Vetted's marks on the page. */
function colours(page) {
  return page.evaluate(() => {
    const pick = (host, selector) => {
      const style = getComputedStyle(host.shadowRoot.querySelector(selector));
      return { color: style.color, background: style.backgroundColor };
    };
    const found = {};
    for (const verdict of ['accept', 'consider', 'refuse']) {
      const host = document.querySelector(`[data-vetted-verdict="${verdict}"]`);
      if (host) found[verdict] = pick(host, '.verdict');
    }
    const missing = document.querySelector('[data-vetted-note="missing"]');
    if (missing) found.nonote = pick(missing, '.nonote');
    const summary = [...document.querySelectorAll('[role="status"]')].find((host) => host.shadowRoot?.querySelector('.summary'));
    if (summary) found.summary = pick(summary, '.summary');
    return found;
  });
}

/** WCAG's contrast ratio of two opaque CSS colours given as rgb(...). */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function assertReadable(found, theme) {
  assert.deepEqual(Object.keys(found).sort(), ['accept', 'consider', 'nonote', 'refuse', 'summary'], theme);
  for (const [kind, { color, background }] of Object.entries(found)) {
    const ratio = contrast(color, background);
    assert.ok(ratio >= 4.5, `${theme}: ${kind} text ${color} on ${background} is ${ratio.toFixed(2)}:1, under 4.5:1`);
  }
}

function assertDark(dark, light) {
  assertReadable(dark, 'dark');
  for (const kind of Object.keys(light)) {
    assert.notEqual(dark[kind].background, light[kind].background, `${kind}: the same background in both themes`);
  }
}

/** Sets <html>'s class, as LinkedIn does when its theme changes. */
function markTheme(page, classes) {
  return page.evaluate((classes) => {
    document.documentElement.className = classes;
  }, classes);
}

/** Waits until the refuse badge's background is (`same`) or is no longer (`!same`) `background`. */
function waitForBackground(page, same, background) {
  return page.waitForFunction(
    (same, background) => {
      const host = document.querySelector('[data-vetted-verdict="refuse"]');
      return (getComputedStyle(host.shadowRoot.querySelector('.verdict')).backgroundColor === background) === same;
    },
    { timeout: 10000, polling: 50 },
    same,
    background,
  );
}

/** Resolves after the page has rendered one more frame (media query changes are reported then). */
function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Opens one badge's explanation as the pointer does, once it is written. */
async function hoverBadge(page, file) {
  const badge = await page.evaluateHandle(
    (file) => document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`).shadowRoot.querySelector('.badge'),
    file,
  );
  await badge.hover();
  await page.waitForFunction(
    (file) => {
      const why = document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`).shadowRoot.querySelector('.why');
      return why !== null && getComputedStyle(why).display !== 'none' && why.textContent.length > 0;
    },
    { timeout: 10000, polling: 50 },
    file,
  );
}

/** Saves the list's top (its header, the summary, the first `cards` cards, an open explanation). */
async function saveList(page, name, cards) {
  const clip = await page.evaluate((cards) => {
    const list = document.querySelector('[data-testid="lazy-column"]');
    const section = list.closest('section');
    const items = list.querySelectorAll(':scope > [role="listitem"]');
    const top = section.getBoundingClientRect();
    let bottom = items[cards - 1].getBoundingClientRect().bottom;
    for (const host of document.querySelectorAll('[data-vetted-verdict]')) {
      const why = host.shadowRoot.querySelector('.why');
      if (why && getComputedStyle(why).display !== 'none') bottom = Math.max(bottom, why.getBoundingClientRect().bottom + 8);
    }
    return { x: top.left + scrollX, y: top.top + scrollY, width: top.width, height: bottom - top.top };
  }, cards);
  const path = join(SHOTS, name);
  await page.screenshot({ path, clip });
  assert.ok(statSync(path).size < 200 * 1024, `${name}: ${statSync(path).size} bytes`);
}

describe('chromium: the badged page in LinkedIn\'s light and dark themes, and the popup', () => {
  let browser;
  let page;
  let light;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch('chromium');
    await setStoredSettings(browser, 'chromium', SETTINGS);
    ({ page } = await openTab(browser, demoRoutes('gen2026', PATH), { csp: CSP }));
    await page.setViewport({ width: 1200, height: 1000 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(INVITATIONS);
    await waitForBadges(page, persons.length);
    // The user has answered LinkedIn's cookie banner.
    await page.evaluate(() => document.querySelector('[aria-label="Cookie consent"]')?.remove());
  });
  after(async () => {
    await browser?.close();
  });

  test('no badge, and not the summary, covers any of LinkedIn\'s controls', async () => {
    const covered = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('button, a, input, [role="button"], [role="tab"]')];
      const hosts = [...document.querySelectorAll('span')].filter((span) => span.shadowRoot);
      const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const found = [];
      for (const host of hosts) {
        const box = host.getBoundingClientRect();
        for (const control of controls) {
          if (control.contains(host)) continue; // the badge in the sender's name link
          if (overlaps(box, control.getBoundingClientRect())) found.push(`${host.dataset.vettedVerdict ?? 'summary'} over ${control.outerHTML.slice(0, 80)}`);
        }
      }
      return { hosts: hosts.length, found };
    });
    assert.equal(covered.hosts, persons.length + 1, 'every badge and the summary');
    assert.deepEqual(covered.found, []);
  });

  test('light theme: readable; saved with an explanation open', async () => {
    await markTheme(page, LIGHT);
    light = await colours(page);
    assertReadable(light, 'light');
    await hoverBadge(page, byName('Priya Raman'));
    await saveList(page, 'invitations-light.png', 2);
  });

  test('dark theme, switched in LinkedIn without a reload: other colours, readable; saved', async () => {
    await page.mouse.move(0, 0);
    await markTheme(page, DARK);
    await waitForBackground(page, false, light.refuse.background);
    assertDark(await colours(page), light);
    await hoverBadge(page, byName('Daniel Okoye'));
    await saveList(page, 'invitations-dark.png', 2);
    await page.mouse.move(0, 0);
  });

  test('LinkedIn\'s own setting beats the system\'s; without it, the page\'s background decides', async () => {
    // LinkedIn light while the system turns dark (and the demo page with it): the badges stay light.
    await markTheme(page, 'theme theme--light');
    await waitForBackground(page, true, light.refuse.background);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await nextFrame(page);
    await nextFrame(page);
    assert.deepEqual(await colours(page), light);
    // No mark: the page's dark background decides.
    await markTheme(page, '');
    await waitForBackground(page, false, light.refuse.background);
    // The system turns light, and the page with it: so do the badges.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await waitForBackground(page, true, light.refuse.background);
  });

  test('the popup, showing the open invitations tab\'s counts and its sections; saved, then with the rules open', async () => {
    // The popup asks the active tab for its counts: it loads while the LinkedIn tab is in front.
    const popup = await browser.newPage();
    await popup.setViewport({ width: 360, height: 600 });
    await page.bringToFront();
    await popup.goto(`${extensionOrigin(browser, 'chromium')}/popup/popup.html`);
    await popup.waitForFunction(() => document.querySelector('.counts') && document.querySelector('input[data-k="rR5"]'), {
      timeout: 10000,
      polling: 50,
    });
    await popup.bringToFront();
    // What the popup shows when it opens (Chromium's popups are at most 600 px high).
    const path = join(SHOTS, 'popup.png');
    await popup.screenshot({ path });
    assert.ok(statSync(path).size < 200 * 1024, `popup.png: ${statSync(path).size} bytes`);
    // The rules' section opened: each switch's line, and the essay's words under it.
    await popup.click('#s-rules > summary');
    await popup.waitForFunction(() => document.getElementById('s-rules').open);
    const sections = join(SHOTS, 'popup-sections.png');
    await popup.screenshot({ path: sections });
    assert.ok(statSync(sections).size < 200 * 1024, `popup-sections.png: ${statSync(sections).size} bytes`);
    await popup.close();
  });
});

describe('firefox: LinkedIn\'s dark theme', () => {
  test('switched without a reload: other colours, readable', async () => {
    const browser = await launch('firefox');
    try {
      await setStoredSettings(browser, 'firefox', SETTINGS);
      const { page } = await openTab(browser, demoRoutes('gen2026', PATH));
      await page.goto(INVITATIONS);
      await waitForBadges(page, persons.length);
      await markTheme(page, LIGHT);
      const light = await colours(page);
      assertReadable(light, 'light');
      await markTheme(page, DARK);
      await waitForBackground(page, false, light.refuse.background);
      assertDark(await colours(page), light);
    } finally {
      await browser.close();
    }
  });
});
