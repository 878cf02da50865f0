// The badge's explanation and the summary line as a user meets them, in both browsers: the
// explanation stays on screen wherever the badge is and however narrow the window; it is a
// disclosure for the keyboard; "I know them" keeps it open on its Undo; the reply shows, can be
// edited and copied again, in the sender's language; the summary's counts take the user to the
// cards; and axe-core finds nothing, light and dark.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { BROWSERS, INVITATIONS, launch, openTab, waitForBadges } from './harness.mjs';
import { getStored, setStoredSettings } from './extension-pages.mjs';
import { demoRoutes, fixtures, ROOT } from './pages.mjs';
import { axeViolations } from './axe.mjs';

const PATH = new URL(INVITATIONS).pathname;
const persons = fixtures('gen2026').filter((card) => card.expect.kind === 'person');
const byName = (name) => persons.find((card) => card.expect.name === name).file;
const SHOTS = join(ROOT, 'www', 'screenshots');

/** Runs `fn(host, shadow, ...args)` in the page on the badge of fixture `file`. */
async function onBadge(page, file, fn, ...args) {
  const host = await page.$(`[data-fixture="${file}"] [data-vetted-verdict]`);
  const shadow = await host.evaluateHandle((host) => host.shadowRoot);
  return host.evaluate(fn, shadow, ...args);
}

/** Where the badge and its explanation are, whether it shows, and the viewport. */
const geometry = (page, file) =>
  onBadge(page, file, (host, shadow) => {
    const why = shadow.querySelector('.why');
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return {
      shown: why !== null && why.matches(':popover-open') && getComputedStyle(why).display !== 'none',
      badge: box(shadow.querySelector('.badge')),
      why: why && box(why),
      view: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      expanded: shadow.querySelector('.badge').getAttribute('aria-expanded'),
    };
  });

