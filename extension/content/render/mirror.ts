// Underlines for a <textarea>, which has no DOM ranges: a copy of its text laid out
// identically in <bedside-mirror> over it, transparent except for the underlines.
import type { Finding } from "../../shared/report";

const COPIED = [
  "boxSizing", "width", "height", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
  "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth", "borderStyle",
  "fontFamily", "fontSize", "fontWeight", "fontStyle", "letterSpacing", "lineHeight", "textAlign",
  "textTransform", "textIndent", "wordSpacing", "tabSize", "direction",
] as const;

const COLORS = { high: "#d93025", medium: "#e37400", low: "#1a73e8" };

export class Mirror {
  readonly host = document.createElement("bedside-mirror");
  private readonly copy = document.createElement("div");

  constructor(private readonly area: HTMLTextAreaElement) {
    const root = this.host.attachShadow({ mode: "open" });
    root.append(this.copy);
    Object.assign(this.host.style, { position: "absolute", pointerEvents: "none", zIndex: "2147483646", overflow: "hidden" });
    Object.assign(this.copy.style, {
      whiteSpace: "pre-wrap", overflowWrap: "break-word", color: "transparent", borderColor: "transparent",
      overflow: "hidden", margin: "0",
    });
    document.body.append(this.host);
  }

  render(text: string, findings: readonly Finding[]): void {
    const parts: Node[] = [];
    let at = 0;
    for (const f of [...findings].sort((a, b) => a.start - b.start)) {
      if (f.start < at) continue; // overlapping spans: the first one wins
      parts.push(document.createTextNode(text.slice(at, f.start)));
      const mark = document.createElement("span");
      mark.dataset.severity = f.severity;
      mark.dataset.category = f.category;
      mark.textContent = text.slice(f.start, f.end);
      mark.style.textDecoration = `underline wavy ${COLORS[f.severity]}`;
      mark.style.textDecorationThickness = "2px";
      parts.push(mark);
      at = f.end;
    }
    parts.push(document.createTextNode(text.slice(at) + "\n"));
    this.copy.replaceChildren(...parts);
    this.place();
  }

  /** Follows the textarea's box, style and scroll position. */
  place(): void {
    const rect = this.area.getBoundingClientRect();
    const style = getComputedStyle(this.area);
    for (const key of COPIED) this.copy.style[key] = style[key];
    Object.assign(this.host.style, {
      left: `${rect.left + window.scrollX}px`, top: `${rect.top + window.scrollY}px`,
      width: `${rect.width}px`, height: `${rect.height}px`,
      display: this.area.isConnected && rect.width > 0 ? "block" : "none",
    });
    this.copy.scrollTop = this.area.scrollTop;
    this.copy.scrollLeft = this.area.scrollLeft;
  }

  remove(): void {
    this.host.remove();
  }
}
