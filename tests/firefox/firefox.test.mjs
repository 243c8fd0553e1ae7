// Issue 8: Bedside in a real Firefox (Debian's firefox-esr, headless), from the same
// fixture pages as the Chromium suite: underlines, badge and model text on every
// surface; the options page and the popup at their moz-extension:// URLs; submits held,
// "Post anyway" and "Leave it in drafts"; drafts across a relaunch with the same
// profile; nothing leaves the browser. One launch, plus the relaunch.
// Run: node --test tests/firefox/   (FIREFOX=/path, GECKODRIVER=/path to override)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  badgeIndex, click, clickIn, clickSubmit, evaluate, keySubmit, launch, modelText, newTab, openSite, posts,
  surface, surfaces, typeInto, waitFor,
} from './harness.mjs';
import { finalUnderlines, scanIsIdle, underlinedIn, wantedUnderlines } from '../e2e/probes.mjs';

const RISKY = 'Rough night. My patient Mr. Alvarez in room 12, MRN 00482913, coded twice before 3am.';
const MUST_UNDERLINE = ['Mr. Alvarez', '00482913'];
const TERM = 'Quillfeather Ward';
const TESTED = surfaces.filter((s) => s.site !== 'demo');
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-ff-'));
let h;
const offsite = [];

before(async () => { h = await launch({ profileDir }); });
after(async () => {
  await h?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
});

/** The report the core gives for a text, asked of the background (Firefox's event page). */
async function coreReport(text) {
  const reply = await h.ext((t) => chrome.runtime.sendMessage({ type: 'scan', text: t }), text);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.value;
}

const stored = async () => (await h.ext(() => chrome.storage.local.get('drafts'))).drafts ?? [];
const tabIdOf = (url) => h.ext(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);

/** Underlined texts by severity (see probes.mjs). */
const underlined = (page, selector) => evaluate(page, underlinedIn, selector);

describe('underlines, badge and model text on every surface', () => {
  let report;
  before(async () => { report = await coreReport(RISKY); });
  for (const site of [...new Set(TESTED.map((s) => s.site))]) {
    test(site, async () => {
      assert.equal(report.verdict, 'hold');
      const page = await openSite(h, site);
      for (const sf of TESTED.filter((s) => s.site === site)) {
        await typeInto(page, sf.name, RISKY);
        assert.equal(await modelText(page, sf.name), RISKY);
        const i = await badgeIndex(page, sf.selector);
        await waitFor(page, ([i, n]) => document.querySelectorAll('bedside-badge')[i]?.dataset.count === String(n), [i, report.findings.length]);
        const badge = await evaluate(page, (k) => ({ ...document.querySelectorAll('bedside-badge')[k].dataset }), i);
        assert.equal(badge.site, site.split('-')[0]);
        assert.equal(badge.verdict, 'hold');
        // Firefox compiles WebAssembly in the content script even under LinkedIn's CSP.
        assert.equal(badge.engine, 'local', `${sf.name} engine`);
        const marks = await finalUnderlines(() => underlined(page, sf.selector), report);
        const want = wantedUnderlines(report);
        for (const sev of ['high', 'medium', 'low']) assert.deepEqual(marks[sev], want[sev], `${sf.name}: ${sev} underlines`);
        for (const word of MUST_UNDERLINE) assert.ok(marks.high.some((t) => t.includes(word)), `${sf.name}: ${word} underlined high`);
        assert.equal(await modelText(page, sf.name), RISKY, `${sf.name}: highlights leave the model text alone`);
      }
      await page.close();
    });
  }
});

