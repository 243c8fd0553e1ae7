// Issue 7: photo and video warnings. Attaching an image on each site's composer
// raises phi.photo, the image's text is read on the device (tesseract.js in the
// offscreen document, every file from chrome-extension://) and scanned by the core;
// the hold dialog asks the photo checklist. Images are rendered by the test in the
// page (canvas -> PNG) and set on the site's own file input with setInputFiles.
// Run: node --test tests/e2e/photos.test.mjs   (BEDSIDE_DIST=<dir> to test another build)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeIndex, clickSubmit, launch, openSite, posts, surface, typeInto, waitFor } from './harness.mjs';

const DIST = process.env.BEDSIDE_DIST || 'dist';
const LABEL = 'DOE, JANE  MRN 00482913  DOB 04/12/1961';
let h;

before(async () => {
  h = await launch({ dist: DIST });
});
after(async () => { await h?.close(); });

/** The composers under test: the site's own media input beside each. */
const COMPOSERS = [
  { site: 'linkedin-old', surface: 'linkedin-old-share', input: '.share-box input[type=file]' },
  { site: 'x-home', surface: 'x-home', input: '[data-fixture-composer="home"] input[type=file][data-testid="fileInput"]' },
  { site: 'facebook', surface: 'facebook-composer', input: '[data-fixture-composer="feed"] input[type=file]' },
  { site: 'instagram', surface: 'instagram-caption', input: '[data-fixture-composer="caption"] input[type=file]' },
];

/** Renders a PNG in the page: a wristband-like label, or a shape with no text. */
async function renderPng(page, kind) {
  const base64 = await page.evaluate(async ([kind, label]) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1000;
    canvas.height = kind === 'label' ? 240 : 600;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (kind === 'label') {
      ctx.fillStyle = '#000';
      ctx.font = 'bold 34px sans-serif';
      ctx.textBaseline = 'middle';
      ctx.fillText(label, 30, canvas.height / 2);
    } else {
      ctx.fillStyle = '#1e88e5';
      ctx.beginPath();
      ctx.arc(500, 300, 200, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#e53935';
      ctx.fillRect(120, 120, 160, 160);
    }
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, [kind, LABEL]);
  return Buffer.from(base64, 'base64');
}

const badge = (page, i) => `bedside-badge >> nth=${i}`;

/** The categories on a badge's open list (the panel re-renders on each update). */
const listed = (page, i) => page.evaluate((i) => [...document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelectorAll('li [data-category]')].map((b) => ({ category: b.dataset.category, photo: b.dataset.photo ?? null, text: b.textContent })), i);

async function openComposer(c) {
  const page = await openSite(h.context, c.site);
  await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);
  const i = await badgeIndex(page, surface(c.surface).selector);
  await page.click(`${badge(page, i)} >> .count`); // open the badge's list
  return { page, i };
}

const dialogShown = (page) => waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
const dialogText = (page) => page.evaluate(() => document.querySelector('bedside-dialog').shadowRoot.textContent);

