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

/** In the page: resolves true when badge `i`'s scan counter holds still for 150 ms. */
export function scanIsIdle(i) {
  return new Promise((resolve) => {
    const n = () => document.querySelectorAll('bedside-badge')[i]?.dataset.scan;
    const before = n();
    setTimeout(() => resolve(n() === before), 150);
  });
}
