// Help with the invitations the user sends, in LinkedIn's own dialogs (every LinkedIn page and
// frame: the 2026 dialog may live in an iframe on /preload/). A line of Vetted's in "Add a note to
// your invitation?" with the essay's sentence, and in the note dialog whether the draft gives a
// reason, the characters left, and the user's templates on their click. It never clicks, hides,
// disables or submits anything of LinkedIn's, and sends nothing.
//
// What a dialog looks like comes from the core (`invite_profile`, src/page/invite.rs), written in
// below by build.sh, so that no wasm loads until a note dialog opens. The draft is judged by the
// dialogs' own small wasm (core/vetted_invite_bg.wasm) in place, or by the background where this
// page's CSP forbids wasm here.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const PROFILE = 'VETTED_INVITE_PROFILE';
  const pattern = (source) => new RegExp(source, 'iu');
  const [ask, counter, remaining, out, connect, howKnow] =
    [PROFILE.ask, PROFILE.counter, PROFILE.remaining, PROFILE.out, PROFILE.connect, PROFILE.how_know].map(pattern);
  const t = (key, ...args) => api.i18n.getMessage(key, args.map(String)) || key;
  const lines = new WeakMap(); // dialog -> Vetted's line in it
  let invitee = ''; // the name of the last person whose Connect control the user used
  let core = null; // the draft judge, once a note dialog opened
  let settings = null; // { help, templates }

  const labelOf = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim();

  // The user's own click on a Connect control says whom the dialog is for. Only read, never
  // prevented: LinkedIn handles the click as always.
  document.addEventListener('click', (event) => {
    const control = event.target instanceof Element ? event.target.closest('a, button') : null;
    const name = control && labelOf(control).match(connect)?.[1];
    if (name) invitee = name;
  }, true);

  // In the 2026 iframe, the dialog's own address names the profile ("ada-lovelace-1815"): its
  // first word stands for the first name.
  const fromAddress = () => {
    const word = new URLSearchParams(location.search).get(PROFILE.vanity)?.split('-')[0] ?? '';
    return word.charAt(0).toUpperCase() + word.slice(1);
  };

  function inviteeIn(dialog) {
    return dialog.textContent.match(howKnow)?.[1] ?? (invitee || fromAddress());
  }

  const firstName = (name) => name.split(/\s+/u).find((word) => word && !word.endsWith('.')) ?? '';

  /** Vetted's line, in a shadow root (LinkedIn's CSS cannot reach it), before the dialog's
   *  buttons: beside them, never over them. */
  function lineIn(dialog, anchor) {
    let host = lines.get(dialog);
    if (host?.isConnected) return host.shadowRoot;
    host = document.createElement('span');
    host.setAttribute('data-vetted-invite', '');
    host.style.display = 'block';
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `:host { all: initial; display: block; }
      p { margin: 6px 0; font: 13px/1.4 system-ui, sans-serif; color: #1d2226; }
      p.line { padding: 6px 8px; border-left: 3px solid #0a66c2; background: #eef3f8; }
      p.reason { border-color: #057642; } p.noreason { border-color: #b24020; }
      button { font: 600 13px system-ui, sans-serif; margin: 2px 4px 2px 0; padding: 3px 10px;
        border: 1px solid #0a66c2; border-radius: 12px; background: #fff; color: #0a66c2; cursor: pointer; }
      button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
      @media (prefers-color-scheme: dark) { p { color: #e9e9e9; } p.line { background: #1b1f23; } button { background: #1b1f23; color: #71b7fb; border-color: #71b7fb; } }`;
    const text = document.createElement('p');
    text.className = 'line';
    text.setAttribute('role', 'status');
    root.append(style, text);
    anchor.before(host);
    lines.set(dialog, host);
    return root;
  }

  /** "Add a note to your invitation?": the essay's sentence, and the free notes left. */
  function nudge(dialog, controls) {
    const root = lineIn(dialog, controls[0].parentElement ?? controls[0]);
    const left = dialog.textContent.match(remaining)?.[1];
    root.querySelector('.line').textContent = [t('invite_nudge'), left && t('invite_notes_left', left)].filter(Boolean).join(' ');
  }

  /** Where LinkedIn's free notes ran out: said, with the essay's choice; the upsell stays. */
  function notesRanOut(dialog) {
    const anchor = dialog.querySelector('a[href*="/premium"]') ?? dialog.lastElementChild;
    if (anchor) lineIn(dialog, anchor).querySelector('.line').textContent = t('invite_out');
  }

  async function judge(draft, name) {
    core ??= loadCore();
    return (await core)(draft, name);
  }

  async function loadCore() {
    try {
      // chrome.runtime.getURL, written out: web-ext lint accepts an import() of nothing else.
      const glue = await import(chrome.runtime.getURL('core/vetted_invite.js'));
      await glue.default({ module_or_path: api.runtime.getURL('core/vetted_invite_bg.wasm') });
      console.debug('Vetted: the note reader runs in the content script.');
      return async (draft, name) => glue.draft_reason(draft, name);
    } catch {
      // This page's CSP forbids wasm here: the background judges.
      console.debug('Vetted: the note reader runs in the background.');
      return async (draft, name) => {
        const reply = await api.runtime.sendMessage({ type: 'vetted:draft', draft, name });
        if (!reply || 'error' in reply) throw new Error(reply?.error ?? 'no answer');
        return reply.value;
      };
    }
  }

  /** The note dialog: the draft judged as the user types, the characters left, the templates. */
  function noteDialog(dialog, area) {
    const root = lineIn(dialog, area.nextElementSibling ?? area);
    if (root.querySelector('.templates')) return;
    const line = root.querySelector('.line');
    const name = inviteeIn(dialog);
    let asked = 0;
    const update = async () => {
      const draft = area.value;
      const ask = ++asked;
      const [, , limit] = dialog.textContent.match(counter) ?? [];
      const left = limit ? Number(limit) - [...draft].length : null;
      const gives = draft.trim() ? await judge(draft, name).catch(() => null) : false;
      if (ask !== asked || gives === null) return;
      line.className = `line ${gives ? 'reason' : 'noreason'}`;
      line.textContent = [t(gives ? 'invite_reason' : 'invite_no_reason'), left !== null && t('invite_chars_left', left)]
        .filter((part) => part !== false).join(' · ');
    };
    area.addEventListener('input', update);
    const templates = document.createElement('p');
    templates.className = 'templates';
    for (const template of settings.templates) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t('invite_template', template.length > 40 ? `${template.slice(0, 40)}…` : template);
      button.title = template;
      // As if typed: the native setter and an input event, so LinkedIn's counter and its Send
      // button follow. Nothing is sent.
      button.addEventListener('click', () => {
        const text = template.replaceAll('{name}', firstName(name));
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
        area.dispatchEvent(new Event('input', { bubbles: true }));
        area.focus();
      });
      templates.append(button);
    }
    root.append(templates);
    update();
  }

  function look(dialog) {
    if (dialog.closest('[data-vetted-invite]')) return;
    const area = dialog.querySelector(PROFILE.note);
    if (area) return noteDialog(dialog, area);
    if (out.test(dialog.textContent)) return notesRanOut(dialog);
    const controls = [...dialog.querySelectorAll('button, a, [role="button"]')].filter((el) => ask.test(labelOf(el)));
    if (controls.length) nudge(dialog, controls);
  }

  let pending = false;
  function scan() {
    pending = false;
    for (const dialog of document.querySelectorAll(PROFILE.dialogs)) look(dialog);
  }

  async function start() {
    const { settings: stored } = await api.storage.local.get('settings');
    settings = { help: stored?.invite_help !== false, templates: [] };
    if (!settings.help) return;
    settings.templates = (Array.isArray(stored?.invite_templates) ? stored.invite_templates : [])
      .filter((text) => typeof text === 'string' && text.trim()).map((text) => text.slice(0, 300));
    // Only mutations that touch a dialog are looked at: LinkedIn's pages change all the time.
    const touchesDialog = (record) => {
      if (record.target.closest?.(PROFILE.dialogs)) return true;
      return [...record.addedNodes].some((node) => node.nodeType === 1
        && (node.matches(PROFILE.dialogs) || node.querySelector(PROFILE.dialogs)));
    };
    new MutationObserver((records) => {
      if (!pending && records.some(touchesDialog)) {
        pending = true;
        requestAnimationFrame(scan);
      }
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['open'] });
    scan();
  }

  start().catch((error) => console.warn('Vetted:', error));
})();
