/**
 * The highlights' stylesheet in Chromium, scoped to the elements that hold painted text.
 *
 * Chromium resolves a ::highlight() style for every element a ::highlight() rule matches, whether or not any
 * range is registered: universal rules (content.css injected by the manifest) doubled the cost of every full
 * style recalculation of a page (measured: 110–130 ms → 210–310 ms on the 1 MB bench page), on every page, from
 * its parse on, for as long as it is open. Adding such rules later is worse (a full recalculation with them). Here each rule names only the elements whose text a highlight range covers (an element's id
 * when it is unique, else a chain of :nth-child steps up to one), so the rest of the page matches nothing.
 * The sheet is a constructed one in document.adoptedStyleSheets: no element is added to the page. Shadow
 * trees are out of reach of a document sheet, as they were of content.css.
 *
 * The chains can go stale when the page moves elements: refresh() (after the page changed) checks each with
 * matches() and builds the ones that no longer hold; it also adopts the sheet again should the page have
 * replaced the list.
 */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 0x4;

export class HighlightSheet {
  private readonly sheet: CSSStyleSheet;
  private readonly selectors = new Map<Element, string>();
  private elements: Element[] = [];
  private text = '';

  constructor(
    private readonly doc: Document,
    /** The highlight rules with universal selectors (content.css). */
    private readonly css: string,
  ) {
    this.sheet = new CSSStyleSheet();
  }

  /** Rules for the elements under `ranges` (all painted names together). */
  update(ranges: Iterable<AbstractRange>): void {
    const elements = new Set<Element>();
    for (const range of ranges) originsOf(range, elements);
    this.elements = [...elements];
    for (const el of this.selectors.keys()) if (!elements.has(el)) this.selectors.delete(el);
    this.write();
  }

  /** After the page changed: chains that no longer match are built again; the sheet adopted again if dropped. */
  refresh(): void {
    if (this.elements.length === 0) return;
    for (const [el, selector] of this.selectors) {
      let holds = false;
      try {
        holds = el.isConnected && el.matches(selector);
      } catch {
        holds = false;
      }
      if (!holds) this.selectors.delete(el);
    }
    this.write();
  }

  remove(): void {
    this.elements = [];
    this.selectors.clear();
    this.text = '';
    const adopted = this.doc.adoptedStyleSheets;
    if (adopted.includes(this.sheet)) this.doc.adoptedStyleSheets = adopted.filter((s) => s !== this.sheet);
  }

  private write(): void {
    // In the order elements first came (the selectors map's), so that painting the same elements under other
    // names, or in another order, leaves the text as it was: every change of the sheet costs the page a pass
    // over its whole tree (measured: ~0.1 s on the 2 MB bench page), registering ranges costs nothing.
    // (Never the universal rules instead, however many elements: adding those to a loaded page recalculates
    // every element with its highlight styles, 4.6 s on the 2 MB bench page.)
    for (const el of this.elements) {
      if (!this.selectors.has(el) && el.isConnected && el.getRootNode() === this.doc) this.selectors.set(el, selectorOf(el, this.doc));
    }
    const list = [...this.selectors.values()];
    if (list.length === 0) {
      this.remove();
      return;
    }
    const text = this.css.replace(/::highlight\(([\w-]+)\)/g, (_, name: string) => list.map((s) => `${s}::highlight(${name})`).join(', '));
    if (text !== this.text) {
      this.sheet.replaceSync(text);
      this.text = text;
    }
    const adopted = this.doc.adoptedStyleSheets;
    if (!adopted.includes(this.sheet)) this.doc.adoptedStyleSheets = [...adopted, this.sheet];
  }
}

/** The parent elements of the text nodes a range covers. */
function originsOf(range: AbstractRange, out: Set<Element>): void {
  const start = range.startContainer;
  if (start === range.endContainer) {
    const el = start.nodeType === ELEMENT_NODE ? (start as Element) : start.parentElement;
    if (el) out.add(el);
    return;
  }
  const live = range instanceof Range ? range : null;
  const root = live ? live.commonAncestorContainer : (start.parentNode ?? start);
  if (root.nodeType === TEXT_NODE) {
    if (root.parentElement) out.add(root.parentElement);
    return;
  }
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
  let seen = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === start) seen = true;
    if (live ? live.intersectsNode(n) : seen) {
      if (n.parentElement) out.add(n.parentElement);
    }
    if (n === range.endContainer) break;
  }
}

/** A selector for `el`: its id when unique, else :nth-child steps up to an ancestor with one, or the root. */
export function selectorOf(el: Element, doc: Document): string {
  const steps: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const id = cur.id;
    if (id && doc.getElementById(id) === cur) {
      steps.unshift(`#${CSS.escape(id)}`);
      return steps.join(' > ');
    }
    if (!cur.parentElement) {
      steps.unshift(':root');
      return steps.join(' > ');
    }
    let index = 1;
    for (let s = cur.previousElementSibling; s; s = s.previousElementSibling) index++;
    steps.unshift(`${CSS.escape(cur.localName)}:nth-child(${index})`);
  }
  return steps.join(' > ');
}
