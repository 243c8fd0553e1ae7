// Issue 13: the sites as they are in 2026. The extension runs on every host of the site
// registry; one badge per box (no badge for X's wrapper or Quill's clipboard); badges on
// a busy feed never overlap each other or a submit control; the Spanish and Arabic pages
// carry no English label and still hold (their surfaces are in hold.test.mjs); the
// Polish page holds with no word of the label table, by structure, and never takes an
// emoji button for a submit; right-to-left pages lay out the badge, card and dialog
// right to left; the popup says how many boxes are watched; "Copy diagnostics" copies
// no post text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { extraPages, hostPages, launch, openSite, typeInto, waitFor } from './harness.mjs';

const RISKY = 'My patient Mr. Alvarez in room 12, MRN 00482913, coded twice before 3am.';
const registry = (await import('../../extension/shared/sites.json', { with: { type: 'json' } })).default;

let h;
before(async () => {
  h = await launch();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => { await h?.close(); });

const badges = (page) => page.evaluate(() => [...document.querySelectorAll('bedside-badge')].map((b) => ({ ...b.dataset })));

describe('every host in the site registry', () => {
  test('the fixture hosts are exactly the registry hosts', () => {
    const want = Object.values(registry).flatMap((s) => s.hosts).sort();
    assert.deepEqual([...new Set(hostPages.map((p) => p.host))].sort(), want);
  });

  for (const p of hostPages) {
    test(`${p.host}: the extension is active, underlines and badges a risky post`, async () => {
      const page = await openSite(h.context, null, { url: p.url });
      await typeInto(page, p.surface, RISKY);
      const site = Object.entries(registry).find(([, s]) => s.hosts.includes(p.host))[0];
      await waitFor(page, (s) => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.site === s && b.dataset.verdict === 'hold'), site);
      await page.close();
    });
  }
});

describe('one badge per box', () => {
  const EDITABLES = `(() => {
    const all = [];
    const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.isContentEditable && !el.parentElement?.isContentEditable || el instanceof HTMLTextAreaElement) all.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
    walk(document);
    return all;
  })()`;

  for (const name of ['linkedin', 'linkedin-old', 'x-home', 'x-compose', 'facebook-es']) {
    test(`${name}: as many badges as boxes; Quill's .ql-clipboard and X's wrapper get none`, async () => {
      const page = await openSite(h.context, name);
      const expected = await page.evaluate((src) => eval(src).filter((el) => !el.classList.contains('ql-clipboard')).length, EDITABLES);
      assert.ok(expected >= 2, `${name} has several boxes`);
      await waitFor(page, (n) => document.querySelectorAll('bedside-badge').length === n, expected);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      assert.equal((await badges(page)).length, expected);
      const clipboards = await page.evaluate((src) => eval(src).filter((el) => el.classList.contains('ql-clipboard')).length, EDITABLES);
      if (name.startsWith('linkedin')) assert.ok(clipboards > 0, 'the page has Quill clipboard elements');
      await page.close();
    });
  }
});

describe('badges on a busy feed', () => {
  test('six open comment boxes: no two badges overlap, none covers a button or a box, a clean box shows a small mark', async () => {
    const page = await openSite(h.context, null, { url: extraPages.find((p) => p.name === 'linkedin-feed').url });
    for (const i of [0, 2, 3, 5]) {
      await page.evaluate((n) => window.__fixture.surfaces[n].focus(), `linkedin-feed-${i}`);
      await page.keyboard.type(RISKY);
    }
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].filter((b) => b.dataset.verdict === 'hold').length === 4, undefined, { timeout: 10_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const layout = await page.evaluate(() => {
      const rect = (el) => { const r = el.getBoundingClientRect(); return { l: r.left, t: r.top, r: r.right, b: r.bottom }; };
      return {
        badges: [...document.querySelectorAll('bedside-badge')].map((b) => ({ ...rect(b), count: b.dataset.count, hold: !!b.shadowRoot.querySelector('.hold')?.getClientRects().length })),
        controls: [...document.querySelectorAll('button, [role="button"]')].map(rect),
        boxes: [...document.querySelectorAll('.ProseMirror')].map(rect),
      };
    });
    assert.equal(layout.badges.length, 6);
    const overlap = (a, b) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    for (const [i, a] of layout.badges.entries()) {
      for (const b of layout.badges.slice(i + 1)) assert.ok(!overlap(a, b), `badges overlap: ${JSON.stringify([a, b])}`);
      for (const c of layout.controls) assert.ok(!overlap(a, c), `a badge covers a button: ${JSON.stringify([a, c])}`);
      for (const c of layout.boxes) assert.ok(!overlap(a, c), `a badge covers a box's text: ${JSON.stringify([a, c])}`);
    }
    const clean = layout.badges.filter((b) => b.count === '0');
    assert.equal(clean.length, 2);
    for (const b of clean) {
      assert.equal(b.hold, false, 'a clean box has no "Leave it in drafts"');
      assert.ok(b.r - b.l < 40, `a clean box's mark is small (${b.r - b.l}px)`);
    }
    for (const b of layout.badges.filter((x) => x.count !== '0')) assert.equal(b.hold, true, 'a risky box offers "Leave it in drafts"');
    await page.close();
  });
});

