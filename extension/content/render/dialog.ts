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
.photos { margin: 0 0 12px; }
fieldset { border: 1px solid #c9ced6; border-radius: 8px; margin: 0 0 8px; padding: 6px 10px; }
legend { font-weight: 600; padding: 0 4px; }
fieldset label { display: block; margin: 2px 0; }
fieldset .none { margin-top: 4px; }
fieldset[data-answer="none"] .none { background: #0d7377; border-color: #0d7377; color: #fff; }
.actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
@media (prefers-color-scheme: dark) { .box { background: #1f2328; } }
`;

/** "copy": on a shared workstation, the text went to the clipboard instead of drafts. */
export type Choice = "hold" | "edit" | "post" | "copy";

/** One attached photo or video, for the checklist. */
export interface PhotoQuestion {
  key: string;
  n: number;
  name: string;
  kind: "image" | "video";
  answered: "none" | string[] | undefined;
  answer(value: "none" | string[] | undefined): void;
}

export interface DialogOptions {
  findings: readonly Finding[];
  verdict: Verdict;
  /** Managed policy: a held post cannot be sent as it is. */
  allowPost: boolean;
  /** Issue 7: the photos and videos attached to the post, and the checklist asked of each. */
  photos?: readonly PhotoQuestion[];
  checklist?: readonly (readonly [string, string])[];
  /** After a checklist answer: the findings now, and whether the post is still held. */
  recheck?: () => { findings: readonly Finding[]; verdict: Verdict; held: boolean };
  /**
   * Issue 17, shared workstation: drafts go when the browser closes, so the dialog says
   * so and offers to copy the post's text to the clipboard instead.
   */
  shared?: { text: () => string };
}

/** Copies text on a user's click; false if the browser refused. */
async function toClipboard(text: string, root: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older permission rules: a hidden textarea in our own shadow root (never the site's editor).
    const area = h("textarea", { style: "position:fixed;opacity:0;pointer-events:none" });
    area.value = text;
    root.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

const inPhoto = (f: Finding) => (f as { photo?: unknown }).photo !== undefined && f.category !== "phi.photo";

function item(f: Finding): HTMLLIElement {
  const photo = (f as { photo?: { n: number } }).photo;
  return h(
    "li",
    { "data-category": f.category, "data-severity": f.severity, ...(photo ? { "data-photo": String(photo.n) } : {}) },
    inPhoto(f) ? "In the photo: " : "",
    h("strong", { class: f.severity }, categoryLabel(f.category)),
    " ",
    h("span", { class: "quote" }, `“${f.text}”`),
    f.message ? `: ${f.message}` : "",
  );
}

/** Shows the dialog; resolves with the user's choice (Escape means "edit"). One at a time. */
export function askBeforePosting(options: DialogOptions): Promise<Choice> {
  document.querySelector("bedside-dialog")?.remove();
  const { host, root } = shadowHost("bedside-dialog", CSS);
  Object.assign(host.style, { position: "fixed", inset: "0", zIndex: "2147483647" });
  host.dataset.verdict = options.verdict;
  // On a right-to-left page the dialog reads right to left too: its text and its buttons'
  // order (the shadow tree inherits the host's direction).
  host.dir = getComputedStyle(document.body ?? document.documentElement).direction === "rtl" ? "rtl" : "ltr";

  const title = h("h2", { id: "bedside-dialog-title" });
  const intro = h("p", {});
  const list = h("ul", {});
  const hold = h("button", { class: "primary", "data-action": "hold" }, "Leave it in drafts");
  const edit = h("button", { "data-action": "edit" }, "Edit");
  const post = h("button", { "data-action": "post" }, "Post anyway");
  const note = h("p", { class: "where" }, options.shared ? "Drafts on this computer are cleared when the browser closes." : "Drafts stay on this device only.");
  const copy = h("button", { "data-action": "copy", hidden: "" }, "Copy the text instead");
  const copyStatus = h("p", { role: "status" });
  if (options.shared) copy.hidden = false;
  /** Title, list and buttons for the findings as they stand (answers change them). */
  const show = (findings: readonly Finding[], verdict: Verdict, held: boolean) => {
    const n = findings.length;
    host.dataset.verdict = held ? verdict : "clean";
    title.textContent = !held ? "Nothing left to check" : verdict === "hold" ? "This post may not be safe to share" : "This post needs a second look";
    intro.textContent = held ? `Bedside found ${n} thing${n === 1 ? "" : "s"} to check before this goes out:` : "Your answers cleared this post. You can post it now.";
    list.replaceChildren(...(held ? findings.map(item) : []));
    post.textContent = held ? "Post anyway" : "Post";
    post.className = held ? "" : "primary";
    hold.className = held ? "primary" : "";
    post.hidden = held && !options.allowPost;
  };
  show(options.findings, options.verdict, true);
  const photos = options.photos?.length ? checklist(options, (state) => {
    const now = options.recheck?.();
    if (!now) return;
    show(now.findings, now.verdict, now.held);
    if (!now.held && state === "none") post.focus();
  }) : "";
  const box = h(
    "div",
    { class: "box", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "bedside-dialog-title" },
    title,
    intro,
    list,
    photos,
    note,
    copyStatus,
    h("div", { class: "actions" }, edit, post, copy, hold),
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
    onTrustedClick(copy, async () => {
      if (!options.shared) return;
      if (await toClipboard(options.shared.text(), root)) finish("copy");
      else copyStatus.textContent = "The browser did not allow copying: select the text in the box and copy it yourself.";
    });
    // Keys inside the dialog stay inside it: Escape is "Edit", Tab cycles the buttons.
    host.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (!event.isTrusted) return;
      if (event.key === "Escape") {
        event.preventDefault();
        finish("edit");
      } else if (event.key === "Tab") {
        const buttons = [...root.querySelectorAll<HTMLElement>("input, button")].filter((b) => !b.hidden && b.isConnected);
        const at = buttons.indexOf(root.activeElement as HTMLElement);
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

/**
 * The photo checklist (issue 7): for each attached photo or video, what it shows.
 * Any box ticked keeps the post held (the photo's finding becomes high); "None of
 * these" clears that photo's finding (text read from the image still counts). Only
 * the user's own clicks and keys count: a page script's click is undone.
 */
function checklist(options: DialogOptions, changed: (state: "none" | "yes" | "open") => void): HTMLElement {
  const items = options.checklist ?? [];
  const sets = (options.photos ?? []).map((p) => {
    const boxes = items.map(([id, label]) => {
      const input = h("input", { type: "checkbox", "data-item": id });
      input.checked = Array.isArray(p.answered) && p.answered.includes(id);
      return { id, input, label: h("label", {}, input, ` ${label}`) };
    });
    const none = h("button", { class: "none", "data-answer": "none", "aria-pressed": String(p.answered === "none") }, "None of these");
    const what = p.kind === "video" ? "Video" : "Photo";
    const set = h("fieldset", { "data-photo": String(p.n), "data-key": p.key }, h("legend", {}, `${what} ${p.n} (${p.name}): does it show…`), ...boxes.map((b) => b.label), none);
    if (p.answered === "none") set.dataset.answer = "none";
    const settle = (value: "none" | string[] | undefined) => {
      set.dataset.answer = value === "none" ? "none" : value?.length ? "yes" : "";
      none.setAttribute("aria-pressed", String(value === "none"));
      p.answer(value);
      changed(value === "none" ? "none" : value?.length ? "yes" : "open");
    };
    for (const b of boxes) {
      b.input.addEventListener("click", (event) => {
        event.stopPropagation();
        if (!event.isTrusted) return void event.preventDefault(); // undoes a script's tick
        const yes = boxes.filter((x) => x.input.checked).map((x) => x.id);
        settle(yes);
      });
    }
    onTrustedClick(none, () => {
      boxes.forEach((b) => (b.input.checked = false));
      settle("none");
    });
    return set;
  });
  const n = sets.length;
  return h(
    "div",
    { class: "photos" },
    h("p", {}, h("strong", {}, n === 1 ? "About the attached photo or video:" : `About the ${n} attached photos and videos:`)),
    ...sets,
  );
}
