// <bedside-dialog>: shown when a risky post is about to be sent. Lists the findings
// in plain words and offers "Leave it in drafts" (the default, focused), "Edit" and
// "Post anyway". Only trusted (user) events act on it: a page script that clicks or
// presses keys on it achieves nothing.
import { categoryLabel } from "../../shared/categories";
import type { Finding, Verdict } from "../../shared/report";
import { h, onTrustedClick, shadowHost } from "./shadow";

const CSS = `
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; }
.box { background: #fff; border-radius: 12px; padding: 20px; max-width: 460px; width: calc(100% - 48px); max-height: calc(100% - 48px); overflow: auto; box-shadow: 0 8px 32px rgba(0,0,0,.3); }
h2 { font-size: 16px; margin: 0 0 8px; }
p { margin: 0 0 8px; }
ul { margin: 0 0 12px; padding-left: 18px; }
li { margin: 4px 0; }
.quote { font-style: italic; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
@media (prefers-color-scheme: dark) { .box { background: #1f2328; } }
`;

export type Choice = "hold" | "edit" | "post";

export interface DialogOptions {
  findings: readonly Finding[];
  verdict: Verdict;
  /** Managed policy: a held post cannot be sent as it is. */
  allowPost: boolean;
}

/** Shows the dialog; resolves with the user's choice (Escape means "edit"). One at a time. */
export function askBeforePosting(options: DialogOptions): Promise<Choice> {
  document.querySelector("bedside-dialog")?.remove();
  const { host, root } = shadowHost("bedside-dialog", CSS);
  Object.assign(host.style, { position: "fixed", inset: "0", zIndex: "2147483647" });
  host.dataset.verdict = options.verdict;

  const n = options.findings.length;
  const title = h("h2", { id: "bedside-dialog-title" }, options.verdict === "hold" ? "This post may not be safe to share" : "This post needs a second look");
  const intro = h("p", {}, `Bedside found ${n} thing${n === 1 ? "" : "s"} to check before this goes out:`);
  const list = h(
    "ul",
    {},
    ...options.findings.map((f) =>
      h(
        "li",
        { "data-category": f.category, "data-severity": f.severity },
        h("strong", { class: f.severity }, categoryLabel(f.category)),
        " ",
        h("span", { class: "quote" }, `“${f.text}”`),
        f.message ? `: ${f.message}` : "",
      ),
    ),
  );
  const hold = h("button", { class: "primary", "data-action": "hold" }, "Leave it in drafts");
  const edit = h("button", { "data-action": "edit" }, "Edit");
  const post = h("button", { "data-action": "post" }, "Post anyway");
  if (!options.allowPost) post.hidden = true;
  const note = h("p", {}, "Drafts stay on this device only.");
  const box = h(
    "div",
    { class: "box", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "bedside-dialog-title" },
    title,
    intro,
    list,
    note,
    h("div", { class: "actions" }, edit, ...(options.allowPost ? [post] : []), hold),
  );
  root.append(h("div", { class: "backdrop" }, box));

  return new Promise<Choice>((resolve) => {
    let done = false;
    const previous = document.activeElement;
    const finish = (choice: Choice) => {
      if (done) return;
      done = true;
      document.removeEventListener("focusin", trap, true);
      host.remove();
      if (choice !== "edit" && previous instanceof HTMLElement) previous.focus({ preventScroll: true });
      resolve(choice);
    };
    onTrustedClick(hold, () => finish("hold"));
    onTrustedClick(edit, () => finish("edit"));
    onTrustedClick(post, () => finish("post"));
    // Keys inside the dialog stay inside it: Escape is "Edit", Tab cycles the buttons.
    host.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (!event.isTrusted) return;
      if (event.key === "Escape") {
        event.preventDefault();
        finish("edit");
      } else if (event.key === "Tab") {
        const buttons = [edit, post, hold].filter((b) => !b.hidden && b.isConnected);
        const at = buttons.indexOf(root.activeElement as HTMLButtonElement);
        const next = buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
        event.preventDefault();
        next.focus();
      }
    });
    // Focus may not wander back to the page while the dialog is open.
    const trap = (event: FocusEvent) => {
      if (event.target !== host) hold.focus();
    };
    document.addEventListener("focusin", trap, true);
    document.documentElement.append(host);
    hold.focus();
  });
}

/** The dialog on screen, if any (for the guard: one decision at a time). */
export const dialogOpen = () => !!document.querySelector("bedside-dialog");
