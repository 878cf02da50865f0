// Writes one browser's manifest from the one source, extension/manifest.json, and its content
// script: the modules of extension/content/, joined in the order the manifest lists them into
// one content.js (one file packs and loads smaller than thirteen), which the manifest then names.
// Usage: node extension/tools/manifest.mjs chrome|firefox VERSION OUT_DIR
// Each browser gets only the keys it reads, so neither warns about the other's.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** A module with Vetted's replies of every language written in where it asks for them. */
function withReplies(source) {
  const PLACE = '/* VETTED_REPLY_TEMPLATES */ {}';
  if (!source.includes(PLACE)) return source;
  const locales = new URL('../_locales/', import.meta.url);
  const templates = {};
  for (const lang of readdirSync(locales)) {
    const messages = JSON.parse(readFileSync(new URL(`${lang}/messages.json`, locales), 'utf8'));
    templates[lang] = Object.fromEntries(
      Object.entries(messages).filter(([key]) => key.startsWith('reply_')).map(([key, { message }]) => [key, message]),
    );
  }
  return source.replace(PLACE, () => JSON.stringify(templates));
}

const listed = manifest.content_scripts.flatMap((script) => script.js.filter((file) => file.startsWith('content/')));
const present = readdirSync(new URL('../content', import.meta.url)).map((file) => `content/${file}`);
const missing = present.filter((file) => !listed.includes(file));
if (missing.length) throw new Error(`extension/manifest.json lists no ${missing.join(', ')}`);
for (const script of manifest.content_scripts) {
  const modules = script.js.filter((file) => file.startsWith('content/'));
  if (!modules.length) continue;
  if (modules.length !== script.js.length) throw new Error('a content script mixes modules of content/ and other files');
  const parts = modules.map((file) => `// ---- extension/${file}\n${withReplies(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))}`);
  writeFileSync(join(out, 'content.js'), parts.join('\n'));
  script.js = ['content.js'];
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
