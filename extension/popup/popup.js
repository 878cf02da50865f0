// Vetted's popup. This file does the browser's asynchronous work (storage, the active tab,
// permissions, files) and hands the results to the Rust core, which builds the whole UI
// (src/popup/mod.rs) and calls back into the plain functions in `actions`.
// Without extension APIs (the page opened as a file, in tests) it shows the defaults and says so.

import init, { render_popup } from '../core/vetted_popup.js';

const api = globalThis.chrome?.storage ? globalThis.chrome : null;
// The browser's words for a message of _locales (empty when it has none: the core's English then).
const i18n = api?.i18n ? (key, substitutions) => api.i18n.getMessage(key, substitutions) : null;
const message = (key, english, detail) => i18n?.(key, [String(detail)]) || english.replace('$1', detail);
const LINKEDIN = { origins: ['https://www.linkedin.com/*'] };
const inTab = location.hash === '#tab';
// A Firefox popup closes as soon as a file dialog opens: there, files are handled in a tab.
const isFirefox = typeof globalThis.browser?.runtime?.getBrowserInfo === 'function';

async function storedSettings(problems) {
  if (!api) {
    problems.push('Extension storage is not available here: showing the defaults; nothing is saved.');
    return undefined;
  }
  try {
    return (await api.storage.local.get('settings')).settings;
  } catch (error) {
    problems.push(message('popup_storage_failed', 'The stored settings could not be read ($1).', error?.message ?? error));
    return undefined;
  }
}

// The names the badges' "I know them" noted, by profile address (an object; {} when none).
async function knownNames() {
  try {
    const names = (await api?.storage.local.get('known_names'))?.known_names;
    return names && typeof names === 'object' && !Array.isArray(names) ? names : {};
  } catch {
    return {};
  }
}

// The tab that was active when the popup opened: the one whose counts it shows, and asks again.
async function activeTab() {
  if (!api?.tabs || inTab) return undefined;
  try {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

// The content script's answer about a tab, or null: no answer means no invitations page.
async function tabStatus(tabId) {
  if (tabId === undefined) return null;
  try {
    const timeout = new Promise((resolve) => setTimeout(resolve, 1000, null));
    const answer = await Promise.race([api.tabs.sendMessage(tabId, { type: 'vetted:status' }), timeout]);
    return answer && typeof answer === 'object' ? answer : null;
  } catch {
    return null;
  }
}

// The counts follow the tab while the popup is open: a change of the settings (a switch or a
// list here, "I know them" in the tab) makes the tab re-badge, which takes it a moment, so the
// popup asks often for a few seconds after each change, and now and then otherwise (the page may
// load more invitations). Only an answer that differs is shown.
const ASK_SOON_MS = 250;
const SOON_FOR_MS = 4000;
const ASK_LATER_MS = 2000;
function followCounts(tabId, shown) {
  if (tabId === undefined) return;
  let last = JSON.stringify(shown);
  let changed = 0;
  let asking = false;
  let timer;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, Date.now() - changed < SOON_FOR_MS ? ASK_SOON_MS : ASK_LATER_MS);
  };
  async function ask() {
    asking = true;
    const status = await tabStatus(tabId);
    asking = false;
    const seen = JSON.stringify(status);
    if (seen !== last) {
      last = seen;
      app.dispatchEvent(new CustomEvent('vetted:status', { detail: status }));
    }
    schedule();
  }
  api.storage.onChanged?.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    changed = Date.now();
    // A question on its way schedules the next one itself.
    if (!asking) schedule();
  });
  schedule();
}

async function canGrantAccess() {
  try {
    return Boolean(api?.permissions) && !(await api.permissions.contains(LINKEDIN));
  } catch {
    return false;
  }
}

// What an action learns later goes back to the Rust side as a `vetted:done` event on the root.
const app = document.getElementById('app');
const done = (action, result) => app.dispatchEvent(new CustomEvent('vetted:done', { detail: { action, ...result } }));

const actions = {
  save(settings) {
    // Open LinkedIn tabs re-badge on the storage change.
    api?.storage.local.set({ settings }).catch((error) => done('save', { error }));
  },
  exportFile(text, filename) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    // The save dialog may still need the address: let it live a while.
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  },
  readFile(file) {
    file.text().then((text) => done('readFile', { text }), (error) => done('readFile', { error }));
  },
  requestAccess() {
    // Called straight from the click, as permissions.request needs a user action.
    api.permissions.request(LINKEDIN).then(() => location.reload(), () => {});
  },
  openInTab() {
    api.tabs.create({ url: api.runtime.getURL('popup/popup.html#tab') });
    window.close();
  },
};

async function main() {
  const problems = [];
  const tabId = await activeTab();
  const [, settings, status, grant, names] = await Promise.all([
    init({ module_or_path: api ? api.runtime.getURL('core/vetted_popup_bg.wasm') : '../core/vetted_popup_bg.wasm' }),
    storedSettings(problems),
    tabStatus(tabId),
    canGrantAccess(),
    knownNames(),
  ]);
  if (inTab) document.documentElement.classList.add('tab');
  document.documentElement.lang = i18n?.('lang') || 'en';
  render_popup(app, {
    settings,
    problems,
    status,
    canGrantAccess: grant,
    filesInTab: Boolean(api) && isFirefox && !inTab,
    message: i18n,
    knownNames: names,
  }, actions);
  followCounts(tabId, status);
  app.removeAttribute('aria-busy');
}

main().catch((error) => {
  const alert = document.createElement('p');
  alert.className = 'problems';
  alert.setAttribute('role', 'alert');
  alert.textContent = message('popup_failed', 'Vetted could not start: $1', error?.message ?? error);
  app.replaceChildren(alert);
  app.removeAttribute('aria-busy');
});
