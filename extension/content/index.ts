// Content script entry: on the four sites, start the engine and watch compose boxes.
import { loadSettings } from "../shared/settings";
import { startEngine } from "./engine";
import { adapterFor } from "./sites";
import { watch } from "./watcher";

/** "Always allow": the term joins the user's allowlist, stored on this device only. */
async function allowTerm(term: string): Promise<void> {
  const { settings = {} } = await chrome.storage.local.get("settings");
  const allow: string[] = settings.allow ?? [];
  if (!allow.includes(term)) await chrome.storage.local.set({ settings: { ...settings, allow: [...allow, term] } });
}

async function main(): Promise<void> {
  const adapter = adapterFor(location.hostname);
  if (!adapter) return;
  const { settings } = await loadSettings();
  if (settings.sitesOff.includes(adapter.site)) return;
  const engine = await startEngine();
  const watcher = watch(adapter, engine, (term) => void allowTerm(term));
  engine.onReconfigured(() => watcher.rescanAll());
}

void main();
