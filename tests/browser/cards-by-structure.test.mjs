// Cards found by their structure, in both browsers and on both paths (a LinkedIn-like page CSP,
// under which Chromium runs the core in the background, and none): a card is what holds an
// Ignore/Accept pair and its sender, however LinkedIn writes it. The variant-rich manager page
// (www/variants.html), a markup nobody has seen, the canary, the My Network page
// (www/mynetwork.html) reached by URL and in-app, every manager view, columns that show and
// hide, "Load more", an accepted card, what the summary line and the popup count, and hostile
// text, a panic in the core and no request on the My Network page.
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BROWSERS, FEED, PAGE_CSP, addViaDom, badgePlaces, launch, notBesideName, openTab, pageTags, readBadges, waitForBadges,
} from './harness.mjs';
import { ROOT, demoPage, demoRoutes, fixtures } from './pages.mjs';
import { cardAs, expected, pageErrors, pageWorld, sleep, waitForVerdicts, watchPageWorld, watchWorkers } from './robust.mjs';
import { setStoredSettings } from './extension-pages.mjs';
import {
  GROW, MYNETWORK, at, clickOn, escapeHtml, layoutWarnings, manager, payloads, routesFor,
  shown, swapBack, swapTo, tabStatuses, visibleCounts, wwwPage,
} from './cards-by-structure-pages.mjs';

const badge = (verdict, note, rules) => ({ verdict, note, rules });
const R5 = badge('refuse', 'missing', 'R5');
const R6 = badge('refuse', 'missing', 'R6,R5');
const R2 = badge('consider', 'present', 'R2');
/** www/variants.html: each card's badge, or null for none. Focused is the column shown first. */
const FOCUSED = {
  'v-no-componentkey': R5, // a 2026 card without componentkey
  'v-text-only': R2, // Ignore and Accept with no aria-label
  'v-2025-beside': badge('consider', 'present', 'R4'), // controls beside the pending-invitation element
  'v-accept-link': badge('refuse', 'missing', 'R3,R5'), // Accept is a link
  'v-verified': R6, // "Verified" marks in the name link
  'v-premium': badge('refuse', 'present', 'R1'), // a Premium svg with a <title> in the name link
  'v-alt-only': R5, // the name only in the picture's alt text
  'v-expandable': badge('consider', 'present', 'E1'), // clamped note, aria-hidden copy, reply in a <p>
  'v-message-more': badge('refuse', 'missing', 'R5,O'), // Message and "Show more actions" too
  'v-french': badge('refuse', 'present', 'R6'),
  'v-german': badge('refuse', 'missing', 'R6,R5,O'),
  'v-signature': R5, // the 2026 signature, as tests/fixtures/gen2026/04-default-note.html
  'n-newsletter': null, 'n-group': null, 'n-suggestion': null, 'n-connected': null,
  's-rafael': null, 's-yuki': null, 's-amara': null, 'cookie-banner': null,
};
const OTHER = { 'o-ivan': R5, 'o-ruth': R6, 'o-mei': R2 }; // shown by picking "Other"
const MUTUAL = { 'm-omar': R5, 'm-anna': R6, 'm-sofia': R2 }; // by the "Mutual connections" filter
const MORE = { // added by "Load more"
  'more-01': R5, 'more-02': R5, 'more-03': R6, 'more-04': R2, 'more-05': R5,
  'more-06': R5, 'more-07': R2, 'more-08': R5, 'more-09': R5, 'more-10': R5,
};
/** www/mynetwork.html: the invitations preview, "People you may know", the cookie banner. */
const PREVIEW = {
  'preview-priya': R5, 'preview-daniel': R2, 'preview-sarah': R6, 'preview-newsletter': null,
  'pymk-rafael': null, 'pymk-yuki': null, 'pymk-amara': null, 'cookie-banner': null,
};
/** The senders' names as the cards write them (v-alt-only has its name in a picture only). */
const NAMES = {
  'v-no-componentkey': 'Priya Raman', 'v-text-only': 'Daniel Okoye', 'v-2025-beside': 'Oliver Grant',
  'v-accept-link': 'Marco Bellini', 'v-verified': 'Sarah Whitfield', 'v-premium': 'Emily Watson',
  'v-expandable': 'Helena Brandt', 'v-message-more': 'Nadia Rahman', 'v-french': 'Camille Dubois',
  'v-german': 'Jonas Becker', 'v-signature': 'Kevin Marsh',
};
const PREVIEW_NAMES = { 'preview-priya': 'Priya Raman', 'preview-daniel': 'Daniel Okoye', 'preview-sarah': 'Sarah Whitfield' };
const persons = (table) => Object.keys(table).filter((file) => table[file]);
const without = (table, ...files) => Object.fromEntries(Object.entries(table).filter(([file]) => !files.includes(file)));
/** For waitForVerdicts: 'verdict:rules', or null for no badge. */
const verdicts = (table) => Object.fromEntries(Object.entries(table).map(([f, b]) => [f, b && `${b.verdict}:${b.rules}`]));

