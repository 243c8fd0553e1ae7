// The report contract (shared/design.md): the same shape from the CLI's --json, the
// wasm binding and the background engine. Spans are UTF-16 code units.

export type Severity = "high" | "medium" | "low";
export type Verdict = "clean" | "review" | "hold";

export interface Finding {
  category: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  message: string;
  /** Safer wording for the span; "" means remove it. */
  suggestion?: string;
  /** For case.recognizable: the details that were counted. */
  details?: string[];
  /** The organisation detector that found it (issue 16). */
  detector?: { id: string; label: string };
}

export interface Report {
  verdict: Verdict;
  findings: Finding[];
}

/** Where the core runs for a page. The UI shows it and never depends on it. */
export type EngineKind = "local" | "background" | "inactive";

/** The linter as a function: the UI takes one of these and never knows where it runs. */
export type Scan = (text: string) => Promise<Report>;

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };

/** The taxonomy's verdict rule, for reports the UI filters (ignored findings). */
export function verdictOf(findings: readonly Finding[]): Verdict {
  const worst = Math.max(-1, ...findings.map((f) => RANK[f.severity]));
  return worst === 2 ? "hold" : worst === 1 ? "review" : "clean";
}

/** The same finding in two reports (reports are rebuilt on every scan). */
export const sameFinding = (a: Finding, b: Finding) =>
  a.category === b.category && a.start === b.start && a.end === b.end && a.text === b.text;
