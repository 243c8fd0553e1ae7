import assert from "node:assert/strict";
import { test } from "node:test";
import { adapterFor } from "./index";

const key = (init: Partial<KeyboardEvent>) => ({ key: "Enter", shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...init }) as KeyboardEvent;

test("each site's host has its adapter, other hosts none", () => {
  assert.equal(adapterFor("www.linkedin.com")?.site, "linkedin");
  assert.equal(adapterFor("x.com")?.site, "x");
  assert.equal(adapterFor("www.facebook.com")?.site, "facebook");
  assert.equal(adapterFor("www.instagram.com")?.site, "instagram");
  assert.equal(adapterFor("example.com"), undefined);
});

test("keyboard submits: Ctrl/Cmd+Enter on X, plain Enter in comment boxes, Shift+Enter never", () => {
  const x = adapterFor("x.com")!;
  assert.equal(x.submitsOnKey("post", key({ ctrlKey: true })), true);
  assert.equal(x.submitsOnKey("post", key({ metaKey: true })), true);
  assert.equal(x.submitsOnKey("post", key({})), false);
  const fb = adapterFor("www.facebook.com")!;
  assert.equal(fb.submitsOnKey("comment", key({})), true);
  assert.equal(fb.submitsOnKey("comment", key({ shiftKey: true })), false);
  assert.equal(fb.submitsOnKey("composer", key({})), false);
  assert.equal(adapterFor("www.linkedin.com")!.submitsOnKey("share", key({})), false);
  assert.equal(adapterFor("www.instagram.com")!.submitsOnKey("comment", key({ isComposing: true })), false);
});
