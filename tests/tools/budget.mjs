// Guards the size of a build: `./build.sh test` fails when a build grows past CEILING.
// The packed extension and the content wasm's raw bytes are within DESIGN §5's BUDGET, and their
// CEILING is the budget. The wasm's gzipped bytes are not yet (see the README's performance
// section): until they are, their CEILING holds today's size so that nothing grows, and each line
// says how far the build is from the budget. Lower CEILING with every saving; never raise it.
// Usage: node tests/tools/budget.mjs DIST_DIR
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

export const BUDGET = { wasmBytes: 120 * 1024, wasmGzipBytes: 48 * 1024, packageBytes: 150 * 1024 };
export const CEILING = { wasmBytes: 120 * 1024, wasmGzipBytes: 49.5 * 1024, packageBytes: 150 * 1024 };

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
    packageBytes: Math.max(zipBytes(join(dist, 'chrome')), zipBytes(join(dist, 'firefox'))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = measure(process.argv[2]);
  let over = 0;
  for (const [key, ceiling] of Object.entries(CEILING)) {
    const size = sizes[key];
    if (size > ceiling) over += 1;
    const budget = BUDGET[key];
    const design = size <= budget ? 'within' : `${size - budget} bytes over`;
    const verdict = size <= ceiling ? 'ok  ' : 'OVER';
    console.log(`    ${verdict} ${key}: ${size} bytes (ceiling ${ceiling}; DESIGN budget ${budget}: ${design})`);
  }
  if (over) process.exit(1);
}
