// Tests the fixtures and the harness themselves, with no (or an empty)
// extension: typing reaches each editor's model, submits are recorded, the
// CSP headers arrive, and off-site requests are aborted and recorded.
// Run: node --test tests/e2e/harness.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  clickSubmit, extensionErrors, keySubmit, launch, modelText, openSite, posts, surfaces, typeInto, until,
  waitFor, waitForPosts,
} from './harness.mjs';

// Smallest valid wasm module: magic + version.
const WASM = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe('fixture pages (no extension)', () => {
  let h;
  const pages = new Map();
  before(async () => { h = await launch({ dist: null }); });
  after(async () => { await h?.close(); });
  // One page per site, reused across its surfaces (posts accumulate, so tests look at the last).
  const pageFor = async (site) => {
    if (!pages.has(site)) pages.set(site, await openSite(h.context, site));
    return pages.get(site);
  };
  const lastPost = async (page) => (await posts(page)).at(-1);

  for (const sf of surfaces) {
    test(`${sf.name}: markers, typing, submit`, async () => {
      const page = await pageFor(sf.site);
      // The page registers the same selector the table has, and it finds exactly one editable.
      const reg = await page.evaluate((n) => window.__fixture.surfaces[n]?.selector, sf.name);
      assert.equal(reg, sf.selector);
      const editable = await page.$$eval(sf.selector, (els) => els.map((e) => e.isContentEditable || e.tagName === 'TEXTAREA'));
      assert.deepEqual(editable, [true]);
      const text = `Patient in bed ${sf.name.length} ok\nsecond line`;
      await typeInto(page, sf.name, text);
      assert.equal(await modelText(page, sf.name), text);
      if (!sf.submit) return;
      // Once the box has text (Messenger shows its send arrow only then).
      assert.equal((await page.$$(sf.submit)).length, 1, `one ${sf.submit}`);

      await clickSubmit(page, sf.name);
      assert.deepEqual(await lastPost(page), { surface: sf.name, text, via: 'click' });
      assert.equal(await modelText(page, sf.name), '', 'editor cleared after posting');

      if (sf.keySubmit) {
        await typeInto(page, sf.name, 'by keyboard');
        await keySubmit(page, sf.name);
        assert.deepEqual(await lastPost(page), { surface: sf.name, text: 'by keyboard', via: 'key' });
        assert.equal(await modelText(page, sf.name), '');
      }
    });
  }

  test('site markers the extension keys on', async () => {
    const li = await pageFor('linkedin-old');
    assert.equal(await li.$$eval('.ql-editor[data-test-ql-editor-contenteditable="true"]', (e) => e.length), 2);
    const fb = await pageFor('facebook');
    assert.equal(await fb.$$eval('[data-lexical-editor="true"][role="textbox"]', (e) => e.length), 2);
    const ig = await pageFor('instagram');
    assert.equal(await ig.$eval('[aria-label="Write a caption..."]', (e) => e.dataset.lexicalEditor), 'true');
    assert.equal(await ig.$eval('div[role="button"]', (e) => e.textContent), 'Share');
    const xc = await pageFor('x-compose');
    assert.equal(await xc.$eval('[data-testid="tweetButton"]', (e) => e.textContent), 'Post all');
    assert.ok(await xc.$('[role="dialog"] .DraftEditor-root [contenteditable="true"][data-testid="tweetTextarea_0"]'));
  });

  test('x-compose: Post all sends both posts of the thread', async () => {
    const page = await pageFor('x-compose');
    const before = (await posts(page)).length;
    await typeInto(page, 'x-compose-0', 'first');
    await typeInto(page, 'x-compose-1', 'second');
    await page.keyboard.press('Control+Enter');
    const got = (await waitForPosts(page, before + 2)).slice(before);
    assert.deepEqual(got, [
      { surface: 'x-compose-0', text: 'first', via: 'key' },
      { surface: 'x-compose-1', text: 'second', via: 'key' },
    ]);
  });

  test('instagram-comment: a bare form submission is recorded as via "form"', async () => {
    const page = await pageFor('instagram');
    await typeInto(page, 'instagram-comment', 'via the form');
    await page.evaluate(() => document.querySelector('form[data-fixture-composer="comment"]').requestSubmit());
    assert.deepEqual((await posts(page)).at(-1), { surface: 'instagram-comment', text: 'via the form', via: 'form' });
  });

  test('media inputs show a preview thumbnail', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    for (const [site, input] of [['linkedin-old', '.share-box input[type=file]'], ['x-home', '[data-fixture-composer="home"] [data-testid="fileInput"]'],
      ['facebook', '[data-fixture-composer="feed"] input[type=file]'], ['instagram', '[data-fixture-composer="caption"] input[type=file]']]) {
      const page = await pageFor(site);
      await page.setInputFiles(input, { name: 'scan.png', mimeType: 'image/png', buffer: png });
      await waitFor(page, () => document.querySelector('img.fixture-media-preview')?.complete);
    }
  });

  test('demo: ?sample=1 fills all four editors', async () => {
    const page = await openSite(h.context, 'demo', { query: '?sample=1' });
    for (const s of ['demo-quill', 'demo-draft', 'demo-lexical', 'demo-textarea']) {
      await waitFor(page, (n) => window.__fixture.surfaces[n].text().includes('MRN 4482913'), s);
    }
    await page.close();
  });

  test('CSP: LinkedIn blocks WebAssembly compilation, X allows it', async () => {
    const compile = (page) => page.evaluate(async (bytes) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      let ok = true;
      try { await WebAssembly.compile(new Uint8Array(bytes)); } catch { ok = false; }
      await new Promise((r) => setTimeout(r, 0)); // violation events are queued as tasks
      return { ok, violations };
    }, WASM);
    const li = await compile(await pageFor('linkedin'));
    assert.equal(li.ok, false);
    assert.deepEqual(li.violations, ['script-src']);
    const x = await compile(await pageFor('x-home'));
    assert.deepEqual(x, { ok: true, violations: [] });
    // The header itself, and the fixture's own script allowed by it.
    const page = await h.context.newPage();
    const res = await page.goto('https://www.linkedin.com/feed/');
    assert.match(res.headers()['content-security-policy'], /script-src [^;]*www\.linkedin\.com\/__fixture\//);
    assert.doesNotMatch(res.headers()['content-security-policy'], /wasm-unsafe-eval|unsafe-eval/);
    await page.close();
  });

  test('off-site requests are aborted and recorded', async () => {
    const page = await pageFor('linkedin'); // default-src *, so the fetch reaches the network layer
    const err = await page.evaluate(() => fetch('https://example.com/leak?x=1').then(() => null, (e) => String(e)));
    assert.match(err, /Failed to fetch/);
    assert.ok(h.requests.offsite.some((r) => r.url === 'https://example.com/leak?x=1'));
    // Same for a pixel from a site page (LinkedIn's img-src allows any host).
    const li = await pageFor('linkedin');
    await li.evaluate(() => { new Image().src = 'https://px.example.org/p.gif'; });
    await until(() => h.requests.offsite.some((r) => r.url === 'https://px.example.org/p.gif'), { message: 'pixel recorded' });
    assert.ok(!h.requests.offsite.some((r) => /linkedin|x\.com|facebook|instagram|bedside/.test(new URL(r.url).host)),
      `fixture pages made no unexpected requests: ${JSON.stringify(h.requests.offsite)}`);
    await page.close();
  });
});

