// Issue 16: Bedside under a real Firefox enterprise policy: policies.json in the browser's
// distribution directory with 3rdparty.Extensions.<id> (removed afterwards, under the
// machine-wide policy lock). The add-on is a private copy of dist-firefox/ with a gecko id
// of its own, so no other Firefox on this machine picks the policy up. An organisation
// pattern underlines a matching id with the organisation's label on the card and holds the
// post; the options page shows the organisation's name, the locked settings and the broken
// pattern by name while the other patterns keep working.
// Run: node --test tests/firefox/policy.test.mjs
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clickSubmit, evaluate, installPolicy, launch, newTab, openSite, press, typeInto, waitFor } from './harness.mjs';
import { REPO } from '../e2e/fixtures/build.mjs';
import { zipDir } from '../../scripts/zip.mjs';

const POLICY = {
  organisationName: "St. Luke's Health",
  lockedOn: ['phi.mrn'],
  requireHold: true,
  detectors: [
    { id: 'mrn', label: "St. Luke's medical record number", pattern: '\\b[A-Z]{2}\\d{7}\\b', category: 'phi.mrn', severity: 'high' },
    { id: 'broken', label: 'Broken employee id', pattern: '(EMP-\\d+', category: 'phi.id' },
    { id: 'codename', label: 'Project code name', pattern: '(?i)\\bproject\\s+bluebird\\b', category: 'workplace.confidential', severity: 'medium' },
  ],
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-ff-policy-'));
const addonId = `bedside-policy-test-${path.basename(dir).slice(-6).toLowerCase()}@bedside.health`;
let h, installed;

before(async () => {
  const ext = path.join(dir, 'ext');
  fs.cpSync(path.join(REPO, 'dist-firefox'), ext, { recursive: true, filter: (src) => !src.endsWith('.zip') });
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));
  manifest.browser_specific_settings.gecko.id = addonId;
  fs.writeFileSync(path.join(ext, 'manifest.json'), JSON.stringify(manifest, null, 2));
  zipDir(ext, path.join(ext, `bedside-firefox-${manifest.version}.zip`));
  installed = await installPolicy('firefox', addonId, POLICY);
  h = await launch({ dist: ext, addonId });
});
after(async () => {
  try { await h?.close(); } finally {
    await installed?.remove();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('Firefox hands the policy to the add-on as managed storage', async () => {
  assert.deepEqual(await h.ext(() => chrome.storage.managed.get(null)), POLICY);
});

test('options page: the organisation, its locked settings and the broken pattern by name', async () => {
  const options = await newTab(h, `${h.extensionOrigin}/options/options.html`);
  await waitFor(options, () => document.body.dataset.detectorsChecked === 'true', undefined, { timeout: 20_000 });
  const shown = await evaluate(options, () => ({
    name: document.querySelector('#org-name')?.textContent,
    keys: [...document.querySelectorAll('#org-locked li')].map((li) => li.dataset.key).sort(),
    problems: [...document.querySelectorAll('#policy-problems li')].map((li) => li.textContent),
    mrnLocked: !!document.querySelector('#detectors li[data-detector="mrn"][data-locked="true"]'),
    mrnError: !!document.querySelector('[data-error="mrn"]'),
    mrnCategoryLocked: document.querySelector('#cat-phi\\.mrn')?.disabled,
  }));
  assert.equal(shown.name, "Managed by St. Luke's Health");
  // requireHold locks the per-site switches too.
  assert.deepEqual(shown.keys, ['detectors', 'lockedOn', 'requireHold', 'sitesOff']);
  assert.equal(shown.problems.length, 1, shown.problems.join('\n'));
  assert.match(shown.problems[0], /Broken employee id.*\(broken\).*invalid pattern: unclosed group/);
  assert.equal(shown.mrnLocked, true);
  assert.equal(shown.mrnError, false);
  assert.equal(shown.mrnCategoryLocked, true);
  await options.close();
});

test('a matching id is underlined, the card names the organisation label, and the post is held', async () => {
  const page = await openSite(h, 'x-home');
  await typeInto(page, 'x-home', 'Filed SL4471920 for project Bluebird before lunch');
  await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n === 'bedside-high' && [...hl].some((r) => r.toString() === 'SL4471920')), undefined, { timeout: 15_000 });
  await waitFor(page, () => [...CSS.highlights].some(([n, hl]) => n === 'bedside-medium' && [...hl].some((r) => r.toString() === 'project Bluebird')), undefined, { timeout: 15_000 });
  await press(page, 'Home');
  let card;
  for (let k = 0; k < 6; k++) {
    await press(page, 'Alt+Shift+N');
    card = await evaluate(page, () => {
      const c = document.querySelector('bedside-card')?.shadowRoot.querySelector('.card');
      return c && { ...c.dataset, head: c.querySelector('.head')?.textContent };
    });
    if (card?.text === 'SL4471920') break;
    await press(page, 'Escape');
  }
  assert.equal(card?.text, 'SL4471920');
  assert.equal(card.detector, 'mrn');
  assert.match(card.head, /^Your organization flags this: St\. Luke's medical record number/);
  await press(page, 'Escape');
  await clickSubmit(page, 'x-home');
  await waitFor(page, () => !!document.querySelector('bedside-dialog')?.shadowRoot?.querySelector('[data-action="hold"]'));
  assert.deepEqual(await evaluate(page, () => window.__fixture.posts), []);
  await page.close();
});
