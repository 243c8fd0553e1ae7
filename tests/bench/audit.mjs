// Issue 15: the audit page on a generated X archive of 50,000 posts (POSTS=n to change):
// posts per second (read and scanned in the page's worker), how many progress updates the
// bar showed, and the page's main thread while it ran, from a Chromium trace: the longest
// frame (the gap between two animation frames; the target is 100 ms), the longest task in
// wall time and in the thread's own CPU time (on a loaded machine wall time mostly measures
// the wait for a core), and what that task spent its time on (its nested trace events by
// self time: script, deserializing the worker's messages, style, layout, paint, GC...), and
// the CPU Chromium's threads used during the longest frame (little: the frame waited for a core).
// Prints; never gates. Run after a build: node tests/bench/audit.mjs (TRACE=file keeps the trace).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../e2e/harness.mjs';
import { REPO } from '../e2e/fixtures/build.mjs';

const POSTS = Number(process.env.POSTS ?? 50_000);
const TARGET_MS = 100;
const dir = path.join(REPO, 'build/audit-fixtures');
execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-archive', '--features', 'fixtures',
  '--example', 'write_archives', '--', dir, '--x-posts', String(POSTS)], { cwd: REPO, stdio: 'inherit' });
const file = path.join(dir, `x-${POSTS}.zip`);

/** Trace event names -> what the time went to; an unnamed event's time goes to its parent's. */
const COSTS = [
  [/^(FunctionCall|EvaluateScript|v8\.callFunction|v8\.run|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks)$/, 'script'],
  [/^SerializedScriptValueFactory::deserialize$/, "deserializing the worker's messages"],
  [/^(UpdateLayoutTree|Document::updateStyle|Document::recalcStyle|Blink\.Style\.UpdateTime)$/, 'style'],
  [/^(Layout|LocalFrameView::layout|Blink\.Layout\.UpdateTime|InlineNode::ShapeText.*)$/, 'layout'],
  [/^(PrePaint|Paint|LocalFrameView::RunPaintLifecyclePhase|Blink\.Paint\.UpdateTime|Layerize|Commit)$/, 'paint'],
  [/GC|Scavenge|MarkCompact/i, 'garbage collection'],
  [/^(ParseHTML|ParseAuthorStyleSheet)$/, 'parsing'],
];
const costOf = (name) => COSTS.find(([re]) => re.test(name))?.[1];

/** A task's nested events on its thread, as wall and CPU self time per cost. */
function breakdown(task, events) {
  const inner = events.filter((e) => e.ph === 'X' && e.pid === task.pid && e.tid === task.tid && e !== task &&
    e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const by = new Map([['other', { wall: task.dur, cpu: task.tdur ?? 0 }]]);
  const stack = [{ cost: 'other' }];
  const add = (cost, wall, cpu) => { const v = by.get(cost) ?? { wall: 0, cpu: 0 }; v.wall += wall; v.cpu += cpu; by.set(cost, v); };
  const ends = [task.ts + task.dur];
  for (const e of inner) {
    while (ends.length > 1 && ends.at(-1) <= e.ts) { ends.pop(); stack.pop(); }
    const cost = costOf(e.name) ?? stack.at(-1).cost;
    if (cost !== stack.at(-1).cost) { add(cost, e.dur, e.tdur ?? 0); add(stack.at(-1).cost, -e.dur, -(e.tdur ?? 0)); }
    stack.push({ cost });
    ends.push(e.ts + e.dur);
  }
  return [...by].filter(([, v]) => v.wall > 0).sort((a, b) => b[1].wall - a[1].wall);
}

/**
 * The longest gap between two animation frames of the page in the trace, and the CPU each of
 * Chromium's threads used in it (top-level tasks, prorated): when the page's main thread used
 * little of it, the frame waited for a core, not for the page.
 */
function longestFrame(events, main, threads) {
  const frames = main.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  let gap = { dur: 0, ts: 0 };
  for (let i = 1; i < frames.length; i++) {
    if (frames[i].ts - frames[i - 1].ts > gap.dur) gap = { ts: frames[i - 1].ts, dur: frames[i].ts - frames[i - 1].ts };
  }
  const cpu = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !/^(RunTask|ThreadPool_RunTask)$/.test(e.name) || e.ts >= gap.ts + gap.dur || e.ts + e.dur <= gap.ts) continue;
    const inside = Math.min(e.ts + e.dur, gap.ts + gap.dur) - Math.max(e.ts, gap.ts);
    const name = e.pid === main[0].pid && e.tid === main[0].tid ? "the page's main thread" : threads.get(`${e.pid}:${e.tid}`) ?? '?';
    cpu.set(name, (cpu.get(name) ?? 0) + ((e.tdur ?? 0) * inside) / Math.max(1, e.dur));
  }
  return { ...gap, cpu: [...cpu].sort((a, b) => b[1] - a[1]) };
}

