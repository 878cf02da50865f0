// Vetted's content script: watches LinkedIn's pages, hands the HTML of invitation cards to the
// core, and draws the badges the core returns. It knows nothing of LinkedIn's markup: the core's
// profile says where cards may be (see Profile in src/page/mod.rs), and the core reads them (see
// src/page/snapshot.rs).
// It advises only: it never clicks, never sends anything anywhere.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  // For `./build.sh bench`: each batch logs, at debug level, how long after this start it drew.
  const started = performance.now();
  const { INVITATIONS_PAGE } = vettedCore; // see preload.js
  // Page text is written by strangers: it must not be able to split a card in two (see snapshot).
  const CARD_SEP = '\u001d';
  // Vetted's own badges as the browser writes them (see createHost and fillBadge: the verdict is
  // set first; the shadow root is not written). They are left out of what the core reads, and of
  // the digest that tells whether a card changed.
  const OWN_BADGES = /<span data-vetted-verdict="[^"]*" data-vetted-note="[^"]*" data-vetted-rules="[^"]*"><\/span>/g;

  // A whole page is judged in slices (see judgeInSlices): the first FIRST_SLICE cards alone, so
  // that the first badges show at once, then slices of about SLICE_MS. A 900-pixel window
  // shows three or four cards of the demo pages; each card of the first slice costs the first
  // badge 2 to 3 ms (cold code, ./build.sh bench). Between slices the page lays itself out
  // again, about as long as a whole layout of it (150 to 300 ms on 1,000 cards): fewer, longer
  // slices cost less in all. 400 ms takes the rest of a 1,000-card page in one slice, and keeps
  // a 10,000-card page's slices far apart enough for the page to answer between them.
  const FIRST_SLICE = 6;
  const SLICE_MS = 400;

  let core = null; // loaded on the first visit to the invitations page
  let coreLoading = null;
  let changedWhileLoading = null; // { settings }: the newest stored while there was no core yet
  let active = false; // on the invitations page, as of the last batch
  let fullScan = true; // the next batch reads every card on the page
  let generation = 0; // bumped when settings change, so that every card is judged again
  let scheduled = false;
  let queue = Promise.resolve();
  let canaryWarned = false;
  let cardsRead = 0; // person and other invitations read on this visit
  const pending = new Set();
  const cards = new WeakMap(); // card element -> { seen (its snapshot's digest), generation, host }
  const hosts = new WeakSet(); // Vetted's own badges, left out of snapshots

  // ---- the core, in place or in the background -------------------------------------------

  // On the invitations page the core and the settings started loading at document_start
  // (preload.js); elsewhere, all of it starts on the first visit there.
  let loads = INVITATIONS_PAGE.test(location.pathname) ? startLoading() : null;

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
      for (const note of ['present', 'missing']) badgeFor(verdict, note);
    }
    let loaded = remote;
    if (refused) console.debug(`Vetted: the core runs in the background (${refused.name} here).`);
    else {
      try {
        const module = await compiled;
        const glue = await glueLoading;
        const wasm = await glue.default({ module_or_path: module });
        console.debug(`Vetted: the core runs in the content script (compiled ${(performance.now() - started).toFixed(1)} ms after the start).`);
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
    console.debug(`Vetted: the core is ready, ${(performance.now() - started).toFixed(1)} ms after the content script started.`);
    return loaded;
  }

  function inPlace(glue, wasm) {
    const utf8 = new TextEncoder();
    return {
      memory: () => wasm.memory.buffer.byteLength,
      profile: glue.profile(),
      configure: async (settings) => glue.configure(settings),
      classify: async (batch) => glue.classify(utf8.encode(batch)), // see classify in src/boundary.rs
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

  // ---- watching the page ------------------------------------------------------------------

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      queue = queue.then(flush).catch((error) => console.warn('Vetted:', error));
    };
    // Animation frames pause in hidden tabs; a timer keeps a hidden tab's badges current.
    if (document.hidden) setTimeout(run, 100);
    else requestAnimationFrame(run);
  }

  function isOwn(node) {
    return hosts.has(node);
  }

  function onMutations(records) {
    for (const record of records) {
      if (record.attributeName === 'class') followTheme(); // <html>'s class: LinkedIn's theme
      else if (record.type === 'attributes') summarizeLater(); // a column of cards shown or hidden
      else if (core && active) collect(record);
    }
    schedule();
  }

  function collect(record) {
    const added = [...record.addedNodes];
    if (record.type === 'childList' && [...added, ...record.removedNodes].every(isOwn)) return;
    if (record.removedNodes.length) recount = true;
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const card = target && (target.closest(core.profile.cards) ?? knownCardAround(target));
    if (card) pending.add(card);
    for (const node of added) {
      if (node.nodeType !== 1 || isOwn(node)) continue;
      for (const found of candidates(node)) pending.add(found);
    }
  }

  // ---- finding cards ------------------------------------------------------------------------

  // A card is what holds an invitation's controls, Ignore and Accept, and its sender. Cards are
  // found two ways, both from the core's profile: by the known generations' signatures (fast),
  // and from every control whose label or text says Ignore or Accept, climbing to the element
  // that holds it and no other invitation's (any markup, even one no one has seen). The core
  // then reads each candidate, and says which are cards.
  let says = null; // { ignore, accept }: the profile's patterns, compiled once

  /** Whether a control says Ignore or Accept: 'ignore', 'accept' or null. */
  function actionOf(control) {
    says ??= { ignore: new RegExp(core.profile.ignore, 'iu'), accept: new RegExp(core.profile.accept, 'iu') };
    const label = control.getAttribute('aria-label');
    for (const text of label ? [label, control.textContent] : [control.textContent]) {
      if (says.ignore.test(text)) return 'ignore';
      if (says.accept.test(text)) return 'accept';
    }
    return null;
  }

  /** The candidate cards in `root` (itself included), in document order. */
  function candidates(root) {
    const found = new Set();
    if (root.matches(core.profile.cards)) found.add(root);
    for (const card of root.querySelectorAll(core.profile.cards)) found.add(card);
    const controls = root.matches(core.profile.controls) ? [root] : [];
    for (const control of [...controls, ...root.querySelectorAll(core.profile.controls)]) {
      const action = actionOf(control);
      if (action) found.add(cardAround(control, action));
    }
    return found;
  }

  /** The card around a control: the known card holding it, else the largest element holding it
   *  and no other invitation's controls, never a region (a section, main), and no larger than
   *  the first list item that holds the sender too. */
  function cardAround(control, action) {
    const known = control.closest(core.profile.cards);
    if (known) return known;
    const held = new Set([action]);
    let card = control;
    for (;;) {
      const parent = card.parentElement;
      if (!parent || parent.matches(core.profile.regions) || holdsAnother(parent, card, held)) return card;
      card = parent;
      if (card.matches(core.profile.items) && card.querySelector('a[href]:not([aria-hidden="true"])')) return card;
    }
  }

  /** Whether `parent`, beside `child`, holds a control of a kind already `held`: another
   *  invitation's. The kinds found are added to `held`. */
  function holdsAnother(parent, child, held) {
    for (const sibling of parent.children) {
      if (sibling === child || isOwn(sibling)) continue;
      const inner = sibling.querySelectorAll(core.profile.controls);
      for (const control of sibling.matches(core.profile.controls) ? [sibling, ...inner] : inner) {
        const action = actionOf(control);
        if (!action) continue;
        if (held.has(action)) return true;
        held.add(action);
      }
    }
    return false;
  }

  /** The card Vetted read around `node`, if any. */
  function knownCardAround(node) {
    for (let at = node; at; at = at.parentElement) if (cards.has(at)) return at;
    return null;
  }

  async function flush() {
    if (!INVITATIONS_PAGE.test(location.pathname)) {
      active = false;
      if (shown.size || summary) forgetGone();
      return;
    }
    if (!active) {
      active = true;
      fullScan = true;
      canaryWarned = false;
      cardsRead = 0;
    }
    if (!core) {
      coreLoading ??= loadCore();
      core = await coreLoading;
      // Settings changed while the core loaded with those read before: the newest apply now,
      // before the first batch.
      if (changedWhileLoading) {
        const { settings } = changedWhileLoading;
        changedWhileLoading = null;
        reportProblems(await core.configure(settings));
      }
    }
    const scan = fullScan;
    // Without LinkedIn's mark, the page's background tells the theme. It is read once a visit
    // (and on a change of <html>'s class or of the system's setting), not at every batch:
    // reading it makes the browser work out the page's styles there and then.
    if (scan) followTheme();
    if (fullScan) {
      fullScan = false;
      pending.clear(); // the whole page is read below
    }
    // A whole page (a visit's first batch, or every card again after a settings change) goes in
    // slices; the few cards LinkedIn adds later go in one batch.
    if (scan) {
      await judgeInSlices();
    } else {
      const batch = [...pending];
      pending.clear();
      await judge(batch);
    }
    summarizeLater();
    checkCanary();
    explainLater();
  }

  /**
   * A whole page, in document order: on a fresh page the first cards are the ones in view. They
   * go first, on their own, found without matching the whole page against the profile (that
   * took a 1,000-card page 5 to 10 ms), and show in the next frame; the rest follow in slices,
   * one frame apart, each long enough that rendering between them (which on a long page may lay
   * out the whole page again) adds at most a quarter to the work, and at least SLICE_MS long.
   */
  async function judgeInSlices() {
    const first = firstCards();
    let begun = performance.now();
    await judge(first, { inParts: true });
    // The first slice runs cold (the wasm compiles as it goes, the JIT has not warmed up):
    // it costs about five times as much per card as the next ones (./build.sh bench).
    let perCard = Math.max(0.005, (performance.now() - begun) / Math.max(1, first.length) / 5);
    let batch = null;
    let at = 0;
    for (;;) {
      const frameCost = await nextFrame(); // the slice before is on screen
      if (!batch) {
        const done = new Set(first);
        batch = [...candidates(document.body ?? document.documentElement)].filter((card) => !done.has(card));
      }
      if (at >= batch.length) return;
      let size = Math.floor(Math.max(SLICE_MS, 4 * frameCost) / perCard);
      if (batch.length - at <= 1.5 * size) size = batch.length - at; // no short tail
      size = Math.max(FIRST_SLICE, size);
      begun = performance.now();
      const slice = batch.slice(at, at + size);
      await judge(slice, { inParts: true });
      perCard = Math.max(0.005, (performance.now() - begun) / slice.length);
      at += slice.length;
    }
  }

  /** The page's first FIRST_SLICE cards of a known generation: its first card, and the cards
   *  among the siblings that follow it (a list's items). The whole page's search, after them,
   *  finds any others, of any markup. */
  function firstCards() {
    const first = [];
    for (let card = document.querySelector(core.profile.cards); card && first.length < FIRST_SLICE; card = card.nextElementSibling) {
      if (card.matches(core.profile.cards)) first.push(card);
    }
    return first;
  }

  /** Resolves right after the next frame is rendered (or soon, in a hidden tab), with what
   *  rendering that frame cost the main thread, in ms. */
  function nextFrame() {
    return new Promise((resolve) => {
      if (document.hidden) {
        setTimeout(() => resolve(0), 0);
        return;
      }
      requestAnimationFrame(() => {
        const frame = performance.now();
        setTimeout(() => resolve(performance.now() - frame), 0);
      });
    });
  }

  // ---- one batch: snapshot, one call into the core, draw ------------------------------------

  // A fault in the core (a Rust panic traps the wasm; its instance stays usable, as the fault
  // tests check) costs the cards that cause it their badge, never the others: a batch that fails
  // is judged again card by card, and a card that fails alone is left without a badge (docs/ARCHITECTURE.md, Safety).
  async function classifyApart(keys) {
    try {
      return await core.classify(keys.join(CARD_SEP));
    } catch (error) {
      const alone = (key) => core.classify(key).then((results) => results[0], () => null);
      const results = keys.length > 1 ? await Promise.all(keys.map(alone)) : [null];
      const failed = results.filter((result) => result === null).length;
      console.warn(`Vetted: ${failed} of ${keys.length} cards could not be judged and have no badge (${error}).`);
      return results;
    }
  }

  // A whole page's slice goes to the core in parts of this many cards. The wasm memory grows to
  // the largest batch it was given and never shrinks (one call with 10,000 cards leaves the page
  // 110 MB of it); and in the background the core judges a part while this page reads the next.
  const PART = 100;

  async function judge(elements, { inParts = false } = {}) {
    const begun = performance.now();
    const items = [];
    const asked = []; // in the background: each part's results, still on their way
    let part = 0; // where the part not yet sent starts
    let sending = 0; // ms spent handing parts to the core, and in place judging them
    let drawing = 0;
    // In place, each part is drawn as soon as it is judged (still within this task, so that the
    // page lays itself out once for the whole slice).
    const drawPart = (sent, results) => {
      const from = performance.now();
      sent.forEach((item, i) => draw(item, results[i]));
      drawing += performance.now() - from;
    };
    const send = async () => {
      const from = performance.now();
      const sent = items.slice(part);
      part = items.length;
      const results = classifyApart(sent.map((item) => item.key));
      for (const item of sent) item.key = null; // read, sent: not kept while the rest is read
      if (core.remote) {
        asked.push(results);
        sending += performance.now() - from;
        return;
      }
      const judged = await results;
      sending += performance.now() - from;
      drawPart(sent, judged);
    };
    for (const card of elements) {
      if (!card.isConnected) continue;
      const key = snapshot(card);
      const seen = digest(key);
      const known = cards.get(card);
      const current = known && known.seen === seen && known.generation === generation;
      if (current && (!known.host || known.host.isConnected)) continue;
      items.push({ card, key, seen });
      if (inParts && items.length - part >= PART) await send();
    }
    if (!items.length) return;
    const read = performance.now() - sending - drawing;
    if (items.length > part) await send();
    if (core.remote) {
      const from = performance.now();
      const results = (await Promise.all(asked)).flat();
      sending += performance.now() - from;
      // All at once, so that the page lays itself out once for the whole slice.
      drawPart(items, results);
    }
    const ms = (x) => x.toFixed(1);
    console.debug(`Vetted: ${items.length} cards judged, ${ms(performance.now() - started)} ms after the content ` +
      `script started (at ${ms(started)} ms; snapshot ${ms(read - begun)}, core ${ms(sending)}, ` +
      `draw ${ms(drawing)} ms); wasm memory ${core.memory()} bytes.`);
  }

  /** What a card's HTML is compared by: 64 bits and a length, not the text itself (the HTML of
   *  10,000 cards weighs some 20 MB). */
  function digest(text) {
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return `${text.length}:${a >>> 0}:${b >>> 0}`;
  }

  /** What the core reads of a card: its HTML, one call. (Walking its nodes here cost three
   *  times as much: each node touched gets a wrapper of this script's JS world.) The HTML is only
   *  read, as data for the core: nothing here ever writes HTML into the page, and badges are
   *  built node by node, page text in them as text. */
  function snapshot(card) {
    return card.outerHTML.replaceAll(CARD_SEP, ' ').replace(OWN_BADGES, '');
  }

  /** The element at the end of the core's path from the card ("2 0 1"; "" for the card): at
   *  each step the place among the element children, not counting Vetted's own badges, which
   *  the core did not read. Should LinkedIn change the card while the core judged it, the path
   *  may lead elsewhere or nowhere for one frame: the change brings the card back to the core. */
  function elementAt(card, path) {
    let node = card;
    for (const step of path ? path.split(' ') : []) {
      let place = Number(step);
      node = node.firstElementChild;
      while (node && (isOwn(node) || place-- > 0)) node = node.nextElementSibling;
      if (!node) return null;
    }
    return node;
  }

  function draw({ card, seen }, result) {
    const known = cards.get(card);
    let host = known ? known.host : null;
    const anchor = result && result.kind === 'person' ? elementAt(card, result.anchor) : null;
    if (result && (result.kind === 'person' || result.kind === 'other')) cardsRead += 1;
    if (!anchor) {
      // Not a person's invitation, or not readable: no badge, and none left behind.
      if (host) removeBadge(host);
      if (result && result.kind === 'unreadable') console.warn(`Vetted: a card was not readable: ${result.why}`);
      cards.set(card, { seen, generation, host: null });
      return;
    }
    host ??= createHost();
    fillBadge(host, card, result);
    if (host.parentNode !== anchor) anchor.append(host);
    tallyIn(host, result);
    cards.set(card, { seen, generation, host });
  }

  // ---- the badge (docs/ARCHITECTURE.md, From a card to its badge) ------------------------------

  // The same few messages make every badge: each is looked up once.
  const messages = new Map();
  const t = (key, ...values) => {
    const id = values.length ? `${key}\u001f${values.join('\u001f')}` : key;
    let text = messages.get(id);
    if (text === undefined) {
      if (messages.size > 500) messages.clear();
      text = api.i18n.getMessage(key, values.map(String)) || key;
      messages.set(id, text);
    }
    return text;
  };

  const STYLE = `
    :host { all: initial; display: inline-block; margin-inline-start: 8px;
      vertical-align: middle; font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    /* Positioned only while the explanation can show: a thousand positioned badges, or flex
       boxes, cost LinkedIn's page a slower frame (./build.sh bench). A badge is inline, kept on
       one line: inline-block hosts cost the page's layout a third more on 1,000 cards. */
    :host([data-vetted-verdict]) { display: inline; white-space: nowrap; }
    :host(:hover), :host(:focus-within) { position: relative; }
    .badge { display: inline; cursor: help; outline: none; }
    .badge:focus-visible { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #0a66c2; }
    .verdict { padding: 1px 8px; border-radius: 10px; color: #fff; }
    .accept { background: #0b7a3b; } .consider { background: #9a5b00; } .refuse { background: #c0262d; }
    .nonote { cursor: help; margin-inline-start: 4px; padding: 0 6px; border-radius: 10px; border: 1px solid #9a5b00; color: #7a4800; background: #fff8e6; font-weight: 500; }
    .why { display: none; position: absolute; z-index: 2147483647; inset-block-start: calc(100% + 6px);
      inset-inline-start: 0; width: max-content; max-width: 360px; padding: 10px 12px; border-radius: 8px;
      background: #1d2226; color: #f3f2ef; font-weight: 400; box-shadow: 0 4px 16px rgba(0,0,0,.3); white-space: normal; }
    .badge:hover ~ .why, .nonote:hover ~ .why, .why:hover, :host(:focus-within) .why { display: block; }
    .why.dismissed { display: none !important; }
    .why p { margin: 0 0 6px; } .why b { font-weight: 600; } .why q { font-style: italic; color: #c7c7c7; }
    .actions { display: flex; gap: 6px; margin-top: 8px; }
    button { font: inherit; font-weight: 600; padding: 3px 10px; border-radius: 12px; cursor: pointer;
      border: 1px solid #9ec3ec; background: transparent; color: #cfe3fa; }
    button:hover { background: #2b3a4a; } button:focus-visible { outline: 2px solid #9ec3ec; outline-offset: 1px; }
    .done { color: #9fd8b0; align-self: center; }
    .summary { display: block; margin: 8px 0; padding: 8px 12px; border-radius: 8px; font-weight: 500;
      background: #eef3f8; color: #1d2226; }
  `;

  // Added to STYLE in LinkedIn's dark theme (see pageTheme): the popup's dark colours, each pair
  // at least 7:1 (the light ones at least 5.4:1), the chip outlined so that it stands out of a
  // dark card; the explanation turns light.
  const DARK = `
    .verdict { box-shadow: inset 0 0 0 1px currentColor; }
    .accept { background: #173d23; color: #7bd88f; } .consider { background: #43340f; color: #f2c46d; }
    .refuse { background: #4a1d1a; color: #ff9a91; }
    .nonote { background: #3a2a00; color: #ffd27a; border-color: #ffd27a; }
    .badge:focus-visible { box-shadow: inset 0 0 0 1px currentColor, 0 0 0 2px #1d2226, 0 0 0 4px #70b5f9; }
    .why { background: #f3f2ef; color: #1d2226; } .why q { color: #56687a; }
    button { color: #0a66c2; border-color: #0a66c2; } button:hover { background: #e8f0fa; } .done { color: #0b7a3b; }
    .summary { background: #293138; color: #e9e6e1; }
  `;

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children); // strings become text nodes, never markup
    return node;
  }

  function button(label, onClick) {
    const node = element('button', '', label);
    node.type = 'button';
    node.addEventListener('click', (event) => {
      event.stopPropagation(); // LinkedIn's card must not take the click for its own
      onClick(node);
    });
    return node;
  }

  // One stylesheet shared by every badge, parsed once. Constructed, not a <style> element:
  // Firefox holds a content script's inline <style> to the page's CSP, which may forbid it.
  let sheet = null;

  // ---- LinkedIn's theme, which the badges and the summary follow ------------------------------

  // LinkedIn's own setting (Settings > Display > Dark mode), whatever the system's, marks <html>:
  // `theme--dark` (with `theme--mercado-dark`) in dark, `theme--mercado` or `theme--light` in
  // light. Without a mark the page's own background decides, and without one either the system.
  const DARK_MARKS = ['theme--dark', 'theme--mercado-dark'];
  const LIGHT_MARKS = ['theme--light', 'theme--mercado'];
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  let theme = null; // 'light' | 'dark', as the shared stylesheet shows it

  function pageTheme() {
    for (const marks of [document.documentElement.classList, document.body?.classList]) {
      if (!marks) continue;
      if (DARK_MARKS.some((mark) => marks.contains(mark))) return 'dark';
      if (LIGHT_MARKS.some((mark) => marks.contains(mark))) return 'light';
    }
    const list = core && document.querySelector(core.profile.list);
    const luminance = backgroundLuminance(list || document.body);
    if (luminance !== null) return luminance < 0.18 ? 'dark' : 'light';
    return systemDark.matches ? 'dark' : 'light';
  }

  /** The relative luminance (WCAG) of the first opaque background behind `node`, or null. */
  function backgroundLuminance(node) {
    for (let at = node; at; at = at.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(at).backgroundColor.match(/^rgba?\(([^)]*)\)/)?.[1] ?? '')
        .split(/[\s,/]+/).map(Number);
      if (!(a >= 0.5)) continue; // transparent, or a colour not written as rgb()
      const linear = (c) => (c <= 10 ? c / 3295 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }
    return null;
  }

  /** Restyles every badge and the summary at once (one shared sheet) when the theme changed. */
  function followTheme() {
    const next = pageTheme();
    if (next === theme) return;
    theme = next;
    if (sheet) restyle();
  }

  function restyle() {
    sheet.replaceSync(theme === 'dark' ? STYLE + DARK : STYLE);
  }

  function createHost() {
    const host = document.createElement('span');
    hosts.add(host);
    const shadow = host.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      theme ??= pageTheme();
      restyle();
    }
    shadow.adoptedStyleSheets = [sheet];
    return host;
  }

  // A badge is drawn in two steps: the verdict and the note mark at once, the explanation (hidden
  // until hover or focus) in idle time after the batch, or at once when the pointer or the focus
  // reaches the badge first. Hosts whose explanation is still to write:
  const unexplained = new Map(); // badge host -> { card, result }
  let explaining = false;

  // Badges look alike but for their verdict and note mark: each kind is built once, then cloned.
  const models = new Map(); // "verdict/note" -> a badge's nodes, never shown

  /** A badge's nodes: the verdict chip, its one focusable part, and the no-note mark beside it.
   *  Few elements, because the page's next frame pays for each: on 1,000 cards, a chip wrapped
   *  in a box with a hidden explanation cost that frame 40 to 70 ms more (throwaway measurement, 11
   *  runs). The explanation comes later (explain). */
  function badgeFor(verdict, note) {
    const kind = `${verdict}/${note}`;
    let model = models.get(kind);
    if (!model) {
      const word = t(`verdict_${verdict}`);
      const badge = element('span', `badge verdict ${verdict}`, word);
      badge.tabIndex = 0;
      badge.setAttribute('role', 'button');
      badge.setAttribute('aria-label', t('badge_label', word));
      model = document.createDocumentFragment();
      model.append(badge);
      if (note === 'missing') model.append(element('span', 'nonote', t('note_missing')));
      models.set(kind, model);
    }
    return model.cloneNode(true);
  }

  function fillBadge(host, card, result) {
    host.setAttribute('data-vetted-verdict', result.verdict);
    host.setAttribute('data-vetted-note', result.note);
    host.setAttribute('data-vetted-rules', result.rules.join(','));
    host.shadowRoot.replaceChildren(badgeFor(result.verdict, result.note));
    unexplained.delete(host);
    unexplained.set(host, { card, result });
    if (focusAfterFill === card) {
      focusAfterFill = null;
      explain(host);
      host.shadowRoot.querySelector('button')?.focus();
    }
  }

  /** Writes a badge's explanation and its actions, if not done yet: a tooltip after the chip,
   *  shown on hover or focus. */
  function explain(host) {
    const entry = unexplained.get(host);
    if (!entry) return;
    unexplained.delete(host);
    const { card, result } = entry;
    const why = element('span', 'why', ...explanation(result), actions(card, result));
    why.id = 'why';
    why.setAttribute('role', 'tooltip');
    host.shadowRoot.querySelector('.badge').setAttribute('aria-describedby', 'why');
    host.shadowRoot.append(why);
  }

  // Idle time (a timer where there is none), a few milliseconds at a time.
  const idle = globalThis.requestIdleCallback
    ? (run) => requestIdleCallback(run, { timeout: 200 })
    : (run) => setTimeout(() => run({ timeRemaining: () => 8, didTimeout: true }), 0);

  function explainLater() {
    if (explaining || !unexplained.size) return;
    explaining = true;
    idle(function fill(deadline) {
      const until = performance.now() + Math.max(4, Math.min(deadline.timeRemaining(), 12));
      for (const host of unexplained.keys()) {
        if (performance.now() > until) break;
        if (host.isConnected) explain(host);
        else unexplained.delete(host);
      }
      if (unexplained.size) {
        idle(fill);
        return;
      }
      explaining = false;
      const after = (performance.now() - started).toFixed(1);
      console.debug(`Vetted: explanations written, ${after} ms after the content script started.`);
    });
  }

  // The pointer or the focus on a badge whose explanation is not written yet: write it now. One
  // listener each for the whole page (events from a badge reach it retargeted to the host).
  for (const type of ['mouseover', 'focusin']) {
    document.addEventListener(type, (event) => explain(event.target), { capture: true, passive: true });
  }
  // Escape closes the explanation of the badge that has the focus and leaves the focus there;
  // it opens again once the pointer or the focus leaves the badge (a move inside the badge does
  // not reach the page: retargeted, it would go from the host to the host).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !hosts.has(event.target)) return;
    const shadow = event.target.shadowRoot;
    const why = shadow.querySelector('.why');
    if (!why) return;
    why.classList.add('dismissed');
    shadow.querySelector('.badge').focus();
  }, { capture: true, passive: true });
  for (const type of ['mouseout', 'focusout']) {
    document.addEventListener(type, (event) => {
      if (hosts.has(event.target)) event.target.shadowRoot.querySelector('.why')?.classList.remove('dismissed');
    }, { capture: true, passive: true });
  }

  function explanation(result) {
    // In the browser's language, else in English (_locales/en has every message: tests/locales.rs),
    // from messages named after the rule (see src/rules/mod.rs).
    const lines = result.reasons.map((r) => {
      const title = t('rule_label', t(`rule_${r.rule}_title`));
      const essay = t(`rule_${r.rule}_reason`);
      return element('p', '', element('b', '', title), ' ', t(r.key, r.detail), ' ', element('q', '', essay));
    });
    if (result.hint) lines.push(element('p', '', t(`rule_${result.hint.rule}_hint`)));
    const { count, names } = result.mutual;
    if (count > 0) {
      const others = count - names.length;
      const who = names.length ? names.join(', ') + (others > 0 ? ` ${t('and_others', others)}` : '') : t('mutual_count', count);
      lines.push(element('p', '', element('b', '', t('ask_mutual')), ' ', who));
    }
    return lines;
  }

  // ---- the badge's two actions: "I know them" (with undo) and "Copy reply" ----------------------

  const undoable = new WeakMap(); // card -> the settings before "I know them"
  let focusAfterFill = null;

  function actions(card, result) {
    const row = element('span', 'actions');
    if (undoable.has(card)) {
      row.append(button(t('undo'), () => undoKnown(card)));
    } else if (!result.rules.includes('K')) {
      row.append(button(t('know_them'), () => knowThem(card, result)));
    }
    if (result.reply_key) {
      row.append(button(t('copy_reply'), (node) => copyReply(row, node, result)));
    }
    return row;
  }

  async function knowThem(card, result) {
    const previous = (await api.storage.local.get('settings')).settings;
    // By profile link when the card has one (the rules match it by its slug), else by name.
    const entry = result.slug ? `https://www.linkedin.com/in/${result.slug}/` : result.name.trim();
    const next = withKnown(previous, entry);
    undoable.set(card, previous);
    focusAfterFill = card;
    await api.storage.local.set({ settings: next }); // every tab re-badges on the change
  }

  /** The stored settings with `entry` added to the people the user knows: only that list changes.
   *  Stored data that is no settings object gives way to an object holding the list, which the
   *  core reads as the defaults and the entry, as it read the data before (the defaults). */
  function withKnown(stored, entry) {
    const settings = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    const known = Array.isArray(settings.known_people) ? settings.known_people : [];
    return known.includes(entry) ? settings : { ...settings, known_people: [...known, entry] };
  }

  async function undoKnown(card) {
    const previous = undoable.get(card);
    undoable.delete(card);
    focusAfterFill = card;
    if (previous === undefined) await api.storage.local.remove('settings');
    else await api.storage.local.set({ settings: previous });
  }

  // The user's own reply for the deciding rule, else Vetted's in the browser's language.
  async function copyReply(row, node, result) {
    const text = result.reply ?? t(result.reply_key, result.first_name);
    try {
      await navigator.clipboard.writeText(text);
      node.replaceWith(element('span', 'done', t('copied')));
    } catch {
      // No clipboard (an unfocused window, a browser setting): show the text to copy by hand.
      const area = element('textarea', '');
      area.value = text;
      area.readOnly = true;
      area.rows = 4;
      row.after(area);
      area.select();
    }
  }

  function removeBadge(host) {
    tallyOut(host);
    host.remove();
  }

  // ---- the summary line, the popup's counts and the canary ----------------------------------

  const shown = new Map(); // badge host -> { verdict, missing }: what it adds to the counts
  let recount = false; // LinkedIn removed nodes: some badges may have gone with them
  let summary = null;
  let summarizing = false;

  function tallyIn(host, result) {
    shown.set(host, { verdict: result.verdict, missing: result.note === 'missing' });
  }

  function tallyOut(host) {
    shown.delete(host);
  }

  // Away from the invitations page, what LinkedIn removed of it is let go (its badges, the
  // summary line), rather than kept alive until the user comes back (the soak test measures it).
  function forgetGone() {
    for (const host of shown.keys()) if (!host.isConnected) tallyOut(host);
    if (summary && !summary.isConnected) summary = null;
  }

  /** The badges the user can see: the manager's Focused/Other picker and its filters hide whole
   *  columns of cards, which keep their badges. */
  function visibleBadges() {
    const counts = { accept: 0, consider: 0, refuse: 0, missing_note: 0 };
    let first = null;
    for (const [host, entry] of shown) {
      if (!host.isConnected || !(host.checkVisibility?.() ?? host.getClientRects().length > 0)) continue;
      first ??= host;
      counts[entry.verdict] += 1;
      if (entry.missing) counts.missing_note += 1;
    }
    return { counts, first };
  }

  /** The summary, in idle time: by then the page has laid the new badges out, and telling which
   *  are visible costs little. */
  function summarizeLater() {
    if (summarizing) return;
    summarizing = true;
    idle(() => {
      summarizing = false;
      if (core && active) updateSummary();
    });
  }

  function updateSummary() {
    if (recount) {
      recount = false;
      for (const host of shown.keys()) if (!host.isConnected) tallyOut(host);
    }
    const { counts, first } = visibleBadges();
    if (!first) {
      summary?.remove();
      return counts;
    }
    const list = first.closest(core.profile.list) ?? knownCardAround(first);
    if (!list) return counts;
    if (!summary) {
      summary = createHost();
      summary.setAttribute('role', 'status');
      summary.shadowRoot.append(element('span', 'summary'));
    }
    const text = t('summary', counts.accept, counts.consider, counts.refuse, counts.missing_note);
    const line = summary.shadowRoot.querySelector('.summary');
    if (line.textContent !== text) line.textContent = text;
    if (summary.nextElementSibling !== list) list.before(summary);
    return counts;
  }

  /** Ignore controls without a card read: the page is one Vetted cannot read. (Accept alone is
   *  no sign: a cookie banner has one.) */
  function checkCanary() {
    if (cardsRead > 0 || canaryWarned) return;
    const ignore = [...document.querySelectorAll(core.profile.controls)].find((c) => actionOf(c) === 'ignore');
    if (!ignore) return;
    canaryWarned = true;
    console.warn(`Vetted: this page shows invitation controls ("${ignore.getAttribute('aria-label') ?? ignore.textContent.trim()}") ` +
      'but no invitation card Vetted can read; LinkedIn may have changed its layout. No badges were added.');
  }

  function status() {
    const counts = active && core ? updateSummary() : { accept: 0, consider: 0, refuse: 0, missing_note: 0 };
    const page = active ? 'invitations' : 'other';
    return { page, readable: !canaryWarned, counts };
  }

  api.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message && message.type === 'vetted:status') reply(status());
  });

  // ---- settings, live -------------------------------------------------------------------------

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    if (!core) {
      changedWhileLoading = { settings: changes.settings.newValue };
      return;
    }
    queue = queue
      .then(() => core.configure(changes.settings.newValue))
      .then((problems) => {
        reportProblems(problems);
        generation += 1;
        fullScan = true;
        schedule();
      })
      .catch((error) => console.warn('Vetted:', error));
  });

  const observer = new MutationObserver(onMutations);
  // Of other attributes, only `hidden`: the manager shows and hides whole columns of cards by it.
  observer.observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'],
  });
  // LinkedIn switches its theme without a reload: of attributes, only <html>'s class is watched.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  systemDark.addEventListener('change', followTheme);
  addEventListener('popstate', schedule);
  // On the invitations page the core starts loading now, not one frame later.
  if (INVITATIONS_PAGE.test(location.pathname)) {
    coreLoading = loadCore();
    coreLoading.catch(() => {}); // flush() awaits it and reports
  }
  schedule();
})();
