// Issue 8: launches Firefox (Debian's firefox-esr, headless) through geckodriver with
// dist-firefox/ installed as a temporary add-on, and serves the same fixture pages as
// tests/e2e/harness.mjs at their real URLs with each site's CSP (tests/e2e/sites.mjs).
//
// How pages are served: Firefox is pointed at a local proxy (127.0.0.1, a free port).
// A CONNECT to a fixture host (www.linkedin.com:443, x.com:443, ...) is answered by an
// in-process HTTPS server with a self-signed certificate for those names
// (acceptInsecureCerts); every other request (any other host, port, or plain http) is
// refused and recorded in `requests.offsite`, as the Chromium harness records its
// aborted requests. Nothing is downloaded: the browser and driver paths are explicit, so
// Selenium Manager never runs.
//
// The API mirrors tests/e2e/harness.mjs where it can: launch / openSite / modelText /
// posts / typeInto / clickSubmit / keySubmit / waitFor / badgeIndex, with a "page" that
// is a browser tab. Extension APIs (chrome.storage, ...) run in an extension page tab
// (h.ext(fn, arg)), Firefox's equivalent of the service worker evaluate.
import { Builder, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { buildFixtures, OUT_DIR, REPO } from '../e2e/fixtures/build.mjs';
import { FIXTURE_DIR, site, sites, surface as surfaceInfo } from '../e2e/sites.mjs';

export { sites, surfaces, site, surface } from '../e2e/sites.mjs';

export const ADDON_ID = JSON.parse(fs.readFileSync(path.join(REPO, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
// A fixed moz-extension:// uuid (extensions.webextensions.uuids), so pages have known URLs.
export const EXTENSION_UUID = '5e0d5bed-51de-4b0c-9a1e-bed51de00008';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const pagesByPath = new Map(sites.map((s) => [new URL(s.url).host + new URL(s.url).pathname, s]));
const MOZILLA = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;
const fixtureHosts = new Set(sites.map((s) => new URL(s.url).host));

const which = (...names) => {
  for (const n of names) {
    for (const dir of (process.env.PATH ?? '').split(':')) {
      const p = path.join(dir, n);
      try { fs.accessSync(p, fs.constants.X_OK); return p; } catch {}
    }
  }
  return null;
};
export const FIREFOX = process.env.FIREFOX || which('firefox-esr', 'firefox');
export const GECKODRIVER = process.env.GECKODRIVER || path.join(REPO, '.tools/bin/geckodriver');

let built;
const ensureFixtures = () => (built ??= buildFixtures({ log: () => {} }));

/** A self-signed certificate for the fixture hosts, made once with openssl into build/. */
function certificate() {
  const dir = path.join(REPO, 'build/firefox-cert');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  if (!fs.existsSync(cert)) {
    fs.mkdirSync(dir, { recursive: true });
    const san = [...fixtureHosts].map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', '/CN=bedside-fixtures',
      '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function respond(res, file, csp) {
  const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(200, headers).end(fs.readFileSync(file));
}

/** The proxy + HTTPS fixture server. Resolves to { port, requests, close }. */
async function serveFixtures() {
  const requests = { offsite: [], served: [], browser: [] };
  const tlsServer = https.createServer(certificate(), (req, res) => {
    const host = req.headers.host?.replace(/:443$/, '');
    const url = `https://${host}${req.url}`;
    const { pathname } = new URL(url);
    const page = pagesByPath.get(host + pathname);
    if (page && req.method === 'GET') { requests.served.push(url); return respond(res, path.join(FIXTURE_DIR, page.html), page.csp); }
    if (fixtureHosts.has(host) && pathname.startsWith('/__fixture/')) {
      const file = path.join(OUT_DIR, path.basename(pathname));
      if (fs.existsSync(file)) { requests.served.push(url); return respond(res, file, null); }
    }
    if (fixtureHosts.has(host) && pathname === '/favicon.ico') return res.writeHead(204).end();
    requests.offsite.push({ url, method: req.method });
    res.writeHead(404).end();
  });
  const sockets = new Set();
  const proxy = http.createServer((req, res) => {
    requests.offsite.push({ url: req.url, method: req.method }); // plain http: never served
    res.writeHead(403).end();
  });
  proxy.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  proxy.on('connect', (req, socket) => {
    const [host, port] = req.url.split(':');
    socket.on('error', () => {});
    if (!fixtureHosts.has(host) || port !== '443') {
      // Firefox's own remote-settings/update traffic (refused like the rest) is kept apart:
      // it is the browser's, not the extension's, and a release build ignores the prefs
      // that would point it elsewhere.
      (MOZILLA.test(host) ? requests.browser : requests.offsite).push({ url: `https://${req.url}/`, method: 'CONNECT' });
      return socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => tlsServer.emit('connection', socket));
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  return {
    port: proxy.address().port,
    requests,
    close: () => { for (const s of sockets) s.destroy(); proxy.close(); tlsServer.close(); },
  };
}

// Quiet Firefox: no update, telemetry, safe browsing, captive portal or remote settings
// traffic (geckodriver already sets most of these; the rest would show as offsite).
const PREFS = (port, addonId = ADDON_ID) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': port,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'dom.push.connection.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'app.normandy.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.page': 0,
  // A fixed uuid, and storage kept when the temporary add-on goes at shutdown and is
  // installed again at the next launch (the relaunch test).
  'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
});

/**
 * @param {{ dist?: string, profileDir?: string, headless?: boolean, addonId?: string }} [o]
 *   dist: the built Firefox extension dir (relative to the repo); its upload zip is installed.
 *   addonId: the add-on's gecko id when dist is a copy with an id of its own (policy tests).
 *   profileDir: reuse a profile (to test a relaunch); default is a fresh temp dir, removed on close.
 */
export async function launch({ dist = 'dist-firefox', profileDir, headless = true, addonId = ADDON_ID } = {}) {
  await ensureFixtures();
  if (!FIREFOX) throw new Error('no firefox-esr or firefox on PATH (set FIREFOX=/path)');
  if (!fs.existsSync(GECKODRIVER)) throw new Error(`no geckodriver at ${GECKODRIVER}; run make setup (or set GECKODRIVER=/path)`);
  const ext = path.resolve(REPO, dist);
  const version = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8')).version;
  const xpi = path.join(ext, `bedside-firefox-${version}.zip`);
  if (!fs.existsSync(xpi)) throw new Error(`no ${xpi}; build the extension first`);
  const ownProfile = !profileDir;
  profileDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-ff-profile-'));
  const server = await serveFixtures();

  const options = new firefox.Options().setBinary(FIREFOX).addArguments('-profile', profileDir).setAcceptInsecureCerts(true);
  if (headless) options.addArguments('-headless');
  for (const [k, v] of Object.entries(PREFS(server.port, addonId))) options.setPreference(k, v);
  options.windowSize({ width: 1000, height: 800 });
  // WebDriver may navigate to moz-extension:// pages (the popup, options) only with this.
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments('--allow-system-access');
  let driver;
  try {
    driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
    await driver.manage().setTimeouts({ script: 30_000 });
    await driver.installAddon(xpi, true);
  } catch (e) {
    await driver?.quit().catch(() => {});
    server.close();
    throw e;
  }
  const h = {
    driver, requests: server.requests, profileDir, extensionOrigin: EXTENSION_ORIGIN, current: null, extTab: null,
    /** Runs fn(arg) in an extension page (chrome.* APIs), like serviceWorker.evaluate. */
    async ext(fn, arg) {
      if (!h.extTab) {
        h.extTab = await newTab(h, `${EXTENSION_ORIGIN}/options/options.html`);
        await waitFor(h.extTab, () => document.readyState === 'complete' && !!globalThis.chrome?.storage);
      }
      return evaluate(h.extTab, fn, arg);
    },
    async close() {
      await driver.quit().catch(() => {});
      server.close();
      if (ownProfile) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * Opens a new tab at url and returns its page handle. {window: true} opens a window of
 * its own instead, leaving the current tab selected in its window (as under the popup).
 */
export async function newTab(h, url, { window = false } = {}) {
  await h.driver.switchTo().newWindow(window ? 'window' : 'tab');
  const page = { h, handle: await h.driver.getWindowHandle() };
  h.current = page.handle;
  await h.driver.get(url);
  page.close = () => closePage(page);
  return page;
}

async function use(page) {
  if (page.h.current !== page.handle) {
    await page.h.driver.switchTo().window(page.handle);
    page.h.current = page.handle;
  }
  return page.h.driver;
}

async function closePage(page) {
  const d = await use(page);
  await d.close();
  if (page.h.extTab?.handle === page.handle) page.h.extTab = null;
  const rest = await d.getAllWindowHandles();
  page.h.current = null;
  if (rest.length) { await d.switchTo().window(rest[0]); page.h.current = rest[0]; }
}

/** Runs fn(arg) in the page's main world (awaiting a returned promise); returns its value. */
export async function evaluate(page, fn, arg) {
  const d = await use(page);
  return d.executeScript(`return (${fn})(arguments[0]);`, arg);
}

/** Waits until fn(arg) is truthy in the page (polled in the page); returns its value. */
export async function waitFor(page, fn, arg, { timeout = 5_000 } = {}) {
  const d = await use(page);
  const script = `const [arg, timeout] = arguments; const fn = (${fn});
    return new Promise((resolve, reject) => {
      const end = performance.now() + timeout;
      const tick = async () => {
        let v, err;
        try { v = await fn(arg); } catch (e) { err = e; }
        if (v) return resolve(v);
        if (performance.now() > end) return reject(new Error('waitFor timed out: ' + (err?.message ?? ${JSON.stringify(String(fn).slice(0, 200))})));
        setTimeout(tick, 16);
      };
      tick();
    });`;
  return d.executeScript(script, arg, timeout);
}

export { until } from '../e2e/probes.mjs';
// Real managed policy files, under the machine-wide policy lock (issue 16).
export { installPolicy } from '../policy-files.mjs';

/** Opens a fixture site (by name) in a new tab and waits until its editors are mounted. */
export async function openSite(h, name, { query = '' } = {}) {
  const page = await newTab(h, site(name).url + query);
  await waitFor(page, () => window.__fixture?.ready === true, undefined, { timeout: 15_000 });
  await evaluate(page, () => window.__fixture.reveal());
  return page;
}

/** The editor model's text for a surface (see window.__fixture in fixtures/src/common.ts). */
export const modelText = (page, surface) => evaluate(page, (s) => window.__fixture.surfaces[s].text(), surface);

/** The posts the page accepted: [{ surface, text, via }]. */
export const posts = (page) => evaluate(page, () => window.__fixture.posts);

const KEYS = { Enter: Key.ENTER, Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Backspace: Key.BACK_SPACE, Escape: Key.ESCAPE, Home: Key.HOME, End: Key.END };

/** Presses a Playwright-style chord ("Shift+Enter", "Control+Enter", "a"). */
export async function press(page, chord) {
  const d = await use(page);
  const parts = chord.split('+').map((k) => KEYS[k] ?? k);
  const key = parts.pop();
  let a = d.actions({ async: true });
  for (const m of parts) a = a.keyDown(m);
  a = a.sendKeys(key);
  for (const m of parts.reverse()) a = a.keyUp(m);
  await a.perform();
}

/** Types text at the caret like a user (real key events). */
export async function type(page, text) {
  const d = await use(page);
  await d.actions({ async: true }).sendKeys(text).perform();
}

/** Focus a surface and type like a user; "\n" is Shift+Enter where Enter submits. */
export async function typeInto(page, surface, text) {
  const info = surfaceInfo(surface);
  await evaluate(page, (s) => window.__fixture.surfaces[s].focus(), surface);
  await waitFor(page, (sel) => window.__fixture.active()?.closest(sel), info.selector);
  for (const [i, line] of text.split('\n').entries()) {
    if (i > 0) await press(page, info.enter === 'submits' ? 'Shift+Enter' : 'Enter');
    if (line) await type(page, line);
  }
}

/** Clicks the element matching css (a real WebDriver click: trusted events). */
export async function click(page, css) {
  const d = await use(page);
  // Inside an open shadow root (LinkedIn's share box) CSS alone does not reach it.
  const found = (await d.findElements({ css }))[0] ?? await d.executeScript('return window.__fixture.query(arguments[0]);', css);
  if (!found) throw new Error(`no ${css}`);
  await found.click();
}

/** Clicks `inner` inside the open shadow root of the index-th element matching `host`. */
export async function clickIn(page, host, inner, index = 0) {
  const d = await use(page);
  const hosts = await d.findElements({ css: host });
  if (!hosts[index]) throw new Error(`no ${host} #${index}`);
  const root = await hosts[index].getShadowRoot();
  const target = await root.findElement({ css: inner });
  // Scroll it to the middle first and let two frames pass: the badge is re-placed on
  // layout changes, and WebDriver clicks at coordinates taken before its own scroll.
  await d.executeScript(`arguments[0].scrollIntoView({ block: 'center' });
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));`, target);
  await target.click();
}

/** Click the surface's submit button (a real click, so capture listeners see it). */
export const clickSubmit = (page, surface) => click(page, surfaceInfo(surface).submit);

/** Press the surface's keyboard submit shortcut (Enter or Ctrl+Enter); the surface must have focus. */
export async function keySubmit(page, surface) {
  const key = surfaceInfo(surface).keySubmit;
  if (!key) throw new Error(`${surface} has no keyboard submit`);
  await press(page, key);
}

/** The index of the badge placed beside a surface's box (badges sit under its bottom right). */
export const badgeIndex = (page, selector) => evaluate(page, (sel) => {
  // The badge nearest the box's bottom end corner (see the Chromium harness).
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
