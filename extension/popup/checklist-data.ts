// The checklists (data/checklists.json): one file so links are easy to update.
// Sites and their hosts come from the site registry (shared/sites.json).
import { SITE_IDS, siteOfHost, type SiteId } from "../shared/sites";
export type { SiteId };
export const SITES: SiteId[] = SITE_IDS;

export interface ChecklistItem {
  id: string;
  label: string;
  why: string;
  where?: string;
  url?: string;
  source?: string;
  checked?: string;
}

export interface Checklists {
  reviewAfterDays: number;
  sites: Record<SiteId, { name: string; items: ChecklistItem[] }>;
  professional: ChecklistItem[];
}

let cached: Promise<Checklists> | undefined;
export function loadChecklists(): Promise<Checklists> {
  return (cached ??= fetch(chrome.runtime.getURL("data/checklists.json")).then((r) => r.json()));
}

export function siteOfUrl(url: string | undefined): SiteId | undefined {
  try {
    return url ? siteOfHost(new URL(url).hostname) : undefined;
  } catch {
    return undefined;
  }
}
