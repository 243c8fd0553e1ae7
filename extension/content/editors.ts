// What differs between editor libraries, keyed on the library and not on the site:
// the same Quill behaves the same on LinkedIn's share box and its old comment pages,
// the same Lexical on Facebook and Instagram. Box (box.ts) reads, maps and edits
// through these; site adapters only say where boxes and submit controls are.
// Each rule here was found on the fixtures' real editor packages (Quill 1, Draft.js,
// Lexical, TipTap/ProseMirror) in Chromium and Firefox.

export type EditorKind = "quill" | "draft" | "lexical" | "prosemirror" | "textarea" | "contenteditable";

export interface EditorRules {
  /** How a multi-line text goes in through the editor's own input path:
   * "insertText" (execCommand with the line breaks), or "paste" (a paste event with
   * text/plain, which the editor turns into its own paragraphs). */
  multiline: "insertText" | "paste";
  /** Clearing a whole selection: "backspace" (a Backspace keydown the editor's own
   * key handler takes, falling back to execCommand("delete")), or "delete". */
  clear: "backspace" | "delete";
  /** Whether the box is empty as the editor sees it (placeholders are not text). */
  empty(el: HTMLElement, text: string): boolean;
}

const textEmpty = (_el: HTMLElement, text: string) => text.trim() === "";

export const EDITORS: Record<EditorKind, EditorRules> = {
  // Quill 1 ignores synthetic pastes but takes insertText with "\n"; it marks an empty
  // editor .ql-blank (LinkedIn's Post stays disabled until that class goes).
  quill: { multiline: "insertText", clear: "backspace", empty: (el, text) => el.classList.contains("ql-blank") || text.trim() === "" },
  // insertText with "\n" breaks Draft.js; execCommand("delete") on a multi-line selection
  // crashes it; both paste and Backspace go through its model.
  draft: { multiline: "paste", clear: "backspace", empty: textEmpty },
  // Lexical drops the breaks of an inserted "\n" and ignores execCommand("delete").
  lexical: { multiline: "paste", clear: "backspace", empty: textEmpty },
  // ProseMirror reads DOM changes back into its model, and parses pasted text into
  // paragraphs; its Backspace keymap deletes a selection.
  prosemirror: { multiline: "paste", clear: "backspace", empty: (el, text) => el.querySelector(".is-editor-empty") !== null || text.trim() === "" },
  textarea: { multiline: "insertText", clear: "delete", empty: textEmpty },
  contenteditable: { multiline: "insertText", clear: "backspace", empty: textEmpty },
};

/** The editor library behind an editable element, from the marks each library puts on
 * its root (none of them is a site's class name). */
export function editorKind(el: Element): EditorKind {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return "textarea";
  if (el.classList.contains("ql-editor")) return "quill";
  if (el.hasAttribute("data-lexical-editor")) return "lexical";
  if (el.classList.contains("ProseMirror") || el.classList.contains("tiptap")) return "prosemirror";
  if (el.classList.contains("public-DraftEditor-content") || el.querySelector(":scope > [data-contents]")) return "draft";
  return "contenteditable";
}

/**
 * Editables that are a library's helpers, not a box anyone writes in: Quill 1's
 * off-screen `.ql-clipboard` paste target, anything aria-hidden, anything with no
 * size (not rendered) or placed off the page's left edge. Bedside never watches these.
 */
export function isHelperEditable(el: Element): boolean {
  if (el.classList.contains("ql-clipboard")) return true;
  if (el.closest('[aria-hidden="true"]')) return true;
  const rect = el.getBoundingClientRect();
  // Not rendered or no size: a box that appears later is picked up when it is focused.
  return rect.width === 0 || rect.height === 0 || rect.right <= 0;
}
