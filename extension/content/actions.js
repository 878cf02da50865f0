// The explanation's two actions: "I know them" (with Undo), which adds the sender to the list
// of people the user knows as the core says (the card's `know`, the profile's `known_list`),
// and the reply, shown to read and edit before it is copied, as often as the user likes.
vetted.actions = (() => {
  'use strict';

  const { api, t, element } = vetted;
  const undoable = new WeakMap(); // card -> the settings before "I know them"
  // A row of actions -> its card and the parts of the core's result its actions use: not the
  // whole result, and no listener of its own, which 10,000 badges' rows would each hold.
  const offers = new WeakMap();
  let focusAfterFill = null; // the card whose badge takes the focus when it is filled again

  /** The row of actions for a card's badge. */
  function row(card, result) {
    const row = element('span', 'actions');
    if (undoable.has(card)) {
      row.append(button(t('undo'), 'undo'));
    } else if (typeof result.know === 'string') {
      row.append(button(t('know_them'), 'know'));
    }
    if (result.reply_key) {
      const open = button(t('copy_reply'), 'reply');
      open.setAttribute('aria-expanded', 'false');
      row.append(open);
    }
    const { know, first_name, reply, reply_key } = result;
    offers.set(row, { card, know, first_name, reply, reply_key });
    return row;
  }

  function button(label, action) {
    const node = element('button', '', label);
    node.type = 'button';
    node.dataset.action = action;
    return node;
  }

  /** A click in a badge's explanation (explanation.js hands it over): the action of the button
   *  it reached, if any. True when it was an action's, which LinkedIn's card must not take. */
  function press(event) {
    const node = event.composedPath()[0]?.closest?.('button[data-action]');
    if (!node) return false;
    const box = node.closest('.reply');
    const offer = offers.get(box ? box.previousElementSibling : node.parentElement);
    if (!offer) return false;
    if (node.dataset.action === 'undo') undoKnown(offer.card);
    else if (node.dataset.action === 'know') knowThem(offer.card, offer);
    else if (node.dataset.action === 'reply') showReply(node.parentElement, node, offer.card, offer);
    else if (node.dataset.action === 'copy') copyText(box.querySelector('textarea'), box.querySelector('.done'));
    return true;
  }

  async function knowThem(card, result) {
    const { settings: previous, known_names: names } = await api.storage.local.get(['settings', 'known_names']);
    const next = withKnown(previous, vetted.core.profile.known_list, result.know);
    undoable.set(card, previous);
    focusAfterFill = card;
    // The popup shows the name beside the profile address it lists (`known_names`: entry -> name).
    const named = { ...(names && typeof names === 'object' ? names : {}), [result.know]: nameOn(card, result) };
    await api.storage.local.set({ settings: next, known_names: named }); // every tab re-badges on the change
  }

  /** The sender's full name as the card shows it: the first short text that starts with their
   *  first name (the core reads the name; the card's text has it as the page wrote it). */
  function nameOn(card, result) {
    if (!result.know.includes('/')) return result.know; // the entry is the name itself
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.data.trim();
      if (text.length <= 80 && text.startsWith(result.first_name)) return text;
    }
    return result.first_name;
  }

  /** The stored settings with `entry` added to their list `list`: only that list changes.
   *  Stored data that is no settings object gives way to an object holding the list, which the
   *  core reads as the defaults and the entry, as it read the data before (the defaults). */
  function withKnown(stored, list, entry) {
    const settings = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    const known = Array.isArray(settings[list]) ? settings[list] : [];
    return known.includes(entry) ? settings : { ...settings, [list]: [...known, entry] };
  }

  async function undoKnown(card) {
    const previous = undoable.get(card);
    undoable.delete(card);
    focusAfterFill = card;
    if (previous === undefined) await api.storage.local.remove('settings');
    else await api.storage.local.set({ settings: previous });
  }

  /** Whether the badge of `card`, filled again after "I know them" or Undo, takes the focus. */
  function refocus(card) {
    if (focusAfterFill !== card) return false;
    focusAfterFill = null;
    return true;
  }

  /** The reply under the actions: a choice of texts (the user's own, Vetted's in the sender's
   *  language first), the text to read and edit, and Copy, which copies what the box holds. */
  function showReply(row, open, card, result) {
    const shown = row.nextElementSibling?.classList.contains('reply') ? row.nextElementSibling : null;
    if (shown) {
      shown.remove();
      open.setAttribute('aria-expanded', 'false');
      return;
    }
    const offered = vetted.replies.choices(card, result);
    const area = element('textarea', '');
    area.rows = 5;
    area.value = offered[0].text;
    const pick = element('select', '', ...offered.map(({ id, label }) => Object.assign(element('option', '', label), { value: id })));
    pick.addEventListener('change', () => (area.value = offered.find((o) => o.id === pick.value).text));
    const said = element('span', 'done');
    said.setAttribute('role', 'status');
    const copy = button(t('copy'), 'copy');
    const label = element('label', '', t('reply_label', result.first_name), ' ', pick);
    area.setAttribute('aria-label', t('copy_reply'));
    const box = element('span', 'reply', label, area, element('span', 'actions', copy, said));
    row.after(box);
    open.setAttribute('aria-expanded', 'true');
    area.focus();
  }

  async function copyText(area, said) {
    said.textContent = '';
    try {
      await navigator.clipboard.writeText(area.value);
      said.textContent = t('copied');
    } catch {
      // No clipboard (an unfocused window, a browser setting): the text, selected, to copy by hand.
      area.focus();
      area.select();
      said.textContent = t('copy_by_hand');
    }
  }

  return { row, press, refocus, withKnown };
})();
