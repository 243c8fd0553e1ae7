// OCR host in the background (issue 7). Chromium: a service worker cannot start the
// OCR worker, so the offscreen document does it; it is created on the first image
// and reused (one document, one worker). Firefox (an event page with a DOM): the
// same code runs in place, loaded from the package on first use. The recognized
// text goes through the same core as typed text; the findings go back to the tab.
import type { Core } from "../shared/core";
import type { OcrResult } from "../shared/messages";

const OFFSCREEN = "offscreen/offscreen.html";


let creating: Promise<void> | undefined;

async function ensureOffscreen(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN);
  const open = await chrome.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT" as chrome.runtime.ContextType], documentUrls: [url] });
  if (open.length) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN,
      reasons: ["WORKERS" as chrome.offscreen.Reason],
      justification: "Reads the text in an attached photo on this device (OCR in a web worker), so Bedside can warn before it is posted.",
    })
    .finally(() => (creating = undefined));
  await creating;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

async function toOffscreen<T>(message: Record<string, unknown>): Promise<T> {
  await ensureOffscreen();
  const reply = (await chrome.runtime.sendMessage({ target: "offscreen", ...message })) as Reply<T> | undefined;
  if (!reply) throw new Error("the OCR document did not answer");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

type Recognizer = typeof import("../offscreen/recognize");
let inPlace: Promise<Recognizer> | undefined;

/** Firefox's background page can run web workers itself: no offscreen document there. */
const useOffscreen = () => typeof chrome.offscreen?.createDocument === "function";

async function readText(dataUrl: string): Promise<{ text: string; ms: number }> {
  if (useOffscreen()) return toOffscreen({ type: "ocr/run", dataUrl });
  // Built as its own file (dist/offscreen/recognize.js): not in background.js.
  inPlace ??= import(/* @vite-ignore */ chrome.runtime.getURL("offscreen/recognize.js")) as Promise<Recognizer>;
  return (await inPlace).recognize(dataUrl);
}

/** Reads an image and scans its text with the core. */
export async function ocr(dataUrl: string, core: () => Promise<Core>): Promise<OcrResult> {
  if (typeof dataUrl !== "string" || !dataUrl.startsWith("data:image/")) throw new Error("not an image");
  const { text, ms } = await readText(dataUrl);
  // OCR line breaks are layout, not sentences: the core sees the label's lines as they are,
  // as record text (identifiers on a chart or wristband stand without sentences).
  const findings = text.trim() ? (await core()).scanRecord(text).findings : [];
  return { text, findings, ms };
}

/** For tests and the benchmark: what the offscreen document loaded, and from where. */
export const ocrStatus = () => (useOffscreen() ? toOffscreen<unknown>({ type: "ocr/status" }) : Promise.resolve(null));
