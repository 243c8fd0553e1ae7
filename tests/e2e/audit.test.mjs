// Issue 15: the "Audit my past posts" page reads a zip of each site's archive (written
// by crates/archive's fixtures, with expected.json saying what each holds), shows the
// progress bar, lists every risky post with its underlines and no clean one, opens the
// right link, keeps "mark as dealt with" across a reload without storing text, exports
// CSV and JSON, and sends no request out of the browser.
// Run: node --test tests/e2e/audit.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extensionErrors, launch } from './harness.mjs';
import { REPO } from './fixtures/build.mjs';

const DIR = path.join(REPO, 'build/audit-fixtures');

/** The archives, written by the same Rust fixtures the CLI's tests use. */
function writeArchives() {
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-archive', '--features', 'fixtures',
    '--example', 'write_archives', '--', DIR], { cwd: REPO, stdio: 'inherit' });
  return JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'));
}

async function openAudit(h) {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/audit/audit.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Picks a file, records every progress text shown, waits for the end. */
async function pick(page, file) {
  await page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => window.__progress.push(document.getElementById('progress-text').textContent))
      .observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  await page.setInputFiles('#file', path.join(DIR, file));
  await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
  await page.waitForFunction(() => !document.getElementById('results-box').hidden);
  return page.evaluate(() => window.__progress);
}

/** What the list shows: one entry per post. */
const listed = (page) => page.$$eval('#results > li', (lis) => lis.map((li) => ({
  key: li.dataset.key, site: li.dataset.site, kind: li.dataset.kind, verdict: li.dataset.verdict,
  text: li.querySelector('.text').textContent,
  marks: [...li.querySelectorAll('.text mark')].map((m) => ({ text: m.textContent, severity: m.className })),
  href: li.querySelector('a.open').getAttribute('href'),
  date: li.querySelector('time').textContent,
  photo: !!li.querySelector('.photo'),
  dealt: li.classList.contains('dealt'),
})));

const iso = (unix) => new Date(unix * 1000).toISOString().slice(0, 10);

