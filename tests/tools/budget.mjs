// Guards DESIGN §5's size budget on a build: a build over it fails `./build.sh test`.
// Usage: node tests/tools/budget.mjs DIST_DIR
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';

export const BUDGET = { wasmBytes: 120 * 1024, wasmGzipBytes: 48 * 1024, packageBytes: 150 * 1024 };

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
  for (const [key, limit] of Object.entries(BUDGET)) {
    const ok = sizes[key] <= limit;
    if (!ok) over += 1;
    console.log(`    ${ok ? 'ok  ' : 'OVER'} ${key}: ${sizes[key]} bytes (budget ${limit})`);
  }
  if (over) process.exit(1);
}
