// Issue 5, acceptance 2, 3, 5: "Leave it in drafts" (dialog and badge) stores the
// draft in chrome.storage.local, empties the editor's model, the popup lists it and
// restores the exact text into Quill, Draft.js, Lexical and a textarea; drafts
// survive a browser relaunch with the same profile and an extension reload; expired
// drafts go; nothing leaves the browser and storage.sync stays empty.
// Run: node --test tests/e2e/drafts.test.mjs   (BEDSIDE_DIST=<dir> to test another build)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badgeIndex, clickSubmit, launch, modelText, openSite, surface, typeInto, waitFor } from './harness.mjs';

const TERM = 'zanzibarquux';
const DIST = process.env.BEDSIDE_DIST || 'dist';
const SAVED = 'Saved to Bedside drafts - nothing was posted';
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-drafts-'));
let h;
const offsite = [];

before(async () => {
  h = await launch({ dist: DIST, profileDir });
  await h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }] } }), TERM);
});
after(async () => {
  await h?.close();
  fs.rmSync(profileDir, { recursive: true, force: true });
});

const stored = async () => (await h.serviceWorker.evaluate(() => chrome.storage.local.get('drafts'))).drafts ?? [];
const tabIdOf = (url) => h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);

async function typeRisky(page, name, text) {
  await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
  await typeInto(page, name, text);
  const i = await badgeIndex(page, surface(name).selector);
  await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i]?.dataset.verdict === 'hold', i);
  return i;
}

const note = (page, i) => page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelector('.note').textContent, i);

async function openPopup(tabId) {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html${tabId ? `?tab=${tabId}` : ''}`);
  await popup.waitForSelector('#drafts .drafts-list');
  return popup;
}

async function restoreInto(page, name, text) {
  await page.evaluate((n) => window.__fixture.surfaces[n].focus(), name);
  const popup = await openPopup(await tabIdOf(page.url()));
  await popup.waitForSelector('#drafts li.draft');
  const item = popup.locator('#drafts li.draft').filter({ hasText: text.split('\n')[0] }).first();
  await item.locator('[data-action="restore"]').click();
  await popup.waitForFunction(() => /Restored|Could not/.test(document.querySelector('.drafts-status')?.textContent ?? ''));
  const status = await popup.$eval('.drafts-status', (e) => e.textContent);
  await popup.close();
  assert.match(status, /Restored/, status);
  await waitFor(page, ([n, t]) => window.__fixture.surfaces[n].text() === t, [name, text]);
  assert.equal(await modelText(page, name), text);
}

test('"Leave it in drafts" in the dialog stores the draft, empties the editor, the popup lists and restores it', async () => {
  const page = await openSite(h.context, 'linkedin');
  const text = `Held from the dialog ${TERM}\nsecond line of it`;
  const i = await typeRisky(page, 'linkedin-share', text);
  await clickSubmit(page, 'linkedin-share');
  await waitFor(page, () => !!document.querySelector('bedside-dialog'));
  await page.click('bedside-dialog [data-action="hold"]');
  await waitFor(page, () => window.__fixture.surfaces['linkedin-share'].text() === '');
  assert.deepEqual(await page.evaluate(() => window.__fixture.posts), [], 'nothing was posted');
  await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelector('.note').textContent !== '', i);
  assert.equal(await note(page, i), SAVED);
  const drafts = await stored();
  assert.equal(drafts.length, 1);
  assert.equal(drafts[0].text, text);
  assert.equal(drafts[0].site, 'linkedin');
  assert.equal(drafts[0].url, 'https://www.linkedin.com/feed/');
  assert.equal(drafts[0].findings[0].category, 'custom.term');
  assert.ok(Math.abs(drafts[0].created - Date.now()) < 60_000);

  const popup = await openPopup(await tabIdOf(page.url()));
  await popup.waitForSelector('#drafts li.draft');
  const shown = await popup.$eval('#drafts li.draft', (li) => li.textContent);
  assert.match(shown, /LinkedIn/);
  assert.match(shown, /Held from the dialog/);
  assert.match(shown, /A term on your list/);
  assert.match(shown, /Deleted on/);
  assert.match(await popup.$eval('.drafts-expiry', (e) => e.textContent), /30 days/);
  assert.equal(await h.serviceWorker.evaluate(() => chrome.action.getBadgeText({})), '1');
  await popup.close();

  await restoreInto(page, 'linkedin-share', text);
  await page.close();
});

for (const [site, name, editor] of [
  ['x-home', 'x-home', 'Draft.js'],
  ['facebook', 'facebook-composer', 'Lexical'],
  ['instagram', 'instagram-caption', 'Lexical'],
  ['instagram', 'instagram-comment', 'textarea'],
  ['linkedin-old', 'linkedin-comment-old', 'Quill'],
  ['linkedin', 'linkedin-comment', 'TipTap'],
  ['x-dm', 'x-dm', 'textarea'],
]) {
  test(`${name} (${editor}): the badge's "Leave it in drafts" holds the post; restore puts the exact text back`, async () => {
    const page = await openSite(h.context, site);
    const multiline = surface(name).enter === 'newline' || surface(name).keySubmit;
    const text = multiline ? `Badge hold on ${name} ${TERM}\nline two\nline three` : `Badge hold on ${name} ${TERM}`;
    const before = (await stored()).length;
    const i = await typeRisky(page, name, text);
    await page.locator('bedside-badge').nth(i).locator('[data-action="hold"]').click();
    await waitFor(page, (n) => window.__fixture.surfaces[n].text() === '', name);
    await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelector('.note').textContent !== '', i);
    assert.equal(await note(page, i), SAVED);
    const drafts = await stored();
    assert.equal(drafts.length, before + 1);
    assert.equal(drafts[0].text, text);
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
    await restoreInto(page, name, text);
    await page.close();
  });
}

