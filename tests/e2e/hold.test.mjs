// Issue 5, acceptance 1, 4, 5: on every surface a `hold` post is stopped at the
// site's submit button, its keyboard submit and a form submit; the dialog appears,
// the fixture records no post, and "Post anyway" posts exactly once, unchanged. A
// clean post goes through untouched (the site gets the user's own trusted event,
// synchronously). Page scripts cannot press the dialog's or the badge's buttons.
// The risk comes from a custom term with severity "high" in the user's settings,
// so the test does not depend on the detection rules.
// Run: node --test tests/e2e/hold.test.mjs   (BEDSIDE_DIST=<dir> to test another build)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeIndex, clickSubmit, keySubmit, launch, modelText, openSite, posts, surface, surfaces, typeInto, waitFor } from './harness.mjs';
import { scanIsIdle } from './probes.mjs';

const TERM = 'zanzibarquux';
const DIST = process.env.BEDSIDE_DIST || 'dist';
let h;
const pages = new Map();

before(async () => {
  h = await launch({ dist: DIST });
  await h.serviceWorker.evaluate((term) => chrome.storage.local.set({ settings: { customTerms: [{ term, severity: 'high' }] } }), TERM);
});
after(async () => { await h?.close(); });

const pageFor = async (site) => {
  if (!pages.has(site)) {
    const page = await openSite(h.context, site);
    await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
    pages.set(site, page);
  }
  return pages.get(site);
};

/** Waits until the surface's badge shows `verdict` and its report is for the box's current text. */
async function settled(page, sf, verdict) {
  const i = await badgeIndex(page, surface(sf).selector);
  await waitFor(page, ([i, verdict]) => document.querySelectorAll('bedside-badge')[i]?.dataset.verdict === verdict, [i, verdict]);
  // No scan pending: the scan counter holds still for a while.
  await waitFor(page, scanIsIdle, i);
  return i;
}

const dialogShown = (page) => waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
const noDialog = async (page) => assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), false, 'no dialog');

/** Asserts exactly one new post appears, then that no second one follows. */
async function postedOnce(page, before, expected) {
  await waitFor(page, (n) => window.__fixture.posts.length > n, before);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const all = await posts(page);
  assert.equal(all.length, before + 1, `exactly one post: ${JSON.stringify(all.slice(before))}`);
  assert.deepEqual(all.at(-1), expected);
}

async function clearBox(page, name) {
  await page.evaluate((n) => window.__fixture.surfaces[n].focus(), name);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await waitFor(page, (n) => window.__fixture.surfaces[n].text() === '', name);
}

