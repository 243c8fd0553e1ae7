// One watched compose box: reads its text and selects or replaces spans of it, only
// through the editor's own input path (selection + execCommand), never by writing DOM.
import { offsetOf, rangeFor, readText, type TextMap } from "./text-map";
import type { Site } from "./sites/site";

export class Box {
  readonly plain: boolean;
  private map: TextMap = { text: "", nodes: [] };

  constructor(
    readonly el: HTMLElement,
    readonly site: Site,
    readonly surface: string,
  ) {
    this.plain = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
  }

  /** The current text; for a contenteditable this also refreshes the offset map. */
  read(): string {
    if (this.el instanceof HTMLTextAreaElement || this.el instanceof HTMLInputElement) return this.el.value;
    this.map = readText(this.el);
    return this.map.text;
  }

  /** A live DOM range for a span of the last read text (contenteditable only). */
  range(start: number, end: number): Range | null {
    return this.plain ? null : rangeFor(this.map, start, end);
  }

  /** The text offset of a DOM position inside this box (from the last read). */
  offsetOf(node: Node, offset: number): number | null {
    return offsetOf(this.map, node, offset);
  }

  /** The text offset of the caret, when it is inside this box. */
  caret(): number | null {
    if (this.el instanceof HTMLTextAreaElement || this.el instanceof HTMLInputElement) {
      return document.activeElement === this.el ? this.el.selectionStart : null;
    }
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || !this.el.contains(sel.anchorNode)) return null;
    this.read();
    return sel.anchorNode ? offsetOf(this.map, sel.anchorNode, sel.anchorOffset) : null;
  }

  /** Selects a span, as a user would, so the editor's own commands act on it. */
  select(start: number, end: number): boolean {
    this.el.focus();
    if (this.el instanceof HTMLTextAreaElement || this.el instanceof HTMLInputElement) {
      this.el.setSelectionRange(start, end);
      return true;
    }
    this.read();
    const range = this.range(start, end);
    const sel = document.getSelection();
    if (!range || !sel) return false;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }

  /**
   * Replaces a span through the editor's input path and checks the editor's text
   * changed exactly as intended. Returns false (and changes nothing more) if not.
   */
  replace(start: number, end: number, replacement: string): boolean {
    const before = this.read();
    if (!this.select(start, end)) return false;
    const ok = replacement === "" ? document.execCommand("delete") : document.execCommand("insertText", false, replacement);
    const expected = before.slice(0, start) + replacement + before.slice(end);
    return ok && this.read() === expected;
  }

  /** Replaces the whole text (restoring a draft, clearing a held post). */
  replaceAll(text: string): boolean {
    const before = this.read();
    if (before === text) return true;
    return this.replace(0, before.length, text);
  }
}
