// Vetted's content script, in modules of one job each (extension/content/), run in the order the
// manifest lists them, in one JS world (build.sh joins them so into dist's content.js). It
// watches LinkedIn's pages, hands the HTML of invitation cards to the core, and draws the
// badges the core returns. It knows nothing of LinkedIn's markup or of the rules: the core's
// profile says where cards may be (see Profile in src/page/mod.rs), the core reads them
// (src/page/snapshot.rs) and says what each badge shows.
// It advises only: it never clicks, never sends anything anywhere.
//
// This module, the first, makes the namespace the others share: each adds its own part
// (`vetted.cards`, `vetted.scheduler` …), and they call one another through it. It holds what
// every module needs: the clock, the extension's API, the state of the page, and the badges'
// messages and elements.
/* exported vetted */
var vetted = (() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

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

  function element(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children); // strings become text nodes, never markup
    return node;
  }

  // Idle time (a timer where there is none), a few milliseconds at a time.
  const idle = globalThis.requestIdleCallback
    ? (run) => requestIdleCallback(run, { timeout: 200 })
    : (run) => setTimeout(() => run({ timeRemaining: () => 8, didTimeout: true }), 0);

  const hosts = new WeakSet(); // Vetted's own badges (badge.js), left out of snapshots

  /** Whether `b` comes after `a` in the page; as a sort's order, `inPageOrder`. */
  const follows = (a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  const inPageOrder = (a, b) => (follows(a, b) ? -1 : 1);

  return {
    api,
    // For `./build.sh bench`: each batch logs, at debug level, how long after this start it drew.
    started: performance.now(),
    /** The core, once loaded (core-client.js): `profile`, `configure`, `classify`, `memory`. */
    core: null,
    /** The page as Vetted last saw it. */
    state: {
      active: false, // on the invitations page, as of the last batch
      fullScan: true, // the next batch reads every card on the page
      generation: 0, // bumped when settings change, so that every card is judged again
      cardsRead: 0, // person and other invitations read on this visit
      canaryWarned: false,
      recount: false, // LinkedIn removed nodes: some badges may have gone with them
      pending: new Set(), // cards to judge in the next batch
    },
    judged: new WeakMap(), // card element -> { seen (its snapshot's digest), generation, host }
    hosts,
    isOwn: (node) => hosts.has(node),
    /** Whether this is a page that shows invitations (the core's pattern: see preload.js). */
    onInvitationsPage: () => vettedCore.INVITATIONS_PAGE.test(location.pathname),
    t,
    element,
    idle,
    follows,
    inPageOrder,
  };
})();
