// Issue 15: the audit page on a generated X archive of 50,000 posts (POSTS=n to change):
// posts per second (read and scanned in the page's worker), how many progress updates the
// bar showed, and the longest main-thread frame and task while it ran, in wall time and in
// the thread's own CPU time (from a Chromium trace; on a loaded machine wall time mostly
// measures the wait for a core). Prints; never gates.
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
    const m = (window.__measure = { frame: 0, updates: 0, last: 0, on: true });
    const tick = (t) => { m.frame = Math.max(m.frame, t - m.last); m.last = t; if (m.on) requestAnimationFrame(tick); };
    requestAnimationFrame((t) => { m.last = t; requestAnimationFrame(tick); });
    new MutationObserver(() => m.updates++).observe(document.getElementById('progress-text'), { childList: true, characterData: true, subtree: true });
  });
  const cdp = await h.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const t0 = Date.now();
  await page.setInputFiles('#file', file);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await cdp.send('Tracing.end');
  await traced;
  const m = await page.evaluate(() => { window.__measure.on = false; return { ...window.__measure, posts: Number(document.body.dataset.posts), seconds: Number(document.body.dataset.seconds) }; });
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const longest = (k) => Math.max(0, ...tasks.map((t) => t[k] ?? 0)) / 1000;
  const listed = await page.$$eval('#results > li', (l) => l.length);
  console.log(`audit page: ${m.posts.toLocaleString('en')} posts in ${m.seconds.toFixed(2)} s in the worker` +
    ` (${Math.round(m.posts / m.seconds).toLocaleString('en')} posts/s; ${wall.toFixed(2)} s from the pick to the list),` +
    ` ${m.updates} progress updates, ${listed} posts listed; main thread: longest frame ${m.frame.toFixed(0)} ms,` +
    ` longest task ${longest('dur').toFixed(0)} ms wall / ${longest('tdur').toFixed(0)} ms CPU;` +
    ` load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
} finally {
  await h.close();
}
