// Launches Chromium with the unpacked extension, serves the fixture sites at
// their real URLs (with their real CSP) and aborts+records everything else.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFixtures, OUT_DIR, REPO } from './fixtures/build.mjs';
import { FIXTURE_DIR, extraPages, hostPages, site, sites, surface as surfaceInfo } from './sites.mjs';

export { sites, surfaces, site, surface, CSP, hostPages, extraPages } from './sites.mjs';
// Real managed policy files, under the machine-wide policy lock (issue 16).
export { installPolicy } from '../policy-files.mjs';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // No network on the test machines; keep Chromium from phoning home.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const pageKey = (u) => { const x = new URL(u); return x.origin + x.pathname; };
const pagesByUrl = new Map([...hostPages, ...extraPages, ...sites].map((s) => [pageKey(s.url), s]));
const fixtureHosts = new Set([...sites, ...hostPages].map((s) => new URL(s.url).host));

let built;
/** Builds the fixture bundles once per process (no-op when up to date). */
export const ensureFixtures = () => (built ??= buildFixtures({ log: () => {} }));

/**
 * @param {{ dist?: string|null, profileDir?: string, headless?: boolean, captureErrors?: boolean }} [o]
 *   dist: unpacked extension dir (relative to the repo) or null for no extension.
 *   profileDir: reuse a profile (to test a relaunch); default is a fresh temp dir, removed on close.
 *   captureErrors: reload the extension once from chrome://extensions so startup
 *   errors land in the error console (which is only created on first use).
 * @returns {Promise<{context, extensionId: string|null, serviceWorker, requests, close(): Promise<void>}>}
 */
export async function launch({ dist = 'dist', profileDir, headless = true, captureErrors = true } = {}) {
  await ensureFixtures();
  const ownProfile = !profileDir;
  profileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-profile-'));
  const ext = dist && path.resolve(REPO, dist);
  if (ext && !fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error(`no manifest.json in ${ext}; build the extension first`);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless,
    args: [...ARGS, ...(ext ? [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : [])],
    viewport: { width: 1000, height: 800 },
  });
  const requests = await routeFixtures(context);
  let extensionId = null;
  let serviceWorker = null;
  try {
    if (ext) ({ extensionId, serviceWorker } = await findExtension(context, ext, captureErrors));
  } catch (e) { await context.close(); throw e; }
  return {
    context, extensionId, serviceWorker, requests,
    async close() {
      await context.close();
      if (ownProfile) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Opens chrome://extensions (its page has chrome.developerPrivate) and runs fn there. */
async function withExtensionsPage(context, extensionId, fn) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/${extensionId ? `?errors=${extensionId}` : ''}`);
    await page.waitForFunction(() => !!globalThis.chrome?.developerPrivate);
    return await fn(page);
  } finally { await page.close(); }
}

const devPrivate = (page, method, ...args) => page.evaluate(([m, a]) => new Promise((resolve, reject) => {
  chrome.developerPrivate[m](...a, (r) => (chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(r)));
}), [method, args]);

async function findExtension(context, ext, captureErrors) {
  return withExtensionsPage(context, null, async (page) => {
    // Look the id up by path: works even if the service worker failed to start.
    const all = await devPrivate(page, 'getExtensionsInfo', { includeDisabled: true, includeTerminated: true });
    const mine = all.find((i) => i.prettifiedPath && path.resolve(i.prettifiedPath.replace(/^~/, os.homedir())) === ext)
      ?? all.find((i) => i.location === 'UNPACKED');
    if (!mine) throw new Error(`extension at ${ext} did not load`);
    const id = mine.id;
    const hasWorker = !!mine.backgroundUrl || JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8')).background?.service_worker;
    const isMine = (w) => w.url().startsWith(`chrome-extension://${id}/`);
    let worker = null;
    if (captureErrors) {
      await devPrivate(page, 'updateProfileConfiguration', { inDeveloperMode: true });
      const next = hasWorker ? context.waitForEvent('serviceworker', { predicate: isMine, timeout: 10_000 }).catch(() => null) : null;
      await devPrivate(page, 'reload', id, { failQuietly: true });
      worker = await next;
    } else if (hasWorker) {
      worker = context.serviceWorkers().find(isMine)
        ?? await context.waitForEvent('serviceworker', { predicate: isMine, timeout: 10_000 }).catch(() => null);
    }
    return { extensionId: id, serviceWorker: worker };
  });
}

/**
 * Errors and warnings chrome://extensions shows for the extension (manifest
 * errors, install warnings, runtime errors from the service worker, pages and
 * content scripts), as "<KIND> <severity>: <message> (<source>:<line>)".
 * Runtime errors are only collected after launch()'s captureErrors reload.
 */
export async function extensionErrors(context, extensionId) {
  const info = await withExtensionsPage(context, extensionId, (page) => devPrivate(page, 'getExtensionInfo', extensionId));
  const fmt = (e) => {
    const top = e.stackTrace?.[0];
    const where = top ? `${top.url}:${top.lineNumber}` : e.source;
    return `${e.type}${e.severity ? ` ${e.severity}` : ""}: ${e.message}${where ? ` (${where})` : ''}`;
  };
  return [
    ...(info.installWarnings ?? []).map((w) => `INSTALL WARNING: ${w}`),
    ...(info.manifestErrors ?? []).map(fmt),
    ...(info.runtimeErrors ?? []).map(fmt),
  ];
}

