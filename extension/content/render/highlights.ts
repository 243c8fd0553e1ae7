// Underlines findings in contenteditable boxes with the CSS Custom Highlight API:
// ranges live outside the DOM, so the editor's nodes are never touched. The
// ::highlight(bedside-*) rules are in content.css.
import type { Severity } from "../../shared/report";

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
