/**
 * The background's message router (src/background/index.ts), run against a fake `browser`
 * (vi.mock('webextension-polyfill')): only the extension's own contexts are answered, only messages that pass
 * the zod schema (toBackground) have any effect, and anything else — unknown types, malformed fields, extra
 * junk, messages from another extension or a web page — gets no answer and changes nothing (no storage write,
 * no badge). Well-formed messages from our own contexts work, so "ignored" is not "broken".
 */
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBackground } from '../../src/core/messages';
import { defaultSettings, SETTINGS_KEY } from '../../src/core/settings';
import * as z from 'zod/mini';

type Listener = (raw: unknown, sender: Record<string, unknown>) => unknown;

const fake = vi.hoisted(() => {
  const store = new Map<string, unknown>();
  const calls: string[] = [];
  const listeners: { message?: (raw: unknown, sender: Record<string, unknown>) => unknown } = {};
  const event = () => ({ addListener: () => undefined });
  const browser = {
    runtime: {
      id: 'context-notes@context-notes.example',
      onMessage: { addListener: (fn: (raw: unknown, sender: Record<string, unknown>) => unknown) => (listeners.message = fn) },
      onInstalled: event(),
      onStartup: event(),
    },
    storage: {
      onChanged: event(),
      local: {
        get: async (key: string) => {
          calls.push(`storage.get ${key}`);
          return store.has(key) ? { [key]: structuredClone(store.get(key)) } : {};
        },
        set: async (items: Record<string, unknown>) => {
          calls.push(`storage.set ${Object.keys(items).join(',')}`);
          for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
        },
      },
    },
    action: {
      setBadgeText: async (d: { tabId: number; text: string }) => void calls.push(`badge ${d.tabId} ${d.text}`),
      setBadgeBackgroundColor: async () => void calls.push('badge colour'),
      setTitle: async () => void calls.push('title'),
    },
    i18n: { getMessage: (key: string, subs?: string[]) => `${key}:${(subs ?? []).join(',')}`, getUILanguage: () => 'en-US' },
    tabs: { onUpdated: event(), onRemoved: event(), query: async () => [], sendMessage: async () => undefined },
    commands: { onCommand: event() },
    scripting: {
      executeScript: async (d: { target: { tabId: number; frameIds: number[] }; files: string[] }) =>
        void calls.push(`inject ${d.target.tabId}/${d.target.frameIds.join(',')} ${d.files.join(',')}`),
    },
  };
  return { store, calls, listeners, browser };
});

vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const OWN = { id: 'context-notes@context-notes.example' };
const ownTab = { ...OWN, tab: { id: 7 }, frameId: 0, url: 'https://news.example/a' };
const send = (raw: unknown, sender: Record<string, unknown>) => (fake.listeners.message as Listener)(raw, sender);

beforeAll(async () => {
  await import('../../src/background/index');
  expect(fake.listeners.message).toBeTypeOf('function');
});

beforeEach(() => {
  fake.store.clear();
  fake.store.set(SETTINGS_KEY, { ...defaultSettings });
  fake.calls.length = 0;
});

describe('background router: what it answers', () => {
  it('answers settings:get and settings:update from its own pages, and counts from its own content scripts', async () => {
    expect(await send({ type: 'settings:get' }, OWN)).toEqual(defaultSettings);
    const updated = (await send({ type: 'settings:update', patch: { enabled: false } }, OWN)) as { enabled: boolean };
    expect(updated.enabled).toBe(false);
    expect((fake.store.get(SETTINGS_KEY) as { enabled: boolean }).enabled).toBe(false);
    expect(await send({ type: 'cs:mentions', count: 3, flagged: 1 }, ownTab)).toBe(true);
    expect(fake.calls).toContain('badge 7 3');
  });

  it('injects notes.js or card.js into the frame that asked for it, and nothing else', async () => {
    expect(await send({ type: 'cs:load', file: 'notes.js' }, { ...ownTab, frameId: 3 })).toBe(true);
    expect(await send({ type: 'cs:load', file: 'card.js' }, ownTab)).toBe(true);
    expect(fake.calls).toEqual(['inject 7/3 notes.js', 'inject 7/0 card.js']);
  });
});

