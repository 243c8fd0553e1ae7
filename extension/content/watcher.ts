// Finds the compose boxes as the single-page apps add and remove them (one
// MutationObserver, no polling), gives each a Checker and a badge, and routes the
// caret, the pointer and the keyboard to the finding card.
import { sameFinding, type Finding } from "../shared/report";
import { Box } from "./box";
import { Checker } from "./checker";
import { reportFailure, type Engine } from "./engine";
import { Badge } from "./render/badge";
import { Card } from "./render/card";
import { boxSelector, surfaceOf, type SiteAdapter } from "./sites/site";

export interface Watcher {
  checkers: Map<HTMLElement, Checker>;
  /** The checker of the box holding `node`, if any. */
  checkerOf(node: Node | null): Checker | undefined;
  rescanAll(): void;
  /** Switched off for this site: drop every box's underlines and badge until resumed. */
  setPaused(paused: boolean): void;
  /** Selects a finding in its box without popping its card (after "Edit", after Escape). */
  selectQuietly(checker: Checker, finding: Finding): void;
  /** Set by the guard (issue 5): what "Leave it in drafts" on a badge does. */
  onHold: (checker: Checker) => void;
}

export function watch(adapter: SiteAdapter, engine: Engine, allow: (term: string) => void): Watcher {
  const checkers = new Map<HTMLElement, Checker>();
  const selector = boxSelector(adapter);
  let cardOwner: Checker | null = null;
  let paused = false;
  /** A finding selected on purpose: the caret on it does not reopen its card. */
  let quiet: Finding | null = null;

  const card = new Card({
    fix: (f) => {
      const c = cardOwner;
      if (!c || f.suggestion === undefined) return false;
      const ok = c.box.replace(f.start, f.end, f.suggestion);
      if (ok) closeCard();
      return ok;
    },
    ignore: (f) => {
      cardOwner?.ignore(f);
      closeCard();
    },
    allow: (f) => {
      allow(f.text);
      closeCard();
    },
    close: () => {
      const c = cardOwner;
      const f = card.current;
      closeCard();
      if (c && f && !("photo" in f)) c.box.select(f.start, f.end);
    },
  });

  const closeCard = () => {
    cardOwner = null;
    card.hide();
  };

  const openCard = (checker: Checker, finding: Finding, focus: boolean) => {
    const range = "photo" in finding ? null : checker.box.range(finding.start, finding.end);
    const anchor = range?.getBoundingClientRect() ?? checker.box.el.getBoundingClientRect();
    cardOwner = checker;
    card.show(finding, anchor, focus);
  };

  const watcher: Watcher = {
    checkers,
    checkerOf: (node) => {
      for (const [el, checker] of checkers) if (node && el.contains(node)) return checker;
      return undefined;
    },
    rescanAll: () => checkers.forEach((c) => c.schedule(true)),
    selectQuietly: (checker, finding) => {
      quiet = finding;
      checker.box.select(finding.start, finding.end);
    },
    setPaused: (value) => {
      paused = value;
      sweep();
    },
    onHold: () => {},
  };

  const attach = (el: HTMLElement) => {
    // A box nested in another editable (or in our own UI) belongs to that one.
    if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""]')) return;
    const box = new Box(el, adapter.site, surfaceOf(adapter, el));
    let checker: Checker;
    const badge = new Badge(adapter.site, engine.kind, {
      pick: (f) => {
        if (!("photo" in f)) checker.box.select(f.start, f.end); // a photo's finding has no span
        openCard(checker, f, true);
      },
      hold: () => watcher.onHold(checker),
    }, engine.reason);
    checker = new Checker(box, badge, engine.scan, (error) => {
      // An engine that never started rejects every scan with its start-up reason (reported once, in index.ts).
      if (engine.kind === "inactive") return badge.setOff(engine.reason ?? String(error));
      const reason = `A check failed: ${error instanceof Error ? error.message : String(error)}`;
      badge.setOff(reason);
      reportFailure(adapter.site, reason);
    });
    checkers.set(el, checker);
  };

  const sweep = () => {
    if (!paused) for (const el of document.querySelectorAll<HTMLElement>(selector)) if (!checkers.has(el)) attach(el);
    for (const [el, checker] of checkers) {
      if (paused || !el.isConnected) {
        checker.detach();
        checkers.delete(el);
        if (cardOwner === checker) closeCard();
      }
    }
  };

  let sweepFrame = 0;
  new MutationObserver(() => {
    sweepFrame ||= requestAnimationFrame(() => {
      sweepFrame = 0;
      sweep();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
  sweep();

  // Underlines, badges and mirrors follow their boxes on scroll and resize.
  let placeFrame = 0;
  const placeAll = () => {
    placeFrame ||= requestAnimationFrame(() => {
      placeFrame = 0;
      checkers.forEach((c) => c.place());
    });
  };
  window.addEventListener("scroll", placeAll, { capture: true, passive: true });
  window.addEventListener("resize", placeAll, { passive: true });

  // The caret on an underline opens its card; moving off closes it.
  document.addEventListener("selectionchange", () => {
    const sel = document.getSelection();
    const active = document.activeElement;
    const checker = watcher.checkerOf(active instanceof HTMLTextAreaElement ? active : sel?.anchorNode ?? null);
    if (!checker) return;
    const caret = checker.box.caret();
    const shown = cardOwner === checker ? card.current : null;
    if (shown && caret !== null && shown.start <= caret && caret <= shown.end) return; // still on it
    const finding = caret === null ? undefined : checker.findingAt(caret);
    if (finding && quiet && sameFinding(finding, quiet)) return;
    quiet = null;
    if (finding) openCard(checker, finding, false);
    else if (cardOwner === checker) closeCard();
  });

  // The pointer over an underline opens its card (contenteditable boxes).
  let pointerFrame = 0;
  document.addEventListener("mousemove", (event) => {
    if (pointerFrame) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      const checker = watcher.checkerOf(event.target as Node);
      if (!checker || checker.box.plain) return;
      const pos = document.caretRangeFromPoint?.(event.clientX, event.clientY);
      if (!pos) return;
      checker.box.read();
      const finding = checker.findingAt(checker.box.offsetOf(pos.startContainer, pos.startOffset) ?? -1);
      if (finding) openCard(checker, finding, false);
    });
  });

  // A click anywhere but the card or its box puts the card away.
  document.addEventListener("pointerdown", (event) => {
    const path = event.composedPath();
    if (cardOwner && !path.includes(card.host) && !path.includes(cardOwner.box.el)) closeCard();
  }, true);

  // Alt+Shift+N: select the next finding and put the keyboard on its card.
  document.addEventListener("keydown", (event) => {
    if (!(event.altKey && event.shiftKey && event.code === "KeyN")) return;
    const checker = watcher.checkerOf(document.activeElement);
    const finding = checker?.next();
    if (!checker || !finding) return;
    event.preventDefault();
    checker.box.select(finding.start, finding.end);
    openCard(checker, finding, true);
  }, true);

  return watcher;
}
