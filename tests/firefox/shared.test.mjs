// Issue 17 (Firefox): shared-workstation mode by option. A held draft is listed in the
// popup with "cleared when the browser closes", is absent from storage.local and from
// every file of the profile on disk, and is gone after a relaunch; with the mode off the
// same search finds the draft on disk (so the search can fail) and it survives a relaunch.
// Run: node --test tests/firefox/shared.test.mjs
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { badgeIndex, clickIn, clickSubmit, evaluate, launch, newTab, openSite, surface, typeInto, waitFor } from './harness.mjs';
import { filesHolding, uniqueWord } from '../e2e/profile-files.mjs';

const TERM = 'zanzibarquux';
const CLEARED = 'Drafts on this computer are cleared when the browser closes.';

async function holdPost(h, text) {
  const page = await openSite(h, 'linkedin');
  await typeInto(page, 'linkedin-share', text);
  const i = await badgeIndex(page, surface('linkedin-share').selector);
  await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i]?.dataset.verdict === 'hold', i);
  await clickSubmit(page, 'linkedin-share');
  await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
  const where = await evaluate(page, () => document.querySelector('bedside-dialog').shadowRoot.querySelector('.where').textContent);
  await clickIn(page, 'bedside-dialog', '[data-action="hold"]');
  await waitFor(page, () => window.__fixture.surfaces['linkedin-share'].text() === '');
  await page.close();
  return where;
}

async function popupDrafts(h) {
  const popup = await newTab(h, `${h.extensionOrigin}/popup/popup.html`, { window: true });
  await waitFor(popup, () => document.querySelector('#drafts')?.dataset.count !== undefined);
  const view = await evaluate(popup, () => ({
    items: [...document.querySelectorAll('#drafts li.draft')].map((li) => li.textContent),
    note: document.querySelector('.drafts-shared')?.hidden === false ? document.querySelector('.drafts-shared').textContent : null,
  }));
  await popup.close();
  return view;
}

for (const shared of [true, false]) {
  describe(`shared workstation ${shared ? 'on (by option)' : 'off'}`, () => {
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-ff-shared-'));
    let h;
    after(async () => {
      await h?.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    });

    test(shared ? 'the held draft is listed, never on disk, and gone after a relaunch' : 'the held draft is on disk (the search finds it) and survives a relaunch', async () => {
      h = await launch({ profileDir });
      await h.ext(([term, on]) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }], sharedWorkstation: on } }), [TERM, shared]);
      const word = uniqueWord();
      // The term not last: with the caret on an underline its card opens, over the Post button.
      const where = await holdPost(h, `Handover: ${TERM} for ${word}`);
      assert.equal(where, shared ? CLEARED : 'Drafts stay on this device only.');
      const listed = await popupDrafts(h);
      assert.ok(listed.items.some((t) => t.includes(word)), listed.items.join(' | '));
      assert.equal(listed.note, shared ? CLEARED : null);
      const local = JSON.stringify(await h.ext(() => chrome.storage.local.get(null)));
      const session = JSON.stringify(await h.ext(() => chrome.storage.session.get(null)));
      assert.equal(local.includes(word), !shared, 'in storage.local only when not shared');
      assert.equal(session.includes(word), shared, 'in storage.session only when shared');
      await h.close();
      const onDisk = filesHolding(profileDir, word);
      if (shared) assert.deepEqual(onDisk, [], 'the draft text is in no file of the profile');
      else assert.notDeepEqual(onDisk, [], 'the profile search finds a draft kept on disk');
      h = await launch({ profileDir });
      const after = await popupDrafts(h);
      assert.equal(after.items.some((t) => t.includes(word)), !shared, shared ? 'gone after the relaunch' : 'kept across the relaunch');
    });
  });
}
