import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toBackground, toContent } from '../../src/core/messages';

describe('runtime messages', () => {
  it('accepts the messages the extension sends', () => {
    expect(z.safeParse(toBackground, { type: 'cs:mentions', count: 3, flagged: 1 }).success).toBe(true);
    expect(z.safeParse(toBackground, { type: 'settings:update', patch: { enabled: false } }).success).toBe(true);
    expect(z.safeParse(toContent, { type: 'page:reveal', index: 2 }).success).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'cs:steal', url: 'x' }],
    ['a negative count', { type: 'cs:mentions', count: -1, flagged: 0 }],
    ['a fractional count', { type: 'cs:mentions', count: 1.5, flagged: 0 }],
    ['a patch with a bad field', { type: 'settings:update', patch: { enabled: 'sure' } }],
    ['a patch with a bad style', { type: 'settings:update', patch: { highlightStyle: 'blink' } }],
    ['no type', { count: 1 }],
    ['a string', 'page:get'],
  ])('rejects %s', (_label, message) => {
    expect(z.safeParse(toBackground, message).success).toBe(false);
    expect(z.safeParse(toContent, message).success).toBe(false);
  });
});
