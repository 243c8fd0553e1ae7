// Underlines findings in contenteditable boxes with the CSS Custom Highlight API:
// ranges live outside the DOM, so the editor's nodes are never touched. The
// ::highlight(bedside-*) rules are content.css, which the manifest adds to the page;
// a shadow tree takes only its own stylesheets, so a box inside one (LinkedIn's
// share box) gets the same rules adopted by its shadow root.
import type { Severity } from "../../shared/report";
import HIGHLIGHT_CSS from "../content.css";

const NAMES: Record<Severity, string> = { high: "bedside-high", medium: "bedside-medium", low: "bedside-low" };

/** Ranges per box, so one box's update never drops another's underlines. */
const byOwner = new Map<object, { severity: Severity; range: Range }[]>();

export function setHighlights(owner: object, ranges: { severity: Severity; range: Range }[]): void {
  if (ranges.length) byOwner.set(owner, ranges);
  else byOwner.delete(owner);
  if (typeof Highlight === "undefined" || !CSS.highlights) return;
  for (const severity of Object.keys(NAMES) as Severity[]) {
    const all = [...byOwner.values()].flat().filter((r) => r.severity === severity).map((r) => r.range);
    if (all.length) CSS.highlights.set(NAMES[severity], new Highlight(...all));
    else CSS.highlights.delete(NAMES[severity]);
  }
}

const styled = new WeakSet<ShadowRoot>();

/** Makes the underline rules apply inside the shadow tree holding `el` (once per root).
 * An adopted stylesheet adds no node to the site's tree; where the browser refuses one
 * made in the content script's world, a <style> beside the site's content does it. */
export function styleRootOf(el: Element): void {
  const root = el.getRootNode();
  if (!(root instanceof ShadowRoot) || styled.has(root)) return;
  styled.add(root);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Firefox: a sheet constructed in the content script's world cannot be adopted.
  }
  const style = document.createElement("style");
  style.dataset.bedside = "highlights";
  style.textContent = HIGHLIGHT_CSS;
  root.append(style);
}
