/**
 * User settings: the shape, the defaults and the rules that read them. No validation library here: this
 * module is bundled into the content script, which runs on every page. The zod schema that checks stored
 * and incoming settings is in settings-schema.ts.
 */
export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 3;

import type { LanguageChoice } from './i18n';

export const highlightStyles = ['underline', 'dotted', 'tint'] as const;
export type HighlightStyle = (typeof highlightStyles)[number];

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Notes everywhere. */
  enabled: boolean;
  /** Sites where notes are off, as host keys (see hostKey). */
  disabledSites: string[];
  /** Notes paused everywhere until this time (epoch ms); 0 when not paused. */
  pausedUntil: number;
  highlightStyle: HighlightStyle;
  framingFlags: boolean;
  /** Mentions below this confidence are not shown. */
  minConfidence: number;
  /** The language of the notes and the interface: the browser's ("auto") or one the reader chose. */
  language: LanguageChoice;
}

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

export const defaultSettings: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  pausedUntil: 0,
  highlightStyle: 'underline',
  framingFlags: true,
  minConfidence: 0.5,
  language: 'auto',
});

export const HOST_KEY_PATTERN = /^[a-z0-9.-]{1,253}$/;

/** The key a site is remembered by: lower case, no trailing dot, no leading "www.". */
export function hostKey(hostname: string): string {
  return hostname.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Host keys, cleaned, deduplicated and sorted; anything that is not a host name is dropped. */
export function cleanSites(sites: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const site of sites) {
    if (typeof site !== 'string') continue;
    const key = hostKey(site);
    if (HOST_KEY_PATTERN.test(key)) out.add(key);
  }
  return [...out].sort();
}

export function applyPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...settings, ...patch, version: SETTINGS_VERSION };
  if (patch.disabledSites) next.disabledSites = cleanSites(patch.disabledSites);
  return next;
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
