/**
 * Finding the open shadow roots of a page without visiting every element from script, which cost as much as
 * the whole text walk on big pages (~840 ms on a 10 MB page in Chromium). Pages put shadow roots on:
 * - custom elements (a "-" in the name): XPath filters them natively (~0.3 µs an element in an isolated world,
 *   plus ~4 µs a call). A small tree takes one call; a large one added later, one per piece as it is read.
 *   A huge document takes one call for the elements before
 *   a point and one for those from a later point on (preceding:: and following:: axes: the only way to cut a
 *   document into parts XPath can search without visiting the rest); what lies between is searched piece by
 *   piece as it is read;
 * - empty elements of the kinds that accept one (a widget's <div>): one selector query per tree (~16 ms per
 *   176,000 elements). XPath's not(node()) for these cost three times the custom-element test;
 * - any element of those kinds that is the root of a tree read (one the page added later): one look.
 * Without XPath (happy-dom in tests, the CLI) every element is checked.
 */
import { compiledXPath } from './xpath';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Sort comparator: document order (for elements of one tree). */
export const byDocumentOrder = (a: Element, b: Element): number => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
// The elements attachShadow() accepts, besides custom ones (":empty" first: cheap, and rarely true).
export const EMPTY_HOSTS = ':empty:is(div,span,p,section,article,aside,main,nav,header,footer,blockquote,h1,h2,h3,h4,h5,h6)';
const CUSTOM = "[contains(local-name(), '-')]";
const isCustomHost = (el: Element) => el.shadowRoot !== null && el.localName.includes('-');

/** The custom elements with an open shadow root that `expression` selects from `context`, in document order. */
function customHostsBy(context: Element, doc: Document, expression: string, out: Element[]): Element[] | null {
  const compiled = compiledXPath(doc, expression);
  if (!compiled) return null;
  try {
    const result = compiled.evaluate(context, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */);
    for (let i = 0; i < result.snapshotLength; i++) {
      const el = result.snapshotItem(i) as Element;
      if (el.shadowRoot) out.push(el);
    }
    return out;
  } catch {
    return null;
  }
}

/** Custom elements with an open shadow root: `start` and below, in document order. */
export function customHostsIn(start: Element, doc: Document, out: Element[] = []): Element[] {
  if (customHostsBy(start, doc, `descendant-or-self::*${CUSTOM}`, out)) return out;
  if (isCustomHost(start)) out.push(start);
  for (const el of start.getElementsByTagName('*')) if (isCustomHost(el)) out.push(el);
  return out;
}

/** Custom hosts of the document before `at`, its ancestors left out; in document order. */
export function customHostsBefore(at: Element, doc: Document): Element[] {
  const out: Element[] = [];
  if (customHostsBy(at, doc, `preceding::*${CUSTOM}`, out)) return out;
  for (const el of doc.getElementsByTagName('*')) {
    if (el === at) break;
    if (isCustomHost(el) && !el.contains(at)) out.push(el);
  }
  return out;
}

/** Custom hosts of the document from `at` on, `at` and its descendants included; in document order. */
export function customHostsFrom(at: Element, doc: Document): Element[] {
  const out: Element[] = [];
  if (customHostsBy(at, doc, `descendant-or-self::*${CUSTOM} | following::*${CUSTOM}`, out)) return out;
  let reached = false;
  for (const el of doc.getElementsByTagName('*')) {
    reached ||= el === at;
    if (reached && isCustomHost(el)) out.push(el);
  }
  return out;
}

/**
 * Elements with an open shadow root in `tree` (an element: itself included, whatever its kind), in document
 * order, not those inside their shadow trees. `custom: false` leaves custom elements below the tree out (the
 * caller looks for them piece by piece).
 */
export function shadowHostsIn(tree: Element | ShadowRoot, doc: Document, custom: boolean): Element[] {
  const custom_: Element[] = [];
  if (custom) {
    if (tree.nodeType === ELEMENT_NODE) customHostsIn(tree as Element, doc, custom_);
    else for (let el = tree.firstElementChild; el; el = el.nextElementSibling) customHostsIn(el, doc, custom_);
  }
  const hosts = withEmptyHosts(tree, custom_);
  // The tree's own root costs one look, so it is taken whatever its kind: a <p> with text or a <div> holding a
  // fallback that a page adds with its shadow root already attached.
  if (tree.nodeType === ELEMENT_NODE && (tree as Element).shadowRoot && hosts[0] !== tree) hosts.unshift(tree as Element);
  return hosts;
}

/** `custom` (custom hosts of `tree`, in document order) with the empty hosts below the tree, in document order. */
export function withEmptyHosts(tree: Element | ShadowRoot, custom: Element[]): Element[] {
  const empty = emptyHostsIn(tree);
  if (empty.length === 0) return custom;
  if (custom.length === 0) return empty;
  return [...custom, ...empty].sort(byDocumentOrder);
}

/** Empty elements of the kinds that accept a shadow root, with one, below `tree` (shadowHostsIn looks at the tree itself). */
function emptyHostsIn(tree: Element | ShadowRoot): Element[] {
  const empty: Element[] = [];
  for (const el of tree.querySelectorAll(EMPTY_HOSTS)) if (el.shadowRoot) empty.push(el);
  return empty;
}
