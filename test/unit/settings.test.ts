import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activeState, applyPatch, defaultSettings, hostKey, setSite, SETTINGS_VERSION } from '../../src/core/settings';
import { loadSettings, settingsSchema } from '../../src/core/settings-schema';
import * as z from 'zod/mini';

describe('loadSettings', () => {
  it('passes valid settings through unchanged', () => {
    const stored = { ...defaultSettings, enabled: false, disabledSites: ['example.com'] };
    expect(loadSettings(stored)).toEqual({ settings: stored, changed: false });
  });

  it('gives defaults for nothing stored, and asks for them to be written', () => {
    expect(loadSettings(undefined)).toMatchObject({ settings: defaultSettings, changed: true, reason: 'missing' });
  });

  it('migrates version 1 (two switches) to the current version, keeping the user’s choices', () => {
    const loaded = loadSettings({ version: 1, enabled: false, disabledSites: ['WWW.Example.com', 'news.example.org', 42] });
    expect(loaded.reason).toBe('migrated');
    expect(loaded.changed).toBe(true);
    expect(loaded.settings).toEqual({ ...defaultSettings, enabled: false, disabledSites: ['example.com', 'news.example.org'] });
  });

  it('migrates version 2 (no language) to the current version: the notes follow the browser', () => {
    const loaded = loadSettings({ version: 2, enabled: true, disabledSites: ['example.com'], pausedUntil: 0, highlightStyle: 'tint', framingFlags: false, minConfidence: 0.9 });
    expect(loaded.reason).toBe('migrated');
    expect(loaded.settings).toEqual({ ...defaultSettings, disabledSites: ['example.com'], highlightStyle: 'tint', framingFlags: false, minConfidence: 0.9, language: 'auto' });
  });

  it('keeps a chosen language and repairs an unknown one', () => {
    expect(loadSettings({ ...defaultSettings, language: 'ko' }).settings.language).toBe('ko');
    expect(loadSettings({ ...defaultSettings, language: 'fr' }).settings.language).toBe('auto');
  });

  it('repairs a corrupted record field by field, keeping what is still valid', () => {
    const loaded = loadSettings({ version: 3, enabled: 'yes', disabledSites: ['ok.example', '<script>'], pausedUntil: -5, highlightStyle: 'dotted', framingFlags: false, minConfidence: 7 });
    expect(loaded.reason).toBe('repaired');
    expect(loaded.settings).toEqual({ ...defaultSettings, disabledSites: ['ok.example'], highlightStyle: 'dotted', framingFlags: false });
  });

  it.each([null, 'garbage', 42, [], { version: 99 }])('falls back to defaults for %j', (stored) => {
    const loaded = loadSettings(stored);
    expect(loaded.changed).toBe(true);
    expect(loaded.settings).toEqual(defaultSettings);
  });

  it('always yields settings that validate, whatever was stored (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const { settings } = loadSettings(stored);
        expect(z.safeParse(settingsSchema, settings).success).toBe(true);
        expect(settings.version).toBe(SETTINGS_VERSION);
      }),
    );
  });
});

describe('site switches', () => {
  it('keys sites without www and case', () => {
    expect(hostKey('WWW.Example.COM.')).toBe('example.com');
  });

  it('turns a site off and on again', () => {
    const off = applyPatch(defaultSettings, setSite(defaultSettings, 'www.example.com', false));
    expect(off.disabledSites).toEqual(['example.com']);
    expect(activeState(off, 'example.com', 0)).toBe('off-site');
    const on = applyPatch(off, setSite(off, 'example.com', true));
    expect(on.disabledSites).toEqual([]);
    expect(activeState(on, 'example.com', 0)).toBe('on');
  });

  it('puts off-everywhere before a pause, and a pause before a site', () => {
    const settings = { ...defaultSettings, pausedUntil: 1000, disabledSites: ['example.com'] };
    expect(activeState(settings, 'example.com', 500)).toBe('paused');
    expect(activeState(settings, 'example.com', 1500)).toBe('off-site');
    expect(activeState({ ...settings, enabled: false }, 'example.com', 500)).toBe('off-everywhere');
  });
});
