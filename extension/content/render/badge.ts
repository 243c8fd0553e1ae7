// <bedside-badge>: one per watched box, beside it. Shows the count of open findings,
// the verdict and the engine as attributes (a public contract), lists the findings,
// announces counts to screen readers, and offers "Leave it in drafts" at any time.
import { categoryLabel } from "../../shared/categories";
import { OFF_ADVICE, OFF_TITLE } from "../../shared/diagnostics";
import type { EngineKind, Finding, Verdict } from "../../shared/report";
import type { Site } from "../sites/site";
import { h, onTrustedClick, shadowHost } from "./shadow";

const CSS = `
.bar { display: flex; gap: 4px; align-items: center; background: #fff; border: 1px solid #c9ced6; border-radius: 999px; padding: 2px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.count { border: none; border-radius: 999px; font-weight: 600; }
:host([data-verdict="hold"]) .count { background: #b3261e; color: #fff; }
:host([data-verdict="review"]) .count { background: #e37400; color: #fff; }
:host([data-verdict="clean"]) .count { background: #0d7377; color: #fff; }
:host([data-engine="inactive"]) .count { background: #6b7280; color: #fff; max-width: 210px; border-radius: 12px; line-height: 1.25; text-align: left; }
/* Off: the words take the room, and the bar stays narrow so it covers none of the site's buttons. */
:host([data-engine="inactive"]) .hold { display: none; }
.hold { border: none; border-radius: 999px; }
:host([data-count="0"]) .hold { display: none; }
:host([data-count="0"]:not([data-engine="inactive"])) .count { padding: 0 6px; min-width: 20px; line-height: 18px; }
.panel { margin-top: 4px; background: #fff; border: 1px solid #c9ced6; border-radius: 8px; padding: 8px; max-width: 340px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li button { display: block; width: 100%; text-align: left; border: none; padding: 4px; }
.note { margin: 4px 0 0; }
.off { margin-top: 4px; background: #fff; border: 1px solid #c9ced6; border-left: 4px solid #6b7280; border-radius: 8px; padding: 6px 8px; max-width: 340px; }
.off p { margin: 0; }
.off pre { white-space: pre-wrap; word-break: break-word; margin: 4px 0 0; font-size: 12px; }
@media (prefers-color-scheme: dark) { .bar, .panel, .off { background: #1f2328; border-color: #4a5059; } }
`;

export interface BadgeActions {
  pick(finding: Finding): void;
  hold(): void;
}

export class Badge {
  readonly host: HTMLElement;
  private readonly count: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly note: HTMLElement;
  private readonly live: HTMLElement;
  /** Issue 17: "Bedside is off", what to do, and the technical reason behind "Details". */
  private readonly off: HTMLElement;
  private readonly why: HTMLElement;
  private findings: readonly Finding[] = [];

  constructor(site: Site, private readonly engine: EngineKind, private readonly actions: BadgeActions, inactiveReason?: string) {
    const { host, root } = shadowHost("bedside-badge", CSS);
    this.host = host;
    host.dataset.site = site;
    host.dataset.engine = engine;
    host.dataset.count = "0";
    host.dataset.verdict = "clean";
    Object.assign(host.style, { position: "absolute", zIndex: "2147483646" });
    this.count = h("button", { class: "count", "aria-expanded": "false", "aria-haspopup": "true" });
    const hold = h("button", { class: "hold", "data-action": "hold", title: "Keep this post unposted, saved on this device" }, "Leave it in drafts");
    this.list = h("ul");
    this.note = h("p", { class: "note", role: "status" });
    this.panel = h("div", { class: "panel", hidden: "" }, this.list);
    this.live = h("div", { "aria-live": "polite", style: "position:absolute;clip:rect(0 0 0 0);width:1px;height:1px;overflow:hidden" });
    this.why = h("pre", { class: "why" });
    this.off = h("div", { class: "off", role: "status", hidden: "" }, h("p", { class: "advice" }, `${OFF_ADVICE} Posting is not blocked.`), h("details", {}, h("summary", {}, "Details"), this.why));
    root.append(h("div", { class: "bar" }, this.count, hold), this.panel, this.off, this.note, this.live);
    onTrustedClick(this.count, () => this.toggle());
    onTrustedClick(hold, () => actions.hold());
    this.update([], "clean");
    if (engine === "inactive") this.setOff(inactiveReason ?? "The checker could not start.");
    document.body.append(host);
  }

  update(findings: readonly Finding[], verdict: Verdict): void {
    this.findings = findings;
    const n = findings.length;
    const before = this.host.dataset.count;
    this.host.dataset.count = String(n);
    this.host.dataset.verdict = verdict;
    this.host.dataset.scan = String(Number(this.host.dataset.scan ?? 0) + 1);
    const inactive = this.host.dataset.engine === "inactive";
    // A clean box gets a small mark (no "Leave it in drafts"): watched, nothing to review.
    this.count.textContent = inactive ? OFF_TITLE : n ? `${n} to review` : "✓";
    this.count.setAttribute("aria-label", inactive ? OFF_TITLE : `Bedside: ${n} finding${n === 1 ? "" : "s"}, ${verdict}`);
    if (before !== String(n)) this.live.textContent = n ? `Bedside: ${n} finding${n === 1 ? "" : "s"} in this post` : "Bedside: nothing to review";
    if (!this.panel.hidden) this.renderList();
  }

