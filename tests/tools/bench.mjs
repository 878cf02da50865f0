// `./build.sh bench`, the page side: the production dist/chrome in headless Chromium on generated
// invitation pages, against a bare loop, on both paths of the core (docs/ARCHITECTURE.md, Why it is built this way and Budgets).
// Usage: node tests/tools/bench.mjs [--runs N] [--sizes 1000,10000] [--layouts gen2026,classic]
//        [--kinds vetted,scroll,bare,empty (the runs to make: see bench below)] [--engine FILE]
//        [--build DIR (under the repository, default dist)]
//        [--profile layout,count,path[,bare] [--window FROM,TO] [--logs 1 (the page's console)]]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVITATIONS, PAGE_CSP, launch, openTab } from '../browser/harness.mjs';
import { ROOT } from '../browser/pages.mjs';
import { cardsOf } from './generated.mjs';
import os, { loadavg } from 'node:os';
import { BUDGET, measure } from './budget.mjs';
import { median, options } from './cli.mjs';

const args = options();
const RUNS = Number(args.runs ?? 5);
const SIZES = (args.sizes ?? '1000,10000').split(',').map(Number);
const LAYOUTS = (args.layouts ?? 'gen2026,classic').split(',');
const KINDS = (args.kinds ?? 'vetted,scroll,bare,empty').split(',');
// The build to measure, relative to the repository: a copy keeps a run safe from a rebuild of dist/.
const BUILD = args.build ?? 'dist';
const PATHS = [
  { name: 'content', csp: null },
  { name: 'background', csp: PAGE_CSP },
];
const PATH = new URL(INVITATIONS).pathname;
const MORE = 10; // cards appended to a page, for the incremental figure
const quiet = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the core's own profile, from the built wasm: the bare loop looks for cards the same way ----

const glue = await import(join(ROOT, BUILD, 'chrome', 'core', 'vetted.js'));
glue.initSync({ module: readFileSync(join(ROOT, BUILD, 'chrome', 'core', 'vetted_bg.wasm')) });
const PROFILE = glue.profile();

// ---- generated pages --------------------------------------------------------------------------

const LISTS = { gen2026: '[data-testid="lazy-column"]', classic: 'ul.mn-invitation-list' };

/**
 * The routes of one page: the layout's shell with `count` unique person cards, the shell's styles
 * as a same-origin stylesheet (as LinkedIn serves its own), the measuring script, the bare loop,
 * and a <template> of MORE further cards for the incremental figure (inert until appended).
 */
function pageRoutes(layout, count) {
  const styles = [];
  const shell = readFileSync(join(ROOT, 'www', `${layout}.html`), 'utf8')
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => {
      styles.push(css);
      return '';
    })
    .replace(/\ssrc="https:\/\/media\.licdn\.com[^"]*"/g, '');
  const more = `<template id="vetted-bench-more" data-list='${LISTS[layout]}'>${cardsOf(layout, count, MORE).join('')}</template>`;
  const head = `<link rel="stylesheet" href="/vetted-bench/${layout}.css">` +
    `<script src="/vetted-bench/measure.js"></script><script src="/vetted-bench/bare.js"></script></head>`;
  const html = shell
    .replace('<!-- vetted:cards -->', cardsOf(layout, 0, count).join('\n'))
    .replace('</head>', head)
    .replace('</body>', `${more}</body>`);
  return {
    [PATH]: html,
    [`/vetted-bench/${layout}.css`]: styles.join('\n'),
    '/vetted-bench/measure.js': MEASURE,
    '/vetted-bench/bare.js': BARE,
  };
}

// ---- in the page: the measuring script (both runs) and the bare loop (bare runs only) ----------

