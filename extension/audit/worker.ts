// The audit page's worker: reads the picked archive through bedside-archive
// (build/wasm/bedside_audit_wasm) and scans each post with the composer's own core
// (build/wasm/bedside_wasm), posting progress and the risky posts to the page. Files are
// read with FileReaderSync, a slice at a time, so a zip's photos are never read. Nothing is
// fetched but the extension's own .wasm and model files.
//
// The page keeps its main thread for drawing: the worker compiles its modules as soon as it
// starts (before a file is picked), and sends at most one progress message per PROGRESS_MS,
// and none until the page has taken the last one (an "ack"), merging what it read meanwhile.
import initArchive, { Audit, score } from "../../build/wasm/bedside_audit_wasm.js";
import { Scanner } from "../../build/wasm/bedside_wasm.js";
import { initCore, MODEL_FILE } from "../shared/core";
import type { Report } from "../shared/report";
import { postKey } from "./dealt";
import { worstFirst, type Counts, type FromWorker, type Item, type Keyed, type RecordError, type Start, type ToWorker } from "./protocol";

/** Posts scanned between two looks at the page's acks. */
const CHUNK = 500;
/** At most this often a progress message: a live bar, a few small messages a second. */
const PROGRESS_MS = 150;

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

/** A file of the package, from the worker's own folder (audit/). */
const packaged = (path: string) => new URL(`../${path}`, location.href);
// Compiled while the user picks a file, not while the page draws the progress.
const ready = Promise.all([
  initArchive({ module_or_path: packaged("wasm/bedside_audit_wasm_bg.wasm") }),
  initCore(packaged("wasm/bedside_wasm_bg.wasm"), packaged(MODEL_FILE)),
]);
ready.catch(() => {}); // a failure is reported by run(), once a file is picked

let acked = true;

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  if (e.data.type === "ack") {
    acked = true;
    return;
  }
  try {
    await run(e.data);
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};

/** Lets the worker's queued messages (the page's acks) run. */
const nextTask = () => new Promise<void>((resolve) => {
  const c = new MessageChannel();
  c.port1.onmessage = () => resolve();
  c.port2.postMessage(null);
});

async function run(start: Start) {
  const t0 = performance.now();
  await ready;
  const scanner = new Scanner(start.config ?? undefined);
  const VERDICT = { clean: 0, review: 1, hold: 2 } as const;
  const scan = (post: Omit<Item, "verdict" | "findings" | "score">): Item => {
    const report = scanner.scan(post.text) as Report;
    const n = (s: string) => report.findings.filter((f) => f.severity === s).length;
    return { ...post, ...report, score: score(VERDICT[report.verdict], n("high"), n("medium"), n("low")) };
  };
  const reader = new FileReaderSync();
  const read = (i: number, offset: number, length: number) =>
    new Uint8Array(reader.readAsArrayBuffer(start.files[i].file.slice(offset, offset + length)));
  const audit = new Audit(
    start.name,
    start.files.map((f) => f.path),
    new Float64Array(start.files.map((f) => f.file.size)),
    read,
    start.includeMessages,
  );
  const files = audit.files() as { path: string; site: Item["site"] }[];
  post({ type: "opened", files, errors: audit.open_errors() as RecordError[] });
  const counts: Counts = {};
  let posts = 0;
  let filesRead = 0;
  // What the page has not been sent yet.
  let items: Keyed[] = [];
  let errors: RecordError[] = [];
  let sentAt = -Infinity;
  // Every risky post sent, in order, for the final ranking; and the filters' values.
  const sent: { score: number; date: string }[] = [];
  const facets = { site: new Set<string>(), kind: new Set<string>(), category: new Set<string>(), year: new Set<string>() };
  // Posts scanned in the file being read, of how many: the bar moves within a file too.
  let inFile = 0;
  let ofFile = 0;
  const flush = (force: boolean) => {
    if (!force && (!acked || performance.now() - sentAt < PROGRESS_MS)) return;
    acked = false;
    sentAt = performance.now();
    post({ type: "progress", filesRead, fileShare: inFile / Math.max(1, ofFile), files: files.length, posts, counts, items, errors });
    items = [];
    errors = [];
  };
  for (let i = 0; i < files.length; i++) {
    const file = audit.read(i) as { posts: number; errors: RecordError[] };
    errors.push(...file.errors);
    [inFile, ofFile] = [0, file.posts];
    for (;;) {
      const chunk = (audit.next(CHUNK) as Omit<Item, "verdict" | "findings" | "score">[]).map(scan);
      posts += chunk.length;
      inFile += chunk.length;
      for (const item of chunk) {
        const c = (counts[`${item.site}/${item.kind}`] ??= { posts: 0, hold: 0, review: 0, photos: 0 });
        c.posts++;
        if (item.verdict === "hold") c.hold++;
        if (item.verdict === "review") c.review++;
        if (item.photos) c.photos++;
      }
      // The page keys "dealt with" by a hash of the post: made here, off the main thread.
      const risky = await Promise.all(chunk.filter((item) => item.verdict !== "clean").map(async (item) => ({ ...item, key: await postKey(item) })));
      for (const item of risky) {
        items.push(item);
        sent.push({ score: item.score, date: item.date });
        facets.site.add(item.site);
        facets.kind.add(item.kind);
        facets.year.add(item.date.slice(0, 4));
        for (const f of item.findings) facets.category.add(f.category);
      }
      if (chunk.length < CHUNK) break;
      await nextTask();
      flush(false);
    }
    filesRead = i + 1;
    inFile = 0;
    await nextTask();
    flush(false);
  }
  audit.free();
  scanner.free();
  flush(true);
  const order = sent.map((_, i) => i).sort((a, b) => worstFirst(sent[a], sent[b]));
  const sorted = (set: Set<string>) => [...set].sort();
  post({
    type: "done", posts, seconds: (performance.now() - t0) / 1000, order,
    facets: { site: sorted(facets.site), kind: sorted(facets.kind), category: sorted(facets.category), year: sorted(facets.year).reverse() },
  });
}