describe('photo warnings', () => {
  test('nothing attached: no offscreen document, no OCR file requested', async () => {
    const { page } = await openComposer(COMPOSERS[1]);
    await typeInto(page, 'x-home', 'A clean post about a sunny day');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const contexts = await h.serviceWorker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
    assert.deepEqual(contexts, [], 'no offscreen document');
    assert.deepEqual(h.requests.all.filter((r) => /\/(ocr|offscreen)\//.test(r.url)), [], 'no OCR file loaded');
    await page.close();
  });

  for (const c of COMPOSERS) {
    test(`${c.site}: a wristband label raises phi.photo, the MRN and the date of birth from the image within 5 s, and holds the post`, async () => {
      const { page, i } = await openComposer(c);
      const text = `Thinking of my patients today (${c.site})`;
      await typeInto(page, c.surface, text);
      const png = await renderPng(page, 'label');
      const started = Date.now();
      await page.setInputFiles(c.input, { name: 'wristband.png', mimeType: 'image/png', buffer: png });
      const found = await waitFor(page, (i) => {
        const cats = [...document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelectorAll('li [data-category]')].map((b) => b.dataset.category);
        return cats.includes('phi.photo') && cats.includes('phi.mrn') && cats.includes('phi.date') && cats;
      }, i, { timeout: 5_000 });
      const ms = Date.now() - started;
      console.log(`# ${c.site}: phi.photo + OCR findings ${JSON.stringify(found)} in ${ms} ms`);
      const items = await listed(page, i);
      assert.ok(items.filter((x) => x.category === 'phi.photo').length === 1, 'one phi.photo for one image');
      const mrn = items.find((x) => x.category === 'phi.mrn');
      assert.equal(mrn.photo, '1', 'the MRN is a finding of photo 1');
      assert.match(mrn.text, /^In the photo: /);
      assert.match(mrn.text, /00482913/);
      assert.match(items.find((x) => x.category === 'phi.date').text, /04\/12\/1961/);
      assert.equal(await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict, i), 'hold');

      const before = (await posts(page)).length;
      await clickSubmit(page, c.surface);
      await dialogShown(page);
      assert.equal((await posts(page)).length, before, 'nothing was posted');
      const shown = await dialogText(page);
      assert.match(shown, /In the photo: Medical record number/);
      assert.match(shown, /Photo 1 \(wristband\.png\)/);
      await page.click('bedside-dialog [data-action="hold"]');
      await waitFor(page, () => !document.querySelector('bedside-dialog'));
      assert.equal((await posts(page)).length, before, 'held, not posted');
      const { drafts = [] } = await h.serviceWorker.evaluate(() => chrome.storage.local.get('drafts'));
      assert.ok(drafts.some((d) => d.text === text && d.findings.some((f) => f.category === 'phi.mrn')), 'the draft records the photo findings');
      await page.close();
    });
  }

  test('an image with no text raises only phi.photo; "None of these" lets the clean post through', async () => {
    // High photo severity (the setting): the photo alone holds the post.
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { photoSeverity: 'high' } }));
    const c = COMPOSERS[1];
    const { page, i } = await openComposer(c);
    const text = 'Our new garden at the clinic';
    await typeInto(page, c.surface, text);
    await page.setInputFiles(c.input, { name: 'garden.png', mimeType: 'image/png', buffer: await renderPng(page, 'shape') });
    await waitFor(page, (i) => {
      const b = document.querySelectorAll('bedside-badge')[i];
      return b.dataset.photos === '1' && b.dataset.reading === '0';
    }, i, { timeout: 10_000 });
    assert.deepEqual((await listed(page, i)).map((x) => x.category), ['phi.photo']);
    assert.equal(await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict, i), 'hold');

    const before = (await posts(page)).length;
    await clickSubmit(page, c.surface);
    await dialogShown(page);
    assert.equal((await posts(page)).length, before);
    // A script's tick does nothing; the user's "None of these" clears the photo.
    await page.evaluate(() => document.querySelector('bedside-dialog').shadowRoot.querySelector('[data-answer="none"]').click());
    assert.match(await dialogText(page), /may not be safe/);
    await page.click('bedside-dialog [data-answer="none"]');
    await waitFor(page, () => /Nothing left to check/.test(document.querySelector('bedside-dialog').shadowRoot.textContent));
    assert.equal(await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict, i), 'clean');
    await page.click('bedside-dialog [data-action="post"]');
    await waitFor(page, (n) => window.__fixture.posts.length > n, before);
    assert.deepEqual((await posts(page)).at(-1), { surface: c.surface, text, via: 'click' });
    await page.close();
  });

  test('a "yes" on the checklist keeps the post held', async () => {
    const c = COMPOSERS[2];
    const { page, i } = await openComposer(c);
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { photoSeverity: 'medium', holdReview: true } }));
    await typeInto(page, c.surface, 'Shift change, all good');
    await page.setInputFiles(c.input, { name: 'ward.png', mimeType: 'image/png', buffer: await renderPng(page, 'shape') });
    await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.reading === '0' && document.querySelectorAll('bedside-badge')[i].dataset.photos === '1', i, { timeout: 10_000 });
    assert.equal(await page.evaluate((i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict, i), 'review', 'medium by default');
    const before = (await posts(page)).length;
    await clickSubmit(page, c.surface);
    await dialogShown(page);
    await page.click('bedside-dialog [data-item="whiteboard"]');
    await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.verdict === 'hold', i);
    assert.doesNotMatch(await dialogText(page), /Nothing left to check/);
    await page.click('bedside-dialog [data-action="edit"]');
    assert.equal((await posts(page)).length, before);
    // Submitting again still stops it: the answer stands.
    await clickSubmit(page, c.surface);
    await dialogShown(page);
    assert.equal(await page.evaluate(() => document.querySelector('bedside-dialog [data-item="whiteboard"]') ?? document.querySelector('bedside-dialog').shadowRoot.querySelector('[data-item="whiteboard"]').checked), true);
    await page.click('bedside-dialog [data-action="edit"]');
    assert.equal((await posts(page)).length, before);
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: {} }));
    await page.close();
  });

  test('an image pasted into the box is detected and read; a video gets the checklist only', async () => {
    const c = COMPOSERS[1];
    const { page, i } = await openComposer(c);
    await typeInto(page, c.surface, 'Pasting a picture');
    const png = (await renderPng(page, 'label')).toString('base64');
    // A paste carrying a file, as the clipboard delivers one (the editor ignores it).
    await page.evaluate(([sel, b64]) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'clipboard.png', { type: 'image/png' }));
      document.querySelector(sel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [surface(c.surface).selector, png]);
    await waitFor(page, (i) => {
      const cats = [...document.querySelectorAll('bedside-badge')[i].shadowRoot.querySelectorAll('li [data-category]')].map((b) => b.dataset.category);
      return cats.includes('phi.photo') && cats.includes('phi.mrn');
    }, i);
    // A video through the site's input: one phi.photo (its preview is joined to it), no OCR.
    await page.setInputFiles(c.input, { name: 'rounds.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not really a video, but bytes') });
    await waitFor(page, (i) => document.querySelectorAll('bedside-badge')[i].dataset.photos === '2', i);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300))); // the preview thumbnail appears and is joined
    const items = await listed(page, i);
    assert.equal(items.filter((x) => x.category === 'phi.photo').length, 2, JSON.stringify(items));
    assert.deepEqual(items.filter((x) => x.photo === '2').map((x) => x.category), ['phi.photo'], 'the video: the checklist only');
    await clickSubmit(page, c.surface);
    await dialogShown(page);
    assert.match(await dialogText(page), /Video 2 \(rounds\.mp4\)/);
    await page.click('bedside-dialog [data-action="edit"]');
    await page.close();
  });

  test('no request left the browser; the OCR worker, core and data came from chrome-extension://', async () => {
    assert.deepEqual(h.requests.offsite, []);
    const status = await h.serviceWorker.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ target: 'offscreen', type: 'ocr/status' });
      return reply;
    });
    assert.equal(status.ok, true, JSON.stringify(status));
    const { paths, resources, location, loads } = status.value;
    const own = `chrome-extension://${h.extensionId}/`;
    assert.ok(location.startsWith(own), location);
    for (const [name, url] of Object.entries(paths)) assert.ok(url.startsWith(own), `${name}: ${url}`);
    for (const url of resources) assert.ok(url.startsWith(own), `loaded ${url}`);
    // What the OCR worker itself loaded (its guard announces every importScripts and fetch).
    const urls = loads.map((l) => l.url);
    for (const file of ['ocr/worker.min.js', 'ocr/tesseract-core-simd-lstm.wasm.js', 'ocr/lang/eng.traineddata.gz']) {
      assert.ok(urls.includes(own + file), `the worker loaded ${file}: ${JSON.stringify(urls)}`);
    }
    for (const l of loads) assert.ok(l.allowed && (l.url.startsWith(own) || /^(data|blob):/.test(l.url)), `loaded ${l.url}`);
    // What the browser recorded for the extension's own contexts, where it reports them.
    const ocrRequests = h.requests.all.filter((r) => /\/ocr\//.test(r.url));
    console.log(`# OCR worker loads: ${JSON.stringify(urls)}; recorded OCR requests: ${JSON.stringify(ocrRequests.map((r) => r.url))}`);
    for (const r of ocrRequests) assert.ok(r.url.startsWith(own), r.url);
  });
});
