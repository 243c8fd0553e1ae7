import assert from "node:assert/strict";
import { test } from "node:test";
import { postKey } from "./dealt";
import { toCsv, toJson, type Row } from "./export";
import { worstFirst, type Item } from "./protocol";

const item = (over: Partial<Item>): Item => ({
  site: "linkedin", kind: "post", id: "1", date: "2023-01-01T00:00:00Z", url: null, text: "t", photos: 0,
  verdict: "hold", findings: [], score: 2_000_000, activity_url: "https://www.linkedin.com/", ...over,
});

test("export: CSV quotes every field and keeps newlines and doubled quotes; JSON lists the posts", () => {
  const text = 'Line one "Ward 9",\nline two, Zoë 👩‍⚕️';
  const rows: Row[] = [{ ...item({ text, url: "https://x.com/a/status/1" }), dealtWith: true }];
  rows[0].findings = [{ category: "phi.room", severity: "high", start: 0, end: 4, text: "Line", message: "m" }];
  assert.equal(
    toCsv(rows),
    'site,kind,id,date,url,verdict,categories,dealt_with,text\r\n' +
      '"linkedin","post","1","2023-01-01T00:00:00Z","https://x.com/a/status/1","hold","phi.room","yes","Line one ""Ward 9"",\nline two, Zoë 👩‍⚕️"\r\n',
  );
  const doc = JSON.parse(toJson(rows));
  assert.equal(doc.format, "bedside-audit");
  assert.equal(doc.posts[0].text, text);
  assert.equal(doc.posts[0].dealt_with, true);
});

test("worst first, then newer first", () => {
  const a = item({ score: 2_000_000, date: "2019-01-01T00:00:00Z", id: "a" });
  const b = item({ score: 1_000_100, date: "2024-01-01T00:00:00Z", id: "b" });
  const c = item({ score: 2_000_000, date: "2022-01-01T00:00:00Z", id: "c" });
  assert.deepEqual([a, b, c].sort(worstFirst).map((i) => i.id), ["c", "a", "b"]);
});

test("dealt-with keys: a stable hash of the post, not its text", async () => {
  const k = await postKey(item({ text: "Mrs Alvarez in room 412" }));
  assert.match(k, /^[0-9a-f]{32}$/);
  assert.equal(k, await postKey(item({ text: "Mrs Alvarez in room 412" })));
  assert.notEqual(k, await postKey(item({ text: "Mrs Alvarez in room 413" })));
  assert.notEqual(k, await postKey(item({ text: "Mrs Alvarez in room 412", id: "2" })));
});
