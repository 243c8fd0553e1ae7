// Reads a contenteditable's text as the editor renders it and maps offsets in that
// text (UTF-16, as the report's spans) back to DOM ranges. Read-only: it never
// touches the editor's DOM, and it is rebuilt after every input because editors
// replace their text nodes.

const BLOCKS = new Set(["P", "DIV", "LI", "UL", "OL", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE"]);

export interface TextMap {
  text: string;
  /** Text nodes in document order with the offset where each starts in `text`. */
  nodes: { node: Text; start: number }[];
}

export function readText(root: HTMLElement): TextMap {
  const parts: string[] = [];
  const nodes: TextMap["nodes"] = [];
  let length = 0;
  // A block boundary is written lazily, when the next block starts: nested blocks
  // (Draft's div in div) give one line break, an empty block (<p><br></p>) a blank line.
  let pendingBreak = false;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const walk = (el: Node) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const node = child as Text;
        if (node.data.length === 0) continue;
        nodes.push({ node, start: length });
        push(node.data);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = (child as Element).tagName;
        if (tag === "BR") {
          // The last <br> of an element is the editors' placeholder that keeps an
          // empty or line-break-ended line open: it adds no text of its own.
          if (child.nextSibling) push("\n");
        } else if (BLOCKS.has(tag)) {
          if (pendingBreak) push("\n");
          pendingBreak = false;
          walk(child);
          pendingBreak = true;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  return { text: parts.join(""), nodes };
}

/** The first index whose entry passes `test`, for a test that is false then true. */
function partition(map: TextMap, test: (entry: TextMap["nodes"][number]) => boolean): number {
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(map.nodes[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where a span starts: in the first node that ends after it (a line break moves it on). */
function startPosition(map: TextMap, offset: number): [Text, number] | null {
  const entry = map.nodes[partition(map, (e) => e.start + e.node.data.length > offset)];
  return entry ? [entry.node, Math.max(0, offset - entry.start)] : null;
}

/** Where a span ends: in the last node that starts before it (a line break moves it back). */
function endPosition(map: TextMap, offset: number): [Text, number] | null {
  const entry = map.nodes[partition(map, (e) => e.start >= offset) - 1];
  return entry ? [entry.node, Math.min(entry.node.data.length, offset - entry.start)] : null;
}

export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = startPosition(map, start);
  const b = endPosition(map, end);
  if (!a || !b || !a[0].isConnected || !b[0].isConnected) return null;
  const range = new Range();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range.collapsed && end > start ? null : range;
}

/** The text offset of a DOM position inside the mapped root (for caret and pointer). */
export function offsetOf(map: TextMap, node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    for (const entry of map.nodes) if (entry.node === node) return entry.start + offset;
    return null;
  }
  // An element position (editors often put the caret between children): the offset
  // of the first text node at or after it.
  const point = document.createRange();
  point.setStart(node, offset);
  for (const entry of map.nodes) if (point.comparePoint(entry.node, 0) >= 0) return entry.start;
  return map.text.length;
}
