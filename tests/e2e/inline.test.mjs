// Inline warnings (issue 4): underlines on the right words on every surface, the
// badge's count, verdict and engine, the editors' model text left intact under a few
// hundred random edits, fixes through the editor's input path, and no network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeIndex, launch, modelText, openSite, surfaces, typeInto, waitFor } from './harness.mjs';
import { finalUnderlines, underlinedIn, wantedUnderlines } from './probes.mjs';

const RISKY = 'Rough night. My patient Mr. Alvarez in room 12, MRN 00482913, coded twice before 3am.';
const MUST_UNDERLINE = ['Mr. Alvarez', '00482913'];
const ENGINE = {
  linkedin: 'background', 'linkedin-old': 'background', 'x-home': 'local', 'x-compose': 'local', 'x-dm': 'local', 'x-article': 'local',
  facebook: 'local', 'facebook-es': 'local', 'facebook-pl': 'local', instagram: 'local', 'instagram-reel': 'local', 'instagram-ar': 'local', 'instagram-dm': 'local',
};
/** The registry's site id of a fixture page. */
const siteId = (page) => page.split('-')[0];
const TESTED = surfaces.filter((s) => s.site !== 'demo');

let browser;
let extPage;
before(async () => {
  browser = await launch({ captureErrors: false });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  extPage = await browser.context.newPage();
  await extPage.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
});
after(async () => { await browser?.close(); });

/** The report the core gives for a text, asked of the background directly. */
async function coreReport(text) {
  const reply = await extPage.evaluate((t) => chrome.runtime.sendMessage({ type: 'scan', text: t }), text);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply.value;
}

/** The data attributes of the badge beside the box matching `selector`. */
async function badgeState(page, selector) {
  const i = await badgeIndex(page, selector);
  return page.evaluate((k) => ({ ...document.querySelectorAll('bedside-badge')[k].dataset }), i);
}

/** Underlined texts by severity (see probes.mjs). */
const underlined = (page, selector) => page.evaluate(underlinedIn, selector);

describe('underlines, badge and engine on every surface', () => {
  for (const surface of TESTED) {
    test(surface.name, async () => {
      const page = await openSite(browser.context, surface.site);
      await typeInto(page, surface.name, RISKY);
      assert.equal(await modelText(page, surface.name), RISKY);
      const report = await coreReport(RISKY);
      assert.equal(report.verdict, 'hold');
      for (const word of MUST_UNDERLINE) assert.ok(report.findings.some((f) => f.text.includes(word)), `core flags ${word}`);

      await waitFor(page, ({ sel, n }) => {
        const box = window.__fixture.query(sel).getBoundingClientRect();
        return [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.count === String(n) && Math.abs(b.getBoundingClientRect().top - box.bottom) < 40);
      }, { sel: surface.selector, n: report.findings.length });
      const badge = await badgeState(page, surface.selector);
      assert.equal(badge.site, siteId(surface.site));
      assert.equal(badge.count, String(report.findings.length));
      assert.equal(badge.verdict, report.verdict);
      assert.equal(badge.engine, ENGINE[surface.site]);

      const marks = await finalUnderlines(() => underlined(page, surface.selector), report);
      const want = wantedUnderlines(report);
      for (const sev of ['high', 'medium', 'low']) assert.deepEqual(marks[sev], want[sev], `${sev} underlines`);
      for (const word of MUST_UNDERLINE) assert.ok(marks.high.some((t) => t.includes(word)), `${word} underlined high`);
      assert.equal(await modelText(page, surface.name), RISKY, 'highlights leave the model text alone');
      await page.close();
    });
  }
});

