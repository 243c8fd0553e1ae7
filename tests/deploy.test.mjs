// Issue 16: every JSON example in docs/deploy.md is read and the Bedside settings in it are
// validated against extension/managed_schema.json with ajv (a real JSON-schema validator).
// Unknown keys are refused too: Chromium drops them without a word, so a misspelt key in an
// example would silently do nothing. Each example's detectors must also compile in the core
// (`bedside check --detectors`). The .reg example's values are read back the same way.
// Run: node --test tests/deploy.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';

const REPO = path.resolve(import.meta.dirname, '..');
const doc = fs.readFileSync(path.join(REPO, 'docs/deploy.md'), 'utf8');
const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'extension/managed_schema.json'), 'utf8'));
const FIREFOX_ID = JSON.parse(fs.readFileSync(path.join(REPO, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

/** The schema with additionalProperties: false on every object. */
function closed(s) {
  if (Array.isArray(s)) return s.map(closed);
  if (typeof s !== 'object' || s === null) return s;
  const out = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, closed(v)]));
  if (s.type === 'object' && s.properties && !('additionalProperties' in s)) out.additionalProperties = false;
  return out;
}
const validate = new Ajv({ allErrors: true, strict: true }).compile(closed(schema));

const blocks = (lang) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

/** The Bedside settings an example carries, by where the example puts them. */
function settingsIn(example) {
  const found = [];
  for (const [id, cfg] of Object.entries(example['3rdparty']?.extensions ?? {})) found.push([`3rdparty.extensions.${id}`, cfg]);
  for (const [id, cfg] of Object.entries(example.policies?.['3rdparty']?.Extensions ?? {})) {
    assert.equal(id, FIREFOX_ID, 'the Firefox example names the real add-on id');
    found.push([`policies.3rdparty.Extensions.${id}`, cfg]);
  }
  const values = Object.values(example);
  if (values.length && values.every((v) => v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).join() === 'Value')) {
    found.push(['Admin console', Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v.Value]))]);
  }
  if (!found.length && Object.keys(example).every((k) => k in schema.properties)) found.push(['settings', example]);
  return found;
}

/** The core compiles every detector (exit 0 on a clean post; 5 if a detector is unusable). */
function compilesInCore(cfg) {
  if (!cfg.detectors) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bedside-deploy-'));
  try {
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(file, JSON.stringify(cfg));
    execFileSync('cargo', ['run', '-q', '--release', '-p', 'bedside-cli', '--', 'check', '--detectors', file, '-'],
      { cwd: REPO, input: 'Flu shots in the lobby today.', stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    assert.fail(`detectors do not compile: ${error.stderr}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('every JSON example in docs/deploy.md parses and its Bedside settings validate against the schema', () => {
  const json = blocks('json');
  assert.ok(json.length >= 5, `found ${json.length} JSON examples`);
  let settings = 0;
  for (const [i, text] of json.entries()) {
    let example;
    assert.doesNotThrow(() => (example = JSON.parse(text)), `JSON example ${i + 1} parses`);
    const found = settingsIn(example);
    // Examples without Bedside settings are browser policies only (private windows).
    if (!found.length) {
      assert.ok(Object.keys(example).every((k) => /Availability$/.test(k)), `example ${i + 1} is Bedside settings or a known browser policy: ${Object.keys(example)}`);
      continue;
    }
    for (const [where, cfg] of found) {
      assert.ok(validate(cfg), `example ${i + 1} (${where}): ${JSON.stringify(validate.errors, null, 1)}`);
      compilesInCore(cfg);
      settings++;
    }
  }
  assert.ok(settings >= 4, `${settings} settings examples validated`);
});

test('the .reg example holds the same settings, and they validate', () => {
  const [reg] = blocks('reg');
  assert.ok(reg, 'a .reg example');
  const section = reg.split(/^\[/m).find((s) => s.includes('\\3rdparty\\extensions\\'));
  assert.ok(section, 'a 3rdparty key');
  const cfg = {};
  for (const line of section.split('\n').slice(1)) {
    const m = line.match(/^"([^"]+)"=(?:dword:([0-9a-f]{8})|"(.*)")$/);
    if (!m) continue;
    const [, key, dword, sz] = m;
    const type = schema.properties[key]?.type;
    assert.ok(type, `${key} is a schema key`);
    if (dword) cfg[key] = type === 'boolean' ? parseInt(dword, 16) === 1 : parseInt(dword, 16);
    else {
      const value = sz.replace(/\\(["\\])/g, '$1'); // .reg string escapes
      cfg[key] = type === 'array' || type === 'object' ? JSON.parse(value) : value;
    }
  }
  assert.ok(Object.keys(cfg).length >= 5, Object.keys(cfg).join());
  assert.ok(validate(cfg), JSON.stringify(validate.errors, null, 1));
  assert.equal(cfg.detectors[0].pattern, '\\b[A-Z]{2}\\d{7}\\b');
  compilesInCore(cfg);
});

test('every key of the schema has a title and a description', () => {
  const walk = (props, at) => {
    for (const [k, v] of Object.entries(props)) {
      assert.ok(v.title, `${at}${k} has a title`);
      assert.ok(v.description || v.enum, `${at}${k} has a description`);
      if (v.properties) walk(v.properties, `${at}${k}.`);
      if (v.items?.properties) walk(v.items.properties, `${at}${k}[].`);
    }
  };
  walk(schema.properties, '');
});
