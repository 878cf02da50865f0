// The explanation's two actions: "I know them" (with Undo), which adds the sender to the list
// of people the user knows as the core says (the card's `know`, the profile's `known_list`),
// and "Copy reply".
vetted.actions = (() => {
  'use strict';

  const { api, t, element } = vetted;
  const undoable = new WeakMap(); // card -> the settings before "I know them"
  let focusAfterFill = null; // the card whose badge takes the focus when it is filled again

  /** The row of actions for a card's badge. */
  function row(card, result) {
    const row = element('span', 'actions');
    if (undoable.has(card)) {
      row.append(button(t('undo'), () => undoKnown(card)));
    } else if (typeof result.know === 'string') {
      row.append(button(t('know_them'), () => knowThem(card, result)));
    }
    if (result.reply_key) {
      row.append(button(t('copy_reply'), (node) => copyReply(row, node, result)));
    }
    return row;
  }

  function button(label, onClick) {
    const node = element('button', '', label);
    node.type = 'button';
    node.addEventListener('click', (event) => {
      event.stopPropagation(); // LinkedIn's card must not take the click for its own
      onClick(node);
    });
    return node;
  }

  async function knowThem(card, result) {
    const previous = (await api.storage.local.get('settings')).settings;
    const next = withKnown(previous, vetted.core.profile.known_list, result.know);
    undoable.set(card, previous);
    focusAfterFill = card;
    await api.storage.local.set({ settings: next }); // every tab re-badges on the change
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

  // The user's own reply for the deciding rule, else Vetted's in the browser's language.
  async function copyReply(row, node, result) {
    const text = result.reply ?? t(result.reply_key, result.first_name);
    try {
      await navigator.clipboard.writeText(text);
      node.replaceWith(element('span', 'done', t('copied')));
    } catch {
      // No clipboard (an unfocused window, a browser setting): show the text to copy by hand.
      const area = element('textarea', '');
      area.value = text;
      area.readOnly = true;
      area.rows = 4;
      row.after(area);
      area.select();
    }
  }

  return { row, refocus, withKnown };
})();
