// Review-ready manifests (docs/ARCHITECTURE.md, Safety): the built dist/chrome and dist/firefox ask for nothing more
// than they need, expose nothing to other sites or extensions, and carry what each store requires.
// No browser: this reads the files `./build.sh build` wrote.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './pages.mjs';

const HOST = 'https://www.linkedin.com/*';
const read = (browser) => JSON.parse(readFileSync(join(ROOT, 'dist', browser, 'manifest.json'), 'utf8'));

for (const browser of ['chrome', 'firefox']) {
  describe(`dist/${browser}/manifest.json`, () => {
    const manifest = read(browser);

    test('is Manifest V3 with the crate version', () => {
      assert.equal(manifest.manifest_version, 3);
      const version = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
      assert.equal(manifest.version, version);
    });

    test('asks for exactly the storage permission and LinkedIn, nothing optional', () => {
      assert.deepEqual(manifest.permissions, ['storage']);
      assert.deepEqual(manifest.host_permissions, [HOST]);
      assert.equal(manifest.optional_permissions, undefined);
      assert.equal(manifest.optional_host_permissions, undefined);
      for (const script of manifest.content_scripts) assert.deepEqual(script.matches, [HOST]);
    });

    test('is reachable by no other site or extension', () => {
      assert.equal(manifest.externally_connectable, undefined);
      assert.ok(manifest.web_accessible_resources.length > 0, 'the content script needs its core web-accessible');
      for (const entry of manifest.web_accessible_resources) {
        assert.equal(entry.use_dynamic_url, true, `${JSON.stringify(entry.resources)} without use_dynamic_url`);
        assert.deepEqual(entry.matches, [HOST]);
        assert.equal(entry.extension_ids, undefined);
      }
    });

    test("its pages' CSP allows wasm and nothing remote", () => {
      const csp = manifest.content_security_policy.extension_pages;
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|'unsafe-inline'/);
    });
  });
}

test('Firefox: gecko id, no data collected, a minimum version', () => {
  const gecko = read('firefox').browser_specific_settings?.gecko;
  assert.ok(gecko, 'no browser_specific_settings.gecko');
  assert.match(gecko.id ?? '', /^[^@\s]+@[^@\s]+$/);
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
  assert.match(gecko.strict_min_version ?? '', /^\d+(\.\d+)*$/);
  // data_collection_permissions is read from Firefox 140 (desktop) on.
  assert.ok(parseInt(gecko.strict_min_version, 10) >= 140, gecko.strict_min_version);
  assert.deepEqual(read('firefox').background.scripts, ['background.js']);
});

test('Chrome: no browser_specific_settings, a module service worker', () => {
  const manifest = read('chrome');
  assert.equal(manifest.browser_specific_settings, undefined);
  assert.deepEqual(manifest.background, { service_worker: 'background.js', type: 'module' });
});
