// The order in which a long page gets its badges, in both browsers and on both paths of the core:
// the cards the user sees first, wherever the page opens scrolled to, and a card the user scrolls
// to before the ones queued ahead of it. Order, not time: nothing here is timed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BROWSERS, INVITATIONS, PAGE_CSP, launch, openTab } from './harness.mjs';
import { demoRoutes, fixtures } from './pages.mjs';

const PATH = new URL(INVITATIONS).pathname;
const COUNT = 1500;
const OPENS_AT = 500; // the page opens scrolled to this card
// The user then scrolls to the top: the cards above the one it opened at go last in the queue,
// nearest first, so card 0 is the last the queue would reach, and card 100 comes before it.
const JUMP_TO = 0;
const QUEUED_AHEAD = 100;

/** `COUNT` person cards, copies of the fixtures, each with its own sender and `data-copy`. */
function longPage() {
  const persons = fixtures('gen2026').filter((card) => card.expect.kind === 'person');
  const cards = Array.from({ length: COUNT }, (_, k) => {
    const { html, expect } = persons[k % persons.length];
    return html
      .replaceAll(`/in/${expect.slug}/`, `/in/${expect.slug}-${k}/`)
      .replace(/^<([a-zA-Z0-9-]+)/, `<$1 data-copy="${k}"`);
  });
  return cards.join('\n');
}

// In the page's own world: the order in which cards get their badges, and which cards are in
// view when the first badge comes: partly (a pixel's sliver counts), and 48 pixels or more of
// them (enough to show the name and its badge).
const RECORDER = `(() => {
  const seen = (window.__order = []);
  const inView = (least) => [...document.querySelectorAll('[data-copy]')]
    .filter((card) => {
      const r = card.getBoundingClientRect();
      return Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) >= least;
    })
    .map((card) => Number(card.dataset.copy));
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || !node.hasAttribute('data-vetted-verdict')) continue;
        if (!seen.length) window.__firstView = { partly: inView(0.01), shown: inView(48) };
        seen.push(Number(node.closest('[data-copy]').dataset.copy));
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('DOMContentLoaded', () => document.querySelector('[data-copy="${OPENS_AT}"]').scrollIntoView({ block: 'start' }));
})();`;

function routes() {
  const page = demoRoutes('gen2026', PATH, longPage());
  page[PATH] = page[PATH].replace('</head>', '<script src="/vetted-test/order.js"></script></head>');
  page['/vetted-test/order.js'] = RECORDER;
  return page;
}

for (const name of BROWSERS) {
  for (const [path, csp] of [['in the content script', null], ['in the background', PAGE_CSP]]) {
    if (name === 'firefox' && csp) continue; // Firefox runs the core in the content script on every page
    describe(`${name}, core ${path}: a long page's badges, in the order the user sees them`, () => {
      let browser;
      let page;
      before(async () => {
        browser = await launch(name);
        ({ page } = await openTab(browser, routes(), { csp }));
        await page.setViewport({ width: 1000, height: 800 });
        await page.goto(INVITATIONS);
        await page.waitForFunction(() => window.__order?.length > 0, { timeout: 30000, polling: 20 });
      });
      after(async () => {
        await browser?.close();
      });

      test('the cards in view when the page opens are badged before any other', async () => {
        await page.waitForFunction((n) => window.__order.length >= n, { timeout: 30000, polling: 20 }, 20);
        const { order, view } = await page.evaluate(() => ({ order: window.__order.slice(0, 20), view: window.__firstView }));
        assert.ok(view.partly.length >= 1 && view.partly.every((k) => Math.abs(k - OPENS_AT) < 10), `in view: ${view.partly}`);
        // The first badges go to cards in view, and every card shown is among them.
        const lead = order.slice(0, order.findIndex((k) => !view.partly.includes(k)));
        assert.ok(view.shown.every((k) => lead.includes(k)), `the first badges went to ${order}, shown were ${view.shown}`);
      });

      test('a card scrolled into view is badged before the cards queued ahead of it', async () => {
        const view = await page.evaluate((to, ahead) => {
          document.querySelector(`[data-copy="${to}"]`).scrollIntoView({ block: 'start' });
          return window.__order.includes(ahead) ? null : to;
        }, JUMP_TO, QUEUED_AHEAD);
        assert.ok(view !== null, `card ${QUEUED_AHEAD} was badged before the scroll: nothing to measure`);
        await page.waitForFunction((n) => window.__order.length >= n, { timeout: 60000, polling: 50 }, COUNT);
        const order = await page.evaluate(() => window.__order);
        assert.ok(order.indexOf(JUMP_TO) < order.indexOf(QUEUED_AHEAD), `card ${JUMP_TO} waited its turn`);
        assert.equal(new Set(order).size, COUNT, 'not one badge per card');
      });
    });
  }
}

