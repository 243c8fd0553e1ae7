// Assembles the loadable extension in dist/ from manifest.json, extension/ and the
// wasm package in build/wasm/ (scripts/build-wasm.sh), then zips it and prints sizes.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// Deterministic zip of dist/ (sorted, fixed timestamps) without the zip itself.
const ZIP = `
import os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            if f.endswith(".zip"): continue
            info = zipfile.ZipInfo(os.path.relpath(p, root), (2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, open(p, "rb").read())
`;

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
const dist = "dist";
const wasm = "build/wasm/bedside_wasm_bg.wasm";
if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run scripts/build-wasm.sh first`);

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
  define: { "import.meta.url": '""' },
};
await build({ ...common, entryPoints: { content: "extension/content/index.ts" }, outdir: dist, format: "iife" });
await build({ ...common, entryPoints: { background: "extension/background/index.ts" }, outdir: dist, format: "esm" });
await build({
  ...common,
  entryPoints: { "popup/popup": "extension/popup/popup.ts", "options/options": "extension/options/options.ts" },
  outdir: dist,
  format: "esm",
});

const copies = [
  ["extension/content/content.css", "content.css"],
  ["extension/popup/popup.html", "popup/popup.html"],
  ["extension/popup/popup.css", "popup/popup.css"],
  ["extension/options/options.html", "options/options.html"],
  ["extension/options/options.css", "options/options.css"],
  ["extension/_locales", "_locales"],
  ["extension/icons", "icons"],
  ["extension/data", "data"],
  ["extension/managed_schema.json", "managed_schema.json"],
  [wasm, "wasm/bedside_wasm_bg.wasm"],
];
for (const [from, to] of copies) if (existsSync(from)) cpSync(from, `${dist}/${to}`, { recursive: true });
writeFileSync(`${dist}/manifest.json`, JSON.stringify(manifest, null, 2));

const zip = `${dist}/bedside-${manifest.version}.zip`;
execFileSync("python3", ["-c", ZIP, dist, zip]);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const wasmBytes = readFileSync(wasm);
// The core ships inside every install: its budget is 400 KB gzipped.
const WASM_BUDGET = 400 * 1024;
const wasmGz = gzipSync(wasmBytes, { level: 9 }).length;
if (wasmGz > WASM_BUDGET) throw new Error(`the .wasm is ${kb(wasmGz)} gzipped, over its ${kb(WASM_BUDGET)} budget`);
console.log(
  `build: dist/ ready. wasm ${kb(wasmBytes.length)} raw, ${kb(wasmGz)} gzipped (budget ${kb(WASM_BUDGET)});` +
    ` ${zip} ${kb(statSync(zip).size)}`,
);
