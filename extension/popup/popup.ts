// Toolbar popup: the active tab's status and drafts, then that site's privacy checklist
// and the professional one. Not on a site: pick one of the four. Tests open this page
// directly with ?tab=<tabId> since it is then not a real popup.
import { loadChecklists, SITES, siteOfUrl, type SiteId } from "./checklist-data";
import { renderChecklists } from "./checklist";
import { mountDrafts } from "./drafts";
import { h, localize, t } from "./i18n";
import { renderOrganisation } from "./organisation";
import { renderStatus } from "./status";
import type { DetectorError } from "../shared/core";
import { ask } from "../shared/messages";
import { watchSettings } from "../shared/settings";

async function activeTab(): Promise<chrome.tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get("tab");
  if (param) return chrome.tabs.get(Number(param)).catch(() => undefined);
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function main(): Promise<void> {
  localize();
  const [tab, data] = await Promise.all([activeTab(), loadChecklists()]);
  const site = siteOfUrl(tab?.url);
  const name = (s: SiteId) => data.sites[s].name;
  document.body.dataset.site = site ?? "";

  // Nothing here waits for the managed policy: the status paints from the user's
  // settings and again when the policy arrives (issue 16: the first read in a new
  // profile can take seconds).
  const organisation = document.getElementById("organisation")!;
  watchSettings((s) => {
    void renderStatus(document.getElementById("status")!, tab?.id, site, site ? name(site) : "", s);
    renderOrganisation(organisation, s, []);
    organisation.hidden = organisation.dataset.state !== "managed";
    if (s.policyRead) document.body.dataset.policy = "read";
    const ids = new Set((s.policy.detectors ?? []).map((d) => d.id));
    if (s.policyRead && ids.size) {
      void ask({ type: "detectors/errors" }).then((errors) => {
        renderOrganisation(organisation, s, errors as DetectorError[]);
        organisation.hidden = false;
      }, () => {});
    }
  });
  mountDrafts(document.getElementById("drafts")!, { tabId: tab?.id, site });

  const checklists = document.getElementById("checklists")!;
  if (site) await renderChecklists(checklists, site);
  else {
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
  document.body.dataset.painted = String(Math.round(performance.now()));
}

void main();
