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
// lifted out of the flow (absolute, where the flow would have put it: its static position) and
// moved by its margins to the end of the name's line. The margins count from that place, which
// moves with the card, so they hold when cards above it come or go; a resize, which may wrap the
// name, measures again.
//
// A lifted badge is moved when the browser has laid it out, from a ResizeObserver's callback: the
// layout the frame does anyway is read there, and only the margins are laid out again before the
// frame is painted. Reading it from script instead cost every piece of a 1,000-card classic page
// three layouts, not two (./build.sh bench --profile classic,1000,content).
vetted.place = (() => {
  'use strict';

  const LINK = 'a, button';
  const GAP = 8; // px between the name and the badge, as the badge's own margin (badge.js)
  const waiting = new Map(); // host -> the link it follows: to check once the batch is drawn
  const lifted = new Map(); // host -> the link it follows: hosts out of the flow, on the name's line
  const unmoved = new Set(); // lifted hosts the browser has not yet laid out, to move once it has
  const drawn = new ResizeObserver((entries) => {
    const hosts = entries.map((entry) => entry.target).filter((host) => unmoved.delete(host));
    for (const host of hosts) drawn.unobserve(host);
    move(hosts);
  });

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

  /** Out of the flow, where the flow puts it, to be moved once laid out. */
  function lift(host, link) {
    lifted.set(host, link);
    unmoved.add(host);
    host.style.position = 'absolute';
    host.style.marginInlineStart = '0px'; // its margins now say where it goes
    host.style.marginTop = '0px';
    drawn.observe(host);
  }

  /** Back into the flow, where `put` placed it. */
  function release(host) {
    if (!lifted.delete(host)) return;
    if (unmoved.delete(host)) drawn.unobserve(host);
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
        if (!node.data.trim()) continue;
        const shown = node.parentElement.getBoundingClientRect();
        if (shown.width <= 1 || shown.height <= 1) continue;
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

  /** Lifts each badge put since the last call that would sit off its name's line. Where the
   *  link holding the name does not flow inline, it is. An inline link of text alone (the 2026
   *  name) ends the name's line: its badge stays. One that holds elements may hold a block,
   *  which ends its line under the name: its badge is measured in the flow. */
  function settle() {
    for (const host of lifted.keys()) if (!host.isConnected) release(host); // gone with its card
    const placed = [...waiting].filter(([host, link]) => host.isConnected && host.previousElementSibling === link);
    waiting.clear();
    // Read all, then write: a lift between two reads would make the browser work out styles again.
    const inline = placed.map(([, link]) => getComputedStyle(link).display === 'inline');
    const measure = placed.filter(([, link], i) => inline[i] && link.childElementCount > 0);
    const off = measure.filter(([host, link]) => {
      const line = firstLine(link);
      const middle = middleOf(host.getBoundingClientRect());
      return line && (middle < line.top || middle > line.bottom);
    });
    for (const [host, link] of placed.filter((_, i) => !inline[i]).concat(off)) lift(host, link);
  }

  /** Moves lifted `hosts` to the end of their names' lines. Reads the page's layout for all,
   *  then writes: the margins, from where each host sits without them. */
  function move(hosts) {
    const margins = hosts.map((host) => {
      const link = lifted.get(host);
      const line = link && host.isConnected ? firstLine(link) : null;
      if (!line) return [host, null];
      const box = host.getBoundingClientRect();
      const start = parseFloat(host.style.marginInlineStart) || 0;
      const rtl = getComputedStyle(host).direction === 'rtl';
      const across = rtl ? box.right + start - (line.left - GAP) : line.right + GAP - (box.left - start);
      return [host, across, middleOf(line) - (middleOf(box) - (parseFloat(host.style.marginTop) || 0))];
    });
    for (const [host, across, down] of margins) {
      if (across === null) {
        release(host);
        continue;
      }
      host.style.marginInlineStart = `${Math.round(across)}px`;
      host.style.marginTop = `${Math.round(down)}px`;
    }
  }

  // A resize may wrap a name or a column differently: the lifted badges are moved again, once
  // per frame at most.
  let again = false;
  addEventListener('resize', () => {
    if (again || !lifted.size) return;
    again = true;
    requestAnimationFrame(() => {
      again = false;
      move([...lifted.keys()].filter((host) => !unmoved.has(host)));
    });
  }, { passive: true });

  // Checked in the next animation frame, before the browser lays the frame out: how the links
  // lay out is read once for every piece drawn since, and the batch that drew the badges pays
  // nothing for it; the badges lifted then are moved after that frame's layout (`drawn`).
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
    for (const host of waiting.keys()) if (!host.isConnected) waiting.delete(host);
    for (const host of lifted.keys()) if (!host.isConnected) release(host);
  }

  return { put, settleSoon, forgetGone };
})();
