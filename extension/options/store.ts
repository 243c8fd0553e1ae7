// The options page edits the user's own settings (storage.local "settings") and shows
// the effective ones: a key the managed policy sets is shown locked, never written.
import { DEFAULT_SETTINGS, POLICY_ONLY, type EffectiveSettings, type Settings } from "../shared/settings";

export async function userSettings(): Promise<Settings> {
  const { settings: stored = {} } = (await chrome.storage.local.get("settings")) as { settings?: Partial<Settings> };
  const user = { ...structuredClone(DEFAULT_SETTINGS), ...stored };
  for (const k of POLICY_ONLY) (user as any)[k] = DEFAULT_SETTINGS[k];
  return user;
}

/** Read-modify-write, so a term the content script allowed meanwhile is kept. */
export async function updateSettings(change: (s: Settings) => void): Promise<void> {
  const user = await userSettings();
  change(user);
  for (const k of POLICY_ONLY) delete (user as Partial<Settings>)[k];
  await chrome.storage.local.set({ settings: user });
}

export async function replaceSettings(next: Settings): Promise<void> {
  const own: Partial<Settings> = { ...next };
  for (const k of POLICY_ONLY) delete own[k];
  await chrome.storage.local.set({ settings: own });
}

export interface View {
  user: Settings;
  effective: EffectiveSettings;
}
