// OCR on the device (issue 7): time to read a 1-megapixel label image in the real
// extension's offscreen document (tesseract.js, LSTM, English best_int data), and
// from attaching the image on a composer to its findings on the badge. Prints the
// cold start, median and p95 (target: median under 3 s), and the package size with
// and without the OCR files.
// Run: node scripts/build.mjs && node tests/bench/ocr.mjs   (SAMPLES=n)
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openSite, waitFor } from '../e2e/harness.mjs';
import { REPO } from '../e2e/fixtures/build.mjs';
import { zipDir } from '../../scripts/zip.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 7);
const DIST = process.env.BEDSIDE_DIST || 'dist';
const LINES = [
  'DOE, JANE  MRN 00482913  DOB 04/12/1961',
  'ATTENDING: DR. R. PATEL   ROOM 4B-12',
  'ALLERGIES: PENICILLIN, LATEX',
  'ADMITTED 03/02/2024   FALL RISK',
];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${Math.round(q(0.5))} ms, p95 ${Math.round(q(0.95))} ms, min ${Math.round(s[0])} ms (n=${s.length})`;
};

/** A 1000x1000 label (1 MP): black text on white, a different MRN each time (no caching). */
const renderLabel = (page, n) => page.evaluate(async ([lines, n]) => {
  const canvas = document.createElement('canvas');
  canvas.width = 1000;
  canvas.height = 1000;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 1000, 1000);
  ctx.fillStyle = '#000';
  ctx.font = 'bold 36px sans-serif';
  lines.forEach((line, i) => ctx.fillText(line.replace('00482913', String(482913 + n).padStart(8, '0')), 40, 300 + i * 90));
  return canvas.toDataURL('image/png');
}, [LINES, n]);

const h = await launch({ dist: DIST });
try {
  const page = await openSite(h.context, 'x-home');
  await waitFor(page, () => document.querySelectorAll('bedside-badge').length > 0);

  // 1. In the offscreen document: cold start (document + worker + data + first image), then warm runs.
  const images = [];
  for (let i = 0; i <= SAMPLES; i++) images.push(await renderLabel(page, i));
  const run = (dataUrl) => h.serviceWorker.evaluate(async (dataUrl) => {
    const url = chrome.runtime.getURL('offscreen/offscreen.html');
    if (!(await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })).length) {
      await chrome.offscreen.createDocument({ url: 'offscreen/offscreen.html', reasons: ['WORKERS'], justification: 'benchmark' });
    }
    const t0 = performance.now();
    const reply = await chrome.runtime.sendMessage({ target: 'offscreen', type: 'ocr/run', dataUrl });
    if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
    return { total: performance.now() - t0, ms: reply.value.ms, text: reply.value.text };
  }, dataUrl);
  const cold = await run(images[0]);
  console.log(`ocr: cold start (offscreen document, worker, core, data, first 1 MP image): ${Math.round(cold.total)} ms`);
  console.log(`ocr: read ${JSON.stringify(cold.text.trim().split('\n')[0])}`);
  const warm = [];
  for (let i = 1; i <= SAMPLES; i++) warm.push((await run(images[i])).ms);
  console.log(`ocr: 1 MP label, recognize in the offscreen document: ${stats(warm)}`);

  // 2. End to end on a composer: setInputFiles -> phi.photo and the image's MRN on the badge.
  const e2e = [];
  for (let i = 0; i < Math.min(SAMPLES, 5); i++) {
    const p = await openSite(h.context, 'x-home');
    await waitFor(p, () => document.querySelectorAll('bedside-badge').length > 0);
    const buffer = Buffer.from((await renderLabel(p, 100 + i)).split(',')[1], 'base64');
    const t0 = Date.now();
    await p.setInputFiles('[data-fixture-composer="home"] input[data-testid="fileInput"]', { name: 'label.png', mimeType: 'image/png', buffer });
    await waitFor(p, () => [...document.querySelectorAll('bedside-badge')].some((b) => b.dataset.reading === '0' && b.dataset.photos === '1'), null, { timeout: 20_000 });
    e2e.push(Date.now() - t0);
    await p.close();
  }
  console.log(`ocr: 1 MP label, attach -> findings on the badge (content script, background, offscreen, core): ${stats(e2e)}`);
  if (h.requests.offsite.length) console.log(`ocr: WARNING offsite requests: ${JSON.stringify(h.requests.offsite)}`);
} finally {
  await h.close();
}

// 3. Package size, with and without the OCR files (same deterministic zip as the build).
const dist = path.resolve(REPO, DIST);
const zipSize = (...skip) => {
  const out = path.join(os.tmpdir(), `bedside-size-${process.pid}.zip`);
  try {
    return zipDir(dist, out, skip);
  } finally {
    fs.rmSync(out, { force: true });
  }
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const withOcr = zipSize();
const without = zipSize('ocr', 'offscreen');
const ocrDir = path.join(dist, 'ocr');
const files = fs.readdirSync(ocrDir, { recursive: true }).filter((f) => fs.statSync(path.join(ocrDir, f)).isFile());
console.log(`size: zip with OCR ${kb(withOcr)}, without OCR ${kb(without)} (OCR adds ${kb(withOcr - without)})`);
console.log(`size: OCR files unpacked: ${files.map((f) => `${f} ${kb(fs.statSync(path.join(ocrDir, f)).size)}`).join(', ')}`);
