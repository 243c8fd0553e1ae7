import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPolicy } from "./policy";
import { effective } from "./settings";

const mrn = { id: "mrn", label: "St. Luke's medical record number", pattern: "\\b[A-Z]{2}\\d{7}\\b", category: "phi.mrn", severity: "high" };

test("a policy key of the wrong shape is left out and named; the rest applies", () => {
  const { policy, problems } = checkPolicy({
    organisationName: "St. Luke's Health",
    sensitivity: "extreme",
    requireHold: true,
    colour: "blue",
    detectors: [mrn, { id: "nopattern", label: "No pattern" }, { ...mrn, severity: "severe", id: "sev" }, mrn],
  });
  assert.deepEqual(policy.organisationName, "St. Luke's Health");
  assert.equal(policy.requireHold, true);
  assert.equal("sensitivity" in policy, false);
  assert.deepEqual(policy.detectors?.map((d) => d.id), ["mrn"]);
  assert.deepEqual(problems.map((p) => p.field), ["sensitivity", "colour", "detectors[1].pattern", "detectors[2].severity", "detectors[3].id"]);
  assert.match(problems[0].message, /strict/);
  // Bedside keeps working on the user's value for the key it could not use.
  const e = effective({ sensitivity: "relaxed" }, policy, problems);
  assert.equal(e.settings.sensitivity, "relaxed");
  assert.equal(e.problems.length, 5);
  assert.ok(e.locked.includes("detectors") && !e.locked.includes("sensitivity"));
});

test("the policy's detectors come before the user's own; an id the policy uses wins", () => {
  const own = { id: "mrn", label: "mine", pattern: "x" };
  const extra = { id: "badge", label: "Badge", pattern: "\\bB\\d{5}\\b" };
  const e = effective({ detectors: [own, extra] }, { detectors: [mrn as never] });
  assert.deepEqual(e.settings.detectors.map((d) => d.label), [mrn.label, "Badge"]);
});

test("a policy that is not an object is reported, and nothing of it applies", () => {
  const { policy, problems } = checkPolicy("not a policy");
  assert.deepEqual(policy, {});
  assert.equal(problems[0].field, "(policy)");
});