/** Serve fixtures; abort and record any other http(s) request. */
async function routeFixtures(context) {
  const requests = { offsite: [], served: [], all: [], extension: [] };
  context.on('request', (r) => {
    const entry = { url: r.url(), method: r.method(), type: r.resourceType(), fromServiceWorker: !!r.serviceWorker() };
    requests.all.push(entry);
    const origin = r.serviceWorker()?.url() ?? safeFrameUrl(r);
    if (origin?.startsWith('chrome-extension://')) requests.extension.push({ ...entry, from: origin });
  });
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    const page = pagesByUrl.get(url.origin + url.pathname);
    if (page && req.method() === 'GET') {
      requests.served.push(req.url());
      return route.fulfill(respond(path.join(FIXTURE_DIR, page.html), page.csp));
    }
    if (fixtureHosts.has(url.host) && url.pathname.startsWith('/__fixture/')) {
      const file = path.join(OUT_DIR, path.basename(url.pathname));
      if (fs.existsSync(file)) { requests.served.push(req.url()); return route.fulfill(respond(file, null)); }
    }
    if (fixtureHosts.has(url.host) && url.pathname === '/favicon.ico') return route.fulfill({ status: 204 });
    requests.offsite.push({ url: req.url(), method: req.method(), type: req.resourceType(), fromServiceWorker: !!req.serviceWorker() });
    return route.abort('internetdisconnected');
  });
  return requests;
}

function safeFrameUrl(r) { try { return r.frame().url(); } catch { return null; } }

function respond(file, csp) {
  const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  if (csp) headers['content-security-policy'] = csp;
  return { status: 200, headers, body: fs.readFileSync(file) };
}

/** Opens a fixture site (by name) and waits until its editors are mounted. */
export async function openSite(context, name, { query = '', url } = {}) {
  const page = await context.newPage();
  await page.goto((url ?? site(name).url) + query);
  await page.waitForFunction(() => window.__fixture?.ready === true);
  await page.evaluate(() => window.__fixture.reveal());
  return page;
}

/** The editor model's text for a surface (see window.__fixture in fixtures/src/common.ts). */
export const modelText = (page, surface) => page.evaluate((s) => window.__fixture.surfaces[s].text(), surface);

/** The posts the page accepted: [{ surface, text, via }]. */
export const posts = (page) => page.evaluate(() => window.__fixture.posts);

/** Focus a surface and type like a user; "\n" is Shift+Enter where Enter submits. */
export async function typeInto(page, surface, text, { delay = 0 } = {}) {
  const info = surfaceInfo(surface);
  await page.evaluate((s) => window.__fixture.surfaces[s].focus(), surface);
  await page.waitForFunction((sel) => window.__fixture.active()?.closest(sel), info.selector);
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press(info.enter === 'submits' ? 'Shift+Enter' : 'Enter', { delay });
    if (line) await page.keyboard.type(line, { delay });
  }
}

/** Click the surface's submit button (a real mouse click, so capture listeners see it). */
export async function clickSubmit(page, surface) {
  await page.click(surfaceInfo(surface).submit);
}

/** Press the surface's keyboard submit shortcut (Enter or Ctrl+Enter); the surface must have focus. */
export async function keySubmit(page, surface) {
  const key = surfaceInfo(surface).keySubmit;
  if (!key) throw new Error(`${surface} has no keyboard submit`);
  await page.keyboard.press(key);
}

/** Waits until fn(arg) is truthy in the page's main world; returns its value. */
export async function waitFor(page, fn, arg, { timeout = 5_000 } = {}) {
  return (await page.waitForFunction(fn, arg, { timeout, polling: 'raf' })).jsonValue();
}

export { until } from './probes.mjs';

/** Waits for the page to have n posts and returns them. */
export const waitForPosts = (page, n = 1, o) =>
  waitFor(page, (k) => window.__fixture.posts.length >= k && window.__fixture.posts, n, o);

/** The index of the badge placed beside a surface's box (badges sit under its bottom right). */
export async function badgeIndex(page, selector) {
  return page.evaluate((sel) => {
    // The badge nearest the box's bottom end corner (badges move aside to stay clear
    // of each other and of the site's buttons, never far).
    const box = window.__fixture.query(sel).getBoundingClientRect();
    const badges = [...document.querySelectorAll('bedside-badge')];
    const rtl = document.dir === 'rtl';
    const score = (b) => {
      const r = b.getBoundingClientRect();
      const x = rtl ? box.left : box.right;
      return Math.hypot(Math.max(r.left - x, x - r.right, 0), Math.max(r.top - box.bottom, box.bottom - r.bottom, 0)) * 4
        + Math.abs((r.top + r.bottom) / 2 - box.bottom);
    };
    return badges.indexOf(badges.reduce((best, b) => (score(b) < score(best) ? b : best)));
  }, selector);
}
