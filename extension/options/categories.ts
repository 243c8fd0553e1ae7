// Categories on or off, grouped by the taxonomy's prefix. A category the policy locks
// on (lockedOn) or a policy-set "disabled" list shows checked/unchecked and disabled.
import { CATEGORY_LABELS } from "../shared/categories";
import { h, t } from "../popup/i18n";
import { updateSettings, type View } from "./store";

const GROUPS = ["phi", "case", "patient", "workplace", "conduct", "custom"];

export function categoryName(id: string): string {
  return chrome.i18n.getMessage(`cat_${id.replace(/\./g, "_")}`) || CATEGORY_LABELS[id] || id;
}

export function renderCategories(root: HTMLElement, { effective }: View): void {
  const { settings, locked } = effective;
  const allLocked = locked.includes("disabled");
  const groups = GROUPS.map((g) => {
    const ids = Object.keys(CATEGORY_LABELS).filter((id) => id.split(".")[0] === g);
    return h("fieldset", { class: "group" },
      h("legend", {}, t(`group_${g}`)),
      ...ids.map((id) => {
        const lockedOn = settings.lockedOn.includes(id);
        const box = h("input", { type: "checkbox", id: `cat-${id}`, "data-category": id, disabled: lockedOn || allLocked });
        box.checked = !settings.disabled.includes(id);
        box.addEventListener("change", () =>
          updateSettings((s) => (s.disabled = box.checked ? s.disabled.filter((x) => x !== id) : [...new Set([...s.disabled, id])])));
        const label = h("label", { for: `cat-${id}` }, categoryName(id));
        const lock = lockedOn || allLocked ? h("span", { class: "lock", "data-locked": id }, t(lockedOn ? "lockedOnByPolicy" : "lockedByPolicy")) : "";
        return h("div", { class: "check" }, box, label, lock);
      }));
  });
  root.replaceChildren(...groups);
}
