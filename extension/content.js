// Vetted's content script: watches LinkedIn's pages, hands snapshots of invitation cards to the
// core, and draws the badges the core returns. It knows nothing of LinkedIn's markup: the core's
// profile says which elements are cards and what to record of them (see src/page/snapshot.rs).
// It advises only: it never clicks, never sends anything anywhere.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  // The received-invitations page; LinkedIn reaches it from the feed without a reload.
  const INVITATIONS_PAGE = /^\/mynetwork\/invitation-manager(\/|$)/;
  const CARD_SEP = '\u001d';
  const NODE_SEP = '\u001e';
  const FIELD_SEP = '\u001f';
  // Page text is written by strangers: it must not be able to forge a record separator.
  const SEPARATORS = /[\u001c-\u001f]/g;

  let core = null; // loaded on the first visit to the invitations page
  let coreLoading = null;
  let active = false; // on the invitations page, as of the last batch
  let fullScan = true; // the next batch reads every card on the page
  let generation = 0; // bumped when settings change, so that every card is judged again
  let scheduled = false;
  let queue = Promise.resolve();
  let canaryWarned = false;
  let cardsRead = 0; // person and other invitations read on this visit
  const pending = new Set();
  const cards = new WeakMap(); // card element -> { key, generation, host }
  const hosts = new WeakSet(); // Vetted's own badges, left out of snapshots
  const live = new Set(); // badges drawn, for the popup's counts

  // ---- the core, in place or in the background -------------------------------------------

  async function loadCore() {
    const settings = (await api.storage.local.get('settings')).settings;
    let loaded;
    try {
      // Fails in Chromium when the page's own CSP forbids wasm (DESIGN §0).
      const glue = await import(chrome.runtime.getURL('core/vetted.js'));
      await glue.default({ module_or_path: chrome.runtime.getURL('core/vetted_bg.wasm') });
      console.debug('Vetted: the core runs in the content script.');
      loaded = inPlace(glue);
    } catch (error) {
      console.debug(`Vetted: the core runs in the background (${error && error.name} here).`);
      loaded = await inBackground();
    }
    reportProblems(await loaded.configure(settings));
    return loaded;
  }

  function inPlace(glue) {
    return {
      profile: glue.profile(),
      configure: async (settings) => glue.configure(settings),
      classify: async (batch) => glue.classify(batch),
    };
  }

  async function inBackground() {
    let settings;
    let stamp = 0;
    const ask = async (message) => {
      const reply = await api.runtime.sendMessage(message);
      if (!reply || 'error' in reply) throw new Error(reply ? reply.error : 'no answer');
      return reply.value;
    };
    return {
      profile: await ask({ type: 'vetted:profile' }),
      configure: async (next) => {
        settings = next;
        stamp = `${Date.now()}-${Math.random()}`;
        return ask({ type: 'vetted:configure', settings, stamp });
      },
      // Settings travel with each batch: a background that was stopped and restarted has lost them.
      classify: (batch) => ask({ type: 'vetted:classify', batch, settings, stamp }),
    };
  }

  function reportProblems(problems) {
    if (problems && problems.length) console.warn(`Vetted: settings problems: ${problems.join(' ')}`);
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
    if (core && active) {
      for (const record of records) collect(record);
    }
    schedule();
  }

  function collect(record) {
    const added = [...record.addedNodes];
    if (record.type === 'childList' && [...added, ...record.removedNodes].every(isOwn)) return;
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const card = target && target.closest(core.profile.cards);
    if (card) pending.add(card);
    for (const node of added) {
      if (node.nodeType !== 1 || isOwn(node)) continue;
      if (node.matches(core.profile.cards)) pending.add(node);
      for (const inner of node.querySelectorAll(core.profile.cards)) pending.add(inner);
    }
  }

  async function flush() {
    if (!INVITATIONS_PAGE.test(location.pathname)) {
      active = false;
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
    }
    if (fullScan) {
      fullScan = false;
      pending.clear();
      for (const card of document.querySelectorAll(core.profile.cards)) pending.add(card);
    }
    const batch = [...pending];
    pending.clear();
    await judge(batch);
    checkCanary();
  }

  // ---- one batch: snapshot, one call into the core, draw ------------------------------------

  async function judge(elements) {
    const items = [];
    for (const card of elements) {
      if (!card.isConnected) continue;
      const nodes = [];
      const key = snapshot(card, nodes);
      const known = cards.get(card);
      const current = known && known.key === key && known.generation === generation;
      if (current && (!known.host || known.host.isConnected)) continue;
      items.push({ card, nodes, key });
    }
    if (!items.length) return;
    const results = await core.classify(items.map((item) => item.key).join(CARD_SEP));
    items.forEach((item, i) => draw(item, results[i]));
  }

  function snapshot(card, nodes) {
    const records = [];
    const skip = new Set(core.profile.skip.split(/\s*,\s*/));
    const walk = (node, depth) => {
      if (node.nodeType === 3) {
        if (node.data.trim()) {
          records.push(`${depth}${FIELD_SEP}#${FIELD_SEP}${node.data.replace(SEPARATORS, ' ')}`);
          nodes.push(node);
        }
        return;
      }
      if (node.nodeType !== 1 || isOwn(node)) return;
      let record = `${depth}${FIELD_SEP}${node.localName}`;
      for (const name of core.profile.attributes) {
        const value = node.getAttribute(name);
        if (value !== null) record += `${FIELD_SEP}${name}${FIELD_SEP}${value.replace(SEPARATORS, ' ')}`;
      }
      records.push(record);
      nodes.push(node);
      if (skip.has(node.localName)) return;
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
    };
    walk(card, 0);
    return records.join(NODE_SEP);
  }

  function draw({ card, nodes, key }, result) {
    const known = cards.get(card);
    let host = known ? known.host : null;
    const anchor = result && result.kind === 'person' ? nodes[result.anchor] : null;
    if (result && result.kind !== 'none') cardsRead += 1;
    if (!anchor || anchor.nodeType !== 1 || !card.contains(anchor)) {
      // Not a person's invitation, or not readable: no badge, and none left behind.
      if (host) removeBadge(host);
      if (result && result.kind === 'unreadable') console.warn(`Vetted: a card was not readable: ${result.why}`);
      cards.set(card, { key, generation, host: null });
      return;
    }
    host ??= createBadge();
    fillBadge(host, result);
    if (host.parentNode !== anchor) anchor.append(host);
    live.add(host);
    cards.set(card, { key, generation, host });
  }

  // ---- the badge (DESIGN §3) -----------------------------------------------------------------

  const t = (key, fallback) => api.i18n.getMessage(key) || fallback;

  const STYLE = `
    :host { all: initial; display: inline-block; position: relative; margin-inline-start: 8px;
      vertical-align: middle; font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    .badge { display: inline-flex; gap: 4px; align-items: center; cursor: help; border-radius: 10px; outline: none; }
    .badge:focus-visible { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #0a66c2; }
    .verdict { padding: 1px 8px; border-radius: 10px; color: #fff; }
    .accept { background: #0b7a3b; } .consider { background: #9a5b00; } .refuse { background: #c0262d; }
    .nonote { padding: 0 6px; border-radius: 10px; border: 1px solid #9a5b00; color: #9a5b00; background: #fff8e6; font-weight: 500; }
    .why { display: none; position: absolute; z-index: 2147483647; inset-block-start: calc(100% + 6px);
      inset-inline-start: 0; width: max-content; max-width: 340px; padding: 10px 12px; border-radius: 8px;
      background: #1d2226; color: #f3f2ef; font-weight: 400; box-shadow: 0 4px 16px rgba(0,0,0,.3); white-space: normal; }
    .badge:hover + .why, .badge:focus + .why, .why:hover { display: block; }
    .why p { margin: 0 0 6px; } .why p:last-child { margin: 0; }
    .why b { font-weight: 600; } .why q { font-style: italic; color: #c7c7c7; }
    @media (prefers-color-scheme: dark) { .nonote { background: #3a2a00; color: #ffd27a; border-color: #ffd27a; } }
  `;

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children); // strings become text nodes, never markup
    return node;
  }

  function createBadge() {
    const host = document.createElement('span');
    hosts.add(host);
    host.attachShadow({ mode: 'open' });
    return host;
  }

  function fillBadge(host, result) {
    host.dataset.vettedVerdict = result.verdict;
    host.dataset.vettedNote = result.note;
    host.dataset.vettedRules = result.rules.join(',');
    const word = t(`verdict_${result.verdict}`, result.verdict);
    const badge = element('span', 'badge', element('span', `verdict ${result.verdict}`, word));
    badge.tabIndex = 0;
    badge.setAttribute('role', 'button');
    badge.setAttribute('aria-label', `Vetted: ${word}`);
    badge.setAttribute('aria-describedby', 'why');
    if (result.note === 'missing') badge.append(element('span', 'nonote', t('note_missing', 'no note')));
    const why = element('span', 'why', ...explanation(result));
    why.id = 'why';
    why.setAttribute('role', 'tooltip');
    host.shadowRoot.replaceChildren(element('style', '', STYLE), badge, why);
  }

  function explanation(result) {
    const lines = result.reasons.map((r) =>
      element('p', '', element('b', '', `${r.title}: `), r.text, ' ', element('q', '', r.essay)));
    if (result.hint) lines.push(element('p', '', result.hint));
    const { count, names } = result.mutual;
    if (count > 0) {
      const others = count - names.length;
      const who = names.join(', ') + (others > 0 ? ` (+${others})` : '');
      lines.push(element('p', '', element('b', '', t('ask_mutual', 'Ask a mutual connection: ')), who));
    }
    return lines;
  }

  function removeBadge(host) {
    live.delete(host);
    host.remove();
  }

  // ---- what the popup shows, and the canary ---------------------------------------------------

  function checkCanary() {
    if (cardsRead > 0 || canaryWarned || !document.querySelector(core.profile.canary)) return;
    canaryWarned = true;
    console.warn('Vetted: this page shows invitation controls (' + core.profile.canary +
      ') but no invitation card Vetted can read; LinkedIn may have changed its layout. No badges were added.');
  }

  function status() {
    const counts = { accept: 0, consider: 0, refuse: 0, missing_note: 0 };
    for (const host of [...live]) {
      if (!host.isConnected) {
        live.delete(host);
        continue;
      }
      counts[host.dataset.vettedVerdict] += 1;
      if (host.dataset.vettedNote === 'missing') counts.missing_note += 1;
    }
    const page = active ? 'invitations' : 'other';
    return { page, readable: !canaryWarned, counts };
  }

  api.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message && message.type === 'vetted:status') reply(status());
  });

  // ---- settings, live -------------------------------------------------------------------------

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes) || !core) return;
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

  new MutationObserver(onMutations).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  addEventListener('popstate', schedule);
  schedule();
})();