// Same script, same page, in both runs. From DOMContentLoaded on, a MutationObserver in the page's
// own world counts the marks added to the page (Vetted's badge hosts, or the bare loop's spans)
// and stamps, on the page's clock (the content script's performance.now() shares it):
// - `first`, `dom`: the observer's callback that sees the first mark, and the one that brings the
//   count to the target: the DOM holds them (callbacks run right after the task that added them);
// - `firstFrame`, `frame`: a task posted from the next animation frame's callback, which runs
//   once that frame's style, layout and paint are done: the marks are rendered;
// - `screen`: the same, once every card showing in the window (any part of it, not under the
//   page's banners) when the first mark came has its mark (`screenCards` of them; `screenInFirstFrame`: all in the first mark's frame).
// Chromium's Long Animation Frames (every frame over 50 ms, with its blocking time) are kept in
// `loafs`. With `scroll` in the address, the page scrolls from the top at two windows a second
// from the first mark on, and after each frame counts the cards in view without their mark.
const MEASURE = `(() => {
  'use strict';
  const query = new URLSearchParams(location.search);
  const bare = query.has('bare');
  const mark = bare ? 'data-bench-bare' : 'data-vetted-verdict';
  const stamps = { bare, dcl: null, load: null, start: null, first: null, firstFrame: null, dom: null, frame: null, screen: null, screenCards: 0, screenInFirstFrame: false };
  let count = 0;
  let target = Number(query.get('n'));
  let done;
  let screen = null; // the cards in the window at the first mark, still without theirs
  const loafs = [];
  const scrolled = { frames: 0, unbadged: 0, seen: [], done: null };
  const B = (window.__bench = { stamps, loafs, scrolled, count: () => count, done: new Promise((r) => (done = r)) });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // A task at the highest priority, so that no other task (the content script's next piece, say)
  // runs between the frame and the stamp.
  const post = globalThis.scheduler?.postTask
    ? (run) => scheduler.postTask(run, { priority: 'user-blocking' })
    : (run) => setTimeout(run, 0);
  const afterFrame = (then) => requestAnimationFrame(() => post(() => then(performance.now())));
  const cardOf = (node) => node.closest('[data-bench]');
  const marked = (card) => card.querySelector('[' + mark + ']') !== null;
  /** Whether any of the card shows, not covered by the page's own banners: hit testing points of
   *  its part inside the window. */
  function shows(card, r) {
    for (let y = Math.max(0, r.top) + 1; y < Math.min(innerHeight, r.bottom); y += 16) {
      for (const x of [0.25, 0.5, 0.75]) {
        const hit = document.elementFromPoint(r.left + x * r.width, y);
        if (hit && card.contains(hit)) return true;
      }
    }
    return false;
  }
  /** The cards inside the window now, by the page's order (cards stack top to bottom). */
  function inWindow() {
    const cards = B.cards ??= [...document.querySelectorAll('[data-bench]')];
    let lo = 0;
    let hi = cards.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cards[mid].getBoundingClientRect().bottom <= 0) lo = mid + 1;
      else hi = mid;
    }
    const seen = [];
    for (let i = lo; i < cards.length; i++) {
      const r = cards[i].getBoundingClientRect();
      if (r.top >= innerHeight) break;
      if (r.bottom > 0 && r.height > 0) seen.push(cards[i]);
    }
    return seen;
  }
  // Each step scrolls in a task between frames, as the browser applies a user's scroll before
  // the frame that shows it (its scroll event comes in that frame, before animation callbacks);
  // after the frame is drawn, the cards then in the window are checked.
  function scroll() {
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      window.scrollBy(0, (2 * innerHeight * (now - last)) / 1000);
      last = now;
      afterFrame(() => {
        scrolled.frames += 1;
        // Hit testing only the cards without their mark: on 10,000 cards each point costs the
        // frame about 20 ms, which would slow the very scroll it measures.
        const missing = inWindow().filter((card) => !marked(card) && shows(card, card.getBoundingClientRect()));
        if (missing.length) {
          scrolled.unbadged += 1;
          // Which frame, how long after the first badge, which cards, how far into the window.
          if (scrolled.seen.length < 10) {
            const at = missing.map((card) => card.dataset.bench + '@' + Math.round(card.getBoundingClientRect().top));
            scrolled.seen.push(scrolled.frames + ': ' + Math.round(performance.now() - stamps.first) + ' ms, ' + at.join(' '));
          }
        }
        const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
        if (bottom || count >= target) scrolled.done?.(scrolled);
        else step();
      });
    };
    post(step);
  }
  B.scrolling = new Promise((r) => (scrolled.done = r));
  const observer = new MutationObserver((records) => {
    let added = 0;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || !node.hasAttribute(mark)) continue;
        added += 1;
        if (screen) screen.delete(cardOf(node));
      }
    }
    if (!added) return;
    const now = performance.now();
    count += added;
    if (stamps.first === null) {
      stamps.first = now;
      screen = new Set(inWindow().filter((card) => !marked(card)));
      stamps.screenCards = inWindow().length;
      afterFrame((t) => {
        stamps.firstFrame = t;
        stamps.screenInFirstFrame = screen.size === 0;
      });
      if (query.has('scroll')) scroll();
    }
    if (screen && screen.size === 0 && stamps.screen === null) {
      stamps.screen = -1;
      afterFrame((t) => (stamps.screen = t));
    }
    if (count >= target && stamps.dom === null) {
      stamps.dom = now;
      afterFrame((t) => {
        stamps.frame = t;
        done(stamps);
      });
    }
  });
  addEventListener('DOMContentLoaded', () => {
    stamps.dcl = performance.now();
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
  addEventListener('load', () => (stamps.load = performance.now()));
  // The incremental figure: MORE cards appended at once; resolves with the same stamps, from the append.
  B.append = () => {
    const more = document.getElementById('vetted-bench-more');
    const cards = document.importNode(more.content, true);
    const list = document.querySelector(more.dataset.list);
    target = count + cards.children.length;
    Object.assign(stamps, { start: null, first: null, firstFrame: null, dom: null, frame: null });
    screen = null;
    B.done = new Promise((r) => (done = r));
    stamps.start = performance.now();
    list.append(cards);
    if (bare) {
      // Without the extension: what the page itself takes to show MORE more cards.
      stamps.first = stamps.dom = stamps.start;
      afterFrame((t) => {
        stamps.firstFrame = stamps.frame = t;
        done(stamps);
      });
    }
    return B.done;
  };
})();`;

