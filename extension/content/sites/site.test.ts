import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { REGISTRY_SITES, SITE_IDS, matchPatterns } from "../../shared/sites";
import { ADAPTERS, adapterFor } from "./index";
import { SUBMIT_WORDS, LANGUAGES } from "./labels";

const key = (init: Partial<KeyboardEvent>) => ({ key: "Enter", shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...init }) as KeyboardEvent;

test("every registry host has its site's adapter, other hosts none", () => {
  const hosts = {
    linkedin: ["www.linkedin.com"],
    x: ["x.com", "twitter.com"],
    facebook: ["www.facebook.com", "web.facebook.com", "business.facebook.com", "m.facebook.com", "www.messenger.com"],
    instagram: ["www.instagram.com"],
  };
  for (const [site, list] of Object.entries(hosts)) for (const h of list) assert.equal(adapterFor(h)?.site, site, h);
  assert.equal(adapterFor("example.com"), undefined);
  assert.equal(adapterFor("facebook.com.evil.example"), undefined);
});

test("each adapter's surfaces are its registry's surfaces, and each registry surface has a box", () => {
  for (const id of SITE_IDS) {
    const named = new Set(ADAPTERS[id].surfaces.map((s) => s.name));
    assert.deepEqual([...named].sort(), Object.keys(REGISTRY_SITES[id].surfaces).sort(), id);
  }
});

test("the manifest built from the registry matches every host and nothing else", () => {
  const manifest = JSON.parse(readFileSync("dist/manifest.json", "utf8"));
  const want = matchPatterns().sort();
  assert.deepEqual([...manifest.host_permissions].sort(), want);
  assert.deepEqual([...manifest.content_scripts[0].matches].sort(), want);
  assert.deepEqual([...manifest.web_accessible_resources[0].matches].sort(), want);
});

test("the label table has every language for every verb", () => {
  for (const [verb, langs] of Object.entries(SUBMIT_WORDS)) {
    assert.equal(langs.length, LANGUAGES.length, verb);
    for (const words of langs) assert.ok(words.length > 0 && words.every((w) => w.trim() === w && w !== ""), verb);
  }
});

test("keyboard submits: only where the key posts; Shift+Enter and composing never", () => {
  const x = adapterFor("x.com")!;
  assert.equal(x.submitsOnKey("post", key({ ctrlKey: true })), true);
  assert.equal(x.submitsOnKey("post", key({ metaKey: true })), true);
  assert.equal(x.submitsOnKey("post", key({})), false);
  assert.equal(x.submitsOnKey("dm", key({})), true);
  assert.equal(x.submitsOnKey("dm", key({ shiftKey: true })), false);
  assert.equal(x.submitsOnKey("article", key({ ctrlKey: true })), false);
  const fb = adapterFor("www.facebook.com")!;
  for (const s of ["comment", "reply", "message"]) {
    assert.equal(fb.submitsOnKey(s, key({})), true, s);
    assert.equal(fb.submitsOnKey(s, key({ shiftKey: true })), false, s);
  }
  assert.equal(fb.submitsOnKey("composer", key({})), false);
  const li = adapterFor("www.linkedin.com")!;
  // LinkedIn comments: Enter is a newline (and picks @mentions); holding it would be a false hold.
  for (const s of ["share", "comment", "comment-old", "article", "headline"]) assert.equal(li.submitsOnKey(s, key({})), false, s);
  assert.equal(li.submitsOnKey("message", key({})), true);
  const ig = adapterFor("www.instagram.com")!;
  assert.equal(ig.submitsOnKey("comment", key({ isComposing: true })), false);
  assert.equal(ig.submitsOnKey("comment", key({})), true);
  assert.equal(ig.submitsOnKey("dm", key({})), true);
  assert.equal(ig.submitsOnKey("caption", key({})), false);
});
