// Where a badge sits: beside the sender's name, on the name's line, and never inside a link or a
// button, where a click on the badge would follow it. The core names the element holding the name
// outside any link (tree::anchor in src/page/tree.rs): the name's own text, or the link that holds
// the name, which is then one of its children. The badge goes right after that link, else at the
// element's end; at the end of an element that holds more lines than the name, it would sit under
// them (LinkedIn's 2025 and classic cards hold the name's link, the headline and the age in one).
//
// Right after a link is on the name's line only when the link flows inline. LinkedIn's 2025 link
// holds a block (a paragraph), and the classic one the name and the headline on lines of their
// own, in a column: there the badge would start a line of its own, under the name. Such a badge is
// taken out of the flow and moved, from where the flow would have put it, to the end of the name's
// line. Its offsets count from that place, which moves with the card, so they hold when cards
// above it come or go; a resize, which may wrap the name, measures again.
vetted.place = (() => {
  'use strict';

  const LINK = 'a, button';
  const GAP = 8; // px between the name and the badge, as the badge's own margin (badge.js)
  const waiting = new Map(); // host -> the link it follows: to check once the batch is drawn
  const moved = new Map(); // host -> the link it follows: hosts moved onto the name's line

  /** The link or button holding the name, among the children of `anchor`, the element the core
   *  named: none when `anchor` holds the name's text itself. */
  function nameLink(anchor) {
    let link = null;
    for (const child of anchor.childNodes) {
      if (child.nodeType === Node.TEXT_NODE && child.data.trim()) return null;
      if (!link && child.nodeType === Node.ELEMENT_NODE && child.matches(LINK) && child.textContent.trim()) link = child;
    }
    return link;
  }

  /** Puts `host` beside the name in `anchor`: right after the link holding it, else at the end. */
  function put(host, anchor) {
    const link = nameLink(anchor);
    const placed = link ? host.previousElementSibling === link : host.parentNode === anchor;
    if (!placed) {
      if (link) link.after(host);
      else anchor.append(host);
    }
    // The card changed, or the badge moved: where it belongs is measured again.
    release(host);
    if (link) waiting.set(host, link);
  }

  /** Back into the flow, where `put` placed it. */
  function release(host) {
    if (!moved.delete(host)) return;
    host.style.removeProperty('position');
    host.style.removeProperty('margin-inline-start');
    host.style.removeProperty('margin-top');
  }

  /** The box of the first line of what `link` shows (the name, which starts it): its top and
   *  bottom, and its ends from what is on it. Text clipped to a pixel, for screen readers only
   *  ("View Ada's profile"), is not on it; a mark after the name ("Verified") is. */
  function firstLine(link) {
    let line = null;
    const range = document.createRange();
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let boxes;
      if (node.nodeType === Node.TEXT_NODE) {
        const shown = node.parentElement.getBoundingClientRect();
        if (!node.data.trim() || shown.width <= 1 || shown.height <= 1) continue;
        range.selectNodeContents(node);
        boxes = range.getClientRects();
      } else if (node.matches('svg, img')) {
        boxes = node.getClientRects();
      } else {
        continue;
      }
      for (const box of boxes) {
        if (box.width <= 1 || box.height <= 1) continue;
        const middle = (box.top + box.bottom) / 2;
        if (!line) line = { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
        else if (middle > line.bottom) return line; // the next line
        else if (middle >= line.top) {
          line.left = Math.min(line.left, box.left);
          line.right = Math.max(line.right, box.right);
        }
      }
    }
    return line;
  }

  const middleOf = (box) => (box.top + box.bottom) / 2;

  /** Whether `link` holds only text and flows inline (the 2026 cards' name): a badge right after
   *  it then ends the name's line, with nothing to measure. Measuring every badge's line took
   *  248 ms on 10,000 cards (./build.sh bench --profile gen2026,10000,content). */
  const flowsAsText = (link) => link.childElementCount === 0 && getComputedStyle(link).display === 'inline';

  /** Moves each badge put since the last call that sits off its name's line to the end of that
   *  line. Reads the page's layout, then writes, twice: once per batch, not once per badge. */
  function settle() {
    for (const host of moved.keys()) if (!host.isConnected) moved.delete(host); // gone with its card
    const off = [];
    for (const [host, link] of waiting) {
      if (!host.isConnected || host.previousElementSibling !== link || flowsAsText(link)) continue;
      const line = firstLine(link);
      const middle = middleOf(host.getBoundingClientRect());
      if (line && (middle < line.top || middle > line.bottom)) off.push([host, link]);
    }
    waiting.clear();
    if (!off.length) return;
    // Out of the flow, the badge sits where the flow would have put it: the offsets count from there.
    for (const [host, link] of off) {
      moved.set(host, link);
      host.style.position = 'absolute';
      host.style.marginInlineStart = '0px';
      host.style.marginTop = '0px';
    }
    const offsets = off.map(([host, link]) => {
      const line = firstLine(link);
      const box = host.getBoundingClientRect();
      if (!line) return [host, null];
      const rtl = getComputedStyle(host).direction === 'rtl';
      const across = rtl ? box.right - (line.left - GAP) : line.right + GAP - box.left;
      return [host, across, middleOf(line) - middleOf(box)];
    });
    for (const [host, across, down] of offsets) {
      if (across === null) {
        release(host);
        continue;
      }
      host.style.marginInlineStart = `${Math.round(across)}px`;
      host.style.marginTop = `${Math.round(down)}px`;
    }
  }

  // A resize may wrap a name or a column differently: the moved badges are measured again, once
  // per frame at most.
  let again = false;
  addEventListener('resize', () => {
    if (again || !moved.size) return;
    again = true;
    requestAnimationFrame(() => {
      again = false;
      for (const [host, link] of [...moved]) {
        release(host);
        if (host.isConnected) waiting.set(host, link);
      }
      settle();
    });
  }, { passive: true });

  // Measured in the next animation frame, before the browser lays the frame out: the read then
  // costs the layout the frame needs anyway, once for every piece drawn since, and the batch
  // that drew the badges pays nothing for it (./build.sh bench).
  let asked = false;
  function settleSoon() {
    if (asked || !waiting.size) return;
    asked = true;
    requestAnimationFrame(() => {
      asked = false;
      settle();
    });
  }

  /** Lets go of the badges LinkedIn removed with their cards (away from the invitations page). */
  function forgetGone() {
    for (const map of [moved, waiting]) for (const host of map.keys()) if (!host.isConnected) map.delete(host);
  }

  return { put, settle, settleSoon, forgetGone, firstLine };
})();