describe('translated pages', () => {
  // Every English word the label table knows, and the English words of box labels.
  const ENGLISH = /\b(post|share|publish|send|comment|reply|next|write|message|caption|add)\b/i;
  for (const name of ['facebook-es', 'instagram-ar']) {
    test(`${name}: no English label anywhere in the page`, async () => {
      const page = await openSite(h.context, name);
      const labels = await page.evaluate(() => [
        document.body.innerText,
        ...[...document.querySelectorAll('[aria-label], [placeholder], [aria-placeholder]')].flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('placeholder'), el.getAttribute('aria-placeholder')]),
      ].filter(Boolean));
      for (const l of labels) assert.doesNotMatch(l, ENGLISH, `English in "${l}"`);
      await page.close();
    });
  }

});

describe('right to left', () => {
  const inside = (r, vp) => r.left >= 0 && r.top >= 0 && r.right <= vp.width && r.bottom <= vp.height;
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  test('instagram-ar: the badge sits at the box\'s inline-end (left) corner, the card and the dialog open inside the viewport, right to left, the card off the text', async () => {
    const page = await openSite(h.context, 'instagram-ar');
    await typeInto(page, 'instagram-ar-caption', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const geometry = () => page.evaluate(() => {
      const r = (el) => el.getBoundingClientRect().toJSON();
      const box = document.querySelector('[data-fixture-composer="caption"] [role="textbox"]');
      const range = document.createRange();
      range.selectNodeContents(box);
      return {
        vp: { width: document.documentElement.clientWidth, height: window.innerHeight },
        box: r(box),
        text: [...range.getClientRects()].map((x) => x.toJSON()).filter((x) => x.width > 0),
        badge: r([...document.querySelectorAll('bedside-badge')].find((b) => b.dataset.verdict === 'hold')),
        card: document.querySelector('bedside-card')?.style.display === 'block' ? r(document.querySelector('bedside-card').shadowRoot.querySelector('.card')) : null,
      };
    });
    const g = await geometry();
    assert.ok(g.text.length > 0, 'the box has text on screen');
    // Inline-end in right to left is the left side: the badge hugs the box's left edge.
    assert.ok(Math.abs(g.badge.left - g.box.left) < 40 || g.badge.right <= g.box.left + 4, `badge at the left (inline-end) corner: ${JSON.stringify(g)}`);
    assert.ok(g.badge.right < g.box.left + g.box.width / 2, `badge in the box's left half: ${JSON.stringify(g)}`);
    assert.ok(inside(g.badge, g.vp), `badge inside the viewport: ${JSON.stringify(g)}`);

    // The card for the first finding (Alt+Shift+N), inside the viewport and off the text.
    await page.keyboard.press('Alt+Shift+N');
    await waitFor(page, () => document.querySelector('bedside-card')?.style.display === 'block');
    const c = await geometry();
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('bedside-card').shadowRoot.querySelector('.card')).direction), 'rtl', 'the card reads right to left');
    assert.ok(inside(c.card, c.vp), `card inside the viewport: ${JSON.stringify(c)}`);
    for (const line of c.text) assert.ok(!overlaps(c.card, line), `card covers none of the box's text: ${JSON.stringify({ card: c.card, line })}`);
    await page.keyboard.press('Escape');

    // The dialog, on Share: right to left, its buttons in reading order (right to left).
    await page.click('[data-fixture-composer="caption"] div[role="button"]');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
    const d = await page.evaluate(() => {
      const root = document.querySelector('bedside-dialog').shadowRoot;
      const buttons = [...root.querySelectorAll('.actions button')].filter((b) => !b.hidden);
      return {
        dir: document.querySelector('bedside-dialog').dir,
        direction: getComputedStyle(root.querySelector('h2')).direction,
        order: buttons.map((b) => b.dataset.action),
        rects: buttons.map((b) => b.getBoundingClientRect().toJSON()),
        vp: { width: document.documentElement.clientWidth, height: window.innerHeight },
      };
    });
    assert.equal(d.dir, 'rtl');
    assert.equal(d.direction, 'rtl', 'the dialog\'s text reads right to left');
    // DOM order is reading order (the primary "Leave it in drafts" last, at the inline end).
    assert.deepEqual(d.order, ['edit', 'post', 'hold']);
    for (let i = 1; i < d.rects.length; i++) {
      const [a, b] = [d.rects[i - 1], d.rects[i]];
      // Reading order right to left: each next button is left of the one before (or on a lower row).
      assert.ok(b.right <= a.left + 1 || b.top >= a.bottom - 1, `"${d.order[i]}" follows "${d.order[i - 1]}" in reading order: ${JSON.stringify(d.rects)}`);
    }
    for (const r of d.rects) assert.ok(inside(r, d.vp), 'dialog buttons inside the viewport');
    assert.ok(d.rects[2].right <= d.rects[0].left, 'the primary sits at the inline end: the left');
    await page.click('bedside-dialog [data-action="edit"]');
    await page.close();
  });

  test('an English page keeps the dialog left to right', async () => {
    const page = await openSite(h.context, 'instagram');
    await typeInto(page, 'instagram-caption', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'));
    await page.click('[data-fixture-composer="caption"] div[role="button"]');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('bedside-dialog').shadowRoot.querySelector('h2')).direction), 'ltr');
    await page.click('bedside-dialog [data-action="edit"]');
    await page.close();
  });
});

