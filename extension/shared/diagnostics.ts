// What a user can paste into a report of a broken site: the extension's version and,
// for each open tab on a supported site, its host, the boxes and surfaces Bedside is
// watching and the engine in use. Never any post text, never a page path; built on
// request, copied to the clipboard by the user, sent nowhere.
import type { Reply } from "./messages";
import type { EngineKind } from "./report";
import { siteOfHost } from "./sites";

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

export interface Diagnostics {
  extension: string;
  version: string;
  browser: string;
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

export async function collectDiagnostics(): Promise<Diagnostics> {
  const manifest = chrome.runtime.getManifest();
  const tabs: Diagnostics["tabs"] = [];
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
  return { extension: manifest.name, version: manifest.version, browser: navigator.userAgent, tabs };
}
