import assert from "node:assert/strict";
import { test } from "node:test";
import { boundedReason, diagnosticsText } from "./diagnostics";
import { parseSettingsFile } from "./settings-file";

test("diagnostics text: the checker's state, its reason, and the last page failure", () => {
  assert.equal(diagnosticsText({ version: "0.1.0", engine: "working" }), "Bedside 0.1.0\nChecker: working\nLast failure on a page: none since the browser started");
  const text = diagnosticsText({
    version: "0.1.0",
    engine: "off",
    engineError: "CompileError: expected magic word 00 61 73 6d",
    lastFailure: { site: "linkedin", reason: "The checker could not start (x)", at: Date.UTC(2026, 11, 2, 18, 0) },
  });
  assert.match(text, /Checker: off \(CompileError: expected magic word 00 61 73 6d\)/);
  assert.match(text, /Last failure on a page: linkedin, 2026-12-02T18:00:00.000Z: The checker could not start \(x\)/);
});

test("a reported reason is text and bounded", () => {
  assert.equal(boundedReason(undefined), "");
  assert.equal(boundedReason("x".repeat(2000)).length, 500);
});

test("settings files: sharedWorkstation must be true or false", () => {
  const ok = parseSettingsFile(JSON.stringify({ sharedWorkstation: true }));
  assert.ok(ok.ok && ok.settings.sharedWorkstation === true);
  assert.deepEqual(parseSettingsFile(JSON.stringify({ sharedWorkstation: "yes" })), { ok: false, field: "sharedWorkstation", message: "must be true or false" });
});
