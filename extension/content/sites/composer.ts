// The structural submit cue, for any UI language: the control in a box's own composer
// (its form or dialog, else the container around the box holding only a few controls)
// that is disabled while the box is empty and enabled once it has text. The sites
// disable Post, Comment and Send until there is something to post; an emoji, GIF or
// attach button never follows the text, so it is never taken for a submit. Boxes are
// looked at from page start (followComposers, before the core is up, so the early guard
// knows them too) and as the watcher takes them (notice); adapters ask gatedByText.
// Where a site swaps a control instead of enabling it, labels.ts is the cue.
import { composedContains, composedParent, eventTarget } from "../dom";
import { isHelperEditable } from "../editors";

const CONTROLS = 'button, [role="button"], input[type="submit"]';
/** More controls than this and a container is the page around the composer, not the composer. */
const FEW = 8;
const MAX_DEPTH = 8;

const disabled = (el: Element) => el.matches(':disabled, [aria-disabled="true"]');
const controlsIn = (container: Element, box: Element) =>
  [...container.querySelectorAll(CONTROLS)].filter((c) => !composedContains(box, c) && !c.parentElement?.closest(CONTROLS));

/** The box's own composer: its form or dialog, else the widest ancestor (up to a few levels)
 * that holds no other editable box and only a few controls. */
export function composerOf(box: HTMLElement): Element | null {
  const own = box.closest('form, [role="dialog"], dialog');
  if (own) return own;
  let best: Element | null = null;
  let el = composedParent(box);
  for (let depth = 0; el && el !== document.body && depth < MAX_DEPTH; el = composedParent(el), depth++) {
    const boxes = el.querySelectorAll('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea');
    if ([...boxes].some((b) => b !== box && !composedContains(box, b) && !isHelperEditable(b))) break;
    const n = controlsIn(el, box).length;
    if (n > FEW) break;
    if (n > 0) best = el;
  }
  return best;
}

/** Controls seen disabled while their box was empty, with a test of that box's text now. */
const disabledWhenEmpty = new WeakMap<Element, () => boolean>();

/** Whether a box holds text. The editors' empty markup (`<p><br></p>`) has none, and
 * their placeholders are CSS or sit outside the editable. */
const hasText = (box: HTMLElement) => (box instanceof HTMLTextAreaElement ? box.value : (box.textContent ?? "")).trim() !== "";

/** Looks at the box's composer now. Call it when the box appears and after its text
 * changes (once the site has re-rendered). */
export function notice(box: HTMLElement): void {
  if (hasText(box)) return; // typing: only an empty box says which controls wait for text
  const composer = composerOf(box);
  if (!composer) return;
  for (const control of controlsIn(composer, box)) {
    if (disabled(control)) disabledWhenEmpty.set(control, () => box.isConnected && hasText(box));
    else disabledWhenEmpty.delete(control); // enabled with an empty box: it does not follow the text
  }
}

/** From page start: every box matching `boxes` is looked at on focus (before the first
 * key) and a frame after each edit; focus and input events cross shadow roots. */
export function followComposers(boxes: string): void {
  const boxOf = (event: Event) => {
    const box = eventTarget(event)?.closest(boxes);
    return box instanceof HTMLElement ? box : null;
  };
  document.addEventListener("focusin", (event) => {
    const box = boxOf(event);
    if (box) notice(box);
  }, true);
  document.addEventListener("input", (event) => {
    const box = boxOf(event);
    if (box) requestAnimationFrame(() => notice(box));
  }, true);
}

/** Whether `el` is a control that was disabled while its box was empty and is enabled now
 * that the box has text: the composer's submit, whatever its words. */
export function gatedByText(el: Element): boolean {
  const boxHasText = disabledWhenEmpty.get(el);
  return !!boxHasText && !disabled(el) && boxHasText();
}
