// Picks where the core runs for this page: in the content script when the page's CSP
// lets it compile WebAssembly, else in the background worker over messaging.
// Detects by trying, never by site name.
import { loadCore } from "../shared/core";
import { ask } from "../shared/messages";
import type { EngineKind, Report, Scan } from "../shared/report";
import { coreConfig, loadSettings, onSettingsChanged } from "../shared/settings";

export interface Engine {
  kind: EngineKind;
  /** Why the engine is inactive, in plain words. */
  reason?: string;
  scan: Scan;
  /** Calls back once the engine has taken up changed settings, so boxes can rescan. */
  onReconfigured(callback: () => void): void;
}

/** Settings changes, applied by `apply`, then announced to the engine's listeners. */
function reconfigurer(apply: (config: ReturnType<typeof coreConfig>) => Promise<void> | void) {
  const listeners: (() => void)[] = [];
  onSettingsChanged(async (s) => {
    await apply(coreConfig(s.settings));
    listeners.forEach((l) => l());
  });
  return (callback: () => void) => void listeners.push(callback);
}

export async function startEngine(): Promise<Engine> {
  let localError: unknown;
  try {
    const { settings } = await loadSettings();
    const core = await loadCore(coreConfig(settings));
    const onReconfigured = reconfigurer((config) => core.configure(config));
    return { kind: "local", scan: async (text) => core.scan(text), onReconfigured };
  } catch (error) {
    localError = error;
  }
  try {
    const probe: Report = await ask({ type: "scan", text: "" });
    if (!probe || !Array.isArray(probe.findings)) throw new Error("malformed report");
    const onReconfigured = reconfigurer(async () => void (await ask({ type: "configure" })));
    return { kind: "background", scan: (text) => ask({ type: "scan", text }), onReconfigured };
  } catch (error) {
    const reason = `The checker could not start (${describe(localError)}; background: ${describe(error)}).`;
    return { kind: "inactive", reason, scan: () => Promise.reject(new Error(reason)), onReconfigured: () => {} };
  }
}

/** Tells the background (for the options page's diagnostics) that this page's checker failed. */
export function reportFailure(site: string, reason: string): void {
  void ask({ type: "engine/failed", site, reason }).catch(() => {});
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
