/**
 * The zod schema for settings, and the reader that repairs or migrates whatever storage holds.
 * Used where settings are written (background) and shown (popup, options). zod/mini keeps those bundles small.
 */
import * as z from 'zod/mini';
import { languageChoices } from './i18n';
import { cleanSites, defaultSettings, HOST_KEY_PATTERN, highlightStyles, SETTINGS_VERSION, type Settings } from './settings';

const hostName = z.string().check(z.regex(HOST_KEY_PATTERN));

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  enabled: z.boolean(),
  disabledSites: z.array(hostName),
  pausedUntil: z.number().check(z.nonnegative()),
  highlightStyle: z.enum(highlightStyles),
  framingFlags: z.boolean(),
  minConfidence: z.number().check(z.gte(0), z.lte(1)),
  language: z.enum(languageChoices),
});

// The schema and the hand-written type in settings.ts must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameShape: Same<z.infer<typeof settingsSchema>, Settings> = true;
void sameShape;

/** A patch from the UI, validated field by field so that a bad field cannot sneak in. */
export const settingsPatchSchema = z.partial(z.omit(settingsSchema, { version: true }));

export interface LoadedSettings {
  settings: Settings;
  /** True when what was stored differs from what should be stored: write `settings` back. */
  changed: boolean;
  /** Why it changed, for logs and tests. */
  reason?: 'missing' | 'migrated' | 'repaired';
}

/**
 * Reads whatever storage held: valid settings pass through; an older version is migrated;
 * anything else keeps each field that is still valid and takes defaults for the rest.
 */
export function loadSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: { ...defaultSettings, disabledSites: [] }, changed: true, reason: 'missing' };
  const current = z.safeParse(settingsSchema, stored);
  if (current.success) return { settings: current.data, changed: false };
  // Version 1 (the first release) had only the two switches, version 2 no language: the fields added since take
  // defaults.
  const version = (stored as { version?: unknown }).version;
  if (version === 1 || version === 2) return { settings: repair(stored), changed: true, reason: 'migrated' };
  return { settings: repair(stored), changed: true, reason: 'repaired' };
}

/** Field by field: keep what validates, default the rest. */
function repair(stored: unknown): Settings {
  const record: Record<string, unknown> = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const shape = settingsSchema.def.shape;
  const pick = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = z.safeParse(shape[key] as unknown as z.ZodMiniType<Settings[K]>, record[key]);
    return parsed.success ? parsed.data : (defaultSettings[key] as Settings[K]);
  };
  return {
    version: SETTINGS_VERSION,
    enabled: pick('enabled'),
    disabledSites: Array.isArray(record.disabledSites) ? cleanSites(record.disabledSites) : [],
    pausedUntil: pick('pausedUntil'),
    highlightStyle: pick('highlightStyle'),
    framingFlags: pick('framingFlags'),
    minConfidence: pick('minConfidence'),
    language: pick('language'),
  };
}
