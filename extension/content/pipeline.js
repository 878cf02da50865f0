// One batch: each card's snapshot, one call into the core (or one message to the background),
// and the badges drawn (docs/ARCHITECTURE.md, From a card to its badge).
vetted.pipeline = (() => {
  'use strict';

  const { state, judged } = vetted;
  const { snapshot, batch, digest, elementAt } = vetted.snapshot;

  // A fault in the core (a Rust panic traps the wasm; its instance stays usable, as the fault
  // tests check) costs the cards that cause it their badge, never the others: a batch that fails
  // is judged again card by card, and a card that fails alone is left without a badge (docs/ARCHITECTURE.md, Safety).
  async function classifyApart(keys) {
    const { core } = vetted;
    try {
      return await core.classify(batch(keys));
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

  // Badges judged but not yet shown, card -> what shows it (`hold`, below), in judging order.
  const held = new Map();

  /** Judges the cards among `elements` that are new or changed since they were judged, and
   *  draws their badges; with `hold`, keeps them to show later (`showHeld`). Resolves with the
   *  ms it kept the main thread busy (reading, the core in place, drawing; not the wait for
   *  the background). */
  async function judge(elements, { inParts = false, hold = false } = {}) {
    const { core, started } = vetted;
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
      sent.forEach((item, i) => draw(item, results[i], hold));
      vetted.place.settleSoon();
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
      const done = await results;
      sending += performance.now() - from;
      drawPart(sent, done);
    };
    for (const card of elements) {
      if (!card.isConnected) continue;
      const key = snapshot(card);
      const seen = digest(key);
      const known = judged.get(card);
      const current = known && known.seen === seen && known.generation === state.generation;
      if (current && (!known.host || known.host.isConnected || held.has(card))) continue;
      items.push({ card, key, seen });
      if (inParts && items.length - part >= PART) await send();
    }
    if (!items.length) return 0;
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
    return read - begun + drawing + (core.remote ? 0 : sending);
  }

  function draw({ card, seen }, result, hold) {
    const { generation } = state;
    const known = judged.get(card);
    held.delete(card); // a newer judgement replaces one not shown yet
    let host = known ? known.host : null;
    const anchor = result && result.kind === 'person' ? elementAt(card, result.anchor) : null;
    if (result && (result.kind === 'person' || result.kind === 'other')) state.cardsRead += 1;
    if (!anchor) {
      // Not a person's invitation, or not readable: no badge, and none left behind.
      if (host) vetted.badge.remove(host);
      if (result && result.kind === 'unreadable') console.warn(`Vetted: a card was not readable: ${result.why}`);
      judged.set(card, { seen, generation, host: null });
      return;
    }
    host ??= vetted.badge.createHost();
    // A badge not yet in the page is filled at once: that costs the page nothing.
    if (!host.isConnected) vetted.badge.fill(host, result);
    // Its explanation is owed once it is on the page: one owed to a held badge, not yet there,
    // would be let go as a badge gone with its card.
    const show = () => {
      if (host.isConnected) vetted.badge.fill(host, result);
      vetted.place.put(host, anchor);
      vetted.explanation.owe(host, card, result);
    };
    if (hold) held.set(card, show);
    else show();
    vetted.status.tallyIn(host, card, result);
    judged.set(card, { seen, generation, host });
  }

  /** Shows the badges held for `cards` (all of them, by default), all in this task, so that the
   *  page lays itself out once for them; returns how many it showed. */
  function showHeld(cards = [...held.keys()]) {
    let shown = 0;
    for (const card of cards) {
      const show = held.get(card);
      if (!show) continue;
      held.delete(card);
      if (!card.isConnected) continue;
      show();
      shown += 1;
    }
    if (shown) vetted.place.settleSoon();
    return shown;
  }

  /** Lets go of the badges held for cards no longer to be shown (the page left, or judged anew). */
  function forgetHeld() {
    held.clear();
  }

  const isHeld = (card) => held.has(card);

  return { judge, showHeld, forgetHeld, isHeld };
})();
