// The soak (docs/ARCHITECTURE.md, Safety), in both browsers: one session appends 10,000 cards in batches of ten, as
// fast as the page badges them, goes to the feed and back in-app several times (history.pushState,
// the page's content replaced, as LinkedIn does), and re-renders every card again and again. The
// badge count and the summary's tally stay exact, the page watchers are never doubled (one added
// batch makes one "cards judged" line), and memory comes back down once the cards are gone
// (Chromium: the page's JS heap after garbage collection; the figures are printed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, FEED, INVITATIONS, PAGE_CSP, launch, openTab, waitForBadges } from './harness.mjs';
import { demoPage, demoRoutes } from './pages.mjs';
import { PATH, PERSONS, pageErrors, sleep, watchWorkers } from './robust.mjs';

const TOTAL = 10000;
const BATCH = 10;
const CHUNK = 500; // cards per call into the page
const COUNT = Object.keys(PERSONS).length;
const FEED_BODY = '<body><main><h1>Feed</h1><p>Posts from your network.</p></main></body>';
const MB = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Appends `total` cards, `size` at a time, each batch once the previous one has all its badges:
 * clones of the page's person cards, without their badges. Returns the milliseconds it took.
 * What is measured is Vetted, not the browser's layout of 10,000 LinkedIn cards: nine cards in ten
 * come hidden (display: none, as a virtualised list or a hidden column would have them; Vetted
 * badges them, and its summary counts only the ones shown), and the clones' pictures have no
 * address (30,000 of them would each go through the test's request interception).
 */
function appendInBatches(page, from, total, size) {
  return page.evaluate(async (from, total, size) => {
    const templates = [...document.querySelectorAll('[data-fixture]')]
      .filter((card) => !card.dataset.fixture.startsWith('soak-') && card.querySelector('[data-vetted-verdict]'))
      .map((card) => {
        const clean = card.cloneNode(true);
        clean.querySelectorAll('[data-vetted-verdict]').forEach((host) => host.remove());
        clean.querySelectorAll('img').forEach((img) => img.removeAttribute('src'));
        return clean;
      });
    const list = document.querySelector('[data-fixture]').parentElement;
    const started = performance.now();
    for (let i = from; i < from + total; i += size) {
      const batch = [];
      for (let j = i; j < i + size; j++) {
        const card = templates[j % templates.length].cloneNode(true);
        card.dataset.fixture = `soak-${j}`;
        if (j % 10 !== 0) card.style.display = 'none';
        if (card.hasAttribute('componentkey')) card.setAttribute('componentkey', `urn:li:invitation:soak${j}`);
        batch.push(card);
      }
      list.append(...batch);
      await new Promise((resolve, reject) => {
        const deadline = performance.now() + 15000;
        const check = () => {
          if (batch.every((card) => card.querySelector('[data-vetted-verdict]'))) resolve();
          else if (performance.now() > deadline) reject(new Error(`the batch from card ${i} got no badges in 15 s`));
          else setTimeout(check, 2);
        };
        check();
      });
    }
    return performance.now() - started;
  }, from, total, size);
}

/** The badges on the page, by verdict (and of those the user can see), and what the summary line
 *  says (its numbers, in order). */
function tally(page) {
  return page.evaluate(() => {
    const counts = { accept: 0, consider: 0, refuse: 0, missing: 0, noReason: 0, cards: 0, doubled: 0 };
    const shown = { accept: 0, consider: 0, refuse: 0, missing: 0, noReason: 0 };
    for (const host of document.querySelectorAll('[data-vetted-verdict]')) {
      const visible = host.getClientRects().length > 0;
      for (const tally of visible ? [counts, shown] : [counts]) {
        tally[host.dataset.vettedVerdict] += 1;
        if (host.dataset.vettedNote === 'missing') tally.missing += 1;
        if (host.dataset.vettedNote === 'no-reason') tally.noReason += 1;
      }
    }
    for (const card of document.querySelectorAll('[data-fixture]')) {
      const n = card.querySelectorAll('[data-vetted-verdict]').length;
      if (n) counts.cards += 1;
      if (n > 1) counts.doubled += 1;
    }
    const summaries = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot?.querySelector('.summary'));
    const line = summaries[0]?.shadowRoot.querySelector('.summary').textContent ?? '';
    return { counts, shown, summaries: summaries.length, said: (line.match(/\d+/g) ?? []).map(Number) };
  });
}

async function assertExact(page, badges) {
  const { counts, shown, summaries, said } = await tally(page);
  assert.equal(counts.accept + counts.consider + counts.refuse, badges, JSON.stringify(counts));
  assert.equal(counts.cards, badges);
  assert.equal(counts.doubled, 0, 'a card with two badges');
  assert.equal(summaries, 1, 'summary lines');
  assert.deepEqual(said, [shown.accept, shown.consider, shown.refuse, shown.missing, shown.noReason], 'the summary line');
}