describe('hard text: emoji, right-to-left, a 1 MB paste', () => {
  // Surrogate pairs, ZWJ sequences and RTL runs before the risky words: the UTF-16
  // spans must still land on exactly those words.
  const HARD = '👩🏽‍⚕️ שלום مرحبا 🇺🇸 — my patient Mr. Alvarez in room 12, MRN 00482913 🙏🏻';
  for (const name of ['x-home', 'facebook-composer', 'linkedin-share', 'linkedin-comment', 'instagram-comment', 'instagram-ar-comment']) {
    test(`${name}: underlines land on the right words after emoji and RTL text`, async () => {
      const surface = TESTED.find((s) => s.name === name);
      const page = await openSite(browser.context, surface.site);
      await typeInto(page, name, '');
      await page.evaluate((t) => navigator.clipboard.writeText(t), HARD);
      await page.keyboard.press('Control+V');
      await waitFor(page, ({ s, t }) => window.__fixture.surfaces[s].text() === t, { s: name, t: HARD });
      const report = await coreReport(HARD);
      assert.ok(report.findings.some((f) => f.text === 'Mr. Alvarez'));
      await waitFor(page, (n) => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.count === String(n)), report.findings.length);
      const marks = await underlined(page, surface.selector);
      const all = [...marks.high, ...marks.medium, ...marks.low].sort();
      assert.deepEqual(all, report.findings.map((f) => f.text).sort());
      await page.close();
    });
  }

  test('a box the page re-renders mid-scan is checked afresh and the old one dropped', async () => {
    const surface = TESTED.find((s) => s.name === 'instagram-comment');
    const page = await openSite(browser.context, surface.site);
    await waitFor(page, () => document.querySelector('bedside-badge'));
    const badges = await page.evaluate(() => document.querySelectorAll('bedside-badge').length);
    await typeInto(page, surface.name, RISKY);
    // As a single-page app does: the box is replaced by a new node right away,
    // while its first scan may still be under way.
    await page.evaluate((sel) => {
      const old = document.querySelector(sel);
      const fresh = old.cloneNode();
      fresh.value = old.value;
      old.replaceWith(fresh);
    }, surface.selector);
    await waitFor(page, (n) => document.querySelectorAll('bedside-badge').length === n
      && [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'), badges);
    assert.equal(await page.evaluate(() => document.querySelectorAll('bedside-mirror').length), 1, 'the old mirror is gone');
    await page.close();
  });

  test('a 1 MB paste is checked whole and the editor keeps every character', async () => {
    const surface = TESTED.find((s) => s.name === 'instagram-comment');
    const page = await openSite(browser.context, surface.site);
    let big = '';
    while (big.length < 1 << 20) big += 'Lovely shift on the unit today, thanks team. ';
    big += 'My patient Mr. Alvarez in room 12.';
    await typeInto(page, surface.name, '');
    await page.evaluate((t) => navigator.clipboard.writeText(t), big);
    await page.keyboard.press('Control+V');
    await waitFor(page, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.verdict === 'hold'), undefined, { timeout: 30_000 });
    assert.equal((await modelText(page, surface.name)).length, big.length);
    await page.close();
  });
});

// A small deterministic PRNG, so a failing sequence can be replayed from its seed.
function rng(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

// Left-to-right only: arrow keys move visually, so right-to-left words would make the
// test's own caret bookkeeping wrong (RTL text is covered by the core's tests).
const WORDS = ['patient', 'room 12', 'MRN 00482913', 'Mr. Alvarez', 'today', 'ICU', 'hello', 'shift', '(801) 555-0147', 'a'];

/**
 * Reads the model text once it has settled: Quill pastes through a hidden box and
 * applies the paste a tick later, so wait for the focus to come back as well.
 */
async function settledText(page, surface) {
  await page.waitForFunction((sel) => window.__fixture.active()?.closest(sel), TESTED.find((s) => s.name === surface).selector);
  let last = await modelText(page, surface);
  for (;;) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10))));
    const now = await modelText(page, surface);
    if (now === last) return now;
    last = now;
  }
}

/**
 * A seeded sequence of edits at the caret: typing, backspaces, caret moves, pastes,
 * and undo+redo pairs. Returns the editor's model text after every step.
 */
async function randomEdits(page, surface, steps, seed) {
  const random = rng(seed);
  const pick = (a) => a[Math.floor(random() * a.length)];
  const texts = [];
  await typeInto(page, surface, '');
  for (let i = 0; i < steps; i++) {
    const op = random();
    if (op < 0.4) {
      await page.keyboard.type(pick(WORDS) + ' ');
    } else if (op < 0.55) {
      const k = 1 + Math.floor(random() * 4);
      for (let j = 0; j < k; j++) await page.keyboard.press('Backspace');
    } else if (op < 0.72) {
      const k = 1 + Math.floor(random() * 6);
      for (let j = 0; j < k; j++) await page.keyboard.press('ArrowLeft');
    } else if (op < 0.8) {
      await page.keyboard.press('Control+End');
    } else if (op < 0.94) {
      await page.evaluate((c) => navigator.clipboard.writeText(c), `${pick(WORDS)} ${pick(WORDS)} `);
      await page.keyboard.press('Control+V');
    } else {
      // How much one undo takes back depends on the editor's timing; an undo then a
      // redo must give back exactly the text before them.
      await page.keyboard.press('Control+Z');
      await settledText(page, surface);
      await page.keyboard.press('Control+Shift+Z');
      await page.keyboard.press('Control+End'); // editors place the caret differently after redo
    }
    texts.push(await settledText(page, surface));
  }
  return texts;
}

