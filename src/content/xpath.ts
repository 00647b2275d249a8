/**
 * XPath expressions compiled once per document: parsing one again cost more than evaluating it on a small
 * subtree. null where the document has no XPath (happy-dom in tests, the CLI): callers then walk the DOM.
 */
const compiled = new WeakMap<Document, Map<string, XPathExpression | null>>();

export function compiledXPath(doc: Document, source: string): XPathExpression | null {
  let byDoc = compiled.get(doc);
  if (!byDoc) compiled.set(doc, (byDoc = new Map()));
  let expression = byDoc.get(source);
  if (expression === undefined) {
    try {
      expression = typeof doc.createExpression === 'function' ? doc.createExpression(source) : null;
    } catch {
      expression = null;
    }
    byDoc.set(source, expression);
  }
  return expression;
}
