import { test } from "node:test";
import assert from "node:assert/strict";
import { coversText } from "./whole";

test("a finding over the whole text, white space aside, covers it; a phrase does not", () => {
  const text = "  My patient in room 12 coded twice.\n";
  assert.equal(coversText({ start: 2, end: 36 }, text), true);
  assert.equal(coversText({ start: 0, end: text.length }, text), true);
  assert.equal(coversText({ start: 2, end: 23 }, text), false, "a phrase at the start");
  assert.equal(coversText({ start: 15, end: 36 }, text), false, "a phrase at the end");
  assert.equal(coversText({ start: 0, end: 0 }, "   "), false, "blank text has nothing to cover");
});
