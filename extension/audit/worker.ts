// The audit page's worker: reads the picked archive through bedside-archive and scans each
// post with the core (both in build/wasm/bedside_audit_wasm), posting progress and the
// risky posts in chunks. Files are read with FileReaderSync, a slice at a time, so a zip's
// photos are never read. Nothing is fetched but the extension's own .wasm.
import init, { Audit } from "../../build/wasm/bedside_audit_wasm.js";
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
  await init({ module_or_path: new URL("../wasm/bedside_audit_wasm_bg.wasm", location.href) });
  const reader = new FileReaderSync();
  const read = (i: number, offset: number, length: number) =>
    new Uint8Array(reader.readAsArrayBuffer(start.files[i].file.slice(offset, offset + length)));
  const audit = new Audit(
    start.name,
    start.files.map((f) => f.path),
    new Float64Array(start.files.map((f) => f.file.size)),
    read,
    start.includeMessages,
    start.config ?? undefined,
  );
  const files = audit.files() as { path: string; site: Item["site"] }[];
  post({ type: "opened", files, errors: audit.open_errors() as RecordError[] });
  const counts: Counts = {};
  let posts = 0;
  for (let i = 0; i < files.length; i++) {
    let { errors } = audit.read(i) as { posts: number; errors: RecordError[] };
    for (;;) {
      const chunk = audit.scan(CHUNK) as Item[];
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
  post({ type: "done", posts, seconds: (performance.now() - t0) / 1000 });
}