// The baseline, at the moment the content script would start: Chromium runs document_idle
// scripts in a task posted when the load event is done (or 200 ms after DOMContentLoaded). One
// static span appended to each card, all in that task.
const BARE = `(() => {
  'use strict';
  if (!new URLSearchParams(location.search).has('bare')) return;
  const CARDS = ${JSON.stringify(PROFILE.cards)};
  addEventListener('load', () => setTimeout(() => {
    window.__bench.stamps.start = performance.now();
    for (const card of document.querySelectorAll(CARDS)) {
      const span = document.createElement('span');
      span.setAttribute('data-bench-bare', '');
      span.textContent = 'Vetted';
      card.append(span);
    }
  }));
})();`;


// ---- one run: a fresh tab ---------------------------------------------------------------------

const JUDGED =
  /Vetted: (\d+) cards judged, ([\d.]+) ms after the content script started \(at ([\d.]+) ms; snapshot ([\d.]+), core ([\d.]+), draw ([\d.]+) ms\); wasm memory (\d+) bytes/;
const READY = /Vetted: the core is ready, ([\d.]+) ms after the content script started/;
const EXPLAINED = /Vetted: explanations written, ([\d.]+) ms after the content script started/;
const TIMEOUT = 300000;

/** The value of `window.__bench[key]` once that promise settles, asked every half second: one
 *  long call would outlast the browser protocol's own time limit on the 10,000-card pages. */
async function settled(page, key, ms, what) {
  await page.evaluate((key) => {
    window.__bench.settled ??= {};
    window.__bench[key].then((value) => (window.__bench.settled[key] = value));
  }, key);
  const begun = Date.now();
  for (;;) {
    const value = await page.evaluate((key) => window.__bench.settled[key] ?? null, key);
    if (value !== null) return value;
    if (Date.now() - begun > ms) throw new Error(`timed out: ${what()}`);
    await quiet(500);
  }
}

async function until(test, ms, what) {
  const begun = Date.now();
  while (!test()) {
    if (Date.now() - begun > ms) throw new Error(`timed out: ${what()}`);
    await quiet(20);
  }
}

/** The Long Animation Frames between `from` and `to` (page clock): their total blocking time
 *  and the longest frame's duration (0 when none lasted over 50 ms). */
function frames(loafs, from, to) {
  const inside = loafs.filter((f) => f.start + f.duration > from && f.start < to);
  return {
    blocking: inside.reduce((sum, f) => sum + f.blocking, 0),
    longest: Math.max(0, ...inside.map((f) => f.duration)),
    long: inside.length,
  };
}

/**
 * One run in a fresh tab: `bare` (the bare loop, in a browser context without the extension) or
 * Vetted; `scroll`: the page scrolls from the first mark on (the unbadged-in-view count); then,
 * once all is quiet, MORE cards appended; and the memory figures if asked.
 */
