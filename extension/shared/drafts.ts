// Held posts ("Leave it in drafts"): their stored shape and small helpers shared by
// the content script, the background worker and the popup. Drafts live under "drafts"
// in chrome.storage.local, or only in chrome.storage.session (memory) on a shared
// workstation (never storage.sync, never the network); the background worker is their
// only writer, so saves from several tabs never race.
import { categoryLabel } from "./categories";
import { REGISTRY_SITES, SITE_IDS } from "./sites";
import type { Finding, Severity } from "./report";

export const DRAFTS_KEY = "drafts";
export const DEFAULT_EXPIRY_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** One finding as the draft remembers it: enough to show, no offsets. */
export interface DraftFinding {
  category: string;
  /** The category in plain words, as it was when the draft was saved. */
  label: string;
  severity: Severity;
  text: string;
}

export interface Draft {
  id: string;
  text: string;
  site: string;
  /** The compose box it came from ("share", "comment", "post", ...). */
  surface: string;
  url: string;
  /** Milliseconds since the epoch. */
  created: number;
  findings: DraftFinding[];
}

/** What the content script sends: the background adds id and created. */
export type NewDraft = Omit<Draft, "id" | "created">;

export function summarize(findings: readonly Finding[]): DraftFinding[] {
  return findings.map((f) => ({ category: f.category, label: categoryLabel(f.category), severity: f.severity, text: f.text }));
}

/** A valid expiry in days (a bad setting falls back to the default, never to "now"). */
export function expiryDays(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : DEFAULT_EXPIRY_DAYS;
}

export function expiresAt(draft: Pick<Draft, "created">, days: number): number {
  return draft.created + expiryDays(days) * DAY;
}

export function isExpired(draft: Pick<Draft, "created">, days: number, now = Date.now()): boolean {
  return expiresAt(draft, days) <= now;
}

/** Stored drafts, newest first; anything malformed is skipped rather than shown half. */
export function parseDrafts(value: unknown): Draft[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((d): d is Draft => !!d && typeof d.id === "string" && typeof d.text === "string" && typeof d.created === "number")
    .map((d) => ({ ...d, findings: Array.isArray(d.findings) ? d.findings : [] }))
    .sort((a, b) => b.created - a.created);
}

/** The first non-empty line, for lists. */
export function firstLine(text: string, max = 80): string {
  const line = text.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export const SITE_NAMES: Record<string, string> = Object.fromEntries(SITE_IDS.map((id) => [id, REGISTRY_SITES[id].name]));
export const siteName = (site: string) => SITE_NAMES[site] ?? site;
