// User settings (chrome.storage.local "settings"), overridden key by key by the
// managed policy (chrome.storage.managed) a hospital's IT sets.
import { checkPolicy } from "./policy";
import type { Severity } from "./report";

export type Sensitivity = "strict" | "balanced" | "relaxed";

/** An organisation detector (crates/core/src/detectors.rs): a `regex` crate pattern. */
export interface Detector {
  id: string;
  label: string;
  pattern: string;
  /** A taxonomy id; custom.term when absent. */
  category?: string;
  severity?: Severity;
  message?: string;
  /** Flag a match only in a sentence or post about a patient. */
  needs_context?: boolean;
}

/** A policy key (or detector) that could not be used, and why. */
export interface PolicyProblem {
  /** The key as written in policy, e.g. "sensitivity" or "detectors[2]" (or the detector id). */
  field: string;
  message: string;
}

export interface Settings {
  customTerms: { term: string; severity: Severity }[];
  allow: string[];
  /** Category ids switched off. */
  disabled: string[];
  sensitivity: Sensitivity;
  /** Hold posts whose verdict is "review" too, not only "hold". */
  holdReview: boolean;
  /** Posting during these hours raises workplace.at_work. Days: 0 = Sunday. */
  workHours: { enabled: boolean; start: string; end: string; days: number[] };
  draftExpiryDays: number;
  /**
   * Shared workstation (issue 17): held drafts live only in chrome.storage.session
   * (memory), so nothing of a post is written to disk and drafts go when the browser closes.
   */
  sharedWorkstation: boolean;
  /** Sites where Bedside is switched off. */
  sitesOff: string[];
  /** Severity of the finding each attached photo or video raises (issue 7). */
  photoSeverity: "medium" | "high";
  /** Policy only: category ids that can never be in `disabled`. */
  lockedOn: string[];
  /** Policy only: Bedside cannot be switched off on any site, so risky posts are always held. */
  requireHold: boolean;
  /** Policy only: the hold dialog offers no "Post anyway". */
  hidePostAnyway: boolean;
  /** Patterns (issue 16): the policy's come first, then the user's own. */
  detectors: Detector[];
  /** Policy only: the organisation's name, shown in the popup and options page. */
  organisationName: string;
}

/** Keys only the managed policy sets; values stored by the user are ignored. */
export const POLICY_ONLY = ["lockedOn", "requireHold", "hidePostAnyway", "organisationName"] as const;

export const DEFAULT_SETTINGS: Settings = {
  customTerms: [],
  allow: [],
  disabled: [],
  sensitivity: "balanced",
  holdReview: false,
  workHours: { enabled: false, start: "07:00", end: "19:00", days: [1, 2, 3, 4, 5] },
  draftExpiryDays: 30,
  sharedWorkstation: false,
  sitesOff: [],
  photoSeverity: "medium",
  lockedOn: [],
  requireHold: false,
  hidePostAnyway: false,
  detectors: [],
  organisationName: "",
};

export interface EffectiveSettings {
  settings: Settings;
  /** Keys the managed policy sets: shown locked, not editable. */
  locked: (keyof Settings)[];
  /** The policy's own values (e.g. to tell its custom terms from the user's). */
  policy: Partial<Settings>;
  /** Policy keys that could not be used (left out: the user's value or the default applies). */
  problems: PolicyProblem[];
  /** False while the managed policy has not been read yet (see watchSettings). */
  policyRead: boolean;
}

/** The managed policy as the browser gives it (unchecked), or {} when there is none. */
export async function managedPolicy(): Promise<Record<string, unknown>> {
  try {
    return ((await chrome.storage.managed.get(null)) ?? {}) as Record<string, unknown>;
  } catch {
    return {}; // no policy installed, or a browser without managed storage
  }
}

async function storedSettings(): Promise<Partial<Settings>> {
  const { settings: stored = {} } = (await chrome.storage.local.get("settings")) as { settings?: Partial<Settings> };
  return stored;
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const [stored, raw] = await Promise.all([storedSettings(), managedPolicy()]);
  const { policy, problems } = checkPolicy(raw);
  return effective(stored, policy, problems);
}

/**
 * For pages that must paint at once: calls back with the user's settings as soon as they
 * are read (policyRead false), then again with the policy applied, and on every change.
 * The first read of managed storage in a new profile can take seconds; nothing waits for it.
 */
export function watchSettings(callback: (s: EffectiveSettings) => void): void {
  let policyArrived = false;
  void storedSettings().then((stored) => {
    if (!policyArrived) callback({ ...effective(stored, {}), policyRead: false });
  });
  void loadSettings().then((s) => {
    policyArrived = true;
    callback(s);
  });
  onSettingsChanged(callback);
}

/** User values overridden by the policy's, key by key; pure, for tests and pages. */
export function effective(stored: Partial<Settings>, policy: Partial<Settings>, problems: PolicyProblem[] = []): EffectiveSettings {
  const locked = Object.keys(policy).filter((k) => k in DEFAULT_SETTINGS) as (keyof Settings)[];
  const user = { ...stored };
  for (const k of POLICY_ONLY) delete user[k];
  const settings: Settings = { ...DEFAULT_SETTINGS, ...user, ...pick(policy, locked) };
  // The policy's terms come on top of the user's own (employer first, then colleagues).
  if (policy.customTerms && stored.customTerms) {
    const seen = new Set(policy.customTerms.map((t) => t.term.toLowerCase()));
    settings.customTerms = [...policy.customTerms, ...stored.customTerms.filter((t) => !seen.has(t.term.toLowerCase()))];
  }
  // Likewise the policy's detectors come before the user's own (an id the policy uses wins).
  if (policy.detectors && stored.detectors) {
    const ids = new Set(policy.detectors.map((d) => d.id));
    settings.detectors = [...policy.detectors, ...stored.detectors.filter((d) => !ids.has(d.id))];
  }
  settings.disabled = settings.disabled.filter((id) => !settings.lockedOn.includes(id));
  if (settings.requireHold) {
    settings.sitesOff = [];
    if (!locked.includes("sitesOff")) locked.push("sitesOff");
  }
  return { settings, locked, policy, problems, policyRead: true };
}

function pick(source: Partial<Settings>, keys: (keyof Settings)[]): Partial<Settings> {
  return Object.fromEntries(keys.map((k) => [k, source[k]]));
}

/** Calls back with the new effective settings whenever user or policy settings change. */
export function onSettingsChanged(callback: (s: EffectiveSettings) => void): void {
  chrome.storage.onChanged.addListener((changes, area) => {
    if ((area === "local" && "settings" in changes) || area === "managed") loadSettings().then(callback);
  });
}

/** Whether `now` falls inside the configured work hours. */
export function duringWorkHours(hours: Settings["workHours"], now = new Date()): boolean {
  if (!hours.enabled || !hours.days.includes(now.getDay())) return false;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const [start, end] = [hours.start, hours.end].map((t) => {
    const [h, m] = t.split(":").map(Number);
    return h * 60 + m;
  });
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The core's Config (crates/core/src/config.rs) for these settings. */
export function coreConfig(s: Settings, now = new Date()) {
  return {
    customTerms: s.customTerms,
    allow: s.allow,
    // A category the policy locks on is never off, whatever was stored.
    disabled: s.disabled.filter((id) => !(s.lockedOn ?? []).includes(id)),
    sensitivity: s.sensitivity,
    duringWorkHours: duringWorkHours(s.workHours, now),
    detectors: s.detectors ?? [],
  };
}
