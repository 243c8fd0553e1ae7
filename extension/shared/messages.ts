// Messages between the content script / extension pages and the background worker.
import type { Draft, NewDraft } from "./drafts";
import type { Finding, Report } from "./report";

/** The reply to "ocr": the image's text, the core's findings in it, the OCR time. */
export interface OcrResult {
  text: string;
  findings: Finding[];
  ms: number;
}

export type Request =
  | { type: "scan"; text: string }
  /** Rebuild the scanner from the stored settings now (a content script saw them change). */
  | { type: "configure" }
  /** Extension pages: the configured detectors the core could not use (issue 16). */
  | { type: "detectors/errors" }
  /** Hold posts: stores them (all or none); replies with the saved drafts once on disk. */
  | { type: "drafts/save"; drafts: NewDraft[] }
  /** Extension pages only: the held drafts (expired ones removed first) and the expiry. */
  | { type: "drafts/list" }
  | { type: "drafts/delete"; id: string }
  | { type: "drafts/clear" }
  /** Issue 7: read an attached image's text on the device and scan it (a data: URL). */
  | { type: "ocr"; dataUrl: string }
  /** Extension pages and tests: what the OCR document loaded, and from where. */
  | { type: "ocr/status" }
  /** Issue 17: a content script's core could not start or threw; kept in memory for the options page. */
  | { type: "engine/failed"; site: string; reason: string }
  /** Extension pages only: the background's engine status and the last failure a page reported. */
  | { type: "diagnostics" };

/** The reply to "drafts/list". */
export interface DraftList {
  drafts: Draft[];
  expiryDays: number;
  /** Shared workstation: drafts are in memory only and go when the browser closes. */
  shared: boolean;
  /** Ids of the drafts held in memory only (saved in shared-workstation mode): gone when the browser closes. */
  inMemory: string[];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends a request to the background and unwraps its reply; rejects on any failure. */
export async function ask(request: { type: "scan"; text: string }): Promise<Report>;
export async function ask(request: { type: "ocr"; dataUrl: string }): Promise<OcrResult>;
export async function ask(request: Request): Promise<unknown>;
export async function ask(request: Request): Promise<unknown> {
  const reply = (await chrome.runtime.sendMessage(request)) as Reply<unknown> | undefined;
  if (!reply) throw new Error("the background worker did not answer");
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
