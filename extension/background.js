// Vetted's background: hosts the same core for content scripts that cannot compile wasm in
// place (Chromium, on pages whose CSP forbids it; docs/ARCHITECTURE.md, Why it is built this way). One message per batch.
// Chrome runs it as a service worker, Firefox as an event page: static imports only.
import init, { classify, configure, profile } from './core/vetted.js';
// The invitation dialogs' small wasm, started only when a draft first needs judging here.
import initInvite, { draft_reason } from './core/vetted_invite.js';

const api = globalThis.browser ?? globalThis.chrome;
const utf8 = new TextEncoder(); // the core takes a batch as UTF-8: see classify in src/boundary/bindings.rs
const ready = init({ module_or_path: api.runtime.getURL('core/vetted_bg.wasm') });
let configured = null; // the stamp of the settings in force
let invite = null; // the dialogs' wasm, once started

function configureOnce(settings, stamp) {
  if (stamp === configured) return 0;
  configured = stamp;
  return configure(settings);
}

const handlers = {
  'vetted:profile': () => profile(),
  'vetted:configure': ({ settings, stamp }) => {
    configured = null;
    return configureOnce(settings, stamp);
  },
  'vetted:draft': async ({ draft, name }) => {
    invite ??= initInvite({ module_or_path: api.runtime.getURL('core/vetted_invite_bg.wasm') });
    await invite;
    return draft_reason(String(draft), String(name));
  },
  'vetted:classify': ({ batch, settings, stamp }) => {
    configureOnce(settings, stamp);
    return classify(utf8.encode(batch));
  },
};

api.runtime.onMessage.addListener((message, sender, reply) => {
  const handler = message && Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
  // Only this extension's own content scripts and pages are answered.
  if (!handler || sender.id !== api.runtime.id) return false;
  ready
    // The wasm memory's size rides along, for the content script's debug line (./build.sh bench).
    .then(async (wasm) => reply({ value: await handler(message), memory: wasm.memory.buffer.byteLength }))
    .catch((error) => reply({ error: String(error) }));
  return true;
});
