// What Bedside tells a person when its checker is off, and the diagnostics the
// options page shows (and copies): one source for the words and the shape.

/** The badge's words when the core cannot start or a scan failed. */
export const OFF_TITLE = "Bedside is off: your posts are not being checked";
/** The one sentence on what to do (the card under the badge, the popup). */
export const OFF_ADVICE = "Reload the page; if Bedside stays off, reinstall it or tell your IT team.";

/** A page's checker could not start, or threw during a scan. */
export interface EngineFailure {
  site: string;
  /** The technical reason, for "Details" and IT. */
  reason: string;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface Diagnostics {
  version: string;
  /** The background worker's copy of the core. */
  engine: "working" | "off";
  engineError?: string;
  /** The last failure a page reported since the browser started (kept in memory only). */
  lastFailure?: EngineFailure;
}

/** Key in chrome.storage.session (memory; content scripts cannot read it). */
export const FAILURE_KEY = "engineFailure";

/** A reason as sent to the background: text only, bounded (a reason never carries a post). */
export const boundedReason = (reason: unknown) => String(reason ?? "").slice(0, 500);

/** The plain-text block "Copy diagnostics" and the options page show. */
export function diagnosticsText(d: Diagnostics): string {
  const lines = [`Bedside ${d.version}`, `Checker: ${d.engine === "working" ? "working" : `off (${d.engineError ?? "unknown reason"})`}`];
  if (d.lastFailure) {
    lines.push(`Last failure on a page: ${d.lastFailure.site}, ${new Date(d.lastFailure.at).toISOString()}: ${d.lastFailure.reason}`);
  } else {
    lines.push("Last failure on a page: none since the browser started");
  }
  return lines.join("\n");
}
