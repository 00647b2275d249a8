/**
 * Reads a tree as a few large strings ("pieces") rather than node by node: a piece is an element's
 * textContent (one native call, no wrapper per text node) or a lone text node. A container with many children
 * (an article body, a feed) is not read whole but opened up, its children becoming pieces, so no piece of a
 * 10 MB page is huge and the reader can pause between pieces. Open shadow roots of custom elements
 * and of empty <div>s and the like (shadow-hosts.ts, found once per tree) are read too, as pieces of their
 * own, right after the piece that holds their host; so are those of elements opened up.
 *
 * The consumer may answer a piece with `true` (generator.next(true)) to have it opened up as well: the
 * scanner does that for a piece that holds a candidate word, to find which part of it does.
 */
import { byDocumentOrder, customHostsIn, shadowHostsIn } from './shadow-hosts';
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
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** An element with more children than this (or whose first child has) is opened up rather than read whole. */
const FAN_OUT = 64;
/** A possibly huge element with more elements than this is opened up rather than read whole. */
const HUGE_ELEMENTS = 4000;
/** The most children whose own text is tested at once for being only whitespace. */
const MAX_SPACE_TEST = 40_000;
/** A piece opened on request with more text than this may have huge children. */
const HUGE_TEXT = 256 * 1024;

/**
 * The shadow hosts of one tree in document order, and how far the reading has passed them. In a large tree the
 * custom-element hosts are not listed but looked for in each piece (`perPiece`), so no single call is long.
 */
interface TreeHosts {
  readonly list: readonly Element[];
  at: number;
  readonly perPiece: boolean;
}
/** `elementsOnly`: the parent holds no text of its own but whitespace, so its text nodes are stepped over. */
type StackItem = ShadowRoot | { node: Node; elementsOnly: boolean; sized: boolean; hosts: TreeHosts | null };

const DOCUMENT_POSITION_PRECEDING = 2;

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
    const list = shadowHostsIn(tree, doc, small);
    return list.length > 0 || !small ? { list, at: 0, perPiece: !small } : null;
  };
  const skippedBetween = (host: Element, el: Element) => {
    for (let a = host.parentElement; a && a !== el; a = a.parentElement) if (options.skip(a)) return true;
    return false;
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
    if (hosts.perPiece) {
      // A leaf can only be a host itself (and one that is not empty is custom).
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
    if (first) stack.push({ node: first, elementsOnly, sized, hosts });
  };
  const onlySpaceIn = (node: Node) => {
    // About 1 µs per child: past this many, one call would be a long task, and the children are read one by one.
    if (node.childNodes.length > MAX_SPACE_TEST) return false;
    const ownText = compiledXPath(doc, 'boolean(text()[normalize-space()])');
    try {
      return ownText !== null && !ownText.evaluate(node, 3 /* BOOLEAN_TYPE */).booleanValue;
    } catch {
      return false;
    }
  };
  /** Marks a step that read no text but may have cost time (an element counted or opened up): a place to pause. */
  const step = (node: Node): Piece => ({ node, text: '', newTree: false });

  // (Infinity: the caller knows the root is small enough, and counting its elements would be wasted.)
  const whole =
    root.nodeType === ELEMENT_NODE &&
    (options.wholeRootBelow === Infinity || (root as Element).getElementsByTagName('*').length <= options.wholeRootBelow);
  if (whole) {
    const rootHosts = hostsOf(root, true);
    const text = root.textContent ?? '';
    const opened = yield { node: root, text, newTree: false };
    if (opened) open(root, text.length > HUGE_TEXT, rootHosts);
    else pushShadowRoots(root as Element, rootHosts);
  } else {
    // Steps between the costly calls on a huge root (counting, finding its hosts, opening it), so that the
    // consumer can pause between them. A shadow root given as the root is taken as small.
    yield step(root);
    const rootHosts = hostsOf(root, root.nodeType !== ELEMENT_NODE);
    yield step(root);
    open(root, true, rootHosts);
    yield step(root);
  }

  while (stack.length > 0) {
    const item = stack.pop()!;
    if (!('elementsOnly' in item)) {
      newTree = true;
      if (item.firstChild) stack.push({ node: item.firstChild, elementsOnly: false, sized: false, hosts: hostsOf(item, true) });
      continue;
    }
    const { node, hosts, elementsOnly } = item;
    const next = elementsOnly ? (node as Element).nextElementSibling : node.nextSibling;
    if (next) stack.push({ node: next, elementsOnly, sized: item.sized, hosts });
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
    if (el.childElementCount > FAN_OUT || (el.firstElementChild?.childElementCount ?? 0) > FAN_OUT) {
      // Opening a container of thousands of children looks at all of them (onlySpaceIn): a slice of its own.
      yield step(el);
      open(el, false, hosts);
      yield step(el);
      continue;
    }
    if (item.sized && el.getElementsByTagName('*').length > HUGE_ELEMENTS) {
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
