// Sensitivity, holding "review" posts, work hours and draft expiry; and what the
// managed policy enforces (requireHold, hidePostAnyway), shown as facts, not controls.
import type { Sensitivity, Settings } from "../shared/settings";
import { h, t } from "../popup/i18n";
import { updateSettings, type View } from "./store";

const lockNote = (on: boolean) => (on ? h("span", { class: "lock" }, t("lockedByPolicy")) : "");

export function renderSensitivity(root: HTMLElement, { effective }: View): void {
  const locked = effective.locked.includes("sensitivity");
  const radios = (["strict", "balanced", "relaxed"] as Sensitivity[]).map((s) => {
    const r = h("input", { type: "radio", name: "sensitivity", id: `sens-${s}`, value: s, disabled: locked });
    r.checked = effective.settings.sensitivity === s;
    r.addEventListener("change", () => r.checked && updateSettings((x) => (x.sensitivity = s)));
    return h("div", { class: "check" }, r, h("label", { for: `sens-${s}` }, t(`sens_${s}`)), h("span", { class: "hint" }, t(`sens_${s}_hint`)));
  });
  root.replaceChildren(h("fieldset", {}, h("legend", {}, t("sensitivityLegend")), ...radios, lockNote(locked)));
}

export function renderHolding(root: HTMLElement, { effective }: View): void {
  const { settings, locked } = effective;
  const hold = h("input", { type: "checkbox", id: "hold-review", disabled: locked.includes("holdReview") });
  hold.checked = settings.holdReview;
  hold.addEventListener("change", () => updateSettings((x) => (x.holdReview = hold.checked)));

  const expiry = h("input", { type: "number", id: "draft-expiry", min: "1", max: "365", step: "1", disabled: locked.includes("draftExpiryDays") });
  expiry.value = String(settings.draftExpiryDays);
  const expiryError = h("p", { class: "error", role: "alert", id: "draft-expiry-error" });
  expiry.addEventListener("change", () => {
    const n = Number(expiry.value);
    const ok = Number.isInteger(n) && n >= 1 && n <= 365;
    expiryError.textContent = ok ? "" : t("expiryInvalid");
    expiry.setAttribute("aria-invalid", String(!ok));
    if (ok) void updateSettings((x) => (x.draftExpiryDays = n));
  });

  // Issue 17: drafts in memory only on a computer others use too.
  const shared = h("input", { type: "checkbox", id: "shared-workstation", disabled: locked.includes("sharedWorkstation") });
  shared.checked = settings.sharedWorkstation;
  shared.addEventListener("change", () => updateSettings((x) => (x.sharedWorkstation = shared.checked)));

  const policy: HTMLElement[] = [];
  if (settings.requireHold) policy.push(h("li", { id: "policy-require-hold" }, t("policyRequireHold")));
  if (settings.hidePostAnyway) policy.push(h("li", { id: "policy-hide-post-anyway" }, t("policyHidePostAnyway")));

  root.replaceChildren(
    h("div", { class: "check" }, hold, h("label", { for: "hold-review" }, t("holdReviewLabel")), lockNote(locked.includes("holdReview"))),
    h("div", { class: "field" }, h("label", { for: "draft-expiry" }, t("draftExpiryLabel")), expiry, lockNote(locked.includes("draftExpiryDays")), expiryError),
    h("div", { class: "check" }, shared, h("label", { for: "shared-workstation" }, t("sharedWorkstationLabel")), lockNote(locked.includes("sharedWorkstation"))),
    h("p", { class: "hint", id: "shared-workstation-hint" }, t("sharedWorkstationHint")),
    ...(policy.length ? [h("ul", { class: "policy", "aria-label": t("policyTitle") }, ...policy)] : []),
  );
}

export function renderWorkHours(root: HTMLElement, { effective }: View): void {
  const w = effective.settings.workHours;
  const locked = effective.locked.includes("workHours");
  const save = (change: (x: Settings["workHours"]) => void) => updateSettings((s) => change(s.workHours));

  const enabled = h("input", { type: "checkbox", id: "work-enabled", disabled: locked });
  enabled.checked = w.enabled;
  enabled.addEventListener("change", () => save((x) => (x.enabled = enabled.checked)));
  const time = (key: "start" | "end") => {
    const input = h("input", { type: "time", id: `work-${key}`, disabled: locked, required: true });
    input.value = w[key];
    input.addEventListener("change", () => input.value && save((x) => (x[key] = input.value)));
    return h("div", { class: "field" }, h("label", { for: `work-${key}` }, t(`work_${key}`)), input);
  };
  // Weekday names from the browser's locale: Sunday = 0, as Date.getDay().
  const dayName = new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { weekday: "long" });
  const days = [0, 1, 2, 3, 4, 5, 6].map((d) => {
    const box = h("input", { type: "checkbox", id: `work-day-${d}`, disabled: locked });
    box.checked = w.days.includes(d);
    box.addEventListener("change", () => save((x) => (x.days = box.checked ? [...new Set([...x.days, d])].sort() : x.days.filter((y) => y !== d))));
    return h("div", { class: "check day" }, box, h("label", { for: `work-day-${d}` }, dayName.format(new Date(2024, 0, 7 + d))));
  });
  root.replaceChildren(
    h("div", { class: "check" }, enabled, h("label", { for: "work-enabled" }, t("workEnabledLabel")), lockNote(locked)),
    h("div", { class: "times" }, time("start"), time("end")),
    h("fieldset", { class: "days" }, h("legend", {}, t("workDaysLegend")), ...days),
  );
}
