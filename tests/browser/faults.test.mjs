// Faults (docs/ARCHITECTURE.md, Safety), in both browsers: a panic in the Rust core costs the card that caused it
// its badge, never the page nor the other cards, in the content script and in the background;
// and a background that the browser stopped is restarted without the user noticing.
//
// The panic comes from the test-only build dist/test-fault/ (`./build.sh test` writes it): its core
// has the cargo feature `fault-injection`, with which a card holding VETTED-PANIC-TRIGGER makes
// `classify` panic. Everything else in it is the production build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, INVITATIONS, PAGE_CSP, launch, openTab, readBadges, waitForBadges } from './harness.mjs';
import { setStoredSettings } from './extension-pages.mjs';
import { ROOT, demoRoutes } from './pages.mjs';
import {
  PATH, PERSONS, appendCards, badgesOf, cardAs, expected, pageErrors, pageWorld, sleep, stopBackground,
  waitForVerdicts, watchPageWorld, watchWorkers,
} from './robust.mjs';

const FAULT_BUILD = 'dist/test-fault';
const TRIGGER = 'VETTED-PANIC-TRIGGER';
const COUNT = Object.keys(PERSONS).length;
/** Priya Raman's card, whose headline makes the core panic. */
const faulty = (file) => cardAs('01-no-note.html', file, (html) => html.replace('Data Engineer at Northwind Logistics', TRIGGER));

describe('the test-only fault build', () => {
  test('has the trigger, which the production build lacks, and is otherwise the production build', () => {
    assert.ok(existsSync(join(ROOT, FAULT_BUILD)), `no ${FAULT_BUILD}: run ./build.sh test`);
    for (const browser of ['chrome', 'firefox']) {
      const wasm = (build) => readFileSync(join(ROOT, build, browser, 'core', 'vetted_bg.wasm'));
      assert.equal(wasm('dist').includes(TRIGGER), false, `dist/${browser} has the fault trigger`);
      assert.equal(wasm(FAULT_BUILD).includes(TRIGGER), true, `${FAULT_BUILD}/${browser} has no fault trigger`);
      for (const file of ['preload.js', 'content.js', 'background.js', 'manifest.json', 'core/vetted.js']) {
        const same = readFileSync(join(ROOT, 'dist', browser, file)).equals(readFileSync(join(ROOT, FAULT_BUILD, browser, file)));
        assert.ok(same, `${FAULT_BUILD}/${browser}/${file} differs from dist's: rebuild with ./build.sh test`);
      }
    }
  });
});

