// The OCR web worker's first script (built to dist/ocr/guarded-worker.js, a classic
// worker): before tesseract.js's own worker script runs, every file the worker loads
// (importScripts, fetch) must be one of the extension's own; anything else throws.
// Each load is announced on a BroadcastChannel so the offscreen document can tell
// what was loaded from where (tests assert on it).
const scope = self as unknown as {
  location: Location;
  importScripts(...urls: string[]): void;
  fetch: typeof fetch;
};
const own = new URL("/", scope.location.href).href; // chrome-extension://<id>/
const loads = new BroadcastChannel("bedside-ocr-loads");

function allowed(url: string): string {
  const absolute = new URL(url, scope.location.href).href;
  const local = absolute.startsWith(own) || absolute.startsWith("data:") || absolute.startsWith("blob:");
  loads.postMessage({ url: absolute, allowed: local });
  if (!local) throw new Error(`Bedside OCR loads nothing from outside the extension (${absolute})`);
  return absolute;
}

const importOwn = scope.importScripts.bind(scope);
scope.importScripts = (...urls: string[]) => importOwn(...urls.map(allowed));
const fetchOwn = scope.fetch.bind(scope);
scope.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  fetchOwn(typeof input === "string" || input instanceof URL ? allowed(String(input)) : (allowed(input.url), input), init);

scope.importScripts("worker.min.js");
