// Compiling the core takes a moment after the page loads; a post sent in that
// window would slip past the guard. Until the guard listens, submits are held and,
// once it does, sent again so the guard decides on them like any other.
import { composedParent, eventTarget } from "./dom";
import { boxSelector, surfaceOf, type SiteAdapter } from "./sites/site";

/** Holds submits until `ready` settles, or at most `limitMs`: never blocks for good. */
export function holdSubmitsUntil(adapter: SiteAdapter, ready: Promise<unknown>, limitMs = 5000): void {
  const boxes = boxSelector(adapter);
  let held: (() => void) | null = null;
  let open = true;

  const take = (event: Event, again: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    held ??= again; // the first submit is re-sent; repeats while waiting are dropped
  };
  const onClick = (event: MouseEvent) => {
    for (let el = eventTarget(event); el; el = composedParent(el)) {
      if (adapter.isSubmit(el)) return take(event, () => (el as HTMLElement).click());
    }
  };
  const onKey = (event: KeyboardEvent) => {
    const box = eventTarget(event)?.closest(boxes) ?? null;
    if (!box || !adapter.submitsOnKey(surfaceOf(adapter, box), event)) return;
    const init: KeyboardEventInit = { ...pick(event), bubbles: true, cancelable: true, composed: true };
    take(event, () => box.dispatchEvent(new KeyboardEvent("keydown", init)));
  };
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.querySelector(boxes)) take(event, () => form.requestSubmit());
  };

  window.addEventListener("click", onClick, true);
  window.addEventListener("keydown", onKey, true);
  window.addEventListener("submit", onSubmit, true);
  const release = () => {
    if (!open) return;
    open = false;
    window.removeEventListener("click", onClick, true);
    window.removeEventListener("keydown", onKey, true);
    window.removeEventListener("submit", onSubmit, true);
    held?.(); // now through the real guard (or straight to the site if none started)
  };
  void ready.finally(release);
  setTimeout(release, limitMs);
}

function pick(e: KeyboardEvent): KeyboardEventInit {
  const { key, code, location, ctrlKey, shiftKey, altKey, metaKey } = e;
  return { key, code, location, ctrlKey, shiftKey, altKey, metaKey };
}