// A page whose every frame takes 120 ms to render (LinkedIn's with thousands of cards on a slow
// machine): the badges below the first screen are held and shown at once. The page burns the
// time in a ResizeObserver's callback, after the animation frames' callbacks, in each frame,
// until the test has what it needs.
const SLOW_FRAMES = `(() => {
  const biggest = (window.__biggest = { added: 0 });
  new MutationObserver((records) => {
    let added = 0;
    for (const record of records) for (const node of record.addedNodes) added += node.nodeType === 1 && node.hasAttribute('data-vetted-verdict');
    biggest.added = Math.max(biggest.added, added);
  }).observe(document.documentElement, { childList: true, subtree: true });
  const pulse = document.createElement('div');
  new ResizeObserver(() => {
    const until = performance.now() + 120;
    while (performance.now() < until);
  }).observe(pulse);
  let wide = false;
  const frame = () => {
    if (window.__done) return;
    wide = !wide;
    pulse.style.width = wide ? '2px' : '1px';
    requestAnimationFrame(frame);
  };
  addEventListener('DOMContentLoaded', () => {
    document.body.append(pulse);
    requestAnimationFrame(frame);
  });
})();`;

/** The slow page open in `name`, once it shows `badges` badges. */
async function openSlowPage(name, badges) {
  const browser = await launch(name);
  const slow = demoRoutes('gen2026', PATH, longPage());
  slow[PATH] = slow[PATH].replace('</head>', '<script src="/vetted-test/slow.js"></script></head>');
  slow['/vetted-test/slow.js'] = SLOW_FRAMES;
  const { page } = await openTab(browser, slow);
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(INVITATIONS);
  const shown = (n) => document.querySelectorAll('[data-vetted-verdict]').length >= n;
  await page.waitForFunction(shown, { timeout: 90000, polling: 200 }, badges);
  return { browser, page };
}

for (const name of BROWSERS) {
  describe(`${name}: a page whose every frame is long`, () => {
    let browser;
    let page;
    before(async () => {
      ({ browser, page } = await openSlowPage(name, COUNT));
    });
    after(async () => {
      await browser?.close();
    });

    test('its held badges come with their explanations and all count in the summary', async () => {
      const seen = await page.evaluate(async (k) => {
        window.__done = true;
        // Explanations are written in idle time: every badge has one a few seconds later.
        const unexplained = () => [...document.querySelectorAll('[data-vetted-verdict]')].filter((h) => !h.shadowRoot.querySelector('.why'));
        for (let waited = 0; unexplained().length && waited < 10000; waited += 100) await new Promise((r) => setTimeout(r, 100));
        const host = document.querySelector(`[data-copy="${k}"] [data-vetted-verdict]`);
        host.shadowRoot.querySelector('.badge').click();
        const why = host.shadowRoot.querySelector('.why');
        const summary = [...document.querySelectorAll('[role="status"]')].find((s) => s.shadowRoot?.querySelector('.summary'));
        const counted = [...summary.shadowRoot.querySelectorAll('button.count')].map((b) => Number(b.textContent.match(/\d+/)[0]));
        return { held: window.__biggest.added, unexplained: unexplained().map((h) => h.closest('[data-copy]').dataset.copy),
          open: Boolean(why?.matches(':popover-open')), counted: counted.reduce((a, b) => a + b, 0) };
      }, COUNT - 100);
      assert.ok(seen.held > COUNT / 2, `no badges were held: at most ${seen.held} came at once`);
      assert.deepEqual(seen.unexplained, [], 'badges without their explanation');
      assert.ok(seen.open, `card ${COUNT - 100}'s explanation does not open`);
      assert.equal(seen.counted, COUNT, 'the summary counts every badge');
    });
  });

  // Each frame that shows a badge on such a page costs it a whole render: a scroll through it
  // while badges are held must not bring a few each frame (which made every frame of the scroll
  // long, on 10,000 cards for minutes), nor show a card without its badge.
  describe(`${name}: scrolling a page whose every frame is long, while its badges are held`, () => {
    let browser;
    let page;
    before(async () => {
      ({ browser, page } = await openSlowPage(name, 1));
    });
    after(async () => {
      await browser?.close();
    });

    test('badges come for several windows at once, and every card in view has its badge', async () => {
      const STEPS = 60; // a quarter of the window each: 15 windows down
      const seen = await page.evaluate(async (steps) => {
        let added = 0;
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) added += node.nodeType === 1 && node.hasAttribute('data-vetted-verdict');
        }).observe(document.body, { childList: true, subtree: true });
        const cards = [...document.querySelectorAll('[data-copy]')];
        const unbadgedAtStart = cards.filter((card) => !card.querySelector('[data-vetted-verdict]')).length;
        const inView = () => cards.filter((card) => {
          const r = card.getBoundingClientRect();
          return Math.min(r.bottom, innerHeight) - Math.max(r.top, 0) >= 48;
        });
        const drawn = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        let framesWithBadges = 0;
        const unbadged = [];
        for (let step = 0; step < steps; step++) {
          scrollBy(0, innerHeight / 4);
          await drawn();
          if (added) framesWithBadges += 1;
          added = 0;
          unbadged.push(...inView().filter((card) => !card.querySelector('[data-vetted-verdict]')).map((card) => `${step}: ${card.dataset.copy}`));
        }
        window.__done = true;
        return { unbadgedAtStart, framesWithBadges, unbadged };
      }, STEPS);
      assert.ok(seen.unbadgedAtStart > COUNT / 2, `only ${seen.unbadgedAtStart} cards were still without a badge: nothing to measure`);
      assert.deepEqual(seen.unbadged.slice(0, 10), [], 'cards in view without their badge (step: card)');
      assert.ok(seen.framesWithBadges <= STEPS / 6, `badges came in ${seen.framesWithBadges} of the scroll's ${STEPS} frames`);
    });
  });
}
