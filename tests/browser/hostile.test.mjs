// Hostile text (docs/ARCHITECTURE.md, From a card to its badge and Safety), in both browsers: names, headlines, notes and links written by
// strangers, from tests/fixtures/hostile/payloads.json, in gen2026 cards. No payload ever runs,
// no element is ever built from page text, the page's own DOM is left as it was but for the
// badges, and every person card still gets exactly one badge with the verdict it should have.
//
// Each payload goes in each position twice: HTML-escaped in the page as served, and set through
// the DOM (text nodes and attributes, as React renders) in cards added later, which keeps NUL
// characters and lone surrogates that no served HTML can carry.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, INVITATIONS, PAGE_CSP, addViaDom, launch, openTab, pageTags, waitForBadges } from './harness.mjs';
import { ROOT, demoRoutes } from './pages.mjs';
import { PATH, PERSONS, cardAs, expected, pageErrors, pageWorld, waitForVerdicts, watchPageWorld, watchWorkers } from './robust.mjs';

const CORPUS = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile', 'payloads.json'), 'utf8'));
const PAYLOADS = CORPUS.payloads.map((p) => ({
  ...p,
  text: p.text ?? p.repeat.repeat(Math.ceil(p.length / p.repeat.length)).slice(0, p.length),
}));
/** Where a payload goes: a marker in a fixture card, replaced by the payload. */
const MARK = 'VETTEDPAYLOADMARK';
const NOTE_02 = PERSONS['02-note.html'].expect.message;
const HELENA = 'https://www.linkedin.com/in/Helena-Brandt-Consulting/';
const POSITIONS = {
  name: ['01-no-note.html', (html) => html.replaceAll('Priya Raman', MARK)],
  headline: ['02-note.html', (html) => html.replace('Backend Engineer at Initech | Rust, Kafka, Postgres', MARK)],
  note: ['02-note.html', (html) => html.replace(NOTE_02, MARK)],
  // The profile links carry it in their query; the reply link is the payload itself.
  link: ['03-long-note.html', (html) => html
    .replaceAll(`href="${HELENA}"`, `href="${HELENA}?trk=${MARK}"`)
    .replace(/href="https:\/\/www\.linkedin\.com\/messaging\/compose\/[^"]*"/, `href="${MARK}"`)],
};
const VERDICTS = ['accept', 'consider', 'refuse'];
// What Vetted's shadow roots may hold: its own element kinds, attributes and attribute values.
const OWN_TAGS = new Set(['SPAN', 'P', 'B', 'Q', 'BUTTON', 'TEXTAREA', 'SELECT', 'OPTION', 'LABEL']);
const OWN_ATTRIBUTES = {
  class: null, // checked against Vetted's own stylesheet
  id: /^why$/,
  role: /^(button|status)$/,
  tabindex: /^-?\d+$/,
  'aria-controls': /^why$/,
  'aria-expanded': /^(true|false)$/,
  'aria-label': null, // checked to hold no page text
  popover: /^manual$/,
  type: /^button$/,
  rows: /^\d+$/,
  title: null, // checked to hold no page text
  'data-part': /^(accept|consider|refuse|notes)$/,
  'data-action': /^(know|undo|reply|copy)$/,
  disabled: /^$/,
};
// `style`: place.js moves a badge onto its name's line by its position and margins.
const HOST_ATTRIBUTES = new Set(['data-vetted-verdict', 'data-vetted-note', 'data-vetted-rules', 'role', 'style']);

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Every payload in every position: the card's file name, its HTML with MARK, the payload, the badge it should get. */
const CASES = PAYLOADS.flatMap((payload) =>
  Object.entries(POSITIONS).map(([position, [base, edit]]) => {
    const html = cardAs(base, `${payload.id}@${position}`, edit);
    if (!html.includes(MARK)) throw new Error(`${position}: the marker did not go into ${base}`);
    const free = payload.may_change && position in payload.may_change;
    const unreadable = Boolean(payload.unreadable && position in payload.unreadable);
    return { file: `${payload.id}@${position}`, position, html, payload: payload.text, unreadable, want: free ? null : expected(base) };
  }),
);
/** How many of the cases get a badge. */
const BADGED = CASES.filter((c) => !c.unreadable).length;
const served = (c) => ({ ...c, file: `${c.file}@served`, html: c.html.replace(`"${c.file}"`, `"${c.file}@served"`).replaceAll(MARK, escapeHtml(c.payload)) });
const viaDom = (c) => ({ ...c, file: `${c.file}@dom`, html: c.html.replace(`"${c.file}"`, `"${c.file}@dom"`) });

/** The demo page with every case put in, HTML-escaped, before its own cards. */
function hostileRoutes() {
  const routes = demoRoutes('gen2026', PATH);
  const first = '<div data-fixture="01-no-note.html"';
  if (!routes[PATH].includes(first)) throw new Error('the demo page changed: no first card');
  routes[PATH] = routes[PATH].replace(first, CASES.map((c) => served(c).html).join('\n') + first);
  return routes;
}

/** Everything in Vetted's shadow roots that is not Vetted's own: element kinds, attributes, styles. */
function auditShadowRoots(page, rules) {
  return page.evaluate(({ tags, attributes, hostAttributes }) => {
    const problems = [];
    const hosts = [...document.querySelectorAll('*')].filter((element) => element.shadowRoot);
    for (const host of hosts) {
      const where = host.closest('[data-fixture]')?.dataset.fixture ?? 'summary';
      for (const { name } of host.attributes) {
        if (!hostAttributes.includes(name)) problems.push(`${where}: host attribute ${name}`);
      }
      const style = host.getAttribute('style');
      if (style !== null && !/^((position|margin-inline-start|margin-top): [-\w.]+;\s*)*$/.test(style)) problems.push(`${where}: host style "${style.slice(0, 60)}"`);
      const root = host.shadowRoot;
      if (root.styleSheets.length) problems.push(`${where}: a <style> or <link> in the shadow root`);
      if (root.adoptedStyleSheets.length !== 1) problems.push(`${where}: ${root.adoptedStyleSheets.length} adopted sheets`);
      const css = [...(root.adoptedStyleSheets[0]?.cssRules ?? [])].map((rule) => rule.cssText).join('\n');
      const classes = new Set((css.match(/\.[a-zA-Z_][\w-]*/g) ?? []).map((selector) => selector.slice(1)));
      for (const element of root.querySelectorAll('*')) {
        if (!tags.includes(element.tagName)) problems.push(`${where}: <${element.localName}>`);
        for (const { name, value } of element.attributes) {
          const pattern = attributes[name];
          if (pattern === undefined) problems.push(`${where}: attribute ${name}="${value.slice(0, 60)}"`);
          else if (pattern && !new RegExp(pattern).test(value)) problems.push(`${where}: ${name}="${value.slice(0, 60)}"`);
        }
        for (const name of element.classList) {
          if (!classes.has(name)) problems.push(`${where}: class "${name.slice(0, 60)}"`);
        }
        for (const name of ['aria-label', 'title']) {
          const label = element.getAttribute(name);
          if (label !== null && (label.length > 80 || /[<>{}]|pwned|VETTEDPAYLOADMARK/.test(label))) problems.push(`${where}: ${name} "${label.slice(0, 60)}"`);
        }
      }
    }
    return { hosts: hosts.length, problems };
  }, rules);
}

/** Every case's badge: null, or its verdict, rules and how many badges the card has. */
function hostileBadges(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-fixture*="@"]')].map((card) => {
        const hosts = card.querySelectorAll('[data-vetted-verdict]');
        const host = hosts[0];
        return [card.dataset.fixture, host ? { count: hosts.length, verdict: host.dataset.vettedVerdict, rules: host.dataset.vettedRules, note: host.dataset.vettedNote } : null];
      }),
    ),
  );
}

