/**
 * Reads a tree as a few large strings ("pieces") rather than node by node: a piece is an element's
 * textContent (one native call, no wrapper per text node) or a lone text node. A container with many children
 * (an article body, a feed) is not read whole but opened up, its children becoming pieces, so no piece of a
 * 10 MB page is huge and the reader can pause between pieces. Open shadow roots of custom elements
 * and of empty <div>s and the like (shadow-hosts.ts: listed once per tree, or in a large tree looked for piece
 * by piece) are read too, as pieces of their own, right after the piece that holds their host; so are those
 * of elements opened up. The page may change the tree while the reader pauses; it goes on from where it was.
 *
 * The consumer may answer a piece with `true` (generator.next(true)) to have it opened up as well: the
 * scanner does that for a piece that holds a candidate word, to find which part of it does.
 */
import { byDocumentOrder, customHostsBefore, customHostsFrom, customHostsIn, shadowHostsIn, withEmptyHosts } from './shadow-hosts';
import { compiledXPath } from './xpath';

export interface Piece {
  /** An Element, or a Text node. */
  readonly node: Node;
  readonly text: string;
  /** The first piece of another tree (a shadow root): its text does not follow the previous piece's. */
  readonly newTree: boolean;
}

export interface PieceOptions {
  /** Elements whose subtree is never read (and never opened up). */
  skip(el: Element): boolean;
  /** Read the root whole when it has at most this many elements (cheapest for nearly every page). */
  wholeRootBelow: number;
  /** Read open shadow roots too (default true). */
  shadowRoots?: boolean;
  /** A huge document's custom hosts are found this many elements at a time, from each end (default 50,000). */
  hostsAtOnce?: number;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** An element with more children than this is opened up rather than read whole. */
const FAN_OUT = 64;
/** A possibly huge element with more elements than this is opened up rather than read whole. */
const HUGE_ELEMENTS = 4000;
/** The most children whose own text is tested at once for being only whitespace. */
const MAX_SPACE_TEST = 64_000;
/** A piece opened on request with more text than this may have huge children. */
const HUGE_TEXT = 256 * 1024;
/** About 15–20 ms of XPath in an isolated world (~0.3 µs an element). */
const HOSTS_AT_ONCE = 50_000;

/**
 * The shadow hosts of one tree in document order, and how far the reading has passed them. In a large tree the
 * custom-element hosts are not listed but looked for in each piece (`perPiece`), so no single call is long;
 * in a huge document only in the pieces of the `gap` between the parts searched at once (shadow-hosts.ts).
 */
interface TreeHosts {
  readonly list: readonly Element[];
  at: number;
  perPiece: boolean;
  gap: { readonly start: Element; readonly end: Element; entered: boolean; seen: number } | null;
}
/**
 * A child of `parent` to visit next. `elementsOnly`: the parent holds no text of its own but whitespace, so its
 * text nodes are stepped over. `prev`: the child read before it, to go on from should the page remove `node`
 * while the reader pauses; `restarted`: the parent was read again from its first child once already, when the
 * page had removed both.
 */
interface Sibling {
  node: Node;
  parent: Node;
  prev: Node | null;
  restarted: boolean;
  elementsOnly: boolean;
  sized: boolean;
  hosts: TreeHosts | null;
}
type StackItem = ShadowRoot | Sibling;

const DOCUMENT_POSITION_PRECEDING = 2;

/** Pieces between two looks at whether the reading went past the gap's start without meeting it (the page moved it). */
const GAP_CHECK_EVERY = 4096;

/**
 * Whether to look for custom hosts in `el`, a piece of the tree (pieces come in document order). Per piece
 * only containment and identity are tested: comparing the positions of two of 20,000 siblings walks the
 * siblings between them.
 */
function searchPiece(hosts: TreeHosts, el: Element): boolean {
  const gap = hosts.gap;
  if (!gap) return hosts.perPiece;
  if (!gap.entered) {
    // Before the gap: listed already. (The gap's start may be an element opened up, not a piece.) If the page
    // removes the gap's start, the gap begins here; if it removes the end, it never ends.
    const before = !el.contains(gap.start) && !gap.start.contains(el) && gap.start.isConnected;
    if (before && (++gap.seen % GAP_CHECK_EVERY !== 0 || !passed(el, gap.start))) return false;
    gap.entered = true;
  }
  if (el === gap.end || el.contains(gap.end)) {
    // The gap ends here. The element at its end and every piece after it are listed; one holding it is not.
    hosts.gap = null;
    hosts.perPiece = false;
    return el !== gap.end;
  }
  return true;
}

/** Whether `start` is before `el`. */
function passed(el: Element, start: Element): boolean {
  return (el.compareDocumentPosition(start) & DOCUMENT_POSITION_PRECEDING) !== 0;
}

/**
 * Whether `el` has more than `n` elements below it. item(n) walks only that far; `length`, and `[n]` too,
 * count every element (12 ms on a 10 MB page).
 */
export function moreElementsThan(el: Element, n: number): boolean {
  return el.getElementsByTagName('*').item(n) !== null;
}

/** Pieces of `root` in reading order; shadow trees come right after the piece that holds their host. */
export function* readPieces(root: Element | ShadowRoot, doc: Document, options: PieceOptions): Generator<Piece, void, boolean | undefined> {
  const shadows = options.shadowRoots ?? true;
  // Depth first. A node is pushed with what the walk needs to go on to its next sibling after it: children
  // are visited one sibling at a time, so a container of 20,000 paragraphs costs nothing until it is read.
  // `sized`: the node may be huge (a child of a huge element with few children: body, main, a wrapper), so its
  // elements are counted before it is read whole.
  const stack: StackItem[] = [];
  let newTree = false;
  const hostsOf = (tree: Element | ShadowRoot, small: boolean): TreeHosts | null => {
    if (!shadows) return null;
    // A leaf (a paragraph a feed appends) has no host but itself (shadowHostsIn's answer without its two searches).
    if (tree.nodeType === ELEMENT_NODE && tree.firstElementChild === null) {
      return (tree as Element).shadowRoot ? { list: [tree as Element], at: 0, perPiece: false, gap: null } : null;
    }
    const list = shadowHostsIn(tree, doc, small);
    return list.length > 0 || !small ? { list, at: 0, perPiece: !small, gap: null } : null;
  };
  const skippedBetween = (host: Element, el: Element) => {
    for (let a = host.parentElement; a && a !== el; a = a.parentElement) if (options.skip(a)) return true;
    return false;
  };
  /** The first element from `elements[at]` on that the reading will meet (not skipped, nor inside a skipped one). */
  const reachable = (elements: HTMLCollectionOf<Element>, at: number): { el: Element; at: number } | null => {
    for (let i = at, el = elements.item(i); el && i < at + 1000; el = elements.item(++i)) {
      if (!options.skip(el) && !skippedBetween(el, root as Element)) return { el, at: i };
    }
    return null;
  };
  /** After reading `el` whole: the shadow trees of the hosts inside it (not in a skipped element). */
  const pushShadowRoots = (el: Element, hosts: TreeHosts | null) => {
    if (!hosts) return;
    let found: Element[] = [];
    while (hosts.at < hosts.list.length) {
      const host = hosts.list[hosts.at]!;
      if (host === el || el.contains(host)) {
        found.push(host);
      } else if (host.isConnected && !(el.compareDocumentPosition(host) & DOCUMENT_POSITION_PRECEDING)) {
        break; // further on
      }
      // Otherwise passed: in a skipped element, or an element opened up (open() took its shadow tree).
      hosts.at++;
    }
    if (searchPiece(hosts, el)) {
      // A leaf can only be a host itself, whatever its kind (an empty one is in the list already).
      const custom = el.firstElementChild === null ? (el.shadowRoot && !found.includes(el) ? [el] : []) : customHostsIn(el, doc);
      if (custom.length > 0) {
        found = found.length === 0 ? custom : [...new Set([...found, ...custom])].sort(byDocumentOrder);
      }
    }
    for (let i = found.length - 1; i >= 0; i--) {
      const host = found[i]!;
      if (host.shadowRoot && !skippedBetween(host, el)) stack.push(host.shadowRoot);
    }
  };
  const open = (node: Node, huge: boolean, hosts: TreeHosts | null) => {
    // Its shadow tree after its light children (pushed first, popped last).
    if (shadows && node.nodeType === ELEMENT_NODE && (node as Element).shadowRoot) stack.push((node as Element).shadowRoot!);
    // A huge element with few children has huge children; one with many has ordinary ones (paragraphs).
    const sized = huge && (node as Element).childElementCount <= FAN_OUT;
    // The line breaks between 20,000 paragraphs are 20,000 more pieces: skipped when that is all the text there is.
    const elementsOnly = onlySpaceIn(node);
    const first = elementsOnly ? (node as Element | ShadowRoot).firstElementChild : node.firstChild;
    if (first) stack.push({ node: first, parent: node, prev: null, restarted: false, elementsOnly, sized, hosts });
  };
  const onlySpaceIn = (node: Node) => {
    // About 0.4 µs per child in an isolated world (18 ms for 44,771): past this many, one call would be a long
    // task, and the children are read one by one (a whitespace node read is a piece: ~2 µs).
    if (node.childNodes.length > MAX_SPACE_TEST) return false;
    const ownText = compiledXPath(doc, 'boolean(text()[normalize-space()])');
    try {
      return ownText !== null && !ownText.evaluate(node, 3 /* BOOLEAN_TYPE */).booleanValue;
    } catch {
      return false;
    }
  };
  /**
   * Where to go on when the page removed (or moved) the next child while the reader paused: after the child
   * read before it, or, if that went too, from the parent's first child again (once: what is read twice is
   * only read twice; a parent emptied and refilled at every pause is not chased).
   */
  const resume = (item: Sibling): Node | null => {
    const { parent, prev, elementsOnly } = item;
    if (prev && prev.parentNode === parent) return elementsOnly ? (prev as Element).nextElementSibling : prev.nextSibling;
    if (item.restarted) return null;
    item.restarted = true;
    return elementsOnly ? (parent as Element | ShadowRoot).firstElementChild : parent.firstChild;
  };
  /** Marks a step that read no text but may have cost time (an element counted or opened up): a place to pause. */
  const step = (node: Node): Piece => ({ node, text: '', newTree: false });

  // (Infinity: the caller knows the root is small enough, and counting its elements would be wasted.)
  if (root.nodeType === ELEMENT_NODE && (options.wholeRootBelow === Infinity || !moreElementsThan(root as Element, options.wholeRootBelow))) {
    const rootHosts = hostsOf(root, true);
    const text = root.textContent ?? '';
    const opened = yield { node: root, text, newTree: false };
    if (opened) open(root, text.length > HUGE_TEXT, rootHosts);
    else pushShadowRoots(root as Element, rootHosts);
  } else {
    // Steps between the costly calls on a huge root (counting, finding its hosts, opening it), so that the
    // consumer can pause between them. A shadow root given as the root is taken as small.
    yield step(root);
    let rootHosts: TreeHosts | null = null;
    if (shadows && root === doc.documentElement) {
      // A huge document: the custom hosts of its first and last elements are found at once (the two parts
      // meet when it is not twice as big as that), those of the elements between them piece by piece.
      const elements = root.getElementsByTagName('*');
      const count = elements.length;
      yield step(root);
      const atOnce = options.hostsAtOnce ?? HOSTS_AT_ONCE;
      const start = reachable(elements, Math.min(atOnce, count >> 1));
      const end = start && reachable(elements, Math.max(count - atOnce, start.at));
      if (start && end) {
        const head = customHostsBefore(start.el, doc);
        yield step(root);
        const tail = customHostsFrom(end.el, doc);
        yield step(root);
        const list = withEmptyHosts(root, [...head, ...tail]);
        rootHosts = { list, at: 0, perPiece: true, gap: { start: start.el, end: end.el, entered: false, seen: 0 } };
      }
    }
    rootHosts ??= hostsOf(root, root.nodeType !== ELEMENT_NODE);
    yield step(root);
    open(root, true, rootHosts);
    yield step(root);
  }

  while (stack.length > 0) {
    const item = stack.pop()!;
    if (!('elementsOnly' in item)) {
      newTree = true;
      if (item.firstChild) stack.push({ node: item.firstChild, parent: item, prev: null, restarted: false, elementsOnly: false, sized: false, hosts: hostsOf(item, true) });
      continue;
    }
    const { hosts, elementsOnly, parent } = item;
    const node = item.node.parentNode === parent ? item.node : resume(item);
    if (!node) continue;
    const next = elementsOnly ? (node as Element).nextElementSibling : node.nextSibling;
    if (next) stack.push({ ...item, node: next, prev: node });
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      yield { node, text: data, newTree };
      newTree = false;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    if (options.skip(el)) continue;
    if (el.childElementCount > FAN_OUT) {
      // Opening a container of thousands of children looks at all of them (onlySpaceIn): a slice of its own.
      yield step(el);
      open(el, false, hosts);
      yield step(el);
      continue;
    }
    // (Counting only that far: a wrapper of the whole page is not counted again at each level.)
    if (item.sized && moreElementsThan(el, HUGE_ELEMENTS)) {
      open(el, true, hosts);
      yield step(el);
      continue;
    }
    const text = el.textContent ?? '';
    const opened = yield { node: el, text, newTree };
    newTree = false;
    if (opened) open(el, text.length > HUGE_TEXT, hosts);
    else pushShadowRoots(el, hosts);
  }
}
