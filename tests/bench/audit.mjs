// Issue 15: the audit page on a generated X archive of 50,000 posts (POSTS=n to change):
// posts per second (read and scanned in the page's worker), how many progress updates the
// bar showed, and the longest main-thread frame and task while it ran. Prints; never gates.
// Run after a build: node tests/bench/audit.mjs
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { REPO } from '../e2e/fixtures/build.mjs';

const POSTS = Number(process.env.POSTS ?? 50_000);
const dir = path.join(REPO, 'build/audit-fixtures');
execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-archive', '--features', 'fixtures',
  '--example', 'write_archives', '--', dir, '--x-posts', String(POSTS)], { cwd: REPO, stdio: 'inherit' });
const file = path.join(dir, `x-${POSTS}.zip`);

const h = await launch();
try {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/audit/audit.html`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    const m = (window.__measure = { frame: 0, task: 0, updates: 0, last: performance.now(), on: true });
    const tick = (t) => { m.frame = Math.max(m.frame, t - m.last); m.last = t; if (m.on) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { m.last = t; requestAnimationFrame(tick); });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) m.task = Math.max(m.task, e.duration); }).observe({ type: 'longtask' });
    new MutationObserver(() => m.updates++).observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  const t0 = Date.now();
  await page.setInputFiles('#file', file);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  const m = await page.evaluate(() => { window.__measure.on = false; return { ...window.__measure, posts: Number(document.body.dataset.posts), ours: Number(document.body.dataset.longestMs), seconds: Number(document.body.dataset.seconds) }; });
  const listed = await page.$$eval('#results > li', (l) => l.length);
  console.log(`audit page: ${m.posts.toLocaleString('en')} posts in ${m.seconds.toFixed(2)} s in the worker` +
    ` (${Math.round(m.posts / m.seconds).toLocaleString('en')} posts/s; ${wall.toFixed(2)} s from the pick to the list),` +
    ` ${m.updates} progress updates; longest main-thread frame ${m.frame.toFixed(0)} ms, longest task ${m.task.toFixed(0)} ms (the page's own code: ${m.ours.toFixed(0)} ms at most); ${listed} posts listed; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
} finally {
  await h.close();
}
