// The managed policy as the organisation wrote it, checked key by key (issue 16). Chromium
// drops values its managed_schema rejects; Firefox hands policies.json over as written. A
// key that cannot be used is left out and reported, so Bedside keeps protecting on the
// user's settings or the defaults instead of failing as a whole; a malformed detector is
// left out alone, the others are kept.
import { checkDetector, checkSetting, FieldError } from "./settings-file";
import { DEFAULT_SETTINGS, type Detector, type PolicyProblem, type Settings } from "./settings";

export function checkPolicy(raw: unknown): { policy: Partial<Settings>; problems: PolicyProblem[] } {
  const policy: Partial<Settings> = {};
  const problems: PolicyProblem[] = [];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { policy, problems: [{ field: "(policy)", message: "must be an object of Bedside settings" }] };
  }
  const report = (error: unknown) => {
    if (!(error instanceof FieldError)) throw error;
    problems.push({ field: error.field, message: error.message });
  };
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in DEFAULT_SETTINGS)) {
      problems.push({ field: key, message: "is not a Bedside policy key" });
      continue;
    }
    if (key === "detectors" && Array.isArray(value)) {
      const ids = new Set<string>();
      const kept: Detector[] = [];
      value.forEach((d, i) => {
        try {
          const det = checkDetector(d, `detectors[${i}]`);
          if (ids.has(det.id)) throw new FieldError(`detectors[${i}].id`, `"${det.id}" is used by an earlier detector`);
          ids.add(det.id);
          kept.push(det);
        } catch (error) {
          report(error);
        }
      });
      policy.detectors = kept;
      continue;
    }
    try {
      (policy as Record<string, unknown>)[key] = checkSetting(key as keyof Settings, value);
    } catch (error) {
      report(error);
    }
  }
  return { policy, problems };
}