const notReadable = (logs) => logs.filter((line) => /^warn.*Vetted.*not readable/.test(line)).length;

/** Waits until every card has had its chance at a badge, then says what is wrong with them. */
async function settledBadges(page, count, cases) {
  await waitForBadges(page, count, 30000).catch(() => {});
  return checkBadges(cases, await hostileBadges(page));
}

function checkBadges(cases, badges) {
  const wrong = [];
  for (const c of cases) {
    const badge = badges[c.file];
    if (c.unreadable) {
      if (badge) wrong.push(`${c.file}: a badge on a card Vetted cannot read`);
    } else if (!badge) wrong.push(`${c.file}: no badge`);
    else if (badge.count !== 1) wrong.push(`${c.file}: ${badge.count} badges`);
    else if (!VERDICTS.includes(badge.verdict) || !badge.rules || !['present', 'missing', 'no-reason'].includes(badge.note)) {
      wrong.push(`${c.file}: ${JSON.stringify(badge)}`);
    } else if (c.want) {
      // The verdict and the rule that decided it are the unmodified card's.
      const [verdict, rules] = c.want.split(':');
      if (badge.verdict !== verdict || badge.rules.split(',')[0] !== rules.split(',')[0]) {
        wrong.push(`${c.file}: ${badge.verdict}:${badge.rules}, the unmodified card ${c.want}`);
      }
    }
  }
  return wrong;
}