test('options page at moz-extension://: a custom term added there is flagged in an open box without reload', async () => {
  const page = await openSite(h, 'x-home');
  await typeInto(page, 'x-home', `Great team on ${TERM} this week`);
  await waitFor(page, () => document.querySelector('bedside-badge')?.dataset.verdict === 'clean');

  const options = await newTab(h, `${h.extensionOrigin}/options/options.html`);
  await waitFor(options, () => document.body.dataset.ready === 'true');
  const d = h.driver;
  await d.findElement({ css: '#custom-term' }).sendKeys(TERM);
  await evaluate(options, () => {
    const s = document.querySelector('#custom-term-severity');
    s.value = 'high';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await d.findElement({ css: '#custom-term' }).sendKeys('\uE007'); // Enter
  await waitFor(options, (t) => !!document.querySelector(`#custom-terms li[data-term="${t}"]`), TERM);
  assert.deepEqual((await h.ext(() => chrome.storage.local.get('settings'))).settings.customTerms, [{ term: TERM, severity: 'high' }]);
  await options.close();

  await waitFor(page, (t) => [...(CSS.highlights.get('bedside-high') ?? [])].some((r) => r.toString() === t), TERM, { timeout: 10_000 });
  assert.equal(await evaluate(page, () => document.querySelector('bedside-badge').dataset.verdict), 'hold');
  await page.close();
});

const dialogShown = (page) => waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));

/** Types a post with the custom term and waits for its badge to say hold; returns the badge index. */
async function typeHeld(page, name, text) {
  await typeInto(page, name, text);
  await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0); // the box is watched
  const i = await badgeIndex(page, surface(name).selector);
  await waitFor(page, ([i, t]) => {
    const b = document.querySelectorAll('bedside-badge')[i];
    return b?.dataset.verdict === 'hold' && b.dataset.scan; // scanned since the last keystroke
  }, [i, text]);
  // No scan pending: the scan counter holds still for a while.
  await waitFor(page, scanIsIdle, i);
  return i;
}

describe('held posts', () => {
  // Issue 13: the shadow-root share box, the TipTap comment, DMs and a Spanish page too.
  for (const [name, how] of [
    ['linkedin-share', 'click'], ['linkedin-comment', 'click'], ['x-home', 'key'], ['x-dm', 'key'], ['facebook-comment', 'key'],
    ['facebook-es-comment', 'key'], ['facebook-es-composer', 'click'], ['instagram-comment', 'click'], ['instagram-dm', 'key'],
  ]) {
    test(`${name}: ${how === 'click' ? 'submit button' : `keyboard submit (${surface(name).keySubmit})`} is held; "Post anyway" posts once, unchanged`, async () => {
      const page = await openSite(h, surface(name).site);
      const text = `Risky ${TERM} post from ${name}`;
      await typeHeld(page, name, text);
      if (how === 'click') await clickSubmit(page, name); else await keySubmit(page, name);
      await dialogShown(page);
      assert.deepEqual(await posts(page), [], 'the fixture recorded no post');
      assert.equal(await modelText(page, name), text, 'the submit inserted nothing');
      assert.equal(await evaluate(page, () => document.querySelector('bedside-dialog').shadowRoot.activeElement?.dataset.action), 'hold', '"Leave it in drafts" is focused');
      await clickIn(page, 'bedside-dialog', '[data-action="post"]');
      await waitFor(page, () => window.__fixture.posts.length > 0);
      assert.deepEqual(await posts(page), [{ surface: name, text, via: how }]);
      assert.equal(await evaluate(page, () => !!document.querySelector('bedside-dialog')), false, 'no dialog');
      await page.close();
    });
  }
});

/**
 * Opens the popup at its moz-extension:// URL for a tab and waits for its drafts list.
 * In a window of its own, so the site's tab stays the selected one in its window, as it
 * does under the toolbar popup (a background tab's editor cannot take a restore).
 */
async function openPopup(tabId) {
  const popup = await newTab(h, `${h.extensionOrigin}/popup/popup.html${tabId ? `?tab=${tabId}` : ''}`, { window: true });
  await waitFor(popup, () => !!document.querySelector('#drafts .drafts-list') && !!document.querySelector('#status #tab-state'));
  return popup;
}

