// Finds the compose boxes as the single-page apps add and remove them (one
// MutationObserver, no polling), in the document and in every open shadow root it
// finds (LinkedIn's share box lives in one), gives each a Checker and a badge, and
// routes the caret, the pointer and the keyboard to the finding card.
import { sameFinding, type Finding } from "../shared/report";
import { Box } from "./box";
import { Checker } from "./checker";
import { caretAt, composedContains, deepActiveElement, eventTarget, shadowRootsIn } from "./dom";
import { isHelperEditable } from "./editors";
import { reportFailure, type Engine } from "./engine";
import { Badge } from "./render/badge";
import { Card } from "./render/card";
import { styleRootOf } from "./render/highlights";
import { notice } from "./sites/composer";
import { boxSelector, editable, surfaceOf, type SiteAdapter } from "./sites/site";

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
  /** Calls back for every open shadow root found, now and later (the guard listens
   * there for form submits, which do not cross a shadow boundary). */
  onRoot(callback: (root: ShadowRoot) => void): void;
}

export function watch(adapter: SiteAdapter, engine: Engine, allow: (term: string) => void): Watcher {
  const checkers = new Map<HTMLElement, Checker>();
  const selector = boxSelector(adapter);
  let cardOwner: Checker | null = null;
  let paused = false;
  /** A finding selected on purpose: the caret on it does not reopen its card. */
  let quiet: Finding | null = null;
  /** A frame is booked to place badges (declared first: the first sweep books one). */
  let placeFrame = 0;

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
    card.show(finding, anchor, focus, getComputedStyle(checker.box.el).direction === "rtl");
  };

  /** Open shadow roots found so far; each is observed like the document. */
  const roots = new Set<ShadowRoot>();
  const rootListeners: ((root: ShadowRoot) => void)[] = [];

  const watcher: Watcher = {
    checkers,
    checkerOf: (node) => {
      for (const [el, checker] of checkers) if (node && composedContains(el, node)) return checker;
      return undefined;
    },
    onRoot: (callback) => {
      rootListeners.push(callback);
      roots.forEach(callback);
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
    if (!editable(el) || isHelperEditable(el)) return; // a wrapper, Quill's clipboard, hidden or zero-size editables
    styleRootOf(el);
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
    notice(el); // which of its composer's controls wait for text (composer.ts follows its edits)
  };

  const candidates = () => [document, ...roots].flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)]);

  const sweep = () => {
    if (!paused) for (const el of candidates()) if (!checkers.has(el)) attach(el);
    for (const [el, checker] of checkers) {
      if (paused || !el.isConnected) {
        checker.detach();
        checkers.delete(el);
        if (cardOwner === checker) closeCard();
      }
    }
    placeAll();
  };

  let sweepFrame = 0;
  /** Subtrees added since the last sweep: where new shadow roots may be. */
  let added: Node[] = [];
  const later = () => {
    sweepFrame ||= requestAnimationFrame(() => {
      sweepFrame = 0;
      const fresh = added;
      added = [];
      for (const node of fresh) if (node.isConnected) shadowRootsIn(node).forEach(adopt);
      sweep();
    });
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach((n) => n.nodeType === Node.ELEMENT_NODE && added.push(n));
    later();
  });
  const adopt = (root: ShadowRoot) => {
    if (roots.has(root) || root.host.localName.startsWith("bedside-")) return; // not our own UI
    roots.add(root);
    observer.observe(root, { childList: true, subtree: true });
    root.addEventListener("selectionchange", onSelection); // where the browser fires it on the root
    rootListeners.forEach((l) => l(root));
    later();
  };
  observer.observe(document.documentElement, { childList: true, subtree: true });
  shadowRootsIn(document.documentElement).forEach(adopt);
  // A shadow root attached to an element already in the page adds no node: the first
  // focus or pointer inside it makes it known, and a box that was hidden until then
  // (zero size) is taken when it is focused.
  const discover = (event: Event) => {
    for (const target of event.composedPath()) if (target instanceof ShadowRoot) adopt(target);
    const el = eventTarget(event);
    if (el instanceof HTMLElement && el.matches(selector) && !checkers.has(el)) later();
  };
  document.addEventListener("focusin", discover, true);
  document.addEventListener("pointerdown", discover, true);
  sweep();

  // Underlines, badges and mirrors follow their boxes on scroll and resize (and the
  // badges then move apart so none covers another or a site's button: badge.ts).
  function placeAll() {
    placeFrame ||= requestAnimationFrame(() => {
      placeFrame = 0;
      checkers.forEach((c) => c.place());
    });
  }
  window.addEventListener("scroll", placeAll, { capture: true, passive: true });
  window.addEventListener("resize", placeAll, { passive: true });

  // The caret on an underline opens its card; moving off closes it.
  function onSelection() {
    const checker = watcher.checkerOf(deepActiveElement());
    if (!checker) return;
    const caret = checker.box.caret();
    const shown = cardOwner === checker ? card.current : null;
    if (shown && caret !== null && shown.start <= caret && caret <= shown.end) return; // still on it
    const finding = caret === null ? undefined : checker.findingAt(caret, true);
    if (finding && quiet && sameFinding(finding, quiet)) return;
    quiet = null;
    if (finding) openCard(checker, finding, false);
    else if (cardOwner === checker) closeCard();
  }
  document.addEventListener("selectionchange", onSelection);

  // The pointer over an underline opens its card (contenteditable boxes).
  let pointerFrame = 0;
  document.addEventListener("mousemove", (event) => {
    if (pointerFrame) return;
    const target = eventTarget(event); // composedPath() is empty once dispatch is over
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      const checker = watcher.checkerOf(target);
      if (!checker || checker.box.plain) return;
      const pos = caretAt(event.clientX, event.clientY, [...roots]);
      if (!pos) return;
      checker.box.read();
      const finding = checker.findingAt(checker.box.offsetOf(pos.node, pos.offset) ?? -1);
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
    const checker = watcher.checkerOf(deepActiveElement());
    const finding = checker?.next();
    if (!checker || !finding) return;
    event.preventDefault();
    checker.box.select(finding.start, finding.end);
    openCard(checker, finding, true);
  }, true);

  return watcher;
}
