// Vetted's first content script, at document_start, in the same JS world as content.js (the
// modules of extension/content/, which run once the page is loaded, at document_idle). On the invitations page it starts fetching
// and compiling the core while LinkedIn's page is still loading, so that content.js finds the
// core compiled: the first badges come some 40 ms sooner (./build.sh bench). It also starts
// reading the stored settings, and where the core must run in the background, asks it for its
// profile: content.js finds both answered. It reads nothing of the page and loads only
// Vetted's own files and settings; content.js watches the settings from then on.
/* exported vettedCore */
var vettedCore = (() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  // The pages that show invitations, as the core says (`pages` in its profile: Profile in
  // src/page/mod.rs). This runs before the core is loaded: build.sh writes the core's pattern
  // here, into dist's copy of this file (extension/tools/preload.mjs).
  const INVITATIONS_PAGE = new RegExp('VETTED_PAGES');
  const EMPTY_MODULE = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]); // see wasmRefusal

  // Chromium refuses wasm in a content script where the page's own CSP forbids it (docs/ARCHITECTURE.md, Why it is built this way).
  // An empty module, compiled on the spot, tells in a fraction of a millisecond, before the
  // wasm is fetched (the refusal of the real one came only once it had arrived).
  function wasmRefusal() {
    try {
      new WebAssembly.Module(EMPTY_MODULE);
      return null;
    } catch (error) {
      return error;
    }
  }

  /** The stored settings, and the glue and the wasm (compiled as it arrives), or why wasm
   *  cannot run here and the background's answer for its profile. All are awaited by content.js. */
  function load() {
    const stored = api.storage.local.get('settings');
    stored.catch(() => {});
    const refused = wasmRefusal();
    if (refused) {
      const profile = api.runtime.sendMessage({ type: 'vetted:profile' });
      profile.catch(() => {}); // content.js asks again
      return { stored, refused, profile };
    }
    const wasmUrl = chrome.runtime.getURL('core/vetted_bg.wasm');
    const compiled = typeof WebAssembly.compileStreaming === 'function'
      ? WebAssembly.compileStreaming(fetch(wasmUrl))
      : Promise.resolve(wasmUrl);
    compiled.catch(() => {}); // awaited by content.js; a refusal there means the background path
    // chrome.runtime.getURL, written out: web-ext lint accepts an import() of nothing else.
    const glue = import(chrome.runtime.getURL('core/vetted.js'));
    glue.catch(() => {});
    return { stored, compiled, glue };
  }

  let early = INVITATIONS_PAGE.test(location.pathname) ? load() : null;

  // Settings changed before content.js takes them (it watches them from then on) replace those
  // read: the popup may be open while the page loads.
  if (early) {
    api.storage.onChanged.addListener(function fresh(changes, area) {
      if (!early) api.storage.onChanged.removeListener(fresh);
      else if (area === 'local' && 'settings' in changes) early.stored = Promise.resolve({ settings: changes.settings.newValue });
    });
  }

  return {
    INVITATIONS_PAGE,
    /** The load begun at document_start, once; else (the page was reached in-app) a new one. */
    take() {
      const loads = early ?? load();
      early = null;
      return loads;
    },
  };
})();
