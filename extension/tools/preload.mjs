// Writes dist's preload.js from extension/preload.js with the core's pattern of the pages that
// show invitations (`pages` in the core's profile: Profile in src/page/mod.rs), so that the core
// stays its one source: preload.js needs it at document_start, before the core is loaded.
// Usage: node extension/tools/preload.mjs CORE_DIR OUT_FILE  (CORE_DIR: the glue and the wasm)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';

const [core, out] = process.argv.slice(2);
const PLACE = "'VETTED_PAGES'";

const glue = await import(resolve(core, 'vetted.js'));
glue.initSync({ module: readFileSync(join(core, 'vetted_bg.wasm')) });
const { pages } = glue.profile();
if (typeof pages !== 'string' || !pages) throw new Error('the core\'s profile has no "pages"');
new RegExp(pages); // throws if the core's pattern is no regular expression

const source = readFileSync(new URL('../preload.js', import.meta.url), 'utf8');
if (source.split(PLACE).length !== 2) throw new Error(`extension/preload.js holds ${PLACE} not exactly once`);
const built = source.replace(PLACE, () => JSON.stringify(pages));

// The warm-up's made-up cards must each read as a person's invitation, or they warm up little of
// the core: run as the browser would, off the invitations page (so nothing loads).
const context = vm.createContext({ location: { pathname: '/feed/' }, chrome: {}, WebAssembly, Uint8Array });
vm.runInContext(`${built}\n;globalThis.WARM_UP = vettedCore.WARM_UP;`, context);
const results = glue.classify(new TextEncoder().encode(context.WARM_UP));
const kinds = results.map((result) => result.kind);
if (kinds.length !== 3 || kinds.some((kind) => kind !== 'person')) {
  throw new Error(`extension/preload.js: WARM_UP's cards read as ${kinds.join(', ')}, not three persons`);
}
writeFileSync(out, built);
