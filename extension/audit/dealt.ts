// "Mark as dealt with": kept in chrome.storage.local under one key, by a hash of the post
// (site, kind, id and text), so no text of the archive is ever stored.
import type { Item } from "./protocol";

export const DEALT_KEY = "auditDealtWith";

/** Hash -> the day it was marked (YYYY-MM-DD). */
export type Dealt = Record<string, string>;

export async function postKey(item: Pick<Item, "site" | "kind" | "id" | "text">): Promise<string> {
  const bytes = new TextEncoder().encode(`${item.site}\n${item.kind}\n${item.id}\n${item.text}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function loadDealt(): Promise<Dealt> {
  return ((await chrome.storage.local.get(DEALT_KEY))[DEALT_KEY] as Dealt | undefined) ?? {};
}

export async function setDealt(key: string, done: boolean): Promise<Dealt> {
  const dealt = await loadDealt();
  if (done) dealt[key] = new Date().toISOString().slice(0, 10);
  else delete dealt[key];
  await chrome.storage.local.set({ [DEALT_KEY]: dealt });
  return dealt;
}
