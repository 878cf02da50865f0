// The main job, on the demo page: Chromium with dist/chrome opens LinkedIn's invitations URL
// (served from www/ by request interception), and this prints each card's badge as a table and
// saves target/demo/invitations.png. With a display it opens a window; without, it runs headless.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { INVITATIONS, MEDIA, PAGE_CSP, launch, openTab, readBadges, waitForBadges } from '../browser/harness.mjs';
import { ROOT, demoRoutes, fixtures } from '../browser/pages.mjs';

const GENERATION = process.argv[2] ?? 'gen2026';
const headless = !process.env.DISPLAY;
const cards = fixtures(GENERATION);
const persons = cards.filter((card) => card.expect.kind === 'person');

const browser = await launch('chromium', { headless });
try {
  // LinkedIn's CSP allows its own pictures, and no wasm in content scripts: the background path.
  const csp = `${PAGE_CSP}; img-src 'self' ${MEDIA}`;
  const { page, leaks } = await openTab(browser, demoRoutes(GENERATION, new URL(INVITATIONS).pathname), { csp });
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(INVITATIONS, { waitUntil: 'load' });
  await waitForBadges(page, persons.length);
  const badges = await readBadges(page);
  const names = Object.fromEntries(cards.map((card) => [card.file, card.expect.name ?? card.file]));
  const rows = badges.map((b) => [names[b.fixture] ?? '?', b.verdict, b.note, b.rules]);
  printTable(['name', 'verdict', 'note', 'reasons (rule ids, deciding first)'], rows);

  // Show one explanation open, as a user hovering a badge would see it.
  await page.evaluate(() => {
    const host = document.querySelector('[data-vetted-verdict="refuse"]');
    host?.scrollIntoView({ block: 'center' });
    host?.shadowRoot?.querySelector('.badge')?.focus();
  });
  const dir = join(ROOT, 'target', 'demo');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'invitations.png'), fullPage: true });
  console.log(`\n${badges.length} badges on ${cards.length} cards; screenshot: target/demo/invitations.png`);
  if (leaks.length) throw new Error(`the page made requests that left the browser: ${leaks.join(', ')}`);
  if (headless) await browser.close();
  else console.log('Close the browser window to finish.');
} catch (error) {
  await browser.close();
  throw error;
}

function printTable(head, rows) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