const VARIANTS = manager('ALL');
const variantRoutes = () => routesFor(VARIANTS, wwwPage('variants.html'), 'variants');
const MY_NETWORK = wwwPage('mynetwork.html');
const GEN2026 = fixtures('gen2026').filter((card) => card.expect.kind === 'person').length;
const FEED_PAGE = '<!doctype html><html><head><title>Feed | LinkedIn</title></head><body><main><h1>Feed</h1></main></body></html>';
const SLUGS = ['ALL', 'FROM_VERIFIED_MEMBER', 'PEOPLE_WITH_MUTUAL_CONNECTION', 'PEOPLE_WITH_MUTUAL_SCHOOL', 'FROM_COMPANY_PAGES_2027'];

// A markup nobody has seen: no class, no role, no data-*; a profile link and text-only controls.
const UNSEEN_CARDS = [
  ['<article><a href="https://www.linkedin.com/in/hugo-lambert-12/">Hugo Lambert</a><div>Backend Developer at Vandelay Industries</div>' +
    '<div>8 mutual connections</div><div><button>Ignore</button><button>Accept</button></div></article>', R5],
  ['<div><div><a href="https://www.linkedin.com/in/maya-goldberg-talent/">Maya Goldberg</a></div><div>Technical Recruiter at Hays</div>' +
    '<div>2 days ago</div><button>Ignore</button> <button>Accept</button></div>', R6],
  ['<article><a href="https://www.linkedin.com/company/vandelay-industries/">Vandelay Industries</a>' +
    '<div><a href="https://www.linkedin.com/in/jordan-ellis-nw/">Jordan Ellis</a> invited you to follow Vandelay Industries</div>' +
    '<div><button>Ignore</button><button>Accept</button></div></article>', null],
  ['<div><a href="https://www.linkedin.com/in/felix-wagner-dev/">Felix Wagner</a><div>Softwareentwickler bei Siemens</div>' +
    '<div><button>Ignorieren</button><button>Annehmen</button></div></div>', R5],
];
const plainPage = (cards) => '<!doctype html><html><head><title>Invitations | LinkedIn</title></head><body><main>' +
  `<h1>Invitations</h1><section>${cards.join('\n')}</section></main></body></html>`;
// Controls that look like an invitation's, but no sender anywhere: nothing Vetted can read.
const FACELESS = '<div><p>A LinkedIn member wants to connect</p><p>3 mutual connections</p><button>Ignore</button><button>Accept</button></div>';

/** The cards of `table` as the page shows them: one badge each, as the table says, with an explanation. */
function assertBadges(cards, table, { visible = true } = {}) {
  for (const [file, want] of Object.entries(table)) {
    const card = cards[file];
    assert.ok(card, `${file}: no such card on the page`);
    if (visible) assert.ok(card.visible, `${file}: not visible`);
    if (!want) {
      assert.equal(card.badges.length, 0, `${file}: ${card.badges.length} badges on a card that should have none`);
      continue;
    }
    assert.equal(card.badges.length, 1, `${file}: ${card.badges.length} badges`);
    const { verdict, note, rules, explanation } = card.badges[0];
    assert.deepEqual({ verdict, note, rules }, want, file);
    assert.ok(explanation?.length > 0, `${file}: empty explanation`);
  }
}

