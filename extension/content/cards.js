// Finding candidate cards. A card is what holds an invitation's controls, Ignore and Accept, and
// its sender. Cards are found two ways, both from the core's profile: by the known generations'
// signatures (fast), and from every control whose label or text says Ignore or Accept, climbing
// to the element that holds it and no other invitation's (any markup, even one no one has seen).
// The core then reads each candidate, and says which are cards.
vetted.cards = (() => {
  'use strict';

  const { isOwn } = vetted;
  const profile = () => vetted.core.profile;
  let says = null; // { profile, ignore, accept }: the profile's patterns, compiled once

  /** Whether a control says Ignore or Accept: 'ignore', 'accept' or null. */
  function actionOf(control) {
    const p = profile();
    if (says?.profile !== p) says = { profile: p, ignore: new RegExp(p.ignore, 'iu'), accept: new RegExp(p.accept, 'iu') };
    const label = control.getAttribute('aria-label');
    for (const text of label ? [label, control.textContent] : [control.textContent]) {
      if (says.ignore.test(text)) return 'ignore';
      if (says.accept.test(text)) return 'accept';
    }
    return null;
  }

  /** The candidate cards in `root` (itself included), in document order. */
  function candidates(root) {
    const { cards, controls: selector } = profile();
    const found = new Set();
    if (root.matches(cards)) found.add(root);
    for (const card of root.querySelectorAll(cards)) found.add(card);
    const controls = root.matches(selector) ? [root] : [];
    for (const control of [...controls, ...root.querySelectorAll(selector)]) {
      // A control inside a card already found says nothing new: its words are not read.
      const known = control.closest(cards);
      if (known && found.has(known)) continue;
      const action = actionOf(control);
      if (action) found.add(known ?? cardAround(control, action));
    }
    return found;
  }

  /** The card around a control: the known card holding it, else the largest element holding it
   *  and no other invitation's controls, never a region (a section, main), and no larger than
   *  the first list item that holds the sender too. */
  function cardAround(control, action) {
    const { cards, regions, items } = profile();
    const known = control.closest(cards);
    if (known) return known;
    const held = new Set([action]);
    let card = control;
    for (;;) {
      const parent = card.parentElement;
      if (!parent || parent.matches(regions) || holdsAnother(parent, card, held)) return card;
      card = parent;
      if (card.matches(items) && card.querySelector('a[href]:not([aria-hidden="true"])')) return card;
    }
  }

  /** Whether `parent`, beside `child`, holds a control of a kind already `held`: another
   *  invitation's. The kinds found are added to `held`. */
  function holdsAnother(parent, child, held) {
    const { controls } = profile();
    for (const sibling of parent.children) {
      if (sibling === child || isOwn(sibling)) continue;
      const inner = sibling.querySelectorAll(controls);
      for (const control of sibling.matches(controls) ? [sibling, ...inner] : inner) {
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
    for (let at = node; at; at = at.parentElement) if (vetted.judged.has(at)) return at;
    return null;
  }

  /** The card of a known generation that holds `node`, else the card Vetted read around it. */
  function cardHolding(node) {
    return node.closest(profile().cards) ?? knownCardAround(node);
  }

  /** The page's first `count` cards of a known generation: its first card, and the cards among
   *  the siblings that follow it (a list's items). The whole page's search, after them, finds
   *  any others, of any markup. */
  function firstCards(count) {
    const { cards } = profile();
    const first = [];
    for (let card = document.querySelector(cards); card && first.length < count; card = card.nextElementSibling) {
      if (card.matches(cards)) first.push(card);
    }
    return first;
  }

  /** The cards the user sees now (any part of them inside the window), in document order: of
   *  `list` (cards in document order) if given, else the known generations' cards; with
   *  `screens` 2, those of the next window's height down too (where a scroll goes), and with
   *  `above` 1, those of the window's height above it (where a scroll up goes). Found by
   *  their boxes, by halving: cards follow one another down the page, so those above the window
   *  come first. Hit testing would also leave out cards under the page's banner, but on a long
   *  page each point costs what the page's every layer costs: 17 to 22 ms a point on 10,000
   *  cards, against 28 ms to measure all 10,000 boxes (./build.sh bench --profile). */
  function inView(list = null, screens = 1, above = 0) {
    const cards = list ?? [...document.querySelectorAll(profile().cards)];
    const height = document.documentElement.clientHeight;
    const [top, bottom] = [-above * height, screens * height];
    const box = (i) => cards[i].getBoundingClientRect();
    let lo = 0;
    let hi = cards.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (box(mid).bottom <= top) lo = mid + 1;
      else hi = mid;
    }
    const found = shownFrom(cards, lo, top, bottom);
    // Hidden cards (a column the user filtered away) have empty boxes, which can mislead the
    // halving: then every card is measured.
    return found.length ? found : shownFrom(cards, 0, top, bottom);
  }

  /** The cards of `cards` from `start` on that show between `top` and `bottom` (pixels from the
   *  window's top), until the first one below. */
  function shownFrom(cards, start, top, bottom) {
    const found = [];
    for (let i = start; i < cards.length; i++) {
      const r = cards[i].getBoundingClientRect();
      if (r.height === 0) continue;
      if (r.top >= bottom) break;
      if (r.bottom > top) found.push(cards[i]);
    }
    return found;
  }

  /** The first control on the page that says Ignore: the canary's sign (status.js). */
  function ignoreControl() {
    return [...document.querySelectorAll(profile().controls)].find((c) => actionOf(c) === 'ignore');
  }

  return { actionOf, candidates, cardAround, knownCardAround, cardHolding, firstCards, inView, ignoreControl };
})();
