// When cards are judged: one batch per animation frame (a timer in a hidden tab), a whole page
// in slices, the few cards LinkedIn adds later in one batch. Batches run one after another.
vetted.scheduler = (() => {
  'use strict';

  const { state } = vetted;

  // A whole page is judged in slices (see judgeInSlices): the first FIRST_SLICE cards alone, so
  // that the first badges show at once, then slices of about SLICE_MS. A 900-pixel window
  // shows three or four cards of the demo pages; each card of the first slice costs the first
  // badge 2 to 3 ms (cold code, ./build.sh bench). Between slices the page lays itself out
  // again, about as long as a whole layout of it (150 to 300 ms on 1,000 cards): fewer, longer
  // slices cost less in all. 400 ms takes the rest of a 1,000-card page in one slice, and keeps
  // a 10,000-card page's slices far apart enough for the page to answer between them.
  const FIRST_SLICE = 6;
  const SLICE_MS = 400;

  let scheduled = false;
  let queue = Promise.resolve();

  /** Runs `task` after the batches and tasks before it; its failure is logged. */
  function after(task) {
    queue = queue.then(task).catch((error) => console.warn('Vetted:', error));
    return queue;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      after(flush);
    };
    // Animation frames pause in hidden tabs; a timer keeps a hidden tab's badges current.
    if (document.hidden) setTimeout(run, 100);
    else requestAnimationFrame(run);
  }

  async function flush() {
    const { status } = vetted;
    if (!vetted.onInvitationsPage()) {
      state.active = false;
      status.forgetGone();
      return;
    }
    if (!state.active) {
      state.active = true;
      state.fullScan = true;
      state.canaryWarned = false;
      state.cardsRead = 0;
    }
    if (!vetted.core) await vetted.coreClient.ready();
    const scan = state.fullScan;
    // Without LinkedIn's mark, the page's background tells the theme. It is read once a visit
    // (and on a change of <html>'s class or of the system's setting), not at every batch:
    // reading it makes the browser work out the page's styles there and then.
    if (scan) {
      vetted.theme.follow();
      state.fullScan = false;
      state.pending.clear(); // the whole page is read below
    }
    // A whole page (a visit's first batch, or every card again after a settings change) goes in
    // slices; the few cards LinkedIn adds later go in one batch.
    if (scan) {
      await judgeInSlices();
    } else {
      const batch = [...state.pending];
      state.pending.clear();
      await vetted.pipeline.judge(batch);
    }
    status.summarizeLater();
    status.checkCanary();
    vetted.explanation.later();
  }

  /**
   * A whole page, in document order: on a fresh page the first cards are the ones in view. They
   * go first, on their own, found without matching the whole page against the profile (that
   * took a 1,000-card page 5 to 10 ms), and show in the next frame; the rest follow in slices,
   * one frame apart, each long enough that rendering between them (which on a long page may lay
   * out the whole page again) adds at most a quarter to the work, and at least SLICE_MS long.
   */
  async function judgeInSlices() {
    const { cards, pipeline } = vetted;
    const first = cards.firstCards(FIRST_SLICE);
    let begun = performance.now();
    await pipeline.judge(first, { inParts: true });
    // The first slice runs cold (the wasm compiles as it goes, the JIT has not warmed up):
    // it costs about five times as much per card as the next ones (./build.sh bench).
    let perCard = Math.max(0.005, (performance.now() - begun) / Math.max(1, first.length) / 5);
    let batch = null;
    let at = 0;
    for (;;) {
      const frameCost = await nextFrame(); // the slice before is on screen
      if (!batch) {
        const done = new Set(first);
        batch = [...cards.candidates(document.body ?? document.documentElement)].filter((card) => !done.has(card));
      }
      if (at >= batch.length) return;
      let size = Math.floor(Math.max(SLICE_MS, 4 * frameCost) / perCard);
      if (batch.length - at <= 1.5 * size) size = batch.length - at; // no short tail
      size = Math.max(FIRST_SLICE, size);
      begun = performance.now();
      const slice = batch.slice(at, at + size);
      await pipeline.judge(slice, { inParts: true });
      perCard = Math.max(0.005, (performance.now() - begun) / slice.length);
      at += slice.length;
    }
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

  return { FIRST_SLICE, SLICE_MS, schedule, after, flush, judgeInSlices };
})();
