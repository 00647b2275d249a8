// @vitest-environment happy-dom
/**
 * The page gate's reading (sentinel.ts): the first look settles a page without a candidate in one go, and
 * anything it cannot settle (a shadow tree, a DPRK word that wants the whole page again, text added later)
 * still reaches the notes where the page holds a mention.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gateLiterals } from '../core/matcher';
import { packGate } from '../core/gate';
import type { PackNames } from '../core/pack-schema';
import { pack } from '../dataset/index';
import { NOTES_GLOBAL } from './part-loader';
import { PageSentinel } from './sentinel';
import { hasShadowHost } from './shadow-hosts';

const packed = packGate(gateLiterals(pack.names as PackNames));
const MENTION = 'Russia and North Korea signed the treaty in Pyongyang.';
const g = globalThis as Record<string, unknown>;
g.__BROWSER__ = 'chrome';

// A document per test: each test's sentinel keeps watching its own.
let document: Document;
let started: ReturnType<typeof vi.fn>;
let listeners: ReturnType<typeof vi.fn>;
beforeEach(() => {
  document = window.document.implementation.createHTMLDocument('page');
  started = vi.fn(() => ({ answer: () => undefined }));
  listeners = vi.fn();
  g[NOTES_GLOBAL] = { start: started };
  g.chrome = { runtime: { id: 'ext', onMessage: { addListener: listeners, removeListener: vi.fn() } } };
});
afterEach(() => {
  delete g[NOTES_GLOBAL];
  delete g.chrome;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
function start(): void {
  new PageSentinel(document, window as Window & typeof globalThis, packed).start();
}

describe('PageSentinel', () => {
  it('a page without a candidate: nothing loads, no listener, the extension API untouched', async () => {
    document.body.innerHTML = '<p>The harbour museum opened a new wing.</p><x-widget></x-widget>';
    const api = vi.fn();
    g.chrome = new Proxy({}, { get: api });
    start();
    await settle();
    expect(started).not.toHaveBeenCalled();
    expect(api).not.toHaveBeenCalled();
  });

  it('a mention in the light DOM opens at once; the listener comes with it', async () => {
    document.body.innerHTML = `<p>${MENTION}</p>`;
    start();
    await settle();
    expect(started).toHaveBeenCalledTimes(1);
    expect(listeners).toHaveBeenCalledTimes(1);
  });

  it('words spread over the page, and a mention only in a shadow tree, go through the walk and open', async () => {
    document.body.innerHTML = '<p>North Korea</p><p>garden</p><p>Russia</p><p>the pact</p>';
    start();
    await settle();
    expect(started).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '<p>garden</p><x-widget></x-widget>';
    document.querySelector('x-widget')!.attachShadow({ mode: 'open' }).innerHTML = `<span>${MENTION}</span>`;
    started.mockClear();
    start();
    await settle();
    expect(started).toHaveBeenCalledTimes(1);
  });

  it('a page that gains a mention after load still opens', async () => {
    document.body.innerHTML = '<p>The harbour museum opened a new wing.</p>';
    start();
    await settle();
    expect(started).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = MENTION;
    document.body.append(p);
    await settle();
    expect(started).toHaveBeenCalledTimes(1);
  });
});

describe('hasShadowHost (the first look\'s only question about shadow trees)', () => {
  it('finds an open shadow root on a custom element, an empty element of a kind that takes one, or the root; not a closed one', () => {
    const doc = window.document.implementation.createHTMLDocument('hosts');
    doc.body.innerHTML = '<p>text</p><x-widget></x-widget><div></div>';
    expect(hasShadowHost(doc.body, doc)).toBe(false);
    doc.querySelector('p')!.attachShadow({ mode: 'closed' });
    expect(hasShadowHost(doc.body, doc)).toBe(false);
    doc.querySelector('div')!.attachShadow({ mode: 'open' });
    expect(hasShadowHost(doc.body, doc)).toBe(true);
    doc.body.innerHTML = '<section><x-widget></x-widget></section>';
    doc.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    expect(hasShadowHost(doc.body, doc)).toBe(true);
    const leaf = doc.createElement('article');
    leaf.attachShadow({ mode: 'open' });
    expect(hasShadowHost(leaf, doc)).toBe(true);
  });
});
