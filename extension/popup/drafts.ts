// The popup's held drafts: site, date, first line, findings and when each expires;
// restore into this tab's compose box (through the content script, editor-safe),
// copy, delete, delete all (one click). On a shared workstation, says drafts go when
// the browser closes. Reads and changes drafts only through the background
// worker, the drafts' single writer; nothing leaves the device.
import { expiresAt, firstLine, siteName, type Draft } from "../shared/drafts";
import { ask, type DraftList } from "../shared/messages";
import { h } from "./i18n";

const msg = (key: string, fallback: string) => chrome.i18n.getMessage(key) || fallback;
const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
const when = (ms: number) => new Date(ms).toLocaleString(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

export function mountDrafts(container: HTMLElement, context: { tabId?: number; site?: string }): void {
  const title = h("h2", { id: "drafts-title" }, msg("draftsTitle", "Held drafts"));
  const status = h("p", { class: "drafts-status", role: "status", "aria-live": "polite" });
  const list = h("ul", { class: "drafts-list", "aria-labelledby": "drafts-title" });
  const expiry = h("p", { class: "hint drafts-expiry" });
  const shared = h("p", { class: "drafts-shared", hidden: true }, "Drafts on this computer are cleared when the browser closes.");
  const clearAll = h("button", { type: "button", "data-action": "delete-all" }, "Delete all drafts");
  const footer = h("div", { class: "drafts-footer" }, clearAll);
  container.setAttribute("aria-labelledby", "drafts-title");
  container.replaceChildren(title, shared, expiry, list, footer, status);

  const say = (text: string) => (status.textContent = text);

  // One click (issue 17): on a shared computer, clearing must be quick.
  clearAll.addEventListener("click", async () => {
    try {
      const n = (await ask({ type: "drafts/clear" })) as number;
      say(`Deleted ${n} draft${n === 1 ? "" : "s"}.`);
    } catch (error) {
      say(`Could not delete the drafts: ${String((error as Error).message ?? error)}`);
    }
    await render();
  });

  const restore = async (draft: Draft) => {
    if (context.tabId === undefined) return say("Open LinkedIn, X, Facebook or Instagram in this tab to restore a draft there.");
    try {
      const reply = (await chrome.tabs.sendMessage(context.tabId, { type: "restore", text: draft.text })) as
        | { ok: true; value: { surface: string } }
        | { ok: false; error: string }
        | undefined;
      if (!reply) throw new Error("Bedside is not running on this page. Reload the page and try again.");
      if (!reply.ok) throw new Error(reply.error);
      say("Restored into the compose box. The draft stays here until you delete it.");
    } catch (error) {
      say(`Could not restore: ${String((error as Error).message ?? error)}`);
    }
  };

  const copy = async (draft: Draft) => {
    try {
      await navigator.clipboard.writeText(draft.text);
      say("Copied to the clipboard.");
    } catch {
      say("Could not copy: select the text and copy it yourself.");
    }
  };

  const remove = async (draft: Draft) => {
    try {
      await ask({ type: "drafts/delete", id: draft.id });
      say("Draft deleted.");
    } catch (error) {
      say(`Could not delete the draft: ${String((error as Error).message ?? error)}`);
    }
    await render();
  };

  const item = (draft: Draft, days: number, inMemory: boolean) => {
    const restoreButton = h("button", { type: "button", "data-action": "restore" }, "Restore");
    if (context.tabId === undefined || !context.site) {
      restoreButton.setAttribute("disabled", "");
      restoreButton.title = "Open one of the four sites in this tab to restore here";
    } else if (context.site !== draft.site) {
      restoreButton.title = `Restore into this ${siteName(context.site)} page`;
    }
    const copyButton = h("button", { type: "button", "data-action": "copy" }, "Copy");
    const deleteButton = h("button", { type: "button", "data-action": "delete" }, "Delete");
    restoreButton.addEventListener("click", () => void restore(draft));
    copyButton.addEventListener("click", () => void copy(draft));
    deleteButton.addEventListener("click", () => void remove(draft));
    const findings = draft.findings.length
      ? h("ul", { class: "draft-findings" }, ...draft.findings.map((f) => h("li", { class: f.severity, "data-category": f.category }, `${f.label}: “${f.text}”`)))
      : h("p", { class: "hint" }, "No findings recorded.");
    return h(
      "li",
      { class: "draft", "data-draft-id": draft.id, "data-site": draft.site },
      h("div", { class: "draft-meta" }, h("strong", {}, siteName(draft.site)), ` · ${when(draft.created)}`),
      h("p", { class: "draft-first-line" }, firstLine(draft.text) || "(empty)"),
      findings,
      h("p", { class: "hint draft-expires", "data-expires": String(expiresAt(draft, days)) }, inMemory ? "Deleted when the browser closes" : `Deleted on ${day(expiresAt(draft, days))}`),
      h("div", { class: "draft-actions" }, restoreButton, copyButton, deleteButton),
    );
  };

  const render = async () => {
    let data: DraftList;
    try {
      data = (await ask({ type: "drafts/list" })) as DraftList;
    } catch (error) {
      list.replaceChildren();
      say(`Could not read the drafts: ${String((error as Error).message ?? error)}`);
      return;
    }
    const { drafts, expiryDays } = data;
    container.dataset.count = String(drafts.length);
    container.dataset.shared = String(data.shared);
    shared.hidden = !data.shared;
    expiry.textContent = data.shared
      ? "Shared workstation: held posts are kept in memory only, never written to disk."
      : `Held posts are kept on this device only and deleted ${expiryDays} day${expiryDays === 1 ? "" : "s"} after they were saved` +
        " (change this in Options).";
    const inMemory = new Set(data.inMemory ?? []);
    list.replaceChildren(...drafts.map((d) => item(d, expiryDays, inMemory.has(d.id))));
    if (!drafts.length) list.append(h("li", { class: "hint drafts-none" }, msg("draftsNone", "No held drafts")));
    footer.hidden = drafts.length === 0;
  };

  // Drafts held or expired while the popup is open show up at once.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (((area === "local" || area === "session") && "drafts" in changes) || (area === "local" && "settings" in changes) || area === "managed") void render();
  });
  void render();
}
