// Options page: changes reach an open compose box without reload; a managed policy
// (a real Chromium policy file) locks a category on and hides "Post anyway"; a bad
// settings file changes nothing and names the field; screenshots light and dark.
// Run: node --test tests/e2e/options.test.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clickSubmit, installPolicy, launch, openSite, typeInto, until, waitFor } from './harness.mjs';
import { REPO } from './fixtures/build.mjs';

const ARTIFACTS = path.join(REPO, 'tests/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

async function openOptions(h) {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options/options.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
const storage = (h, key) => h.serviceWorker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key);

/** What the page shows: the badge count and the text under each bedside-* highlight. */
const findings = (page) => page.evaluate(() => ({
  count: Number(document.querySelector('bedside-badge')?.dataset.count ?? -1),
  highlighted: [...CSS.highlights].filter(([name]) => name.startsWith('bedside-'))
    .flatMap(([, hl]) => [...hl].map((r) => r.toString())),
}));

describe('options page', () => {
  let h;
  before(async () => { h = await launch(); });
  after(async () => { await h?.close(); });

  test('adding a custom term and disabling its category change findings in an open compose box, without reload', async () => {
    const page = await openSite(h.context, 'x-home');
    await typeInto(page, 'x-home', 'Great team on Quillfeather Ward this week');
    await page.waitForSelector('bedside-badge');
    const before0 = await until(async () => { const f = await findings(page); return f.count >= 0 && f; });
    assert.ok(!before0.highlighted.includes('Quillfeather Ward'), 'not flagged before the term exists');

    const options = await openOptions(h);
    await options.fill('#custom-term', 'Quillfeather Ward');
    await options.selectOption('#custom-term-severity', 'high');
    await options.press('#custom-term', 'Enter');
    await options.waitForSelector('#custom-terms li[data-term="Quillfeather Ward"]');
    assert.deepEqual((await storage(h, 'settings')).customTerms, [{ term: 'Quillfeather Ward', severity: 'high' }]);

    // The open box rescans on its own: the term is highlighted and counted.
    await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n.startsWith('bedside-') && [...hl].some((r) => r.toString() === 'Quillfeather Ward')), undefined, { timeout: 10_000 });
    const withTerm = await findings(page);
    assert.equal(withTerm.count, before0.count + 1);
    assert.equal(await page.$eval('bedside-badge', (b) => b.dataset.verdict), 'hold');

    // Switch the category off (keyboard): the finding goes away, still no reload.
    await options.focus('#cat-custom\\.term');
    await options.keyboard.press('Space');
    await until(async () => (await storage(h, 'settings')).disabled.includes('custom.term'), { message: 'custom.term disabled' });
    await waitFor(page, (n) => Number(document.querySelector('bedside-badge').dataset.count) === n, before0.count, { timeout: 10_000 });
    assert.ok(!(await findings(page)).highlighted.includes('Quillfeather Ward'));
    assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1, 'page never reloaded');
    await options.close();
    await page.close();
  });

  test('patterns the user adds: a broken one is named with its problem, a good one flags an open box', async () => {
    const page = await openSite(h.context, 'x-home');
    await typeInto(page, 'x-home', 'Ask for badge B12345 at the desk');
    await page.waitForSelector('bedside-badge');
    const options = await openOptions(h);
    await options.fill('#detector-label', 'Broken badge');
    await options.fill('#detector-pattern', '(B\\d{5}');
    await options.press('#detector-pattern', 'Enter');
    await options.waitForSelector('#detectors li[data-detector="broken-badge"] [data-error="broken-badge"]', { timeout: 10_000 });
    assert.match(await options.textContent('[data-error="broken-badge"]'), /Not used: invalid pattern: unclosed group/);

    await options.fill('#detector-label', 'Badge number');
    await options.fill('#detector-pattern', '\\bB\\d{5}\\b');
    await options.selectOption('#detector-category', 'phi.id');
    await options.selectOption('#detector-severity', 'high');
    await options.press('#detector-pattern', 'Enter');
    await options.waitForSelector('#detectors li[data-detector="badge-number"]');
    assert.deepEqual((await storage(h, 'settings')).detectors.map((d) => d.id), ['broken-badge', 'badge-number']);
    // The open box rescans: the good pattern underlines, the broken one changed nothing else.
    await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n === 'bedside-high' && [...hl].some((r) => r.toString() === 'B12345')), undefined, { timeout: 10_000 });
    await options.waitForSelector('body[data-detectors-checked="true"]');
    assert.equal(await options.$('[data-error="badge-number"]'), null);
    await options.click('#detectors li[data-detector="broken-badge"] button');
    await until(async () => (await storage(h, 'settings')).detectors.length === 1, { message: 'broken pattern removed' });
    await options.close();
    await page.close();
  });

  test('importing a malformed file leaves settings unchanged and names the wrong field', async () => {
    const options = await openOptions(h);
    const before0 = await storage(h, 'settings');
    const bad = [
      [JSON.stringify({ format: 'bedside-settings', version: 1, settings: { customTerms: [{ term: 'Ward 9', severity: 'severe' }] } }), 'customTerms[0].severity'],
      [JSON.stringify({ sensitivity: 'extreme' }), 'sensitivity'],
      [JSON.stringify({ workHours: { start: '25:00' } }), 'workHours.start'],
      [JSON.stringify({ draftExpiryDays: 0 }), 'draftExpiryDays'],
      [JSON.stringify({ colour: 'blue' }), 'colour'],
      [JSON.stringify({ hidePostAnyway: false }), 'hidePostAnyway'],
      ['{ not json', '(file)'],
    ];
    for (const [content, field] of bad) {
      await options.setInputFiles('#import-file', { name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      await waitFor(options, (f) => document.querySelector('#import-result').dataset.field === f, field);
      const message = await options.textContent('#import-result');
      assert.ok(message.includes(`"${field}"`), message);
      assert.match(message, /Nothing was changed/);
      assert.deepEqual(await storage(h, 'settings'), before0, `unchanged after ${field}`);
      await options.evaluate(() => { delete document.querySelector('#import-result').dataset.field; });
    }

    // A good file (the page's own export) imports.
    const download = options.waitForEvent('download');
    await options.click('#export');
    const file = await (await download).path();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'bedside-settings');
    exported.settings.allow = ['Quillfeather'];
    await options.setInputFiles('#import-file', { name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await waitFor(options, () => /Settings imported/.test(document.querySelector('#import-result').textContent));
    assert.deepEqual((await storage(h, 'settings')).allow, ['Quillfeather']);
    await options.waitForSelector('#allow-terms li[data-term="Quillfeather"]');
    await options.close();
  });

  test('screenshots light and dark', async () => {
    const options = await openOptions(h);
    for (const scheme of ['light', 'dark']) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.screenshot({ path: path.join(ARTIFACTS, `options-${scheme}.png`), fullPage: true });
    }
    await options.close();
  });
});

