// The page as one tree, open shadow roots included. LinkedIn renders its share box
// and messaging inside the open shadow root of div#interop-outlet (2025-2026): a
// document query, a document MutationObserver, a window listener's event.target and
// document.getSelection() all stop at that host. These helpers cross it.

/** The parent across shadow boundaries: an element's parent, else its shadow host. */
export function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Whether `node` is `ancestor` or inside it, looking through shadow hosts. */
export function composedContains(ancestor: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
    if (n === ancestor) return true;
  }
  return false;
}

/** The element an event really happened on (a window listener sees the shadow host). */
export function eventTarget(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : first instanceof Node ? first.parentElement : null;
}

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Every open shadow root in `root`'s subtree (an element's own included). */
export function shadowRootsIn(root: Node): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let el = node instanceof Element ? node : (walker.nextNode() as Element | null); el; el = walker.nextNode() as Element | null) {
      const inner = el.shadowRoot;
      if (inner) {
        found.push(inner);
        visit(inner);
      }
    }
  };
  visit(root);
  return found;
}

/** The selection as the editor in `root` sees it: a shadow root's own where the
 * browser keeps one apart (Chromium's shadowRoot.getSelection), else the document's. */
export function selectionFor(root: Node): Selection | null {
  const holder = root as ShadowRoot & { getSelection?: () => Selection | null };
  if (root instanceof ShadowRoot && typeof holder.getSelection === "function") return holder.getSelection();
  return document.getSelection();
}

/** Where the caret or selection starts inside `root`: getComposedRanges (which sees
 * into shadow trees) where the browser has it, else the root's own selection. */
export function selectionStart(root: Node): { node: Node; offset: number } | null {
  const sel = document.getSelection() as (Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }) | null;
  if (root instanceof ShadowRoot && sel?.getComposedRanges) {
    const range = sel.getComposedRanges({ shadowRoots: [root] })[0];
    if (range && root.contains(range.startContainer)) return { node: range.startContainer, offset: range.startOffset };
  }
  const own = selectionFor(root);
  if (!own || own.rangeCount === 0 || !own.anchorNode) return null;
  return { node: own.anchorNode, offset: own.anchorOffset };
}

/** The text position under the pointer, inside shadow trees too. */
export function caretAt(x: number, y: number, roots: ShadowRoot[]): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number, o?: { shadowRoots: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null };
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y, { shadowRoots: roots });
    if (pos) return { node: pos.offsetNode, offset: pos.offset };
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
