// Helpers shared by the Chromium (Playwright) and Firefox (Selenium) suites. The
// page-side ones are self-contained functions, serialised into the page by either
// driver's evaluate.

/** Waits until an async node-side predicate holds (polls; no fixed sleeps in tests). */
export async function until(predicate, { timeout = 5_000, interval = 25, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await predicate();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout}ms waiting for ${message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** In the page: underlined texts by severity, from CSS highlights or the textarea mirror. */
export function underlinedIn(selector) {
  const box = window.__fixture.query(selector);
  const out = { high: [], medium: [], low: [] };
  if (box instanceof HTMLTextAreaElement) {
    for (const mirror of document.querySelectorAll('bedside-mirror')) {
      for (const span of mirror.shadowRoot.querySelectorAll('span[data-severity]')) out[span.dataset.severity].push(span.textContent);
    }
    return out;
  }
  for (const sev of Object.keys(out)) {
    for (const range of CSS.highlights.get(`bedside-${sev}`) ?? []) if (box.contains(range.startContainer)) out[sev].push(range.toString());
  }
  return out;
}

const SEVERITIES = ['high', 'medium', 'low'];

/** A report's finding texts by severity, sorted: the underlines it should show. */
export function wantedUnderlines(report) {
  return Object.fromEntries(SEVERITIES.map((sev) => [sev, report.findings.filter((f) => f.severity === sev).map((f) => f.text).sort()]));
}

/**
 * Reads the underlines (`read` returns `underlinedIn`'s shape) until they are the report's,
 * for up to `timeout` ms, and returns the last reading sorted. A report on a text typed part
 * way can have as many findings as the final one (a span still ending before the full stop),
 * so counting the badge's findings is not enough.
 */
export async function finalUnderlines(read, report, timeout = 5_000) {
  const want = JSON.stringify(wantedUnderlines(report));
  const sorted = (m) => Object.fromEntries(SEVERITIES.map((sev) => [sev, [...m[sev]].sort()]));
  let marks = sorted(await read());
  for (const end = Date.now() + timeout; JSON.stringify(marks) !== want && Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 50));
    marks = sorted(await read());
  }
  return marks;
}

/** In the page: resolves true when badge `i`'s scan counter holds still for 150 ms. */
export function scanIsIdle(i) {
  return new Promise((resolve) => {
    const n = () => document.querySelectorAll('bedside-badge')[i]?.dataset.scan;
    const before = n();
    setTimeout(() => resolve(n() === before), 150);
  });
}