/** Goes to the feed in-app, as LinkedIn does: a new history entry, the page's body replaced. */
function goToFeed(page) {
  return page.evaluate((path, body) => {
    history.pushState({}, '', path);
    document.body.replaceWith(document.adoptNode(new DOMParser().parseFromString(body, 'text/html').body));
  }, new URL(FEED).pathname, FEED_BODY);
}

function backToInvitations(page) {
  return page.evaluate((path, html) => {
    history.pushState({}, '', path);
    document.body.replaceWith(document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body));
  }, PATH, demoPage('gen2026'));
}

for (const name of BROWSERS) {
  describe(`${name}, LinkedIn-like page CSP: a long session`, () => {
    let browser;
    let background = [];
    let tab;
    let cdp = null;
    const figures = {};
    before(async () => {
      browser = await launch(name);
      background = await watchWorkers(browser, name);
      tab = await openTab(browser, demoRoutes('gen2026', PATH), { csp: PAGE_CSP });
      if (name === 'chromium') cdp = await tab.page.createCDPSession();
      await tab.page.goto(INVITATIONS);
      await waitForBadges(tab.page, COUNT);
    });
    after(async () => {
      if (Object.keys(figures).length) console.log(`# soak, ${name}: ${JSON.stringify(figures)}`);
      await browser?.close();
    });

    /** The page's JS heap after garbage collection, in bytes (Chromium), else null. */
    async function heap() {
      if (!cdp) return null;
      await cdp.send('HeapProfiler.collectGarbage');
      await sleep(200);
      await cdp.send('HeapProfiler.collectGarbage');
      return (await tab.page.metrics()).JSHeapUsedSize;
    }

    const judged = () => tab.logs.filter((line) => /cards judged/.test(line));
    const wasm = () => {
      const sizes = judged().map((line) => Number(line.match(/wasm memory (\d+) bytes/)?.[1])).filter(Boolean);
      return sizes.length ? sizes[sizes.length - 1] : null;
    };

    test(`${TOTAL} cards in batches of ${BATCH}: every one badged, the count and the summary exact`, async () => {
      const { page } = tab;
      figures.heapAtStart = await heap();
      let ms = 0;
      for (let from = 0; from < TOTAL; from += CHUNK) ms += await appendInBatches(page, from, CHUNK, BATCH);
      figures.appendMs = Math.round(ms);
      figures.msPerBatch = +(ms / (TOTAL / BATCH)).toFixed(1);
      await sleep(300);
      await assertExact(page, COUNT + TOTAL);
      figures.heapWith10000Cards = await heap();
      figures.wasmMemory = wasm();
    });

    test('to the feed and back, five times: one watcher, one "cards judged" line per batch, memory given back', async () => {
      const { page } = tab;
      for (let round = 0; round < 5; round++) {
        await goToFeed(page);
        await sleep(300);
        assert.equal(await page.evaluate(() => document.querySelectorAll('[data-vetted-verdict]').length), 0);
        if (round === 0) figures.heapOnTheFeed = await heap();
        await backToInvitations(page);
        await waitForBadges(page, COUNT);
        const before = judged().length;
        await appendInBatches(page, TOTAL + round * BATCH, BATCH, BATCH);
        await sleep(500);
        const lines = judged().slice(before);
        assert.equal(lines.length, 1, `round ${round}: ${lines.join(' | ')}`);
        assert.match(lines[0], new RegExp(`\\b${BATCH} cards judged`));
        await assertExact(page, COUNT + BATCH);
      }
      figures.heapBackWith21Cards = await heap();
      if (figures.heapAtStart) {
        // The 10,000 cards went with the page they were on, and Vetted kept nothing of them, on
        // the feed already (not only once back on the invitations).
        for (const key of ['heapOnTheFeed', 'heapBackWith21Cards']) {
          assert.ok(figures[key] < figures.heapAtStart + 8 * 1048576, `${key}: ${MB(figures[key])}, ${MB(figures.heapAtStart)} at the start`);
        }
      }
    });

    test('every card re-rendered twenty times: still one badge each, the summary exact', async () => {
      const { page } = tab;
      for (let round = 0; round < 20; round++) {
        await page.evaluate(() => {
          for (const card of document.querySelectorAll('[data-fixture]')) {
            const fresh = card.cloneNode(true);
            fresh.querySelectorAll('[data-vetted-verdict]').forEach((host) => host.remove());
            card.replaceWith(fresh);
          }
        });
        await waitForBadges(page, COUNT + BATCH);
      }
      await assertExact(page, COUNT + BATCH);
      figures.heapAtEnd = await heap();
      if (figures.heapAtStart) assert.ok(figures.heapAtEnd < figures.heapAtStart + 8 * 1048576, MB(figures.heapAtEnd));
      for (const key of Object.keys(figures)) if (/^heap/.test(key) && figures[key]) figures[key] = MB(figures[key]);
      if (figures.wasmMemory) figures.wasmMemory = MB(figures.wasmMemory);
    });

    test('no page error, and the extension made no network request', () => {
      assert.deepEqual(pageErrors(tab.logs), []);
      assert.deepEqual([...tab.leaks, ...background], []);
    });
  });
}
