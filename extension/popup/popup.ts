// Toolbar popup: the active tab's status and drafts, then that site's privacy checklist
// and the professional one. Not on a site: pick one of the four. Tests open this page
// directly with ?tab=<tabId> since it is then not a real popup.
import { loadChecklists, SITES, siteOfUrl, type SiteId } from "./checklist-data";
import { renderChecklists } from "./checklist";
import { mountDrafts } from "./drafts";
import { h, localize, t } from "./i18n";
import { renderStatus } from "./status";

async function activeTab(): Promise<chrome.tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get("tab");
  if (param) return chrome.tabs.get(Number(param)).catch(() => undefined);
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function main(): Promise<void> {
  localize();
  const tab = await activeTab();
  const site = siteOfUrl(tab?.url);
  const data = await loadChecklists();
  const name = (s: SiteId) => data.sites[s].name;
  document.body.dataset.site = site ?? "";

  await renderStatus(document.getElementById("status")!, tab?.id, site, site ? name(site) : "");
  mountDrafts(document.getElementById("drafts")!, { tabId: tab?.id, site });

  const checklists = document.getElementById("checklists")!;
  if (site) return renderChecklists(checklists, site);

  // Not on one of the four sites: pick one (radio-like buttons, keyboard reachable).
  const picker = document.getElementById("site-picker")!;
  picker.hidden = false;
  const buttons = SITES.map((s) => {
    const b = h("button", { type: "button", "data-site": s, "aria-pressed": "false" }, name(s));
    b.addEventListener("click", () => {
      buttons.forEach((x) => x.setAttribute("aria-pressed", String(x === b)));
      void renderChecklists(checklists, s);
    });
    return b;
  });
  picker.querySelector(".sites")!.replaceChildren(...buttons);
  checklists.replaceChildren(h("p", { class: "hint" }, t("pickSiteHint")));
}

void main();