async function run(browser, { layout, count, path, bare, scroll = false, memory = false, incremental = true, trace = null }) {
  const routes = pageRoutes(layout, count);
  const { page, logs, leaks } = await openTab(bare ? browser.bareContext : browser, routes, { csp: path.csp });
  const last = () => `${layout} ${count} ${path.name} ${bare ? 'bare' : 'vetted'}: ${logs.slice(-4).join(' | ')}`;
  try {
    await page.setViewport({ width: 1200, height: 900 });
    if (trace) await page.tracing.start({ path: trace, categories: TRACE_CATEGORIES });
    const mode = (bare ? '&bare' : '') + (scroll ? '&scroll' : '');
    await page.goto(`${INVITATIONS}?n=${count}${mode}`, { waitUntil: 'load', timeout: TIMEOUT });
    const result = { batches: [] };
    const judged = () => logs.map((line) => line.match(JUDGED)).filter(Boolean)
      .map((m) => ({ cards: +m[1], after: +m[2], start: +m[3], snapshot: +m[4], core: +m[5], draw: +m[6], memory: +m[7] }));
    if (count) {
      const s = await settled(page, 'done', TIMEOUT, last);
      result.batches = judged();
      const start = bare ? s.start : result.batches[0].start;
      // A Long Animation Frame is reported once it is over, in a task of low priority: the one
      // that shows the last mark needs a moment and a few frames more.
      await quiet(500);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const loafs = await page.evaluate(() => window.__bench.loafs);
      Object.assign(result, {
        start,
        sinceLoad: start - s.load,
        first: s.first - start,
        firstFrame: s.firstFrame - start,
        screen: s.screen > 0 ? s.screen - start : NaN,
        screenCards: s.screenCards,
        screenInFirstFrame: s.screenInFirstFrame,
        dom: s.dom - start,
        frame: s.frame - start,
        ...frames(loafs, start, s.frame),
      });
      if (scroll) Object.assign(result, await settled(page, 'scrolling', TIMEOUT, last));
    }
    if (!bare) {
      await until(() => logs.some((l) => l.includes('Vetted: the core runs')), TIMEOUT, last);
      result.where = logs.find((l) => l.includes('Vetted: the core runs')).includes('background') ? 'background' : 'content';
      if (result.where !== path.name) throw new Error(`the core ran in the ${result.where}, expected the ${path.name}`);
      await until(() => logs.some((l) => READY.test(l)), TIMEOUT, last);
      result.ready = +logs.find((l) => READY.test(l)).match(READY)[1];
      // Quiet: every explanation written (idle work after the badges).
      if (count) {
        await until(() => logs.some((l) => EXPLAINED.test(l)), TIMEOUT, last);
        result.explained = +logs.find((l) => EXPLAINED.test(l)).match(EXPLAINED)[1];
        // The memory figure counts every badge's explanation: the last ones are written in idle
        // time after the last badges enter the page.
        if (memory) await until(() => logs.some((l) => EXPLAINED.test(l) && +l.match(EXPLAINED)[1] >= result.dom), TIMEOUT, last);
      }
    }
    if (trace) {
      await quiet(200);
      await page.tracing.stop();
    }
    await quiet(200);
    if (memory) {
      const cdp = await page.createCDPSession();
      await cdp.send('HeapProfiler.collectGarbage');
      result.jsHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      await cdp.detach();
      result.wasmMemory = Math.max(0, ...result.batches.map((b) => b.memory));
    }
    if (incremental) {
      const before = judged().length;
      await page.evaluate(() => {
        window.__bench.added = window.__bench.append();
      });
      const s = await settled(page, 'added', TIMEOUT, last);
      result.inc = { dom: s.dom - s.start, frame: s.frame - s.start };
      if (!bare) {
        const batches = judged().slice(before);
        result.inc.work = batches.reduce((sum, b) => sum + b.snapshot + b.core + b.draw, 0);
      }
    }
    if (args.logs && trace) for (const line of logs) console.log(`  | ${line}`);
    if (leaks.length) throw new Error(`requests left the page: ${leaks.join(', ')}`);
    return result;
  } finally {
    await page.close();
  }
}

// ---- profiling: `--profile gen2026,1000,content[,bare]` traces one run and sums its time ------

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

