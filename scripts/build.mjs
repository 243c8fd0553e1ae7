// Assembles the loadable extension in dist/ from manifest.json, extension/ and the
// wasm package in build/wasm/ (scripts/build-wasm.sh), then zips it and prints sizes.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { zipDir } from "./zip.mjs";


const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
// Issue 17: BEDSIDE_TEST_FAULTS=1 builds a test-only copy whose core throws on a text
// ending in shared/core.ts's TEST_FAULT_MARKER; BEDSIDE_OUT puts dist/ and
// dist-firefox/ under another folder (tests build that copy into a temp dir).
const testFaults = process.env.BEDSIDE_TEST_FAULTS === "1";
const out = process.env.BEDSIDE_OUT ?? ".";
const dist = join(out, "dist");
// Issue 13: the hosts come from the site registry, the one place a host is added.
// manifest.json leaves host_permissions and every "matches" empty; they are filled here.
const registry = JSON.parse(readFileSync("extension/shared/sites.json", "utf8"));
const patterns = Object.values(registry).flatMap((site) => site.hosts.map((host) => `https://${host}/*`));
manifest.host_permissions = patterns;
for (const entry of [...manifest.content_scripts, ...manifest.web_accessible_resources]) if (!entry.matches?.length) entry.matches = patterns;
const wasm = "build/wasm/bedside_wasm_bg.wasm";
const model = "crates/core/data/model.bin";
// Issue 15: the audit page's archive reader, loaded by that page's worker only (beside the core).
const auditWasm = "build/wasm/bedside_audit_wasm_bg.wasm";
for (const w of [wasm, auditWasm]) if (!existsSync(w)) throw new Error(`${w} is missing: run scripts/build-wasm.sh first`);
if (!existsSync(model)) throw new Error(`${model} is missing: run \`cargo run --release -p bedside-cli -- train\` from the repository root`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: "chrome120",
  legalComments: "none",
  logLevel: "warning",
  // wasm-bindgen's glue defaults to import.meta.url; we always pass the URL explicitly.
  define: { "import.meta.url": '""', BEDSIDE_TEST_FAULTS: String(testFaults) },
};
// content.css is also imported as text, for shadow roots that hold a box (render/highlights.ts).
await build({ ...common, entryPoints: { content: "extension/content/index.ts" }, outdir: dist, format: "iife", loader: { ".css": "text" } });
await build({ ...common, entryPoints: { background: "extension/background/index.ts" }, outdir: dist, format: "esm" });
await build({
  ...common,
  entryPoints: {
    "popup/popup": "extension/popup/popup.ts",
    "options/options": "extension/options/options.ts",
    "audit/audit": "extension/audit/audit.ts",
  },
  outdir: dist,
  format: "esm",
});

// Issue 15: the audit page's worker (a classic worker: FileReaderSync, the archive reader and the core).
await build({ ...common, entryPoints: { "audit/worker": "extension/audit/worker.ts" }, outdir: dist, format: "iife" });

// Issue 7: the offscreen document that hosts OCR (recognize.js is a chunk of its own,
// also loaded on its own by Firefox's background page). Not referenced by content.js
// or background.js: the tesseract files load only when an image is attached.
await build({
  ...common,
  entryPoints: { offscreen: "extension/offscreen/offscreen.ts", recognize: "extension/offscreen/recognize.ts" },
  outdir: `${dist}/offscreen`,
  format: "esm",
  splitting: true,
});

// tesseract.js's worker, one core (WebAssembly SIMD, LSTM only) and the English data
// (best_int, the data tesseract.js itself uses for the LSTM engine), all from npm.
const OCR_FILES = [
  ["node_modules/tesseract.js/dist/worker.min.js", "ocr/worker.min.js"],
  ["node_modules/tesseract.js-core/tesseract-core-simd-lstm.wasm.js", "ocr/tesseract-core-simd-lstm.wasm.js"],
  ["node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz", "ocr/lang/eng.traineddata.gz"],
];
await build({ ...common, entryPoints: { "guarded-worker": "extension/offscreen/ocr-worker.ts" }, outdir: `${dist}/ocr`, format: "iife" });
for (const [from] of OCR_FILES) if (!existsSync(from)) throw new Error(`${from} is missing: run npm install`);

const copies = [
  ...OCR_FILES,
  ["extension/offscreen/offscreen.html", "offscreen/offscreen.html"],
  ["extension/content/content.css", "content.css"],
  ["extension/popup/popup.html", "popup/popup.html"],
  ["extension/popup/popup.css", "popup/popup.css"],
  ["extension/options/options.html", "options/options.html"],
  ["extension/options/options.css", "options/options.css"],
  ["extension/audit/audit.html", "audit/audit.html"],
  ["extension/audit/audit.css", "audit/audit.css"],
  [auditWasm, "wasm/bedside_audit_wasm_bg.wasm"],
  ["extension/_locales", "_locales"],
  ["extension/icons", "icons"],
  ["extension/data", "data"],
  ["extension/managed_schema.json", "managed_schema.json"],
  [wasm, "wasm/bedside_wasm_bg.wasm"],
  // The core's weights, outside the .wasm (crates/core/src/model: `install`).
  [model, "model/model.bin"],
];
for (const [from, to] of copies) if (existsSync(from)) cpSync(from, `${dist}/${to}`, { recursive: true });
// What the manifest lets the sites load (the core, its model file) must be in the package.
for (const r of manifest.web_accessible_resources.flatMap((w) => w.resources)) {
  if (!existsSync(join(dist, r))) throw new Error(`manifest.json lists ${r} as web-accessible, but the build did not copy it`);
}
// One manifest.json for both browsers (issue 8); each package drops the other's keys.
// Chromium: no gecko settings, and the service worker only (it warns on background.scripts).
const forChromium = structuredClone(manifest);
delete forChromium.browser_specific_settings;
delete forChromium.background.scripts;
writeFileSync(`${dist}/manifest.json`, JSON.stringify(forChromium, null, 2));

