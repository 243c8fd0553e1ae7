// The site registry: one place that says which sites Bedside works on, their hosts,
// names, surfaces and the editor behind each surface (sites.json). The manifest's
// matches and host permissions (scripts/build.mjs), the content script's adapters,
// the popup, drafts, settings import and the CLI's --site values all read it, so a
// host or a site is added here and nowhere else.
import type { EditorKind } from "../content/editors";
import REGISTRY from "./sites.json";

export type SiteId = "linkedin" | "x" | "facebook" | "instagram";

export interface SiteInfo {
  name: string;
  hosts: string[];
  surfaces: Record<string, { editor: EditorKind; what: string }>;
}

export const REGISTRY_SITES = REGISTRY as Record<SiteId, SiteInfo>;
export const SITE_IDS = Object.keys(REGISTRY_SITES) as SiteId[];

/** The site a page's hostname belongs to, if Bedside works there. */
export function siteOfHost(hostname: string): SiteId | undefined {
  return SITE_IDS.find((id) => REGISTRY_SITES[id].hosts.includes(hostname));
}

/** Every host, as manifest match patterns. */
export const matchPatterns = () => SITE_IDS.flatMap((id) => REGISTRY_SITES[id].hosts.map((h) => `https://${h}/*`));
