// The user's own invitations, in both browsers and on both paths (a LinkedIn-like page CSP, under
// which Chromium judges drafts in the background, and none): in LinkedIn's dialogs (www/invite.html
// reproduces them) Vetted's line gives the essay's sentence, says whether the draft gives a reason
// as the user types, puts a template in on the user's click as if typed, and says when the free
// notes ran out. It never clicks, submits or requests anything, loads no wasm before a note dialog
// opens, and writes names and drafts only as text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, PAGE_CSP, launch, openTab } from './harness.mjs';
import { setStoredSettings } from './extension-pages.mjs';
import { ROOT } from './pages.mjs';
import { payloads } from './cards-by-structure-pages.mjs';

const PROFILE = '/in/ada-lovelace-1815/';
const URL_OF = (query = '') => `https://www.linkedin.com${PROFILE}${query}`;
const www = (file) => readFileSync(join(ROOT, 'www', file), 'utf8');
const FRAME = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/vetted-demo/invite.css"></head>'
  + '<body><script src="/vetted-demo/invite-dialogs.js"></script></body></html>';
const TEMPLATE = 'Hi {name}, I loved your talk on the Analytical Engine at the Science Museum.';

function routes(page = www('invite.html')) {
  return {
    [PROFILE]: page,
    '/vetted-demo/invite.css': www('invite.css'),
    '/vetted-demo/invite-dialogs.js': www('invite-dialogs.js'),
    '/preload/custom-invite/': FRAME,
  };
}