const zip = `${dist}/bedside-${manifest.version}.zip`;
zipDir(dist, zip);
// The same package without the OCR files and the offscreen document, for comparison.
const bare = `${dist}/.without-ocr.zip`;
zipDir(dist, bare, ["ocr", "offscreen"]);
const bareBytes = statSync(bare).size;
rmSync(bare);

// Firefox (issue 8): the same files; the background runs as an event page
// (background.scripts), and Chromium-only keys go: offscreen (Firefox's background page
// runs the OCR worker itself, see background/ocr.ts), managed storage's schema (Firefox
// reads policies from a managed storage manifest instead) and minimum_chrome_version.
const distFirefox = join(out, "dist-firefox");
rmSync(distFirefox, { recursive: true, force: true });
cpSync(dist, distFirefox, { recursive: true, filter: (f) => !f.endsWith(".zip") });
const forFirefox = structuredClone(manifest);
delete forFirefox.minimum_chrome_version;
delete forFirefox.background.service_worker;
delete forFirefox.storage;
forFirefox.permissions = forFirefox.permissions.filter((p) => p !== "offscreen");
rmSync(`${distFirefox}/managed_schema.json`, { force: true });
writeFileSync(`${distFirefox}/manifest.json`, JSON.stringify(forFirefox, null, 2));
const zipFirefox = `${distFirefox}/bedside-firefox-${manifest.version}.zip`;
zipDir(distFirefox, zipFirefox);

// The test-fault marker is only in a test build: in any other, its check was compiled out.
for (const dir of [dist, distFirefox]) {
  for (const f of ["content.js", "background.js"]) {
    const found = readFileSync(join(dir, f), "utf8").includes("bedside-test-throw");
    if (found !== testFaults) throw new Error(`${dir}/${f}: the test-fault marker is ${found ? "present in a release" : "missing from a test"} build`);
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const wasmBytes = readFileSync(wasm);
// The core ships inside every install: issue 12 allows 700 KB gzipped (the decision
// layer's weights and the word vectors are the model file beside it). The audit reader keeps 400 KB.
const WASM_BUDGET = 400 * 1024;
const CORE_BUDGET = 700 * 1024;
const wasmGz = gzipSync(wasmBytes, { level: 9 }).length;
// Issue 12: a model file outside the .wasm may take 4 MB gzipped; it is read once when the
// core starts (shared/core.ts).
const MODEL_BUDGET = 4 * 1024 * 1024;
const modelBytes = readFileSync(model);
const modelGz = gzipSync(modelBytes, { level: 9 }).length;
if (modelGz > MODEL_BUDGET) throw new Error(`the model file is ${kb(modelGz)} gzipped, over its ${kb(MODEL_BUDGET)} budget`);
if (wasmGz > CORE_BUDGET) throw new Error(`the .wasm is ${kb(wasmGz)} gzipped, over its ${kb(CORE_BUDGET)} budget`);
console.log(
  `build: dist/ ready. wasm ${kb(wasmBytes.length)} raw, ${kb(wasmGz)} gzipped (budget ${kb(CORE_BUDGET)});` +
    ` model file ${kb(modelBytes.length)} raw, ${kb(modelGz)} gzipped (budget ${kb(MODEL_BUDGET)}); ${zip} ${kb(statSync(zip).size)}`,
);
// The audit page's archive reader loads only there (never in a site's page): same budget.
const auditGz = gzipSync(readFileSync(auditWasm), { level: 9 }).length;
if (auditGz > WASM_BUDGET) throw new Error(`the audit .wasm is ${kb(auditGz)} gzipped, over its ${kb(WASM_BUDGET)} budget`);
console.log(`build: audit page wasm ${kb(statSync(auditWasm).size)} raw, ${kb(auditGz)} gzipped (budget ${kb(WASM_BUDGET)}; the archive reader only: posts are scanned by the core above)`);
const zipBytes = statSync(zip).size;
console.log(
  `build: package with OCR ${kb(zipBytes)}, without OCR ${kb(bareBytes)} (OCR adds ${kb(zipBytes - bareBytes)};` +
    ` the OCR files load only when an image is attached)`,
);
console.log(`build: ${distFirefox}/ ready; ${zipFirefox} ${kb(statSync(zipFirefox).size)}`);
