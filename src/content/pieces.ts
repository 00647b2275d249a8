/**
 * Reads a tree as a few large strings ("pieces") rather than node by node: a piece is an element's
 * textContent (one native call, no wrapper per text node) or a lone text node. A container with many children
 * (an article body, a feed) is not read whole but opened up, its children becoming pieces, so no piece of a
 * 10 MB page is huge and the reader can pause between pieces. Open shadow roots of custom elements
 * (shadow-hosts.ts) are read too, as pieces of their own.
 *
 * The consumer may answer a piece with `true` (generator.next(true)) to have it opened up as well: the
 * scanner does that for a piece that holds a candidate word, to find which part of it does.
 */
import { shadowHostCandidates } from './shadow-hosts';

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
/** A piece opened on request with more text than this may have huge children. */
const HUGE_TEXT = 256 * 1024;

/** Pieces of `root` in reading order; shadow trees come right after the piece that holds their host. */
export function* readPieces(root: Element | ShadowRoot, doc: Document, options: PieceOptions): Generator<Piece, void, boolean | undefined> {
  const shadows = options.shadowRoots ?? true;
  // Depth first. A node is pushed with `siblings` when the walk goes on to its next sibling after it: children
  // are visited one sibling at a time, so a container of 20,000 paragraphs costs nothing until it is read.
  // `sized`: the node may be huge (a child of a huge element with few children: body, main, a wrapper), so its
  // elements are counted before it is read whole.
  const stack: (ShadowRoot | { node: Node; siblings: boolean; sized: boolean })[] = [];
  let newTree = false;
  const pushShadowRoots = (el: Element) => {
    if (!shadows) return;
    // A leaf can only be a host itself; anything else needs the engine's filter for custom elements.
    if (el.firstElementChild === null) {
      if (el.shadowRoot) stack.push(el.shadowRoot);
      return;
    }
    const hosts = shadowHostCandidates(el, doc);
    for (let i = hosts.length - 1; i >= 0; i--) {
      const shadow = hosts.item(i)?.shadowRoot;
      if (shadow) stack.push(shadow);
    }
  };
  const open = (node: Node, huge: boolean) => {
    // Its shadow tree after its light children (pushed first, popped last).
    if (shadows && node.nodeType === ELEMENT_NODE && (node as Element).shadowRoot) stack.push((node as Element).shadowRoot!);
    // A huge element with few children has huge children; one with many has ordinary ones (paragraphs).
    const sized = huge && (node as Element).childElementCount <= FAN_OUT;
    if (node.firstChild) stack.push({ node: node.firstChild, siblings: true, sized });
  };
  /** Marks a step that read no text (an element counted and opened up), so the consumer may pause there. */
  const step = (node: Node): Piece => ({ node, text: '', newTree: false });

  // (Infinity: the caller knows the root is small enough, and counting its elements would be wasted.)
  const whole =
    root.nodeType === ELEMENT_NODE &&
    (options.wholeRootBelow === Infinity || (root as Element).getElementsByTagName('*').length <= options.wholeRootBelow);
  if (whole) {
    const text = root.textContent ?? '';
    const opened = yield { node: root, text, newTree: false };
    if (opened) open(root, text.length > HUGE_TEXT);
    else pushShadowRoots(root as Element);
  } else {
    open(root, true);
    yield step(root);
  }

  while (stack.length > 0) {
    const item = stack.pop()!;
    if (!('siblings' in item)) {
      newTree = true;
      if (item.firstChild) stack.push({ node: item.firstChild, siblings: true, sized: false });
      continue;
    }
    const node = item.node;
    if (item.siblings && node.nextSibling) stack.push({ node: node.nextSibling, siblings: true, sized: item.sized });
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
      open(el, false);
      continue;
    }
    if (item.sized && el.getElementsByTagName('*').length > HUGE_ELEMENTS) {
      open(el, true);
      yield step(el);
      continue;
    }
    const text = el.textContent ?? '';
    const opened = yield { node: el, text, newTree };
    newTree = false;
    if (opened) open(el, text.length > HUGE_TEXT);
    else pushShadowRoots(el);
  }
}