describe('the editor model survives random edits with highlights present', () => {
  // The oracle is the same editor, same seeded edits, with no extension loaded.
  let bare;
  before(async () => {
    bare = await launch({ dist: null });
    await bare.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(async () => { await bare?.close(); });

  // linkedin-share is Quill in an open shadow root; linkedin-comment is TipTap (ProseMirror).
  const EDITORS = ['linkedin-share', 'linkedin-comment', 'x-home', 'facebook-composer', 'instagram-comment'];
  for (const [i, name] of EDITORS.entries()) {
    test(name, async () => {
      const surface = TESTED.find((s) => s.name === name);
      const seed = 1000 + i;
      // Both runs at once (two browsers): the edits wait on the page, not the CPU.
      const plain = await openSite(bare.context, surface.site);
      const page = await openSite(browser.context, surface.site);
      const [expected, actual] = await Promise.all([randomEdits(plain, name, 300, seed), randomEdits(page, name, 300, seed)]);
      await plain.close();
      const first = actual.findIndex((t, k) => t !== expected[k]);
      assert.equal(first, -1, `seed ${seed}: step ${first} differs:\n  with Bedside: ${JSON.stringify(actual[first])}\n  without:      ${JSON.stringify(expected[first])}`);
      assert.ok(new Set(expected).size > 50, 'the edits really changed the text');

      // Risky words were left in place, so underlines were present meanwhile.
      const report = await coreReport(actual.at(-1));
      assert.ok(report.findings.length > 0, 'the random text carries findings');
      await waitFor(page, (n) => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.count === String(n)), report.findings.length);
      await page.close();
    });
  }
});

describe('applying a fix goes through the editor, and undo restores', () => {
  for (const name of ['linkedin-share', 'linkedin-comment', 'x-home', 'facebook-composer', 'instagram-comment']) {
    test(name, async () => {
      const surface = TESTED.find((s) => s.name === name);
      const page = await openSite(browser.context, surface.site);
      await typeInto(page, name, RISKY);
      const report = await coreReport(RISKY);
      const target = report.findings.find((f) => f.suggestion !== undefined);
      assert.ok(target, 'some finding offers a fix');
      await waitFor(page, (n) => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.count === String(n)), report.findings.length);
      // Keyboard only: jump to findings (Alt+Shift+N) until the card shows our target, then Enter on its fix.
      await page.keyboard.press('Home');
      for (let k = 0; k < report.findings.length; k++) {
        await page.keyboard.press('Alt+Shift+N');
        const shown = await page.evaluate(() => ({ ...document.querySelector('bedside-card')?.shadowRoot.querySelector('.card')?.dataset }));
        if (shown.category === target.category && shown.text === target.text) break;
        await page.keyboard.press('Escape');
      }
      const fix = await page.evaluate(() => document.querySelector('bedside-card').shadowRoot.activeElement?.dataset.action);
      assert.equal(fix, 'fix', 'the card has keyboard focus on its fix');
      // Quill merges edits less than a second apart into one undo step; a person takes
      // longer than that to read the card, and the fix should be its own step.
      await page.waitForTimeout(1100);
      await page.keyboard.press('Enter');
      const expected = RISKY.slice(0, target.start) + target.suggestion + RISKY.slice(target.end);
      await waitFor(page, ({ s, e }) => window.__fixture.surfaces[s].text() === e, { s: name, e: expected });
      await page.evaluate((s) => window.__fixture.surfaces[s].focus(), name);
      await page.keyboard.press('Control+Z');
      await waitFor(page, ({ s, e }) => window.__fixture.surfaces[s].text() === e, { s: name, e: RISKY });
      await page.close();
    });
  }
});

test('no request left the browser during the inline tests', () => {
  assert.deepEqual(browser.requests.offsite, []);
});
