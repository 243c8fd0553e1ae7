// Issue 17: searching a browser profile folder on disk for a held draft's text.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` holding `needle` as UTF-8 or UTF-16LE bytes, as relative paths.
 * The UTF-16 form drops its last (zero) byte, which compression may fold into what follows.
 */
export function filesHolding(dir, needle) {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le').subarray(0, -1)];
  const hits = [];
  for (const rel of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    let st;
    try { st = fs.lstatSync(file); } catch { continue; } // a browser file that came and went
    if (!st.isFile()) continue;
    const bytes = fs.readFileSync(file);
    if (forms.some((f) => bytes.includes(f))) hits.push(rel);
  }
  return hits;
}

/**
 * A word that appears nowhere else, so finding it on disk can only mean the draft. Twelve
 * different capitals in random order: the browsers compress stored values with Snappy,
 * which replaces any 4 bytes seen earlier in the value by a back-reference (2 characters
 * of a UTF-16 string), so the word must repeat no pair of characters, within itself or with
 * the lower-case text around it, to stay findable as plain bytes.
 */
export function uniqueWord() {
  const letters = [...'BCDFGJKLMNPQRSTVWXZ'];
  for (let i = letters.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [letters[i], letters[j]] = [letters[j], letters[i]];
  }
  return letters.slice(0, 12).join('');
}
