// Issue 17, acceptance 1 (Firefox): a corrupted core file in a copy of dist-firefox/
// shows the readable "Bedside is off" badge on every surface, with the reason behind
// "Details", and posts go through unchanged; the options page's diagnostics name the
// failure. A core that throws on one text (the test-fault build) keeps the last good
// underlines and recovers on the next edit. See tests/e2e/copies.mjs for the copies.
// Run: node --test tests/firefox/failure.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeIndex, clickIn, clickSubmit, evaluate, launch, newTab, openSite, press, sites, surface, type, typeInto, waitFor } from './harness.mjs';
import { badgeView as badgeViewIn, corruptedCopy, faultBuild, highlightedTexts, OFF_TITLE, TEST_FAULT_MARKER } from '../e2e/copies.mjs';

const TERM = 'zanzibarquux';
const useTerm = (h) => h.ext((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }] } }), TERM);
const badgeView = (page, i) => evaluate(page, badgeViewIn, i);
const underlined = (page) => evaluate(page, highlightedTexts);

async function diagnostics(h, state) {
  const options = await newTab(h, `${h.extensionOrigin}/options/options.html`);
  await waitFor(options, (s) => document.querySelector(`#diagnostics-body[data-engine="${s}"]`), state, { timeout: 15_000 });
  const text = await evaluate(options, () => ({ state: document.querySelector('#diagnostics-state').textContent, text: document.querySelector('#diagnostics-text').textContent }));
  await options.close();
  return text;
}

describe('a corrupted core file', () => {
  const copy = corruptedCopy('dist-firefox');
  let h;
  before(async () => {
    h = await launch({ dist: copy.ext });
    await useTerm(h);
  });
  after(async () => {
    try { await h?.close(); } finally { copy.cleanup(); }
  });

  test('every surface shows the readable "off" badge and its posts go through unchanged', async () => {
    for (const st of sites) {
      const page = await openSite(h, st.name);
      // As a user does, click into each box first. In Firefox with the checker off, LinkedIn's
      // shadow-root share box and TipTap comment box are sometimes (about 1 run in 5) found
      // only when focused, not at load; the Chromium test asserts the badges at load.
      for (const sf of st.surfaces) await evaluate(page, (s) => window.__fixture.surfaces[s].focus(), sf.name);
      await waitFor(page, (n) => document.querySelectorAll('bedside-badge').length >= n, st.surfaces.length, { timeout: 15_000 })
        .catch(async (e) => {
          const seen = await evaluate(page, () => [...document.querySelectorAll('bedside-badge')].map((b) => JSON.stringify(b.dataset)));
          throw new Error(`${st.name}: ${e.message}; badges: ${seen.join(' ')}`);
        });
      for (const sf of st.surfaces) {
        const i = await badgeIndex(page, sf.selector);
        assert.equal((await badgeView(page, i)).offShown, false, 'the card waits for a click');
        await clickIn(page, 'bedside-badge', '.count', i);
        const view = await badgeView(page, i);
        assert.equal(view.engine, 'inactive', sf.name);
        assert.equal(view.label, OFF_TITLE, sf.name);
        assert.equal(view.offShown, true, `${sf.name}: the advice is on screen`);
        assert.match(view.advice, /^Reload the page; if Bedside stays off, reinstall it or tell your IT team\./);
        assert.equal(view.summary, 'Details');
        assert.match(view.details, /could not start.*(magic|CompileError|wasm)/i, view.details);
        await clickIn(page, 'bedside-badge', '.count', i); // and closed again, so it covers nothing of the page
        assert.equal((await badgeView(page, i)).offShown, false);
      }
      const withSubmit = st.surfaces.filter((sf) => sf.submit);
      const texts = new Map(withSubmit.map((sf) => [sf.name, `Risky post on ${sf.name} ${TERM}`]));
      for (const sf of withSubmit) await typeInto(page, sf.name, texts.get(sf.name));
      for (const c of [...new Set(withSubmit.map((sf) => sf.submit))]) await clickSubmit(page, withSubmit.find((sf) => sf.submit === c).name);
      const posted = await waitFor(page, (n) => window.__fixture.posts.length >= n && window.__fixture.posts, withSubmit.length);
      assert.equal(await evaluate(page, () => !!document.querySelector('bedside-dialog')), false, `${st.name}: no hold dialog`);
      for (const [name, text] of texts) {
        assert.deepEqual(posted.filter((p) => p.surface === name).map((p) => p.text), [text], `${name} posted once, unchanged`);
      }
      await page.close();
    }
  });

  test("the options page's diagnostics name the failure and its reason", async () => {
    const d = await diagnostics(h, 'off');
    assert.match(d.state, /The checker is off\. Reload the page/);
    assert.match(d.text, /Checker: off \(.*(magic|CompileError|wasm)/i, d.text);
    assert.match(d.text, /Last failure on a page: (linkedin|x|facebook|instagram), .*could not start/, d.text);
  });

  test('nothing left the browser', () => assert.deepEqual(h.requests.offsite ?? [], []));
});

describe('a core that throws on one text', () => {
  let h;
  before(async () => {
    h = await launch({ dist: faultBuild().distFirefox });
    await useTerm(h);
  });
  after(async () => {
    try { await h?.close(); } finally { faultBuild().cleanup(); }
  });

  for (const [siteName, name] of [['x-home', 'x-home'], ['linkedin', 'linkedin-share']]) {
    test(`${name}: the bad scan keeps the last underlines and says "off"; the next edit recovers`, async () => {
      const page = await openSite(h, siteName);
      await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
      const i = await badgeIndex(page, surface(name).selector);
      assert.equal((await badgeView(page, i)).engine, 'local');
      await typeInto(page, name, `Patient ${TERM} `);
      await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict === 'hold', i);
      assert.deepEqual(await underlined(page), [TERM]);

      await typeInto(page, name, TEST_FAULT_MARKER);
      await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.engine === 'inactive', i);
      await clickIn(page, 'bedside-badge', '.count', i);
      const off = await badgeView(page, i);
      assert.equal(off.label, OFF_TITLE);
      assert.equal(off.offShown, true);
      assert.match(off.details, /test fault/);
      assert.equal(off.verdict, 'hold', 'the last good report stays');
      assert.deepEqual(await underlined(page), [TERM], 'the last good underlines stay');

      // The next edit, at the end of the text (the badge's click took the caret away).
      await evaluate(page, (s) => window.__fixture.surfaces[s].focus(), name);
      await press(page, 'Control+End');
      await type(page, ' and more');
      await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.engine === 'local', i);
      const on = await badgeView(page, i);
      assert.equal(on.offShown, false);
      assert.equal(on.verdict, 'hold');
      assert.deepEqual(await underlined(page), [TERM]);
      await clickSubmit(page, name);
      await waitFor(page, () => !!document.querySelector('bedside-dialog'));
      assert.deepEqual(await evaluate(page, () => window.__fixture.posts), []);
      await page.close();
    });
  }

  test("the options page's diagnostics show the last failed scan", async () => {
    const d = await diagnostics(h, 'working');
    assert.match(d.text, /Last failure on a page: (x|linkedin), .*test fault/, d.text);
  });
});
