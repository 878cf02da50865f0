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

  // The core's first call costs the most: V8 compiles each wasm function the first time it runs,
  // with its baseline compiler, and optimizes those that run long (dynamic tiering). A first
  // batch of 1,000 cards took 161 to 195 ms, the next ones 41 ms; after five calls on a few cards,
  // 59 to 79 ms (node tests/tools/core-speed.mjs). So once compiled, while the page still loads,
  // the core is started and called on made-up cards, one of each kind the page readers know
  // (8 ms): content.js finds the same instance warm, and its first screen's call took 1.3 ms
  // instead of 6.9 (./build.sh bench --profile gen2026,1000,content --logs 1). Not in idle
  // time: a loading page has none before content.js starts. extension/tools/preload.mjs checks
  // at build time that the core reads each card as a person's invitation.
  const WARM_UP = [
    '<div role="listitem" componentkey="urn:li:invitation:1"><div><div><a href="https://www.linkedin.com/in/ana-perez-1/" aria-label="Ana Perez"><img alt="Ana Perez"></a></div><div><p><a href="https://www.linkedin.com/in/ana-perez-1/">Ana Perez</a></p><p>Ana Perez is inviting you to connect</p><p>Technical Recruiter at Example Staffing | Hiring</p><p>12 mutual connections</p></div><div><button aria-label="Ignore Ana Perez’s invitation">Ignore</button><button aria-label="Accept Ana Perez’s invitation">Accept</button></div><p data-testid="expandable-text-box">Hi, I have an exciting opportunity for you. Are you open to a quick call?</p></div></div>',
    '<div data-view-name="pending-invitation"><a href="https://www.linkedin.com/in/li-wei-2/"><p>Li Wei</p></a><p>Software engineer, compilers</p><p>3 days ago</p><button data-view-name="invitation-action" aria-label="Ignore an invitation to connect from Li Wei">Ignore</button><button data-view-name="invitation-action" aria-label="Accept an invitation to connect from Li Wei">Accept</button><p>We met at the Rust meetup in Lyon, it was great talking about borrow checking.</p></div>',
    '<li class="invitation-card artdeco-list__item"><div class="invitation-card__container"><a class="invitation-card__link" href="/in/jo-smith-3/"><span class="invitation-card__title">Jo Smith</span><span class="invitation-card__subtitle">LION | Open networker | 30K+</span></a><div class="invitation-card__action-container"><button aria-label="Ignore an invitation to connect from Jo Smith">Ignore</button><button aria-label="Accept an invitation to connect from Jo Smith">Accept</button></div></div></li>',
  ].join('\u001d');
  const WARM_CALLS = 5;

  /** Once the core is compiled, the core started and called on WARM_UP, in a task of its own.
   *  Any failure is left for content.js to meet and report. */
  function warmUp({ compiled, glue }) {
    Promise.all([compiled, glue])
      .then(([module, glue]) => glue.default({ module_or_path: module }).then(() => glue))
      .then((glue) => setTimeout(() => {
        const batch = new TextEncoder().encode(WARM_UP);
        for (let i = 0; i < WARM_CALLS; i++) glue.classify(batch);
      }))
      .catch(() => {});
  }

  let early = INVITATIONS_PAGE.test(location.pathname) ? load() : null;
  if (early?.compiled) warmUp(early);

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
    WARM_UP,
    /** The load begun at document_start, once; else (the page was reached in-app) a new one. */
    take() {
      const loads = early ?? load();
      early = null;
      return loads;
    },
  };
})();
