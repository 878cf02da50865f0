// What one small element per card costs a long page's next frame, by where it goes and what it
// is: the floor under Vetted's frame that shows 10,000 held badges (docs/ARCHITECTURE.md, Budgets).
// On the generated page of `--cards` person cards (as the bench's, without the extension), each
// shape is added to every card at once, in a task; then the page's style and layout (read at
// once) and the rest of that frame (prepaint, paint) are timed, three fresh tabs a shape:
//   end:        a text span at the end of each card, as the bench's bare loop does;
//   name:       a text span right after the name's link, where the badge goes;
//   shadow:     the same span holding its text in a shadow root, as a badge's host does;
//   chip:       in the shadow root, the verdict's chip (padding, rounded background);
//   chip+mark:  the chip and the no-note mark beside it (rounded border): a badge's shape.
// Usage: node tests/tools/badge-cost.mjs [--cards 10000] [--layout gen2026]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVITATIONS, launch, openTab } from '../browser/harness.mjs';
import { ROOT, demoRoutes } from '../browser/pages.mjs';
import { median, options } from './cli.mjs';
import { cardsOf } from './generated.mjs';

const args = options();
const CARDS = Number(args.cards ?? 10000);
const LAYOUT = args.layout ?? 'gen2026';
const SHAPES = ['end', 'name', 'shadow', 'chip', 'chip+mark'];
const RUNS = 3;

const routes = demoRoutes(LAYOUT, new URL(INVITATIONS).pathname, cardsOf(LAYOUT, 0, CARDS).join('\n'));

/** In the page: adds `shape` to every card, and times what follows, in ms. */
async function addToEveryCard(shape) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host { all: initial; display: inline; margin-inline-start: 8px; white-space: nowrap;
    font: 600 12px/1.4 system-ui, sans-serif; vertical-align: middle; }
    .chip { padding: 1px 8px; border-radius: 10px; color: #fff; background: #0b7a3b; }
    .mark { margin-inline-start: 4px; padding: 0 6px; border-radius: 10px; border: 1px solid #9a5b00; background: #fff8e6; }`);
  const cards = [...document.querySelectorAll('[data-bench]')];
  const names = cards.map((card) => [...card.querySelectorAll('a[href*="/in/"]')].find((a) => a.textContent.trim()));
  const part = (className, text) => Object.assign(document.createElement('span'), { className, textContent: text });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const start = performance.now();
  cards.forEach((card, i) => {
    const span = document.createElement('span');
    if (shape === 'end' || shape === 'name') {
      span.textContent = 'Accept';
    } else {
      const root = span.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      if (shape === 'shadow') root.append('Accept');
      else root.append(part('chip', 'Accept'), ...(shape === 'chip+mark' ? [part('mark', 'No note')] : []));
    }
    if (shape === 'end') card.append(span);
    else names[i].after(span);
  });
  const added = performance.now();
  void document.body.offsetHeight; // style and layout, now
  const laidOut = performance.now();
  const rest = await new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      setTimeout(() => resolve(performance.now() - frame), 0);
    });
  });
  return [added - start, laidOut - added, rest];
}

// Chromium with an empty extension in Vetted's place: the page's own cost, nothing else.
const EMPTY = join('target', 'badge-cost');
mkdirSync(join(ROOT, EMPTY, 'chrome'), { recursive: true });
writeFileSync(join(ROOT, EMPTY, 'chrome', 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1' }));
const browser = await launch('chromium', { build: EMPTY });
console.log(`${CARDS} cards of ${LAYOUT}, ${RUNS} runs, medians in ms: adding / style and layout / rest of the frame / all`);
try {
  for (const shape of SHAPES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const { page } = await openTab(browser, routes, { csp: null });
      await page.goto(INVITATIONS);
      await page.waitForFunction(() => document.readyState === 'complete');
      runs.push(await page.evaluate(addToEveryCard, shape));
      await page.close();
    }
    const [adding, layout, rest] = [0, 1, 2].map((k) => median(runs.map((r) => r[k])));
    const all = adding + layout + rest;
    console.log(`  ${shape.padEnd(10)} ${[adding, layout, rest, all].map((ms) => ms.toFixed(0).padStart(6)).join(' ')}`);
  }
} finally {
  await browser.close();
}
