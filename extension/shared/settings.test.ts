import assert from "node:assert/strict";
import { test } from "node:test";
import { coreConfig, DEFAULT_SETTINGS, duringWorkHours, effective } from "./settings";

const hours = { enabled: true, start: "07:00", end: "19:00", days: [1, 2, 3, 4, 5] };
const at = (iso: string) => new Date(iso); // local time, no zone suffix

test("work hours: inside on a working day, outside before, after and at weekends", () => {
  assert.equal(duringWorkHours(hours, at("2026-11-23T07:00:00")), true); // Monday
  assert.equal(duringWorkHours(hours, at("2026-11-23T18:59:00")), true);
  assert.equal(duringWorkHours(hours, at("2026-11-23T19:00:00")), false);
  assert.equal(duringWorkHours(hours, at("2026-11-23T06:59:00")), false);
  assert.equal(duringWorkHours(hours, at("2026-11-22T12:00:00")), false); // Sunday
});

test("work hours: a night shift wraps past midnight", () => {
  const nights = { enabled: true, start: "19:00", end: "07:00", days: [0, 1, 2, 3, 4, 5, 6] };
  assert.equal(duringWorkHours(nights, at("2026-11-23T23:30:00")), true);
  assert.equal(duringWorkHours(nights, at("2026-11-23T03:00:00")), true);
  assert.equal(duringWorkHours(nights, at("2026-11-23T12:00:00")), false);
});

test("work hours: switched off never counts", () => {
  assert.equal(duringWorkHours({ ...hours, enabled: false }, at("2026-11-23T10:00:00")), false);
});

test("coreConfig passes the core's fields and computes duringWorkHours", () => {
  const settings = { ...DEFAULT_SETTINGS, workHours: hours, customTerms: [{ term: "Ward 7B", severity: "high" as const }] };
  const config = coreConfig(settings, at("2026-11-23T10:00:00"));
  assert.deepEqual(config.customTerms, [{ term: "Ward 7B", severity: "high" }]);
  assert.equal(config.duringWorkHours, true);
  assert.equal(config.sensitivity, "balanced");
  assert.equal(coreConfig(settings, at("2026-11-22T10:00:00")).duringWorkHours, false);
});

test("sharedWorkstation: off by default, set by the user, and the policy's value wins and is locked", () => {
  assert.equal(DEFAULT_SETTINGS.sharedWorkstation, false);
  assert.equal(effective({ sharedWorkstation: true }, {}).settings.sharedWorkstation, true);
  const byPolicy = effective({ sharedWorkstation: false }, { sharedWorkstation: true });
  assert.equal(byPolicy.settings.sharedWorkstation, true);
  assert.ok(byPolicy.locked.includes("sharedWorkstation"));
});
