// Writes one browser's manifest from the one source, extension/manifest.json.
// Usage: node extension/tools/manifest.mjs chrome|firefox VERSION OUT_FILE
// Each browser gets only the keys it reads, so neither warns about the other's.
import { readFileSync, writeFileSync } from 'node:fs';

const [browser, version, out] = process.argv.slice(2);
const source = new URL('../manifest.json', import.meta.url);
const manifest = JSON.parse(readFileSync(source, 'utf8'));
manifest.version = version;

if (browser === 'chrome') {
  delete manifest.background.scripts;
  delete manifest.browser_specific_settings;
} else if (browser === 'firefox') {
  delete manifest.background.service_worker;
} else {
  throw new Error(`unknown browser "${browser}": expected chrome or firefox`);
}
writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
