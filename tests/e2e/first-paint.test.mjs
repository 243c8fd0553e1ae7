// Issue 16: the popup and the options page paint their content within 200 ms of opening,
// also the very first time in a new browser profile (where the first read of managed
// storage used to keep the popup blank for seconds). Each page is opened first thing in a
// fresh profile; the figure is the page's own clock (ms since navigation start) when its
// content was in place, printed and held to the 200 ms. As in `bedside bench`, the
// quickest of three fresh profiles counts: a shared machine that stalls spoils a round, not
// the figure; every round is printed.
// Run: node --test tests/e2e/first-paint.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

const LIMIT_MS = 200;
const ROUNDS = 3;

for (const [name, url, content] of [
  ['popup', 'popup/popup.html', '#status h2, #checklists .hint'],
  ['options', 'options/options.html', '#custom-terms, #categories-body input'],
]) {
  test(`${name}: first open in a new profile paints its content within ${LIMIT_MS} ms`, async () => {
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      // No reload from chrome://extensions first: the page is the extension's very first.
      const h = await launch({ captureErrors: false });
      try {
        const page = await h.context.newPage();
        await page.goto(`chrome-extension://${h.extensionId}/${url}`);
        await page.waitForSelector('body[data-painted]', { timeout: 15_000 });
        const painted = Number(await page.getAttribute('body', 'data-painted'));
        assert.ok(await page.$(content), `${name} shows its content`);
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
        await page.waitForSelector('body[data-policy="read"], body[data-ready="true"]', { timeout: 15_000 });
        const policy = await page.evaluate(() => Math.round(performance.now()));
        console.log(`# ${name} first open in a new profile, round ${round + 1}: content at ${painted} ms (browser's first contentful paint ${Math.round(fcp ?? NaN)} ms); policy read by ${policy} ms`);
        rounds.push(painted);
        if (painted <= LIMIT_MS) break;
      } finally {
        await h.close();
      }
    }
    const best = Math.min(...rounds);
    console.log(`# ${name}: content painted at ${best} ms on first open (quickest of ${rounds.length})`);
    assert.ok(best <= LIMIT_MS, `${name} content painted at ${rounds.join(', ')} ms (limit ${LIMIT_MS} ms)`);
  });
}
