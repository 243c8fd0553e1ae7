// The JS unit tests: bundles every extension/**/*.test.ts with esbuild into
// build/unit/ and runs them with node's test runner.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";

const tests = readdirSync("extension", { recursive: true })
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => `extension/${f}`);
rmSync("build/unit", { recursive: true, force: true });
await build({
  entryPoints: tests,
  outdir: "build/unit",
  outbase: "extension",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
});
const outputs = tests.map((t) => t.replace(/^extension\//, "build/unit/").replace(/\.ts$/, ".mjs"));
const run = spawnSync(process.execPath, ["--test", ...outputs], { stdio: "inherit" });
process.exit(run.status ?? 1);
