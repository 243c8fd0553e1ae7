// What a site adapter knows: where its compose boxes are and how it submits.
// The watcher, renderer and guard use only this shape, never a site's internals.
// Which sites exist, their hosts and their surfaces' names are the site registry's
// (shared/sites.json); the editor behind a box is found from the box (editors.ts).
import type { SiteId } from "../../shared/sites";

export type Site = SiteId;

export interface Surface {
  /** The registry's name for this kind of box, e.g. "share" or "comment". */
  name: string;
  /** Matches the editable element itself (the contenteditable or the textarea). */
  box: string;
  /** Only on pages whose path matches (Instagram's DMs are the /direct/ pages). */
  path?: RegExp;
}

export interface SiteAdapter {
  site: Site;
  /** Most specific first: the first surface a box matches names it. */
  surfaces: Surface[];
  /** Whether this element is a control that submits a post or comment (the guard
   * tests the click target and each of its ancestors, across shadow roots). */
  isSubmit(el: Element): boolean;
  /** Whether a keydown in a box of this surface submits it. Only keys that really
   * post there: a key that inserts a newline is never held. */
  submitsOnKey(surface: string, event: KeyboardEvent): boolean;
}

/** Any editable box on these domains that no named surface matched. */
export const GENERIC: Surface = {
  name: "generic",
  box: '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"], textarea',
};

/** The selector of every box the watcher takes on a site: its surfaces, then any editable. */
export const boxSelector = (adapter: SiteAdapter) => [...adapter.surfaces.map((s) => s.box), GENERIC.box].join(", ");

/** The surface a box belongs to: the first that matches, else the generic one. */
export const surfaceOf = (adapter: SiteAdapter, el: Element, path = location.pathname) =>
  adapter.surfaces.find((s) => el.matches(s.box) && (!s.path || s.path.test(path)))?.name ?? GENERIC.name;

export const plainEnter = (event: KeyboardEvent) =>
  event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;

export const modEnter = (event: KeyboardEvent) =>
  event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.isComposing;

/** A submit predicate from selectors. */
export const matching = (...selectors: string[]) => {
  const selector = selectors.join(", ");
  return (el: Element) => el.matches(selector);
};

/** Editable elements only: a site's wrapper that shares a box's test id is not a box. */
export const editable = (el: Element) => el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable);
