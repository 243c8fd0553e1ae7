// The foundation's smoke test: dist/ loads cleanly, the content script runs on a
// routed site page, and the WASM core answers a scan (in the background on LinkedIn,
// whose CSP forbids WebAssembly in the content script).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { extensionErrors, launch, openSite, typeInto, waitFor } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('dist/ loads with no errors or warnings on chrome://extensions', async () => {
  assert.deepEqual(await extensionErrors(browser.context, browser.extensionId), []);
});

test('the content script is present on linkedin.com/feed and the core answers through the background', async () => {
  const page = await openSite(browser.context, 'linkedin');
  await waitFor(page, () => document.querySelector('bedside-badge')?.dataset.engine === 'background');
  await typeInto(page, 'linkedin-share', 'Hello from the smoke test');
  // data-scan counts rendered reports: it only moves when the core answered.
  await waitFor(page, () => Number(document.querySelector('bedside-badge').dataset.scan) >= 2);
  await page.close();
});

test('the background worker scans with the WASM core on request', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'scan', text: 'A post about nothing in particular.' }));
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.ok(['clean', 'review', 'hold'].includes(reply.value.verdict));
  assert.ok(Array.isArray(reply.value.findings));
  await page.close();
});

test('nothing left the browser', () => {
  assert.deepEqual(browser.requests.offsite, []);
});