/** Chromium's id for an unpacked extension: sha256 of its absolute path, a-p for 0-f. */
function unpackedId(dir) {
  const hex = crypto.createHash('sha256').update(fs.realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * A private copy of dist/ under a real Chromium policy file naming its id (the policy file
 * is system-wide, so it names an id no other Chromium on this machine loads), launched.
 */
async function launchUnderPolicy(policy) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-policy-'));
  const ext = path.join(dir, 'ext');
  fs.cpSync(path.join(REPO, 'dist'), ext, { recursive: true });
  const id = unpackedId(ext);
  const installed = await installPolicy('chromium', id, policy, { name: `bedside-test-${path.basename(dir)}` });
  let h;
  try {
    h = await launch({ dist: ext });
    assert.equal(h.extensionId, id, 'policy names the loaded extension');
  } catch (error) {
    await h?.close();
    await installed.remove();
    throw error;
  }
  return {
    h, id,
    async close() {
      try { await h.close(); } finally {
        await installed.remove();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

describe('managed policy (real Chromium policy file)', () => {
  const POLICY = {
    lockedOn: ['custom.term', 'phi.name'],
    hidePostAnyway: true,
    requireHold: true,
    customTerms: [{ term: 'Mercy Vale Hospital', severity: 'high' }],
  };
  let h, id, run;
  before(async () => {
    run = await launchUnderPolicy(POLICY);
    ({ h, id } = run);
    // The user had switched these off and X too; the policy must win.
    await h.serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { disabled: ['custom.term', 'phi.name', 'conduct.claims'], sitesOff: ['x'] } }));
  });
  after(async () => { await run?.close(); });

  test('locks categories on, requires holds and hides "Post anyway", shown locked', async () => {
    assert.deepEqual(await h.serviceWorker.evaluate(() => chrome.storage.managed.get(null)), POLICY);
    const options = await openOptions(h);
    for (const cat of POLICY.lockedOn) {
      const sel = `#cat-${cat.replace('.', '\\.')}`;
      assert.equal(await options.isChecked(sel), true, `${cat} on despite the user's choice`);
      assert.equal(await options.isDisabled(sel), true, `${cat} cannot be switched off`);
      assert.ok(await options.$(`[data-locked="${cat}"]`));
    }
    assert.equal(await options.isChecked('#cat-conduct\\.claims'), false, 'other choices stay the user\'s');
    assert.equal(await options.isDisabled('#cat-conduct\\.claims'), false);
    // The effective settings (loadSettings) as the options page received them.
    const locked = (await options.getAttribute('body', 'data-locked')).split(' ');
    for (const k of ['lockedOn', 'hidePostAnyway', 'requireHold', 'customTerms', 'sitesOff']) assert.ok(locked.includes(k), k);
    assert.match(await options.textContent('#policy-hide-post-anyway'), /Post anyway/);
    assert.ok(await options.$('#policy-require-hold'));
    assert.ok(await options.$('#custom-terms li[data-term="Mercy Vale Hospital"][data-locked="true"]'));
    await options.close();

    // requireHold: X runs although the user switched it off, and the popup's switch is locked.
    const page = await openSite(h.context, 'x-home');
    const tabId = await h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#site-on');
    assert.equal(await popup.isChecked('#site-on'), true);
    assert.equal(await popup.isDisabled('#site-on'), true);
    assert.match(await popup.textContent('#site-on-note'), /organization/);
    await popup.close();

    // The policy's term and its locked-on category reach the content script's checker.
    await typeInto(page, 'x-home', 'Proud of everyone at Mercy Vale Hospital today');
    await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n.startsWith('bedside-') && [...hl].some((r) => r.toString() === 'Mercy Vale Hospital')), undefined, { timeout: 10_000 });

    // hidePostAnyway: the hold dialog offers drafts and editing, never "Post anyway".
    await clickSubmit(page, 'x-home');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
    const actions = await page.evaluate(() => [...document.querySelector('bedside-dialog').shadowRoot.querySelectorAll('[data-action]')]
      .filter((b) => !b.hidden && b.getClientRects().length > 0).map((b) => b.dataset.action));
    assert.ok(actions.includes('hold') && actions.includes('edit'), actions.join());
    assert.ok(!actions.includes('post'), `no "Post anyway": ${actions.join()}`);
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
    await page.close();
  });
});

