// The content script's modules, one at a time (extension/content/): each is loaded, as its
// source, into a plain page of a made-up origin (served by request interception; the extension
// does not run there) with a stub of the extension's API, and its behaviour is tested directly
// on small DOM fragments, in Chromium and Firefox. The core's profile is the built core's own
// (dist/chrome/core), read here as the bench reads it.
/* global vetted, warnings */
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, launch } from './harness.mjs';
import { ROOT } from './pages.mjs';

const ORIGIN = 'https://units.vetted.test';
const CONTENT = join(ROOT, 'extension', 'content');
const CORE = join(ROOT, 'dist', 'chrome', 'core');

if (!existsSync(join(CORE, 'vetted_bg.wasm'))) throw new Error('no dist/chrome/core: run ./build.sh build');
const glue = await import(join(CORE, 'vetted.js'));
glue.initSync({ module: readFileSync(join(CORE, 'vetted_bg.wasm')) });
const PROFILE = glue.profile();

// The extension's API as the modules use it, recording what they store; messages are their
// keys, with their values in brackets. And a clock the tests may set and move (`clock`).
const STUB = `
  var vettedCore = { INVITATIONS_PAGE: /^\\/invitations\\//, take() { throw new Error('no core here'); } };
  var stored = [];
  var warnings = [];
  var clock = null; // null: the real clock
  const realNow = performance.now.bind(performance);
  performance.now = () => clock ?? realNow();
  const warn = console.warn.bind(console);
  console.warn = (...args) => { warnings.push(args.join(' ')); warn(...args); };
  globalThis.browser = {
    i18n: { getMessage: (key, values = []) => (values.length ? key + '[' + values.join('|') + ']' : key) },
    runtime: { sendMessage: async () => undefined, onMessage: { addListener() {} } },
    storage: {
      local: { get: async () => ({}), set: async (items) => { stored.push(items); }, remove: async () => {} },
      onChanged: { addListener() {} },
    },
  };`;

/** A fresh plain page with `html` in its body, the stub, and the modules `names`, in order. */
async function unitPage(browser, names, html = '') {
  const page = await browser.newPage();
  const leaks = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) {
      request.continue(); // the browser's own (Firefox's fonts)
      return;
    }
    if (!request.url().startsWith(ORIGIN)) {
      leaks.push(request.url());
      request.abort();
      return;
    }
    const body = `<!doctype html><html><head><title>units</title></head><body>${html}</body></html>`;
    request.respond({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
  });
  await page.goto(`${ORIGIN}/units/`);
  await page.addScriptTag({ content: STUB });
  for (const name of names) await page.addScriptTag({ content: readFileSync(join(CONTENT, `${name}.js`), 'utf8') });
  page.leaks = leaks;
  return page;
}

// An invitation card of markup no layout has: a sender's link and the two controls.
const card = (id, name = 'Ada Lovelace') =>
  `<div id="${id}"><a href="https://www.linkedin.com/in/${id}/">${name}</a><p>Engineer</p>` +
  `<div><button aria-label="Ignore ${name}'s invitation">Ignore</button><button>Accept</button></div></div>`;

