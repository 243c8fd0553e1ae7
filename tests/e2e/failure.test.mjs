// Issue 17, acceptance 1 (Chromium): when the core cannot start, every surface's badge
// says "Bedside is off" in plain words, with what to do and the technical reason behind
// "Details"; risky posts go through unchanged; the popup and the options page's
// diagnostics show the reason. A core that throws on one text keeps the last good
// underlines and recovers on the next edit, in the content script (x.com) and in the
// background worker (linkedin.com, whose CSP forbids WebAssembly in the page).
// Both run on private copies of the build (tests/e2e/copies.mjs), never on dist/.
// Run: node --test tests/e2e/failure.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeIndex, clickSubmit, launch, openSite, sites, surface, typeInto, waitFor } from './harness.mjs';
import { badgeView as badgeViewIn, corruptedCopy, faultBuild, highlightedTexts, OFF_TITLE, TEST_FAULT_MARKER } from './copies.mjs';

const TERM = 'zanzibarquux';
const useTerm = (h) => h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }] } }), TERM);

const badgeView = (page, i) => page.evaluate(badgeViewIn, i);
const underlined = (page) => page.evaluate(highlightedTexts);

// Session 8: the weights are a file of their own (model/model.bin). A damaged one must switch
// Bedside off as plainly as a damaged .wasm, never let the core judge without its model.
describe('a damaged model file', () => {
  const copy = corruptedCopy('dist', 'model/model.bin');
  let h;
  before(async () => {
    h = await launch({ dist: copy.ext });
  });
  after(async () => {
    try { await h?.close(); } finally { copy.cleanup(); }
  });

  for (const name of ['x-home', 'linkedin']) {
    test(`${name}: the badge says Bedside is off and names the model file behind Details`, async () => {
      const page = await openSite(h.context, name);
      await waitFor(page, () => document.querySelector('bedside-badge')?.dataset.engine === 'inactive', undefined, { timeout: 15_000 });
      await page.locator('bedside-badge').first().locator('.count').click();
      const view = await badgeView(page, 0);
      assert.equal(view.label, OFF_TITLE);
      assert.match(view.details, /model file/i, view.details);
      await page.close();
    });
  }
});

