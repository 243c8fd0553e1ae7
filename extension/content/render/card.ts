// <bedside-card>: explains one finding where it is, and offers the fix, "ignore here"
// and "always allow". Shown for the caret, the pointer, a pick from the badge's list
// or the next-finding shortcut; reachable from the keyboard.
import { categoryLabel } from "../../shared/categories";
import { sameFinding, type Finding } from "../../shared/report";
import { h, onTrustedClick, shadowHost } from "./shadow";

const CSS = `
.card { background: #fff; border: 1px solid #c9ced6; border-radius: 10px; padding: 10px 12px; width: 320px; box-shadow: 0 6px 20px rgba(0,0,0,.2); }
.head { display: flex; justify-content: space-between; gap: 8px; font-weight: 600; }
.sev { text-transform: uppercase; font-size: 11px; }
p { margin: 6px 0; }
.fixed { font-style: italic; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
.status { color: #b3261e; }
@media (prefers-color-scheme: dark) { .card { background: #1f2328; border-color: #4a5059; } .status { color: #ff8a80; } }
`;

export interface CardActions {
  fix(finding: Finding): boolean;
  ignore(finding: Finding): void;
  allow(finding: Finding): void;
  close(): void;
}

export class Card {
  readonly host: HTMLElement;
  private readonly body: HTMLElement;
  private finding: Finding | null = null;

  constructor(private readonly actions: CardActions) {
    const { host, root } = shadowHost("bedside-card", CSS);
    this.host = host;
    this.body = h("div", { class: "card", role: "dialog", "aria-label": "Bedside finding" });
    root.append(this.body);
    Object.assign(host.style, { position: "absolute", zIndex: "2147483647", display: "none" });
    host.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.actions.close();
    });
    document.body.append(host);
  }

  get current(): Finding | null {
    return this.finding;
  }

  show(finding: Finding, anchor: DOMRect, focus = false, rtl = false): void {
    // Showing the same finding again (the caret moved within it, a rescan) must not
    // rebuild the card: that would drop the keyboard focus from its buttons.
    if (!(this.finding && sameFinding(this.finding, finding) && this.host.style.display === "block")) this.render(finding);
    // Above the words when there is room: the sites' Post buttons sit below the box,
    // and the card must never cover them. On a right-to-left page it starts at the
    // words' right edge, as the text does.
    this.host.dir = rtl ? "rtl" : "ltr";
    Object.assign(this.host.style, { display: "block", left: "0px" });
    const width = this.host.getBoundingClientRect().width;
    const x = rtl ? Math.min(anchor.right, document.documentElement.clientWidth - 4) - width : anchor.left;
    this.host.style.left = `${Math.max(4, x + window.scrollX)}px`;
    const height = this.host.getBoundingClientRect().height;
    const above = anchor.top - height - 6 >= 0;
    this.host.style.top = `${(above ? anchor.top - height - 6 : anchor.bottom + 6) + window.scrollY}px`;
    if (focus) this.body.querySelector<HTMLButtonElement>("button:not([hidden])")?.focus();
  }

  private render(finding: Finding): void {
    this.finding = finding;
    const status = h("p", { class: "status", role: "status" });
    const fixLabel = finding.suggestion === "" ? "Remove it" : `Change to “${finding.suggestion}”`;
    const fix = h("button", { class: "primary", "data-action": "fix" }, fixLabel);
    const ignore = h("button", { "data-action": "ignore" }, "Ignore here");
    const allow = h("button", { "data-action": "allow" }, "Always allow");
    fix.hidden = finding.suggestion === undefined;
    onTrustedClick(fix, () => {
      if (!this.actions.fix(finding)) status.textContent = "The editor did not take the change; nothing else was altered. Edit the text by hand.";
    });
    onTrustedClick(ignore, () => this.actions.ignore(finding));
    onTrustedClick(allow, () => this.actions.allow(finding));
    // A finding about an attachment (issue 7): no span to fix, no term to allow.
    const photo = (finding as { photo?: { n: number; kind: string } }).photo;
    if (photo) {
      fix.hidden = true;
      allow.hidden = finding.category === "phi.photo";
    }
    const details = finding.details?.length ? h("p", {}, `Details counted: ${finding.details.join(", ")}.`) : "";
    this.body.dataset.category = finding.category;
    this.body.dataset.text = finding.text;
    if (finding.detector) this.body.dataset.detector = finding.detector.id;
    else delete this.body.dataset.detector;
    if (photo) this.body.dataset.photo = String(photo.n);
    else delete this.body.dataset.photo;
    this.body.replaceChildren(
      h("div", { class: "head" }, h("span", {}, heading(finding, !!photo)), h("span", { class: `sev ${finding.severity}` }, finding.severity)),
      h("p", {}, finding.message),
      details,
      h("div", { class: "actions" }, fix, ignore, allow),
      status,
    );
  }

  hide(): void {
    this.finding = null;
    this.host.style.display = "none";
  }
}

/** The card's title: the category, or the organisation detector's label (issue 16). */
function heading(finding: Finding, photo: boolean): string {
  const label = finding.detector ? `Your organization flags this: ${finding.detector.label}` : categoryLabel(finding.category);
  return photo && finding.category !== "phi.photo" ? `In the photo: ${label}` : label;
}
