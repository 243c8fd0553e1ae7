// Options page: each section renders from the stored and effective settings, and
// re-renders whenever they change (here, in another tab, or by policy). Each change
// is written straight to storage.local, so open tabs rescan at once.
import { localize } from "../popup/i18n";
import { renderCategories } from "./categories";
import { renderHolding, renderSensitivity, renderWorkHours } from "./general";
import { renderCopyDiagnostics } from "./copy-diagnostics";
import { renderImportExport } from "./import-export";
import { view, type View } from "./store";
import { renderAllowlist, renderCustomTerms } from "./terms";

const SECTIONS: [string, (root: HTMLElement, v: View) => void][] = [
  ["custom-terms-body", renderCustomTerms],
  ["allowlist-body", renderAllowlist],
  ["categories-body", renderCategories],
  ["sensitivity-body", renderSensitivity],
  ["holding-body", renderHolding],
  ["work-hours-body", renderWorkHours],
  ["import-export-body", renderImportExport],
  ["copy-diagnostics-body", (root) => renderCopyDiagnostics(root)],
];

async function render(): Promise<void> {
  // Keep keyboard focus where it was across a re-render (inputs have stable ids).
  const focused = document.activeElement?.id;
  const v = await view();
  for (const [id, fn] of SECTIONS) fn(document.getElementById(id)!, v);
  document.body.dataset.locked = v.effective.locked.join(" ");
  if (focused) document.getElementById(focused)?.focus();
  document.body.dataset.ready = "true";
}

localize();
void render();
chrome.storage.onChanged.addListener((changes, area) => {
  if ((area === "local" && "settings" in changes) || area === "managed") void render();
});
