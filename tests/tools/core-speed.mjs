// The core's time in the browser against natively, per card: the content script's one call
// (`classify`: a batch of cards' HTML read and judged, the results back as objects) on the same
// batch, in headless Chromium (the built wasm, as the content script loads it), in Node (the same
// V8) and natively (`cargo bench --bench core`, the same Rust at the bench's optimization).
// In the browser it splits the call: the copy in (TextEncoder), the wasm's own work, and
// JSON.parse of what comes back; and the first call of a fresh instance (V8 runs a module's
// functions first in its baseline compiler, Liftoff, and optimizes the hot ones later) from
// the calls after it. Prints a table and writes target/core-speed.json.
// Usage: node tests/tools/core-speed.mjs [--cards 1000] [--layout gen2026] [--build dist]
//        [--warm N: five calls on N cards first, as preload.js warms the core up]
//        [--into 1: the batch written into a buffer kept between calls, as core-client.js does;
//        without it, a new array for each batch, as before]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openTab, INVITATIONS } from '../browser/harness.mjs';
import { ROOT } from '../browser/pages.mjs';
import { median, options } from './cli.mjs';
import { cardsOf } from './generated.mjs';

const args = options();
const CARDS = Number(args.cards ?? 1000);
const LAYOUT = args.layout ?? 'gen2026';
const BUILD = args.build ?? 'dist';
const CALLS = 30;

const batch = cardsOf(LAYOUT, 0, CARDS).join('\u001d'); // as snapshot.js's batch()
mkdirSync(join(ROOT, 'target'), { recursive: true });
const batchFile = join(ROOT, 'target', 'core-batch.txt');
writeFileSync(batchFile, batch);
const core = join(ROOT, BUILD, 'chrome', 'core');
const glueSource = readFileSync(join(core, 'vetted.js'), 'utf8');
const wasm = readFileSync(join(core, 'vetted_bg.wasm'));

/** In a page or in Node: a fresh instance of the core, then CALLS calls on the batch, each
 *  split into its parts. `glue`: the wasm-bindgen module; `bytes`: the wasm. */
async function measure(glue, bytes, batch, calls, warm = 0, into = false) {
  let buffer = new Uint8Array(0);
  const module = await WebAssembly.compile(bytes);
  await glue.default({ module_or_path: module });
  const utf8 = new TextEncoder();
  if (warm) {
    const few = utf8.encode(batch.split('\u001d').slice(0, warm).join('\u001d'));
    for (let i = 0; i < 5; i++) glue.classify(few);
    await new Promise((r) => setTimeout(r, 200));
  }
  const parse = JSON.parse;
  let parsing = 0;
  // JSON.parse, as the wasm calls it through js_sys, timed where it runs.
  JSON.parse = (text) => {
    const from = performance.now();
    try {
      return parse(text);
    } finally {
      parsing += performance.now() - from;
    }
  };
  const runs = [];
  try {
    for (let i = 0; i < calls; i++) {
      parsing = 0;
      const a = performance.now();
      let encoded;
      if (into) {
        buffer = buffer.length >= batch.length * 3 ? buffer : new Uint8Array(batch.length * 3);
        encoded = buffer.subarray(0, utf8.encodeInto(batch, buffer).written);
      } else encoded = utf8.encode(batch);
      const b = performance.now();
      const results = glue.classify(encoded);
      const c = performance.now();
      if (!Array.isArray(results) || results.length === 0) throw new Error('no results');
      runs.push({ total: c - a, encode: b - a, parse: parsing, wasm: c - b - parsing });
    }
  } finally {
    JSON.parse = parse;
  }
  return runs;
}

const summary = (runs) => {
  const later = runs.slice(1);
  const part = (key) => median(later.map((r) => r[key]));
  return { first: runs[0].total, first_wasm: runs[0].wasm, total: part('total'), encode: part('encode'), wasm: part('wasm'), parse: part('parse') };
};

async function inChromium() {
  const browser = await launch('chromium', { build: BUILD });
  try {
    const context = await browser.createBrowserContext(); // no extension: the page alone
    const routes = {
      [new URL(INVITATIONS).pathname]: '<!doctype html><title>core speed</title>',
      '/vetted-core/vetted.js': glueSource,
      '/vetted-core/measure.js': `export ${measure.toString()}`,
    };
    const { page } = await openTab(context, routes, { csp: null });
    await page.goto(INVITATIONS);
    return await page.evaluate(
      async (wasmBase64, batch, calls, warm, into) => {
        const glue = await import('/vetted-core/vetted.js');
        const { measure } = await import('/vetted-core/measure.js'); // this tool's own function
        const bytes = Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
        return measure(glue, bytes, batch, calls, warm, into);
      },
      wasm.toString('base64'),
      batch,
      CALLS,
      Number(args.warm ?? 0),
      Boolean(args.into),
    );
  } finally {
    await browser.close();
  }
}

async function inNode() {
  const glue = await import(join(core, 'vetted.js'));
  return measure(glue, wasm, batch, CALLS, Number(args.warm ?? 0), Boolean(args.into));
}

function natively() {
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'core', '--', batchFile], { cwd: ROOT, encoding: 'utf8' });
  const m = out.match(/core: ([\d.]+) ms per batch of (\d+) cards/);
  if (!m || Number(m[2]) !== CARDS) throw new Error(`cargo bench --bench core: ${out}`);
  return Number(m[1]);
}

const native = natively();
const chromium = summary(await inChromium());
const node = summary(await inNode());
const perThousand = (ms) => (ms * 1000) / CARDS;
const fmt = (ms) => perThousand(ms).toFixed(1).padStart(7);
const mode = `${args.into ? 'into a kept buffer' : 'a new array a batch'}${args.warm ? `, after a warm-up on ${args.warm} cards` : ''}`;
console.log(`The core's one call on ${CARDS} ${LAYOUT} cards (${(batch.length / 1024).toFixed(0)} KiB of HTML; ${mode}), ms per 1,000 cards:`);
console.log('                       first call   later calls (median of ' + (CALLS - 1) + ')');
console.log('                       total        total   copy in   wasm   JSON.parse   ratio to native');
for (const [name, s] of [['Chromium (page)', chromium], ['Node (same V8)', node]]) {
  console.log(`  ${name.padEnd(20)} ${fmt(s.first)}      ${fmt(s.total)}   ${fmt(s.encode)}  ${fmt(s.wasm)}  ${fmt(s.parse)}       ${(s.total / native).toFixed(2)}x (first call ${(s.first / native).toFixed(2)}x)`);
}
console.log(`  ${'native (cargo bench)'.padEnd(20)}              ${fmt(native)}`);
writeFileSync(
  join(ROOT, 'target', 'core-speed.json'),
  JSON.stringify({ cards: CARDS, layout: LAYOUT, native_ms: native, chromium, node, ratio: chromium.total / native, first_call_ratio: chromium.first / native }, null, 1) + '\n',
);
