// The checklists (data/checklists.json): one file so links are easy to update.
export type SiteId = "linkedin" | "x" | "facebook" | "instagram";
export const SITES: SiteId[] = ["linkedin", "x", "facebook", "instagram"];

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

const HOSTS: Record<string, SiteId> = {
  "www.linkedin.com": "linkedin",
  "linkedin.com": "linkedin",
  "x.com": "x",
  "twitter.com": "x",
  "www.facebook.com": "facebook",
  "facebook.com": "facebook",
  "www.instagram.com": "instagram",
  "instagram.com": "instagram",
};

export function siteOfUrl(url: string | undefined): SiteId | undefined {
  try {
    return url ? HOSTS[new URL(url).hostname] : undefined;
  } catch {
    return undefined;
  }
}
