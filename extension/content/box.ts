// One watched compose box: reads its text and selects or replaces spans of it, only
// through the editor's own input path (selection + execCommand), never by writing DOM.
import { selectionFor, selectionStart } from "./dom";
import { EDITORS, editorKind, type EditorKind } from "./editors";
import { offsetOf, rangeFor, readText, type TextMap } from "./text-map";
import type { Site } from "./sites/site";

export class Box {
  readonly plain: boolean;
  /** The editor library behind the box (editors.ts): how it is edited and read. */
  readonly kind: EditorKind;
  private map: TextMap = { text: "", nodes: [] };

  constructor(
    readonly el: HTMLElement,
    readonly site: Site,
    readonly surface: string,
  ) {
    this.plain = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement;
    this.kind = editorKind(el);
  }

  /** Empty as the editor sees it (after a read). */
  get empty(): boolean {
    return EDITORS[this.kind].empty(this.el, this.plain ? this.read() : this.map.text);
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
    // Inside a shadow root the document's selection stops at the host (Chromium).
    const at = selectionStart(this.el.getRootNode());
    if (!at || !this.el.contains(at.node)) return null;
    this.read();
    return offsetOf(this.map, at.node, at.offset);
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
    const sel = selectionFor(this.el.getRootNode());
    if (!range || !sel) return false;
    sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
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

  /**
   * Replaces the whole text (restoring a draft, clearing a held post), still only
   * through the editor's own input path, waiting for the editor between steps, and
   * resolves true only if the box then reads exactly `text`. How each editor takes a
   * clear and a multi-line text is its kind's rule in editors.ts.
   */
  async replaceAll(text: string): Promise<boolean> {
    if (this.read() === text) return true;
    if (this.read() !== "" && !(await this.clear())) return false;
    if (text === "") return this.read() === "";
    this.el.focus();
    await settle();
    if (this.plain || !text.includes("\n") || EDITORS[this.kind].multiline === "insertText") {
      document.execCommand("insertText", false, text);
    } else {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      this.el.dispatchEvent(paste);
      if (!paste.defaultPrevented) document.execCommand("insertText", false, text);
    }
    await settle();
    if (this.read() === text) return true;
    // Firefox (issue 8): insertText drops the line breaks of a multi-line text in Quill
    // ("a\nb" reads "ab"). Line by line with insertParagraph between gives Quill its
    // paragraphs. Only reached when the insert above did not take, so never in Chromium.
    if (this.kind !== "quill" || !text.includes("\n") || !(await this.clear())) return false;
    this.el.focus();
    await settle();
    for (const [i, line] of text.split("\n").entries()) {
      if (i > 0) document.execCommand("insertParagraph");
      if (line) document.execCommand("insertText", false, line);
    }
    await settle();
    return this.read() === text;
  }

  /** Empties the box; resolves whether it reads empty afterwards. */
  private async clear(): Promise<boolean> {
    const before = this.read();
    if (!this.select(0, before.length)) return false;
    await settle(); // editors pick the selection up on selectionchange
    if (EDITORS[this.kind].clear === "backspace") {
      const init = { key: "Backspace", code: "Backspace", keyCode: 8, which: 8, bubbles: true, cancelable: true, composed: true };
      const key = new KeyboardEvent("keydown", init);
      this.el.dispatchEvent(key);
      if (key.defaultPrevented) {
        await settle();
        if (this.read() === "") return true;
      }
      if (this.read() !== before) return false; // the editor did something else: stop
      if (!this.select(0, before.length)) return false;
    }
    document.execCommand("delete");
    await settle();
    return this.read() === "";
  }
}

/** Lets the editor catch up: a frame, then a task (React renders, selectionchange).
 * A hidden tab gets no frames, so a timer stands in. */
const settle = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
