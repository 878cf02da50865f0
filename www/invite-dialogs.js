// LinkedIn's invitation dialogs as the demo page shows them (www/invite.html says which case the
// address picks). Built with DOM calls only: it is the page's own script, not Vetted's.
(() => {
  const options = new URLSearchParams(location.search);
  const inFrame = location.pathname.startsWith('/preload/');
  const name = 'Ada Lovelace';
  const limit = options.get('premium') ? 300 : 200;
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    node.append(...children);
    return node;
  };
  const button = (label, text, attributes = {}) => el('button', { 'aria-label': label, type: 'button', ...attributes }, text);

  function shell() {
    if (options.get('gen') === '2024') {
      const modal = el('div', { class: 'artdeco-modal send-invite', role: 'dialog', 'data-test-modal-id': 'send-invite-modal', 'aria-labelledby': 'send-invite-modal' });
      const overlay = el('div', { class: 'artdeco-modal-overlay' }, modal);
      document.body.append(overlay);
      return { box: modal, close: () => overlay.remove() };
    }
    const dialog = el('dialog', { 'aria-labelledby': 'invite-title' });
    document.body.append(dialog);
    dialog.showModal();
    return { box: dialog, close: () => dialog.remove() };
  }

  function ask(dialog) {
    const { box, close } = dialog;
    const dismiss = button('Dismiss', '×', { class: 'dismiss' });
    dismiss.addEventListener('click', close);
    const remaining = options.get('remaining');
    const add = button('Add a note', 'Add a note');
    add.addEventListener('click', () => (options.get('out') ? outOfNotes(dialog) : note(dialog)));
    const send = button('Send without a note', 'Send without a note', { class: 'primary' });
    send.addEventListener('click', close);
    box.replaceChildren(
      dismiss,
      el('h2', { id: 'invite-title' }, 'Add a note to your invitation?'),
      el('p', {}, `Personalize your invitation to ${name} by adding a note. LinkedIn members are more likely to accept invitations that include a note.`),
      ...(remaining ? [el('p', { class: 'remaining' }, `${remaining} personalized invitation${remaining === '1' ? '' : 's'} remaining for this month.`)] : []),
      el('div', { class: 'actions' }, add, send),
    );
  }

  function howKnow(dialog) {
    const next = button('Connect', 'Connect', { class: 'primary' });
    next.addEventListener('click', () => ask(dialog));
    dialog.box.replaceChildren(el('h2', {}, `How do you know ${name}?`),
      el('div', { class: 'actions' }, button('Colleague', 'Colleague'), next));
  }

  function note(dialog) {
    const area = el('textarea', { id: 'custom-message', name: 'message', placeholder: 'Ex: We know each other from…' });
    const counter = el('p', { class: 'counter' }, `0/${limit}`);
    const cancel = button('Cancel adding a note', 'Cancel');
    cancel.addEventListener('click', dialog.close);
    const send = button('Send invitation', 'Send', { class: 'primary', disabled: '' });
    send.addEventListener('click', dialog.close);
    area.addEventListener('input', () => {
      counter.textContent = `${[...area.value].length}/${limit}`;
      send.disabled = !area.value.trim();
    });
    dialog.box.replaceChildren(
      el('h2', {}, `Add a note to your invitation`),
      el('label', { for: 'custom-message' }, `Personalize your invitation to ${name}`),
      area, counter, el('div', { class: 'actions' }, cancel, send),
    );
  }

  function outOfNotes(dialog) {
    dialog.box.replaceChildren(
      el('h2', {}, "You're out of free custom notes"),
      el('p', {}, 'Premium members can add a personal note to every invitation.'),
      el('a', { href: '/premium/products/' }, 'Try Premium for free'),
      el('div', { class: 'actions' }, button('Send without a note', 'Send without a note', { class: 'primary' })),
    );
  }

  function open() {
    const dialog = shell();
    (options.get('know') ? howKnow : ask)(dialog);
  }

  if (inFrame) {
    open();
    return;
  }
  document.querySelector('.connect').addEventListener('click', (event) => {
    event.preventDefault();
    if (!options.get('frame')) return open();
    const frame = el('iframe', { class: 'invite-frame', src: `/preload/custom-invite/?vanityName=ada-lovelace-1815&${options}` });
    document.body.append(frame);
  });
})();
