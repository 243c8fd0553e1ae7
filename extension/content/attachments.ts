// Photos and videos attached to a post (issue 7). Detects attachments without
// touching the site's upload: `change` on file inputs (capture phase on window),
// images pasted or dropped into a watched box, and the preview thumbnails the site
// inserts near a composer (MutationObserver). Each attachment raises a `phi.photo`
// finding on its box's checker; an image's text is read on the device (OCR in an
// extension context, see background/ocr.ts) and scanned by the same core, and what it
// finds is listed as "In the photo: ...". The tesseract files load only once something
// is attached: this file holds no OCR code.
import { ask } from "../shared/messages";
import type { Finding, Severity } from "../shared/report";
import type { Checker } from "./checker";
import type { Watcher } from "./watcher";

/** A finding about an attachment: `start`/`end` mean nothing (not in the box's text). */
export interface PhotoFinding extends Finding {
  photo: { key: string; n: number; name: string; kind: "image" | "video" };
}

export const isPhoto = (f: Finding): f is PhotoFinding => "photo" in f && !!(f as PhotoFinding).photo;

/** The photo checklist: anything shown here keeps the post held. */
export const CHECKLIST = [
  ["patient", "A patient, or any part of one"],
  ["record", "A record, chart or label"],
  ["screen", "A screen or monitor"],
  ["whiteboard", "A whiteboard"],
  ["wristband", "A wristband"],
  ["place", "A room or place a patient could be recognized from"],
] as const;

/** "none" (none of these), the items answered yes, or unanswered. */
export type PhotoAnswer = "none" | string[] | undefined;

export interface Attachment {
  key: string;
  n: number;
  name: string;
  kind: "image" | "video";
  previews: Set<Element>;
  ocr: "reading" | "done" | "failed" | "skipped";
  /** The core's findings in the image's text. */
  found: Finding[];
  answer: PhotoAnswer;
}

const state = new WeakMap<Checker, { list: Attachment[]; count: number; pending: Map<string, Promise<void>> }>();
const of = (c: Checker) => {
  let s = state.get(c);
  if (!s) state.set(c, (s = { list: [], count: 0, pending: new Map() }));
  return s;
};

/** The attachments of a box, in the order attached. */
export const attachmentsOf = (c: Checker): readonly Attachment[] => state.get(c)?.list ?? [];

/** Whether an image of this box is still being read. */
export const reading = (c: Checker) => attachmentsOf(c).some((a) => a.ocr === "reading");

let severityNow: () => Severity = () => "medium";

/** The checker's photo findings, from its attachments and the answers given. */
function publish(c: Checker): void {
  const findings: PhotoFinding[] = [];
  for (const a of attachmentsOf(c)) {
    const photo = { key: a.key, n: a.n, name: a.name, kind: a.kind };
    if (a.answer !== "none") {
      const yes = Array.isArray(a.answer) && a.answer.length > 0;
      findings.push({
        category: "phi.photo",
        severity: yes ? "high" : severityNow(),
        start: 0,
        end: 0,
        text: a.name,
        message: yes
          ? `You said this ${a.kind} shows: ${CHECKLIST.filter(([id]) => (a.answer as string[]).includes(id)).map(([, l]) => l.toLowerCase()).join("; ")}. Posting it would share patient information.`
          : `A ${a.kind} can show a patient, a record, a screen or a place a patient could be recognized from. Check it before posting.` +
            (a.ocr === "reading" ? " Reading the text in it on this device…" : a.ocr === "failed" ? " Its text could not be read." : ""),
        ...(yes ? { details: (a.answer as string[]).slice() } : {}),
        photo,
      });
    }
    for (const f of a.found) findings.push({ ...f, start: 0, end: 0, suggestion: undefined, photo });
  }
  // On the badge (a public contract, like data-count): attachments, and those still being read.
  const list = attachmentsOf(c);
  c.badge.host.dataset.photos = String(list.length);
  c.badge.host.dataset.reading = String(list.filter((x) => x.ocr === "reading").length);
  c.setPhotos(findings);
}

/** The user's checklist answer for one attachment; "none" clears its phi.photo finding. */
export function answer(c: Checker, key: string, value: PhotoAnswer): void {
  const a = attachmentsOf(c).find((x) => x.key === key);
  if (!a) return;
  a.answer = value;
  publish(c);
}

