// The guard (issue 5): stops a risky post at the moment it is sent. Listens in the
// capture phase on window, ahead of the sites' own handlers, for clicks on submit
// controls, keyboard submits and form submits. A post whose latest report (for its
// current text) is clean goes through untouched: no preventDefault, no delay. A
// risky one is stopped and <bedside-dialog> asks: leave it in drafts, edit, or post
// anyway (which replays the original action exactly once).
import { summarize, type NewDraft } from "../shared/drafts";
import { ask } from "../shared/messages";
import type { Finding, Verdict } from "../shared/report";
import { onSettingsChanged, type Settings } from "../shared/settings";
import { CHECKLIST, answer, attachmentsOf, reading } from "./attachments";
import type { Checker } from "./checker";
import { composedContains, composedParent, deepActiveElement, eventTarget } from "./dom";
import type { Engine } from "./engine";
import { handle } from "./inbox";
import { askBeforePosting } from "./render/dialog";
import type { SiteAdapter } from "./sites/site";
import type { Watcher } from "./watcher";

export const SAVED = "Saved to Bedside drafts - nothing was posted";
export const COPIED = "Copied to the clipboard - nothing was posted or saved";

/** Managed-policy keys the popup engineer adds; absent means false. */
type Policy = Settings & { hidePostAnyway?: boolean };

const CANDIDATES = 'button, [role="button"], input[type="submit"]';
const SCAN_DEADLINE_MS = 3000;
/** Reading an attached image's text takes longer than a scan (the OCR worker may be starting). */
const OCR_DEADLINE_MS = 15000;

