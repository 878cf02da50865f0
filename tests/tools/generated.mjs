// The bench's generated invitation pages' cards: copies of the fixtures' person cards, each with
// its own invitation urn, profile slug, name and element ids (tests/tools/bench.mjs,
// tests/tools/core-speed.mjs).
import { fixtures } from '../browser/pages.mjs';

/** Copy `k` of a person card: its own invitation urn, profile slug, name and element ids. */
function copy(card, k) {
  const { name, slug } = card.expect;
  const suffix = letters(k);
  let html = card.html
    .replaceAll(name, `${name} ${suffix}`)
    .replaceAll(`/in/${slug}/`, `/in/${slug}-${k.toString(36)}/`)
    .replace(/urn:li:invitation:\d+/g, `urn:li:invitation:${7300000000000000000n + BigInt(k)}`)
    .replace(/id="ember(\d+)"/g, (_, n) => `id="ember${k * 1000 + Number(n)}"`)
    // No pictures: thousands of image loads would time the network stack, not the badges.
    .replace(/\ssrc="https:\/\/media\.licdn\.com[^"]*"/g, '');
  return html.replace(/^<([a-zA-Z0-9-]+)/, `<$1 data-bench="${k}"`);
}

function letters(k) {
  let out = '';
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  } while (k > 0);
  return out[0].toUpperCase() + out.slice(1) + 'son';
}

const persons = {};
const personsOf = (layout) =>
  (persons[layout] ??= fixtures(layout).filter((card) => card.expect.kind === 'person'));
/** `count` cards of `layout`, copies `from` on. */
export const cardsOf = (layout, from, count) =>
  Array.from({ length: count }, (_, i) => copy(personsOf(layout)[(from + i) % personsOf(layout).length], from + i));

