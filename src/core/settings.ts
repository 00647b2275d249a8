/**
 * User settings: schema, defaults, repair and migration. Pure: the background stores them,
 * the content script and the UI read them, all through these functions.
 *
 * zod/mini rather than zod: this module is bundled into the content script, which runs on every page.
 */
import * as z from 'zod/mini';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export const highlightStyles = ['underline', 'dotted', 'tint'] as const;
export type HighlightStyle = (typeof highlightStyles)[number];

const hostName = z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/), z.trim());

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** Notes everywhere. */
  enabled: z.boolean(),
  /** Sites where notes are off, as host keys (see hostKey). */
  disabledSites: z.array(hostName),
  /** Notes paused everywhere until this time (epoch ms); 0 when not paused. */
  pausedUntil: z.number().check(z.nonnegative()),
  highlightStyle: z.enum(highlightStyles),
  framingFlags: z.boolean(),
  /** Mentions below this confidence are not shown. */
  minConfidence: z.number().check(z.gte(0), z.lte(1)),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  pausedUntil: 0,
  highlightStyle: 'underline',
  framingFlags: true,
  minConfidence: 0.5,
});


export interface LoadedSettings {
  settings: Settings;
  /** True when what was stored differs from what should be stored: write `settings` back. */
  changed: boolean;
  /** Why it changed, for logs and tests. */
  reason?: 'missing' | 'migrated' | 'repaired';
}

function cleanSites(sites: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const site of sites) {
    if (typeof site !== 'string') continue;
    const key = hostKey(site);
    if (key && z.safeParse(hostName, key).success) out.add(key);
  }
  return [...out].sort();
}

/**
 * Reads whatever storage held: valid settings pass through; an older version is migrated;
 * anything else keeps each field that is still valid and takes defaults for the rest.
 */
export function loadSettings(stored: unknown): LoadedSettings {
  if (stored === undefined || stored === null) return { settings: { ...defaultSettings, disabledSites: [] }, changed: true, reason: 'missing' };
  const current = z.safeParse(settingsSchema, stored);
  if (current.success) return { settings: current.data, changed: false };
  // Version 1 (the first release) had only the two switches; the fields added since take defaults.
  if ((stored as { version?: unknown }).version === 1) return { settings: repair(stored), changed: true, reason: 'migrated' };
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
  };
}

/** A patch from the UI, validated field by field so that a bad field cannot sneak in. */
export const settingsPatchSchema = z.partial(z.omit(settingsSchema, { version: true }));
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...settings, ...patch, version: SETTINGS_VERSION };
  if (patch.disabledSites) next.disabledSites = cleanSites(patch.disabledSites);
  return next;
}

/** The key a site is remembered by: lower case, no trailing dot, no leading "www.". */
export function hostKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

export type ActiveState = 'on' | 'off-everywhere' | 'paused' | 'off-site';

export function activeState(settings: Settings, hostname: string, now: number): ActiveState {
  if (!settings.enabled) return 'off-everywhere';
  if (settings.pausedUntil > now) return 'paused';
  if (settings.disabledSites.includes(hostKey(hostname))) return 'off-site';
  return 'on';
}

export function setSite(settings: Settings, hostname: string, on: boolean): SettingsPatch {
  const key = hostKey(hostname);
  const rest = settings.disabledSites.filter((site) => site !== key);
  return { disabledSites: on ? rest : [...rest, key] };
}
