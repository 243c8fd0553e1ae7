// Bedside's UI lives in elements with open shadow roots appended outside the editor.
// Content scripts cannot register custom elements (customElements is null in their
// world), but any hyphenated tag name can host a shadow root, which is all we need.

export const BASE_CSS = `
:host { all: initial; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #c9ced6; background: #fff; color: #1f2328; padding: 4px 10px; }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
button.primary { background: #0d7377; border-color: #0d7377; color: #fff; }
.high { color: #b3261e; } .medium { color: #9a4d00; } .low { color: #0b57d0; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6e6e6; }
  button { background: #2b2f36; color: #e6e6e6; border-color: #4a5059; }
  .high { color: #ff8a80; } .medium { color: #ffb74d; } .low { color: #8ab4f8; }
}
`;

export function shadowHost(tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = BASE_CSS + css;
  root.append(style);
  return { host, root };
}

/** Builds an element with attributes and children, for small shadow-root UIs. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** Runs `action` for trusted (user) clicks only: a page script cannot press our buttons. */
export function onTrustedClick(el: HTMLElement, action: (event: MouseEvent) => void): void {
  el.addEventListener("click", (event) => {
    event.stopPropagation();
    if (event.isTrusted) action(event);
  });
}