describe('background router: what it ignores', () => {
  const foreignSenders: [string, Record<string, unknown>][] = [
    ['another extension', { id: 'evil@example.com', tab: { id: 7 }, frameId: 0 }],
    ['a web page (externally_connectable-like, no id)', { url: 'https://evil.example/', tab: { id: 7 }, origin: 'https://evil.example' }],
    ['an empty sender', {}],
    ['an id that only looks like ours', { id: 'context-notes@context-notes.example ' }],
  ];
  const wellFormed = [
    { type: 'settings:get' },
    { type: 'settings:update', patch: { enabled: false, disabledSites: ['news.example'] } },
    { type: 'cs:mentions', count: 5, flagged: 0 },
  ];

  it.each(foreignSenders)('every well-formed message from %s gets no answer and changes nothing', async (_label, sender) => {
    for (const message of wellFormed) expect(send(message, sender)).toBeUndefined();
    await Promise.resolve();
    expect(fake.calls).toEqual([]);
    expect(fake.store.get(SETTINGS_KEY)).toEqual(defaultSettings);
  });

  it.each([
    ['unknown type', { type: 'settings:reset' }],
    ['content-bound type', { type: 'page:get' }],
    ['no type', { count: 1 }],
    ['not an object', 'settings:get'],
    ['null', null],
    ['an array', [{ type: 'settings:get' }]],
    ['negative count', { type: 'cs:mentions', count: -1, flagged: 0 }],
    ['fractional count', { type: 'cs:mentions', count: 1.5, flagged: 0 }],
    ['huge count', { type: 'cs:mentions', count: 1e9, flagged: 0 }],
    ['string count', { type: 'cs:mentions', count: '3', flagged: 0 }],
    ['patch of the wrong type', { type: 'settings:update', patch: { enabled: 'no' } }],
    ['patch with a bad style', { type: 'settings:update', patch: { highlightStyle: 'blink' } }],
    ['patch that is not an object', { type: 'settings:update', patch: 'enabled=false' }],
    ['a file that is not one of ours to inject', { type: 'cs:load', file: 'https://evil.example/x.js' }],
    ['a path out of the extension', { type: 'cs:load', file: '../content.js' }],
    ['a load without a file', { type: 'cs:load' }],
    ['prototype pollution attempt', JSON.parse('{"type":"settings:update","patch":{"__proto__":{"enabled":false}}}')],
  ])('a malformed message from our own context (%s) gets no answer and changes nothing', async (_label, message) => {
    const answer = send(message, ownTab);
    // A prototype-polluting patch may parse as an empty patch; what matters is that nothing is polluted.
    if (answer !== undefined) await answer;
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    if (answer === undefined) expect(fake.calls).toEqual([]);
    expect((fake.store.get(SETTINGS_KEY) as { enabled: unknown }).enabled).toBe(true);
  });

  it('any value the schema rejects gets no answer and no effect; from a foreign sender nothing ever does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.constantFrom('cs:mentions', 'cs:load', 'settings:get', 'settings:update', 'page:get', 'x'), count: fc.anything(), flagged: fc.anything(), patch: fc.anything() }, { requiredKeys: ['type'] }),
        ),
        async (raw) => {
          fake.calls.length = 0;
          fake.store.set(SETTINGS_KEY, { ...defaultSettings });
          expect(send(raw, { id: 'evil@example.com', tab: { id: 1 } })).toBeUndefined();
          if (!z.safeParse(toBackground, raw).success) expect(send(raw, ownTab)).toBeUndefined();
          else await send(raw, ownTab);
          await Promise.resolve();
          if (!z.safeParse(toBackground, raw).success) {
            expect(fake.calls).toEqual([]);
            expect(fake.store.get(SETTINGS_KEY)).toEqual(defaultSettings);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a count from a context without a tab (e.g. the popup pretending to be a content script) is ignored', async () => {
    expect(send({ type: 'cs:mentions', count: 3, flagged: 0 }, OWN)).toBeUndefined();
    expect(fake.calls).toEqual([]);
  });
});
