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
  private readonly root: ShadowRoot;
  /** One copy of the text per layer of findings that do not overlap each other. */
  private layers: HTMLDivElement[] = [];

  constructor(private readonly area: HTMLTextAreaElement) {
    this.root = this.host.attachShadow({ mode: "open" });
    Object.assign(this.host.style, { position: "absolute", pointerEvents: "none", zIndex: "2147483646", overflow: "hidden" });
    document.body.append(this.host);
  }

  render(text: string, findings: readonly Finding[]): void {
    // Overlapping findings (a case around the name inside it) go to separate layers,
    // so every finding keeps its own underline.
    const layers: Finding[][] = [];
    for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
      const free = layers.find((layer) => layer[layer.length - 1].end <= f.start);
      if (free) free.push(f);
      else layers.push([f]);
    }
    if (!layers.length) layers.push([]);
    this.layers = layers.map((layer) => this.layer(text, layer));
    this.root.replaceChildren(...this.layers);
    this.place();
  }

  private layer(text: string, findings: readonly Finding[]): HTMLDivElement {
    const copy = document.createElement("div");
    Object.assign(copy.style, {
      position: "absolute", inset: "0", whiteSpace: "pre-wrap", overflowWrap: "break-word",
      color: "transparent", borderColor: "transparent", overflow: "hidden", margin: "0",
    });
    let at = 0;
    for (const f of findings) {
      copy.append(text.slice(at, f.start));
      const mark = document.createElement("span");
      mark.dataset.severity = f.severity;
      mark.dataset.category = f.category;
      mark.textContent = text.slice(f.start, f.end);
      mark.style.textDecoration = `underline wavy ${COLORS[f.severity]}`;
      mark.style.textDecorationThickness = "2px";
      copy.append(mark);
      at = f.end;
    }
    copy.append(text.slice(at) + "\n");
    return copy;
  }

  /** Follows the textarea's box, style and scroll position. */
  place(): void {
    const rect = this.area.getBoundingClientRect();
    const style = getComputedStyle(this.area);
    for (const copy of this.layers) for (const key of COPIED) copy.style[key] = style[key];
    Object.assign(this.host.style, {
      left: `${rect.left + window.scrollX}px`, top: `${rect.top + window.scrollY}px`,
      width: `${rect.width}px`, height: `${rect.height}px`,
      display: this.area.isConnected && rect.width > 0 ? "block" : "none",
    });
    for (const copy of this.layers) {
      copy.scrollTop = this.area.scrollTop;
      copy.scrollLeft = this.area.scrollLeft;
    }
  }

  remove(): void {
    this.host.remove();
  }
}