describe('a corrupted core file', () => {
  const copy = corruptedCopy('dist');
  let h;
  before(async () => {
    h = await launch({ dist: copy.ext });
    await useTerm(h);
  });
  after(async () => {
    try { await h?.close(); } finally { copy.cleanup(); }
  });

  for (const st of sites) {
    test(`${st.name}: every surface shows the readable "off" badge and its posts go through unchanged`, async () => {
      const page = await openSite(h.context, st.name);
      await waitFor(page, (n) => document.querySelectorAll('bedside-badge').length >= n, st.surfaces.length, { timeout: 15_000 });
      for (const sf of st.surfaces) {
        const i = await badgeIndex(page, sf.selector);
        assert.equal((await badgeView(page, i)).offShown, false, 'the card waits for a click');
        await page.locator('bedside-badge').nth(i).locator('.count').click();
        const view = await badgeView(page, i);
        assert.equal(view.engine, 'inactive', sf.name);
        assert.equal(view.label, OFF_TITLE, sf.name);
        assert.equal(view.offShown, true, `${sf.name}: the advice is on screen`);
        assert.match(view.advice, /^Reload the page; if Bedside stays off, reinstall it or tell your IT team\./);
        assert.equal(view.summary, 'Details');
        // The technical reason is there, behind Details, not in the words shown first.
        assert.match(view.details, /could not start.*(magic|CompileError|wasm)/i, view.details);
        await page.locator('bedside-badge').nth(i).locator('.count').click(); // and closed again, so it covers nothing of the page
        assert.equal((await badgeView(page, i)).offShown, false);
        assert.doesNotMatch(view.label + view.advice, /magic|CompileError/);
      }
      const withSubmit = st.surfaces.filter((sf) => sf.submit);
      const texts = new Map(withSubmit.map((sf) => [sf.name, `Risky post on ${sf.name} ${TERM}`]));
      for (const sf of withSubmit) await typeInto(page, sf.name, texts.get(sf.name));
      const controls = [...new Set(withSubmit.map((sf) => sf.submit))];
      for (const c of controls) await clickSubmit(page, withSubmit.find((sf) => sf.submit === c).name);
      const posted = await waitFor(page, (n) => window.__fixture.posts.length >= n && window.__fixture.posts, withSubmit.length);
      assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), false, 'no hold dialog');
      for (const [name, text] of texts) {
        assert.deepEqual(posted.filter((p) => p.surface === name).map((p) => p.text), [text], `${name} posted once, unchanged`);
      }
      await page.close();
    });
  }

  test('the popup says Bedside is off in plain words, with the reason behind Details', async () => {
    const page = await openSite(h.context, 'x-home');
    await waitFor(page, () => document.querySelector('bedside-badge')?.dataset.engine === 'inactive');
    const tabId = await h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, page.url());
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#engine[data-engine="inactive"]');
    const text = await popup.textContent('#engine');
    assert.match(text, new RegExp(OFF_TITLE));
    assert.match(text, /Reload the page/);
    assert.match(await popup.textContent('#engine details'), /Details.*(magic|CompileError|wasm)/is);
    await popup.close();
    await page.close();
  });

  test("the options page's diagnostics name the failure and its reason", async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options/options.html`);
    await options.waitForSelector('#diagnostics-body[data-engine="off"]');
    assert.match(await options.textContent('#diagnostics-state'), /The checker is off\. Reload the page/);
    const text = await options.textContent('#diagnostics-text');
    assert.match(text, /Checker: off \(.*(magic|CompileError|wasm)/i, text);
    assert.match(text, /Last failure on a page: (linkedin|x|facebook|instagram), .*could not start/, text);
    await options.close();
  });

  test('nothing left the browser', () => assert.deepEqual(h.requests.offsite, []));
});

describe('a core that throws on one text', () => {
  let h;
  before(async () => {
    h = await launch({ dist: faultBuild().dist });
    await useTerm(h);
  });
  after(async () => {
    try { await h?.close(); } finally { faultBuild().cleanup(); }
  });

  for (const [siteName, name, engine] of [['x-home', 'x-home', 'local'], ['linkedin', 'linkedin-share', 'background']]) {
    test(`${name} (${engine} engine): the bad scan keeps the last underlines and says "off"; the next edit recovers`, async () => {
      const page = await openSite(h.context, siteName);
      await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
      const i = await badgeIndex(page, surface(name).selector);
      assert.equal((await badgeView(page, i)).engine, engine);
      await typeInto(page, name, `Patient ${TERM} `);
      await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict === 'hold', i);
      assert.deepEqual(await underlined(page), [TERM]);

      await typeInto(page, name, TEST_FAULT_MARKER);
      await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.engine === 'inactive', i);
      await page.locator('bedside-badge').nth(i).locator('.count').click();
      const off = await badgeView(page, i);
      assert.equal(off.label, OFF_TITLE);
      assert.equal(off.offShown, true);
      assert.match(off.details, /test fault/);
      assert.equal(off.verdict, 'hold', 'the last good report stays');
      assert.deepEqual(await underlined(page), [TERM], 'the last good underlines stay');

      // The next edit, at the end of the text (the badge's click took the caret away).
      await page.evaluate((s) => window.__fixture.surfaces[s].focus(), name);
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' and more');
      // Recovered: the engine is back and the badge counts findings again (the next scan's report).
      await waitFor(page, ([i, e, off]) => {
        const b = document.querySelectorAll('bedside-badge')[i];
        return b.dataset.engine === e && b.shadowRoot?.querySelector('.count')?.textContent !== off;
      }, [i, engine, OFF_TITLE]);
      const on = await badgeView(page, i);
      assert.equal(on.offShown, false);
      assert.equal(on.details, '');
      assert.equal(on.verdict, 'hold');
      assert.match(on.label, /1 to review/);
      assert.deepEqual(await underlined(page), [TERM]);
      // Recovered for good: the held post is stopped again.
      await clickSubmit(page, name);
      await waitFor(page, () => !!document.querySelector('bedside-dialog'));
      assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
      await page.close();
    });
  }

  test("the options page's diagnostics show the last failed scan", async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options/options.html`);
    await options.waitForSelector('#diagnostics-body[data-engine="working"]');
    assert.match(await options.textContent('#diagnostics-text'), /Last failure on a page: (x|linkedin), .*test fault/);
    await options.close();
  });
});

test('release builds carry no test fault: dist/ has no marker', async () => {
  const fs = await import('node:fs');
  const { REPO } = await import('./fixtures/build.mjs');
  for (const f of ['dist/content.js', 'dist/background.js', 'dist-firefox/content.js', 'dist-firefox/background.js']) {
    assert.equal(fs.readFileSync(`${REPO}/${f}`, 'utf8').includes(TEST_FAULT_MARKER), false, f);
  }
});