describe('organisation detectors from a real Chromium policy file (issue 16)', () => {
  const POLICY = {
    organisationName: "St. Luke's Health",
    lockedOn: ['phi.mrn'],
    detectors: [
      { id: 'mrn', label: "St. Luke's medical record number", pattern: '\\b[A-Z]{2}\\d{7}\\b', category: 'phi.mrn', severity: 'high', message: "St. Luke's record numbers stay in the chart." },
      { id: 'broken', label: 'Broken employee id', pattern: '(EMP-\\d+', category: 'phi.id' },
      { id: 'codename', label: 'Project code name', pattern: '(?i)\\bproject\\s+bluebird\\b', category: 'workplace.confidential', severity: 'medium' },
    ],
  };
  let h, run;
  before(async () => { run = await launchUnderPolicy(POLICY); ({ h } = run); });
  after(async () => { await run?.close(); });

  test('the options page shows the organisation, its locked settings and the broken pattern by name', async () => {
    const options = await openOptions(h);
    await options.waitForSelector('body[data-detectors-checked="true"]');
    assert.equal(await options.textContent('#org-name'), "Managed by St. Luke's Health");
    const keys = await options.$$eval('#org-locked li', (li) => li.map((x) => x.dataset.key));
    assert.deepEqual(keys.sort(), ['detectors', 'lockedOn']);
    const problems = await options.$$eval('#policy-problems li', (li) => li.map((x) => x.textContent));
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /Broken employee id.*\(broken\).*invalid pattern: unclosed group/);
    assert.match(await options.textContent('[data-error="broken"]'), /unclosed group/);
    assert.equal(await options.$('#detectors li[data-detector="mrn"][data-locked="true"]') !== null, true);
    assert.equal(await options.$('[data-error="mrn"]'), null, 'the good pattern has no error');
    assert.equal(await options.isDisabled('#cat-phi\\.mrn'), true);
    console.log(`# options page under policy: content painted at ${await options.getAttribute('body', 'data-painted')} ms`);
    await options.close();
  });

  test('a matching id is underlined, the card names the organisation label, and the post is held', async () => {
    const page = await openSite(h.context, 'x-home');
    const tabId = await h.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    await typeInto(page, 'x-home', 'Filed SL4471920 for project Bluebird before lunch');
    await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n === 'bedside-high' && [...hl].some((r) => r.toString() === 'SL4471920')), undefined, { timeout: 10_000 });
    await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n === 'bedside-medium' && [...hl].some((r) => r.toString() === 'project Bluebird')), undefined, { timeout: 10_000 });
    // Keyboard to the finding: the card's title is the organisation's label.
    await page.keyboard.press('Home');
    let card;
    for (let k = 0; k < 6; k++) {
      await page.keyboard.press('Alt+Shift+N');
      card = await page.evaluate(() => {
        const c = document.querySelector('bedside-card')?.shadowRoot.querySelector('.card');
        return c && { ...c.dataset, head: c.querySelector('.head')?.textContent, body: c.textContent };
      });
      if (card?.text === 'SL4471920') break;
      await page.keyboard.press('Escape');
    }
    assert.equal(card?.text, 'SL4471920');
    assert.equal(card.detector, 'mrn');
    assert.match(card.head, /^Your organization flags this: St\. Luke's medical record number/);
    assert.match(card.body, /St\. Luke's record numbers stay in the chart\./);
    await page.keyboard.press('Escape');

    // The popup shows the organisation and the broken pattern too.
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.waitForSelector('#organisation:not([hidden]) #policy-problems li[data-key="detector:broken"]');
    assert.equal(await popup.textContent('#org-name'), "Managed by St. Luke's Health");
    await popup.close();

    await clickSubmit(page, 'x-home');
    await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
    assert.deepEqual(await page.evaluate(() => window.__fixture.posts), []);
    await page.close();
  });
});