// DIST=dir: another build (e.g. an older one, to compare).
const h = await launch({ dist: process.env.DIST ?? 'dist' });
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
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink,v8,disabled-by-default-v8.gc',
    transferMode: 'ReportEvents',
  });
  const load0 = os.loadavg()[0];
  const t0 = Date.now();
  await page.setInputFiles('#file', file);
  await page.waitForSelector('body[data-state="done"]', { timeout: 600_000 });
  const wall = (Date.now() - t0) / 1000;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const load1 = os.loadavg()[0];
  await cdp.send('Tracing.end');
  await traced;
  if (process.env.TRACE) fs.writeFileSync(process.env.TRACE, JSON.stringify({ traceEvents: events }));
  const m = await page.evaluate(() => { window.__measure.on = false; return { ...window.__measure, posts: Number(document.body.dataset.posts), seconds: Number(document.body.dataset.seconds) }; });
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  // The audit page's renderer: the one whose main thread handled the worker's messages.
  const pageThread = events.find((e) => e.name === 'HandlePostMessage' && threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const main = events.filter((e) => e.pid === pageThread?.pid && e.tid === pageThread?.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const by = (k) => tasks.reduce((a, t) => ((t[k] ?? 0) > (a?.[k] ?? -1) ? t : a), undefined);
  const [longest, busiest] = [by('dur'), by('tdur')];
  const ms = (us) => (us / 1000).toFixed(0);
  const costs = (t) => breakdown(t, main).slice(0, 3).map(([k, v]) => `${k} ${ms(v.wall)} ms wall / ${ms(v.cpu)} ms CPU`).join(', ');
  const listed = await page.$$eval('#results > li', (l) => l.length);
  const cpuTotal = tasks.reduce((s, t) => s + (t.tdur ?? 0), 0);
  console.log(`audit page: ${m.posts.toLocaleString('en')} posts in ${m.seconds.toFixed(2)} s in the worker` +
    ` (${Math.round(m.posts / m.seconds).toLocaleString('en')} posts/s; ${wall.toFixed(2)} s from the pick to the list),` +
    ` ${m.updates} progress updates, ${listed} posts listed; load average ${load0.toFixed(1)} -> ${load1.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(`  main thread: longest frame ${m.frame.toFixed(0)} ms (target ${TARGET_MS} ms: ${m.frame <= TARGET_MS ? 'met' : 'MISSED'});` +
    ` ${tasks.length} tasks, ${ms(cpuTotal)} ms CPU in all`);
  const frame = longestFrame(events, main, threads);
  const all = frame.cpu.reduce((sum, [, v]) => sum + v, 0);
  console.log(`  longest frame in the trace ${ms(frame.dur)} ms; CPU used in it: ${ms(all)} ms by all of Chromium's threads` +
    ` (${frame.cpu.slice(0, 3).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}${frame.cpu.some(([k]) => k.startsWith("the page")) ? '' : ", the page's main thread 0"})`);
  if (longest) console.log(`  longest task ${ms(longest.dur)} ms wall / ${ms(longest.tdur ?? 0)} ms CPU: ${costs(longest)}`);
  if (busiest && busiest !== longest) console.log(`  most CPU in one task ${ms(busiest.dur)} ms wall / ${ms(busiest.tdur ?? 0)} ms CPU: ${costs(busiest)}`);
} finally {
  await h.close();
}
