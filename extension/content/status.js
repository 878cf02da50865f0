// What the page shows, counted: the summary line above the list, the popup's counts, and the
// canary (Ignore controls on the page and no card read: a page Vetted cannot read).
vetted.status = (() => {
  'use strict';

  const { state, t, element, hosts } = vetted;
  const shown = new Map(); // badge host -> { verdict, note }: what it adds to the counts
  let summary = null;
  let summarizing = false;

  const none = () => ({ accept: 0, consider: 0, refuse: 0, missing_note: 0, no_reason: 0 });

  function tallyIn(host, card, result) {
    shown.set(host, { card, verdict: result.verdict, note: result.note });
  }

  function tallyOut(host) {
    shown.delete(host);
  }

  // Away from the invitations page, what LinkedIn removed of it is let go (its badges, the
  // summary line), rather than kept alive until the user comes back (the soak test measures it).
  function forgetGone() {
    if (!shown.size && !summary) return;
    dropGone();
    if (summary && !summary.isConnected) summary = null;
  }

  /** Lets go of the badges no longer on the page, but for those held, still to show. */
  function dropGone() {
    for (const [host, { card }] of shown) if (!host.isConnected && !vetted.pipeline.isHeld(card)) tallyOut(host);
  }

  /** The badges the user can see, or will see once shown: the manager's Focused/Other picker
   *  and its filters hide whole columns of cards, which keep their badges. A held badge counts
   *  by its card, `first` then being that card. */
  function visibleBadges() {
    const counts = none();
    let first = null;
    for (const [host, entry] of shown) {
      const seen = host.isConnected ? host : vetted.pipeline.isHeld(entry.card) && entry.card;
      if (!seen || !(seen.checkVisibility?.() ?? seen.getClientRects().length > 0)) continue;
      first ??= seen;
      counts[entry.verdict] += 1;
      if (entry.note === 'missing') counts.missing_note += 1;
      if (entry.note === 'no-reason') counts.no_reason += 1;
    }
    return { counts, first };
  }

  /** The summary, in idle time: by then the page has laid the new badges out, and telling which
   *  are visible costs little. */
  function summarizeLater() {
    if (summarizing) return;
    summarizing = true;
    vetted.idle(() => {
      summarizing = false;
      if (vetted.core && state.active) updateSummary();
    });
  }

  function updateSummary() {
    if (state.recount) {
      state.recount = false;
      dropGone();
    }
    const { counts, first } = visibleBadges();
    if (!first) {
      summary?.remove();
      return counts;
    }
    const list = first.closest(vetted.core.profile.list) ?? vetted.cards.knownCardAround(first);
    if (!list) return counts;
    summary ??= createSummary();
    const parts = summary.shadowRoot.querySelectorAll('[data-part]');
    for (const part of parts) {
      const verdict = part.dataset.part;
      const text = verdict === 'notes' ? t('summary_notes', counts.missing_note, counts.no_reason) : t(`summary_${verdict}`, counts[verdict]);
      if (part.textContent !== text) part.textContent = text;
      if (verdict !== 'notes') part.disabled = counts[verdict] === 0;
    }
    if (summary.nextElementSibling !== list) list.before(summary);
    return counts;
  }

  const VERDICTS = ['accept', 'consider', 'refuse'];
  const lastVisited = {}; // verdict -> the badge host its count last took the user to

  /** The summary line: "Vetted:", a count per verdict, each a button to that verdict's next
   *  card, and the notes' counts. */
  function createSummary() {
    const host = vetted.badge.createHost();
    host.setAttribute('role', 'status');
    const line = element('span', 'summary', t('summary_label'));
    for (const verdict of VERDICTS) {
      const go = element('button', 'count');
      go.type = 'button';
      go.dataset.part = verdict;
      go.title = t('summary_next', t(`verdict_${verdict}`));
      go.addEventListener('click', (event) => {
        event.stopPropagation();
        goToNext(verdict);
      });
      line.append(' ', go);
    }
    const notes = element('span', '');
    notes.dataset.part = 'notes';
    line.append(' · ', notes);
    host.shadowRoot.append(line);
    return host;
  }

  /** Scrolls the next visible card of `verdict` into view, after the badge that has the focus
   *  (or the one this count went to last), round to the first; its badge takes the focus. */
  function goToNext(verdict) {
    const badges = [...shown]
      .filter(([host, entry]) => entry.verdict === verdict && host.isConnected && host.checkVisibility())
      .map(([host]) => host)
      .sort(vetted.inPageOrder);
    if (!badges.length) return;
    const from = hosts.has(document.activeElement) && shown.has(document.activeElement) ? document.activeElement : lastVisited[verdict];
    const after = from ? badges.findIndex((host) => vetted.follows(from, host)) : 0;
    const next = badges[after === -1 ? 0 : after];
    lastVisited[verdict] = next;
    next.scrollIntoView({ block: 'center' });
    next.shadowRoot.querySelector('.badge').focus({ preventScroll: true });
  }

  /** Ignore controls without a card read: the page is one Vetted cannot read. (Accept alone is
   *  no sign: a cookie banner has one.) */
  function checkCanary() {
    if (state.cardsRead > 0 || state.canaryWarned) return;
    const ignore = vetted.cards.ignoreControl();
    if (!ignore) return;
    state.canaryWarned = true;
    console.warn(`Vetted: this page shows invitation controls ("${ignore.getAttribute('aria-label') ?? ignore.textContent.trim()}") ` +
      'but no invitation card Vetted can read; LinkedIn may have changed its layout. No badges were added.');
  }

  /** The popup's answer: which page this is, whether Vetted can read it, and the counts. */
  function report() {
    const counts = state.active && vetted.core ? updateSummary() : none();
    const page = state.active ? 'invitations' : 'other';
    return { page, readable: !state.canaryWarned, counts };
  }

  return { tallyIn, tallyOut, forgetGone, visibleBadges, summarizeLater, updateSummary, checkCanary, report };
})();