/** Waits for the badge of fixture `file` to say `verdict`. */
const verdictIs = (page, file, verdict) =>
  page.waitForFunction(
    (file, verdict) => document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict="${verdict}"]`),
    { timeout: 10000, polling: 50 },
    file,
    verdict,
  );

/** The text of what has the focus, inside a badge or not. */
const focused = (page) =>
  page.evaluate(() => {
    const outer = document.activeElement;
    const inner = outer?.shadowRoot?.activeElement;
    return inner ? `${inner.tagName.toLowerCase()}:${inner.textContent || inner.value}` : `page:${outer?.tagName.toLowerCase()}`;
  });

async function focusBadge(page, file) {
  await onBadge(page, file, (host, shadow) => shadow.querySelector('.badge').focus());
}

async function closeAll(page) {
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('[data-vetted-verdict]')) {
      const why = host.shadowRoot.querySelector('.why');
      if (why?.matches(':popover-open')) why.hidePopover();
    }
  });
  await page.mouse.click(2, 2);
}

function assertInView({ why, view }, what) {
  assert.ok(why.left >= 0 && why.right <= view.width, `${what}: ${JSON.stringify(why)} leaves a ${view.width} px wide view`);
  assert.ok(why.top >= 0 && why.bottom <= view.height, `${what}: ${JSON.stringify(why)} leaves a ${view.height} px high view`);
}

for (const name of BROWSERS) {
  describe(`${name}: the explanation and the summary`, () => {
    let browser;
    let page;
    before(async () => {
      browser = await launch(name);
      ({ page } = await openTab(browser, demoRoutes('gen2026', PATH)));
      await page.setViewport({ width: 1000, height: 700 });
      await page.goto(INVITATIONS);
      await waitForBadges(page, persons.length);
    });
    after(async () => {
      await browser?.close();
    });

    /** Stores `settings` and waits until the badge of `file` is drawn anew with them. */
    async function withSettings(settings, file) {
      await onBadge(page, file, (host, shadow) => shadow.querySelector('.badge').classList.add('stale'));
      await setStoredSettings(browser, name, settings);
      await page.bringToFront();
      await page.waitForFunction(
        (file) => !document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`).shadowRoot.querySelector('.stale'),
        { timeout: 10000, polling: 50 },
        file,
      );
    }

    test('the explanation opens above a badge near the window\'s bottom, and stays inside a narrow window', async () => {
      const file = byName('Priya Raman');
      // The badge 30 px above the window's bottom edge: no room below (the page's fixed cookie
      // banner, which would cover the badge, set aside for the picture).
      await page.evaluate(() => {
        for (const e of document.body.querySelectorAll('*')) if (getComputedStyle(e).position === 'fixed') e.style.visibility = 'hidden';
      });
      const bottom = await onBadge(page, file, (host) => {
        host.scrollIntoView({ block: 'end' });
        return host.getBoundingClientRect().bottom;
      });
      await page.setViewport({ width: 1000, height: Math.round(bottom + 30) });
      await onBadge(page, file, (host, shadow) => shadow.querySelector('.badge').click());
      let seen = await geometry(page, file);
      assert.ok(seen.shown, 'the explanation did not open on a click');
      assert.ok(seen.why.bottom <= seen.badge.top, `not above the badge: ${JSON.stringify(seen)}`);
      assertInView(seen, 'near the bottom');
      if (name === 'chromium') {
        const path = join(SHOTS, 'explanation-above.png');
        const clip = { x: 0, y: Math.max(0, seen.why.top - 16), width: 760, height: seen.badge.bottom - seen.why.top + 28 };
        await page.screenshot({ path, clip });
        assert.ok(statSync(path).size < 200 * 1024);
      }
      await closeAll(page);
      // A 400-pixel window: wherever the badge is, the explanation fits across.
      await page.setViewport({ width: 400, height: 700 });
      for (const who of ['Priya Raman', 'Sarah Whitfield', 'Camille Dubois']) {
        const card = byName(who);
        await onBadge(page, card, (host) => host.scrollIntoView({ block: 'center', inline: 'center' }));
        await onBadge(page, card, (host, shadow) => shadow.querySelector('.badge').click());
        seen = await geometry(page, card);
        assert.ok(seen.shown, `${who}: not shown`);
        assertInView(seen, `${who}, 400 px`);
        await closeAll(page);
      }
      await page.setViewport({ width: 1000, height: 700 });
    });

    test('keyboard: Enter and Space toggle, Escape closes and keeps the focus, Tab reaches the actions', async () => {
      const file = byName('Priya Raman');
      await onBadge(page, file, (host) => host.scrollIntoView({ block: 'center' }));
      await focusBadge(page, file);
      assert.equal((await geometry(page, file)).shown, false, 'the focus alone opened it');
      await page.keyboard.press('Enter');
      let seen = await geometry(page, file);
      assert.equal(seen.shown, true, 'Enter did not open it');
      assert.equal(seen.expanded, 'true');
      await page.keyboard.press('Escape');
      seen = await geometry(page, file);
      assert.equal(seen.shown, false, 'Escape did not close it');
      assert.equal(seen.expanded, 'false');
      assert.match(await focused(page), /^span:Refuse/, 'Escape lost the focus');
      await page.keyboard.press('Enter'); // opens again after Escape
      assert.equal((await geometry(page, file)).shown, true, 'Enter after Escape did not open it again');
      await page.keyboard.press(' ');
      assert.equal((await geometry(page, file)).shown, false, 'Space did not close it');
      await page.keyboard.press(' ');
      assert.equal((await geometry(page, file)).shown, true, 'Space did not open it');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button:I know them', 'Tab from the open explanation');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button:Reply…');
      await page.keyboard.press('Escape');
      assert.match(await focused(page), /^span:Refuse/, 'Escape from an action: the focus back on the badge');
      assert.equal((await geometry(page, file)).shown, false);
    });

    test('"I know them" keeps the explanation open on Undo, and the focus on it; Undo too', async () => {
      const file = byName('Sarah Whitfield');
      await onBadge(page, file, (host) => host.scrollIntoView({ block: 'center' }));
      await focusBadge(page, file);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button:I know them');
      await page.keyboard.press('Enter');
      await verdictIs(page, file, 'accept');
      let seen = await geometry(page, file);
      assert.equal(seen.shown, true, 'the explanation closed after "I know them"');
      assert.equal(await focused(page), 'button:Undo', 'the focus is not on Undo');
      await page.keyboard.press('Enter');
      await verdictIs(page, file, 'refuse');
      seen = await geometry(page, file);
      assert.equal(seen.shown, true, 'the explanation closed after Undo');
      assert.equal(await focused(page), 'button:I know them');
      await page.keyboard.press('Escape');
    });

    test('"I know them" records the name beside the profile address, for the popup\'s list', async () => {
      const file = byName('Sarah Whitfield');
      await focusBadge(page, file);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await verdictIs(page, file, 'accept');
      const names = await getStored(browser, name, 'known_names');
      assert.equal(names?.['https://www.linkedin.com/in/sarah-whitfield-hays/'], 'Sarah Whitfield', JSON.stringify(names));
      await page.bringToFront();
      assert.equal((await geometry(page, file)).shown, true, 'the explanation closed');
      await focusBadge(page, file);
      await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button:Undo');
      await page.keyboard.press('Enter');
      await verdictIs(page, file, 'refuse');
      await page.keyboard.press('Escape');
    });

    test('the reply shows before it is copied, can be edited and copied again, in the sender\'s language', async () => {
      const reply = (file) =>
        onBadge(page, file, (host, shadow) => {
          host.scrollIntoView({ block: 'center' });
          shadow.querySelector('.badge').click();
          [...shadow.querySelectorAll('.why button')].find((b) => b.getAttribute('aria-expanded') !== null).click();
          const area = shadow.querySelector('.reply textarea');
          return { text: area.value, focused: shadow.activeElement === area, language: shadow.querySelector('.reply select').selectedOptions[0].textContent };
        });
      const french = await reply(byName('Camille Dubois'));
      assert.equal(french.language, 'Français');
      assert.match(french.text, /^Bonjour Camille/, french.text);
      assert.ok(french.focused, 'the reply box does not have the focus');
      await closeAll(page);
      const german = await reply(byName('Jonas Becker'));
      assert.equal(german.language, 'Deutsch');
      assert.match(german.text, /^Hallo Jonas/, german.text);
      await closeAll(page);
      const english = await reply(byName('Priya Raman'));
      assert.equal(english.language, 'English');
      assert.match(english.text, /^Hi Priya/);
      // Edited, copied, copied again: the box keeps the text, the button stays, each copy says so.
      const file = byName('Priya Raman');
      await page.keyboard.type(' Thanks!');
      if (name === 'chromium') {
        await browser.defaultBrowserContext().overridePermissions('https://www.linkedin.com', ['clipboard-read', 'clipboard-sanitized-write']);
      }
      for (const time of [1, 2]) {
        const button = await page.evaluateHandle((file) => {
          const shadow = document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`).shadowRoot;
          return shadow.querySelector('.reply button');
        }, file);
        await button.click();
        const said = await page.waitForFunction(
          (file) => {
            const status = document.querySelector(`[data-fixture="${file}"] [data-vetted-verdict]`).shadowRoot.querySelector('.reply [role="status"]');
            return status?.textContent || null;
          },
          { timeout: 5000, polling: 50 },
          file,
        );
        assert.match(await said.jsonValue(), /^(Copied|Select the text)/, `copy ${time}`);
        assert.equal(await focused(page), 'button:Copy', `copy ${time}: the focus left the Copy button`);
      }
      if (name === 'chromium') {
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        assert.match(copied, /^Hi Priya.* Thanks!$/s, copied);
      }
      await closeAll(page);
    });

    test('the user\'s own reply for the deciding rule comes first, with their name for it', async () => {
      const file = byName('Priya Raman');
      await withSettings({ version: 3, reply_templates: { R5: 'Hello {name}, where did we meet?' } }, file);
      const own = await onBadge(page, file, (host, shadow) => {
        host.scrollIntoView({ block: 'center' });
        shadow.querySelector('.badge').click();
        [...shadow.querySelectorAll('.why button')].find((b) => b.getAttribute('aria-expanded') !== null).click();
        const pick = shadow.querySelector('.reply select');
        return { text: shadow.querySelector('.reply textarea').value, label: pick.selectedOptions[0].textContent, all: [...pick.options].map((o) => o.textContent) };
      });
      assert.deepEqual(own, { text: 'Hello Priya, where did we meet?', label: 'Your reply', all: ['Your reply', 'English', 'Deutsch', 'Français'] });
      await closeAll(page);
      await withSettings({}, file);
    });

    test('each count of the summary moves to the next card of its verdict, by mouse and keyboard', async () => {
      const refused = persons.filter((card) => card.expect.badge.verdict === 'refuse').map((card) => card.file);
      const count = await page.evaluate(() => {
        const summary = [...document.querySelectorAll('[role="status"]')].find((host) => host.shadowRoot?.querySelector('.summary'));
        return [...summary.shadowRoot.querySelectorAll('button')].map((b) => b.textContent);
      });
      assert.deepEqual(count.map((text) => text.replace(/\d+ /, '')), ['accept', 'consider', 'refuse']);
      const visited = [];
      const focusCount = () =>
        page.evaluate(() => {
          const summary = [...document.querySelectorAll('[role="status"]')].find((host) => host.shadowRoot?.querySelector('.summary'));
          const button = [...summary.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.endsWith('refuse'));
          button.scrollIntoView({ block: 'center' });
          button.focus();
          return button.getBoundingClientRect().toJSON();
        });
      for (const how of ['mouse', 'keyboard', 'mouse']) {
        const box = await focusCount();
        if (how === 'keyboard') await page.keyboard.press('Enter');
        else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const at = await page.evaluate(() => {
          const host = document.activeElement;
          const r = host.getBoundingClientRect();
          return {
            file: host.closest('[data-fixture]')?.dataset.fixture,
            verdict: host.dataset.vettedVerdict,
            inView: r.top >= 0 && r.bottom <= innerHeight,
            onBadge: host.shadowRoot?.activeElement?.classList.contains('badge'),
          };
        });
        assert.equal(at.verdict, 'refuse', JSON.stringify(at));
        assert.ok(at.inView && at.onBadge, JSON.stringify(at));
        visited.push(at.file);
      }
      // In page order, each press the next one.
      const order = refused.filter((file) => visited.includes(file));
      assert.equal(new Set(visited).size, 3, `the same card twice: ${visited}`);
      assert.deepEqual(visited, order.slice(0, 3), 'not in page order');
    });

    for (const theme of ['light', 'dark']) {
      test(`axe-core finds no WCAG 2.2 A/AA problem in the badges and an open explanation, ${theme}`, async () => {
        await page.evaluate((dark) => {
          document.documentElement.classList.toggle('theme--dark', dark);
          document.body.style.background = dark ? '#1b1f23' : '';
        }, theme === 'dark');
        const file = byName('Camille Dubois');
        await onBadge(page, file, (host) => host.scrollIntoView({ block: 'center' }));
        await onBadge(page, file, (host, shadow) => {
          shadow.querySelector('.badge').click();
          [...shadow.querySelectorAll('.why button')].find((b) => b.getAttribute('aria-expanded') !== null).click();
        });
        const violations = await axeViolations(page, { include: [['[data-vetted-verdict]'], ['[role="status"]']] });
        assert.deepEqual(violations, []);
        await closeAll(page);
      });
    }
  });
}
