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
import { openHosts, watchPage } from './sentinel';

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
  watchPage(document, window as Window & typeof globalThis, packed);
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

describe('openHosts (the first look asks whether there is any; a tree read later, which ones)', () => {
  it('finds open shadow roots on custom elements, empty elements of a kind that takes one, or the root; not closed ones', () => {
    const doc = window.document.implementation.createHTMLDocument('hosts');
    doc.body.innerHTML = '<p>text</p><x-widget></x-widget><div></div>';
    expect(openHosts(doc.body, doc)).toEqual([]);
    doc.querySelector('p')!.attachShadow({ mode: 'closed' });
    expect(openHosts(doc.body, doc)).toEqual([]);
    const div = doc.querySelector('div')!;
    div.attachShadow({ mode: 'open' });
    expect(openHosts(doc.body, doc)).toEqual([div]);
    doc.body.innerHTML = '<section><x-widget></x-widget></section>';
    const widget = doc.querySelector('x-widget')!;
    widget.attachShadow({ mode: 'open' });
    expect(openHosts(doc.body, doc)).toEqual([widget]);
    const leaf = doc.createElement('article');
    leaf.attachShadow({ mode: 'open' });
    expect(openHosts(leaf, doc)).toEqual([leaf]);
  });

  it('in a shadow root: custom and empty hosts among its children too; never the extension\'s own elements', () => {
    const doc = window.document.implementation.createHTMLDocument('hosts');
    const shadow = doc.body.appendChild(doc.createElement('x-outer')).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<y-top></y-top><div></div><p>text <z-deep></z-deep></p>';
    const hosts = ['y-top', 'div', 'z-deep'].map((selector) => shadow.querySelector(selector)!);
    for (const host of hosts) host.attachShadow({ mode: 'open' });
    expect(new Set(openHosts(shadow, doc))).toEqual(new Set(hosts));
    const own = doc.body.appendChild(doc.createElement('context-notes-card'));
    own.attachShadow({ mode: 'open' });
    expect(openHosts(doc.body, doc)).toEqual([doc.querySelector('x-outer')]);
  });
});
