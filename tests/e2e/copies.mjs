// Issue 17: private copies of the built extension for the failure tests, in temp dirs
// (dist/ and dist-firefox/ themselves are never changed):
//   corruptedCopy(): the same files with the core's .wasm damaged, as a bad download
//     or a disk error would leave it.
//   faultBuild(): scripts/build.mjs with BEDSIDE_TEST_FAULTS=1, whose core throws on a
//     text ending in TEST_FAULT_MARKER (extension/shared/core.ts); release builds
//     compile that check out and build.mjs fails if the marker is left in.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './fixtures/build.mjs';
import { zipDir } from '../../scripts/zip.mjs';

export const TEST_FAULT_MARKER = 'bedside-test-throw';
export const OFF_TITLE = 'Bedside is off: your posts are not being checked';
const WASM = 'wasm/bedside_wasm_bg.wasm';

/** Copies `from` (dist or dist-firefox, relative to the repo) and overwrites the first bytes of `file` (the .wasm, or the model file). */
export function corruptedCopy(from = 'dist', file = WASM) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-corrupt-'));
  const ext = path.join(dir, from);
  fs.cpSync(path.join(REPO, from), ext, { recursive: true, filter: (f) => !f.endsWith('.zip') });
  const wasm = path.join(ext, file);
  const bytes = fs.readFileSync(wasm);
  bytes.write('BEDSIDE!', 0, 'latin1'); // no "\0asm" magic (WebAssembly.compile rejects it), no "BSM2" (installModel does)
  fs.writeFileSync(wasm, bytes);
  rezipFirefox(ext);
  return { ext, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let built;
/** Builds the test-fault copy once per process: { dist, distFirefox, cleanup }. */
export function faultBuild() {
  if (built) return built;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-faults-'));
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: REPO,
    env: { ...process.env, BEDSIDE_TEST_FAULTS: '1', BEDSIDE_OUT: out },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = { dist: path.join(out, 'dist'), distFirefox: path.join(out, 'dist-firefox'), cleanup: () => fs.rmSync(out, { recursive: true, force: true }) };
  return built;
}

/** In the page (either driver's evaluate): the i-th badge as a person sees it. */
export function badgeView(i) {
  const b = document.querySelectorAll('bedside-badge')[i];
  const root = b.shadowRoot;
  const off = root.querySelector('.off');
  return {
    engine: b.dataset.engine,
    verdict: b.dataset.verdict,
    label: root.querySelector('.count').textContent,
    offShown: !!off && !off.hidden && off.getClientRects().length > 0,
    advice: off?.querySelector('.advice')?.textContent ?? '',
    summary: off?.querySelector('summary')?.textContent ?? '',
    details: off?.querySelector('.why')?.textContent ?? '',
  };
}

/** In the page: the text under each bedside-* highlight. */
export function highlightedTexts() {
  return [...CSS.highlights].filter(([n]) => n.startsWith('bedside-')).flatMap(([, hl]) => [...hl].map((r) => r.toString()));
}

/** The Firefox harness installs the folder's upload zip: rebuild it from the changed files. */
function rezipFirefox(ext) {
  const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));
  if (!manifest.browser_specific_settings?.gecko) return;
  zipDir(ext, path.join(ext, `bedside-firefox-${manifest.version}.zip`));
}