function summarizeTrace(file, from, to) {
  const { traceEvents } = JSON.parse(readFileSync(file, 'utf8'));
  // The page's clock (performance.now()) starts at its navigationStart.
  const nav = traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('https:'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid);
  const events = traceEvents.filter((e) => e.pid === nav.pid);
  const origin = nav.ts;
  const inWindow = (ts) => ts >= origin + from * 1000 && ts <= origin + to * 1000;
  const onMain = events.filter((e) => e.ph === 'X' && e.tid === main.tid && inWindow(e.ts));
  console.log('long main-thread events, ms after the start:');
  const shown = ['Layout', 'PrePaint', 'UpdateLayoutTree', 'Paint', 'FunctionCall', 'RunMicrotasks', 'FireAnimationFrame', 'TimerFire'];
  for (const e of onMain) {
    if (shown.includes(e.name) && e.dur > 5000) console.log(`  at ${fmt((e.ts - origin) / 1000 - from).padStart(7)}  ${e.name} ${fmt(e.dur / 1000)} ms`);
  }
  const totals = {};
  for (const e of onMain) totals[e.name] = (totals[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  console.log('main-thread events in the window (ms; nested events count in each):');
  for (const [name, ms] of Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${fmt(ms).padStart(8)}  ${name}`);
  // The sampled CPU profile: self time per function.
  const nodes = new Map();
  const self = {};
  let t = 0;
  for (const e of events.filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk')) {
    if (e.name === 'Profile') {
      t = e.args.data.startTime;
      continue;
    }
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const node of cpuProfile.nodes ?? []) nodes.set(node.id, node.callFrame);
    (cpuProfile.samples ?? []).forEach((sample, i) => {
      t += timeDeltas[i] ?? 0;
      if (!inWindow(t)) return;
      const f = nodes.get(sample);
      const key = f ? `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber ?? ''}` : '?';
      self[key] = (self[key] ?? 0) + (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    });
  }
  console.log('sampled self time (ms):');
  for (const [name, ms] of Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${fmt(ms).padStart(8)}  ${name}`);
}

// ---- statistics and output --------------------------------------------------------------------

const fmt = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toFixed(digits));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

