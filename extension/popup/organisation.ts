// Issue 16: what the organisation's policy does here, shown in the popup and the options
// page: its name, the settings it controls (titles from managed_schema.json, the one
// description of every policy key), and what in it could not be used (a key of the wrong
// shape, a detector whose pattern the core rejected), each named. Bedside keeps working
// without those; the rest of the policy applies.
import type { DetectorError } from "../shared/core";
import type { EffectiveSettings } from "../shared/settings";
import schema from "../managed_schema.json";
import { h, t } from "./i18n";

const TITLES: Record<string, string> = Object.fromEntries(
  Object.entries(schema.properties).map(([k, v]) => [k, (v as { title: string }).title]),
);

/** The policy keys that set something (the name alone locks nothing). */
export const controlledKeys = (e: EffectiveSettings) => e.locked.filter((k) => k !== "organisationName");

/** Problems to show: the policy's own, then its detectors the core left out. */
export function policyProblems(e: EffectiveSettings, detectorErrors: DetectorError[]): { key: string; text: string }[] {
  const ids = new Set((e.policy.detectors ?? []).map((d) => d.id));
  const label = (id: string) => e.policy.detectors?.find((d) => d.id === id)?.label ?? id;
  return [
    ...e.problems.map((p) => ({ key: p.field, text: t("policyProblem", [p.field, p.message]) })),
    ...detectorErrors.filter((d) => ids.has(d.id)).map((d) => ({ key: `detector:${d.id}`, text: t("detectorProblem", [label(d.id), d.id, d.message]) })),
  ];
}

export function renderOrganisation(root: HTMLElement, e: EffectiveSettings, detectorErrors: DetectorError[]): void {
  const name = e.settings.organisationName;
  const keys = controlledKeys(e);
  const problems = policyProblems(e, detectorErrors);
  let state = "managed";
  if (!e.policyRead) state = "pending";
  else if (!keys.length && !problems.length && !name) state = "none";
  root.dataset.state = state;
  if (state !== "managed") {
    root.replaceChildren(h("p", { class: "hint", id: "org-state" }, t(state === "pending" ? "policyPending" : "policyNone")));
    return;
  }
  const parts: HTMLElement[] = [h("p", { id: "org-name" }, name ? t("managedBy", name) : t("managedByOrganization"))];
  if (keys.length) {
    parts.push(
      h("p", { class: "hint" }, t("policyControls")),
      h("ul", { id: "org-locked" }, ...keys.map((k) => h("li", { "data-key": k }, TITLES[k] ?? k))),
    );
  }
  if (problems.length) {
    parts.push(
      h("p", { class: "error", id: "policy-problems-title" }, t("policyProblemsTitle")),
      h("ul", { id: "policy-problems", class: "error", "aria-labelledby": "policy-problems-title" }, ...problems.map((p) => h("li", { "data-key": p.key }, p.text))),
    );
  }
  root.replaceChildren(...parts);
}
