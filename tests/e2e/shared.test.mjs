// Issue 17, acceptance 2: shared-workstation mode, by option and by a real Chromium
// policy file. A held draft is listed in the popup (which says drafts go when the
// browser closes), is absent from chrome.storage.local and from every file of the
// browser profile on disk, and is gone after the browser is closed and reopened. With
// the mode off, the same search finds the draft on disk (so the search can fail) and
// the draft survives a relaunch; switching the mode on then moves it off the disk.
// On a shared workstation the dialog offers to copy the text instead of holding it.
// Run: node --test tests/e2e/shared.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badgeIndex, clickSubmit, installPolicy, launch, openSite, surface, typeInto, until, waitFor } from './harness.mjs';
import { REPO } from './fixtures/build.mjs';
import { filesHolding, uniqueWord } from './profile-files.mjs';

const TERM = 'zanzibarquux';
const CLEARED = 'Drafts on this computer are cleared when the browser closes.';

const storage = (h, area) => h.serviceWorker.evaluate((a) => chrome.storage[a].get(null), area);

async function openPopup(h) {
  const popup = await h.context.newPage();
  await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html`);
  await popup.waitForSelector('#drafts .drafts-list');
  await popup.waitForFunction(() => document.querySelector('#drafts')?.dataset.count !== undefined);
  return popup;
}

/** Types a risky post into LinkedIn's share box and holds it from the dialog; checks the dialog's words. */
async function holdPost(h, text, { shared }) {
  const page = await openSite(h.context, 'linkedin');
  await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
  await typeInto(page, 'linkedin-share', text);
  const i = await badgeIndex(page, surface('linkedin-share').selector);
  await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict === 'hold', i);
  await clickSubmit(page, 'linkedin-share');
  await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
  const dialog = await page.evaluate(() => {
    const root = document.querySelector('bedside-dialog').shadowRoot;
    const copy = root.querySelector('[data-action="copy"]');
    return { where: root.querySelector('.where').textContent, copy: !!copy && !copy.hidden };
  });
  assert.equal(dialog.where, shared ? CLEARED : 'Drafts stay on this device only.');
  assert.equal(dialog.copy, shared, 'the copy offer is there only on a shared workstation');
  await page.click('bedside-dialog [data-action="hold"]');
  await waitFor(page, () => window.__fixture.surfaces['linkedin-share'].text() === '');
  assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
  await page.close();
}

/** The popup lists the draft (by its first line) and says whether drafts go at close. */
async function popupShows(h, word, { shared }) {
  const popup = await openPopup(h);
  await popup.waitForSelector('#drafts li.draft');
  const items = await popup.$$eval('#drafts li.draft', (l) => l.map((li) => li.textContent));
  assert.ok(items.some((t) => t.includes(word)), items.join(' | '));
  assert.equal(await popup.isVisible('.drafts-shared'), shared);
  if (shared) assert.equal(await popup.textContent('.drafts-shared'), CLEARED);
  const expires = await popup.$$eval('#drafts li.draft .draft-expires', (l) => l.map((p) => p.textContent));
  assert.ok(expires.every((t) => (shared ? t === 'Deleted when the browser closes' : t.startsWith('Deleted on '))), expires.join(' | '));
  await popup.close();
}

async function popupEmpty(h) {
  const popup = await openPopup(h);
  await popup.waitForSelector('#drafts .drafts-none');
  await popup.close();
}

/** The shared-workstation checks on one launch: hold, list, not in storage.local, not on disk, gone after a relaunch. */
async function sharedRoundTrip(state, relaunch) {
  const word = uniqueWord();
  await holdPost(state.h, `Handover for ${word} ${TERM}`, { shared: true });
  await popupShows(state.h, word, { shared: true });
  assert.doesNotMatch(JSON.stringify(await storage(state.h, 'local')), new RegExp(word), 'not in chrome.storage.local');
  assert.match(JSON.stringify((await storage(state.h, 'session')).drafts), new RegExp(word), 'held in memory');
  await state.h.context.close();
  assert.deepEqual(filesHolding(state.profileDir, word), [], 'the draft text is in no file of the profile');
  // Reopened as a person would: no extension reload, so only the browser's close cleared it.
  state.h = await relaunch();
  await popupEmpty(state.h);
  assert.deepEqual((await storage(state.h, 'session')).drafts, undefined);
  assert.deepEqual(filesHolding(state.profileDir, word), []);
}

describe('shared workstation by option', () => {
  const state = { profileDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-shared-')), h: null };
  before(async () => {
    state.h = await launch({ profileDir: state.profileDir });
    await state.h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }], sharedWorkstation: true } }), TERM);
  });
  after(async () => {
    await state.h?.close();
    fs.rmSync(state.profileDir, { recursive: true, force: true });
  });

  test('"Copy the text instead" puts the post on the clipboard and keeps it in the box; nothing is posted or saved', async () => {
    const { h } = state;
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://www.linkedin.com' });
    const page = await openSite(h.context, 'linkedin');
    await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
    const text = `Finish this at home ${uniqueWord()} ${TERM}`;
    await typeInto(page, 'linkedin-share', text);
    const i = await badgeIndex(page, surface('linkedin-share').selector);
    await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict === 'hold', i);
    await clickSubmit(page, 'linkedin-share');
    await waitFor(page, () => !!document.querySelector('bedside-dialog'));
    await page.click('bedside-dialog [data-action="copy"]');
    await waitFor(page, () => !document.querySelector('bedside-dialog'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    assert.equal(await page.evaluate(() => window.__fixture.surfaces['linkedin-share'].text()), text, 'the text stays in the box');
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
    assert.match(await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelector('.note').textContent, i), /Copied to the clipboard/);
    assert.equal((await storage(h, 'session')).drafts, undefined, 'no draft was saved');
    await page.close();
  });

  test('a page cannot reach the drafts: no messaging into Bedside, no loading its pages (threat model)', async () => {
    const { h } = state;
    const page = await openSite(h.context, 'linkedin');
    const reach = await page.evaluate(async (id) => {
      const messaging = typeof globalThis.chrome?.runtime?.sendMessage === 'function';
      const load = async (file) => fetch(`chrome-extension://${id}/${file}`).then(() => 'loaded', () => 'refused');
      return { messaging, popup: await load('popup/popup.html'), options: await load('options/options.html'), core: await load('wasm/bedside_wasm_bg.wasm'), model: await load('model/model.bin') };
    }, h.extensionId);
    // The core is web-accessible on the four sites (docs/threat-model.md, "resource"); the pages are not.
    assert.deepEqual(reach, { messaging: false, popup: 'refused', options: 'refused', core: 'loaded', model: 'loaded' });
    await page.close();
  });

  test('a held draft is listed, stays out of storage.local and off the disk, and is gone after a relaunch', async () => {
    await sharedRoundTrip(state, () => launch({ profileDir: state.profileDir, captureErrors: false }));
  });
});

