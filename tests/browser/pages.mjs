// The demo pages: each www/<generation>.html shell with that generation's fixture cards put in
// at its `<!-- vetted:cards -->` marker, so that the demo and the tests read the same cards.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const MARKER = '<!-- vetted:cards -->';
const EXPECT = /^<!--\s*expect\s+(\{.*\})\s*-->\s*\n?/;

/** The fixture cards of one generation, in file-name order, each with its expected reading. */
export function fixtures(generation) {
  const dir = join(ROOT, 'tests', 'fixtures', generation);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = text.match(EXPECT);
      if (!match) throw new Error(`${generation}/${file}: no <!-- expect {...} --> first line`);
      return { file, expect: JSON.parse(match[1]), html: text.slice(match[0].length).trim() };
    });
}

/** The card's HTML with `data-fixture` on its root, so tests can tell which card is which. */
export function tagged(card) {
  return card.html.replace(/^<([a-zA-Z0-9-]+)/, `<$1 data-fixture="${card.file}"`);
}

/** The whole demo page of one generation, with its fixture cards or the cards `html`. */
export function demoPage(generation, html = fixtures(generation).map(tagged).join('\n')) {
  const shell = readFileSync(join(ROOT, 'www', `${generation}.html`), 'utf8');
  if (!shell.includes(MARKER)) throw new Error(`www/${generation}.html has no ${MARKER}`);
  return shell.replace(MARKER, () => html);
}

/**
 * The routes that serve a demo page at `path` (with its fixture cards, or the cards `cards`):
 * its inline styles move to a same-origin stylesheet, as LinkedIn serves its own, so that the
 * page looks right under a strict page CSP.
 */
export function demoRoutes(generation, path, cards = undefined) {
  const styles = [];
  const stylesheet = `/vetted-demo/${generation}.css`;
  const html = demoPage(generation, cards)
    .replace(/<style>([\s\S]*?)<\/style>/g, (_, css) => {
      styles.push(css);
      return '';
    })
    .replace('</head>', `<link rel="stylesheet" href="${stylesheet}"></head>`);
  return { [path]: html, [stylesheet]: styles.join('\n') };
}

export const GENERATIONS = ['gen2026', 'gen2025', 'classic'].filter((g) => {
  try {
    return readdirSync(join(ROOT, 'tests', 'fixtures', g)).length > 0;
  } catch {
    return false;
  }
});
