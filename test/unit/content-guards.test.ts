import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseToContent, readSettings } from '../../src/core/content-guards';
import { toContent } from '../../src/core/messages';
import { defaultSettings } from '../../src/core/settings';
import { loadSettings } from '../../src/core/settings-schema';

// Values near the edges of what the schemas accept, so the property runs hit both sides of every rule.
const edgy = fc.oneof(
  fc.anything(),
  fc.constantFrom(true, false, 0, -1, 1, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 'underline', 'dotted', 'tint', 'blink', 'auto', 'en', 'ru', 'ko', 'fr', 2, 1e6, 1e6 + 1, 2.5),
  fc.array(fc.constantFrom('example.com', 'WWW.Example.com', 'a b', '', 'news.example.org', 7)),
);
const settingsLike = fc.record(
  {
    version: fc.constantFrom(1, 2, 3, '2'),
    enabled: edgy,
    disabledSites: edgy,
    pausedUntil: edgy,
    highlightStyle: edgy,
    framingFlags: edgy,
    minConfidence: edgy,
    language: edgy,
    extra: edgy,
  },
  { requiredKeys: [] },
);

describe('content-script guards agree with the zod schemas', () => {
  it('readSettings returns what loadSettings returns, for any stored value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), settingsLike), (stored) => {
        expect(readSettings(stored)).toEqual(loadSettings(stored).settings);
      }),
      { numRuns: 3000 },
    );
  });

  it('readSettings keeps valid settings and defaults what is missing', () => {
    const valid = { ...defaultSettings, enabled: false, disabledSites: ['example.com'], minConfidence: 0.9 };
    expect(readSettings(valid)).toEqual(valid);
    expect(readSettings(undefined)).toEqual(defaultSettings);
  });

  it('parseToContent accepts exactly what toContent accepts', () => {
    const messageLike = fc.record(
      { type: fc.oneof(fc.constantFrom('page:get', 'page:next', 'page:reveal', 'page:steal'), fc.string()), index: edgy, extra: edgy },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), messageLike), (raw) => {
        const parsed = z.safeParse(toContent, raw);
        const guarded = parseToContent(raw);
        if (parsed.success) expect(guarded).toEqual(parsed.data);
        else expect(guarded).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });
});
