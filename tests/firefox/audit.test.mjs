// Issue 15: the "Audit my past posts" page in Firefox: it loads at its moz-extension://
// URL, reads an X archive zip in its worker (FileReaderSync, the audit .wasm) and lists
// the risky posts with their underlines and links; nothing leaves the browser.
// Run: node --test tests/firefox/audit.test.mjs (after the build and the e2e audit test's
// archives: cargo run --release -p bedside-archive --features fixtures --example write_archives -- build/audit-fixtures)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, launch, newTab, waitFor } from './harness.mjs';
import { REPO } from '../e2e/fixtures/build.mjs';

const DIR = path.join(REPO, 'build/audit-fixtures');
let h;
let expected;
before(async () => {
  execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-archive', '--features', 'fixtures',
    '--example', 'write_archives', '--', DIR], { cwd: REPO, stdio: 'inherit' });
  expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'));
  h = await launch();
});
after(async () => { await h?.close(); });

test('audit page at moz-extension:// reads an X zip and lists its risky posts', async () => {
  const page = await newTab(h, `${h.extensionOrigin}/audit/audit.html`);
  // Generous waits: this machine is shared and often loaded.
  await waitFor(page, () => document.body.dataset.ready === 'true', undefined, { timeout: 30_000 });
  await h.driver.findElement({ css: '#file' }).sendKeys(path.join(DIR, 'x.zip'));
  await waitFor(page, () => document.body.dataset.state === 'done' || document.body.dataset.state === 'failed', undefined, { timeout: 60_000 });
  const state = await evaluate(page, () => [document.body.dataset.state, document.getElementById('errors').textContent]);
  assert.deepEqual(state, ['done', ''], 'the archive was read without errors');
  assert.match(await evaluate(page, () => document.getElementById('progress-text').textContent), /^Done: 4 posts read/);
  const rows = await evaluate(page, () => [...document.querySelectorAll('#results > li')].map((li) => ({
    text: li.querySelector('.text').textContent, href: li.querySelector('a.open').getAttribute('href'),
    marks: li.querySelectorAll('.text mark').length,
  })));
  const risky = expected['x.zip'].filter((p) => p.risky);
  assert.deepEqual(rows.map((r) => r.text).sort(), risky.map((p) => p.text).sort());
  for (const r of rows) {
    assert.ok(r.marks > 0);
    assert.equal(r.href, risky.find((p) => p.text === r.text).url);
  }
  await page.close();
});

test('no request left the browser', () => {
  assert.deepEqual(h.requests.offsite, []);
});