for (const name of BROWSERS) {
  for (const csp of [PAGE_CSP, null]) {
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}: cards by structure`, () => {
      const where = name === 'chromium' && csp ? 'in the background' : 'in the content script';
      let browser;
      let background = [];
      const tabs = [];
      before(async () => {
        browser = await launch(name);
        background = await watchWorkers(browser, name);
      });
      afterEach(async () => {
        // One LinkedIn tab at a time, so that the popup's question reaches the one under test.
        for (const tab of tabs) if (!tab.page.isClosed()) await tab.page.close();
      });
      after(async () => {
        await browser?.close();
      });

      async function open(routes, path) {
        const tab = await openTab(browser, routes, { csp });
        tabs.push(tab);
        if (path) await tab.page.goto(at(path));
        return tab;
      }

      /** The summary line and the popup count the badges of the cards the page shows, no other. */
      async function assertCounts(page) {
        const read = async () => {
          const { cards, summaries } = await shown(page);
          const want = visibleCounts(cards);
          return { want, summaries, line: [want.accept, want.consider, want.refuse, want.missing_note, want.no_reason] };
        };
        let now = await read();
        const until = Date.now() + 5000; // the summary follows the page within a few frames
        while (now.summaries[0]?.join() !== now.line.join() && Date.now() < until) {
          await sleep(100);
          now = await read();
        }
        assert.equal(now.summaries.length, 1, `${now.summaries.length} summary lines`);
        assert.deepEqual(now.summaries[0], now.line, 'the summary line counts what is visible');
        const statuses = await tabStatuses(browser, name);
        assert.deepEqual(statuses.map((status) => status.counts), [now.want], 'the popup counts what is visible');
      }

      test('the variant-rich manager page: every person card badged once, as expected; no other card', async () => {
        const { page, logs } = await open(variantRoutes(), VARIANTS);
        await waitForVerdicts(page, verdicts(FOCUSED));
        await sleep(300);
        const { cards } = await shown(page);
        assertBadges(cards, FOCUSED);
        // The hidden columns' cards: badged now or once shown, but never twice nor wrongly.
        for (const [file, want] of Object.entries({ ...OTHER, ...MUTUAL })) {
          assert.equal(cards[file].visible, false, `${file}: visible before it was picked`);
          if (cards[file].badges.length) assertBadges({ [file]: cards[file] }, { [file]: want }, { visible: false });
        }
        assert.ok(logs.some((line) => line.includes(`core runs ${where}`)), `core not ${where}: ${logs.join(' | ')}`);
        assert.deepEqual(layoutWarnings(logs), []);
      });

      test('each badge sits beside the name, on its line, outside any link: the variants and My Network', async () => {
        const { page } = await open(variantRoutes(), VARIANTS);
        await waitForVerdicts(page, verdicts(FOCUSED));
        await sleep(300);
        assert.deepEqual(notBesideName(await badgePlaces(page, NAMES)), []);
        const preview = await open(routesFor(MYNETWORK, MY_NETWORK, 'mynetwork'), MYNETWORK);
        await waitForVerdicts(preview.page, verdicts(PREVIEW));
        await sleep(300);
        assert.deepEqual(notBesideName(await badgePlaces(preview.page, PREVIEW_NAMES)), []);
      });

      test('names are read without the Verified and Premium marks, and from a picture\'s alt text', async () => {
        const { page } = await open(variantRoutes(), VARIANTS);
        const named = ['v-verified', 'v-premium', 'v-alt-only'];
        const want = verdicts(Object.fromEntries(named.map((file) => [file, FOCUSED[file]])));
        await waitForVerdicts(page, want);
        // Known by name only (no profile link in the list): the name read must be the name alone.
        await setStoredSettings(browser, name, { version: 3, known_people: ['Sarah Whitfield', 'Emily Watson', 'Lena Fischer'] });
        try {
          await waitForVerdicts(page, Object.fromEntries(named.map((file) => [file, 'accept:K'])));
        } finally {
          await setStoredSettings(browser, name, { version: 3 });
        }
        await waitForVerdicts(page, want);
      });

      test('a markup nobody has seen: plain article and div cards with a profile link and text-only controls', async () => {
        const { page, logs } = await open({ [manager()]: plainPage(UNSEEN_CARDS.map(([html]) => html)) }, manager());
        const count = UNSEEN_CARDS.filter(([, want]) => want).length;
        await waitForBadges(page, count);
        // The cards in order (Vetted's summary line, a host with a shadow root, left out).
        const seen = await page.evaluate(() => [...document.querySelectorAll('main > section > *')]
          .filter((card) => !card.shadowRoot)
          .map((card) => [...card.querySelectorAll('[data-vetted-verdict]')]
            .map((h) => `${h.dataset.vettedVerdict}/${h.dataset.vettedNote}/${h.dataset.vettedRules}`)));
        assert.deepEqual(seen, UNSEEN_CARDS.map(([, want]) => (want ? [`${want.verdict}/${want.note}/${want.rules}`] : [])));
        assert.deepEqual(layoutWarnings(logs), []);
      });

      test('a clamped note is judged on what the page shows, and again once the user expands it', async () => {
        // LinkedIn shows a note's first line behind "… show more", and the whole note once it is
        // clicked: here the first line is LinkedIn's default text, the rest a business proposal.
        const card = '<div><a href="https://www.linkedin.com/in/kim-lee/">Kim Lee</a><p>Engineer at Initech</p>' +
          '<button>Ignore</button><button>Accept</button><p><span class="note">I\'d like to add you to my ' +
          'professional network on LinkedIn.</span><button class="more">… show more</button></p></div>';
        const { page } = await open({ [manager()]: plainPage([card]) }, manager());
        const verdict = () => page.evaluate(() => {
          const host = document.querySelector('[data-vetted-verdict]');
          return host && `${host.dataset.vettedVerdict}/${host.dataset.vettedNote}/${host.dataset.vettedRules}`;
        });
        const until = async (want) => {
          const end = Date.now() + 10000;
          while ((await verdict()) !== want && Date.now() < end) await sleep(50);
          assert.equal(await verdict(), want);
        };
        await until('refuse/missing/R5');
        await page.evaluate(() => {
          document.querySelector('.note').textContent += ' We are looking for a Rust contractor for a ' +
            'six-month project; the budget is approved and I would be glad to send you a proposal.';
          document.querySelector('.more').textContent = 'show less';
        });
        await until('consider/present/E1');
        assert.equal((await readBadges(page)).length, 1, 'one badge, redrawn');
      });

      test('the canary: Ignore/Accept controls with no readable card log one warning and add no badge', async () => {
        const { page, logs } = await open({ [manager()]: plainPage([FACELESS, FACELESS.replace('A LinkedIn member', 'Someone')]) }, manager());
        const until = Date.now() + 10000;
        while (layoutWarnings(logs).length === 0 && Date.now() < until) await sleep(100);
        await page.evaluate((html) => document.querySelector('main > section').insertAdjacentHTML('beforeend', html), FACELESS);
        await sleep(1000);
        assert.equal((await readBadges(page)).length, 0, 'a badge on a card with no sender');
        assert.equal(layoutWarnings(logs).length, 1, logs.filter((line) => line.includes('Vetted')).join(' | '));
      });

      test('My Network (/mynetwork/grow/, /mynetwork/): the invitations preview is badged, nothing else', async () => {
        for (const path of [GROW, MYNETWORK]) {
          const { page, logs } = await open(routesFor(path, MY_NETWORK, 'mynetwork'), path);
          await waitForVerdicts(page, verdicts(PREVIEW));
          await sleep(300);
          assertBadges((await shown(page)).cards, PREVIEW);
          assert.ok(logs.some((line) => line.includes(`core runs ${where}`)), `${path}: core not ${where}`);
          assert.deepEqual(layoutWarnings(logs), [], path);
        }
        // No invitations: suggestions' Connect links and the cookie banner's Accept are no cards.
        const empty = wwwPage('mynetwork.html', { preview: () => '<p>No pending invitations</p>' });
        const { page, logs } = await open(routesFor(MYNETWORK, empty, 'mynetwork'), MYNETWORK);
        await sleep(1500);
        assert.equal((await readBadges(page)).length, 0);
        assert.deepEqual(layoutWarnings(logs), []);
      });

      test('in-app navigation: feed, My Network, the manager and back to My Network, badged each time', async () => {
        const { page } = await open({ '/feed/': FEED_PAGE });
        await page.goto(FEED);
        await sleep(300);
        assert.equal((await readBadges(page)).length, 0, 'badges on the feed');
        await swapTo(page, MYNETWORK, MY_NETWORK);
        await waitForBadges(page, persons(PREVIEW).length);
        assertBadges((await shown(page)).cards, PREVIEW, { visible: false });
        await swapTo(page, manager(), demoPage('gen2026'));
        await waitForBadges(page, GEN2026);
        assert.equal(await swapBack(page, MY_NETWORK), MYNETWORK);
        await waitForBadges(page, persons(PREVIEW).length);
        assertBadges((await shown(page)).cards, PREVIEW, { visible: false });
      });

      test('every view of the invitation manager is badged: its filters and a slug not seen yet', async () => {
        for (const slug of SLUGS) {
          const { page } = await open(demoRoutes('gen2026', manager(slug)), manager(slug));
          await waitForBadges(page, GEN2026).catch(() => assert.fail(`${manager(slug)}: not ${GEN2026} badges`));
          await page.close();
        }
      });

      test('"Load more" badges the new cards once each; an accepted card loses its badge', async () => {
        const { page } = await open(variantRoutes(), VARIANTS);
        await waitForVerdicts(page, verdicts(FOCUSED));
        await clickOn(page, '[aria-label="Cookie consent"]', 'button', 'Accept'); // the banner goes
        await clickOn(page, 'main', 'button', 'Load more');
        await waitForVerdicts(page, verdicts(MORE));
        await sleep(500);
        assertBadges((await shown(page)).cards, without({ ...FOCUSED, ...MORE }, 'cookie-banner'));
        // The user accepts two invitations (a button, a link); LinkedIn's script replaces each card.
        await clickOn(page, '[data-fixture="v-text-only"]', 'button', 'Accept');
        await clickOn(page, '[data-fixture="v-accept-link"]', 'a', 'Accept');
        await waitForVerdicts(page, { 'v-text-only': null, 'v-accept-link': null });
        const { cards } = await shown(page);
        for (const file of ['v-text-only', 'v-accept-link']) assert.match(cards[file].text, /is now a connection/, file);
        assertBadges(cards, without({ ...FOCUSED, ...MORE, 'v-text-only': null, 'v-accept-link': null }, 'cookie-banner'));
        await assertCounts(page);
      });

      test('Focused/Other and the filters: the column shown is badged; the summary and the popup count it alone', async () => {
        const { page } = await open(variantRoutes(), VARIANTS);
        await waitForVerdicts(page, verdicts(FOCUSED)).catch(() => {}); // reported below, after the counts
        await assertCounts(page);
        assertBadges((await shown(page)).cards, FOCUSED);
        await clickOn(page, 'main', '[aria-haspopup="menu"]', 'Focused');
        await clickOn(page, '[role="menu"]', '[role="menuitem"]', 'Other');
        await waitForVerdicts(page, verdicts(OTHER));
        assertBadges((await shown(page)).cards, OTHER);
        await assertCounts(page);
        await clickOn(page, '[role="radiogroup"]', '[role="radio"]', 'Mutual connections');
        assert.equal(await page.evaluate(() => location.pathname), manager('PEOPLE_WITH_MUTUAL_CONNECTION'));
        await waitForVerdicts(page, verdicts(MUTUAL));
        assertBadges((await shown(page)).cards, MUTUAL);
        await assertCounts(page);
        await clickOn(page, '[role="radiogroup"]', '[role="radio"]', 'All'); // back to Other
        await assertCounts(page);
        const { cards } = await shown(page);
        assert.ok(Object.values(cards).every((card) => card.badges.length <= 1), 'a card with two badges');
      });

      test('hostile text in the My Network preview: nothing runs, one badge each, the page\'s DOM as it was', async () => {
        const MARK = 'VETTEDPAYLOADMARK';
        const note = fixtures('gen2026').find((c) => c.file === '02-note.html').expect.message;
        const positions = {
          name: ['01-no-note.html', (h) => h.replaceAll('Priya Raman', MARK)],
          note: ['02-note.html', (h) => h.replace(note, MARK)],
        };
        const cases = payloads().flatMap((p) => Object.entries(positions).map(([position, [base, edit]]) => ({
          file: `${p.id}@${position}`, base, payload: p.text, html: cardAs(base, `${p.id}@${position}`, edit),
          unreadable: Boolean(p.unreadable?.[position]), free: Boolean(p.may_change?.[position]),
        })));
        const as = (c, how) => ({ ...c, file: `${c.file}@${how}`, html: c.html.replace(`"${c.file}"`, `"${c.file}@${how}"`) });
        const served = cases.map((c) => as(c, 'served')).map((c) => ({ ...c, html: c.html.replaceAll(MARK, escapeHtml(c.payload)) }));
        const html = wwwPage('mynetwork.html', { preview: (own) => `${served.map((c) => c.html).join('\n')}\n${own}` });
        const routes = routesFor(MYNETWORK, html, 'mynetwork');
        const { page, logs } = await open(routes, MYNETWORK);
        await watchPageWorld(page);
        const dom = cases.map((c) => as(c, 'dom'));
        const readable = cases.filter((c) => !c.unreadable).length;
        const all = persons(PREVIEW).length + 2 * readable;
        await waitForBadges(page, persons(PREVIEW).length + readable, 30000).catch(() => {});
        const tags = await pageTags(page);
        assert.deepEqual(tags, await pageTags(page, routes[MYNETWORK]), 'Vetted added elements to the page\'s DOM');
        await addViaDom(page, dom, MARK, '[componentkey="MyNetwork_InvitationsPreview"] [role="list"]');
        await waitForBadges(page, all, 30000).catch(() => {});
        const { cards } = await shown(page);
        const wrong = [];
        for (const c of [...served, ...dom]) {
          const { badges } = cards[c.file];
          // The verdict and the rule that decided it are the unmodified card's, unless the payload may change them.
          const [verdict, rules] = expected(c.base).split(':');
          const decided = badges[0] && `${badges[0].verdict}:${badges[0].rules.split(',')[0]}`;
          if (c.unreadable) {
            if (badges.length) wrong.push(`${c.file}: a badge on a card Vetted cannot read`);
          } else if (badges.length !== 1) wrong.push(`${c.file}: ${badges.length} badges`);
          else if (!c.free && decided !== `${verdict}:${rules.split(',')[0]}`) wrong.push(`${c.file}: ${decided}`);
        }
        assert.deepEqual(wrong, []);
        assertBadges(cards, PREVIEW);
        const added = await pageTags(page, dom.map((c) => c.html).join('\n'));
        for (const [tag, n] of Object.entries(added)) tags[tag] = (tags[tag] ?? 0) + n;
        assert.deepEqual(await pageTags(page), tags, 'Vetted added elements to the page\'s DOM');
        const world = await pageWorld(page);
        assert.deepEqual({ pwned: world.pwned, errors: world.errors }, { pwned: null, errors: [] });
        assert.deepEqual(pageErrors(logs), []);
      });

      test('the extension made no network request', () => {
        assert.deepEqual([...tabs.flatMap((tab) => tab.leaks), ...background], []);
      });
    });
  }
}

// A panic in the core on the My Network page (the test-only build, see faults.test.mjs).
const FAULT_BUILD = 'dist/test-fault';
const TRIGGER = 'VETTED-PANIC-TRIGGER';
for (const name of BROWSERS) {
  const skip = !existsSync(join(ROOT, FAULT_BUILD)) && `no ${FAULT_BUILD}: run ./build.sh test`;
  describe(`${name}: a panic in the core on the My Network page`, { skip }, () => {
    let browser;
    let background = [];
    const tabs = [];
    before(async () => {
      browser = await launch(name, { build: FAULT_BUILD });
      background = await watchWorkers(browser, name);
    });
    after(async () => {
      await browser?.close();
    });

    for (const csp of [PAGE_CSP, null]) {
      test(`${csp ? 'page CSP' : 'no page CSP'}: costs the faulty preview card its badge, never the others`, async () => {
        const faulty = cardAs('01-no-note.html', 'faulty', (html) => html.replace('Data Engineer at Northwind Logistics', TRIGGER));
        const html = wwwPage('mynetwork.html', { preview: (own) => `${own}\n${faulty}` });
        const tab = await openTab(browser, routesFor(MYNETWORK, html, 'mynetwork'), { csp });
        tabs.push(tab);
        await tab.page.goto(at(MYNETWORK));
        await watchPageWorld(tab.page);
        await waitForVerdicts(tab.page, { ...verdicts(PREVIEW), faulty: null });
        await sleep(500);
        assert.deepEqual((await readBadges(tab.page)).map((b) => b.fixture).sort(), persons(PREVIEW).sort());
        assert.ok(tab.logs.some((line) => /could not be judged/.test(line)), tab.logs.filter((l) => l.includes('Vetted')).join(' | '));
        assert.deepEqual((await pageWorld(tab.page)).errors, []);
        assert.deepEqual(pageErrors(tab.logs), []);
      });
    }

    test('the extension made no network request', () => {
      assert.deepEqual([...tabs.flatMap((tab) => tab.leaks), ...background], []);
    });
  });
}