export function guard(adapter: SiteAdapter, engine: Engine, watcher: Watcher, initial: Settings): void {
  let settings: Policy = initial;
  onSettingsChanged((s) => (settings = s.settings));
  /** A decision is under way (waiting for a scan, or the dialog is open). */
  let busy = false;
  /** Set while we replay an action, so our own listeners let exactly that one through. */
  let replaying = false;

  const live = () => [...watcher.checkers.values()].filter((c) => c.box.el.isConnected);
  /** The report describes the current text and every attached image has been read. */
  const fresh = (c: Checker) => c.text === c.box.read() && !reading(c);
  const inactive = (c: Checker) => engine.kind === "inactive" || c.badge.host.dataset.engine === "inactive";
  /** Texts the user chose "Post anyway" for: a later step of the same post (Facebook's
   * Next, then Post; LinkedIn's Next, then Publish) does not ask again. */
  const approved = new WeakMap<Checker, string>();
  const blocks = (c: Checker) =>
    !inactive(c) && approved.get(c) !== c.text && (c.verdict === "hold" || (c.verdict === "review" && settings.holdReview));

  /** The boxes a submit control posts: those in its nearest ancestor holding any
   * (across shadow boundaries: LinkedIn's Post and its box share a shadow root). */
  const postedBy = (control: Element): Checker[] => {
    const boxes = live();
    for (let el: Element | null = control; el; el = composedParent(el)) {
      const inside = boxes.filter((c) => composedContains(el!, c.box.el));
      if (inside.length) return inside;
    }
    return [];
  };

  /** The boxes a keyboard submit in `checker` posts: its composer's (an X thread posts all). */
  const postedWith = (checker: Checker): Checker[] => {
    let el: Element | null = composedParent(checker.box.el);
    for (let depth = 0; el && el !== document.body && depth < 12; el = composedParent(el), depth++) {
      if ([...el.querySelectorAll(CANDIDATES)].some((b) => adapter.isSubmit(b))) {
        return live().filter((c) => composedContains(el!, c.box.el));
      }
    }
    return [checker];
  };

  const submitControl = (target: Element | null): HTMLElement | null => {
    for (let el = target; el; el = composedParent(el)) {
      if (el instanceof HTMLElement && adapter.isSubmit(el)) return el;
    }
    return null;
  };

  /** Runs `action` with our listeners standing aside (dispatch is synchronous). */
  const replay = (action: () => void) => {
    replaying = true;
    try {
      action();
    } finally {
      replaying = false;
    }
  };

  const stop = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  /** Waits until each box's report describes its current text (or the engine gave up). */
  const settle = async (checkers: Checker[]): Promise<boolean> => {
    const deadline = Date.now() + (checkers.some(reading) ? OCR_DEADLINE_MS : SCAN_DEADLINE_MS);
    for (const c of checkers) {
      while (!fresh(c) && !inactive(c)) {
        if (Date.now() > deadline) return false;
        await c.run();
        if (!fresh(c)) await new Promise((r) => setTimeout(r, 16));
      }
    }
    return true;
  };

  /**
   * The decision for one submit. Synchronous when every report is current: a clean
   * post returns before touching the event.
   */
  const intercept = (event: Event, checkers: Checker[], again: () => void) => {
    if (engine.kind === "inactive" || !checkers.length) return;
    if (busy) return stop(event); // one decision at a time: no second submit slips past
    if (checkers.every(fresh)) {
      if (!checkers.some(blocks)) return; // clean: untouched
      stop(event);
      void decide(checkers, again);
      return;
    }
    // A report is stale (typed a moment ago): hold the event until the scan is in.
    stop(event);
    busy = true;
    void settle(checkers).then((ok) => {
      busy = false;
      if (ok && checkers.some(blocks)) return decide(checkers, again);
      if (!ok) checkers[0].badge.say("Bedside could not check this post in time, so it was not blocked.");
      replay(again);
    });
  };

  const decide = async (checkers: Checker[], again: () => void): Promise<void> => {
    busy = true;
    try {
      const now = () => {
        const risky = checkers.filter(blocks);
        const findings: Finding[] = risky.flatMap((c) => c.all);
        const verdict: Verdict = risky.some((c) => c.verdict === "hold") ? "hold" : "review";
        return { risky, findings, verdict, held: risky.length > 0 };
      };
      const { findings, verdict } = now();
      // The photo checklist, for every photo or video attached to this post.
      const photos = checkers.flatMap((c) =>
        attachmentsOf(c).map((a) => ({
          key: a.key,
          n: a.n,
          name: a.name,
          kind: a.kind,
          answered: a.answer,
          answer: (value: "none" | string[] | undefined) => answer(c, a.key, value),
        })),
      );
      // Shared workstation (issue 17): offer the clipboard instead of drafts kept in memory.
      const shared = settings.sharedWorkstation ? { text: () => checkers.map((c) => c.box.read()).filter((t) => t.trim()).join("\n\n") } : undefined;
      const choice = await askBeforePosting({ findings, verdict, allowPost: !settings.hidePostAnyway, photos, checklist: CHECKLIST, recheck: now, shared });
      const risky = checkers.filter(blocks);
      if (choice === "post") {
        checkers.forEach((c) => approved.set(c, c.text));
        replay(again);
      } else if (choice === "hold") {
        await hold(checkers);
      } else if (choice === "copy") {
        checkers[0].badge.say(COPIED);
      } else {
        const c = risky[0] ?? checkers[0];
        const f = c.open[0];
        if (f) watcher.selectQuietly(c, f); // the card would sit over the Post button
        else c.box.el.focus();
      }
    } finally {
      busy = false;
    }
  };

  /**
   * Saves the boxes' text as drafts and, only once the save is on disk, empties the
   * boxes through the editors' own input path. A failed save clears nothing.
   */
  const hold = async (checkers: Checker[]): Promise<boolean> => {
    const speaker = checkers[0];
    await settle(checkers); // the findings summary describes the text being saved
    const items = checkers.map((c) => ({ c, text: c.box.read() })).filter(({ text }) => text.trim() !== "");
    if (!items.length) {
      speaker.badge.say("Nothing to save: the box is empty.");
      return false;
    }
    const drafts: NewDraft[] = items.map(({ c, text }) => ({
      text,
      site: adapter.site,
      surface: c.box.surface,
      url: location.origin + location.pathname,
      findings: fresh(c) ? summarize(c.all) : [],
    }));
    try {
      await ask({ type: "drafts/save", drafts });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      items.forEach(({ c }) => c.badge.say(`Could not save to Bedside drafts (${why}). Nothing was cleared and nothing was posted.`));
      return false;
    }
    let emptied = true;
    for (const { c, text } of items) {
      // Text typed while saving is not in the draft: leave the box alone then.
      emptied = c.box.read() === text && (await c.box.replaceAll("")) && emptied;
    }
    const message = emptied
      ? SAVED
      : "Saved to Bedside drafts - nothing was posted, but the box could not be emptied: please delete its text yourself.";
    items.forEach(({ c }) => c.badge.say(message));
    return emptied;
  };

  // One-click hold from a badge, at any time.
  watcher.onHold = (checker) => void hold([checker]);

  window.addEventListener(
    "click",
    (event) => {
      if (replaying) return;
      const control = submitControl(eventTarget(event)); // inside a shadow root too
      if (!control) return;
      // Replays are untrusted clicks (element.click()). The fixtures accept them;
      // a real site that checks event.isTrusted on its Post button would ignore the
      // replay, and the user would need to click Post again (the dialog is gone then,
      // since the same text is still risky, it would show again).
      intercept(event, postedBy(control), () => control.isConnected && control.click());
    },
    true,
  );

  window.addEventListener(
    "keydown",
    (event) => {
      if (replaying) return;
      const checker = watcher.checkerOf(eventTarget(event));
      if (!checker || !adapter.submitsOnKey(checker.box.surface, event)) return;
      const el = checker.box.el;
      const init: KeyboardEventInit & { which: number } = {
        key: event.key,
        code: event.code,
        keyCode: event.keyCode,
        which: event.which,
        location: event.location,
        ctrlKey: event.ctrlKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      intercept(event, postedWith(checker), () => {
        if (!el.isConnected) return;
        el.focus();
        el.dispatchEvent(new KeyboardEvent("keydown", init));
      });
    },
    true,
  );

  // A submit event does not leave a shadow root: listen in each one as well.
  const onSubmit = (event: Event) => {
    if (replaying) return;
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = (event as SubmitEvent).submitter;
    const checkers = live().filter((c) => form.contains(c.box.el));
    intercept(event, checkers, () => form.isConnected && form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined));
  };
  window.addEventListener("submit", onSubmit, true);
  watcher.onRoot((root) => root.addEventListener("submit", onSubmit, true));

  // The popup's "Restore": put a draft's text into an empty compose box on this page.
  handle("restore", async (request: { text?: unknown }) => {
    const text = request.text;
    if (typeof text !== "string" || text === "") throw new Error("nothing to restore");
    const boxes = live();
    const focused = watcher.checkerOf(deepActiveElement());
    const shown = boxes.filter((c) => c.box.el.getClientRects().length > 0);
    const target = [focused, ...shown, ...boxes].find((c) => c && c.box.read().trim() === "");
    if (!target) {
      throw new Error(
        boxes.length
          ? "Every compose box on this page has text in it: empty one first (Bedside does not overwrite what you are writing)."
          : "Open a compose box on this page first.",
      );
    }
    if (!(await target.box.replaceAll(text))) {
      throw new Error("The site's editor did not take the text. Use Copy and paste it instead.");
    }
    target.schedule();
    return { surface: target.box.surface };
  });
}
