// PLACEHOLDER until the drafts engineer's module lands: same signature, no drafts.
export function mountDrafts(container: HTMLElement, _context: { tabId?: number; site?: string }): void {
  const title = document.createElement("h2");
  title.textContent = chrome.i18n.getMessage("draftsTitle") || "Held drafts";
  const p = document.createElement("p");
  p.className = "hint";
  p.textContent = chrome.i18n.getMessage("draftsNone") || "No held drafts";
  container.replaceChildren(title, p);
}
