// The offscreen document (Chromium): hosts the OCR worker, which a service worker
// cannot start. Created by background/ocr.ts only when an image is attached, and
// reused after that. Answers only messages addressed to it.
import { ocrPaths, recognize, warm } from "./recognize";

export type OffscreenRequest =
  | { target: "offscreen"; type: "ocr/run"; dataUrl: string }
  | { target: "offscreen"; type: "ocr/warm" }
  /** What was loaded and from where (tests check every URL is chrome-extension://). */
  | { target: "offscreen"; type: "ocr/status" };

/** Every file the OCR worker loaded (announced by ocr-worker.ts), in order. */
const loads: { url: string; allowed: boolean }[] = [];
new BroadcastChannel("bedside-ocr-loads").onmessage = (event) => loads.push(event.data);

chrome.runtime.onMessage.addListener((request: OffscreenRequest, sender, sendResponse) => {
  if (request?.target !== "offscreen") return false;
  // Only the extension itself talks to this document, never a content script.
  if (sender.id !== chrome.runtime.id || sender.tab) return false;
  const work = async () => {
    switch (request.type) {
      case "ocr/run":
        return recognize(request.dataUrl);
      case "ocr/warm":
        return warm();
      case "ocr/status":
        return {
          paths: ocrPaths(),
          location: location.href,
          resources: performance.getEntriesByType("resource").map((e) => e.name),
          loads,
        };
    }
  };
  work().then(
    (value) => sendResponse({ ok: true, value }),
    (error) => sendResponse({ ok: false, error: String(error?.message ?? error) }),
  );
  return true;
});
