/**
 * The one place that writes settings. Reads repair what storage holds and write the repair back,
 * so a corrupted or older value is fixed the first time anything looks at it.
 */
import browser from 'webextension-polyfill';
import { applyPatch, SETTINGS_KEY, type Settings, type SettingsPatch } from '../core/settings';
import { loadSettings } from '../core/settings-schema';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const loaded = loadSettings(stored[SETTINGS_KEY]);
  if (loaded.changed) {
    if (loaded.reason !== 'missing') console.warn(`Context Notes: stored settings ${loaded.reason}`);
    await browser.storage.local.set({ [SETTINGS_KEY]: loaded.settings });
  }
  return loaded.settings;
}

// Updates run one after another so two quick toggles cannot overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const run = queue.then(async () => {
    const next = applyPatch(await readSettings(), patch);
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
