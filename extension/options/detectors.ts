// Patterns (issue 16): the organisation's detectors, locked, then the user's own, each
// with the core's verdict on it ("Not used: invalid pattern: ..."); a form adds one. The
// core compiles them (in the background), so the errors here are the ones it acts on.
import { CATEGORY_LABELS } from "../shared/categories";
import type { DetectorError } from "../shared/core";
import type { Severity } from "../shared/report";
import type { Detector } from "../shared/settings";
import { h, t } from "../popup/i18n";
import { categoryName } from "./categories";
import { updateSettings, type View } from "./store";

const SEVERITIES: Severity[] = ["high", "medium", "low"];

function row(d: Detector, locked: boolean, error: DetectorError | undefined): HTMLElement {
  const category = d.category ?? "custom.term";
  const li = h("li", { "data-detector": d.id, ...(locked ? { "data-locked": "true" } : {}) },
    h("span", { class: "term" }, d.label),
    h("code", { class: "pattern" }, d.pattern),
    h("span", { class: "hint" }, `${categoryName(category)}, ${t(`severity_${d.severity ?? (category === "custom.term" ? "medium" : "high")}`)}`),
  );
  if (locked) li.append(h("span", { class: "lock" }, t("lockedByPolicy")));
  else {
    const remove = h("button", { type: "button", "aria-label": t("removeDetector", d.label) }, t("remove"));
    remove.addEventListener("click", () => updateSettings((s) => (s.detectors = s.detectors.filter((x) => x.id !== d.id))));
    li.append(remove);
  }
  if (error) li.append(h("p", { class: "error", "data-error": d.id }, t("detectorError", error.message)));
  return li;
}

export function renderDetectors(root: HTMLElement, { user, effective }: View, errors: DetectorError[]): void {
  const policy = effective.policy.detectors ?? [];
  const policyIds = new Set(policy.map((d) => d.id));
  const errorOf = (id: string) => errors.find((e) => e.id === id);
  const rows = [
    ...policy.map((d) => row(d, true, errorOf(d.id))),
    ...user.detectors.filter((d) => !policyIds.has(d.id)).map((d) => row(d, false, errorOf(d.id))),
  ];

  const label = h("input", { type: "text", id: "detector-label", autocomplete: "off", maxlength: "200" });
  const pattern = h("input", { type: "text", id: "detector-pattern", autocomplete: "off", spellcheck: "false", maxlength: "1000" });
  const category = h("select", { id: "detector-category" });
  for (const id of Object.keys(CATEGORY_LABELS).filter((c) => c !== "phi.photo")) category.append(h("option", { value: id }, categoryName(id)));
  category.value = "custom.term";
  const severity = h("select", { id: "detector-severity" });
  for (const s of SEVERITIES) severity.append(h("option", { value: s }, t(`severity_${s}`)));
  severity.value = "high";
  const error = h("p", { class: "error", id: "detector-error", role: "alert" });
  const field = (id: string, key: string, input: HTMLElement) => h("div", { class: "field" }, h("label", { for: id }, t(key)), input);
  const form = h("form", { class: "add detectors-add" },
    field("detector-label", "detectorLabelLabel", label), field("detector-pattern", "detectorPatternLabel", pattern),
    field("detector-category", "detectorCategoryLabel", category), field("detector-severity", "detectorSeverityLabel", severity),
    h("button", { type: "submit" }, t("add")), error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const name = label.value.trim();
    const source = pattern.value;
    error.textContent = !name || !source.trim() ? t("detectorEmpty") : "";
    if (error.textContent) return;
    // An id from the label, unique among the user's and the policy's.
    const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "pattern";
    const taken = new Set([...policyIds, ...user.detectors.map((d) => d.id)]);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    await updateSettings((s) => s.detectors.push({ id, label: name, pattern: source, category: category.value, severity: severity.value as Severity }));
  });
  root.replaceChildren(h("ul", { class: "terms detectors", id: "detectors" }, ...rows), form);
}