describe('Leave it in drafts', () => {
  test('linkedin-share (Quill): the dialog\'s "Leave it in drafts" stores the draft and empties the editor; the popup lists it and restores the exact text', async () => {
    const page = await openSite(h, 'linkedin');
    const text = `Held from the dialog ${TERM}\nsecond line of it`;
    await typeHeld(page, 'linkedin-share', text);
    await clickSubmit(page, 'linkedin-share');
    await dialogShown(page);
    await clickIn(page, 'bedside-dialog', '[data-action="hold"]');
    await waitFor(page, () => window.__fixture.surfaces['linkedin-share'].text() === '');
    assert.deepEqual(await posts(page), [], 'nothing was posted');
    const drafts = await stored();
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0].text, text);
    assert.equal(drafts[0].site, 'linkedin');
    assert.equal(drafts[0].url, 'https://www.linkedin.com/feed/');

    const tabId = await tabIdOf('https://www.linkedin.com/feed/');
    assert.ok(tabId, 'the tab is known to the extension');
    const popup = await openPopup(tabId);
    await waitFor(popup, () => !!document.querySelector('#drafts li.draft'));
    const shown = await evaluate(popup, () => document.querySelector('#drafts li.draft').textContent);
    assert.match(shown, /LinkedIn/);
    assert.match(shown, /Held from the dialog/);
    assert.match(await evaluate(popup, () => document.querySelector('#site-checklist')?.dataset.site), /linkedin/, 'the popup shows the site\'s checklist');
    await evaluate(page, () => window.__fixture.surfaces['linkedin-share'].focus());
    await click(popup, '#drafts li.draft [data-action="restore"]');
    await waitFor(popup, () => /Restored|Could not/.test(document.querySelector('.drafts-status')?.textContent ?? ''));
    assert.match(await evaluate(popup, () => document.querySelector('.drafts-status').textContent), /Restored/);
    await popup.close();
    await waitFor(page, (t) => window.__fixture.surfaces['linkedin-share'].text() === t, text);
    await page.close();
  });

  for (const name of ['x-home', 'facebook-composer', 'instagram-comment']) {
    test(`${name}: the badge's "Leave it in drafts" holds the post and empties the editor`, async () => {
      const page = await openSite(h, surface(name).site);
      // The term not last: with the caret on an underline its card opens, over the badge.
      const text = `Badge hold: ${TERM} on ${name}`;
      const before = (await stored()).length;
      const i = await typeHeld(page, name, text);
      await clickIn(page, 'bedside-badge', '[data-action="hold"]', i);
      await waitFor(page, (n) => window.__fixture.surfaces[n].text() === '', name, { timeout: 10_000 }).catch(async (e) => {
        const state = await evaluate(page, ([n, i]) => ({
          text: window.__fixture.surfaces[n].text(), focus: document.hasFocus(),
          note: document.querySelectorAll('bedside-badge')[i]?.shadowRoot.querySelector('.note')?.textContent,
        }), [name, i]);
        throw new Error(`${e.message}; ${JSON.stringify(state)}; ${(await stored()).length} drafts (had ${before})`);
      });
      const drafts = await stored();
      assert.equal(drafts.length, before + 1);
      assert.equal(drafts[0].text, text);
      assert.deepEqual(await posts(page), []);
      await page.close();
    });
  }
});

test('drafts survive a browser relaunch with the same profile', async () => {
  const before = await stored();
  assert.equal(before.length, 4);
  offsite.push(...h.requests.offsite);
  await h.close();
  h = await launch({ profileDir });
  assert.deepEqual(await stored(), before);
  const popup = await openPopup();
  await waitFor(popup, (n) => document.querySelectorAll('#drafts li.draft').length === n, before.length);
  await popup.close();
});

test('no request left the browser', () => {
  assert.deepEqual([...offsite, ...h.requests.offsite], []);
});
