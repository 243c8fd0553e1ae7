// Ticks per site in chrome.storage.local "checklist":
// { [site]: { items: { [itemId]: { ticked, at } }, reviewed?: ISO date } }
import type { SiteId } from "./checklist-data";

export interface SiteTicks {
  items: Record<string, { ticked: boolean; at: string }>;
  reviewed?: string;
}
type Store = Partial<Record<SiteId, SiteTicks>>;

async function all(): Promise<Store> {
  const { checklist = {} } = (await chrome.storage.local.get("checklist")) as { checklist?: Store };
  return checklist;
}

export async function siteTicks(site: SiteId): Promise<SiteTicks> {
  return (await all())[site] ?? { items: {} };
}

/** Ticking or unticking counts as reviewing the site's settings today. */
export async function setTick(site: SiteId, item: string, ticked: boolean, now = new Date()): Promise<SiteTicks> {
  const store = await all();
  const at = now.toISOString();
  const entry = store[site] ?? { items: {} };
  const next: SiteTicks = { items: { ...entry.items, [item]: { ticked, at } }, reviewed: at };
  await chrome.storage.local.set({ checklist: { ...store, [site]: next } });
  return next;
}

export async function markReviewed(site: SiteId, now = new Date()): Promise<SiteTicks> {
  const store = await all();
  const next: SiteTicks = { items: {}, ...store[site], reviewed: now.toISOString() };
  await chrome.storage.local.set({ checklist: { ...store, [site]: next } });
  return next;
}

/** Whole days since an ISO date (0 = today). */
export function daysSince(iso: string, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}
