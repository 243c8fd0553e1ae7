// Issue 17: the options page's diagnostics: whether the checker works and, if not, the
// technical reason (the one a badge's "Details" shows), for the user or their IT team.
import { diagnosticsText, OFF_ADVICE, type Diagnostics } from "../shared/diagnostics";
import { ask } from "../shared/messages";
import { h } from "../popup/i18n";

export async function renderDiagnostics(root: HTMLElement): Promise<void> {
  let d: Diagnostics;
  try {
    d = (await ask({ type: "diagnostics" })) as Diagnostics;
  } catch (error) {
    d = { version: chrome.runtime.getManifest().version, engine: "off", engineError: `the background worker did not answer (${(error as Error)?.message ?? error})` };
  }
  const failing = d.engine === "off" || !!d.lastFailure;
  root.dataset.engine = d.engine;
  root.replaceChildren(
    h("p", { id: "diagnostics-state" }, d.engine === "working" ? "The checker is working." : `The checker is off. ${OFF_ADVICE}`),
    h("pre", { id: "diagnostics-text", class: failing ? "failing" : "" }, diagnosticsText(d)),
  );
}