describe('any UI language, by structure', () => {
  test('facebook-pl: no control in the page is named by a word of the label table', async () => {
    const built = await esbuild.build({ entryPoints: ['extension/content/sites/labels.ts'], bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
    const { isSubmitWord } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
    assert.ok(isSubmitWord('Publicar') && isSubmitWord('Pulsa Intro para enviar'), 'the table is read');
    const page = await openSite(h.context, 'facebook-pl');
    const labels = await page.evaluate(() => [...document.querySelectorAll('button, [role="button"]')].flatMap((el) => [el.getAttribute('aria-label'), el.textContent.trim()]).filter(Boolean));
    assert.ok(labels.includes('Opublikuj') && labels.includes('Skomentuj'));
    for (const l of labels) assert.equal(isSubmitWord(l), false, `"${l}" is in the label table`);
    await page.close();
  });

  test('facebook-pl: controls that never follow the text (emoji, GIF, sticker, photo) are not submits: no dialog, the page gets the click; Skomentuj is held', async () => {
    const page = await openSite(h.context, 'facebook-pl');
    await typeInto(page, 'facebook-pl-comment', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'));
    await waitFor(page, () => document.querySelector('[aria-label="Skomentuj"]').getAttribute('aria-disabled') === 'false');
    for (const control of ['emoji', 'gif', 'sticker']) await page.click(`[data-fixture-composer="comment"] [data-fixture-control="${control}"]`);
    await page.evaluate(() => window.__fixture.surfaces['facebook-pl-composer'].focus());
    await page.keyboard.type(RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].filter((b) => b.dataset.verdict === 'hold').length === 2);
    await page.click('[data-fixture-control="photo"]');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), false, 'no dialog');
    assert.deepEqual(await page.evaluate(() => window.__controlClicks), ['emoji', 'gif', 'sticker', 'photo'], 'each click reached the page');
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), [], 'nothing posted');
    // The control that does follow the text, beside them, is held.
    await page.click('[data-fixture-composer="comment"] [aria-label="Skomentuj"]');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), [], 'nothing posted');
    await page.close();
  });
});

describe('is it on?', () => {
  test('the popup says how many boxes are watched on the tab, and which surfaces', async () => {
    const page = await openSite(h.context, 'linkedin');
    await waitFor(page, () => document.querySelectorAll('bedside-badge').length === 3);
    const tabId = await h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#watching');
    assert.equal(await popup.getAttribute('#watching', 'data-boxes'), '3');
    const line = await popup.textContent('#watching');
    for (const s of ['share', 'comment', 'message']) assert.match(line, new RegExp(`\\b${s}\\b`));
    await popup.close();
    await page.close();
  });

  test('options "Copy diagnostics": version, site, surfaces and engine to the clipboard, no post text', async () => {
    const page = await openSite(h.context, 'linkedin');
    await typeInto(page, 'linkedin-share', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'));
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready="true"]');
    await options.evaluate(() => navigator.clipboard.writeText('before'));
    await options.click('#copy-diagnostics');
    await waitFor(options, () => document.querySelector('#diagnostics-result')?.textContent !== '');
    const copied = await options.evaluate(() => navigator.clipboard.readText());
    const d = JSON.parse(copied);
    assert.equal(d.version, JSON.parse((await import('node:fs')).readFileSync('dist/manifest.json', 'utf8')).version);
    const tab = d.tabs.find((t) => t.host === 'www.linkedin.com');
    assert.ok(tab, copied);
    assert.equal(tab.site, 'linkedin');
    assert.equal(tab.engine, 'background');
    assert.equal(d.checker.engine, "working", copied);
    assert.deepEqual([...tab.surfaces].sort(), ['comment', 'message', 'share']);
    assert.ok(tab.editors.includes('quill') && tab.editors.includes('prosemirror'), copied);
    for (const word of ['Alvarez', '00482913', 'patient', '/feed/']) assert.ok(!copied.includes(word), `no post text or path: ${word}`);
    await options.close();
    await page.close();
  });
});

