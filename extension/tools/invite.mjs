// Writes dist's invite.js from extension/invite.js with what the core knows of LinkedIn's
// invitation dialogs (`invite_profile`: InviteProfile in src/page/invite.rs), so that the core
// stays its one source and the script needs no wasm until a note dialog opens.
// Usage: node extension/tools/invite.mjs CORE_DIR OUT_FILE  (CORE_DIR: the glue and the wasm)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [core, out] = process.argv.slice(2);
const PLACE = "'VETTED_INVITE_PROFILE'";

const glue = await import(resolve(core, 'vetted_invite.js'));
glue.initSync({ module: readFileSync(join(core, 'vetted_invite_bg.wasm')) });
const profile = glue.invite_profile();
for (const [key, value] of Object.entries(profile)) {
  if (typeof value !== 'string' || !value) throw new Error(`the core's invite profile has no "${key}"`);
  if (!['dialogs', 'note', 'vanity'].includes(key)) new RegExp(value, 'iu'); // throws if no regular expression
}

const source = readFileSync(new URL('../invite.js', import.meta.url), 'utf8');
if (source.split(PLACE).length !== 2) throw new Error(`extension/invite.js holds ${PLACE} not exactly once`);
writeFileSync(out, source.replace(PLACE, () => JSON.stringify(profile)));
