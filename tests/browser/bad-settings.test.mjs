// Bad settings (docs/ARCHITECTURE.md, Safety), in both browsers: stored settings that are no JSON object, of the
// wrong types, from a newer Vetted, or huge still leave every card badged (by the defaults where
// a value was wrong, by the user's own values where they were right), the popup says what was
// wrong, and nothing stored is lost; an import of a bad file is refused and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, INVITATIONS, PAGE_CSP, launch, openTab, waitForBadges } from './harness.mjs';
import { getStoredSettings, openExtensionPage, setStoredSettings } from './extension-pages.mjs';
import { demoRoutes } from './pages.mjs';
import { PATH, PERSONS, badgesOf, expected, pageErrors, sleep, waitForVerdicts, watchRequests, watchWorkers } from './robust.mjs';

const PRIYA = '01-no-note.html';
const KEVIN = '04-default-note.html';
const MARCO = '06-follows-you-lion.html';
const DANIEL = '02-note.html';
const COUNT = Object.keys(PERSONS).length;
const defaults = { [PRIYA]: expected(PRIYA), [KEVIN]: expected(KEVIN), [MARCO]: expected(MARCO), [DANIEL]: expected(DANIEL) };

/** 10,000 entries in every list: Kevin Marsh first (kept), Priya Raman last (past the limit). */
function huge() {
  const fill = (make) => Array.from({ length: 10000 }, (_, i) => make(i));
  const known = fill((i) => `Filler Person ${i}`);
  known[0] = 'Kevin Marsh';
  known[9999] = 'Priya Raman';
  return {
    version: 3,
    known_people: known,
    met_elsewhere: fill((i) => `@filler${i}`),
    own_organizations: fill((i) => `Filler Org ${i}`),
    refused_roles: fill((i) => `filler role ${i}`),
    open_networker_terms: fill((i) => `filler networker ${i}`),
    spam_terms: fill((i) => `filler spam ${i}`),
    trusted_sites: fill((i) => `site${i}.example.org`),
    business_terms: fill((i) => `filler business ${i}`),
    group_terms: fill((i) => `filler group ${i}`),
  };
}

const STORED = [
  {
    what: 'invalid JSON (a string)',
    stored: '{"version": 2, "known_people": ["Priya Raman"',
    badges: defaults,
    message: /must be a JSON object.*defaults apply/s,
  },
  { what: 'a number', stored: 42, badges: defaults, message: /must be a JSON object/ },
  {
    what: 'values of the wrong types, beside one right one',
    stored: {
      version: '2',
      rules: ['R5'],
      known_people: 'Priya Raman',
      refused_roles: 42,
      met_elsewhere: [1, null, 'Marco Bellini'],
      own_organizations: { Initech: true },
    },
    badges: { ...defaults, [MARCO]: 'accept:E2' },
    message: /"known_people" must be a list/,
  },
  {
    what: 'a newer version',
    stored: { version: 99, rules: { R5: false, Z9: true }, known_people: ['Kevin Marsh'], shiny_new_list: ['x'] },
    badges: { ...defaults, [KEVIN]: 'accept:K', [PRIYA]: 'consider:R2', [MARCO]: 'refuse:R3' }, // R5 off
    message: /newer Vetted.*99|99.*newer/s,
  },
  {
    what: '10,000 entries in every list',
    stored: huge(),
    badges: { ...defaults, [KEVIN]: 'accept:K' },
    message: /10000 entries; only the first 5000/,
  },
];

/** Files the popup must refuse: the name, the content. */
const BAD_FILES = [
  ['not JSON', '{"version": 2, "known_people": ["Ada"'],
  ['empty', ''],
  ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe])],
  ['a JSON list', '[{"version": 2}]'],
  ['a JSON text', '"settings"'],
  ['no version', '{"known_people": ["Ada Lovelace"]}'],
  ['a newer version', '{"version": 99, "known_people": ["Ada Lovelace"], "shiny_new_list": []}'],
  ['wrong types', '{"version": 2, "known_people": "Ada", "rules": {"R5": "maybe"}}'],
  ['10,000 entries', JSON.stringify({ version: 3, known_people: Array.from({ length: 10000 }, (_, i) => `Person ${i}`) })],
  ['over 1 MB', JSON.stringify(huge())],
];