describe('shared workstation off (today\'s behaviour)', () => {
  const state = { profileDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-unshared-')), h: null };
  before(async () => {
    state.h = await launch({ profileDir: state.profileDir });
    await state.h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }] } }), TERM);
  });
  after(async () => {
    await state.h?.close();
    fs.rmSync(state.profileDir, { recursive: true, force: true });
  });

  test('the draft is on disk (the search finds it) and survives a relaunch; switching the mode on moves it off the disk', async () => {
    const word = uniqueWord();
    await holdPost(state.h, `Handover for ${word} ${TERM}`, { shared: false });
    await popupShows(state.h, word, { shared: false });
    await state.h.context.close();
    assert.notDeepEqual(filesHolding(state.profileDir, word), [], 'the profile search finds a draft kept on disk');
    state.h = await launch({ profileDir: state.profileDir, captureErrors: false });
    await popupShows(state.h, word, { shared: false });

    await state.h.serviceWorker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, sharedWorkstation: true } });
    });
    await waitFor(await openPopup(state.h), () => document.querySelector('#drafts')?.dataset.shared === 'true');
    await until(async () => (await storage(state.h, 'local')).drafts === undefined, { message: 'the drafts left storage.local' });
    assert.match(JSON.stringify((await storage(state.h, 'session')).drafts), new RegExp(word));
    await popupShows(state.h, word, { shared: true });
  });
});

/** Chromium's id for an unpacked extension: sha256 of its absolute path, a-p for 0-f. */
function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

describe('shared workstation by a real Chromium policy file', () => {
  // The policy names the id of a private copy of dist/, so no other browser on the
  // machine is affected; the policy lock is held while the file exists.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-shared-policy-'));
  const ext = path.join(dir, 'ext');
  const profileDir = path.join(dir, 'profile');
  const id = (fs.cpSync(path.join(REPO, 'dist'), ext, { recursive: true }), unpackedId(ext));
  const state = { profileDir, h: null };
  let policy;
  before(async () => {
    // tests/policy-files.mjs: the file exists only while the machine-wide policy lock is held.
    policy = await installPolicy('chromium', id, { sharedWorkstation: true }, { name: `bedside-test-${path.basename(dir)}` });
    fs.mkdirSync(profileDir);
    state.h = await launch({ dist: ext, profileDir });
    assert.equal(state.h.extensionId, id, 'the policy names the loaded extension');
    // The user switched it off; the policy wins.
    await state.h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }], sharedWorkstation: false } }), TERM);
  });
  after(async () => {
    try { await state.h?.close(); } finally {
      await policy?.remove();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the options page shows the mode on and locked', async () => {
    assert.deepEqual(await state.h.serviceWorker.evaluate(() => chrome.storage.managed.get(null)), { sharedWorkstation: true });
    const options = await state.h.context.newPage();
    await options.goto(`chrome-extension://${id}/options/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    assert.equal(await options.isChecked('#shared-workstation'), true);
    assert.equal(await options.isDisabled('#shared-workstation'), true);
    await options.close();
  });

  test('a held draft is listed, stays out of storage.local and off the disk, and is gone after a relaunch', async () => {
    await sharedRoundTrip(state, () => launch({ dist: ext, profileDir, captureErrors: false }));
  });
});
