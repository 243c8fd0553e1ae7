// Settings as a file: export to JSON and validate an imported one. Validation names
// the first wrong field (e.g. "customTerms[2].severity") so the user can fix the file.
import { CATEGORY_LABELS } from "./categories";
import { DEFAULT_SETTINGS, POLICY_ONLY, type Detector, type Settings } from "./settings";
import { SITE_IDS } from "./sites";

export const FILE_FORMAT = "bedside-settings";
export const FILE_VERSION = 1;

/** The user's own settings (never the policy's) wrapped with a format marker. */
export function settingsFile(user: Settings): string {
  const own: Partial<Settings> = { ...user };
  for (const k of POLICY_ONLY) delete own[k];
  return JSON.stringify({ format: FILE_FORMAT, version: FILE_VERSION, settings: own }, null, 2);
}

export type Validated = { ok: true; settings: Settings } | { ok: false; field: string; message: string };

export class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const SEVERITIES = ["high", "medium", "low"];
const SENSITIVITIES = ["strict", "balanced", "relaxed"];
const SITES: string[] = SITE_IDS;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Parses and checks a settings file; missing fields take their defaults. */
export function parseSettingsFile(text: string): Validated {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, field: "(file)", message: `not valid JSON (${(error as Error).message})` };
  }
  try {
    return { ok: true, settings: validateSettings(unwrap(json)) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function unwrap(json: unknown): unknown {
  if (!isObject(json)) throw new FieldError("(file)", "must be a JSON object");
  if (!("format" in json)) return json; // a bare settings object is accepted too
  if (json.format !== FILE_FORMAT) throw new FieldError("format", `must be "${FILE_FORMAT}"`);
  if (json.version !== FILE_VERSION) throw new FieldError("version", `must be ${FILE_VERSION}`);
  if (!isObject(json.settings)) throw new FieldError("settings", "must be an object");
  return json.settings;
}

export function validateSettings(input: unknown): Settings {
  if (!isObject(input)) throw new FieldError("settings", "must be an object");
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const [key, value] of Object.entries(input)) {
    if ((POLICY_ONLY as readonly string[]).includes(key)) throw new FieldError(key, "can only be set by your organization's policy");
    if (!(key in DEFAULT_SETTINGS)) throw new FieldError(key, "is not a Bedside setting");
    (out as any)[key] = CHECKS[key as keyof Settings](value, key);
  }
  return out;
}

/** Checks one setting's value (a key of DEFAULT_SETTINGS, policy-only keys included). */
export function checkSetting(key: keyof Settings, value: unknown): unknown {
  return CHECKS[key](value, key);
}

const DETECTOR_KEYS = ["id", "label", "pattern", "category", "severity", "message", "needs_context"];

/** A detector's shape (its pattern is compiled by the core, which names its own errors). */
export function checkDetector(d: unknown, at: string): Detector {
  if (!isObject(d)) throw new FieldError(at, "must be an object with id, label and pattern");
  for (const k of Object.keys(d)) if (!DETECTOR_KEYS.includes(k)) throw new FieldError(`${at}.${k}`, "is not a detector field");
  const out: Detector = { id: text(d.id, `${at}.id`), label: text(d.label ?? d.id, `${at}.label`), pattern: text(d.pattern, `${at}.pattern`) };
  if (d.category !== undefined) {
    if (typeof d.category !== "string" || !(d.category in CATEGORY_LABELS)) throw new FieldError(`${at}.category`, "must be a known category id");
    out.category = d.category;
  }
  if (d.severity !== undefined) {
    if (!SEVERITIES.includes(d.severity as string)) throw new FieldError(`${at}.severity`, `must be "high", "medium" or "low"`);
    out.severity = d.severity as Detector["severity"];
  }
  if (d.message !== undefined) out.message = text(d.message, `${at}.message`);
  if (d.needs_context !== undefined) out.needs_context = bool(d.needs_context, `${at}.needs_context`);
  return out;
}

const CHECKS: Record<keyof Settings, (v: unknown, f: string) => unknown> = {
  customTerms: (v: unknown, f: string) =>
    array(v, f).map((t, i) => {
      const at = `${f}[${i}]`;
      if (!isObject(t)) throw new FieldError(at, "must be an object with term and severity");
      const term = text(t.term, `${at}.term`);
      const severity = t.severity ?? "medium";
      if (!SEVERITIES.includes(severity as string)) throw new FieldError(`${at}.severity`, `must be "high", "medium" or "low"`);
      return { term, severity: severity as Settings["customTerms"][number]["severity"] };
    }),
  allow: (v: unknown, f: string) => array(v, f).map((t, i) => text(t, `${f}[${i}]`)),
  disabled: (v: unknown, f: string) =>
    array(v, f).map((id, i) => {
      if (typeof id !== "string" || !(id in CATEGORY_LABELS)) throw new FieldError(`${f}[${i}]`, "must be a known category id");
      return id;
    }),
  sensitivity: (v: unknown, f: string) => {
    if (!SENSITIVITIES.includes(v as string)) throw new FieldError(f, `must be "strict", "balanced" or "relaxed"`);
    return v as Settings["sensitivity"];
  },
  holdReview: (v: unknown, f: string) => bool(v, f),
  workHours: (v: unknown, f: string) => {
    if (!isObject(v)) throw new FieldError(f, "must be an object");
    const w = { ...DEFAULT_SETTINGS.workHours, ...v };
    for (const k of Object.keys(v)) if (!(k in DEFAULT_SETTINGS.workHours)) throw new FieldError(`${f}.${k}`, "is not a work-hours setting");
    for (const k of ["start", "end"] as const) {
      if (typeof w[k] !== "string" || !TIME.test(w[k])) throw new FieldError(`${f}.${k}`, `must be a time like "07:30"`);
    }
    const days = array(w.days, `${f}.days`).map((d, i) => {
      if (!Number.isInteger(d) || (d as number) < 0 || (d as number) > 6) throw new FieldError(`${f}.days[${i}]`, "must be 0 (Sunday) to 6");
      return d as number;
    });
    return { enabled: bool(w.enabled, `${f}.enabled`), start: w.start, end: w.end, days };
  },
  draftExpiryDays: (v: unknown, f: string) => {
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 365) throw new FieldError(f, "must be a whole number of days from 1 to 365");
    return v as number;
  },
  sharedWorkstation: (v: unknown, f: string) => bool(v, f),
  photoSeverity: (v: unknown, f: string) => {
    if (v !== "medium" && v !== "high") throw new FieldError(f, `must be "medium" or "high"`);
    return v as Settings["photoSeverity"];
  },
  sitesOff: (v: unknown, f: string) =>
    array(v, f).map((s, i) => {
      if (!SITES.includes(s as string)) throw new FieldError(`${f}[${i}]`, `must be one of ${SITES.join(", ")}`);
      return s as string;
    }),
  detectors: (v: unknown, f: string) => {
    const list = array(v, f).map((d, i) => checkDetector(d, `${f}[${i}]`));
    const seen = new Set<string>();
    list.forEach((d, i) => {
      if (seen.has(d.id)) throw new FieldError(`${f}[${i}].id`, `"${d.id}" is used by an earlier detector`);
      seen.add(d.id);
    });
    return list;
  },
  // Policy only (validateSettings refuses them in a user's file before they get here).
  lockedOn: (v: unknown, f: string) => CHECKS.disabled(v, f),
  requireHold: (v: unknown, f: string) => bool(v, f),
  hidePostAnyway: (v: unknown, f: string) => bool(v, f),
  organisationName: (v: unknown, f: string) => text(v, f),
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function array(v: unknown, f: string): unknown[] {
  if (!Array.isArray(v)) throw new FieldError(f, "must be a list");
  return v;
}
function text(v: unknown, f: string): string {
  if (typeof v !== "string" || !v.trim()) throw new FieldError(f, "must be non-empty text");
  return v.trim();
}
function bool(v: unknown, f: string): boolean {
  if (typeof v !== "boolean") throw new FieldError(f, "must be true or false");
  return v;
}
