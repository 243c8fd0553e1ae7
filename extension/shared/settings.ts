// User settings (chrome.storage.local "settings"), overridden key by key by the
// managed policy (chrome.storage.managed) a hospital's IT sets.
import type { Severity } from "./report";

export type Sensitivity = "strict" | "balanced" | "relaxed";

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
  /** Sites where Bedside is switched off. */
  sitesOff: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  customTerms: [],
  allow: [],
  disabled: [],
  sensitivity: "balanced",
  holdReview: false,
  workHours: { enabled: false, start: "07:00", end: "19:00", days: [1, 2, 3, 4, 5] },
  draftExpiryDays: 30,
  sitesOff: [],
};

export interface EffectiveSettings {
  settings: Settings;
  /** Keys the managed policy sets: shown locked, not editable. */
  locked: (keyof Settings)[];
}

async function managed(): Promise<Partial<Settings>> {
  try {
    return ((await chrome.storage.managed.get(null)) ?? {}) as Partial<Settings>;
  } catch {
    return {}; // no policy installed, or a browser without managed storage
  }
}

export async function loadSettings(): Promise<EffectiveSettings> {
  const { settings: stored = {} } = (await chrome.storage.local.get("settings")) as { settings?: Partial<Settings> };
  const policy = await managed();
  const locked = Object.keys(policy).filter((k) => k in DEFAULT_SETTINGS) as (keyof Settings)[];
  return { settings: { ...DEFAULT_SETTINGS, ...stored, ...pick(policy, locked) }, locked };
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
    disabled: s.disabled,
    sensitivity: s.sensitivity,
    duringWorkHours: duringWorkHours(s.workHours, now),
  };
}
