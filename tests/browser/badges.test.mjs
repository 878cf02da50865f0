// End-to-end: the packed production extension in headless Chromium and Firefox, on LinkedIn's
// URLs, under a LinkedIn-like page CSP (Chromium then runs the core in the background) and with
// none (the core runs in the content script).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BROWSERS, FEED, INVITATIONS, PAGE_CSP, badgePlaces, launch, notBesideName, openTab, readBadges, waitForBadges, watchBackground,
} from './harness.mjs';
import { GENERATIONS, demoPage, demoRoutes, fixtures, tagged } from './pages.mjs';

const PATH = new URL(INVITATIONS).pathname;
const FEED_PAGE = '<!doctype html><html><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1></main></body></html>';

const persons = (generation) => fixtures(generation).filter((card) => card.expect.kind === 'person');

for (const name of BROWSERS) {
  for (const csp of [PAGE_CSP, null]) {
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}`, () => {
      let browser;
      let background = [];
      const tabs = [];
      before(async () => {
        browser = await launch(name);
        background = await watchBackground(browser, name);
      });
      after(async () => {
        await browser?.close();
      });

      async function open(routes) {
        const tab = await openTab(browser, routes, { csp });
        tabs.push(tab);
        return tab;
      }

      for (const generation of GENERATIONS) {
        test(`badges every person invitation of the ${generation} page, as its fixtures expect`, async () => {
          const { page, logs } = await open(demoRoutes(generation, PATH));
          await page.goto(INVITATIONS);
          await waitForBadges(page, persons(generation).length);
          const badges = await readBadges(page);
          for (const card of fixtures(generation)) {
            const on = badges.filter((b) => b.fixture === card.file);
            if (card.expect.kind !== 'person') {
              assert.equal(on.length, 0, `${card.file}: a ${card.expect.kind} card got a badge`);
              continue;
            }
            assert.equal(on.length, 1, `${card.file}: ${on.length} badges`);
            assert.ok(on[0].explanation?.length > 0, `${card.file}: empty explanation`);
            const { verdict, note, rules } = card.expect.badge;
            assert.deepEqual(
              { verdict: on[0].verdict, note: on[0].note, rules: on[0].rules },
              { verdict, note, rules },
              card.file,
            );
            // The note's mark, in the browser's language (English here): none for a note that gives a reason.
            const mark = { present: null, missing: 'no note', 'no-reason': 'no reason given' }[note];
            assert.equal(on[0].mark, mark, `${card.file}: the note's mark`);
          }
          // Only Chromium under a CSP without 'wasm-unsafe-eval' needs the background.
          const where = name === 'chromium' && csp ? 'in the background' : 'in the content script';
          assert.ok(logs.some((line) => line.includes(`core runs ${where}`)), `core not ${where}: ${logs.join(' | ')}`);
        });
      }

      for (const generation of GENERATIONS) {
        // 2025 and classic cards hold the name's link, the headline and the age in one element:
        // a badge at its end sat under the age; right after the link, on a line of its own.
        test(`puts each badge of the ${generation} page beside the name, on its line, outside any link`, async () => {
          const { page } = await open(demoRoutes(generation, PATH));
          await page.goto(INVITATIONS);
          await waitForBadges(page, persons(generation).length);
          const names = Object.fromEntries(persons(generation).map((card) => [card.file, card.expect.name]));
          const places = await badgePlaces(page, names);
          assert.equal(places.length, persons(generation).length);
          assert.deepEqual(notBesideName(places), []);
        });
      }

      // The core matches folded text: its detail for R6 is "chargee de recrutement".
      test('quotes a matched term as the card writes it: "Chargée de recrutement"', async () => {
        const { page } = await open(demoRoutes('gen2025', PATH));
        await page.goto(INVITATIONS);
        await waitForBadges(page, persons('gen2025').length);
        const french = (await readBadges(page)).find((b) => b.fixture === '16-french.html');
        assert.match(french.explanation, /Chargée de recrutement/);
        assert.doesNotMatch(french.explanation, /chargee de recrutement/);
      });

      test('badges invitations reached by in-app navigation from the feed, where the core is not loaded', async () => {
        const { page } = await open({ '/feed/': FEED_PAGE });
        // Every LinkedIn page runs the content scripts; only the invitations page loads the core.
        // (Chromium reports an extension's own requests to the page's listeners; Firefox does not.)
        const coreFiles = new Set();
        page.on('request', (request) => {
          const file = new URL(request.url()).pathname;
          if (/^\/core\/vetted(_bg\.wasm|\.js)$/.test(file)) coreFiles.add(file);
        });
        await page.goto(FEED);
        await new Promise((resolve) => setTimeout(resolve, 300));
        assert.equal((await readBadges(page)).length, 0, 'badges on the feed');
        assert.deepEqual([...coreFiles], [], 'the feed loaded the core');
        await page.evaluate((html, path) => {
          history.pushState({}, '', path);
          const next = new DOMParser().parseFromString(html, 'text/html');
          document.body.replaceWith(document.adoptNode(next.body));
        }, demoPage('gen2026'), PATH);
        await waitForBadges(page, persons('gen2026').length);
        // In place, the content script loads both files; under the page CSP the background does.
        if (name === 'chromium' && !csp) assert.deepEqual([...coreFiles].sort(), ['/core/vetted.js', '/core/vetted_bg.wasm']);
      });

      test('a card added late gets its badge, re-renders never duplicate one, and a card that goes takes its badge', async () => {
        const { page } = await open(demoRoutes('gen2026', PATH));
        await page.goto(INVITATIONS);
        const count = persons('gen2026').length;
        await waitForBadges(page, count);

        const late = tagged({ ...persons('gen2026')[0], file: 'late.html' });
        await page.evaluate((html) => {
          const cards = document.querySelectorAll('[data-fixture]');
          const last = cards[cards.length - 1];
          last.after(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild);
        }, late);
        await waitForBadges(page, count + 1);

        // React re-renders a card's name line (dropping the badge in it) and replaces whole cards.
        await page.evaluate(() => {
          for (const host of document.querySelectorAll('[data-vetted-verdict]')) {
            const line = host.parentElement;
            line.replaceChildren(...[...line.childNodes].filter((node) => node !== host));
          }
        });
        await waitForBadges(page, count + 1);
        const fresh = Object.fromEntries(persons('gen2026').map((card) => [card.file, tagged(card)]));
        await page.evaluate((fresh) => {
          for (const card of document.querySelectorAll('[data-fixture]')) {
            const html = fresh[card.dataset.fixture];
            if (html) card.replaceWith(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild);
          }
        }, fresh);
        await waitForBadges(page, count + 1);
        const perCard = {};
        for (const badge of await readBadges(page)) perCard[badge.fixture] = (perCard[badge.fixture] ?? 0) + 1;
        assert.ok(Object.values(perCard).every((n) => n === 1), JSON.stringify(perCard));

        // A card that goes, and one LinkedIn replaces with "… is now a connection".
        await page.evaluate(() => {
          document.querySelector('[data-fixture="late.html"]').remove();
          const card = document.querySelector('[data-vetted-verdict]').closest('[data-fixture]');
          const line = document.createElement('p');
          line.textContent = 'Ada Lovelace is now a connection';
          card.replaceChildren(line);
        });
        await waitForBadges(page, count - 1);
      });

      test('a layout it cannot read gets no badge and one console warning naming what was seen', async () => {
        // Invitation controls, but no sender anywhere (no profile link, no line their labels
        // name): a layout whose cards Vetted cannot read.
        const unknown = `<!doctype html><html><head><title>Invitations | LinkedIn</title></head><body><main>
          <section><h2>Invitations</h2><div role="list">${['Engineer', 'Designer']
            .map((what) => `<div role="listitem" data-x="card"><p>${what}</p>
              <button aria-label="Ignore an invitation to connect">Ignore</button>
              <button aria-label="Accept the invitation">Accept</button></div>`)
            .join('')}</div></section></main></body></html>`;
        const { page, logs } = await open({ [PATH]: unknown });
        await page.goto(INVITATIONS);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.equal((await readBadges(page)).length, 0, 'a guess was badged');
        const canary = logs.filter((line) => line.startsWith('warn') && /Vetted.*changed its layout/.test(line));
        assert.equal(canary.length, 1, logs.join(' | '));
        assert.match(canary[0], /Ignore an invitation to connect/);
      });

      test('the extension made no network request', () => {
        const leaks = [...tabs.flatMap((tab) => tab.leaks), ...background];
        assert.deepEqual(leaks, []);
      });
    });
  }
}
