// Guards the size of a build: `./build.sh test` fails when the content wasm (raw or gzipped) or
// the packed extension grows past its BUDGET (docs/ARCHITECTURE.md, Budgets).
// Usage: node tests/tools/budget.mjs DIST_DIR
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

export const BUDGET = {
  wasmBytes: 120 * 1024,
  wasmGzipBytes: 48 * 1024,
  popupWasmBytes: 256 * 1024,
  packageBytes: 300 * 1024,
};

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The bytes of a zip of `dir`: each file deflated, plus the zip's headers (30 + 46 bytes and
 *  the name twice per file, 22 at the end), as `./build.sh package` writes it. */
export function zipBytes(dir) {
  return files(dir).reduce((total, path) => {
    const name = relative(dir, path);
    const data = readFileSync(path);
    const stored = Math.min(data.length, deflateRawSync(data, { level: 9 }).length);
    return total + stored + 76 + 2 * Buffer.byteLength(name);
  }, 22);
}

export function measure(dist) {
  const wasm = readFileSync(join(dist, 'chrome', 'core', 'vetted_bg.wasm'));
  return {
    wasmBytes: wasm.length,
    wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
    popupWasmBytes: statSync(join(dist, 'chrome', 'core', 'vetted_popup_bg.wasm')).size,
    packageBytes: Math.max(zipBytes(join(dist, 'chrome')), zipBytes(join(dist, 'firefox'))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = measure(process.argv[2]);
  let over = 0;
  for (const [key, budget] of Object.entries(BUDGET)) {
    const size = sizes[key];
    if (size > budget) over += 1;
    const verdict = size <= budget ? 'ok  ' : 'OVER';
    console.log(`    ${verdict} ${key}: ${size} bytes (budget ${budget}: ${budget - size} bytes to spare)`);
  }
  if (over) process.exit(1);
}
