// When cards are judged: one batch per animation frame (a timer in a hidden tab) for the few
// cards LinkedIn adds later; a whole page by what the user sees. The cards in view go first, in
// the frame that shows them; the rest follow in small pieces in idle time, so that no frame
// with Vetted's work in it grows long; and a card scrolled into view jumps the queue, judged in
// the frame the scroll draws (docs/ARCHITECTURE.md, Scheduling). Batches run one after another.
vetted.scheduler = (() => {
  'use strict';

  const { state } = vetted;

  // Where nothing known is in view yet (the page still laying out), the page's first cards
  // stand in for the first screen: a 900-pixel window shows three or four of them.
  const FIRST_SLICE = 6;
  // A piece of the rest takes about this much of the main thread (reading, the core in place,
  // drawing): with the page's own layout after it, the frame stays well under 50 ms.
  const PIECE_MS = 8;
  // On a long page, every frame with any change in it is long, however small the change: the
  // browser lays out and prepaints the whole page (10,000 cards: 250 to 500 ms for one span
  // added, docs/ARCHITECTURE.md, Scheduling). Where a frame with Vetted's change in it took
  // over HOLD_FRAME_MS to render, each piece would block the page for half of that or more: the
  // rest is judged in pieces that change nothing on the page, as long as the idle time allows,
  // and its badges are held, shown all in one task at the end, or when a scroll brings their
  // cards into view. The page then pays that cost once for them, not once a piece. Below it (a
  // 1,000-card page of the classic layout: 50 to 80 ms), pieces cost less than showing the rest
  // at once (./build.sh bench).
  const HOLD_FRAME_MS = 100;
  const HELD_PIECE_MS = 40;
  // The first screen's frame carries more than its badges (the page's own work after its load,
  // the badges' first styling): from the first badge to its frame drawn, 34 to 90 ms on 1,000
  // cards, 240 to 520 ms on 10,000 (./build.sh bench). Holding is decided on it only past
  // HOLD_FIRST_FRAME_MS; below, on the pieces' frames, two in a row over HOLD_FRAME_MS. On
  // 1,000 cards one such frame came now and then (a garbage collection, the page's own work),
  // and holding there put all the rest in one frame: 170 to 300 ms of blocking time, where
  // pieces cost 10 to 40.
  const HOLD_FIRST_FRAME_MS = 200;
  const SLOW_FRAMES_TO_HOLD = 2;
  // On such a page, once a scroll nears cards without their badges (in the window, or a window
  // away), those of this many windows below and one above go at once: held badges shown, the
  // rest judged. Each frame that shows any badge costs the page a whole render; one for several
  // windows' worth, and the scroll goes on through badged cards, where a few cards a frame made
  // every frame long, and longer frames scroll further, onto more cards (./build.sh bench:
  // scrolling).
  const HELD_SCREENS_AHEAD = 8;

  // The rest of a page, in the order it goes, and those of its cards still to judge; `filling`
  // while the page is searched for its cards (a scroll then looks for known cards alone).
  // `all`: every card of the page, in document order.
  const queue = { cards: [], at: 0, waiting: new Set(), filling: false, all: [] };
  let perCard = 0.2; // ms of main thread per card, as last measured
  let holding = false; // the queue's badges are held (a page whose every frame with a change is long)
  let slowFrames = 0; // the last pieces' frames in a row that took over HOLD_FRAME_MS
  let pieceAsked = false;
  let jumpAsked = false;

  let scheduled = false;
  let tasks = Promise.resolve();

  /** Runs `task` after the batches and tasks before it; its failure is logged. */
  function after(task) {
    tasks = tasks.then(task).catch((error) => console.warn('Vetted:', error));
    return tasks;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    const run = () => {
      scheduled = false;
      after(flush);
    };
    // Animation frames pause in hidden tabs; a timer keeps a hidden tab's badges current. A
    // visit's first batch goes in a task at once: its badges come with the next frame, where
    // from an animation frame's callback they came a frame later, or with a second layout.
    if (document.hidden) setTimeout(run, 100);
    else if (!state.active) setTimeout(run, 0);
    else requestAnimationFrame(run);
  }

  async function flush() {
    const { status } = vetted;
    if (!vetted.onInvitationsPage()) {
      state.active = false;
      forgetQueue();
      status.forgetGone();
      vetted.place.forgetGone();
      vetted.explanation.later(); // lets go of the explanations owed to badges now gone
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
    // A whole page (a visit's first batch, or every card again after a settings change) goes by
    // what the user sees; the few cards LinkedIn adds later go in one batch.
    if (scan) {
      await judgePage();
    } else {
      const batch = [...state.pending];
      state.pending.clear();
      await vetted.pipeline.judge(batch);
    }
    // Held badges come with their summary, in the same task (see showTheRest).
    if (!holding) status.summarizeLater();
    status.checkCanary();
    vetted.explanation.later();
  }

  /**
   * A whole page: the cards in view and of the next screen down first, in this frame (the known
   * generations' cards, or the page's first cards); then, a frame later, every card of the page
   * (of any markup), of which those in view now go at once and the rest queue for idle time:
   * first those below the window, nearest first (where the user is likely to scroll), then
   * those above it, nearest first.
   */
  async function judgePage() {
    const { cards } = vetted;
    forgetQueue();
    queue.filling = true;
    let first = cards.inView(null, 2);
    if (!first.length) first = cards.firstCards(FIRST_SLICE);
    await judgeTimed(first);
    // The first screen's badges are on screen; what that frame cost tells a long page.
    holding = (await nextFrame()) > HOLD_FIRST_FRAME_MS;
    const all = [...cards.candidates(document.body ?? document.documentElement)];
    const done = new Set(first);
    const last = all.indexOf(first[first.length - 1]);
    queue.cards = [...all.slice(last + 1), ...all.slice(0, Math.max(0, last)).reverse()].filter((card) => !done.has(card));
    queue.all = all;
    for (const card of queue.cards) queue.waiting.add(card);
    queue.filling = false;
    await judgeTimed(take(cards.inView(all, 2)));
    pieceLater();
  }

  /** Empties the queue: its cards are not kept once judged, or once the page is left. */
  function forgetQueue() {
    holding = false;
    slowFrames = 0;
    vetted.pipeline.forgetHeld();
    queue.filling = false;
    queue.all = [];
    queue.cards = [];
    queue.at = 0;
    queue.waiting.clear();
  }

  /** Judges `slice` (`hold`: keeping its badges to show later) and learns from it what a card
   *  costs the main thread. */
  async function judgeTimed(slice, hold = false) {
    if (!slice.length) return;
    const busy = await vetted.pipeline.judge(slice, { inParts: true, hold });
    if (busy > 0) perCard = Math.max(0.005, busy / slice.length);
  }

  /** The cards of `found` still queued, now taken off the queue. */
  function take(found) {
    return found.filter((card) => queue.waiting.delete(card));
  }

  /** The next piece of the queue, in idle time (soon, at the latest: see vetted.idle). */
  function pieceLater() {
    if (!queue.waiting.size && queue.cards.length) showTheRest();
    if (pieceAsked || !queue.waiting.size) return;
    pieceAsked = true;
    vetted.idle((deadline) => {
      pieceAsked = false;
      const left = deadline.timeRemaining();
      // A held piece changes nothing on the page: where the page leaves no idle time (a scroll
      // through a long page, its every frame long), it takes its whole share between frames,
      // or the queue would crawl behind the scroll, and the scroll would find cards to judge.
      const heldBudget = deadline.didTimeout ? HELD_PIECE_MS : Math.min(HELD_PIECE_MS, Math.max(PIECE_MS, left));
      const budget = holding ? heldBudget : Math.min(PIECE_MS, Math.max(2, left));
      after(() => piece(Math.max(1, Math.floor(budget / perCard))));
    });
  }

  async function piece(size) {
    const slice = [];
    while (slice.length < size && queue.at < queue.cards.length) {
      const card = queue.cards[queue.at++];
      if (queue.waiting.delete(card)) slice.push(card);
    }
    await judgeTimed(slice, holding);
    // Measured on the side: a tab in the background draws frames seldom, and its queue must not
    // wait for them.
    if (!holding) {
      nextFrame().then((ms) => {
        slowFrames = ms > HOLD_FRAME_MS ? slowFrames + 1 : 0;
        holding ||= slowFrames >= SLOW_FRAMES_TO_HOLD && queue.waiting.size > 0;
      });
    }
    pieceLater();
  }

  /** The queue done: the badges held, with the summary of them all, shown in this task. The
   *  summary counts them by their cards before they go in, while the page's layout is clean:
   *  counting them after made the browser lay out 10,000 new badges there and then, 825 ms
   *  before the frame did it again (./build.sh bench --profile classic,10000,content). */
  function showTheRest() {
    const held = holding;
    if (held) vetted.status.updateSummary();
    vetted.pipeline.showHeld();
    forgetQueue();
    if (!held) vetted.status.summarizeLater();
    vetted.explanation.later();
  }

  /** A scroll or a resize while cards wait: those it brings into view are judged in the frame
   *  it draws (their badges come with it, or in the frame after, from the background). Not
   *  behind the piece under way: taken off the queue, no other batch judges them. */
  function jumpTheQueue() {
    if (jumpAsked || !(queue.waiting.size || queue.filling) || document.hidden) return;
    jumpAsked = true;
    requestAnimationFrame(() => {
      jumpAsked = false;
      // While the queue fills, the known generations' cards in view (those judged already are
      // passed over by the pipeline: unchanged).
      if (queue.filling) {
        judgeTimed(vetted.cards.inView(null, 2)).catch((error) => console.warn('Vetted:', error));
        return;
      }
      let seen = vetted.cards.inView(queue.all, 2, holding ? 1 : 0);
      const unbadged = (card) => queue.waiting.has(card) || vetted.pipeline.isHeld(card);
      if (holding && seen.some(unbadged)) seen = vetted.cards.inView(queue.all, HELD_SCREENS_AHEAD, 1);
      vetted.pipeline.showHeld(seen);
      judgeTimed(take(seen)).catch((error) => console.warn('Vetted:', error));
    });
  }

  document.addEventListener('scroll', jumpTheQueue, { capture: true, passive: true });
  addEventListener('resize', jumpTheQueue, { passive: true });

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

  return { PIECE_MS, schedule, after, judgePage };
})();
