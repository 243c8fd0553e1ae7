// Export the user's settings as a JSON file; import one after validating it. A bad file
// changes nothing and the error names the field (e.g. customTerms[0].severity).
import { parseSettingsFile, settingsFile } from "../shared/settings-file";
import { h, t } from "../popup/i18n";
import { replaceSettings, type View } from "./store";

export function renderImportExport(root: HTMLElement, { user }: View): void {
  // Outside the re-rendered part: the import itself triggers a re-render.
  const result = document.getElementById("import-result")!;
  const exportButton = h("button", { type: "button", id: "export" }, t("exportButton"));
  exportButton.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([settingsFile(user)], { type: "application/json" }));
    const a = h("a", { href: url, download: "bedside-settings.json" });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const file = h("input", { type: "file", id: "import-file", accept: ".json,application/json" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const parsed = parseSettingsFile(await chosen.text());
    file.value = "";
    if (!parsed.ok) {
      result.className = "error";
      result.dataset.field = parsed.field;
      result.textContent = t("importFailed", [parsed.field, parsed.message]);
      return;
    }
    await replaceSettings(parsed.settings);
    result.className = "ok";
    delete result.dataset.field;
    result.textContent = t("importDone");
  });
  root.replaceChildren(
    h("p", { class: "hint" }, t("importExportHint")),
    h("div", { class: "field" }, exportButton),
    h("div", { class: "field" }, h("label", { for: "import-file" }, t("importLabel")), file),
  );
}
