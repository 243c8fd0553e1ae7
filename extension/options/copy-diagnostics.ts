// "Copy diagnostics" (issue 13): the version, sites, surfaces and engine of the open
// tabs (shared/diagnostics.ts: never any post text) to the clipboard, on the user's
// own click only. Nothing is sent anywhere.
import { collectDiagnostics } from "../shared/diagnostics";
import { h, t } from "../popup/i18n";

export function renderCopyDiagnostics(root: HTMLElement): void {
  if (root.childElementCount) return; // static: keep the last result shown across re-renders
  const note = h("p", { id: "diagnostics-result", role: "status" });
  const button = h("button", { type: "button", id: "copy-diagnostics" }, t("diagnosticsCopy"));
  button.addEventListener("click", async (event) => {
    if (!event.isTrusted) return;
    try {
      const text = JSON.stringify(await collectDiagnostics(), null, 2);
      await navigator.clipboard.writeText(text);
      note.textContent = t("diagnosticsCopied");
    } catch (error) {
      note.textContent = t("diagnosticsFailed", error instanceof Error ? error.message : String(error));
    }
  });
  root.append(h("p", { class: "hint" }, t("reportHint")), button, note);
}