describe('audit page', () => {
  let h;
  let expected;
  before(async () => {
    expected = writeArchives();
    h = await launch();
  });
  after(async () => { await h?.close(); });

  for (const file of ['x.zip', 'facebook.zip', 'instagram.zip', 'linkedin.zip']) {
    test(`${file}: progress shown, every risky post listed with underlines and its link, no clean one`, async () => {
      const page = await openAudit(h);
      const progress = await pick(page, file);
      assert.ok(await page.isVisible('#progress'), 'the progress bar is shown');
      assert.ok(progress.some((t) => /^Read \d+ of \d+ files, [\d,]+ posts$/.test(t)), `progress while reading: ${progress}`);
      assert.match(await page.textContent('#progress-text'), /^Done: 4 posts read and checked/);
      const [bar, max] = await page.$eval('#progress', (p) => [p.value, p.max]);
      assert.equal(bar, max);
      const posts = expected[file];
      const rows = await listed(page);
      const risky = posts.filter((p) => p.risky);
      assert.equal(rows.length, risky.length, `only the risky posts: ${JSON.stringify(rows.map((r) => r.text))}`);
      for (const p of risky) {
        const row = rows.find((r) => r.text === p.text);
        assert.ok(row, `${p.text} is listed`);
        assert.equal(row.site, p.site);
        assert.equal(row.kind, p.kind);
        assert.equal(row.date, iso(p.unix));
        assert.equal(row.photo, p.photos > 0);
        assert.ok(row.marks.length > 0 && row.marks.every((m) => p.text.includes(m.text)), 'findings underlined in the text');
        assert.ok(row.marks.some((m) => m.severity === 'high'));
        if (p.url) assert.equal(row.href, p.url);
        else assert.match(row.href, p.site === 'facebook' ? /^https:\/\/www\.facebook\.com\/me\/allactivity/ : /^https:\/\/www\.instagram\.com\/your_activity\//);
      }
      // Hold first, as the CLI orders them.
      assert.deepEqual(rows.map((r) => r.verdict), [...rows.map((r) => r.verdict)].sort((a, b) => (a === b ? 0 : a === 'hold' ? -1 : 1)));
      const summary = await page.$$eval('#summary tr[data-site]', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
      assert.deepEqual(summary.map((r) => [r[2], r[5]]), [['4', String(posts.filter((p) => p.photos > 0).length)]]);
      await page.close();
    });
  }

  test('an extracted folder reads like its zip', async () => {
    const page = await openAudit(h);
    await page.setInputFiles('#folder', path.join(DIR, 'facebook-folder'));
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    assert.match(await page.textContent('#progress-text'), /^Done: 4 posts read/);
    const rows = await listed(page);
    assert.deepEqual(rows.map((r) => r.text).sort(), expected['facebook.zip'].filter((p) => p.risky).map((p) => p.text).sort());
    await page.close();
  });

  test('loose files picked together (tweets.js with account.js) read like the zip', async () => {
    const page = await openAudit(h);
    await page.setInputFiles('#file', ['tweets.js', 'account.js'].map((f) => path.join(DIR, 'x-loose', f)));
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    const rows = await listed(page);
    const risky = expected['x.zip'].filter((p) => p.risky);
    assert.deepEqual(rows.map((r) => r.href).sort(), risky.map((p) => p.url).sort(), 'links use the handle from account.js');
    await page.close();
  });

  test('the link opens the post on the site', async () => {
    const page = await openAudit(h);
    await pick(page, 'x.zip');
    const want = expected['x.zip'].find((p) => p.risky).url;
    // Serve the post's page here, so the click is seen without leaving the machine.
    await h.context.route(want, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>post</title>' }));
    const row = page.locator('#results > li', { hasText: expected['x.zip'].find((p) => p.risky).text });
    const [opened] = await Promise.all([h.context.waitForEvent('page'), row.locator('a.open').click()]);
    await opened.waitForLoadState();
    assert.equal(opened.url(), want);
    await opened.close();
    await h.context.unroute(want);
    await page.close();
  });

  test('"mark as dealt with" survives a reload and stores no text', async () => {
    const page = await openAudit(h);
    await pick(page, 'linkedin.zip');
    const before0 = await listed(page);
    await page.locator(`#results > li[data-key="${before0[0].key}"] button[data-action="dealt"]`).click();
    await page.waitForFunction((k) => !document.querySelector(`#results > li[data-key="${k}"]`), before0[0].key);
    const stored = await h.serviceWorker.evaluate(() => chrome.storage.local.get('auditDealtWith'));
    assert.deepEqual(Object.keys(stored.auditDealtWith), [before0[0].key]);
    const all = JSON.stringify(await h.serviceWorker.evaluate(() => chrome.storage.local.get(null)));
    for (const p of expected['linkedin.zip']) {
      assert.ok(!all.includes(JSON.stringify(p.text).slice(1, 20)), 'no post text in storage');
    }
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await pick(page, 'linkedin.zip');
    const after0 = await listed(page);
    assert.deepEqual(after0.map((r) => r.key), before0.slice(1).map((r) => r.key), 'still dealt with after the reload');
    await page.check('#f-dealt');
    // The list is redrawn a slice per task after the change: wait for the dealt post to be back.
    await page.waitForSelector(`#results > li[data-key="${before0[0].key}"]`);
    const withDealt = await listed(page);
    assert.equal(withDealt.find((r) => r.key === before0[0].key)?.dealt, true);
    // Undo.
    await page.locator(`#results > li[data-key="${before0[0].key}"] button[data-action="dealt"]`).click();
    await page.waitForFunction((k) => !document.querySelector(`#results > li[data-key="${k}"]`).classList.contains('dealt'), before0[0].key);
    await page.close();
  });

  test('export downloads the list as CSV and JSON', async () => {
    const page = await openAudit(h);
    await pick(page, 'linkedin.zip');
    const risky = expected['linkedin.zip'].filter((p) => p.risky);
    const [csvDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    assert.match(csvDl.suggestedFilename(), /^bedside-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await csvDl.path(), 'utf8');
    assert.ok(csv.startsWith('site,kind,id,date,url,verdict,categories,dealt_with,text\r\n'));
    for (const p of risky) assert.ok(csv.includes(`"${p.text.replace(/"/g, '""')}"`), `CSV holds ${p.text}`);
    const [jsonDl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const doc = JSON.parse(fs.readFileSync(await jsonDl.path(), 'utf8'));
    assert.equal(doc.format, 'bedside-audit');
    assert.deepEqual(doc.posts.map((p) => p.text).sort(), risky.map((p) => p.text).sort());
    assert.deepEqual(doc.posts.map((p) => p.url).sort(), risky.map((p) => p.url).sort());
    await page.close();
  });

  test('a long list: the worst 100 first, "Show more" appends the next ones and keeps those drawn', async () => {
    execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-archive', '--features', 'fixtures',
      '--example', 'write_archives', '--', DIR, '--x-posts', '1500'], { cwd: REPO, stdio: 'inherit' });
    const page = await openAudit(h);
    await pick(page, 'x-1500.zip');
    const total = Number((await page.textContent('#shown')).match(/^([\d,]+) posts to look at, the worst 100 shown$/)?.[1].replace(/,/g, ''));
    assert.ok(total > 100, `more than a page of risky posts: ${await page.textContent('#shown')}`);
    assert.equal((await listed(page)).length, 100);
    await page.$eval('#results > li', (li) => { li.dataset.drawnBefore = 'yes'; });
    await page.click('#more');
    await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, Math.min(total, 200));
    assert.equal(await page.$eval('#results > li', (li) => li.dataset.drawnBefore), 'yes', 'the posts drawn stay');
    const rows = await listed(page);
    assert.equal(new Set(rows.map((r) => r.key)).size, rows.length, 'no post twice');
    const rank = { hold: 0, review: 1 };
    assert.deepEqual(rows.map((r) => rank[r.verdict]), rows.map((r) => rank[r.verdict]).sort(), 'hold before review');
    await page.close();
  });

  test('a second archive picked on the same page replaces the first (its own worker, summary and list)', async () => {
    const page = await openAudit(h);
    await pick(page, 'x.zip');
    await page.evaluate(() => { document.body.dataset.state = 'again'; });
    await pick(page, 'linkedin.zip');
    const rows = await listed(page);
    assert.deepEqual(rows.map((r) => r.text).sort(), expected['linkedin.zip'].filter((p) => p.risky).map((p) => p.text).sort());
    const summary = await page.$$eval('#summary tr[data-site]', (trs) => trs.map((tr) => tr.dataset.site));
    assert.deepEqual([...new Set(summary)], ['linkedin']);
    await page.close();
  });

  test('a corrupt zip is named on the page', async () => {
    const bytes = fs.readFileSync(path.join(DIR, 'x.zip'));
    const corrupt = path.join(DIR, 'corrupt.zip');
    fs.writeFileSync(corrupt, bytes.subarray(0, bytes.length / 2));
    const page = await openAudit(h);
    await page.setInputFiles('#file', corrupt);
    await page.waitForSelector('body[data-state="failed"]');
    assert.match(await page.textContent('#errors'), /corrupt\.zip: not a readable zip archive/);
    await page.close();
  });

  for (const from of ['popup/popup.html', 'options/options.html']) {
    test(`${from} links to the audit page`, async () => {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/${from}`);
      const link = page.locator('#audit-link');
      assert.match(await link.textContent(), /Audit my past posts/);
      const [opened] = await Promise.all([h.context.waitForEvent('page'), link.click()]);
      await opened.waitForSelector('body[data-ready="true"]');
      assert.equal(opened.url(), `chrome-extension://${h.extensionId}/audit/audit.html`);
      await opened.close();
      await page.close();
    });
  }

  test('the audit page and its worker logged no errors', async () => {
    const errors = (await extensionErrors(h.context, h.extensionId)).filter((e) => e.includes('/audit/'));
    assert.deepEqual(errors, []);
  });

  test('no request left the browser', () => {
    assert.deepEqual(h.requests.offsite, []);
    const fromAudit = h.requests.all.filter((r) => r.url.includes('/audit/') || r.url.startsWith('blob:'));
    assert.ok(fromAudit.length > 0, 'the audit page was seen');
    assert.deepEqual(h.requests.all.filter((r) => !/^(chrome-extension|blob|data|chrome):/.test(r.url) && r.url !== expected['x.zip'].find((p) => p.risky).url), []);
  });
});