for (const name of BROWSERS) {
  describe(`${name}: the content script's modules, one at a time`, () => {
    let browser;
    const pages = [];
    before(async () => {
      browser = await launch(name);
    });
    after(async () => {
      await browser?.close();
    });
    afterEach(async () => {
      for (const page of pages.splice(0)) {
        assert.deepEqual(page.leaks, [], 'a module made a request');
        await page.close();
      }
    });
    const open = async (names, html) => {
      const page = await unitPage(browser, names, html);
      pages.push(page);
      await page.evaluate((profile) => { vetted.core = { profile }; }, PROFILE);
      return page;
    };
    // The ids of what `cards.candidates` finds in the whole page.
    const found = (page) => page.evaluate(() => [...vetted.cards.candidates(document.body)].map((c) => c.id || c.tagName));

    test('cards: from a control, climbs to the list item that holds the sender', async () => {
      const items = (ids) => ids.map((id) => `<li id="li-${id}">${card(id)}</li>`).join('');
      const page = await open(['base', 'cards'], `<main><ul id="one">${items(['a'])}</ul><ul id="two">${items(['b', 'c'])}</ul></main>`);
      assert.deepEqual(await found(page), ['li-a', 'li-b', 'li-c']);
    });

    test('cards: never climbs into a region, without a list item', async () => {
      const page = await open(['base', 'cards'], `<main><section role="region" id="region">${card('a')}</section></main>`);
      assert.deepEqual(await found(page), ['a']);
    });

    test('cards: two cards side by side are not merged', async () => {
      const page = await open(['base', 'cards'], `<main><div id="row">${card('a')}${card('b')}</div></main>`);
      assert.deepEqual(await found(page), ['a', 'b']);
    });

    test("cards: a known generation's signature is the card; controls that say neither are not cards", async () => {
      const html = `<main><ul><li class="invitation-card" id="known"><div id="inner">${card('a')}</div></li></ul>` +
        '<div id="other"><button>Follow</button><button>Message</button></div></main>';
      const page = await open(['base', 'cards'], html);
      assert.deepEqual(await found(page), ['known']);
      assert.deepEqual(await page.evaluate(() => vetted.cards.firstCards(6).map((c) => c.id)), ['known']);
      // The label says what the control does, before its text.
      assert.equal(await page.evaluate(() => vetted.cards.actionOf(document.querySelector('[aria-label]'))), 'ignore');
    });

    test('snapshot: the digest tells a changed card, and Vetted\'s own badges are left out', async () => {
      const page = await open(['base', 'snapshot'], `<div id="c"><p>Ada</p><span>x</span></div>`);
      const result = await page.evaluate(() => {
        const { snapshot, digest, elementAt } = vetted.snapshot;
        const c = document.getElementById('c');
        const before = snapshot(c);
        const host = document.createElement('span');
        vetted.hosts.add(host);
        for (const [key, value] of [['verdict', 'refuse'], ['note', 'missing'], ['rules', 'R5']]) host.setAttribute(`data-vetted-${key}`, value);
        c.prepend(host);
        const withBadge = snapshot(c);
        return {
          same: digest(before) === digest(withBadge) && before === withBadge,
          changed: digest('Ada Lovelace') !== digest('Ada Lovelacf') && digest('ab') !== digest('ba'),
          stable: digest('Ada Lovelace') === digest(['Ada', 'Lovelace'].join(' ')),
          // The core's path counts no badge: "1" is the span, past the badge and the p.
          path: elementAt(c, '1').tagName === 'SPAN' && elementAt(c, '') === c && elementAt(c, '5') === null,
          sep: !snapshot(Object.assign(document.createElement('p'), { textContent: 'a\u001db' })).includes('\u001d'),
        };
      });
      assert.deepEqual(result, { same: true, changed: true, stable: true, path: true, sep: true });
    });

    test('scheduler: the cards in view first, the rest in pieces of PIECE_MS, a card scrolled into view first', async () => {
      const page = await open(['base', 'scheduler']);
      const { slices, order, pieceMs } = await page.evaluate(async () => {
        const all = Array.from({ length: 1000 }, (_, i) => ({ i }));
        let visible = all.slice(10, 14); // what the window shows
        const order = [];
        const slices = [];
        vetted.cards = {
          firstCards: (n) => all.slice(0, n),
          candidates: () => new Set(all),
          inView: (among) => visible.filter((card) => !among || among.includes(card)),
        };
        vetted.idle = (run) => setTimeout(() => run({ timeRemaining: () => 50 }), 0);
        // 1 ms of main thread a card.
        vetted.pipeline = {
          judge: async (cards) => {
            slices.push(cards.length);
            order.push(...cards.map((c) => c.i));
            return cards.length;
          },
          showHeld: () => 0,
          forgetHeld: () => {},
        };
        await vetted.scheduler.judgePage();
        visible = all.slice(900, 904); // the user scrolls far down
        document.dispatchEvent(new Event('scroll'));
        const until = Date.now() + 10000;
        while (order.length < all.length && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
        return { slices, order, pieceMs: vetted.scheduler.PIECE_MS };
      });
      assert.deepEqual(order.slice(0, 4), [10, 11, 12, 13], 'the cards in view did not go first');
      assert.deepEqual([...order].sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i), 'not every card once');
      assert.ok(order.indexOf(900) < order.indexOf(899), 'the cards scrolled into view did not jump the queue');
      // The jump: the 4 cards in view and the next screen down (6 more).
      const pieces = slices.slice(1).filter((n) => n !== 10);
      assert.ok(pieces.every((n) => n <= pieceMs), `pieces longer than ${pieceMs} ms: ${pieces}`);
      assert.ok(pieces.length >= 1000 / pieceMs - 2, `${pieces.length} pieces`);
    });

    test('scheduler: where a frame with a change is long, the rest is held and shown at once', async () => {
      const page = await open(['base', 'scheduler']);
      const { calls, shown, order } = await page.evaluate(async () => {
        const all = Array.from({ length: 300 }, (_, i) => ({ i }));
        let visible = all.slice(0, 4);
        vetted.cards = {
          firstCards: (n) => all.slice(0, n),
          candidates: () => new Set(all),
          inView: (among) => visible.filter((card) => !among || among.includes(card)),
        };
        vetted.idle = (run) => setTimeout(() => run({ timeRemaining: () => 50 }), 0);
        vetted.status = { updateSummary: () => calls.push('summary'), summarizeLater: () => calls.push('summary later') };
        vetted.explanation = { later: () => {} };
        // A long page: every frame takes 120 ms to render.
        const raf = requestAnimationFrame;
        window.requestAnimationFrame = (callback) => raf((t) => {
          callback(t);
          const end = performance.now() + 120;
          while (performance.now() < end);
        });
        const calls = [];
        const order = [];
        const held = new Set();
        const shown = [];
        vetted.pipeline = {
          judge: async (cards, { hold }) => {
            calls.push(hold ? 'held' : 'shown');
            order.push(...cards.map((c) => c.i));
            for (const card of cards) (hold ? held.add(card) : shown.push(card.i));
            return cards.length; // 1 ms a card: held pieces of 40
          },
          showHeld: (cards = [...held]) => {
            const now = cards.filter((card) => held.delete(card));
            if (now.length) calls.push(`showHeld ${now.length}`);
            shown.push(...now.map((card) => card.i));
            return now.length;
          },
          forgetHeld: () => held.clear(),
          isHeld: (card) => held.has(card),
        };
        let scrolled = false;
        const judgePage = vetted.scheduler.judgePage();
        await judgePage;
        const until = Date.now() + 10000;
        while (shown.length < all.length && Date.now() < until) {
          // Once some are held, the user scrolls to cards 100 to 103, held or still waiting.
          if (!scrolled && held.size > 20) {
            scrolled = true;
            visible = all.slice(100, 104);
            document.dispatchEvent(new Event('scroll'));
          }
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return { calls, shown, order };
      });
      assert.equal(calls[0], 'shown', 'the first screen was not shown at once');
      assert.deepEqual([...shown].sort((a, b) => a - b), Array.from({ length: 300 }, (_, i) => i), 'not every badge shown once');
      assert.equal(new Set(order).size, 300, 'a card judged twice');
      assert.ok(calls.includes('held'), `nothing held: ${calls}`);
      // The scroll: the cards in view shown in its frame, not at the end.
      assert.ok(shown.indexOf(100) < shown.indexOf(299) && shown.indexOf(100) < 100, `card 100 shown at ${shown.indexOf(100)}`);
      // The rest: the summary, then one showing, in the same task.
      const last = calls.findLastIndex((call) => call.startsWith('showHeld'));
      assert.equal(calls[last - 1], 'summary', calls.slice(-4).join(', '));
      assert.ok(!calls.includes('summary later'), 'the summary drawn in a frame of its own');
    });

    test('status: counts only the badges one can see', async () => {
      const html = '<div id="shown"></div><div id="hidden" hidden></div><div id="gone"></div>';
      const page = await open(['base', 'status'], html);
      const counts = await page.evaluate(() => {
        const held = new Set(); // cards whose badges are judged, still to show
        vetted.pipeline = { isHeld: (card) => held.has(card) };
        const badge = (where, verdict, note, hold = false) => {
          const card = document.createElement('div');
          document.getElementById(where).append(card);
          const host = document.createElement('span');
          host.textContent = verdict;
          if (hold) held.add(card);
          else card.append(host);
          vetted.status.tallyIn(host, card, { verdict, note });
          return host;
        };
        badge('shown', 'refuse', 'missing');
        badge('shown', 'accept', 'present');
        badge('hidden', 'refuse', 'missing');
        badge('shown', 'refuse', 'no-reason');
        badge('gone', 'consider', 'missing').remove();
        badge('shown', 'consider', 'present', true); // held: counted by its card
        badge('hidden', 'accept', 'missing', true);
        return vetted.status.visibleBadges().counts;
      });
      assert.deepEqual(counts, { accept: 1, consider: 1, refuse: 2, missing_note: 1, no_reason: 1 });
    });

    test("theme: the profile's marks decide, <html>'s first, else the background", async () => {
      const page = await open(['base', 'theme'], '<div id="list">x</div>');
      const themes = await page.evaluate((profile) => {
        vetted.core = { profile: { ...profile, dark: '.night, .dusk', light: '.day', list: '#list' } };
        const root = document.documentElement.classList;
        const body = document.body.classList;
        const seen = [];
        const look = () => seen.push(vetted.theme.pageTheme());
        root.add('dusk'); look(); // dark
        root.replace('dusk', 'day'); body.add('night'); look(); // light: <html> first
        root.remove('day'); look(); // dark, by <body>
        body.remove('night');
        document.getElementById('list').style.background = 'rgb(20, 20, 20)'; look(); // dark
        document.getElementById('list').style.background = 'rgb(250, 250, 250)'; look(); // light
        vetted.core = { profile };
        root.add(...profile.light.replaceAll('.', '').split(/,\s*/)); look(); // the core's own: light
        root.add(...profile.dark.replaceAll('.', '').split(/,\s*/)); look(); // dark wins over light
        return seen;
      }, PROFILE);
      assert.deepEqual(themes, ['dark', 'light', 'dark', 'dark', 'light', 'light', 'dark']);
    });

    test("explanation and actions: message keys and the list from the core's profile, the entry from the card's", async () => {
      const page = await open(['base', 'quote', 'explanation', 'actions']);
      const { text, buttons, known, next } = await page.evaluate((profile) => {
        vetted.core = { profile: { ...profile, title: 'T.$1', essay: 'E.$1', hint: 'H.$1', known_list: 'friends' } };
        const result = (know) => ({
          reasons: [{ rule: 'R9', key: 'because_R9', detail: 'x' }], hint: { rule: 'R9' }, mutual: { count: 3, names: ['Grace'] },
          know, reply_key: 'reply_R9', rules: ['R9'],
        });
        const why = (know) => vetted.actions.row({}, result(know));
        const text = vetted.explanation.lines(result('Ada'), document.body).map((p) => p.textContent).join(' / ');
        const buttons = [...why('https://example.test/ada').children].map((b) => b.textContent);
        const known = [...why(null).children].map((b) => b.textContent);
        const next = vetted.actions.withKnown({ version: 2, friends: ['Bo'], rules: { R5: false } }, 'friends', 'Ada');
        return { text, buttons, known, next };
      }, PROFILE);
      assert.equal(text, 'rule_label[T.R9] because_R9[x] E.R9 / H.R9 / ask_mutual Grace and_others[2]');
      assert.deepEqual(buttons, ['know_them', 'copy_reply']);
      assert.deepEqual(known, ['copy_reply'], 'someone known is offered "I know them"');
      assert.deepEqual(next, { version: 2, friends: ['Bo', 'Ada'], rules: { R5: false } });
    });

    test('place: beside the name, on its line and outside its link, however the link lays out', async () => {
      // The core's anchors: an element holding the name's link (inline; holding a block; a
      // column of the name and the headline, in a column), or the name's text itself.
      const html = '<div style="width:600px;font:16px/1.5 sans-serif">' +
        '<p id="inline"><a href="/in/alan/">Alan Turing</a></p>' +
        '<div id="block"><a href="/in/ada/"><p>Ada Lovelace</p></a><p>Engineer</p><p>2 days ago</p></div>' +
        '<div id="column" style="display:flex;flex-direction:column"><a href="/in/grace/" style="display:flex;flex-direction:column">' +
        '<span>Grace Hopper</span><span>Rear Admiral</span></a><span>1 week ago</span></div>' +
        '<p id="text">Lena Fischer</p></div>';
      const page = await open(['base', 'place'], html);
      const places = await page.evaluate(async () => {
        const hosts = ['inline', 'block', 'column', 'text'].map((id) => {
          const host = document.createElement('span');
          host.textContent = 'Refuse';
          vetted.place.put(host, document.getElementById(id));
          return host;
        });
        // Checked in the next frame and moved once laid out, before that frame is painted.
        const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        vetted.place.settleSoon();
        await frames();
        const where = () => hosts.map((host) => {
          const anchor = host.parentElement.closest('[id]');
          const range = document.createRange();
          const name = [...anchor.querySelectorAll('*')].concat(anchor).find((e) => /^[A-Z]\w+ [A-Z]\w+$/.test(e.firstChild?.data ?? ''));
          range.selectNodeContents(name.firstChild);
          const end = range.getBoundingClientRect();
          const box = host.getBoundingClientRect();
          const middle = (box.top + box.bottom) / 2;
          return { id: anchor.id, onLine: middle >= end.top && middle <= end.bottom, gap: Math.round(box.left - end.right),
            inLink: host.closest('a, button') !== null };
        });
        const first = where();
        // A resize that makes the names longer and their lines taller: the badges follow.
        document.body.firstElementChild.style.font = '24px/1.5 sans-serif';
        dispatchEvent(new Event('resize'));
        await frames();
        return first.concat(where().map((place) => ({ ...place, id: `${place.id}, resized` })));
      });
      assert.equal(places.length, 8);
      for (const place of places) {
        assert.deepEqual({ ...place, gap: place.gap >= 0 && place.gap <= 12 }, { id: place.id, onLine: true, gap: true, inLink: false },
          `${place.id}: ${place.gap} px from the name`);
      }
    });

    test('quote: a folded term as the card writes it, whole words only', async () => {
      const html = '<div id="c"><p>Chargée de recrutement IT</p><p>Personalvermittlerin · Straße</p>' +
        '<p>Head of Talent-Acquisition</p><p>ＲＥＣＲＵＩＴＥＲ</p><p>Charge\u0301e   des\n ventes</p><p>Recruiters welcome</p></div>';
      const page = await open(['base', 'quote'], html);
      const quoted = await page.evaluate(() => {
        const c = document.getElementById('c');
        const details = ['chargee de recrutement', 'personalvermittlerin', 'strasse', 'talent acquisition', 'recruiter',
          'chargee des ventes', 'recruit', 'John Roe', ''];
        return { fold: vetted.quote.fold('Œuvre, Straße!').folded, quoted: details.map((d) => vetted.quote.asWritten(c, d)) };
      });
      assert.equal(quoted.fold, 'oeuvre strasse');
      assert.deepEqual(quoted.quoted, ['Chargée de recrutement', 'Personalvermittlerin', 'Straße', 'Talent-Acquisition',
        'ＲＥＣＲＵＩＴＥＲ', 'Charge\u0301e des ventes', 'recruit', 'John Roe', '']);
    });

    test('pipeline: draws at the core\'s anchor, sends no unchanged card again, and a fault costs one card', async () => {
      const modules = ['base', 'cards', 'snapshot', 'place', 'pipeline', 'badge', 'theme', 'quote', 'explanation', 'actions', 'status'];
      const page = await open(modules, `<ul>${['a', 'b', 'c'].map((id) => `<li id="li-${id}">${card(id)}</li>`).join('')}</ul>`);
      const { badges, sent, warned } = await page.evaluate(async (profile) => {
        const sent = [];
        const person = { kind: 'person', anchor: '0 0', verdict: 'refuse', note: 'missing', rules: ['R5'], reasons: [], hint: null,
          mutual: { count: 0, names: [] }, know: 'Ada', reply_key: null, reply: null, first_name: 'Ada' };
        vetted.core = {
          profile, remote: false, memory: () => 0,
          classify: async (batch) => {
            const cards = batch.split('\u001d');
            sent.push(cards.length);
            if (batch.includes('PANIC')) throw new Error('panic');
            return cards.map(() => person);
          },
        };
        const all = [...document.querySelectorAll('li')];
        await vetted.pipeline.judge(all);
        await vetted.pipeline.judge(all); // nothing changed: nothing sent
        document.querySelector('#c p').textContent = 'PANIC';
        await vetted.pipeline.judge(all); // the batch of one fails, alone
        document.querySelector('#b p').textContent = 'Engineer, again';
        document.querySelector('#c p').textContent = 'PANIC again';
        await vetted.pipeline.judge(all); // the batch of two fails: each alone, b's badge stays
        const badges = all.map((li) => li.querySelector('[data-vetted-verdict]')?.parentElement.tagName ?? null);
        return { badges, sent, warned: warnings };
      }, PROFILE);
      assert.deepEqual(sent, [3, 1, 2, 1, 1]);
      assert.deepEqual(badges, ['A', 'A', null]);
      assert.equal(warned.filter((w) => /1 of \d cards could not be judged/.test(w)).length, 2, warned.join(' | '));
    });
  });
}

test("preload.js in dist/ has the core's pattern of the invitations pages", () => {
  const pattern = new RegExp(PROFILE.pages);
  for (const path of ['/mynetwork/', '/mynetwork', '/mynetwork/grow/', '/mynetwork/invitation-manager/received/',
    '/mynetwork/invitation-manager/received/ALL/']) {
    assert.ok(pattern.test(path), path);
  }
  for (const path of ['/feed/', '/mynetwork/catch-up/', '/mynetworks/', '/in/ada/mynetwork/']) assert.ok(!pattern.test(path), path);
  for (const browser of ['chrome', 'firefox']) {
    const preload = readFileSync(join(ROOT, 'dist', browser, 'preload.js'), 'utf8');
    assert.ok(preload.includes(`new RegExp(${JSON.stringify(PROFILE.pages)})`), `dist/${browser}/preload.js`);
  }
});
