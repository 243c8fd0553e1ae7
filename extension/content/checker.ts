// Keeps one box's findings current: scans after edits (at most once per animation
// frame, one scan in flight), drops reports for text that changed meanwhile, and
// renders the open findings as underlines plus the badge.
import { verdictOf, type Finding, type Report, type Scan } from "../shared/report";
import type { Box } from "./box";
import type { Badge } from "./render/badge";
import { setHighlights } from "./render/highlights";
import { Mirror } from "./render/mirror";
import { coversText } from "./whole";

export class Checker {
  private report: Report = { verdict: "clean", findings: [] };
  /** Findings about attached photos and videos (issue 7): not in the box's text. */
  private photos: Finding[] = [];
  private ignored = new Set<string>();
  private frame = 0;
  private inFlight = false;
  private dirty = false;
  /** The next run must ask the engine even if the text is unchanged (settings changed). */
  private stale = true;
  private readonly mirror: Mirror | null;
  private readonly observer: MutationObserver;
  /** The text the current report describes. */
  text = "";

  constructor(
    readonly box: Box,
    readonly badge: Badge,
    private readonly scan: Scan,
    private readonly onError: (error: unknown) => void,
  ) {
    this.mirror = box.el instanceof HTMLTextAreaElement ? new Mirror(box.el) : null;
    // Editors such as Draft.js handle beforeinput themselves and fire no input event:
    // watching the box's own mutations catches every edit.
    this.observer = new MutationObserver(() => this.schedule());
    this.observer.observe(box.el, { childList: true, characterData: true, subtree: true });
    box.el.addEventListener("input", () => this.schedule());
    this.schedule();
  }

  /** Findings still open: not ignored in this post. */
  get open(): Finding[] {
    const seen = new Map<string, number>();
    return this.report.findings.filter((f) => !this.ignored.has(keyOf(f, seen)));
  }

  /** Open findings about the attachments: listed, never underlined. */
  get photoOpen(): Finding[] {
    const seen = new Map<string, number>();
    return this.photos.filter((f) => !this.ignored.has(keyOf(f, seen)));
  }

  /** Text and photo findings: what the badge, the verdict and the guard go by. */
  get all(): Finding[] {
    return [...this.open, ...this.photoOpen];
  }

  get verdict() {
    return verdictOf(this.all);
  }

  /** The attachments' findings changed (attached, read, answered, removed). */
  setPhotos(findings: Finding[]): void {
    this.photos = findings;
    this.render();
  }

  /** Asks for a check on the next animation frame; `rescan` even if the text is unchanged. */
  schedule(rescan = false): void {
    this.stale ||= rescan;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.run();
    });
  }

  /** Scans now and resolves once the report for the current text is rendered. */
  async run(): Promise<void> {
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    const text = this.box.read();
    if (text === this.text && !this.stale) {
      this.render(); // the editor re-rendered the same text: new nodes, same findings
      return;
    }
    this.inFlight = true;
    this.stale = false;
    try {
      const report = await this.scan(text);
      this.badge.setOn(); // a failed scan before this one is over
      if (this.box.read() === text) {
        this.text = text;
        this.report = report;
        this.render();
      } else {
        this.dirty = true; // the page changed the text mid-scan: this report is stale
      }
    } catch (error) {
      // The last good report (and its underlines) stays; the next edit scans again.
      this.stale = true;
      this.onError(error);
      this.place(); // the "off" badge sits by its box too
    } finally {
      this.inFlight = false;
      if (this.dirty) {
        this.dirty = false;
        this.schedule();
      }
    }
  }

  render(): void {
    const open = this.open;
    if (this.mirror) {
      this.mirror.render(this.text, open);
    } else {
      this.box.read(); // fresh nodes: editors replace their text nodes on every edit
      const ranges = open.flatMap((f) => {
        const range = this.box.range(f.start, f.end);
        return range ? [{ severity: f.severity, range }] : [];
      });
      setHighlights(this, ranges);
    }
    const all = [...open, ...this.photoOpen];
    this.badge.update(all, verdictOf(all));
    this.place();
  }

  place(): void {
    this.badge.place(this.box.el);
    this.mirror?.place();
  }

  /** The narrowest open finding at a text offset (a name inside a case, not the case). For
   * the caret (`byCaret`), not one over the whole text: the caret is always on it while the
   * user types and its card would cover the page's buttons; the badge and the pointer still
   * open it. */
  findingAt(offset: number, byCaret = false): Finding | undefined {
    return this.open
      .filter((f) => f.start <= offset && offset <= f.end && !(byCaret && coversText(f, this.text)))
      .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  }

  /** The next open finding after the caret, wrapping around. */
  next(): Finding | undefined {
    const open = this.open;
    const caret = this.box.caret() ?? -1;
    return open.find((f) => f.start > caret) ?? open[0];
  }

  ignore(finding: Finding): void {
    const seen = new Map<string, number>();
    for (const f of [...this.report.findings, ...this.photos]) {
      const key = keyOf(f, seen);
      if (f === finding) {
        this.ignored.add(key);
        break;
      }
    }
    this.render();
  }

  detach(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    setHighlights(this, []);
    this.mirror?.remove();
    this.badge.remove();
  }
}

/** "This occurrence in this post": category, text and how many such came before. */
function keyOf(f: Finding, seen: Map<string, number>): string {
  const photo = (f as { photo?: { key: string } }).photo;
  const base = `${photo ? `photo:${photo.key}\u0000` : ""}${f.category}\u0000${f.text}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return `${base}\u0000${n}`;
}
