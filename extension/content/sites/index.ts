import { facebook } from "./facebook";
import { instagram } from "./instagram";
import { linkedin } from "./linkedin";
import type { SiteAdapter } from "./site";
import { x } from "./x";

const BY_HOST: Record<string, SiteAdapter> = {
  "www.linkedin.com": linkedin,
  "x.com": x,
  "www.facebook.com": facebook,
  "www.instagram.com": instagram,
};

export function adapterFor(hostname: string): SiteAdapter | undefined {
  return BY_HOST[hostname];
}
