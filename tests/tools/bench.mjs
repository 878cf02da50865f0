// `./build.sh bench`, the page side: the production dist/chrome in headless Chromium on generated
// invitation pages, against a bare loop, on both paths of the core (docs/ARCHITECTURE.md, Why it is built this way and Budgets).
// Usage: node tests/tools/bench.mjs [--runs N] [--sizes 10,100,1000,10000] [--layouts gen2026,classic]
//        [--engine FILE] [--build DIR (under the repository, default dist)]
//        [--profile layout,count,path[,bare|split] [--window FROM,TO] [--logs 1 (the page's console)]]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVITATIONS, PAGE_CSP, launch, openTab } from '../browser/harness.mjs';
import { ROOT, fixtures } from '../browser/pages.mjs';
import os, { loadavg } from 'node:os';
import { BUDGET, measure } from './budget.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') ? [[arg.slice(2), all[i + 1]]] : [])),
);
const RUNS = Number(args.runs ?? 5);
const SIZES = (args.sizes ?? '10,100,1000,10000').split(',').map(Number);
const LAYOUTS = (args.layouts ?? 'gen2026,classic').split(',');
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

/** Copy `k` of a person card: its own invitation urn, profile slug, name and element ids. */
function copy(card, k) {
  const { name, slug } = card.expect;
  const suffix = letters(k);
  let html = card.html
    .replaceAll(name, `${name} ${suffix}`)
    .replaceAll(`/in/${slug}/`, `/in/${slug}-${k.toString(36)}/`)
    .replace(/urn:li:invitation:\d+/g, `urn:li:invitation:${7300000000000000000n + BigInt(k)}`)
    .replace(/id="ember(\d+)"/g, (_, n) => `id="ember${k * 1000 + Number(n)}"`)
    // No pictures: thousands of image loads would time the network stack, not the badges.
    .replace(/\ssrc="https:\/\/media\.licdn\.com[^"]*"/g, '');
  return html.replace(/^<([a-zA-Z0-9-]+)/, `<$1 data-bench="${k}"`);
}

function letters(k) {
  let out = '';
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  } while (k > 0);
  return out[0].toUpperCase() + out.slice(1) + 'son';
}

const persons = Object.fromEntries(
  LAYOUTS.map((layout) => [layout, fixtures(layout).filter((card) => card.expect.kind === 'person')]),
);
const cardsOf = (layout, from, count) =>
  Array.from({ length: count }, (_, i) => copy(persons[layout][(from + i) % persons[layout].length], from + i));

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
//   once that frame's style, layout and paint are done: the marks are rendered.
const MEASURE = `(() => {
  'use strict';
  const bare = new URLSearchParams(location.search).has('bare');
  const mark = bare ? 'data-bench-bare' : 'data-vetted-verdict';
  const stamps = { bare, dcl: null, load: null, start: null, first: null, firstFrame: null, dom: null, frame: null };
  let count = 0;
  let target = Number(new URLSearchParams(location.search).get('n'));
  let done;
  const B = (window.__bench = { stamps, count: () => count, done: new Promise((r) => (done = r)) });
  // A task at the highest priority, so that no other task (the content script's next slice, say)
  // runs between the frame and the stamp.
  const post = globalThis.scheduler?.postTask
    ? (run) => scheduler.postTask(run, { priority: 'user-blocking' })
    : (run) => setTimeout(run, 0);
  const afterFrame = (then) => requestAnimationFrame(() => post(() => then(performance.now())));
  const observer = new MutationObserver((records) => {
    let added = 0;
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1 && node.hasAttribute(mark)) added += 1;
    }
    if (!added) return;
    const now = performance.now();
    count += added;
    if (stamps.first === null) {
      stamps.first = now;
      afterFrame((t) => (stamps.firstFrame = t));
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
// scripts in a task posted when the load event is done (or 200 ms after DOMContentLoaded).
// With \`bare=split\`, the same loop in Vetted's schedule without Vetted's work: the first
// FIRST_SLICE cards at once, the others in a task right after the frame that shows those. That
// schedule alone costs a second layout of the whole page: it is the floor of Vetted's ratio.
// FIRST_SLICE is read from the content script measured, so that the two cannot drift apart.
const FIRST_SLICE = Number(
  readFileSync(join(ROOT, BUILD, 'chrome', 'content.js'), 'utf8').match(/const FIRST_SLICE = (\d+);/)?.[1] ??
    NaN,
);
if (!(FIRST_SLICE > 0)) throw new Error(`no FIRST_SLICE in ${BUILD}/chrome/content.js: the split bare loop copies Vetted's schedule from it`);
const BARE = `(() => {
  'use strict';
  const mode = new URLSearchParams(location.search).get('bare');
  if (mode === null) return;
  const CARDS = ${JSON.stringify(PROFILE.cards)};
  const mark = (cards) => {
    for (const card of cards) {
      const span = document.createElement('span');
      span.setAttribute('data-bench-bare', '');
      span.textContent = 'Vetted';
      card.append(span);
    }
  };
  addEventListener('load', () => setTimeout(() => {
    window.__bench.stamps.start = performance.now();
    const cards = [...document.querySelectorAll(CARDS)];
    if (mode !== 'split') return mark(cards);
    mark(cards.slice(0, ${FIRST_SLICE}));
    requestAnimationFrame(() => setTimeout(() => mark(cards.slice(${FIRST_SLICE}))));
  }));
})();`;


