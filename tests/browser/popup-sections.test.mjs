// The popup as a user meets it, in both browsers: its sections fit the popup's window and open
// from the keyboard; "This tab"'s counts follow a switch while the popup is open; each switch
// says in one line what it detects and its verdict, and a list says when its rule is off;
// messages never cover a button; no WCAG A/AA violation in the light or dark scheme; an import
// shows what it would change and saves only on Replace or Merge; the people you know show the
// names "I know them" noted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, INVITATIONS, launch, openTab, waitForBadges } from './harness.mjs';
import { getStoredSettings, openExtensionPage, setStorage, setStoredSettings } from './extension-pages.mjs';
import { demoRoutes, fixtures } from './pages.mjs';
import { axeViolations } from './axe.mjs';

const PATH = new URL(INVITATIONS).pathname;
const persons = fixtures('gen2026').filter((card) => card.expect.kind === 'person');
/** The popup's window: Chromium and Firefox give a popup about this much room. */
const WINDOW = { width: 360, height: 510 };
const SECTIONS = ['s-rules', 's-lists', 's-replies', 's-file'];
const SARAH = 'https://www.linkedin.com/in/sarah-whitfield-hays/';
/** A dark system, and pages that follow it. */
const FIREFOX_DARK = { 'ui.systemUsesDarkTheme': 1, 'layout.css.prefers-color-scheme.content-override': 0 };

/** Waits until `fn` (run in `page` with `arg`) is truthy; its last value in the error otherwise. */
async function waitFor(page, what, fn, arg) {
  try {
    await page.waitForFunction(fn, { timeout: 10000, polling: 50 }, arg);
  } catch {
    const seen = await page.evaluate(fn, arg).catch((error) => error.message);
    throw new Error(`waited for ${what}; it is ${seen}`);
  }
}

/** The popup over no LinkedIn tab, at the popup window's size, once its switches are there. */
async function openPopup(browser, name, options = {}) {
  const page = await openExtensionPage(browser, name, `popup/popup.html${options.hash ?? ''}`, options);
  await page.setViewport(WINDOW);
  await page.waitForSelector('input[data-k="rR5"]', { timeout: 10000 });
  return page;
}

/** Opens a section by its summary, as a click would. */
async function openSection(page, id) {
  await page.click(`#${id} > summary`);
  await waitFor(page, `#${id} open`, (id) => document.getElementById(id).open, id);
}

/** The popup's counts of "This tab", by verdict: {accept, consider, refuse}. */
function shownCounts(page) {
  return page.evaluate(() => Object.fromEntries(['accept', 'consider', 'refuse'].map((v) => {
    const text = document.querySelector(`.counts .${v}`)?.textContent ?? '';
    return [v, Number(text.match(/\d+/)?.[0] ?? NaN)];
  })));
}

/** The badges' verdicts on the LinkedIn tab, counted as the popup counts them. */
function badgeCounts(page) {
  return page.evaluate(() => {
    const counts = { accept: 0, consider: 0, refuse: 0 };
    for (const host of document.querySelectorAll('[data-vetted-verdict]')) counts[host.dataset.vettedVerdict] += 1;
    return counts;
  });
}

/** The buttons a shown message covers, in words; none is expected. */
function coveredButtons(page) {
  return page.evaluate(() => {
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const found = [];
    const messages = [...document.querySelectorAll('.message')].filter((m) => m.textContent.trim());
    for (const message of messages) {
      const box = message.getBoundingClientRect();
      for (const button of document.querySelectorAll('button, summary, input, textarea')) {
        const own = button.getBoundingClientRect();
        if (button.checkVisibility() && own.width && own.height && overlaps(box, own)) found.push(`"${message.textContent}" over ${button.outerHTML.slice(0, 60)}`);
      }
    }
    return { messages: messages.map((m) => m.textContent), found };
  });
}

/** `name`'s browser with the demo invitations page open in a tab, every card badged. */
async function badgedTab(name) {
  const browser = await launch(name);
  const tab = await openTab(browser, demoRoutes('gen2026', PATH));
  await tab.page.goto(INVITATIONS);
  await waitForBadges(tab.page, persons.length);
  return { browser, tab };
}