function table(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function engineRate(file) {
  if (!file) return null;
  try {
    const m = readFileSync(file, 'utf8').match(/engine: ([\d_,.]+) invitations\/s/);
    return m ? Number(m[1].replace(/[_,]/g, '')) : null;
  } catch {
    return null;
  }
}

// ---- main -------------------------------------------------------------------------------------

async function profile(browser) {
  const [layout, count, pathName, mode] = args.profile.split(',');
  const path = PATHS.find((p) => p.name === pathName) ?? PATHS[0];
  const bare = mode === 'bare';
  await run(browser, { layout, count: 100, path, bare }); // warm
  const file = join(ROOT, 'target', 'bench-trace.json');
  const r = await run(browser, { layout, count: Number(count), path, bare, trace: file });
  console.log(`core ready ${fmt(r.ready)}, first ${fmt(r.first)} (on screen ${fmt(r.firstFrame)}), all ${fmt(r.dom)} (on screen ${fmt(r.frame)}) ms after the start`);
  for (const b of r.batches) console.log(`  ${b.cards} cards at ${b.after} ms: snapshot ${b.snapshot}, core ${b.core}, draw ${b.draw}`);
  const [from, to] = (args.window ?? `0,${r.frame}`).split(',').map(Number);
  summarizeTrace(file, r.start + from, r.start + to);
  console.log(`trace: ${file} (chrome://tracing, or the Performance panel of DevTools)`);
}

async function bench(browser) {
  const data = []; // one entry per run
  const record = (config, result) => data.push({ ...config, path: config.path.name, ...result });
  const configs = LAYOUTS.flatMap((layout) => PATHS.map((path) => ({ layout, path })));
  // Warm-up, not recorded: the browser, its HTTP stack and the extension's service worker are
  // warm for every recorded run (each tab still compiles the core afresh, as every LinkedIn page
  // load does: the content script's wasm is per page).
  for (const c of configs) {
    await run(browser, { ...c, count: 100, bare: false });
    await run(browser, { ...c, count: 100, bare: true });
  }
  const began = Date.now();
  for (const count of SIZES) {
    for (let i = 0; i < RUNS; i++) {
      for (const c of configs) {
        // Interleaved, in alternating order, so that drift in the machine's load hits all kinds
        // alike: the bare loop, Vetted, Vetted while the page scrolls, and Vetted on an empty
        // page (the +10 figure's reference). The +10 figure is taken up to 1,000 cards (at
        // 10,000 a run takes minutes already).
        const incremental = count <= 1000;
        const kinds = (i % 2 ? ['vetted', 'scroll', 'bare', 'empty'] : ['empty', 'bare', 'scroll', 'vetted'])
          .filter((kind) => KINDS.includes(kind) && (incremental || kind !== 'empty'));
        for (const kind of kinds) {
          const [bare, scroll] = [kind === 'bare', kind === 'scroll'];
          const cards = kind === 'empty' ? 0 : count;
          const memory = kind === 'bare' || kind === 'vetted';
          const result = await run(browser, { ...c, count: cards, bare, scroll, memory, incremental: incremental && !scroll });
          record({ ...c, count: cards, bare, scroll, run: i, with: count }, result);
        }
      }
      process.stderr.write(`\r    ${count} cards: run ${i + 1}/${RUNS} (${((Date.now() - began) / 1000).toFixed(0)} s)   `);
      // What is measured so far, should the run be stopped.
      writeFileSync(join(ROOT, 'target', 'bench-partial.json'), JSON.stringify(data) + '\n');
    }
  }
  process.stderr.write('\n');
  return data;
}

// The budgets (docs/ARCHITECTURE.md, Budgets): the key in target/bench.json, what it measures,
// its limit (null: reported, no limit) and how it reads.
const x = (v) => `${fmt(v, 2)}x`;
const BUDGETS = [
  ['first_screen_ratio', 'first badge on screen, 1,000 cards, core in the content script', 1.2, x],
  ['fallback_first_screen_ratio', 'the same, core in the background', 1.2, x],
  ['blocking_ratio_1000', 'total blocking time, 1,000 cards, content script', 1, x],
  ['blocking_ratio_10000', 'the same, 10,000 cards', 1, x],
  ['fallback_blocking_ratio_1000', 'total blocking time, 1,000 cards, background', 1, x],
  ['fallback_blocking_ratio_10000', 'the same, 10,000 cards', 1, x],
  ['longest_frame_ratio', 'longest frame while Vetted works, both paths and sizes', 1, x],
  ['unbadged_frames', 'frames with a card in view and no badge, scrolling', 0, (v) => fmt(v, 0)],
  ['incremental_ratio', '+10 cards on 1,000 vs on an empty page', 2, x],
  ['first_badge_ms', 'first badge in the DOM, 1,000 cards, both paths', null, (v) => `${fmt(v, 0)} ms`],
  ['wasm_bytes', 'content wasm', BUDGET.wasmBytes, (v) => kib(v)],
  ['wasm_gzip_bytes', 'content wasm, gzipped', BUDGET.wasmGzipBytes, (v) => kib(v)],
  ['popup_wasm_bytes', 'popup wasm', BUDGET.popupWasmBytes, (v) => kib(v)],
  ['package_bytes', 'packed extension', BUDGET.packageBytes, (v) => kib(v)],
  ['engine_per_sec', 'invitations classified a second, natively, one core', -1e6, (v) => (v ? v.toLocaleString('en') : '-')],
  ['memory_10000_bytes', 'wasm memory after 10,000 cards', 4 * 1048576, (v) => mib(v)],
  ['js_heap_10000_bytes', "the page's JS heap Vetted holds after 10,000 cards", 10 * 1048576, (v) => mib(v)],
];

function report(data, extra) {
  const runs = (filter) => data.filter((d) => Object.entries(filter).every(([k, v]) => d[k] === v));
  const med = (rs, f) => median(rs.map(f));
  const rows = [];
  const figures = {};
  for (const layout of LAYOUTS) {
    for (const path of PATHS.map((p) => p.name)) {
      for (const count of SIZES) {
        const empty = runs({ layout, path, count: 0, with: count });
        const v = runs({ layout, path, count, bare: false, scroll: false });
        const b = runs({ layout, path, count, bare: true });
        const sc = runs({ layout, path, count, scroll: true });
        const f = {
          bare_first_frame_ms: med(b, (r) => r.firstFrame),
          bare_frame_ms: med(b, (r) => r.frame),
          bare_blocking_ms: med(b, (r) => r.blocking),
          bare_longest_frame_ms: med(b, (r) => r.longest),
          first_dom_ms: med(v, (r) => r.first),
          first_frame_ms: med(v, (r) => r.firstFrame),
          screen_ms: med(v, (r) => r.screen),
          screen_in_first_frame: v.every((r) => r.screenInFirstFrame),
          all_frame_ms: med(v, (r) => r.frame),
          blocking_ms: med(v, (r) => r.blocking),
          longest_frame_ms: med(v, (r) => r.longest),
          long_frames: med(v, (r) => r.long),
          explained_ms: med(v, (r) => r.explained),
          core_ready_ms: med(v, (r) => r.ready),
          unbadged_frames: med(sc, (r) => r.unbadged),
          unbadged_frames_max: Math.max(...sc.map((r) => r.unbadged)),
          scrolled_frames: med(sc, (r) => r.frames),
          scroll_frame_ms: med(sc, (r) => r.frame),
          scroll_blocking_ms: med(sc, (r) => r.blocking),
          inc_dom_ms: med(v, (r) => r.inc?.dom),
          inc_work_ms: med(v, (r) => r.inc?.work),
          empty_inc_dom_ms: med(empty, (r) => r.inc?.dom),
          empty_inc_work_ms: med(empty, (r) => r.inc?.work),
          snapshot_ms: med(v, (r) => r.batches.reduce((sum, x) => sum + x.snapshot, 0)),
          core_ms: med(v, (r) => r.batches.reduce((sum, x) => sum + x.core, 0)),
          draw_ms: med(v, (r) => r.batches.reduce((sum, x) => sum + x.draw, 0)),
          batches: med(v, (r) => r.batches.length),
          wasm_memory_bytes: med(v, (r) => r.wasmMemory),
          js_heap_bytes: med(v, (r) => r.jsHeap),
          bare_js_heap_bytes: med(b, (r) => r.jsHeap),
          runs: v.length,
        };
        // Long frames are those over 50 ms: a run with none counts as 50.
        f.first_screen_ratio = f.first_frame_ms / f.bare_first_frame_ms;
        f.blocking_ratio = f.blocking_ms / Math.max(1, f.bare_blocking_ms);
        f.longest_frame_ratio = Math.max(50, f.longest_frame_ms) / Math.max(50, f.bare_longest_frame_ms);
        f.inc_ratio = f.inc_dom_ms / f.empty_inc_dom_ms;
        f.vetted_js_heap_bytes = f.js_heap_bytes - f.bare_js_heap_bytes;
        figures[`${layout}/${path}/${count}`] = f;
        rows.push([
          layout, path, count,
          `${fmt(f.bare_first_frame_ms, 0)} / ${fmt(f.first_frame_ms, 0)} (${fmt(f.screen_ms, 0)}${f.screen_in_first_frame ? '' : ' later'})`,
          `${fmt(f.bare_blocking_ms, 0)} / ${fmt(f.blocking_ms, 0)}`,
          `${fmt(f.bare_longest_frame_ms, 0)} / ${fmt(f.longest_frame_ms, 0)}`,
          `${fmt(f.bare_frame_ms, 0)} / ${fmt(f.all_frame_ms, 0)}`,
          `${fmt(f.unbadged_frames, 0)} of ${fmt(f.scrolled_frames, 0)} (max ${f.unbadged_frames_max})`,
          `${fmt(f.scroll_frame_ms, 0)} / ${fmt(f.scroll_blocking_ms, 0)}`,
          `${fmt(f.core_ready_ms, 0)} + ${fmt(f.snapshot_ms, 0)}/${fmt(f.core_ms, 0)}/${fmt(f.draw_ms, 0)} in ${f.batches}`,
          f.inc_ratio ? x(f.inc_ratio) : '-',
        ]);
      }
    }
  }
  console.log(`\nPages: generated person cards in www/<layout>.html; ${RUNS} runs per figure, each in a fresh tab;`);
  console.log('medians, ms from the start (content-script start for Vetted, loop start for the bare loop); bare / Vetted.\n');
  console.log(table(
    ['layout', 'path', 'cards', 'first on screen (screen full)', 'blocking time', 'longest frame', 'all on screen', 'unbadged frames scrolling', 'scrolling: all on screen / blocking', 'ready + snap/core/draw ms, batches', '+10 ratio'],
    rows,
  ));

  // Each budget on the worse layout; a path's twin has the `fallback_` prefix.
  const worst = (path, count, key) => Math.max(...LAYOUTS.map((l) => figures[`${l}/${path}/${count}`]?.[key] ?? NaN));
  const both = (key, counts = SIZES) => Math.max(...['content', 'background'].flatMap((p) => counts.map((n) => worst(p, n, key))));
  const sum = (key) => LAYOUTS.map((l) => ['content', 'background'].flatMap((p) => SIZES.map((n) => figures[`${l}/${p}/${n}`]?.[key] ?? 0)).reduce((a, b) => a + b, 0));
  const sizes = extra.sizes;
  const out = {
    first_screen_ratio: worst('content', 1000, 'first_screen_ratio'),
    fallback_first_screen_ratio: worst('background', 1000, 'first_screen_ratio'),
    blocking_ratio_1000: worst('content', 1000, 'blocking_ratio'),
    blocking_ratio_10000: worst('content', 10000, 'blocking_ratio'),
    fallback_blocking_ratio_1000: worst('background', 1000, 'blocking_ratio'),
    fallback_blocking_ratio_10000: worst('background', 10000, 'blocking_ratio'),
    longest_frame_ratio: both('longest_frame_ratio'),
    unbadged_frames: Math.max(...sum('unbadged_frames')),
    incremental_ratio: both('inc_ratio', [1000]),
    first_badge_ms: both('first_dom_ms', [1000]),
    wasm_bytes: sizes.wasmBytes,
    wasm_gzip_bytes: sizes.wasmGzipBytes,
    popup_wasm_bytes: sizes.popupWasmBytes,
    package_bytes: sizes.packageBytes,
    engine_per_sec: extra.engine,
    memory_10000_bytes: both('wasm_memory_bytes', [10000]),
    js_heap_10000_bytes: worst('content', 10000, 'vetted_js_heap_bytes'),
  };
  console.log('\nBudgets (docs/ARCHITECTURE.md, Budgets), the worse layout:');
  for (const [key, what, limit, show] of BUDGETS) {
    const value = out[key];
    const ok = !Number.isFinite(value) ? '-   ' : limit === null ? '    ' : (limit < 0 ? value >= -limit : value <= limit) ? 'ok  ' : 'OVER';
    const bound = limit === null ? '' : limit < 0 ? ` (at least ${show(-limit)})` : ` (at most ${show(limit)})`;
    console.log(`  ${ok} ${key.padEnd(30)} ${show(value).padStart(12)}${bound.padEnd(22)} ${what}`);
  }
  return { ...out, figures };
}

async function main() {
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const browser = await launch('chromium', { build: BUILD });
  // The bare loop runs in a browser context of its own: the extension is not enabled there.
  browser.bareContext = await browser.createBrowserContext();
  try {
    if (args.profile) {
      await profile(browser);
      return;
    }
    const version = await browser.version();
    const load = [loadavg()[0]];
    console.log(`    ${version}; load average ${load[0].toFixed(1)} on ${os.availableParallelism()} cores at the start`);
    const data = await bench(browser);
    load.push(loadavg()[0]);
    const extra = { sizes: measure(join(ROOT, BUILD)), engine: engineRate(args.engine) };
    const summary = report(data, extra);
    const json = {
      ...summary,
      browser: version,
      load_average: { start: load[0], end: load[1], cores: os.availableParallelism() },
      runs_per_figure: RUNS,
      definitions: DEFINITIONS,
      raw: data,
    };
    writeFileSync(join(ROOT, 'target', 'bench.json'), JSON.stringify(json, null, 1) + '\n');
    console.log(`\n    load average ${load[1].toFixed(1)} at the end; target/bench.json written`);
  } finally {
    await browser.close();
  }
}

const DEFINITIONS = {
  start: "Vetted: the first statement of content.js, the content script that badges (document_idle; preload.js, at document_start, has begun fetching and compiling the core by then); bare loop: its first statement, at the same moment. Both on the page's clock.",
  bare: 'a script in the page that appends one static span to each card, all in one task, at the moment the content script would start',
  first_screen: 'a user-blocking task posted from the requestAnimationFrame callback after the first badge (span) is added: the frame showing it is rendered; screen_in_first_frame: every card then in the window had its badge in that frame',
  blocking: "the sum of Long Animation Frames' blockingDuration (each frame's time beyond 50 ms; Chromium's LoAF API, observed in the page) from the start until every badge is on screen",
  longest_frame: 'the longest Long Animation Frame in that window; a run with none over 50 ms counts as 50 ms',
  unbadged_frames: 'Vetted runs with the page scrolled from the top at two windows a second from the first badge on, until all are badged or the bottom is reached; after each frame, whether a card inside the window had no badge; median over runs, summed over both paths and both sizes',
  scrolling: 'in those scrolled runs, from the start until every badge is on screen, and the total blocking time meanwhile: what a user who scrolls while Vetted works feels',
  incremental: '10 more cards appended at once (from a <template>) once all is quiet; from the append to the 10 badges in the DOM; vs the same on a page with no cards',
  warm: 'browser, HTTP stack and service worker warm (one discarded run per configuration); each tab compiles the core afresh, as every LinkedIn page load does',
  memory: "wasm: the core instance's memory.buffer.byteLength (content script, or the background's single instance), from the debug line; JS heap: Runtime.getHeapUsage of the page after a forced GC, once every explanation is written, Vetted's run minus the bare loop's",
};

await main();