for (const name of BROWSERS) {
  for (const csp of [null, PAGE_CSP]) {
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP (a payload that became code would run)'}: hostile text`, () => {
      let browser;
      let background = [];
      let tab;
      const routes = hostileRoutes();
      const persons = Object.keys(PERSONS).length;
      before(async () => {
        browser = await launch(name);
        background = await watchWorkers(browser, name);
        tab = await openTab(browser, routes, { csp });
        await tab.page.goto(INVITATIONS);
        await watchPageWorld(tab.page);
      });
      after(async () => {
        await browser?.close();
      });

      test(`${CASES.length} cards with ${PAYLOADS.length} payloads in names, headlines, notes and links, as served`, async () => {
        const { page, logs } = tab;
        assert.deepEqual(await settledBadges(page, persons + BADGED, CASES.map(served)), []);
        assert.equal(notReadable(logs), CASES.length - BADGED, 'one warning per card Vetted cannot read');
        // The page's own DOM is as served, element for element: nothing built from its text.
        assert.deepEqual(await pageTags(page), await pageTags(page, routes[PATH]));
        assert.deepEqual(pageErrors(logs), []);
      });

      test('the same payloads set through the DOM, as React renders them, in cards added later', async () => {
        const { page } = tab;
        const before = await pageTags(page);
        const cases = CASES.map(viaDom);
        for (const position of Object.keys(POSITIONS)) {
          await addViaDom(page, cases.filter((c) => c.position === position), MARK);
        }
        assert.deepEqual(await settledBadges(page, persons + 2 * BADGED, cases), []);
        assert.equal(notReadable(tab.logs), 2 * (CASES.length - BADGED), 'one warning per card Vetted cannot read');
        const added = await pageTags(page, cases.map((c) => c.html).join('\n'));
        const now = await pageTags(page);
        for (const [tag, n] of Object.entries(added)) before[tag] = (before[tag] ?? 0) + n;
        assert.deepEqual(now, before);
      });

      test('the explanations open on hostile text, and "I know them" works on a hostile name', async () => {
        const { page } = tab;
        await page.bringToFront();
        // Open every badge's explanation, one after the other: its text is laid out, and nothing runs.
        await page.evaluate(() => {
          for (const host of document.querySelectorAll('[data-fixture*="@"] [data-vetted-verdict]')) {
            host.shadowRoot.querySelector('.badge').click();
            host.shadowRoot.querySelector('.why').getBoundingClientRect();
          }
        });
        const file = `${PAYLOADS.find((p) => p.id === 'img-onerror').id}@name@served`;
        await page.evaluate((file) => {
          const host = document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`);
          const know = [...host.shadowRoot.querySelectorAll('button')].find((b) => /know/i.test(b.textContent));
          know.click();
        }, file);
        // Known by the profile link, which every card of that name shares.
        await waitForVerdicts(page, { [file]: 'accept:K', 'long-10000@name@dom': 'accept:K', 'nul-bytes@name@dom': 'accept:K' });
        await page.evaluate((file) => {
          const host = document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`);
          [...host.shadowRoot.querySelectorAll('button')].find((b) => /undo/i.test(b.textContent)).click();
        }, file);
        await waitForVerdicts(page, { [file]: expected('01-no-note.html'), 'long-10000@name@dom': expected('01-no-note.html') });
      });

      test('no payload ran, and Vetted built nothing from page text', async () => {
        const { page, logs } = tab;
        const world = await pageWorld(page);
        assert.deepEqual({ pwned: world.pwned, errors: world.errors, titleChanged: world.titleChanged }, { pwned: null, errors: [], titleChanged: false });
        const custom = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vetted-pwned'));
        assert.equal(custom, '');
        const audit = await auditShadowRoots(page, {
          tags: [...OWN_TAGS],
          attributes: Object.fromEntries(Object.entries(OWN_ATTRIBUTES).map(([k, v]) => [k, v && v.source])),
          hostAttributes: [...HOST_ATTRIBUTES],
        });
        assert.equal(audit.hosts, persons + 2 * BADGED + 1, 'badge hosts and the summary line');
        assert.deepEqual(audit.problems, []);
        assert.deepEqual(pageErrors(logs), []);
      });

      test('the extension made no network request', () => {
        assert.deepEqual([...tab.leaks, ...background], []);
      });
    });
  }
}
