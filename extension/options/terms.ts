// Custom terms (with a severity) and allowlist terms. Stored on this device only.
// Terms from the managed policy are listed first, locked.
import type { Severity } from "../shared/report";
import { h, t } from "../popup/i18n";
import { updateSettings, type View } from "./store";

const SEVERITIES: Severity[] = ["high", "medium", "low"];

function severitySelect(value: Severity, label: string): HTMLSelectElement {
  const select = h("select", { "aria-label": label });
  for (const s of SEVERITIES) select.append(h("option", { value: s }, t(`severity_${s}`)));
  select.value = value;
  return select;
}

export function renderCustomTerms(root: HTMLElement, { user, effective }: View): void {
  const policyTerms = effective.policy.customTerms ?? [];
  const policySet = new Set(policyTerms.map((x) => x.term.toLowerCase()));
  const rows = [
    ...policyTerms.map((x) =>
      h("li", { "data-term": x.term, "data-locked": "true" },
        h("span", { class: "term" }, x.term), h("span", { class: "sev" }, t(`severity_${x.severity}`)), h("span", { class: "lock" }, t("lockedByPolicy")))),
    ...user.customTerms.filter((x) => !policySet.has(x.term.toLowerCase())).map((x) => {
      const select = severitySelect(x.severity, t("severityFor", x.term));
      select.addEventListener("change", () =>
        updateSettings((s) => (s.customTerms = s.customTerms.map((y) => (y.term === x.term ? { ...y, severity: select.value as Severity } : y)))));
      const remove = h("button", { type: "button", "aria-label": t("removeTerm", x.term) }, t("remove"));
      remove.addEventListener("click", () => updateSettings((s) => (s.customTerms = s.customTerms.filter((y) => y.term !== x.term))));
      return h("li", { "data-term": x.term }, h("span", { class: "term" }, x.term), select, remove);
    }),
  ];
  const input = h("input", { type: "text", id: "custom-term", autocomplete: "off", maxlength: "200" });
  const severity = severitySelect("medium", t("customTermSeverity"));
  severity.id = "custom-term-severity";
  const error = h("p", { class: "error", id: "custom-term-error", role: "alert" });
  const form = h("form", { class: "add" },
    h("label", { for: "custom-term" }, t("customTermLabel")), input, severity, h("button", { type: "submit" }, t("add")), error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const term = input.value.trim();
    const known = [...policyTerms, ...user.customTerms].some((x) => x.term.toLowerCase() === term.toLowerCase());
    error.textContent = !term ? t("termEmpty") : known ? t("termDuplicate", term) : "";
    if (error.textContent) return;
    await updateSettings((s) => s.customTerms.push({ term, severity: severity.value as Severity }));
  });
  root.replaceChildren(h("ul", { class: "terms", id: "custom-terms" }, ...rows), form);
}

export function renderAllowlist(root: HTMLElement, { user, effective }: View): void {
  const locked = effective.locked.includes("allow");
  const terms = locked ? effective.settings.allow : user.allow;
  const rows = terms.map((term) => {
    const li = h("li", { "data-term": term }, h("span", { class: "term" }, term));
    if (!locked) {
      const remove = h("button", { type: "button", "aria-label": t("removeTerm", term) }, t("remove"));
      remove.addEventListener("click", () => updateSettings((s) => (s.allow = s.allow.filter((x) => x !== term))));
      li.append(remove);
    }
    return li;
  });
  const parts: HTMLElement[] = [h("ul", { class: "terms", id: "allow-terms" }, ...rows)];
  if (locked) parts.push(h("p", { class: "lock" }, t("lockedByPolicy")));
  else {
    const input = h("input", { type: "text", id: "allow-term", autocomplete: "off", maxlength: "200" });
    const error = h("p", { class: "error", role: "alert" });
    const form = h("form", { class: "add" }, h("label", { for: "allow-term" }, t("allowTermLabel")), input, h("button", { type: "submit" }, t("add")), error);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const term = input.value.trim();
      error.textContent = !term ? t("termEmpty") : user.allow.includes(term) ? t("termDuplicate", term) : "";
      if (!error.textContent) await updateSettings((s) => s.allow.push(term));
    });
    parts.push(form);
  }
  root.replaceChildren(...parts);
}
