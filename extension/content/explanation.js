// A badge's explanation: each matched rule with its title, the core's reason and the essay's,
// the rule's hint, the mutual connections to ask, and the actions (actions.js). Written in idle
// time after the batch, or at once when the pointer or the focus reaches the badge first; a
// tooltip after the chip, shown on hover or focus, which Escape closes.
vetted.explanation = (() => {
  'use strict';

  const { t, element, hosts, idle } = vetted;
  const unexplained = new Map(); // badge host -> { card, result }, its explanation still to write
  let explaining = false;

  /** A badge filled anew: its explanation is to write, at once when "I know them" or Undo was
   *  just clicked on its card (the focus goes back to the badge's first button). */
  function owe(host, card, result) {
    unexplained.delete(host);
    unexplained.set(host, { card, result });
    if (vetted.actions.refocus(card)) {
      explain(host);
      host.shadowRoot.querySelector('button')?.focus();
    }
  }

  /** Writes a badge's explanation and its actions, if not done yet. */
  function explain(host) {
    const entry = unexplained.get(host);
    if (!entry) return;
    unexplained.delete(host);
    const { card, result } = entry;
    const why = element('span', 'why', ...lines(result), vetted.actions.row(card, result));
    why.id = 'why';
    why.setAttribute('role', 'tooltip');
    host.shadowRoot.querySelector('.badge').setAttribute('aria-describedby', 'why');
    host.shadowRoot.append(why);
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
   *  message: tests/locales.rs), from messages named after the rule by the core's profile. */
  function lines(result) {
    const { profile } = vetted.core;
    const named = (pattern, rule) => t(pattern.replace('$1', rule));
    const lines = result.reasons.map((r) => {
      const title = t('rule_label', named(profile.title, r.rule));
      const essay = named(profile.essay, r.rule);
      return element('p', '', element('b', '', title), ' ', t(r.key, r.detail), ' ', element('q', '', essay));
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

  // The pointer or the focus on a badge whose explanation is not written yet: write it now. One
  // listener each for the whole page (events from a badge reach it retargeted to the host).
  for (const type of ['mouseover', 'focusin']) {
    document.addEventListener(type, (event) => explain(event.target), { capture: true, passive: true });
  }
  // Escape closes the explanation of the badge that has the focus and leaves the focus there;
  // it opens again once the pointer or the focus leaves the badge (a move inside the badge does
  // not reach the page: retargeted, it would go from the host to the host).
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !hosts.has(event.target)) return;
    const shadow = event.target.shadowRoot;
    const why = shadow.querySelector('.why');
    if (!why) return;
    why.classList.add('dismissed');
    shadow.querySelector('.badge').focus();
  }, { capture: true, passive: true });
  for (const type of ['mouseout', 'focusout']) {
    document.addEventListener(type, (event) => {
      if (hosts.has(event.target)) event.target.shadowRoot.querySelector('.why')?.classList.remove('dismissed');
    }, { capture: true, passive: true });
  }

  return { owe, explain, later, lines };
})();