describe('hold posts are stopped on every surface', () => {
  for (const sf of surfaces.filter((s) => s.submit || s.keySubmit)) {
    if (sf.submit) test(`${sf.name}: submit button click shows the dialog, posts nothing; "Post anyway" posts once, unchanged`, async () => {
      const page = await pageFor(sf.site);
      const text = `Risky ${TERM} post from ${sf.name}`;
      await typeInto(page, sf.name, text);
      await settled(page, sf.name, 'hold');
      const before = (await posts(page)).length;
      await clickSubmit(page, sf.name);
      await dialogShown(page);
      assert.equal((await posts(page)).length, before, 'the fixture recorded no post');
      assert.equal(await page.evaluate(() => document.querySelector('bedside-dialog').shadowRoot.activeElement?.dataset.action), 'hold', '"Leave it in drafts" is focused');
      const listed = await page.evaluate(() => document.querySelector('bedside-dialog').shadowRoot.textContent);
      assert.match(listed, /A term on your list/);
      await page.click('bedside-dialog [data-action="post"]');
      await postedOnce(page, before, { surface: sf.name, text, via: 'click' });
      await noDialog(page);
    });

    if (sf.keySubmit) {
      test(`${sf.name}: keyboard submit (${sf.keySubmit}) shows the dialog, posts nothing; "Post anyway" posts once`, async () => {
        const page = await pageFor(sf.site);
        const text = `Keyboard ${TERM} post from ${sf.name}`;
        await typeInto(page, sf.name, text);
        await settled(page, sf.name, 'hold');
        const before = (await posts(page)).length;
        await keySubmit(page, sf.name);
        await dialogShown(page);
        assert.equal((await posts(page)).length, before, 'the fixture recorded no post');
        assert.equal(await modelText(page, sf.name), text, 'Enter inserted nothing');
        await page.click('bedside-dialog [data-action="post"]');
        await postedOnce(page, before, { surface: sf.name, text, via: 'key' });
        // Known: after a replayed Ctrl+Enter the fixture's Draft.js posts but keeps
        // its text (it clears on the user's own key); empty it like a user would.
        await clearBox(page, sf.name);
      });
    }

    if (sf.enter === 'newline') {
      test(`${sf.name}: Enter is a newline there: no dialog, the line break goes in`, async () => {
        const page = await pageFor(sf.site);
        const text = `Newline ${TERM} post from ${sf.name}`;
        await typeInto(page, sf.name, text);
        await settled(page, sf.name, 'hold');
        const before = (await posts(page)).length;
        await page.keyboard.press('Enter');
        await page.keyboard.type('more');
        await waitFor(page, ({ s, t }) => window.__fixture.surfaces[s].text() === t, { s: sf.name, t: `${text}\nmore` });
        await noDialog(page);
        assert.equal((await posts(page)).length, before, 'nothing was posted');
        await clearBox(page, sf.name);
      });
    }

    if (sf.submit) test(`${sf.name}: a clean post goes through at once, untouched, with no dialog`, async () => {
      const page = await pageFor(sf.site);
      const text = `A clean post about a sunny day (${sf.name})`;
      await typeInto(page, sf.name, text);
      await settled(page, sf.name, 'clean');
      const before = (await posts(page)).length;
      // What the site's own handler sees: the user's trusted click, not cancelled.
      await page.evaluate((sel) => {
        window.__seen = [];
        // Capture on document: after Bedside's window listener, before the site's own.
        document.addEventListener('click', (e) => { if (e.composedPath()[0].closest?.(sel)) window.__seen.push({ trusted: e.isTrusted, prevented: e.defaultPrevented }); }, { capture: true, once: true });
      }, sf.submit);
      await clickSubmit(page, sf.name);
      // Recorded by the time the click returns: no delay at all.
      const all = await posts(page);
      assert.equal(all.length, before + 1);
      assert.deepEqual(all.at(-1), { surface: sf.name, text, via: 'click' });
      assert.deepEqual(await page.evaluate(() => window.__seen), [{ trusted: true, prevented: false }]);
      await noDialog(page);
    });
  }

  test('instagram-comment: a form submit with a hold post is stopped; "Post anyway" resubmits once', async () => {
    const page = await pageFor('instagram');
    const text = `Form ${TERM} comment`;
    await typeInto(page, 'instagram-comment', text);
    await settled(page, 'instagram-comment', 'hold');
    const before = (await posts(page)).length;
    await page.evaluate(() => document.querySelector('form[data-fixture-composer="comment"]').requestSubmit());
    await dialogShown(page);
    assert.equal((await posts(page)).length, before);
    await page.click('bedside-dialog [data-action="post"]');
    await postedOnce(page, before, { surface: 'instagram-comment', text, via: 'form' });
  });

  test('x-compose: "Post all" with a hold post in the thread is stopped, then posts the thread once', async () => {
    const page = await pageFor('x-compose');
    await typeInto(page, 'x-compose-0', 'first, clean');
    await typeInto(page, 'x-compose-1', `second, ${TERM}`);
    await settled(page, 'x-compose-1', 'hold');
    const before = (await posts(page)).length;
    await clickSubmit(page, 'x-compose-0');
    await dialogShown(page);
    assert.equal((await posts(page)).length, before);
    await page.click('bedside-dialog [data-action="post"]');
    await waitFor(page, (n) => window.__fixture.posts.length >= n + 2, before);
    assert.deepEqual((await posts(page)).slice(before), [
      { surface: 'x-compose-0', text: 'first, clean', via: 'click' },
      { surface: 'x-compose-1', text: `second, ${TERM}`, via: 'click' },
    ]);
  });

  test('"Edit" closes the dialog, posts nothing and selects the first finding', async () => {
    const page = await pageFor('facebook');
    const text = `Edit me ${TERM} please`;
    await typeInto(page, 'facebook-composer', text);
    await settled(page, 'facebook-composer', 'hold');
    const before = (await posts(page)).length;
    await clickSubmit(page, 'facebook-composer');
    await dialogShown(page);
    await page.click('bedside-dialog [data-action="edit"]');
    await waitFor(page, () => !document.querySelector('bedside-dialog'));
    // The first finding is selected (Lexical keeps the DOM selection it was given).
    assert.equal(await page.evaluate(() => getSelection().toString()), TERM);
    assert.equal((await posts(page)).length, before);
    assert.equal(await modelText(page, 'facebook-composer'), text);
    // Still risky: pressing Post again asks again.
    await clickSubmit(page, 'facebook-composer');
    await dialogShown(page);
    assert.equal((await posts(page)).length, before);
    await page.click('bedside-dialog [data-action="edit"]');
    await waitFor(page, () => !document.querySelector('bedside-dialog'));
    await clearBox(page, 'facebook-composer');
  });
});