/** Vetted's line in the page or a frame: its text, and the tags inside its shadow root. */
function lineIn(frame) {
  return frame.evaluate(() => {
    const host = document.querySelector('[data-vetted-invite]');
    if (!host) return null;
    const line = host.shadowRoot.querySelector('.line');
    return {
      text: line.textContent,
      tags: [...host.shadowRoot.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort().join(','),
      buttons: [...host.shadowRoot.querySelectorAll('button')].map((b) => b.textContent),
    };
  });
}

async function waitForLine(frame, pattern) {
  await frame.waitForFunction((source) => {
    const line = document.querySelector('[data-vetted-invite]')?.shadowRoot.querySelector('.line');
    return line && new RegExp(source).test(line.textContent);
  }, { timeout: 10000, polling: 50 }, pattern.source);
  return lineIn(frame);
}

/** Counts clicks and submits that no person made (events a script dispatched), in the page's world. */
function watchEvents(frame) {
  return frame.evaluate(() => {
    window.untrusted = [];
    for (const type of ['click', 'submit']) {
      document.addEventListener(type, (event) => { if (!event.isTrusted) window.untrusted.push(type); }, true);
    }
  });
}

async function typeInto(frame, text) {
  await frame.click('#custom-message', { count: 3 });
  await frame.evaluate(() => { document.querySelector('#custom-message').value = ''; });
  await frame.type('#custom-message', text);
}

for (const name of BROWSERS) {
  for (const csp of [null, PAGE_CSP]) {
    describe(`${name}, ${csp ? 'LinkedIn-like page CSP' : 'no page CSP'}: the user's own invitations`, () => {
      let browser;
      const opened = [];
      before(async () => {
        browser = await launch(name);
        await setStoredSettings(browser, name, { version: 3, invite_templates: [TEMPLATE] });
      });
      after(async () => {
        await browser?.close();
      });

      async function open(query, page) {
        const tab = await openTab(browser, routes(page), { csp });
        opened.push(tab);
        await tab.page.goto(URL_OF(query));
        await watchEvents(tab.page);
        return tab;
      }

      for (const [gen, query] of [['2026 dialog', '?remaining=3'], ['artdeco modal', '?gen=2024&remaining=3']]) {
        test(`${gen}: the nudge, then the draft judged as typed, the template as if typed`, async () => {
          const { page, logs } = await open(query);
          await new Promise((resolve) => setTimeout(resolve, 300));
          assert.ok(!logs.some((line) => line.includes('note reader runs')), 'a wasm loaded before any dialog');
          await page.click('.connect');
          const nudge = await waitForLine(page, /at least one sentence/);
          assert.match(nudge.text, /3 free notes/);
          assert.ok(!logs.some((line) => line.includes('note reader runs')), 'a wasm loaded before the note dialog');
          // LinkedIn's own controls are all there, visible and enabled.
          const controls = await page.$$eval('button', (all) => all.filter((b) => b.checkVisibility() && !b.disabled).map((b) => b.getAttribute('aria-label')));
          assert.deepEqual(controls.filter((label) => /note/.test(label)).sort(), ['Add a note', 'Send without a note']);
          await page.click('button[aria-label="Add a note"]');
          await waitForLine(page, /no reason yet/);
          await typeInto(page, 'Hi Ada, happy to connect!');
          const none = await waitForLine(page, /no reason yet.*175 characters left/);
          assert.match(none.text, /no reason yet/);
          await typeInto(page, 'Hi Ada, we met at the Science Museum last week.');
          await waitForLine(page, /gives a reason/);
          const where = csp && name === 'chromium' ? 'in the background' : 'in the content script';
          assert.ok(logs.some((line) => line.includes(`note reader runs ${where}`)), logs.join(' | '));
          // The template, on the user's click: in the box as if typed, LinkedIn's counter and Send follow.
          await page.evaluate(() => {
            document.querySelector('#custom-message').value = '';
            document.querySelector('#custom-message').dispatchEvent(new Event('input', { bubbles: true }));
          });
          const button = await page.evaluateHandle(() => document.querySelector('[data-vetted-invite]').shadowRoot.querySelector('.templates button'));
          await button.click();
          const want = TEMPLATE.replace('{name}', 'Ada');
          assert.equal(await page.$eval('#custom-message', (area) => area.value), want);
          assert.equal(await page.$eval('.counter', (c) => c.textContent), `${[...want].length}/200`);
          assert.equal(await page.$eval('button[aria-label="Send invitation"]', (b) => b.disabled), false);
          await waitForLine(page, /gives a reason/);
          if (name === 'chromium' && !csp && gen === '2026 dialog') {
            // The README's picture of the note dialog with Vetted's line.
            const dialog = await page.$('dialog');
            await dialog.screenshot({ path: join(ROOT, 'www', 'screenshots', 'invite-note.png') });
          }
          assert.deepEqual(await page.evaluate(() => window.untrusted), [], 'Vetted clicked or submitted');
          assert.ok(await page.$('dialog, [role="dialog"]'), 'the dialog was closed');
        });
      }

      test('free notes spent: the line says so and names the essay\'s choice; the upsell stays', async () => {
        const { page } = await open('?out=1');
        await page.click('.connect');
        await page.waitForSelector('button[aria-label="Add a note"]');
        await page.click('button[aria-label="Add a note"]');
        const line = await waitForLine(page, /run out/);
        assert.match(line.text, /send a message instead/);
        assert.ok(await page.$eval('a[href^="/premium/"]', (a) => a.checkVisibility()), 'the upsell was hidden');
      });

      test('the 2026 dialog inside an iframe on /preload/: the line is there too, the name from its address', async () => {
        const { page } = await open('?frame=1');
        await page.click('.connect');
        await page.waitForSelector('iframe.invite-frame');
        let frame = null;
        for (let i = 0; i < 100 && !frame?.url().includes('/preload/'); i += 1) {
          frame = page.frames().find((f) => f.url().includes('/preload/'));
          if (!frame) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await frame.waitForSelector('button[aria-label="Add a note"]');
        await waitForLine(frame, /at least one sentence/);
        await frame.click('button[aria-label="Add a note"]');
        await typeInto(frame, 'Hello, please accept my invitation.');
        await waitForLine(frame, /no reason yet/);
        const button = await frame.evaluateHandle(() => document.querySelector('[data-vetted-invite]').shadowRoot.querySelector('.templates button'));
        await button.click();
        assert.equal(await frame.$eval('#custom-message', (area) => area.value), TEMPLATE.replace('{name}', 'Ada'));
      });

      test('a hostile name reaches the box and the line only as text', async () => {
        const hostile = '<img src=x onerror="document.documentElement.dataset.pwned=1">';
        const page0 = www('invite.html').replace('aria-label="Invite Ada Lovelace to connect"', `aria-label="Invite ${hostile.replaceAll('"', '&quot;')} to connect"`);
        const { page } = await open('', page0);
        await page.click('.connect');
        await page.click('button[aria-label="Add a note"]');
        await waitForLine(page, /no reason yet/);
        const line = await lineIn(page);
        assert.equal(line.tags, 'button,p,p,style');
        const button = await page.evaluateHandle(() => document.querySelector('[data-vetted-invite]').shadowRoot.querySelector('.templates button'));
        await button.click();
        assert.ok((await page.$eval('#custom-message', (area) => area.value)).startsWith('Hi <img'));
        // Every payload of the hostile suite as a draft: judged, and still only text.
        for (const payload of payloads()) {
          await page.evaluate((text) => {
            const area = document.querySelector('#custom-message');
            area.value = text;
            area.dispatchEvent(new Event('input', { bubbles: true }));
          }, payload.text);
        }
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
        assert.equal((await lineIn(page)).tags, 'button,p,p,style');
        assert.equal(await page.evaluate(() => document.documentElement.dataset.pwned ?? null), null);
        assert.equal(await page.$('img[src="x"]'), null);
      });

      test('no page error, and no request left the browser', () => {
        assert.deepEqual(opened.flatMap((tab) => tab.leaks), []);
        assert.deepEqual(opened.flatMap((tab) => tab.logs.filter((line) => line.startsWith('pageerror'))), []);
      });
    });
  }
}
