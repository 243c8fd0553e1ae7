// The drafts store: the only writer of chrome.storage.local "drafts". Writes are
// queued one after another so saves from several tabs never overwrite each other.
// Expired drafts are removed on startup, on an hourly alarm and before every list;
// the toolbar icon shows how many drafts are held.
import { DRAFTS_KEY, expiryDays, isExpired, parseDrafts, type Draft, type NewDraft } from "../shared/drafts";
import { loadSettings } from "../shared/settings";

const ALARM = "bedside-drafts-expiry";
let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the stored drafts, strictly after every earlier change. */
function update<T>(change: (drafts: Draft[]) => { drafts: Draft[]; value: T }): Promise<T> {
  const run = queue.then(async () => {
    const stored = await chrome.storage.local.get(DRAFTS_KEY);
    const { drafts, value } = change(parseDrafts(stored[DRAFTS_KEY]));
    await chrome.storage.local.set({ [DRAFTS_KEY]: drafts });
    return value;
  });
  queue = run.catch(() => {});
  return run;
}

async function days(): Promise<number> {
  return expiryDays((await loadSettings()).settings.draftExpiryDays);
}

function valid(d: NewDraft): boolean {
  return !!d && typeof d.text === "string" && d.text.trim() !== "" && typeof d.site === "string";
}

/** Saves drafts (all or none) and resolves with them once they are on disk. */
export function saveDrafts(items: NewDraft[]): Promise<Draft[]> {
  if (!Array.isArray(items) || !items.length || !items.every(valid)) return Promise.reject(new Error("nothing to save"));
  const now = Date.now();
  const fresh: Draft[] = items.map((d, i) => ({
    id: `${now.toString(36)}-${i}-${crypto.randomUUID().slice(0, 8)}`,
    text: d.text,
    site: d.site,
    surface: String(d.surface ?? ""),
    url: String(d.url ?? ""),
    created: now,
    findings: Array.isArray(d.findings) ? d.findings : [],
  }));
  return update((drafts) => ({ drafts: [...fresh, ...drafts], value: fresh }));
}

export async function listDrafts(): Promise<{ drafts: Draft[]; expiryDays: number }> {
  await expire();
  const stored = await chrome.storage.local.get(DRAFTS_KEY);
  return { drafts: parseDrafts(stored[DRAFTS_KEY]), expiryDays: await days() };
}

export function deleteDraft(id: string): Promise<boolean> {
  return update((drafts) => ({ drafts: drafts.filter((d) => d.id !== id), value: drafts.some((d) => d.id === id) }));
}

export function deleteAllDrafts(): Promise<number> {
  return update((drafts) => ({ drafts: [], value: drafts.length }));
}

/** Removes drafts older than the configured expiry; resolves with how many went. */
export async function expire(now = Date.now()): Promise<number> {
  const limit = await days();
  const stored = await chrome.storage.local.get(DRAFTS_KEY);
  if (!parseDrafts(stored[DRAFTS_KEY]).some((d) => isExpired(d, limit, now))) return 0; // no write when nothing expires
  return update((drafts) => {
    const kept = drafts.filter((d) => !isExpired(d, limit, now));
    return { drafts: kept, value: drafts.length - kept.length };
  });
}

async function showCount(): Promise<void> {
  const stored = await chrome.storage.local.get(DRAFTS_KEY);
  const n = parseDrafts(stored[DRAFTS_KEY]).length;
  await chrome.action.setBadgeText({ text: n ? String(n) : "" });
  await chrome.action.setBadgeBackgroundColor({ color: "#0d7377" });
  await chrome.action.setTitle({ title: n ? `Bedside: ${n} post${n === 1 ? "" : "s"} held in drafts` : "Bedside" });
}

/** Wires expiry and the icon count; call once when the worker starts. */
export function startDrafts(): void {
  const tidy = () => void expire().catch(() => {}).then(() => showCount().catch(() => {}));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if (DRAFTS_KEY in changes) void showCount().catch(() => {});
    if ("settings" in changes) tidy(); // a shorter expiry applies at once
  });
  chrome.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) tidy();
  });
  chrome.runtime.onStartup.addListener(tidy);
  chrome.runtime.onInstalled.addListener(tidy);
  void chrome.alarms?.get(ALARM).then(async (a) => {
    if (!a) await chrome.alarms.create(ALARM, { periodInMinutes: 60 });
  });
  tidy();
}
