import { siteOfHost, type SiteId } from "../../shared/sites";
import { facebook } from "./facebook";
import { instagram } from "./instagram";
import { linkedin } from "./linkedin";
import type { SiteAdapter } from "./site";
import { x } from "./x";

export const ADAPTERS: Record<SiteId, SiteAdapter> = { linkedin, x, facebook, instagram };

/** The adapter for a page's host: the site registry says which site the host is. */
export function adapterFor(hostname: string): SiteAdapter | undefined {
  const site = siteOfHost(hostname);
  return site && ADAPTERS[site];
}