for (const name of BROWSERS) {
  for (const csp of [PAGE_CSP, null]) {
    const where = name === 'chromium' && csp ? 'in the background' : 'in the content script';
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}: a panic in the core (${where})`, () => {
      let browser;
      let background = [];
      const tabs = [];
      before(async () => {
        browser = await launch(name, { build: FAULT_BUILD });
        background = await watchWorkers(browser, name);
      });
      after(async () => {
        await browser?.close();
      });

      async function open() {
        const tab = await openTab(browser, demoRoutes('gen2026', PATH), { csp });
        tabs.push(tab);
        await tab.page.goto(INVITATIONS);
        await waitForBadges(tab.page, COUNT);
        await watchPageWorld(tab.page);
        return tab;
      }

      test('costs the card that caused it its badge; its batch-mates and every later card get theirs', async () => {
        const { page, logs } = await open();
        assert.ok(logs.some((line) => line.includes(`core runs ${where}`)), logs.join(' | '));
        // One batch: two good cards around the faulty one.
        await appendCards(page, [
          cardAs('02-note.html', 'good-1'),
          faulty('faulty-1'),
          cardAs('05-recruiter.html', 'good-2'),
        ]);
        await waitForVerdicts(page, { 'good-1': expected('02-note.html'), 'good-2': expected('05-recruiter.html') });
        await waitForVerdicts(page, { 'faulty-1': null });
        assert.ok(logs.some((line) => /1 of 3 cards could not be judged/.test(line)), logs.join(' | '));

        // Later batches: each card alone, then the faulty card alone, then good ones again.
        for (const [i, base] of ['07-spam-note.html', '09-common-organization.html', '17-german.html'].entries()) {
          await appendCards(page, [cardAs(base, `later-${i}`)]);
          await waitForVerdicts(page, { [`later-${i}`]: expected(base) });
        }
        await appendCards(page, [faulty('faulty-2')]);
        await sleep(300);
        await appendCards(page, [cardAs('03-long-note.html', 'after-faulty-2')]);
        await waitForVerdicts(page, { 'after-faulty-2': expected('03-long-note.html'), 'faulty-2': null });

        // LinkedIn re-renders the faulty card with a harmless headline: now it gets its badge.
        await page.evaluate((trigger) => {
          const line = [...document.querySelectorAll('[data-fixture="faulty-1"] p')].find((p) => p.textContent === trigger);
          line.textContent = 'Data Engineer at Northwind Logistics';
        }, TRIGGER);
        await waitForVerdicts(page, { 'faulty-1': expected('01-no-note.html') });
        assert.equal((await readBadges(page)).length, COUNT + 7);

        // The page itself kept working: its own buttons, its own world, no error leaked to it.
        await page.click('[data-fixture="good-1"] button[aria-label^="Accept"]');
        const world = await pageWorld(page);
        assert.deepEqual(world, { errors: [], clicks: 1, titleChanged: false, pwned: null });
        assert.deepEqual(pageErrors(logs), []);
      });

      test('survives a hundred panics in a row', async () => {
        const { page, logs } = await open();
        const many = Array.from({ length: 100 }, (_, i) => faulty(`faulty-${i}`));
        await appendCards(page, [...many, cardAs('08-group-note.html', 'among-them')]);
        await waitForVerdicts(page, { 'among-them': expected('08-group-note.html') }, 30000);
        assert.ok(logs.some((line) => /100 of 101 cards could not be judged/.test(line)), logs.filter((l) => l.includes('Vetted')).join(' | '));
        for (let i = 0; i < 3; i++) {
          await appendCards(page, [faulty(`again-${i}`), cardAs('06-follows-you-lion.html', `after-${i}`)]);
          await waitForVerdicts(page, { [`after-${i}`]: expected('06-follows-you-lion.html') });
        }
        const seen = await badgesOf(page, many.map((_, i) => `faulty-${i}`));
        assert.ok(Object.values(seen).every((badge) => badge === null), JSON.stringify(seen));
        assert.equal((await readBadges(page)).length, COUNT + 4);
        assert.deepEqual((await pageWorld(page)).errors, []);
      });

      test('the extension made no network request', () => {
        assert.deepEqual([...tabs.flatMap((tab) => tab.leaks), ...background], []);
      });
    });
  }
}

describe('chromium, LinkedIn-like page CSP: a background stopped by the browser', () => {
  let browser;
  let background = [];
  let tab;
  before(async () => {
    browser = await launch('chromium');
    background = await watchWorkers(browser, 'chromium');
    tab = await openTab(browser, demoRoutes('gen2026', PATH), { csp: PAGE_CSP });
    await tab.page.goto(INVITATIONS);
    await waitForBadges(tab.page, COUNT);
  });
  after(async () => {
    await browser?.close();
  });

  test('is restarted unnoticed: new cards get badges under the current settings', async () => {
    const { page, logs } = tab;
    assert.ok(logs.some((line) => line.includes('core runs in the background')), logs.join(' | '));
    await setStoredSettings(browser, 'chromium', { version: 3, known_people: ['Priya Raman'] });
    await waitForVerdicts(page, { '01-no-note.html': 'accept:K' });

    await stopBackground(page, background);
    await appendCards(page, [cardAs('01-no-note.html', 'priya-again'), cardAs('05-recruiter.html', 'recruiter-again')]);
    await waitForVerdicts(page, { 'priya-again': 'accept:K', 'recruiter-again': expected('05-recruiter.html') });

    // Stopped again, then the settings change: the restarted background applies the new ones.
    await stopBackground(page, background);
    await setStoredSettings(browser, 'chromium', { version: 3, known_people: ['Kevin Marsh'] });
    await waitForVerdicts(page, {
      '01-no-note.html': expected('01-no-note.html'),
      'priya-again': expected('01-no-note.html'),
      '04-default-note.html': 'accept:K',
    });
    assert.equal((await readBadges(page)).length, COUNT + 2);
    assert.deepEqual([...pageErrors(logs), ...logs.filter((line) => /^warn.*Vetted/.test(line))], []);
  });

  test('the extension made no network request', () => {
    assert.deepEqual([...tab.leaks, ...background], []);
  });
});
