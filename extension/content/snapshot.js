// What the core reads of a card, and how its answer finds its way back into the card: the
// card's HTML (one call), its digest, and the element at the end of the core's path.
vetted.snapshot = (() => {
  'use strict';

  // Page text is written by strangers: it must not be able to split a card in two (see snapshot).
  const CARD_SEP = '\u001d';
  // Vetted's own badges as the browser writes them (see createHost and fill in badge.js: the
  // verdict is set first; the shadow root is not written). They are left out of what the core
  // reads, and of the digest that tells whether a card changed.
  const OWN_BADGES = /<span data-vetted-verdict="[^"]*" data-vetted-note="[^"]*" data-vetted-rules="[^"]*"><\/span>/g;

  /** What the core reads of a card: its HTML, one call. (Walking its nodes here cost three
   *  times as much: each node touched gets a wrapper of this script's JS world.) The HTML is only
   *  read, as data for the core: nothing here ever writes HTML into the page, and badges are
   *  built node by node, page text in them as text. */
  function snapshot(card) {
    return card.outerHTML.replaceAll(CARD_SEP, ' ').replace(OWN_BADGES, '');
  }

  /** Snapshots as one batch for the core (see classify in src/boundary/bindings.rs). */
  function batch(keys) {
    return keys.join(CARD_SEP);
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

  /** The element at the end of the core's path from the card ("2 0 1"; "" for the card): at
   *  each step the place among the element children, not counting Vetted's own badges, which
   *  the core did not read. Should LinkedIn change the card while the core judged it, the path
   *  may lead elsewhere or nowhere for one frame: the change brings the card back to the core. */
  function elementAt(card, path) {
    let node = card;
    for (const step of path ? path.split(' ') : []) {
      let place = Number(step);
      node = node.firstElementChild;
      while (node && (vetted.isOwn(node) || place-- > 0)) node = node.nextElementSibling;
      if (!node) return null;
    }
    return node;
  }

  return { snapshot, batch, digest, elementAt };
})();
