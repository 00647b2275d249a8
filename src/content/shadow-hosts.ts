/**
 * Elements that may hold an open shadow root. Visiting every element from script cost as much as the whole
 * text walk on big pages (measured: ~840 ms on a 10 MB page in Chromium), so where XPath is available the
 * engine filters natively for custom elements (a "-" in the name), which is where pages put shadow roots.
 * The expression is compiled once per document: parsing it again cost more than evaluating it on a small
 * subtree. Without XPath (happy-dom in tests, the CLI) every element is checked.
 */
export interface ElementList {
  readonly length: number;
  item(index: number): Element | null;
}

const ELEMENT_NODE = 1;
const DOCUMENT_FRAGMENT_NODE = 11;
const compiled = new WeakMap<Document, XPathExpression | null>();

function expressionFor(doc: Document): XPathExpression | null {
  let expression = compiled.get(doc);
  if (expression === undefined) {
    try {
      expression = typeof doc.createExpression === 'function' ? doc.createExpression("descendant-or-self::*[contains(local-name(), '-')]") : null;
    } catch {
      expression = null;
    }
    compiled.set(doc, expression);
  }
  return expression;
}

/** `start` itself and the elements under it that may be shadow hosts (not inside their shadow trees). */
export function shadowHostCandidates(start: Node, doc: Document): ElementList {
  const expression = start.nodeType === ELEMENT_NODE ? expressionFor(doc) : null;
  if (expression) {
    try {
      const result = expression.evaluate(start, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */);
      return { length: result.snapshotLength, item: (i) => result.snapshotItem(i) as Element | null };
    } catch {
      // fall through to the element-by-element list
    }
  }
  const all = start.nodeType === DOCUMENT_FRAGMENT_NODE ? [...(start as ShadowRoot).querySelectorAll('*')] : [start as Element, ...(start as Element).getElementsByTagName('*')];
  return { length: all.length, item: (i) => all[i] ?? null };
}