test('no request left the browser', () => {
  assert.deepEqual(h.requests.offsite, []);
});

describe('two-step posting', () => {
  test('Facebook Pages: a risky post is held at Next, where its text is last visible; "Post anyway" then Post posts once, unasked', async () => {
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { customTerms: [{ term: 'zanzibarquux', severity: 'high' }] } }));
    const page = await openSite(h.context, null, { url: extraPages.find((p) => p.name === 'facebook-pages').url });
    const text = 'Pages post zanzibarquux';
    await typeInto(page, 'facebook-pages-composer', text);
    await waitFor(page, () => document.querySelector('bedside-badge')?.dataset.verdict === 'hold');
    await page.click('[data-step="1"] [role="button"]');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="post"]'));
    assert.equal(await page.evaluate(() => document.querySelector('[data-step="1"]') !== null), true, 'still at the first step');
    await page.click('bedside-dialog [data-action="post"]');
    await waitFor(page, () => !document.querySelector('[data-step="2"]').hidden);
    await page.click('[data-step="2"] [role="button"]');
    await waitFor(page, () => window.__fixture.posts.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), [{ surface: 'facebook-pages-composer', text, via: 'click' }]);
    assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), false);
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await page.close();
  });
});

describe('LinkedIn articles', () => {
  test('a risky article is underlined in body and headline, passes Next, and is held at Publish; "Post anyway" publishes once', async () => {
    const page = await openSite(h.context, null, { url: extraPages.find((p) => p.name === 'linkedin-article').url });
    await typeInto(page, 'linkedin-headline', 'Night shift notes');
    await typeInto(page, 'linkedin-article', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'), undefined, { timeout: 10_000 });
    const kinds = await page.evaluate(() => [...document.querySelectorAll('bedside-badge')].length);
    assert.equal(kinds, 2, 'one badge for the body, one for the headline');
    const marks = await page.evaluate(() => [...(CSS.highlights.get('bedside-high') ?? [])].map((r) => r.toString()));
    assert.ok(marks.some((t) => t.includes('Alvarez')), JSON.stringify(marks));
    await page.click('#article-next');
    await page.waitForSelector('#article-publish');
    assert.equal(await page.evaluate(() => !!document.querySelector('bedside-dialog')), false, 'Next only opens the publish step');
    await page.click('#article-publish');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="post"]'));
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
    await page.click('bedside-dialog [data-action="post"]');
    await waitFor(page, () => window.__fixture.posts.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), [
      { surface: 'linkedin-headline', text: 'Night shift notes', via: 'click' },
      { surface: 'linkedin-article', text: RISKY, via: 'click' },
    ]);
    await page.close();
  });
});

describe('shadow roots', () => {
  test('the underline rules are in the LinkedIn outlet\'s shadow root, where document rules do not reach', async () => {
    const page = await openSite(h.context, 'linkedin');
    await typeInto(page, 'linkedin-share', RISKY);
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'));
    const rules = await page.evaluate(() => {
      const root = document.querySelector('#interop-outlet').shadowRoot;
      const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((s) => s.sheet)];
      return sheets.flatMap((s) => [...s.cssRules].map((r) => r.selectorText)).filter((t) => t?.includes('::highlight'));
    });
    assert.deepEqual(rules.sort(), ['::highlight(bedside-high)', '::highlight(bedside-low)', '::highlight(bedside-medium)']);
    // The ranges themselves are inside the shadow tree.
    assert.ok(await page.evaluate(() => [...CSS.highlights.get('bedside-high')].some((r) => r.startContainer.getRootNode() instanceof ShadowRoot)));
    await page.close();
  });
});
