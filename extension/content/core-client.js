// The core, in place (the content script compiles the wasm) or in the background (where this
// page's CSP forbids wasm here: docs/ARCHITECTURE.md, Why it is built this way). Both answer the
// same calls: `profile`, `configure(settings)`, `classify(batch)`, `memory()`.
vetted.coreClient = (() => {
  'use strict';

  const { api } = vetted;
  let loading = null; // loadCore's promise, once begun
  let changedWhileLoading = null; // { settings }: the newest stored while there was no core yet

  // On the invitations page the core and the settings started loading at document_start
  // (preload.js); elsewhere, all of it starts on the first visit there.
  let loads = vetted.onInvitationsPage() ? startLoading() : null;

  /** Starts all that the core needs at once: the settings, and the glue and the wasm, or, where
   *  this page's CSP forbids wasm here, the background's profile. */
  function startLoading() {
    const { stored, refused, profile, compiled, glue } = vettedCore.take();
    if (refused) {
      const remote = inBackground(profile);
      remote.profile.catch(() => {}); // awaited by loadCore
      return { stored, refused, remote };
    }
    return { stored, compiled, glue };
  }

  async function loadCore() {
    const { stored, refused, remote, compiled, glue: glueLoading } = loads ?? startLoading();
    loads = null;
    // While those load: the badges' models, and the messages they show.
    for (const verdict of ['accept', 'consider', 'refuse']) {
      for (const note of ['present', 'missing', 'no-reason']) vetted.badge.badgeFor(verdict, note);
    }
    let loaded = remote;
    if (refused) console.debug(`Vetted: the core runs in the background (${refused.name} here).`);
    else {
      try {
        const module = await compiled;
        const glue = await glueLoading;
        const wasm = await glue.default({ module_or_path: module });
        console.debug(`Vetted: the core runs in the content script (compiled ${(performance.now() - vetted.started).toFixed(1)} ms after the start).`);
        loaded = inPlace(glue, wasm);
      } catch (error) {
        console.debug(`Vetted: the core runs in the background (${error && error.name} here).`);
        loaded = inBackground();
      }
    }
    // The settings go to the core at once, but the first batch waits only for the profile: in
    // place they apply before the call returns, and in the background every batch carries them
    // too. Their problems are counted for the popup when the answer comes.
    const { settings } = await stored;
    loaded.configure(settings).then(reportProblems, (error) => console.warn('Vetted:', error));
    loaded.profile = await loaded.profile;
    console.debug(`Vetted: the core is ready, ${(performance.now() - vetted.started).toFixed(1)} ms after the content script started.`);
    return loaded;
  }

  function inPlace(glue, wasm) {
    const utf8 = new TextEncoder();
    let buffer = new Uint8Array(0);
    /** The batch as UTF-8, written into a buffer kept from call to call: a new array for every
     *  batch (TextEncoder's encode) took 9.7 ms per 1,000 cards, this 4.2
     *  (node tests/tools/core-speed.mjs, and with --into 1). */
    const encode = (batch) => {
      let done = utf8.encodeInto(batch, buffer);
      for (const grown of [Math.ceil(batch.length * 1.2) + 16, batch.length * 3]) {
        if (done.read === batch.length) break;
        buffer = new Uint8Array(grown);
        done = utf8.encodeInto(batch, buffer);
      }
      return buffer.subarray(0, done.written);
    };
    return {
      memory: () => wasm.memory.buffer.byteLength,
      profile: glue.profile(),
      configure: async (settings) => glue.configure(settings),
      classify: async (batch) => glue.classify(encode(batch)), // see classify in src/boundary/bindings.rs
    };
  }

  // A background the browser stopped is started again by the next message, but a message sent
  // while it is down and the last extension page closes fails ("Receiving end does not exist"),
  // or, while it stops or starts, may come back with no reply at all: sent again, it wakes the
  // background. Faults inside the core come back as replies, not here.
  async function send(message, tries = 3) {
    try {
      const reply = await api.runtime.sendMessage(message);
      if (reply === undefined) throw new Error('no answer');
      return reply;
    } catch (error) {
      if (tries <= 1) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return send(message, tries - 1);
    }
  }

  /** The core in the background; `asked`, the reply to preload.js's request for its profile,
   *  if it made one. */
  function inBackground(asked = null) {
    let settings;
    let stamp = 0;
    let memory = 0; // the background's wasm memory, as its last reply said
    const answer = (reply) => {
      if (!reply || 'error' in reply) throw new Error(reply ? reply.error : 'no answer');
      memory = reply.memory ?? memory;
      return reply.value;
    };
    const ask = async (message) => answer(await send(message));
    const askProfile = () => ask({ type: 'vetted:profile' });
    return {
      remote: true,
      memory: () => memory,
      // A promise, settled by loadCore.
      profile: asked ? asked.then(answer).catch(askProfile) : askProfile(),
      configure: async (next) => {
        settings = next;
        stamp = `${Date.now()}-${Math.random()}`;
        return ask({ type: 'vetted:configure', settings, stamp });
      },
      // Settings travel with each batch: a background that was stopped and restarted has lost them.
      classify: (batch) => ask({ type: 'vetted:classify', batch, settings, stamp }),
    };
  }

  /** The core counts the stored settings' problems; the popup says what they are. */
  function reportProblems(count) {
    if (count) console.warn(`Vetted: the stored settings have ${count} problem(s), which the popup lists; the rest of them apply.`);
  }

  /** Starts loading the core, if not begun yet; the promise of it loaded. */
  function load() {
    loading ??= loadCore();
    return loading;
  }

  /** The core, loaded; it becomes `vetted.core`. Settings changed while it loaded with those
   *  read before apply now, before the first batch. */
  async function ready() {
    if (vetted.core) return vetted.core;
    const core = await load();
    if (vetted.core) return vetted.core;
    vetted.core = core;
    if (changedWhileLoading) {
      const { settings } = changedWhileLoading;
      changedWhileLoading = null;
      reportProblems(await core.configure(settings));
    }
    return core;
  }

  /** Settings stored while there is no core yet: the newest apply once it is ready. */
  function changedEarly(settings) {
    changedWhileLoading = { settings };
  }

  return { load, ready, changedEarly, reportProblems };
})();