for (const name of BROWSERS) {
  for (const csp of [PAGE_CSP, null]) {
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}: bad settings`, () => {
      let browser;
      let background = [];
      let tab;
      const tabs = [];
      const pages = [];
      before(async () => {
        browser = await launch(name);
        background = await watchWorkers(browser, name);
        tab = await open();
      });
      after(async () => {
        await browser?.close();
      });

      async function open() {
        const opened = await openTab(browser, demoRoutes('gen2026', PATH), { csp });
        tabs.push(opened);
        await opened.page.goto(INVITATIONS);
        await waitForBadges(opened.page, COUNT);
        return opened;
      }

      async function popup(hash = '') {
        const page = await openExtensionPage(browser, name, `popup/popup.html${hash}`);
        pages.push(watchRequests(page));
        return page;
      }

      for (const { what, stored, badges, message } of STORED) {
        test(`stored settings that are ${what}: badges by what can be used, a message in the popup, nothing lost`, async () => {
          await setStoredSettings(browser, name, stored);
          // The open tab re-badges at once; a tab opened now reads them on its start.
          await waitForVerdicts(tab.page, badges, 20000);
          await waitForBadges(tab.page, COUNT);
          const fresh = await open();
          await waitForVerdicts(fresh.page, badges, 20000);
          await fresh.page.close();

          const page = await popup();
          await page.waitForFunction((source) => {
            const alert = document.querySelector('.problems[role="alert"]');
            return alert && new RegExp(source, 's').test(alert.textContent);
          }, { timeout: 15000, polling: 100 }, message.source).catch(async (error) => {
            const seen = await page.evaluate(() => document.querySelector('.problems')?.textContent ?? document.body.textContent.slice(0, 300));
            throw new Error(`popup: waited for ${message}, it says: ${seen.slice(0, 400)} (${error.message})`);
          });
          await page.close();
          // Shown, not repaired behind the user's back: what was stored is still there, whole.
          assert.deepEqual(await getStoredSettings(browser, name), stored);
        });
      }

      test('an import of a bad file is refused with a message, and the settings stay as they were', async () => {
        const current = { version: 3, known_people: ['Kevin Marsh'] };
        await setStoredSettings(browser, name, current);
        await waitForVerdicts(tab.page, { [KEVIN]: 'accept:K' });
        const dir = mkdtempSync(join(tmpdir(), 'vetted-bad-files-'));
        // Firefox handles files in a tab (its popups close when a file dialog opens).
        const page = await popup(name === 'firefox' ? '#tab' : '');
        for (const [i, [what, content]] of BAD_FILES.entries()) {
          const file = join(dir, `settings-${i}.json`);
          writeFileSync(file, content);
          // The previous message goes, so that the next one is this file's.
          await page.evaluate(() => document.querySelectorAll('.message').forEach((m) => m.replaceChildren()));
          const input = await page.waitForSelector('input[type="file"]');
          await input.uploadFile(file);
          await page.waitForFunction(() => /Import refused, nothing changed/.test(document.querySelector('.message:not(:empty)')?.textContent ?? ''), {
            timeout: 10000,
            polling: 50,
          }).catch(() => {
            throw new Error(`${what}: no refusal shown`);
          });
          assert.deepEqual(await getStoredSettings(browser, name), current, what);
        }
        await page.close();
        await waitForVerdicts(tab.page, { [KEVIN]: 'accept:K', [PRIYA]: expected(PRIYA) });
        await setStoredSettings(browser, name, {});
      });

      test('no page error, and the extension made no network request', () => {
        assert.deepEqual(tabs.flatMap((opened) => pageErrors(opened.logs)), []);
        assert.deepEqual([...tabs.flatMap((opened) => opened.leaks), ...pages.flat(), ...background], []);
      });
    });
  }
}

// Settings changed while the page loads, after preload.js read them at document_start and before
// content.js watches them, are those of the first badges. A script in the page, held by the test,
// keeps it loading. Chromium only: its DevTools protocol tells when the content scripts' world is
// created (preload.js runs in it at once), so that the change comes after preload.js's read.
for (const csp of [PAGE_CSP, null]) {
  describe(`chromium, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}: settings changed while the page loads`, () => {
    let browser;
    before(async () => {
      browser = await launch('chromium');
    });
    after(async () => {
      await browser?.close();
    });

    /** A hold for openTab, and what lifts it. */
    function holding() {
      let release;
      const released = new Promise((resolve) => (release = resolve));
      return { hold: (respond) => released.then(respond), release };
    }

    test('are those of the first badges', async () => {
      await setStoredSettings(browser, 'chromium', { version: 3 });
      const HELD = '/vetted-test/held.js';
      const routes = demoRoutes('gen2026', PATH);
      routes[PATH] = routes[PATH].replace('<body>', `<body><script src="${HELD}"></script>`);
      routes[HELD] = '';
      const { hold, release } = holding();
      const { page, logs, leaks } = await openTab(browser, routes, { csp, hold: { [HELD]: hold } });
      const cdp = await page.createCDPSession();
      const injected = new Promise((resolve) => {
        cdp.on('Runtime.executionContextCreated', ({ context }) => context.auxData?.type === 'isolated' && resolve());
      });
      await cdp.send('Runtime.enable');
      const loading = page.goto(INVITATIONS);
      await injected;
      await setStoredSettings(browser, 'chromium', { version: 3, known_people: ['Priya Raman'] });
      release();
      await loading;
      await waitForBadges(page, COUNT);
      const first = await badgesOf(page, [PRIYA, KEVIN]);
      assert.deepEqual(first, { [PRIYA]: 'accept:K', [KEVIN]: expected(KEVIN) });
      assert.deepEqual([...pageErrors(logs), ...leaks], []);
      await setStoredSettings(browser, 'chromium', {});
    });

    if (!csp) {
      // In place only: there the core's wasm is a request the test can hold (the background's
      // answers are messages). content.js runs once the page has loaded; the wasm, held, keeps
      // its core loading while the settings change.
      test('and while the core loads, are those of the first badges too', async () => {
        await setStoredSettings(browser, 'chromium', { version: 3 });
        const { hold, release } = holding();
        const { page, logs, leaks } = await openTab(browser, demoRoutes('gen2026', PATH), { csp, hold: { '/core/vetted_bg.wasm': hold } });
        await page.goto(INVITATIONS, { waitUntil: 'load' });
        await sleep(500); // content.js starts in a task after the load event
        await setStoredSettings(browser, 'chromium', { version: 3, known_people: ['Priya Raman'] });
        release();
        await waitForBadges(page, COUNT);
        assert.deepEqual(await badgesOf(page, [PRIYA, KEVIN]), { [PRIYA]: 'accept:K', [KEVIN]: expected(KEVIN) });
        assert.ok(logs.some((line) => line.includes('core runs in the content script')), logs.join(' | '));
        assert.deepEqual([...pageErrors(logs), ...leaks], []);
        await setStoredSettings(browser, 'chromium', {});
      });
    }
  });
}
