/**
 * Finding the open shadow roots of a page without visiting every element from script, which cost as much as
 * the whole text walk on big pages (~840 ms on a 10 MB page in Chromium). Pages put shadow roots on:
 * - custom elements (a "-" in the name): XPath filters them natively, once per tree where the tree is small
 *   enough for one call (~60 ms per 176,000 elements in an isolated world), else once per piece (~5 µs a call);
 * - empty elements of the kinds that accept one (a widget's <div>): one selector query per tree (~16 ms per
 *   176,000 elements). XPath's not(node()) for these cost three times the custom-element test.
 * Without XPath (happy-dom in tests, the CLI) every element is checked.
 */
import { compiledXPath } from './xpath';

const ELEMENT_NODE = 1;
const DOCUMENT_POSITION_FOLLOWING = 4;

/** Sort comparator: document order (for elements of one tree). */
export const byDocumentOrder = (a: Element, b: Element): number => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
// The elements attachShadow() accepts, besides custom ones (":empty" first: cheap, and rarely true).
const EMPTY_HOSTS = ':empty:is(div,span,p,section,article,aside,main,nav,header,footer,blockquote,h1,h2,h3,h4,h5,h6)';
/** Custom elements with an open shadow root: `start` and below, in document order. */
export function customHostsIn(start: Element, doc: Document, out: Element[] = []): Element[] {
  const expression = compiledXPath(doc, "descendant-or-self::*[contains(local-name(), '-')]");
  if (expression) {
    try {
      const result = expression.evaluate(start, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */);
      for (let i = 0; i < result.snapshotLength; i++) {
        const el = result.snapshotItem(i) as Element;
        if (el.shadowRoot) out.push(el);
      }
      return out;
    } catch {
      // fall through to the element-by-element check
    }
  }
  if (start.shadowRoot && start.localName.includes('-')) out.push(start);
  for (const el of start.getElementsByTagName('*')) if (el.shadowRoot && el.localName.includes('-')) out.push(el);
  return out;
}

/**
 * Elements with an open shadow root in `tree` (an element: itself included), in document order, not those
 * inside their shadow trees. `custom: false` leaves custom elements out (the caller looks for them piece by piece).
 */
export function shadowHostsIn(tree: Element | ShadowRoot, doc: Document, custom: boolean): Element[] {
  const custom_: Element[] = [];
  if (custom) {
    if (tree.nodeType === ELEMENT_NODE) customHostsIn(tree as Element, doc, custom_);
    else for (let el = tree.firstElementChild; el; el = el.nextElementSibling) customHostsIn(el, doc, custom_);
  }
  const empty: Element[] = [];
  if (tree.nodeType === ELEMENT_NODE && (tree as Element).matches(EMPTY_HOSTS) && (tree as Element).shadowRoot) empty.push(tree as Element);
  for (const el of tree.querySelectorAll(EMPTY_HOSTS)) if (el.shadowRoot) empty.push(el);
  if (empty.length === 0) return custom_;
  if (custom_.length === 0) return empty;
  return [...custom_, ...empty].sort(byDocumentOrder);
}
