import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readPageAnswer, toBackground, toContent } from '../../src/core/messages';
import { defaultSettings } from '../../src/core/settings';

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

describe('readPageAnswer (the popup and the background reading a tab)', () => {
  const answered = { host: 'news.example', state: 'on', scanning: false, mentions: [], framing: { none: 0, some: 0, strong: 0 }, pageSignals: [] };

  it('takes the content script’s answer when it gave one', () => {
    expect(readPageAnswer(answered, 'https://other.example/', defaultSettings, 0)).toEqual(answered);
  });

  it('reads a silent web page as one with nothing to note, keyed and stated by the settings', () => {
    expect(readPageAnswer(undefined, 'https://www.News.example/a?b', defaultSettings, 0)).toMatchObject({ host: 'news.example', state: 'on', scanning: false, mentions: [] });
    const off = { ...defaultSettings, disabledSites: ['news.example'] };
    expect(readPageAnswer(undefined, 'http://news.example/', off, 0)?.state).toBe('off-site');
    expect(readPageAnswer(undefined, 'http://news.example/', { ...defaultSettings, pausedUntil: 10 }, 5)?.state).toBe('paused');
  });

  it.each([
    ['no address (no activeTab)', undefined],
    ['a browser page', 'chrome://extensions/'],
    ['an extension page', 'moz-extension://abc/popup.html'],
    ['a local file', 'file:///home/reader/a.html'],
    ['not an address', 'news'],
  ])('is null for a silent tab with %s: not a web page', (_label, url) => {
    expect(readPageAnswer(undefined, url, defaultSettings, 0)).toBeNull();
  });

  it('does not take a malformed answer for one', () => {
    expect(readPageAnswer({ host: 5 }, 'chrome://newtab/', defaultSettings, 0)).toBeNull();
  });
});
