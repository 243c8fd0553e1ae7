// Issue 17: the privacy papers agree with the code. Every permission in manifest.json is
// named and justified in docs/privacy.md (and in the Chrome Web Store justifications);
// the page-observable names in docs/threat-model.md are exactly those the content script
// registers, read from its source; the manifest's data_collection_permissions are the
// ones the store disclosures declare.
// Run: node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => fs.readFileSync(path.join(REPO, f), 'utf8');
// The shipped manifest: the build fills host_permissions and every "matches" from the site
// registry (extension/shared/sites.json), so the source manifest.json leaves them empty.
const built = path.join(REPO, 'dist/manifest.json');
assert.ok(fs.existsSync(built), 'dist/manifest.json is missing: run `make build` first');
const shipped = JSON.parse(fs.readFileSync(built, 'utf8'));
const manifest = JSON.parse(read('manifest.json'));
const sorted = (xs) => [...new Set(xs)].sort();

/** The rows of the markdown table under `heading` (up to the next heading of that level or higher), as cell arrays. */
function tableUnder(doc, heading) {
  const lines = doc.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  assert.ok(at >= 0, `no "${heading}" section`);
  const level = heading.match(/^#+/)[0].length;
  const rows = [];
  for (const line of lines.slice(at + 1)) {
    const h = line.match(/^(#+) /);
    if (h && h[1].length <= level) break;
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(1); // without the header row
}
const code = (cell) => cell.match(/^`([^`]+)`$/)?.[1];

// --- permissions -------------------------------------------------------------------------

const permissions = sorted([...(shipped.permissions ?? []), ...(shipped.host_permissions ?? []), ...(shipped.optional_permissions ?? []), ...(shipped.optional_host_permissions ?? [])]);

function justified(doc, heading) {
  const rows = tableUnder(doc, heading);
  for (const [name, why] of rows) assert.ok(code(name) && (why ?? '').length >= 30, `"${name}" needs a justification of a sentence: "${why}"`);
  return sorted(rows.map(([name]) => code(name)));
}

test('every permission in manifest.json is named and justified in docs/privacy.md, and no other', () => {
  assert.ok(permissions.length > 0);
  assert.deepEqual(justified(read('docs/privacy.md'), '## Permissions and why each is needed'), permissions);
});

test('the Chrome Web Store justifications name the same permissions', () => {
  assert.deepEqual(justified(read('docs/store/chrome-web-store.md'), '### Permission justifications'), permissions);
});

// --- data collection ---------------------------------------------------------------------

test("the manifest's data_collection_permissions are the ones the Firefox listing declares", () => {
  const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions;
  assert.ok(declared, 'manifest.json declares gecko.data_collection_permissions');
  const doc = read('docs/store/firefox-addons.md');
  const section = doc.slice(doc.indexOf('## Data collection and transmission'));
  const block = section.match(/```json\n([\s\S]*?)```/);
  assert.ok(block, 'the Firefox listing quotes its data collection as a json block');
  assert.deepEqual(JSON.parse(block[1]), declared);
});

test('the Chrome data-use answers agree with the manifest: nothing collected iff required is ["none"]', () => {
  const declared = manifest.browser_specific_settings.gecko.data_collection_permissions;
  const none = JSON.stringify(declared.required) === '["none"]' && !(declared.optional ?? []).length;
  const rows = tableUnder(read('docs/store/chrome-web-store.md'), '### Data usage');
  const CATEGORIES = [
    'Personally identifiable information', 'Health information', 'Financial and payment information', 'Authentication information',
    'Personal communications', 'Location', 'Web history', 'User activity', 'Website content',
  ];
  assert.deepEqual(rows.map(([c]) => c).sort(), [...CATEGORIES].sort(), "every one of the store's data types is answered");
  for (const [category, answer] of rows) assert.match(answer, /^(Yes|No)$/, category);
  assert.equal(rows.every(([, a]) => a === 'No'), none, 'collected nothing in the store form exactly when the manifest says "none"');
  assert.match(read('docs/privacy.md'), /Nothing is sent to the\s+makers of Bedside/);
});

// --- page-observable names ---------------------------------------------------------------

const contentFiles = fs.readdirSync(path.join(REPO, 'extension/content'), { recursive: true })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => `extension/content/${f}`);
const contentSource = contentFiles.map(read).join('\n');
const all = (re, text = contentSource) => [...text.matchAll(re)].map((m) => m[1]);
const kebab = (camel) => `data-${camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** What the content script registers in the page, read from its source. */
function registered() {
  const elements = [
    ...all(/shadowHost\(\s*["']([^"']+)["']/g),
    ...all(/createElement\(\s*["']([a-z][a-z0-9]*-[a-z0-9-]+)["']/g),
    ...all(/customElements\.define\(\s*["']([^"']+)["']/g),
  ];
  const attributes = [
    ...all(/["'](data-[a-z0-9-]+)["']\s*:/g), // h("button", { "data-action": ... })
    ...all(/setAttribute\(\s*["'](data-[a-z0-9-]+)["']/g),
    ...all(/\.dataset\.([a-zA-Z]+)\s*(?:=(?!=)|\?\?=)/g).map(kebab), // writes, not reads
  ];
  const actions = [...all(/["']data-action["']\s*:\s*["']([^"']+)["']/g), ...all(/dataset\.action\s*=\s*["']([^"']+)["']/g)];
  const highlightsTs = read('extension/content/render/highlights.ts');
  const names = highlightsTs.match(/const NAMES[^{]*\{([^}]*)\}/);
  assert.ok(names, 'highlights.ts keeps its highlight names in NAMES');
  const highlights = [...all(/:\s*["']([^"']+)["']/g, names[1]), ...all(/CSS\.highlights\.set\(\s*["']([^"']+)["']/g)];
  // Every registered highlight is styled, and every styled one registered.
  assert.deepEqual(sorted(all(/::highlight\(([^)]+)\)/g, read('extension/content/content.css'))), sorted(highlights));
  const resources = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources);
  return { element: sorted(elements), attribute: sorted(attributes), action: sorted(actions), highlight: sorted(highlights), resource: sorted(resources) };
}

test('the source scan finds the names it should (a scan that finds nothing would pass anything)', () => {
  const r = registered();
  assert.ok(r.element.includes('bedside-badge') && r.element.includes('bedside-dialog'), r.element.join());
  assert.ok(r.attribute.includes('data-count') && r.attribute.includes('data-action'), r.attribute.join());
  assert.ok(r.action.includes('post'), r.action.join());
  assert.ok(r.highlight.includes('bedside-high'), r.highlight.join());
});

test('docs/threat-model.md lists exactly the page-observable names the extension registers', () => {
  const rows = tableUnder(read('docs/threat-model.md'), '## What a page can observe');
  const listed = { element: [], attribute: [], action: [], highlight: [], resource: [] };
  for (const [kind, name, what] of rows) {
    assert.ok(kind in listed, `unknown kind "${kind}"`);
    assert.ok(code(name), `name in backticks: ${name}`);
    assert.ok((what ?? '').length > 5, `say what ${name} tells the page`);
    listed[kind].push(code(name));
  }
  const r = registered();
  for (const kind of Object.keys(listed)) {
    assert.deepEqual(sorted(listed[kind]), r[kind], `${kind}s: the threat model lists [${sorted(listed[kind])}], the source registers [${r[kind]}]`);
  }
});
