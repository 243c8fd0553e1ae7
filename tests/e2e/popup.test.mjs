// Popup: per-site privacy checklists with working links, ticks that persist across
// reopen and relaunch, the "reviewed" line, the tab's status and the site switch.
// Screenshots (light and dark) go to tests/artifacts/.
// Run: node --test tests/e2e/popup.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openSite, typeInto, until, waitFor } from './harness.mjs';
import { REPO } from './fixtures/build.mjs';

const DATA = JSON.parse(fs.readFileSync(path.join(REPO, 'extension/data/checklists.json'), 'utf8'));
const ARTIFACTS = path.join(REPO, 'tests/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });
// Fixture page per site (x has two; the home page is enough here).
const PAGES = { linkedin: 'linkedin', x: 'x-home', facebook: 'facebook', instagram: 'instagram' };

/** The tab id of a page, asked of the extension (tabs permission). */
async function tabIdOf(h, page) {
  const url = page.url();
  return h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
}

async function openPopup(h, tabId) {
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html${tabId ? `?tab=${tabId}` : ''}`);
  await popup.waitForSelector('#status #tab-state');
  return popup;
}

const storage = (h, key) => h.serviceWorker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

describe('popup', () => {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-popup-'));
  let h;
  before(async () => { h = await launch({ profileDir }); });
  after(async () => { await h?.close(); fs.rmSync(profileDir, { recursive: true, force: true }); });

  for (const [site, fixture] of Object.entries(PAGES)) {
    test(`${site}: lists its checklist, links open the site's settings, ticks persist across reopen`, async () => {
      const page = await openSite(h.context, fixture);
      const tabId = await tabIdOf(h, page);
      let popup = await openPopup(h, tabId);
      const expected = DATA.sites[site].items;

      assert.equal(await popup.getAttribute('#site-checklist', 'data-site'), site);
      assert.match(await popup.textContent('#site-checklist-title'), new RegExp(DATA.sites[site].name));
      assert.ok(expected.length >= 6 && expected.length <= 10, 'six to ten items');
      const items = await popup.$$eval('#site-checklist li', (lis) => lis.map((li) => ({
        id: li.dataset.item, label: li.querySelector('label').textContent, why: li.querySelector('.why').textContent,
        href: li.querySelector('a')?.href, target: li.querySelector('a')?.target,
      })));
      assert.deepEqual(items.map((i) => i.id), expected.map((i) => i.id));
      for (const [i, item] of items.entries()) {
        assert.equal(item.label, expected[i].label);
        assert.ok(item.why.length > 10, `${item.id} says why it matters`);
        assert.equal(item.href, expected[i].url);
        assert.equal(item.target, '_blank');
      }
      assert.equal(await popup.$$eval('#pro-checklist li', (l) => l.length), DATA.professional.length);

      // Every distinct link opens a new tab at exactly that URL (the harness aborts the load).
      for (const url of [...new Set(expected.map((i) => i.url))]) {
        const opened = h.context.waitForEvent('page');
        await popup.click(`#site-checklist a[href="${url}"] >> nth=0`);
        const tab = await opened;
        await until(() => h.requests.offsite.some((r) => r.url === url), { message: `request to ${url}` });
        // The browser's own record of the tab: its URL (or pending URL) is the link's.
        // (Right after the aborted load a tab's URL can be briefly empty: wait for it.)
        const tabUrls = () => h.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url));
        await until(async () => (await tabUrls()).includes(url), { message: `a tab at ${url}` });
        await tab.close();
      }

      assert.match(await popup.textContent('#reviewed'), /Not reviewed yet/);
      const first = expected[0].id;
      // Keyboard only: focus the checkbox and press Space.
      await popup.focus(`#site-${first}`);
      await popup.keyboard.press('Space');
      await popup.check('#pro-pro\\.patients');
      await waitFor(popup, () => /Reviewed today/.test(document.querySelector('#reviewed').textContent));
      await popup.emulateMedia({ colorScheme: 'light' });
      await popup.screenshot({ path: path.join(ARTIFACTS, `popup-${site}-light.png`), fullPage: true });
      await popup.emulateMedia({ colorScheme: 'dark' });
      await popup.screenshot({ path: path.join(ARTIFACTS, `popup-${site}-dark.png`), fullPage: true });
      await popup.close();

      const stored = (await storage(h, 'checklist'))[site];
      assert.equal(stored.items[first].ticked, true);
      assert.ok(Math.abs(Date.parse(stored.items[first].at) - Date.now()) < 60_000);
      assert.equal(stored.items['pro.patients'].ticked, true);
      assert.ok(stored.reviewed);

      popup = await openPopup(h, tabId);
      assert.equal(await popup.isChecked(`#site-${first}`), true);
      assert.equal(await popup.isChecked('#pro-pro\\.patients'), true);
      assert.equal(await popup.isChecked(`#site-${expected[1].id}`), false);
      assert.match(await popup.textContent('#reviewed'), /Reviewed today/);
      await popup.close();
      await page.close();
    });
  }

  test('ticks and the reviewed date survive a browser relaunch', async () => {
    await h.close();
    h = await launch({ profileDir });
    for (const [site, fixture] of Object.entries(PAGES)) {
      const page = await openSite(h.context, fixture);
      const popup = await openPopup(h, await tabIdOf(h, page));
      assert.equal(await popup.isChecked(`#site-${DATA.sites[site].items[0].id}`), true, site);
      assert.equal(await popup.isChecked('#pro-pro\\.patients'), true, site);
      assert.match(await popup.textContent('#reviewed'), /Reviewed today/);
      await popup.close();
      await page.close();
    }
  });

  test('after 90 days the header asks for a new review', async () => {
    const old = new Date(Date.now() - 100 * 86_400_000).toISOString();
    await h.serviceWorker.evaluate(async (at) => {
      const { checklist = {} } = await chrome.storage.local.get('checklist');
      checklist.facebook = { ...checklist.facebook, reviewed: at };
      await chrome.storage.local.set({ checklist });
    }, old);
    const page = await openSite(h.context, 'facebook');
    const popup = await openPopup(h, await tabIdOf(h, page));
    assert.equal(await popup.getAttribute('#reviewed', 'data-days'), '100');
    assert.match(await popup.textContent('#reviewed'), /Reviewed 100 days ago\. .*review them again/);
    assert.ok(await popup.$('#reviewed.due'));
    await popup.click('#mark-reviewed');
    await waitFor(popup, () => /Reviewed today/.test(document.querySelector('#reviewed').textContent));
    await popup.close();
    await page.close();
  });

  test('not on a site: pick one of the four', async () => {
    const blank = await h.context.newPage();
    await blank.goto('about:blank');
    const popup = await openPopup(h, await tabIdOf(h, blank));
    assert.equal(await popup.getAttribute('#tab-state', 'data-state'), 'not-site');
    assert.deepEqual(await popup.$$eval('#site-picker button', (b) => b.map((x) => x.dataset.site)), ['linkedin', 'x', 'facebook', 'instagram']);
    assert.equal(await popup.$('#site-checklist'), null);
    await popup.focus('#site-picker button[data-site="x"]');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('#site-checklist[data-site="x"]');
    assert.equal(await popup.getAttribute('#site-picker button[data-site="x"]', 'aria-pressed'), 'true');
    assert.equal(await popup.$$eval('#site-checklist li', (l) => l.length), DATA.sites.x.items.length);
    await popup.close();
    await blank.close();
  });

  test('status: engine and open findings of the tab; the site switch writes sitesOff', async () => {
    const page = await openSite(h.context, 'x-home');
    await typeInto(page, 'x-home', 'Long night shift, the patient in room 12 finally went home');
    await page.waitForSelector('bedside-badge');
    const tabId = await tabIdOf(h, page);
    let popup = await openPopup(h, tabId);
    assert.equal(await popup.getAttribute('#tab-state', 'data-state'), 'running');
    const engine = await popup.getAttribute('#engine', 'data-engine');
    assert.equal(engine, await page.$eval('bedside-badge', (b) => b.dataset.engine));
    assert.ok(['local', 'background'].includes(engine), engine);
    const badgeCount = await page.$eval('bedside-badge', (b) => b.dataset.count);
    assert.match(await popup.textContent('#tab-state'), new RegExp(`: ${badgeCount}$`));
    assert.equal(await popup.$eval('#drafts', (s) => s.children.length > 0), true, 'drafts mounted');

    assert.equal(await popup.isChecked('#site-on'), true);
    await popup.focus('#site-on');
    await popup.keyboard.press('Space');
    await until(async () => (await storage(h, 'settings'))?.sitesOff?.includes('x'), { message: 'sitesOff has x' });
    // The open tab drops its badges and underlines at once, without a reload.
    await page.waitForFunction(() => !document.querySelector('bedside-badge') && !CSS.highlights.size);
    await popup.close();

    // Reloaded, the page runs no checker and the popup says so plainly.
    await page.reload();
    await page.waitForFunction(() => window.__fixture?.ready === true);
    popup = await openPopup(h, tabId);
    assert.equal(await popup.getAttribute('#tab-state', 'data-state'), 'off');
    assert.match(await popup.textContent('#tab-state'), /switched off on X/);
    await popup.check('#site-on');
    await until(async () => !(await storage(h, 'settings')).sitesOff.includes('x'), { message: 'x back on' });
    // Switched back on, the same page starts checking without a reload.
    await page.waitForSelector('bedside-badge', { state: 'attached' });
    await popup.close();
    await page.close();
  });
});
