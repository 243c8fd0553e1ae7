// What Bedside tells a person when its checker is off, and the diagnostics the
// options page shows (and copies): one source for the words and the shape.
import { ask, type Reply } from "./messages";
import type { EngineKind } from "./report";
import { siteOfHost } from "./sites";

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

// What a user can paste into a report of a broken site: the extension's version and,
// for each open tab on a supported site, its host, the boxes and surfaces Bedside is
// watching and the engine in use. Never any post text, never a page path; built on
// request, copied to the clipboard by the user, sent nowhere.

/** A tab's answer to {type: "status"} (content/index.ts). */
export interface TabStatus {
  site: string;
  engine: EngineKind;
  reason?: string;
  findings: number;
  verdict: string;
  boxes: number;
  surfaces: string[];
  editors: string[];
}

/** What "Copy diagnostics" copies: the checker's state (above) and every supported tab. */
export interface CopiedDiagnostics {
  extension: string;
  version: string;
  browser: string;
  checker: Diagnostics | { engine: "off"; engineError: string };
  tabs: { host: string; site: string; running: boolean; engine?: EngineKind; engineError?: string; boxes?: number; surfaces?: string[]; editors?: string[] }[];
}

export async function askTab(tabId: number): Promise<TabStatus | undefined> {
  try {
    const reply = (await chrome.tabs.sendMessage(tabId, { type: "status" })) as Reply<TabStatus> | undefined;
    return reply?.ok ? reply.value : undefined;
  } catch {
    return undefined; // no content script in this tab
  }
}

export async function collectDiagnostics(): Promise<CopiedDiagnostics> {
  const manifest = chrome.runtime.getManifest();
  const tabs: CopiedDiagnostics["tabs"] = [];
  for (const tab of await chrome.tabs.query({})) {
    let host: string;
    try {
      host = new URL(tab.url ?? "").hostname;
    } catch {
      continue;
    }
    const site = siteOfHost(host);
    if (!site || tab.id === undefined) continue;
    const status = await askTab(tab.id);
    tabs.push(
      status
        ? { host, site, running: true, engine: status.engine, ...(status.reason ? { engineError: status.reason } : {}), boxes: status.boxes, surfaces: status.surfaces, editors: status.editors }
        : { host, site, running: false },
    );
  }
  let checker: CopiedDiagnostics["checker"];
  try {
    checker = (await ask({ type: "diagnostics" })) as Diagnostics;
  } catch (error) {
    checker = { engine: "off", engineError: `the background worker did not answer (${boundedReason((error as Error)?.message ?? error)})` };
  }
  return { extension: manifest.name, version: manifest.version, browser: navigator.userAgent, checker, tabs };
}
