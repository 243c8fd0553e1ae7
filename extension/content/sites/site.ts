// What a site adapter knows: where its compose boxes are and how it submits.
// The watcher, renderer and guard use only this shape, never a site's internals.

export type Site = "linkedin" | "x" | "facebook" | "instagram";

export interface Surface {
  /** A name for this kind of box, e.g. "share" or "comment". */
  name: string;
  /** Matches the editable element itself (the contenteditable or the textarea). */
  box: string;
}

export interface SiteAdapter {
  site: Site;
  /** Most specific first: the first surface a box matches names it. */
  surfaces: Surface[];
  /** Whether this element is a control that submits a post or comment (the guard
   * tests the click target and each of its ancestors). */
  isSubmit(el: Element): boolean;
  /** Whether a keydown in a box of this surface submits it. */
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
export const surfaceOf = (adapter: SiteAdapter, el: Element) =>
  adapter.surfaces.find((s) => el.matches(s.box))?.name ?? GENERIC.name;

export const plainEnter = (event: KeyboardEvent) =>
  event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;

export const modEnter = (event: KeyboardEvent) =>
  event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.isComposing;

/** A submit predicate from selectors. */
export const matching = (...selectors: string[]) => {
  const selector = selectors.join(", ");
  return (el: Element) => el.matches(selector);
};
