// Keystroke-to-highlight latency in the real extension: a 3,000-character post in the
// X composer (local engine), LinkedIn's 2026 share box inside #interop-outlet's open
// shadow root and its older light-DOM one (both background engine). For each
// keystroke, the page's own clock runs from the keydown to the badge's next render
// (data-scan changes after the underlines are set). Prints median and p95.
import { launch, openSite, typeInto } from '../e2e/harness.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 40);
const SENTENCE = 'Great turnout at the wound care workshop today, thanks to everyone who came. My patient in room 12 was admitted on March 3rd with sepsis. ';

function post(length) {
  let s = '';
  while (s.length < length) s += SENTENCE;
  return s.slice(0, length);
}

async function measure(browser, siteName, surfaceName, selector) {
  const page = await openSite(browser.context, siteName);
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await typeInto(page, surfaceName, '');
  await page.evaluate((t) => navigator.clipboard.writeText(t), post(3000));
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => [...document.querySelectorAll('bedside-badge')].some((b) => Number(b.dataset.count) > 0), null, { timeout: 30_000 });
  await page.evaluate((sel) => {
    const box = window.__fixture.query(sel);
    const badge = [...document.querySelectorAll('bedside-badge')].find((b) => Number(b.dataset.count) > 0);
    window.__lat = [];
    let t0 = 0;
    box.addEventListener('keydown', () => { t0 = performance.now(); }, true);
    new MutationObserver(() => { if (t0) { window.__lat.push(performance.now() - t0); t0 = 0; } })
      .observe(badge, { attributes: true, attributeFilter: ['data-scan'] });
  }, selector);
  for (let i = 0; i < SAMPLES; i++) {
    const before = await page.evaluate(() => window.__lat.length);
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForFunction((n) => window.__lat.length > n, before, { timeout: 5_000 });
  }
  const lat = (await page.evaluate(() => window.__lat)).sort((a, b) => a - b);
  await page.close();
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  return { median: q(0.5), p95: q(0.95) };
}

const browser = await launch({ captureErrors: false });
try {
  const local = await measure(browser, 'x-home', 'x-home', '[data-fixture-composer="home"] [data-testid="tweetTextarea_0"]');
  const background = await measure(browser, 'linkedin', 'linkedin-share', '.share-box-v2__modal .ql-editor');
  const older = await measure(browser, 'linkedin-old', 'linkedin-old-share', '.share-box .ql-editor');
  const fmt = (r) => `median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`;
  console.log(`latency: keystroke to highlight, 3,000-character post, ${SAMPLES} keystrokes each`);
  console.log(`latency: local engine (x.com):           ${fmt(local)}  (target: median <= 16 ms)`);
  console.log(`latency: background engine (linkedin.com, shadow-root share box): ${fmt(background)}  (target: median <= 30 ms)`);
  console.log(`latency: background engine (linkedin.com, older light-DOM share box): ${fmt(older)}  (target: median <= 30 ms)`);
} finally {
  await browser.close();
}