for (const name of BROWSERS) {
  describe(`${name}: the popup's sections, counts, messages and import`, () => {
    let browser;
    let tab;
    let dir;
    // Firefox handles files in a tab (its popups close when a file dialog opens).
    const fileHash = name === 'firefox' ? '#tab' : '';
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vetted-popup-sections-'));
      ({ browser, tab } = await badgedTab(name));
    });
    after(() => browser?.close());

    test('the window shows every section\'s heading without scrolling; each opens from the keyboard', async () => {
      const popup = await openPopup(browser, name);
      const boxes = await popup.evaluate((ids) => ids.map((id) => {
        const summary = document.querySelector(`#${id} > summary`);
        return summary && { id, bottom: summary.getBoundingClientRect().bottom, text: summary.textContent };
      }), SECTIONS);
      for (const [i, box] of boxes.entries()) {
        assert.ok(box, `no section ${SECTIONS[i]}`);
        assert.ok(box.bottom <= WINDOW.height, `${box.text} ends at ${box.bottom} px, past the window's ${WINDOW.height}`);
      }
      assert.deepEqual(boxes.map((box) => box.text), ['Rules', 'Your lists', 'Replies', 'Settings file']);
      // By keyboard alone: from the first heading, Tab reaches the next ones, Enter opens each.
      await popup.focus(`#${SECTIONS[0]} > summary`);
      const reached = [];
      for (const id of SECTIONS) {
        if (id !== SECTIONS[0]) await popup.keyboard.press('Tab');
        reached.push(await popup.evaluate(() => document.activeElement?.matches('.section > summary') && document.activeElement.parentElement.id));
      }
      assert.deepEqual(reached, SECTIONS, 'Tab goes from heading to heading');
      for (const id of SECTIONS) {
        await popup.focus(`#${id} > summary`);
        await popup.keyboard.press('Enter');
        await waitFor(popup, `${id} opened by Enter`, (id) => document.getElementById(id).open, id);
      }
      await popup.close();
    });

    test('"This tab"\'s counts change while the popup is open when a rule is switched off', async () => {
      const popup = await openPopup(browser, name, { front: tab.page });
      await waitFor(popup, 'counts', () => document.querySelector('.counts .refuse'));
      const before = await shownCounts(popup);
      assert.deepEqual(before, await badgeCounts(tab.page));
      await popup.bringToFront();
      await openSection(popup, 's-rules');
      // R5 off: the strangers without a note are considered instead of refused.
      await popup.click('input[data-k="rR5"]');
      await waitFor(popup, 'fewer refused', (refuse) => Number(document.querySelector('.counts .refuse').textContent.match(/\d+/)[0]) < refuse, before.refuse);
      const now = await shownCounts(popup);
      assert.equal(now.accept + now.consider + now.refuse, before.accept + before.consider + before.refuse);
      assert.ok(now.consider > before.consider, JSON.stringify({ before, now }));
      await popup.click('input[data-k="rR5"]');
      await waitFor(popup, 'the counts as before', (want) => document.querySelector('.counts .refuse').textContent.startsWith(`${want} `), before.refuse);
      assert.deepEqual(await shownCounts(popup), before);
      await popup.close();
    });

    test('each switch says what it detects and its verdict; a list says when its rule is off', async () => {
      const popup = await openPopup(browser, name);
      await openSection(popup, 's-rules');
      const line = (key) => popup.$eval(`label[for="${key}"]`, (label) => label.textContent);
      const r6 = await popup.$eval('input[data-k="rR6"]', (input) => input.id);
      assert.equal(await line(r6), 'Recruiters, HR, staffing and real-estate agents: Refuse');
      // The essay's words under it.
      const why = await popup.$eval('input[data-k="rR6"]', (input) => document.getElementById(input.getAttribute('aria-describedby')).textContent);
      assert.match(why, /I'm not looking for a job/);
      await openSection(popup, 's-lists');
      await popup.click('#s-lists details > summary');
      const refusedRoles = () => popup.$eval('textarea[data-k="l4"]', (area) => {
        const field = area.closest('.field');
        const off = field.querySelector('.off');
        return {
          hint: field.querySelector('.hint').textContent,
          off: off.hidden ? null : off.textContent,
          described: area.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' '),
        };
      });
      const on = await refusedRoles();
      assert.doesNotMatch(on.hint, /always/);
      assert.equal(on.off, null);
      await popup.click('input[data-k="rR6"]');
      const off = await refusedRoles();
      assert.equal(off.off, 'Does nothing now: “Recruiters, HR, staffing and real-estate agents” is switched off.');
      assert.match(off.described, /Does nothing now/);
      await popup.click('input[data-k="rR6"]');
      assert.equal((await refusedRoles()).off, null);
      await popup.close();
      assert.equal((await getStoredSettings(browser, name)).rules.R6, true);
    });

    test('a message shows in the flow, under the control used, over no button', async () => {
      const popup = await openPopup(browser, name);
      await openSection(popup, 's-lists');
      await popup.type('textarea[data-k="l2"]', 'Initech');
      await popup.focus('textarea[data-k="l0"]');
      await waitFor(popup, '"Saved."', () => /Saved\./.test(document.querySelector('[data-k="l2"]').closest('.field').querySelector('.message').textContent));
      assert.deepEqual((await coveredButtons(popup)).found, []);
      await openSection(popup, 's-file');
      await popup.click('[data-k="reset"]');
      await popup.click('[data-k="reset-yes"]');
      await waitFor(popup, 'the reset\'s message', () => /reset to defaults/.test(document.querySelector('#s-file .message').textContent));
      const shown = await coveredButtons(popup);
      assert.deepEqual(shown.messages, ['Settings reset to defaults.'], 'one message, the latest');
      assert.deepEqual(shown.found, []);
      await popup.close();
    });

    for (const scheme of ['light', 'dark']) {
      test(`no WCAG A/AA violation in the ${scheme} scheme, with the rules and the lists open`, async () => {
        // Firefox's pages take the scheme from its preferences: a browser of their own for dark.
        const own = name === 'firefox' && scheme === 'dark' ? await launch(name, { prefs: FIREFOX_DARK }) : null;
        const where = own ?? browser;
        try {
          await setStoredSettings(where, name, { version: 3, known_people: [SARAH], rules: { R6: false } });
          await setStorage(where, name, { known_names: { [SARAH]: 'Sarah Whitfield' } });
          const popup = await openPopup(where, name, { front: own ? undefined : tab.page });
          if (name === 'chromium') await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          if (!own) await waitFor(popup, 'counts', () => document.querySelector('.counts'));
          await popup.bringToFront();
          await openSection(popup, 's-rules');
          await openSection(popup, 's-lists');
          await popup.click('#s-lists details > summary');
          const background = await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
          assert.equal(background, scheme === 'dark' ? 'rgb(27, 31, 35)' : 'rgb(255, 255, 255)', 'the scheme applies');
          assert.deepEqual(await axeViolations(popup), []);
          await popup.close();
          await setStoredSettings(where, name, {});
          await setStorage(where, name, { known_names: {} });
        } finally {
          await own?.close();
        }
      });
    }

    test('the people you know show the name noted for each profile address', async () => {
      await setStoredSettings(browser, name, {
        version: 3,
        known_people: [SARAH, 'Kevin Marsh', 'https://www.linkedin.com/in/priya-raman/'],
      });
      await setStorage(browser, name, { known_names: { [SARAH]: 'Sarah Whitfield', 'https://www.linkedin.com/in/gone/': 'Not Listed' } });
      const popup = await openPopup(browser, name);
      await openSection(popup, 's-lists');
      const names = () => popup.$eval('textarea[data-k="l0"]', (area) => {
        const box = area.closest('.field').querySelector('.names');
        return box.hidden ? [] : [...box.querySelectorAll('li')].map((li) => li.textContent);
      });
      assert.deepEqual(await names(), ['Sarah Whitfield: linkedin.com/in/sarah-whitfield-hays']);
      // The box stays editable as it was, the addresses in it.
      const text = await popup.$eval('textarea[data-k="l0"]', (area) => area.value);
      assert.equal(text.split('\n')[0], SARAH);
      // Once the entry is gone from the list, its name goes too.
      await popup.$eval('textarea[data-k="l0"]', (area) => {
        area.value = 'Kevin Marsh';
        area.dispatchEvent(new Event('change', { bubbles: true }));
      });
      assert.deepEqual(await names(), []);
      await popup.close();
      await setStoredSettings(browser, name, {});
      await setStorage(browser, name, { known_names: {} });
    });

    /** Uploads `content` as a settings file in `popup`'s import. */
    async function upload(popup, file, content) {
      const path = join(dir, `${name}-${file}`);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      await popup.evaluate(() => document.querySelectorAll('.message').forEach((m) => m.replaceChildren()));
      const input = await popup.waitForSelector('input[type="file"]');
      await input.uploadFile(path);
    }

    const preview = (popup) => popup.$eval('.preview', (box) => (box.hidden ? null : [...box.querySelectorAll('li')].map((li) => li.textContent)));

    test('an import says what it would change, and saves only on Merge or Replace', async () => {
      const current = { version: 3, known_people: ['Kevin Marsh'], spam_terms: ['crypto signals'] };
      await setStoredSettings(browser, name, current);
      const popup = await openPopup(browser, name, { hash: fileHash });
      await openSection(popup, 's-file');
      const file = { version: 3, known_people: ['Ada Lovelace', 'kevin marsh'], rules: { R5: false } };
      await upload(popup, 'merge.json', file);
      await waitFor(popup, 'the preview', () => !document.querySelector('.preview').hidden);
      assert.deepEqual(await preview(popup), [
        'People you know: Replace gives the file\'s 2 (you have 1); Merge adds 1.',
        'Spam words: Replace gives the file\'s 0 (you have 1); Merge adds 0.',
        'Switched off: No note, or one without a reason, from someone you don\'t know',
      ]);
      // The focus waits on Cancel, and nothing is saved yet.
      assert.equal(await popup.evaluate(() => document.activeElement.dataset.k), 'import-cancel');
      assert.deepEqual(await getStoredSettings(browser, name), current);
      await popup.click('[data-k="import-merge"]');
      await waitFor(popup, '"merged"', () => /merged/.test(document.querySelector('#s-file .message').textContent));
      let stored = await getStoredSettings(browser, name);
      assert.deepEqual(stored.known_people, ['Kevin Marsh', 'Ada Lovelace']);
      assert.deepEqual(stored.spam_terms, ['crypto signals']);
      assert.equal(stored.rules.R5, false);

      await upload(popup, 'cancel.json', { version: 3, known_people: ['Grace Hopper'] });
      await waitFor(popup, 'the preview', () => !document.querySelector('.preview').hidden);
      await popup.click('[data-k="import-cancel"]');
      await waitFor(popup, '"cancelled"', () => /cancelled: nothing changed/.test(document.querySelector('#s-file .message').textContent));
      assert.deepEqual(await getStoredSettings(browser, name), stored);
      assert.equal(await preview(popup), null);

      await upload(popup, 'replace.json', { version: 3, known_people: ['Grace Hopper'] });
      await waitFor(popup, 'the preview', () => !document.querySelector('.preview').hidden);
      assert.ok((await preview(popup)).includes('People you know: Replace gives the file\'s 1 (you have 2); Merge adds 1.'));
      await popup.click('[data-k="import-replace"]');
      await waitFor(popup, '"replaced"', () => /replaced/.test(document.querySelector('#s-file .message').textContent));
      stored = await getStoredSettings(browser, name);
      assert.deepEqual(stored.known_people, ['Grace Hopper']);
      assert.deepEqual(stored.spam_terms, []);
      assert.equal(stored.rules.R5, true);
      await popup.close();
      await setStoredSettings(browser, name, {});
    });

    test('a refused file gets one message that lists the problems it names, and contradicts nothing', async () => {
      const current = { version: 3, known_people: ['Kevin Marsh'] };
      await setStoredSettings(browser, name, current);
      const popup = await openPopup(browser, name, { hash: fileHash });
      await openSection(popup, 's-file');
      const refusal = async (file, content) => {
        await upload(popup, file, content);
        await waitFor(popup, 'a refusal', () => /Import refused, nothing changed/.test(document.querySelector('#s-file .message').textContent));
        return popup.$eval('#s-file .message', (m) => ({ text: m.querySelector('p').textContent, points: [...m.querySelectorAll('li')].map((li) => li.textContent) }));
      };
      const wrong = await refusal('wrong.json', { version: 3, known_people: 'Ada', rules: { R5: 'maybe' } });
      assert.equal(wrong.text, 'Import refused, nothing changed: the file has these problems:');
      assert.deepEqual(wrong.points, ['"known_people" must be a list of texts, not "Ada".', 'Rule "R5" must be true or false, not "maybe".']);
      const newer = await refusal('newer.json', { version: 99, shiny_new_list: [] });
      assert.equal(newer.points.length, 2, JSON.stringify(newer.points));
      assert.match(newer.points[0], /newer Vetted \(settings version 99\)\.$/);
      assert.match(newer.points[1], /^Unknown setting "shiny_new_list"/);
      for (const point of [...wrong.points, ...newer.points]) assert.doesNotMatch(point, /left (empty|out)|stays|kept|read as/);
      assert.equal(await preview(popup), null);
      assert.deepEqual(await getStoredSettings(browser, name), current);
      await popup.close();
      await setStoredSettings(browser, name, {});
    });
  });
}
