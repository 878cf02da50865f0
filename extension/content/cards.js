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

  // Hit testing finds what the user sees at a cost that does not grow much with the page: each
  // point costs about 0.4 ms on a 1,000-card page (./build.sh bench --profile), so few points.
  // The sweep goes down the window at a third and two thirds across: past a card found, to
  // the pixel row under it (so that the next card counts, if only a sliver of it shows); where
  // none is, this far down.
  const PROBE_STEP_PX = 32;

  /** The cards the user sees now, in document order: of `among` (a Set or Map of cards) if
   *  given, else the known generations' cards. A card under the page's own banner or header
   *  does not count. */
  function inView(among = null) {
    const { cards } = profile();
    const found = new Set();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    for (let y = 0; y < height;) {
      let below = Infinity;
      for (const x of [width / 3, (2 * width) / 3]) {
        const top = document.elementFromPoint(x, y);
        const card = top && (among ? within(top, among) : top.closest(cards));
        if (!card) continue;
        found.add(card);
        below = Math.min(below, card.getBoundingClientRect().bottom);
      }
      y = below < Infinity && below > y ? Math.ceil(below) : y + PROBE_STEP_PX;
    }
    return [...found].sort(vetted.inPageOrder);
  }

  /** The element of `set` that holds `node`, or null. */
  function within(node, set) {
    for (let at = node; at; at = at.parentElement) if (set.has(at)) return at;
    return null;
  }

  /** The first control on the page that says Ignore: the canary's sign (status.js). */
  function ignoreControl() {
    return [...document.querySelectorAll(profile().controls)].find((c) => actionOf(c) === 'ignore');
  }

  return { actionOf, candidates, cardAround, knownCardAround, cardHolding, firstCards, inView, ignoreControl };
})();
