/**
 * What the content script's notes (notes.js, loaded once the page gate opens) check where data arrives (stored
 * settings, runtime messages), written by hand because zod would add ~24 KB to a script that loads on every
 * page that may hold a mention. The zod schemas stay the
 * source of truth: test/unit/content-guards.test.ts checks, over random inputs, that these guards accept and
 * return exactly what the schemas do.
 */
import { languageChoices } from './i18n';
import type { ToContent } from './messages';
import { cleanSites, defaultSettings, HOST_KEY_PATTERN, highlightStyles, SETTINGS_VERSION, type Settings } from './settings';

type Loose = Record<string, unknown>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const validField: { [K in Exclude<keyof Settings, 'version'>]: (value: unknown) => boolean } = {
  enabled: (value) => typeof value === 'boolean',
  disabledSites: (value) => Array.isArray(value) && value.every((site) => typeof site === 'string' && HOST_KEY_PATTERN.test(site)),
  pausedUntil: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0,
  highlightStyle: (value) => (highlightStyles as readonly unknown[]).includes(value),
  framingFlags: (value) => typeof value === 'boolean',
  minConfidence: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1,
  language: (value) => (languageChoices as readonly unknown[]).includes(value),
};

/** Same result as settings-schema's loadSettings(stored).settings: valid passes, the rest is repaired. */
export function readSettings(stored: unknown): Settings {
  const record: Loose = isRecord(stored) ? stored : {};
  const keys = Object.keys(validField) as (keyof typeof validField)[];
  const pick = <K extends keyof typeof validField>(key: K): Settings[K] =>
    (validField[key](record[key]) ? record[key] : defaultSettings[key]) as Settings[K];
  const valid = record.version === SETTINGS_VERSION && keys.every((key) => validField[key](record[key]));
  return {
    version: SETTINGS_VERSION,
    enabled: pick('enabled'),
    disabledSites: valid ? [...(record.disabledSites as string[])] : Array.isArray(record.disabledSites) ? cleanSites(record.disabledSites) : [],
    pausedUntil: pick('pausedUntil'),
    highlightStyle: pick('highlightStyle'),
    framingFlags: pick('framingFlags'),
    minConfidence: pick('minConfidence'),
    language: pick('language'),
  };
}

/** Same acceptance as messages.ts toContent; null for anything else. */
export function parseToContent(raw: unknown): ToContent | null {
  if (!isRecord(raw)) return null;
  switch (raw.type) {
    case 'page:get':
      return { type: 'page:get' };
    case 'page:next':
      return { type: 'page:next' };
    case 'page:reveal': {
      const index = raw.index;
      return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index <= 1_000_000 ? { type: 'page:reveal', index } : null;
    }
    default:
      return null;
  }
}
