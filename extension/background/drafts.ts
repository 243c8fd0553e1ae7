// The drafts store: the only writer of "drafts". Writes are queued one after another
// so saves from several tabs never overwrite each other. Expired drafts are removed
// on startup, on an hourly alarm and before every list; the toolbar icon shows how
// many drafts are held.
//
// Where they live (issue 17): chrome.storage.local (on disk, until they expire), or,
// on a shared workstation, chrome.storage.session only: memory, never written to
// disk, gone when the browser closes. Turning the mode on moves any drafts already on
// disk into memory; turning it off leaves the in-memory ones there until the browser
// closes (nothing of a post is written to disk because a setting changed).
import { DRAFTS_KEY, expiryDays, isExpired, parseDrafts, type Draft, type NewDraft } from "../shared/drafts";
import type { DraftList } from "../shared/messages";
import { loadSettings } from "../shared/settings";

const ALARM = "bedside-drafts-expiry";
let queue: Promise<unknown> = Promise.resolve();

type Area = chrome.storage.StorageArea;
const disk = (): Area => chrome.storage.local;
const memory = (): Area => chrome.storage.session;

/** Runs `task` strictly after every earlier change. */
function queued<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

const read = async (area: Area): Promise<Draft[]> => parseDrafts((await area.get(DRAFTS_KEY))[DRAFTS_KEY]);

/** Writes the list, or removes the key when it is empty (no empty list left on disk). */
const write = (area: Area, drafts: Draft[]) => (drafts.length ? area.set({ [DRAFTS_KEY]: drafts }) : area.remove(DRAFTS_KEY));

/** Runs `change` on one area's drafts, queued. */
function update<T>(area: Area, change: (drafts: Draft[]) => { drafts: Draft[]; value: T }): Promise<T> {
  return queued(async () => {
    const { drafts, value } = change(await read(area));
    await write(area, drafts);
    return value;
  });
}

async function mode(): Promise<{ days: number; shared: boolean }> {
  const { settings } = await loadSettings();
  return { days: expiryDays(settings.draftExpiryDays), shared: settings.sharedWorkstation === true };
}

/** Shared workstation on: drafts still on disk move to memory and leave the disk. */
async function settle(): Promise<void> {
  if (!(await mode()).shared) return;
  await queued(async () => {
    const onDisk = await read(disk());
    if (!onDisk.length) return;
    await memory().set({ [DRAFTS_KEY]: parseDrafts([...(await read(memory())), ...onDisk]) });
    await disk().remove(DRAFTS_KEY);
  });
}

function valid(d: NewDraft): boolean {
  return !!d && typeof d.text === "string" && d.text.trim() !== "" && typeof d.site === "string";
}

/** Saves drafts (all or none) and resolves with them once stored (in memory on a shared workstation). */
export async function saveDrafts(items: NewDraft[]): Promise<Draft[]> {
  if (!Array.isArray(items) || !items.length || !items.every(valid)) throw new Error("nothing to save");
  const { shared } = await mode();
  if (shared) await settle();
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
  return update(shared ? memory() : disk(), (drafts) => ({ drafts: [...fresh, ...drafts], value: fresh }));
}

/** Every held draft, in memory or on disk, newest first. */
async function all(): Promise<Draft[]> {
  return parseDrafts([...(await read(memory())), ...(await read(disk()))]);
}

export async function listDrafts(): Promise<DraftList> {
  await settle();
  await expire();
  const { days, shared } = await mode();
  const inMemory = new Set((await read(memory())).map((d) => d.id));
  return { drafts: await all(), expiryDays: days, shared, inMemory: [...inMemory] };
}

export async function deleteDraft(id: string): Promise<boolean> {
  const drop = (drafts: Draft[]) => ({ drafts: drafts.filter((d) => d.id !== id), value: drafts.some((d) => d.id === id) });
  const [a, b] = [await update(memory(), drop), await update(disk(), drop)];
  return a || b;
}

export async function deleteAllDrafts(): Promise<number> {
  const clear = (drafts: Draft[]) => ({ drafts: [], value: drafts.length });
  return (await update(memory(), clear)) + (await update(disk(), clear));
}

/** Removes drafts older than the configured expiry; resolves with how many went. */
export async function expire(now = Date.now()): Promise<number> {
  const { days } = await mode();
  let gone = 0;
  for (const area of [memory(), disk()]) {
    if (!(await read(area)).some((d) => isExpired(d, days, now))) continue; // no write when nothing expires
    gone += await update(area, (drafts) => {
      const kept = drafts.filter((d) => !isExpired(d, days, now));
      return { drafts: kept, value: drafts.length - kept.length };
    });
  }
  return gone;
}

async function showCount(): Promise<void> {
  const n = (await all()).length;
  await chrome.action.setBadgeText({ text: n ? String(n) : "" });
  await chrome.action.setBadgeBackgroundColor({ color: "#0d7377" });
  await chrome.action.setTitle({ title: n ? `Bedside: ${n} post${n === 1 ? "" : "s"} held in drafts` : "Bedside" });
}

/** Wires expiry, the shared-workstation move and the icon count; call once when the worker starts. */
export function startDrafts(): void {
  const tidy = () => void settle().then(() => expire()).catch(() => {}).then(() => showCount().catch(() => {}));
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === "local" || area === "session") && DRAFTS_KEY in changes) void showCount().catch(() => {});
    if ((area === "local" && "settings" in changes) || area === "managed") tidy(); // a shorter expiry or the shared mode applies at once
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
