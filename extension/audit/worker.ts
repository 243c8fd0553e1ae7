// The audit page's worker: reads the picked archive through bedside-archive
// (build/wasm/bedside_audit_wasm) and scans each post with the composer's own core
// (build/wasm/bedside_wasm), posting progress and the risky posts in chunks. Files are read
// with FileReaderSync, a slice at a time, so a zip's photos are never read. Nothing is
// fetched but the extension's own .wasm files.
import initArchive, { Audit, score } from "../../build/wasm/bedside_audit_wasm.js";
import initCore, { Scanner } from "../../build/wasm/bedside_wasm.js";
import type { Report } from "../shared/report";
import { postKey } from "./dealt";
import type { Counts, FromWorker, Item, RecordError, Start } from "./protocol";

/** Posts scanned between two progress messages: small enough for a live bar. */
const CHUNK = 500;

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<Start>) => {
  try {
    await run(e.data);
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};

async function run(start: Start) {
  const t0 = performance.now();
  const wasm = (name: string) => ({ module_or_path: new URL(`../wasm/${name}`, location.href) });
  await Promise.all([initArchive(wasm("bedside_audit_wasm_bg.wasm")), initCore(wasm("bedside_wasm_bg.wasm"))]);
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
  for (let i = 0; i < files.length; i++) {
    let { errors } = audit.read(i) as { posts: number; errors: RecordError[] };
    for (;;) {
      const chunk = (audit.next(CHUNK) as Omit<Item, "verdict" | "findings" | "score">[]).map(scan);
      posts += chunk.length;
      for (const item of chunk) {
        const c = (counts[`${item.site}/${item.kind}`] ??= { posts: 0, hold: 0, review: 0, photos: 0 });
        c.posts++;
        if (item.verdict === "hold") c.hold++;
        if (item.verdict === "review") c.review++;
        if (item.photos) c.photos++;
      }
      const done = chunk.length < CHUNK;
      // The page keys "dealt with" by a hash of the post: made here, off the main thread.
      const items = await Promise.all(chunk.filter((item) => item.verdict !== "clean").map(async (item) => ({ ...item, key: await postKey(item) })));
      post({ type: "progress", filesRead: done ? i + 1 : i, files: files.length, posts, counts, items, errors });
      errors = [];
      if (done) break;
    }
  }
  audit.free();
  scanner.free();
  post({ type: "done", posts, seconds: (performance.now() - t0) / 1000 });
}