describe('page scripts cannot act for the user', () => {
  test('a post sent while the core is still starting is held too', async () => {
    // No wait for the badge: type and press Ctrl+Enter as soon as the page is up.
    const page = await openSite(h.context, 'x-home');
    await typeInto(page, 'x-home', `my patient ${TERM} in bed 3`);
    await keySubmit(page, 'x-home');
    await dialogShown(page);
    assert.deepEqual(await posts(page), [], 'nothing was posted');
    await page.close();
  });

  test('a click on a submit known only by structure (Polish), while the core is still starting, is held too', async () => {
    const page = await openSite(h.context, 'facebook-pl');
    await typeInto(page, 'facebook-pl-comment', `mój pacjent ${TERM} na sali 3`);
    await clickSubmit(page, 'facebook-pl-comment');
    await dialogShown(page);
    assert.deepEqual(await posts(page), [], 'nothing was posted');
    await page.close();
  });

  test('synthetic clicks and keys on the dialog\'s buttons do nothing', async () => {
    const page = await pageFor('linkedin');
    const text = `Untrusted ${TERM} test`;
    await typeInto(page, 'linkedin-share', text);
    await settled(page, 'linkedin-share', 'hold');
    const before = (await posts(page)).length;
    await clickSubmit(page, 'linkedin-share');
    await dialogShown(page);
    await page.evaluate(() => {
      const root = document.querySelector('bedside-dialog').shadowRoot;
      for (const action of ['post', 'hold', 'edit']) {
        const b = root.querySelector(`[data-action="${action}"]`);
        b.click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      root.querySelector('[data-action="hold"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), true, 'the dialog is still open');
    assert.equal((await posts(page)).length, before, 'nothing was posted');
    assert.equal(await modelText(page, 'linkedin-share'), text, 'nothing was cleared');
    const { drafts = [] } = await h.serviceWorker.evaluate(() => chrome.storage.local.get('drafts'));
    assert.equal(drafts.length, 0, 'nothing was held');
    // The user's own click still works.
    await page.click('bedside-dialog [data-action="post"]');
    await postedOnce(page, before, { surface: 'linkedin-share', text, via: 'click' });
  });

  test('a synthetic click on the badge\'s "Leave it in drafts" does nothing', async () => {
    const page = await pageFor('linkedin');
    const text = `Badge ${TERM} untrusted`;
    await typeInto(page, 'linkedin-share', text);
    const i = await settled(page, 'linkedin-share', 'hold');
    await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelector('[data-action="hold"]').click(), i);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await modelText(page, 'linkedin-share'), text);
    const { drafts = [] } = await h.serviceWorker.evaluate(() => chrome.storage.local.get('drafts'));
    assert.equal(drafts.length, 0);
    await page.evaluate(() => window.__fixture.surfaces['linkedin-share'].focus());
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  });

  test('the page cannot read drafts: no chrome.storage or runtime messaging in its world', async () => {
    const page = await pageFor('linkedin');
    assert.equal(await page.evaluate(() => typeof globalThis.chrome?.storage), 'undefined');
    assert.equal(await page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage), 'undefined');
  });
});

test('no request left the browser and storage.sync was never written', async () => {
  assert.deepEqual(h.requests.offsite, []);
  assert.equal(await h.serviceWorker.evaluate(() => chrome.storage.sync.getBytesInUse(null)), 0);
  assert.deepEqual(await h.serviceWorker.evaluate(() => chrome.storage.sync.get(null)), {});
});
