// A badge's explanation: each matched rule with its title, the core's reason and the essay's,
// the rule's hint, the mutual connections to ask, and the actions (actions.js). Written in idle
// time after the batch, or at once when the pointer or the focus reaches the badge first.
// Shown as the WAI-ARIA disclosure pattern has it: the badge is a button that opens and closes
// it (click, Enter, Space), Escape closes it and leaves the focus on the badge, and Tab goes on
// from the badge into its actions. The pointer resting on a badge also shows it, until the
// pointer leaves both. One explanation shows at a time, as a popover (badge.js places it).
vetted.explanation = (() => {
  'use strict';

  const { t, element, hosts, idle } = vetted;
  const unexplained = new Map(); // badge host -> { card, result }, its explanation still to write
  let explaining = false;
  let open = null; // { host, pinned }: the explanation shown, and whether a click or key opened it
  let closing = 0; // the timer that hides an explanation the pointer left
  // Time to cross the gap between a badge and its explanation before the explanation hides.
  const POINTER_GRACE_MS = 300;

  /** A badge filled anew: its explanation is to write. It shows at once, with the focus on its
   *  first action, when "I know them" or Undo was just clicked on its card; and it shows again
   *  when it was shown before the fill (the fill replaced it). */
  function owe(host, card, result) {
    const wasPinned = open?.host === host ? open.pinned : null;
    if (wasPinned !== null) open = null;
    unexplained.delete(host);
    unexplained.set(host, { card, result });
    if (vetted.actions.refocus(card)) {
      show(host, true);
      host.shadowRoot.querySelector('.why button')?.focus();
    } else if (wasPinned !== null) {
      show(host, wasPinned);
    }
  }

  /** Writes a badge's explanation and its actions, if not done yet. */
  function explain(host) {
    const entry = unexplained.get(host);
    if (!entry) return;
    unexplained.delete(host);
    const { card, result } = entry;
    const why = element('span', 'why', ...lines(result, card), vetted.actions.row(card, result));
    why.id = 'why';
    why.popover = 'manual';
    host.shadowRoot.querySelector('.badge').setAttribute('aria-controls', 'why');
    host.shadowRoot.append(why);
  }

  /** Shows a badge's explanation (and hides any other); `pinned` keeps it until closed. */
  function show(host, pinned) {
    explain(host);
    const why = host.shadowRoot?.querySelector('.why');
    if (!why) return;
    clearTimeout(closing);
    if (open && open.host !== host) hide(open.host);
    if (!why.matches(':popover-open')) why.showPopover();
    open = { host, pinned: pinned || open?.pinned === true };
    host.shadowRoot.querySelector('.badge').setAttribute('aria-expanded', 'true');
  }

  /** Hides a badge's explanation; the focus, if it was inside, goes back to the badge. */
  function hide(host) {
    const shadow = host.shadowRoot;
    const badge = shadow.querySelector('.badge');
    const why = shadow.querySelector('.why');
    if (why?.contains(shadow.activeElement)) badge.focus();
    if (why?.matches(':popover-open')) why.hidePopover();
    badge?.setAttribute('aria-expanded', 'false');
    if (open?.host === host) open = null;
  }

  function toggle(host) {
    if (open?.host === host && open.pinned) hide(host);
    else show(host, true);
  }

  function later() {
    if (explaining || !unexplained.size) return;
    explaining = true;
    idle(function fill(deadline) {
      const until = performance.now() + Math.max(4, Math.min(deadline.timeRemaining(), 12));
      for (const host of unexplained.keys()) {
        if (performance.now() > until) break;
        if (host.isConnected) explain(host);
        else unexplained.delete(host);
      }
      if (unexplained.size) {
        idle(fill);
        return;
      }
      explaining = false;
      const after = (performance.now() - vetted.started).toFixed(1);
      console.debug(`Vetted: explanations written, ${after} ms after the content script started.`);
    });
  }

  /** The explanation's lines, in the browser's language, else in English (_locales/en has every
   *  message: tests/locales.rs), from messages named after the rule by the core's profile; a
   *  matched term quoted as the card writes it (quote.js). */
  function lines(result, card) {
    const { profile } = vetted.core;
    const named = (pattern, rule) => t(pattern.replace('$1', rule));
    const lines = result.reasons.map((r) => {
      const title = t('rule_label', named(profile.title, r.rule));
      const essay = named(profile.essay, r.rule);
      return element('p', '', element('b', '', title), ' ', t(r.key, vetted.quote.asWritten(card, r.detail)), ' ', element('q', '', essay));
    });
    if (result.hint) lines.push(element('p', '', named(profile.hint, result.hint.rule)));
    const { count, names } = result.mutual;
    if (count > 0) {
      const others = count - names.length;
      const who = names.length ? names.join(', ') + (others > 0 ? ` ${t('and_others', others)}` : '') : t('mutual_count', count);
      lines.push(element('p', '', element('b', '', t('ask_mutual')), ' ', who));
    }
    return lines;
  }

  /** The badge host an event is about, and whether it came from its chip or its no-note mark. */
  function onBadge(event) {
    const host = event.target;
    if (!hosts.has(host) || !host.shadowRoot.querySelector('.badge')) return null;
    const chip = event.composedPath()[0]?.closest?.('.badge, .nonote');
    return { host, chip: Boolean(chip) };
  }

  // One listener of each kind for the whole page (events from a badge reach it retargeted to
  // the host), in the capture phase: a click on a badge is Vetted's, not the card's.
  const listen = (type, handler) => document.addEventListener(type, handler, { capture: true });
  // The focus coming to a badge writes its explanation; coming into a shown one, it keeps it
  // shown (a reply being edited does not close when the pointer wanders off).
  listen('focusin', (event) => {
    if (!hosts.has(event.target)) return;
    explain(event.target);
    if (open?.host === event.target && open.host.shadowRoot.querySelector('.why')?.contains(open.host.shadowRoot.activeElement)) open.pinned = true;
  });
  listen('mouseover', (event) => {
    const on = onBadge(event);
    if (on && (on.chip || open?.host === on.host)) {
      clearTimeout(closing);
      if (open?.host !== on.host) show(on.host, false);
    }
  });
  listen('mouseout', (event) => {
    const host = event.target;
    if (open && open.host === host && !open.pinned && event.relatedTarget !== host) {
      clearTimeout(closing);
      closing = setTimeout(() => open?.host === host && !open.pinned && hide(host), POINTER_GRACE_MS);
    }
  });
  listen('click', (event) => {
    const on = onBadge(event);
    if (!on || (!on.chip && !vetted.actions.press(event))) return;
    event.stopPropagation(); // LinkedIn's card must not take the click for its own
    if (on.chip) toggle(on.host);
  });
  listen('keydown', (event) => {
    const on = onBadge(event);
    if (!on) return;
    const onChip = on.host.shadowRoot.activeElement?.classList.contains('badge');
    if ((event.key === 'Enter' || event.key === ' ') && onChip) {
      event.preventDefault(); // Space would scroll the page
      toggle(on.host);
    } else if (event.key === 'Escape' && open?.host === on.host) {
      hide(on.host);
      on.host.shadowRoot.querySelector('.badge').focus();
    }
  });
  // A press elsewhere, or the focus moving on past the badge and its actions, closes it.
  listen('pointerdown', (event) => open && event.target !== open.host && hide(open.host));
  listen('focusout', (event) => {
    if (open?.host === event.target && event.relatedTarget && event.relatedTarget !== open.host) hide(open.host);
  });

  return { owe, explain, show, hide, later, lines };
})();
