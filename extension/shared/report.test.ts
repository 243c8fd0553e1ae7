import assert from "node:assert/strict";
import { test } from "node:test";
import { verdictOf, type Finding, type Severity } from "./report";

const finding = (severity: Severity): Finding => ({ category: "phi.room", severity, start: 0, end: 1, text: "x", message: "m" });

test("verdict: any high holds, any medium reviews, else clean", () => {
  assert.equal(verdictOf([]), "clean");
  assert.equal(verdictOf([finding("low")]), "clean");
  assert.equal(verdictOf([finding("low"), finding("medium")]), "review");
  assert.equal(verdictOf([finding("medium"), finding("high"), finding("low")]), "hold");
});