// ---- one run: a fresh tab ---------------------------------------------------------------------

const JUDGED =
  /Vetted: (\d+) cards judged, ([\d.]+) ms after the content script started \(at ([\d.]+) ms; snapshot ([\d.]+), core ([\d.]+), draw ([\d.]+) ms\); wasm memory (\d+) bytes/;
const READY = /Vetted: the core is ready, ([\d.]+) ms after the content script started/;
const EXPLAINED = /Vetted: explanations written, ([\d.]+) ms after the content script started/;
const TIMEOUT = 300000;

function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function until(test, ms, what) {
  const begun = Date.now();
  while (!test()) {
    if (Date.now() - begun > ms) throw new Error(`timed out: ${what()}`);
    await quiet(20);
  }
}

/**
 * One run in a fresh tab: `bare` (the bare loop, in a browser context without the extension; in
 * Vetted's two slices with `split` too) or Vetted; then, once all is quiet, MORE cards appended; and the memory figures if asked.
 */
async function run(browser, { layout, count, path, bare, split = false, memory = false, incremental = true, trace = null }) {
  const routes = pageRoutes(layout, count);
  const { page, logs, leaks } = await openTab(bare ? browser.bareContext : browser, routes, { csp: path.csp });
  const last = () => `${layout} ${count} ${path.name} ${bare ? 'bare' : 'vetted'}: ${logs.slice(-4).join(' | ')}`;
  try {
    await page.setViewport({ width: 1200, height: 900 });
    if (trace) await page.tracing.start({ path: trace, categories: TRACE_CATEGORIES });
    const mode = split ? '&bare=split' : bare ? '&bare' : '';
    await page.goto(`${INVITATIONS}?n=${count}${mode}`, { waitUntil: 'load', timeout: TIMEOUT });
    const result = { batches: [] };
    const judged = () => logs.map((line) => line.match(JUDGED)).filter(Boolean)
      .map((m) => ({ cards: +m[1], after: +m[2], start: +m[3], snapshot: +m[4], core: +m[5], draw: +m[6], memory: +m[7] }));
    if (count) {
      const s = await within(page.evaluate(() => window.__bench.done), TIMEOUT, last);
      result.batches = judged();
      const start = bare ? s.start : result.batches[0].start;
      Object.assign(result, {
        start,
        sinceLoad: start - s.load,
        first: s.first - start,
        firstFrame: s.firstFrame - start,
        dom: s.dom - start,
        frame: s.frame - start,
      });
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
      const s = await within(page.evaluate(() => window.__bench.append()), TIMEOUT, last);
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

// ---- profiling: `--profile gen2026,1000,content[,bare|split]` traces one run and sums its time -

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

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmt = (x, digits = 1) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toFixed(digits));
/** median [min–max] */
function stat(xs, digits = 0) {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return '-';
  return `${fmt(median(v), digits)} [${fmt(Math.min(...v), digits)}–${fmt(Math.max(...v), digits)}]`;
}
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
  const [bare, split] = [mode === 'bare' || mode === 'split', mode === 'split'];
  await run(browser, { layout, count: 100, path, bare, split }); // warm
  const file = join(ROOT, 'target', 'bench-trace.json');
  const r = await run(browser, { layout, count: Number(count), path, bare, split, trace: file });
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
        // Interleaved, in alternating order, so that drift in the machine's load hits all three:
        // the bare loop, Vetted, and Vetted on an empty page (the +10 figure's reference).
        // The +10 figure is taken up to 1,000 cards (at 10,000 a run takes minutes already).
        const incremental = count <= 1000;
        // The split bare loop (the floor of the ratio) is taken on 1,000 cards, the budget's page.
        const kinds = (i % 2 ? ['vetted', 'split', 'bare', 'empty'] : ['empty', 'bare', 'split', 'vetted'])
          .filter((kind) => (incremental || kind !== 'empty') && (count === 1000 || kind !== 'split'));
        for (const kind of kinds) {
          const [bare, split] = [kind === 'bare' || kind === 'split', kind === 'split'];
          const cards = kind === 'empty' ? 0 : count;
          const memory = (kind === 'bare' || kind === 'vetted') && (count === 1000 || count === 10000);
          const result = await run(browser, { ...c, count: cards, bare, split, memory, incremental: incremental && !split });
          record({ ...c, count: cards, bare, split, run: i, with: count }, result);
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

function report(data, extra) {
  const runs = (filter) => data.filter((d) => Object.entries(filter).every(([k, v]) => d[k] === v));
  const col = (rs, f) => rs.map(f);
  const rows = [];
  const figures = {};
  for (const layout of LAYOUTS) {
    for (const path of PATHS.map((p) => p.name)) {
      for (const count of SIZES) {
        const empty = runs({ layout, path, count: 0, with: count });
        const v = runs({ layout, path, count, bare: false });
        const b = runs({ layout, path, count, bare: true, split: false });
        const split = runs({ layout, path, count, split: true });
        const f = {
          bare_dom_ms: median(col(b, (r) => r.dom)),
          bare_frame_ms: median(col(b, (r) => r.frame)),
          first_dom_ms: median(col(v, (r) => r.first)),
          first_frame_ms: median(col(v, (r) => r.firstFrame)),
          all_dom_ms: median(col(v, (r) => r.dom)),
          all_frame_ms: median(col(v, (r) => r.frame)),
          explained_ms: median(col(v, (r) => r.explained)),
          core_ready_ms: median(col(v, (r) => r.ready)),
          ratio_frame: median(col(v, (r) => r.frame)) / median(col(b, (r) => r.frame)),
          ratio_dom: median(col(v, (r) => r.dom)) / median(col(b, (r) => r.dom)),
          split_frame_ms: median(col(split, (r) => r.frame)),
          floor_ratio: median(col(split, (r) => r.frame)) / median(col(b, (r) => r.frame)),
          inc_dom_ms: median(col(v, (r) => r.inc?.dom)),
          inc_frame_ms: median(col(v, (r) => r.inc?.frame)),
          inc_work_ms: median(col(v, (r) => r.inc?.work)),
          inc_page_frame_ms: median(col(b, (r) => r.inc?.frame)),
          empty_inc_dom_ms: median(col(empty, (r) => r.inc?.dom)),
          empty_inc_frame_ms: median(col(empty, (r) => r.inc?.frame)),
          empty_inc_work_ms: median(col(empty, (r) => r.inc?.work)),
          start_after_load_ms: median(col(v, (r) => r.sinceLoad)),
          bare_start_after_load_ms: median(col(b, (r) => r.sinceLoad)),
          snapshot_ms: median(col(v, (r) => r.batches.reduce((s, x) => s + x.snapshot, 0))),
          core_ms: median(col(v, (r) => r.batches.reduce((s, x) => s + x.core, 0))),
          draw_ms: median(col(v, (r) => r.batches.reduce((s, x) => s + x.draw, 0))),
          slices: median(col(v, (r) => r.batches.length)),
          wasm_memory_bytes: median(col(v, (r) => r.wasmMemory)),
          js_heap_bytes: median(col(v, (r) => r.jsHeap)),
          bare_js_heap_bytes: median(col(b, (r) => r.jsHeap)),
          runs: v.length,
        };
        f.inc_ratio = f.inc_dom_ms / f.empty_inc_dom_ms;
        f.inc_frame_ratio = f.inc_frame_ms / f.empty_inc_frame_ms;
        f.inc_work_ratio = f.inc_work_ms / f.empty_inc_work_ms;
        figures[`${layout}/${path}/${count}`] = f;
        rows.push([
          layout, path, count,
          `${stat(col(b, (r) => r.dom))} / ${stat(col(b, (r) => r.frame))}`,
          `${stat(col(v, (r) => r.first))} / ${stat(col(v, (r) => r.firstFrame))}`,
          `${stat(col(v, (r) => r.dom))} / ${stat(col(v, (r) => r.frame))}`,
          `${fmt(f.ratio_frame, 2)}x`,
          `${fmt(f.core_ready_ms, 0)} + ${fmt(f.snapshot_ms, 0)}/${fmt(f.core_ms, 0)}/${fmt(f.draw_ms, 0)} in ${f.slices}`,
          `${stat(col(v, (r) => r.inc?.dom))} / ${stat(col(v, (r) => r.inc?.frame))} (${fmt(f.inc_work_ms, 1)})`,
          `${fmt(f.empty_inc_dom_ms, 0)} (${fmt(f.empty_inc_work_ms, 1)})`,
          `${fmt(f.inc_ratio, 2)}x (${fmt(f.inc_work_ms / f.empty_inc_work_ms, 2)}x)`,
        ]);
      }
    }
  }
  console.log(`\nPages: generated person cards in www/<layout>.html; ${RUNS} runs per figure, each in a fresh tab;`);
  console.log('ms from the start (content-script start for Vetted, loop start for the bare loop), median [min–max],');
  console.log('"dom / screen": the last mark in the DOM / the frame that shows it rendered.\n');
  const floors = LAYOUTS.flatMap((layout) => PATHS.flatMap(({ name: path }) => {
    const f = figures[`${layout}/${path}/1000`];
    return f && Number.isFinite(f.split_frame_ms)
      ? [`  ${layout} ${path}: ${fmt(f.split_frame_ms, 0)} ms, ${fmt(f.floor_ratio, 2)}x the bare loop; Vetted ${fmt(f.ratio_frame / f.floor_ratio, 2)}x its floor`]
      : [];
  }));
  console.log(table(
    ['layout', 'path', 'cards', 'bare loop: dom / screen', 'Vetted first badge: dom / screen', 'Vetted all badges: dom / screen', 'ratio', 'ready + snap/core/draw ms, slices', '+10 cards: dom / screen (work)', '+10 on empty: dom (work)', '+10 ratio (work)'],
    rows,
  ));
  if (floors.length) {
    console.log(`\nThe bare loop on 1,000 cards in Vetted's two slices (the first ${FIRST_SLICE}, the others right after the frame`);
    console.log('that shows them), on screen: the floor of the ratio, what the schedule costs without any work.');
    for (const line of floors) console.log(line);
  }

  // The budgets (docs/ARCHITECTURE.md, Budgets), each on both paths; the worse layout counts.
  const worst = (path, count, key) => Math.max(...LAYOUTS.map((l) => figures[`${l}/${path}/${count}`]?.[key] ?? NaN));
  const out = {};
  for (const [prefix, path] of [['', 'content'], ['fallback_', 'background']]) {
    out[`${prefix}badge_1000_ratio`] = worst(path, 1000, 'ratio_frame');
    out[`${prefix}badge_1000_dom_ratio`] = worst(path, 1000, 'ratio_dom');
    out[`${prefix}floor_1000_ratio`] = worst(path, 1000, 'floor_ratio');
    out[`${prefix}incremental_ratio`] = worst(path, 1000, 'inc_ratio');
    out[`${prefix}incremental_frame_ratio`] = worst(path, 1000, 'inc_frame_ratio');
    out[`${prefix}incremental_work_ratio`] = worst(path, 1000, 'inc_work_ratio');
    out[`${prefix}first_badge_ms`] = worst(path, 1000, 'first_frame_ms');
    out[`${prefix}first_badge_dom_ms`] = worst(path, 1000, 'first_dom_ms');
  }
  Object.assign(out, {
    wasm_bytes: extra.sizes.wasmBytes,
    wasm_gzip_bytes: extra.sizes.wasmGzipBytes,
    package_bytes: extra.sizes.packageBytes,
    engine_per_sec: extra.engine,
    memory_1000_bytes: worst('content', 1000, 'wasm_memory_bytes'),
    memory_10000_bytes: worst('content', 10000, 'wasm_memory_bytes'),
    fallback_memory_1000_bytes: worst('background', 1000, 'wasm_memory_bytes'),
    fallback_memory_10000_bytes: worst('background', 10000, 'wasm_memory_bytes'),
    js_heap_1000_bytes: worst('content', 1000, 'js_heap_bytes'),
    js_heap_10000_bytes: worst('content', 10000, 'js_heap_bytes'),
    js_heap_1000_vetted_bytes: Math.max(...LAYOUTS.map((l) => figures[`${l}/content/1000`]?.js_heap_bytes - figures[`${l}/content/1000`]?.bare_js_heap_bytes)),
    js_heap_10000_vetted_bytes: Math.max(...LAYOUTS.map((l) => figures[`${l}/content/10000`]?.js_heap_bytes - figures[`${l}/content/10000`]?.bare_js_heap_bytes)),
  });

  const check = (value, limit) => (Number.isFinite(value) ? (value <= limit ? 'ok  ' : 'OVER') : '-   ');
  const lines = [
    ['badging 1,000 cards, on screen (≤ 2x the bare loop)', 'badge_1000_ratio', 2, (x) => `${fmt(x, 2)}x`],
    ['  the same, DOM only (for reference)', 'badge_1000_dom_ratio', null, (x) => `${fmt(x, 2)}x`],
    ['  its floor: the bare loop in two slices, as Vetted\'s', 'floor_1000_ratio', null, (x) => `${fmt(x, 2)}x`],
    ['+10 cards on 1,000 vs on an empty page, DOM (≤ 2x)', 'incremental_ratio', 2, (x) => `${fmt(x, 2)}x`],
    ['  the same, on screen (the page relays itself)', 'incremental_frame_ratio', null, (x) => `${fmt(x, 2)}x`],
    ['  the same, Vetted\'s own work (snapshot, core, draw)', 'incremental_work_ratio', null, (x) => `${fmt(x, 2)}x`],
    ['first badge on 1,000 cards, on screen (≤ 50 ms)', 'first_badge_ms', 50, (x) => `${fmt(x, 0)} ms`],
    ['  the same, DOM only', 'first_badge_dom_ms', 50, (x) => `${fmt(x, 0)} ms`],
  ];
  console.log('\nBudgets (docs/ARCHITECTURE.md, Budgets), the worse layout:                  content script      background');
  for (const [label, key, limit, show] of lines) {
    const cells = [out[key], out[`fallback_${key}`]].map((x) => `${limit ? check(x, limit) + ' ' : '     '}${show(x)}`.padEnd(20));
    console.log(`  ${label.padEnd(52)} ${cells.join('')}`);
  }
  const sizes = extra.sizes;
  const over = (key) => (sizes[key] <= BUDGET[key] ? 'ok  ' : 'OVER');
  console.log(`  ${over('wasmBytes')} wasm ${sizes.wasmBytes} bytes (${kib(sizes.wasmBytes)}, budget ${kib(BUDGET.wasmBytes)}); ` +
    `${over('wasmGzipBytes')} gzipped ${sizes.wasmGzipBytes} (${kib(sizes.wasmGzipBytes)}, budget ${kib(BUDGET.wasmGzipBytes)}); ` +
    `${over('packageBytes')} packed extension ${sizes.packageBytes} (${kib(sizes.packageBytes)}, budget ${kib(BUDGET.packageBytes)})`);
  const engine = extra.engine ? `${extra.engine >= 1e6 ? 'ok  ' : 'OVER'} ${extra.engine.toLocaleString('en')} invitations/s` : 'no figure (cargo bench --bench engine printed none)';
  console.log(`  engine, natively, one core: ${engine} (budget 1,000,000)`);
  console.log(`  wasm memory after 1,000 / 10,000 cards: ${mib(out.memory_1000_bytes)} / ${mib(out.memory_10000_bytes)} in the content script, ` +
    `${mib(out.fallback_memory_1000_bytes)} / ${mib(out.fallback_memory_10000_bytes)} in the background (one instance for all tabs)`);
  console.log(`  JS heap of the page after 1,000 / 10,000 cards: ${mib(out.js_heap_1000_bytes)} / ${mib(out.js_heap_10000_bytes)}, ` +
    `of which Vetted (vs the bare page): ${mib(out.js_heap_1000_vetted_bytes)} / ${mib(out.js_heap_10000_vetted_bytes)}`);
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
  dom: 'the MutationObserver callback (page world, installed at DOMContentLoaded, same script in both runs) that sees the last badge host / bare span added',
  screen: 'a user-blocking task posted from the next requestAnimationFrame callback after that: the frame showing it has been styled, laid out and painted',
  ratio: "median Vetted 'all badges on screen' / median bare loop 'all spans on screen', same page, same run, interleaved",
  incremental: '10 more cards appended at once (from a <template>) once all is quiet; from the append to the 10 badges in the DOM / on screen; vs the same on a page with no cards',
  warm: 'browser, HTTP stack and service worker warm (one discarded run per configuration); each tab compiles the core afresh, as every LinkedIn page load does',
  memory: 'wasm: the core instance\'s memory.buffer.byteLength (content script, or the background\'s single instance), from the debug line; JS heap: Runtime.getHeapUsage of the page after a forced GC',
};

await main();
