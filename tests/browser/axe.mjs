// axe-core, the field's accessibility checker (pinned in tests/package.json), run inside a page
// under test: WCAG 2.0, 2.1 and 2.2 rules of levels A and AA, open shadow roots included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * The WCAG A/AA violations axe finds in `page` (within `context`, a selector or axe context,
 * the whole document by default), each as "rule: target, target (summary)" for a readable
 * assertion message. Injected by the test driver (not a <script> tag), so the page's CSP does
 * not apply.
 */
export async function axeViolations(page, context = null) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags, context) => {
    const result = await globalThis.axe.run(context ?? document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({ target: n.target.flat().join(' >>> '), summary: n.failureSummary })),
    }));
  }, WCAG_TAGS, context);
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target} (${n.summary.replace(/\s+/g, ' ')})`).join('; ')}`);
}
