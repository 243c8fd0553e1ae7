// Content script entry: on the four sites, start the engine and watch compose boxes.
import { loadSettings, onSettingsChanged, type Settings } from "../shared/settings";
import { watchAttachments } from "./attachments";
import { reportFailure, startEngine } from "./engine";
import { guard } from "./guard";
import { holdSubmitsUntil } from "./early-guard";
import { handle } from "./inbox";
import { adapterFor } from "./sites";
import { followComposers } from "./sites/composer";
import { boxSelector, type SiteAdapter } from "./sites/site";
import { watch } from "./watcher";
import type { TabStatus } from "../shared/diagnostics";

const RANK = { clean: 0, review: 1, hold: 2 } as const;

/** "Always allow": the term joins the user's allowlist, stored on this device only. */
async function allowTerm(term: string): Promise<void> {
  const { settings = {} } = (await chrome.storage.local.get("settings")) as { settings?: Partial<Settings> };
  const allow = settings.allow ?? [];
  if (!allow.includes(term)) await chrome.storage.local.set({ settings: { ...settings, allow: [...allow, term] } });
}

let started = false;

async function main(): Promise<void> {
  const adapter = adapterFor(location.hostname);
  if (!adapter) return;
  followComposers(boxSelector(adapter)); // the structural submit cue, from the first focus
  let ready!: () => void;
  holdSubmitsUntil(adapter, new Promise<void>((resolve) => (ready = resolve)));
  try {
    await start(adapter);
  } finally {
    ready();
  }
}

async function start(adapter: SiteAdapter): Promise<void> {
  const { settings } = await loadSettings();
  const off = (s: Settings) => s.sitesOff.includes(adapter.site);
  if (off(settings)) {
    // Switched off here: nothing runs until the user switches it back on.
    onSettingsChanged((s) => {
      if (!off(s.settings) && !started) void start(adapter);
    });
    return;
  }
  started = true;
  const engine = await startEngine();
  if (engine.kind === "inactive") reportFailure(adapter.site, engine.reason ?? "the checker could not start");
  const watcher = watch(adapter, engine, (term) => void allowTerm(term));
  engine.onReconfigured(() => watcher.rescanAll());
  onSettingsChanged((s) => watcher.setPaused(off(s.settings)));
  // Photos and videos (issue 7): phi.photo per attachment, OCR only once one is attached.
  let photoSeverity = settings.photoSeverity;
  const attachments = watchAttachments(watcher, () => photoSeverity);
  onSettingsChanged((s) => {
    photoSeverity = s.settings.photoSeverity;
    attachments.refresh();
  });
  guard(adapter, engine, watcher, settings); // stops risky posts; "Leave it in drafts"

  // The popup's view of this tab: the engine in use and what is open in the boxes.
  handle("status", () => {
    const boxes = [...watcher.checkers.values()];
    return {
      site: adapter.site,
      engine: engine.kind,
      reason: engine.reason,
      findings: boxes.reduce((n, c) => n + c.all.length, 0),
      verdict: boxes.map((c) => c.verdict).sort((a, b) => RANK[b] - RANK[a])[0] ?? "clean",
      // Issue 13: is it on? The boxes watched, by surface and editor (no text).
      boxes: boxes.length,
      surfaces: [...new Set(boxes.map((c) => c.box.surface))],
      editors: [...new Set(boxes.map((c) => c.box.kind))],
    } satisfies TabStatus;
  });
}

void main();
