// OCR on the device: tesseract.js with the English data, every file loaded from the
// extension's own package (never a CDN). One worker, created on the first image and
// reused. Runs in an extension context only: the offscreen document (Chromium) or the
// background page (Firefox).
import { createWorker, type Worker } from "tesseract.js";

/** Where the OCR files are in the package (copied there by scripts/build.mjs). */
export function ocrPaths(url: (path: string) => string = (p) => chrome.runtime.getURL(p)) {
  return {
    // A guard that lets the worker load only the extension's files, then tesseract's worker.
    workerPath: url("ocr/guarded-worker.js"),
    // One core file, chosen here rather than by feature detection in the worker: every
    // browser this extension supports has WebAssembly SIMD.
    corePath: url("ocr/tesseract-core-simd-lstm.wasm.js"),
    langPath: url("ocr/lang"),
  };
}

let worker: Promise<Worker> | undefined;

function getWorker(): Promise<Worker> {
  worker ??= createWorker("eng", 1 /* OEM.LSTM_ONLY */, {
    ...ocrPaths(),
    gzip: true,
    workerBlobURL: false, // the worker is a file of the extension, not a blob
    cacheMethod: "none", // the data is in the package already: no IndexedDB copy
  });
  worker.catch(() => (worker = undefined)); // a later image retries
  return worker;
}

/** Reads the text in an image (a data: URL). */
export async function recognize(dataUrl: string): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  const w = await getWorker();
  const { data } = await w.recognize(dataUrl);
  return { text: data.text ?? "", ms: Math.round(performance.now() - started) };
}

/** Starts the worker and loads the data ahead of the first image (e.g. for a benchmark). */
export async function warm(): Promise<void> {
  await getWorker();
}
