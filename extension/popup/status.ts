// The current tab as the content script sees it: findings open, the engine in use, and
// the on/off switch for the site (settings.sitesOff; locked when the policy requires holds).
import { askTab as ask, OFF_ADVICE, OFF_TITLE } from "../shared/diagnostics";
import type { EffectiveSettings, Settings } from "../shared/settings";
import type { SiteId } from "./checklist-data";
import { h, t } from "./i18n";

export async function renderStatus(container: HTMLElement, tabId: number | undefined, site: SiteId | undefined, siteName: string, effective: EffectiveSettings): Promise<void> {
  const { settings, locked } = effective;
  const seq = String(Number(container.dataset.seq ?? 0) + 1);
  container.dataset.seq = seq;
  const status = tabId !== undefined && site ? await ask(tabId) : undefined;
  if (container.dataset.seq !== seq) return; // a later render (the policy arrived) wins
  const off = !!site && settings.sitesOff.includes(site);

  const lines: HTMLElement[] = [];
  if (!site) lines.push(h("p", { id: "tab-state", "data-state": "not-site" }, t("statusNotSite")));
  else if (status) {
    lines.push(
      h("p", { id: "tab-state", "data-state": "running" }, t("statusFindings", String(status.findings))),
      status.boxes
        ? h("p", { id: "watching", "data-boxes": String(status.boxes) }, t("statusWatching", [String(status.boxes), status.surfaces.join(", ")]))
        : h("p", { id: "watching", "data-boxes": "0" }, t("statusWatchingNone")),
      status.engine === "inactive"
        ? // Issue 17: the plain words first, the technical reason behind "Details".
          h("div", { id: "engine", "data-engine": status.engine }, h("p", {}, h("strong", {}, OFF_TITLE)), h("p", {}, OFF_ADVICE),
            h("details", {}, h("summary", {}, "Details"), h("p", { class: "hint engine-reason" }, status.reason ?? "")))
        : h("p", { id: "engine", "data-engine": status.engine }, t(`engine_${status.engine}`)),
    );
    if (off) lines.push(h("p", { class: "hint" }, t("statusReloadToApply")));
  } else lines.push(h("p", { id: "tab-state", "data-state": off ? "off" : "no-answer" }, off ? t("statusOff", siteName) : t("statusNoAnswer")));

  const parts: (HTMLElement | string)[] = [h("h2", { id: "status-title" }, t("statusTitle")), ...lines];
  // Until the policy is read the switch waits: the policy may lock it.
  if (site) parts.push(siteSwitch(site, siteName, settings, locked.includes("sitesOff"), !effective.policyRead));
  container.replaceChildren(...parts);
}

function siteSwitch(site: SiteId, siteName: string, settings: Settings, locked: boolean, pending: boolean): HTMLElement {
  const box = h("input", { type: "checkbox", role: "switch", id: "site-on", disabled: locked || pending });
  box.checked = !settings.sitesOff.includes(site);
  const note = h("p", { class: "hint", id: "site-on-note", role: "status" }, locked ? t("lockedByPolicy") : "");
  box.addEventListener("change", async () => {
    const { settings: stored = {} } = (await chrome.storage.local.get("settings")) as { settings?: Partial<Settings> };
    const offNow = (stored.sitesOff ?? []).filter((s) => s !== site);
    if (!box.checked) offNow.push(site);
    await chrome.storage.local.set({ settings: { ...stored, sitesOff: offNow } });
    note.textContent = t("statusReloadToApply");
  });
  return h("div", { class: "switch" }, box, h("label", { for: "site-on" }, t("siteOn", siteName)), note);
}