/** A short content key: SHA-256 of the first MiB and the size (joins an input's file to its preview). */
async function keyOf(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.slice(0, 1 << 20).arrayBuffer());
  const hex = [...new Uint8Array(digest.slice(0, 12))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex}:${blob.size}`;
}

const MAX_SIDE = 2400;

/** An image as a PNG data: URL for the OCR host, scaled down if very large. */
async function toDataUrl(source: Blob | HTMLImageElement): Promise<string> {
  const bitmap = await createImageBitmap(source);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const w = Math.max(1, Math.round(bitmap.width * scale));
  const h = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#fff"; // transparent PNGs read as black text on black otherwise
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(bitmap, 0, 0, w, h);
  bitmap.close();
  const png = await canvas.convertToBlob({ type: "image/png" });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(png);
  });
}

const kindOf = (type: string, fallback: "image" | "video" | null): "image" | "video" | null =>
  type.startsWith("image/") ? "image" : type.startsWith("video/") ? "video" : fallback;

export interface AttachmentWatch {
  /** Settings changed: photo severity may have too. */
  refresh(): void;
}

export function watchAttachments(watcher: Watcher, photoSeverity: () => Severity): AttachmentWatch {
  severityNow = photoSeverity;
  /** Preview URL -> content key, so a re-rendered thumbnail is not read twice. */
  const byUrl = new Map<string, string>();
  let lastBox: Checker | undefined;

  const live = () => [...watcher.checkers.values()].filter((c) => c.box.el.isConnected);

  /** The box an attachment control or thumbnail belongs to: its nearest composer's. */
  const ownerOf = (el: Element): Checker | undefined => {
    const boxes = live();
    let node: Element | null = el;
    for (let depth = 0; node && node !== document.documentElement && depth < 12; node = node.parentElement, depth++) {
      const inside = boxes.filter((c) => node!.contains(c.box.el));
      if (inside.length) return inside.find((c) => c === lastBox) ?? inside[0];
    }
    return undefined;
  };

  /** Adds (or joins) an attachment; reads an image's text once. */
  const add = async (c: Checker, blob: Blob, o: { name: string; kind: "image" | "video"; preview?: Element; image?: HTMLImageElement }) => {
    let key: string;
    try {
      key = await keyOf(blob);
    } catch {
      key = `unread:${o.name}:${blob.size}:${Math.random()}`;
    }
    const s = of(c);
    if (o.preview && "src" in o.preview) byUrl.set(String((o.preview as HTMLImageElement).src), key);
    const known = s.list.find((a) => a.key === key);
    if (known) {
      if (o.preview) known.previews.add(o.preview);
      return;
    }
    const a: Attachment = { key, n: ++s.count, name: o.name, kind: o.kind, previews: new Set(o.preview ? [o.preview] : []), ocr: o.kind === "image" ? "reading" : "skipped", found: [], answer: undefined };
    s.list.push(a);
    publish(c);
    if (a.kind !== "image") return; // videos: the photo checklist only
    try {
      const dataUrl = await toDataUrl(blob).catch((e) => (o.image ? toDataUrl(o.image) : Promise.reject(e)));
      const result = await ask({ type: "ocr", dataUrl });
      a.found = result.findings;
      a.ocr = "done";
    } catch {
      a.ocr = "failed";
    }
    if (s.list.includes(a)) publish(c);
  };

  const addFiles = (c: Checker | undefined, files: Iterable<File>, fallbackName: string) => {
    if (!c) return;
    for (const file of files) {
      const kind = kindOf(file.type, null);
      if (kind) void add(c, file, { name: file.name || fallbackName, kind });
    }
  };

  // Files chosen in the composers' own inputs. Read-only: the site's upload goes on.
  window.addEventListener(
    "change",
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.files?.length) return;
      addFiles(ownerOf(input) ?? lastBox, [...input.files], "attached file");
    },
    true,
  );

  // Images pasted or dropped into a watched box.
  window.addEventListener("paste", (event) => {
    const files = event.clipboardData?.files;
    if (files?.length) addFiles(watcher.checkerOf(event.target as Node), [...files], "pasted image");
  }, true);
  window.addEventListener("drop", (event) => {
    const files = event.dataTransfer?.files;
    if (files?.length) addFiles(watcher.checkerOf(event.target as Node) ?? ownerOf(event.target as Element), [...files], "dropped image");
  }, true);

  document.addEventListener("focusin", (event) => {
    lastBox = watcher.checkerOf(event.target as Node) ?? lastBox;
  }, true);

  // Preview thumbnails the site inserts (blob: or data: URLs) near a composer.
  const preview = (el: Element) => {
    if (!(el instanceof HTMLImageElement || el instanceof HTMLVideoElement)) return;
    const src = el.currentSrc || el.src;
    if (!/^(blob|data):/.test(src) || /^data:image\/svg/.test(src)) return;
    const c = ownerOf(el);
    if (!c) return;
    const known = byUrl.get(src);
    const a = known && attachmentsOf(c).find((x) => x.key === known);
    if (a) return void a.previews.add(el);
    const kind = el instanceof HTMLVideoElement ? "video" : "image";
    void fetch(src)
      .then((r) => r.blob())
      .then((blob) => {
        const k = kindOf(blob.type, kind);
        if (k) return add(c, blob, { name: (el as HTMLImageElement).alt || `${k} ${attachmentsOf(c).length + 1}`, kind: k, preview: el, image: el instanceof HTMLImageElement ? el : undefined });
      })
      .catch(() => {});
  };

  let sweepTimer = 0;
  /** An attachment whose thumbnails are all gone was removed by the user. */
  const sweep = () => {
    sweepTimer = 0;
    for (const c of watcher.checkers.values()) {
      const s = state.get(c);
      if (!s) continue;
      const kept = s.list.filter((a) => !a.previews.size || [...a.previews].some((p) => p.isConnected));
      if (kept.length !== s.list.length) {
        s.list = kept;
        publish(c);
      }
    }
  };

  new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      if (r.type === "attributes") preview(r.target as Element);
      for (const node of r.addedNodes) {
        if (!(node instanceof Element)) continue;
        preview(node);
        if (node.firstElementChild) node.querySelectorAll("img, video").forEach(preview);
      }
      removed ||= r.removedNodes.length > 0;
    }
    // Later, so a thumbnail the site re-renders is joined before its old one counts as gone.
    if (removed && !sweepTimer) sweepTimer = window.setTimeout(sweep, 500);
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["src"] });

  return {
    refresh: () => watcher.checkers.forEach((c) => state.has(c) && publish(c)),
  };
}
