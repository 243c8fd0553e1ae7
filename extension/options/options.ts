// Options page: each section renders from the stored and effective settings, and
// re-renders whenever they change (here, in another tab, or by policy). Each change
// is written straight to storage.local, so open tabs rescan at once.
// The first paint does not wait for the managed policy (its first read in a new profile
// can take seconds): the page paints from the user's settings, then again with the policy
// (body[data-ready] from then on), then with the core's verdict on the detectors.
import { localize } from "../popup/i18n";
import { renderOrganisation } from "../popup/organisation";
import type { DetectorError } from "../shared/core";
import { ask } from "../shared/messages";
import { watchSettings, type EffectiveSettings } from "../shared/settings";
import { renderCategories } from "./categories";
import { renderDetectors } from "./detectors";
import { renderDiagnostics } from "./diagnostics";
import { renderHolding, renderSensitivity, renderWorkHours } from "./general";
import { renderCopyDiagnostics } from "./copy-diagnostics";
import { renderImportExport } from "./import-export";
import { userSettings, type View } from "./store";
import { renderAllowlist, renderCustomTerms } from "./terms";

let detectorErrors: DetectorError[] = [];

const SECTIONS: [string, (root: HTMLElement, v: View) => void][] = [
  ["organisation-body", (root, v) => renderOrganisation(root, v.effective, detectorErrors)],
  ["custom-terms-body", renderCustomTerms],
  ["detectors-body", (root, v) => renderDetectors(root, v, detectorErrors)],
  ["allowlist-body", renderAllowlist],
  ["categories-body", renderCategories],
  ["sensitivity-body", renderSensitivity],
  ["holding-body", renderHolding],
  ["work-hours-body", renderWorkHours],
  ["import-export-body", renderImportExport],
  ["copy-diagnostics-body", (root) => renderCopyDiagnostics(root)],
];

let checks = 0;
let renders = 0;

async function render(effective: EffectiveSettings): Promise<void> {
  const mine0 = ++renders;
  const v: View = { user: await userSettings(), effective };
  if (mine0 !== renders) return; // settings changed again meanwhile
  // Keep keyboard focus where it was across a re-render (inputs have stable ids).
  const focused = document.activeElement?.id;
  for (const [id, fn] of SECTIONS) fn(document.getElementById(id)!, v);
  document.body.dataset.locked = v.effective.locked.join(" ");
  if (focused) document.getElementById(focused)?.focus();
  document.body.dataset.painted ??= String(Math.round(performance.now()));
  if (!effective.policyRead) return;
  document.body.dataset.ready = "true";
  // The core's word on the detectors, asked of the background (which compiles them).
  const mine = ++checks;
  document.body.dataset.detectorsChecked = "false";
  detectorErrors = effective.settings.detectors.length ? await ask({ type: "detectors/errors" }).then((e) => e as DetectorError[], () => []) : [];
  if (mine !== checks) return; // a newer render asked again
  renderOrganisation(document.getElementById("organisation-body")!, effective, detectorErrors);
  renderDetectors(document.getElementById("detectors-body")!, v, detectorErrors);
  if (focused) document.getElementById(focused)?.focus();
  document.body.dataset.detectorsChecked = "true";
}

localize();
watchSettings((s) => void render(s));
// After the first paint: asking the background starts its core, which may take a moment.
void renderDiagnostics(document.getElementById("diagnostics-body")!);