  /**
   * The checker is off (it could not start, or a scan threw): the badge says so in plain
   * words and keeps the last findings and underlines; a click on it opens the card with
   * what to do, and the technical reason behind "Details".
   */
  setOff(reason: string): void {
    this.host.dataset.engine = "inactive";
    this.why.textContent = reason;
    this.panel.hidden = true;
    this.update(this.findings, (this.host.dataset.verdict ?? "clean") as Verdict);
  }

  /** A scan worked again after a failed one: back to the engine the page started with. */
  setOn(): void {
    if (this.engine === "inactive" || this.host.dataset.engine !== "inactive") return;
    this.host.dataset.engine = this.engine;
    this.off.hidden = true;
    this.count.setAttribute("aria-expanded", "false");
    this.why.textContent = "";
  }

  /** A message under the badge (saved drafts, errors). */
  say(message: string): void {
    this.note.textContent = message;
  }

  /** Under the box's end corner (its bottom left on a right-to-left page). */
  place(target: HTMLElement): void {
    const rect = target.getBoundingClientRect();
    const visible = target.isConnected && rect.width > 0;
    const rtl = getComputedStyle(target).direction === "rtl";
    this.host.dir = rtl ? "rtl" : "ltr";
    Object.assign(this.host.style, {
      display: visible ? "block" : "none",
      left: `${(rtl ? rect.left + 8 : rect.right - 8) + window.scrollX}px`,
      top: `${rect.bottom + window.scrollY + 4}px`,
      transform: rtl ? "none" : "translateX(-100%)",
    });
    // Then, once per frame for all badges, moved clear of each other and of buttons.
    placed.set(this, target);
    spreadFrame ||= requestAnimationFrame(() => {
      spreadFrame = 0;
      spreadBadges([...placed].map(([badge, box]) => ({ badge, box })));
    });
  }

  remove(): void {
    placed.delete(this);
    this.host.remove();
  }

  private toggle(): void {
    if (this.host.dataset.engine === "inactive") {
      // Off: the badge's words say so; a click opens what to do, with the reason behind Details.
      this.off.hidden = !this.off.hidden;
      this.panel.hidden = true;
      this.count.setAttribute("aria-expanded", String(!this.off.hidden));
      return;
    }
    this.off.hidden = true;
    this.panel.hidden = !this.panel.hidden;
    this.count.setAttribute("aria-expanded", String(!this.panel.hidden));
    if (!this.panel.hidden) {
      this.renderList();
      this.list.querySelector("button")?.focus();
    }
  }

  private renderList(): void {
    this.list.replaceChildren(
      ...this.findings.map((f) => {
        // Findings about an attachment (issue 7): the photo itself, or text read from it.
        const photo = (f as { photo?: { n: number } }).photo;
        const prefix = photo && f.category !== "phi.photo" ? "In the photo: " : "";
        const item = h("button", { "data-category": f.category, ...(photo ? { "data-photo": String(photo.n) } : {}) }, prefix, h("strong", { class: f.severity }, categoryLabel(f.category)), `: “${f.text}”`);
        onTrustedClick(item, () => this.actions.pick(f));
        return h("li", {}, item);
      }),
    );
    if (!this.findings.length) this.list.append(h("li", {}, "Nothing to review in this post."));
  }
}

/** Every badge on the page with its box, for spreadBadges. */
const placed = new Map<Badge, HTMLElement>();
let spreadFrame = 0;

const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The site's own controls near a box: its composer's buttons, which a badge must not cover. */
function controlsNear(box: HTMLElement): DOMRect[] {
  let scope: Element | null = box;
  for (let i = 0; i < 4 && scope?.parentElement; i++) scope = scope.parentElement;
  const found = scope ? [...scope.querySelectorAll('button, [role="button"], input[type="submit"]')] : [];
  return found.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
}

/**
 * Moves badges so that none covers another badge, the site's buttons near its box,
 * or its box's text. Each badge tries, in order: under the box's end corner (where
 * place() put it), beside the box's end edge, above the end corner, under the start
 * corner; the first free spot wins, else it stays where it was put.
 */
function spreadBadges(items: { badge: Badge; box: HTMLElement }[]): void {
  const taken: DOMRect[] = [];
  const shown = items.filter(({ badge, box }) => badge.host.style.display !== "none" && box.isConnected);
  shown.sort((a, b) => a.box.getBoundingClientRect().top - b.box.getBoundingClientRect().top);
  for (const { badge, box } of shown) {
    const host = badge.host;
    const own = host.getBoundingClientRect();
    const rect = box.getBoundingClientRect();
    const rtl = host.dir === "rtl";
    const w = own.width;
    const h = own.height;
    const blockers = [...taken, rect, ...controlsNear(box)];
    const end = rtl ? rect.left + 8 : rect.right - 8 - w;
    const spots = [
      [end, rect.bottom + 4],
      [rtl ? rect.left - w - 4 : rect.right + 4, rect.bottom - h],
      [end, rect.top - h - 4],
      [rtl ? rect.right - w : rect.left, rect.bottom + 4],
    ];
    const free = spots.find(([x, y]) => x >= 0 && x + w <= document.documentElement.clientWidth && !blockers.some((b) => overlap(new DOMRect(x, y, w, h), b)));
    if (free) {
      Object.assign(host.style, { left: `${free[0] + window.scrollX}px`, top: `${free[1] + window.scrollY}px`, transform: "none" });
      taken.push(new DOMRect(free[0], free[1], w, h));
    } else {
      taken.push(host.getBoundingClientRect());
    }
  }
}