describe('harness with an extension', () => {
  test('finds the id and service worker, records its requests, reads its errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-ext-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      manifest_version: 3, name: 'harness probe', version: '0.0.1', background: { service_worker: 'sw.js' },
      host_permissions: ['https://example.net/*'], not_a_key: true,
      content_scripts: [{ matches: ['https://www.facebook.com/*'], js: ['cs.js'] }],
    }));
    fs.writeFileSync(path.join(dir, 'cs.js'), "console.warn('probe warning'); null.boom;\n");
    fs.writeFileSync(path.join(dir, 'sw.js'),
      "fetch('https://example.net/from-sw').catch(() => {});\nsetTimeout(() => { throw new Error('probe failure'); }, 0);\n");
    const h = await launch({ dist: dir });
    try {
      assert.match(h.extensionId, /^[a-p]{32}$/);
      assert.equal(h.serviceWorker.url(), `chrome-extension://${h.extensionId}/sw.js`);
      await openSite(h.context, 'facebook'); // runs the probe content script
      const errors = await until(async () => {
        const e = await extensionErrors(h.context, h.extensionId);
        return e.some((x) => x.includes('probe failure')) && e.some((x) => x.includes('cs.js')) && e;
      }, { message: 'runtime errors to be collected' });
      // Content-script errors and warnings are collected too, as chrome://extensions shows them.
      assert.ok(errors.some((x) => /^RUNTIME WARN: probe warning .*cs\.js/.test(x)), errors.join('\n'));
      assert.ok(errors.some((x) => x.includes("Unrecognized manifest key 'not_a_key'")), errors.join('\n'));
      await until(() => h.requests.offsite.some((r) => r.url === 'https://example.net/from-sw' && r.fromServiceWorker),
        { message: 'service-worker fetch recorded' });
      assert.ok(h.requests.extension.some((r) => r.url === 'https://example.net/from-sw'), JSON.stringify(h.requests.extension));
    } finally {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