test('restore never overwrites text the user is writing', async () => {
  const page = await openSite(h.context, 'instagram');
  await typeInto(page, 'instagram-comment', 'my own words');
  await typeInto(page, 'instagram-caption', 'more of my own words');
  const popup = await openPopup(await tabIdOf(page.url()));
  await popup.waitForSelector('#drafts li.draft');
  await popup.locator('#drafts li.draft [data-action="restore"]').first().click();
  await popup.waitForFunction(() => /Could not/.test(document.querySelector('.drafts-status')?.textContent ?? ''));
  assert.equal(await modelText(page, 'instagram-comment'), 'my own words');
  assert.equal(await modelText(page, 'instagram-caption'), 'more of my own words');
  await popup.close();
  await page.close();
});

test('drafts survive a browser relaunch with the same profile and an extension reload', async () => {
  const before = await stored();
  assert.ok(before.length >= 2);
  offsite.push(...h.requests.offsite);
  await h.context.close();
  // launch() reloads the extension from chrome://extensions on start, so this
  // covers both a relaunch and an extension reload.
  h = await launch({ dist: DIST, profileDir });
  assert.deepEqual(await stored(), before);
  const popup = await openPopup();
  await popup.waitForSelector('#drafts li.draft');
  assert.equal(await popup.$$eval('#drafts li.draft', (l) => l.length), before.length);
  await popup.close();
  await waitFor(await h.context.newPage(), () => true);
  assert.equal(await h.serviceWorker.evaluate(() => chrome.action.getBadgeText({})), String(before.length));
});

test('expired drafts are deleted (and the popup says when each one will be)', async () => {
  const old = { id: 'old-1', text: 'an old held post', site: 'x', surface: 'post', url: 'https://x.com/home', created: Date.now() - 31 * 864e5, findings: [] };
  await h.serviceWorker.evaluate(async (d) => {
    const { drafts = [] } = await chrome.storage.local.get('drafts');
    await chrome.storage.local.set({ drafts: [...drafts, d] });
  }, old);
  const popup = await openPopup();
  await popup.waitForSelector('#drafts li.draft');
  assert.equal(await popup.$$eval('#drafts li.draft[data-draft-id="old-1"]', (l) => l.length), 0);
  assert.ok(!(await stored()).some((d) => d.id === 'old-1'));
  // Delete all: one click empties the list (issue 17).
  await popup.click('[data-action="delete-all"]');
  await popup.waitForSelector('#drafts .drafts-none');
  assert.deepEqual(await stored(), []);
  await popup.close();
});

test('no request left the browser and storage.sync was never written', async () => {
  assert.deepEqual([...offsite, ...h.requests.offsite], []);
  assert.equal(await h.serviceWorker.evaluate(() => chrome.storage.sync.getBytesInUse(null)), 0);
  assert.deepEqual(await h.serviceWorker.evaluate(() => chrome.storage.sync.get(null)), {});
});
