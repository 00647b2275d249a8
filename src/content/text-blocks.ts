/**
 * The DOM scanner core: finds the text blocks of a page that may hold mentions, and maps mention offsets back
 * to DOM ranges. DOM-only (no extension API), so it runs in the content script and, on a happy-dom Document,
 * in the CLI. It never modifies the DOM.
 *
 * Blocks. A block is a maximal run of text nodes not separated by a block boundary: the start or end of an
 * element whose tag is block-level (p, div, li, h1–h6, td, section, article, blockquote…, see BLOCK_TAGS) or a
 * <br>. Inline elements (a, em, span…) do not separate, so `<a>Russia</a>–North Korea <em>pact</em>` is one
 * block. Block-ness comes from tag names, never from getComputedStyle (too slow on every element). The block
 * text is the nodes' data concatenated as is; `starts[i]` is where node i begins in it.
 * Skipped, with their subtrees: script, style, noscript, template, textarea, input, select, option, head,
 * title, iframe, object, svg, math, canvas, video, audio, [contenteditable] (any value but "false"),
 * [role=textbox], and elements whose tag starts with "context-notes-" (our own UI). Open shadow roots are
 * scanned as separate trees (each host is a block boundary).
 *
 * Cost. One SHOW_TEXT TreeWalker reads each text node's data once and runs matcher.mayContain() on it (one
 * precompiled alternation of short literals; most pages: false everywhere). Only for a candidate node do we
 * climb its ancestors (skip check, block container) and build the block, once per block. Then open shadow
 * roots are found with one pass over elements (`shadowRoots: false` turns that off). The work is a generator
 * that stops when `shouldYield()` says so: no slice runs long on big pages.
 *
 * Matching. When the walk ends, matcher.findInDocument() runs on the candidate blocks in document order (so
 * the document-level look-alike rule sees the whole page) and the mentions are reported once, with ranges.
 * References ("the treaty") are looked for in node data only after a candidate block produced a confident
 * mention earlier in the walk, the same "earlier in reading order" rule the matcher applies.
 *
 * Incremental. `scanChanged(roots)` (roots from a MutationObserver: added nodes, targets of removals,
 * parents of changed text) drops the known blocks that are disconnected or inside a changed root's block
 * container, collects candidate blocks again there, re-runs the matcher on all known candidate blocks and
 * reports which blocks' mentions changed (`staleBlocks`: drop their old mentions) and the new mentions (`found`).
 *
 * Page text (CLI). `collectBlocks(root)` lists every block in document order; the CLI's "page text" is their
 * texts joined with "\n\n", and `pageOffsets()` maps a scanner block to its start in that text.
 */
import type { Matcher, Mention } from '../core/matcher';
import { readPieces } from './pieces';

export interface TextBlock {
  /** The nodes' data concatenated. */
  readonly text: string;
  /** Text nodes in document order. */
  readonly nodes: readonly Text[];
  /** Offset in `text` at which each node starts. */
  readonly starts: readonly number[];
  /** The nearest block-level ancestor (or shadow root / document) that holds the run. */
  readonly container: Node;
}

export interface FoundMention {
  block: TextBlock;
  mention: Mention;
  range: Range;
  /** Same as block.text (what the card and framing read). */
  blockText: string;
  /** Identity for "drop this block's mentions" (the block object itself). */
  blockKey: object;
}

export interface ScanOptions {
  /** Also scan open shadow roots (default true). */
  shadowRoots?: boolean;
}

export interface ScanStep {
  /** Mentions reported in this step (all at once when the walk completes). */
  found: FoundMention[];
  done: boolean;
}

export interface ScanJob {
  /** Works until done or until shouldYield() returns true (checked every few hundred nodes). */
  next(shouldYield?: () => boolean): ScanStep;
}

export interface ChangeResult {
  /** Blocks whose earlier mentions are gone or replaced: drop every mention with these blockKeys. */
  staleBlocks: object[];
  /** Mentions to add (from new blocks, or blocks whose mentions changed). */
  found: FoundMention[];
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'OPTGROUP', 'IMG', 'VIDEO', 'PICTURE',
]);
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'HEAD', 'TITLE', 'IFRAME',
  'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SVG', 'MATH', 'CODE-MIRROR',
]);
const OWN_UI_PREFIX = 'CONTEXT-NOTES-';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
/** How many nodes between shouldYield() calls (a clock read costs more than a node). */
const YIELD_EVERY = 256;
/** Pieces read between two looks at the clock. */
const PIECES_PER_CHECK = 4;
/** A root with at most this many elements is first tested whole. */
const WHOLE_ROOT_BELOW = 20_000;
/** A candidate piece longer than this is opened up, to walk only the part that holds the candidate. */
const REFINE_ABOVE = 4096;

function tagOf(el: Element): string {
  // tagName is upper case for HTML elements; svg/math children are lower case.
  return el.tagName.toUpperCase();
}

/** Is this element (alone, not its ancestors) one whose subtree we never read? */
export function isSkippedElement(el: Element): boolean {
  const tag = tagOf(el);
  if (SKIP_TAGS.has(tag) || tag.startsWith(OWN_UI_PREFIX)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return el.getAttribute('role') === 'textbox';
}

export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(tagOf(el));
}

function docOf(node: Node): Document {
  return node.nodeType === DOCUMENT_NODE ? (node as Document) : node.ownerDocument!;
}

/**
 * Climbs from a node: undefined when it sits in a skipped context, else its block container (nearest block
 * ancestor, or the shadow root / document when there is none). Crosses shadow roots to check the host chain.
 */
function containerOf(node: Node, skipCache: WeakMap<Node, boolean>): Node | undefined {
  let container: Node | undefined;
  let cur: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
  const visited: Node[] = [];
  let ok = true;
  while (cur) {
    const known = skipCache.get(cur);
    if (known !== undefined) {
      ok = known;
      if (!container) container = blockContainerAbove(cur);
      break;
    }
    visited.push(cur);
    if (cur.nodeType === ELEMENT_NODE) {
      const el = cur as Element;
      if (isSkippedElement(el)) {
        ok = false;
        break;
      }
      if (!container && isBlockElement(el)) container = el;
      cur = el.parentNode;
    } else if (cur.nodeType === DOCUMENT_FRAGMENT_NODE) {
      container ??= cur;
      cur = (cur as ShadowRoot).host ?? null;
    } else {
      container ??= cur;
      break;
    }
  }
  // Every node below a skipped one is skipped; above it we learnt nothing, so only cache on success paths.
  if (ok) for (const v of visited) skipCache.set(v, true);
  else for (const v of visited) if (v.nodeType === ELEMENT_NODE && isSkippedElement(v as Element)) skipCache.set(v, false);
  return ok ? container : undefined;
}

/** Is a proper ancestor of `node` (across shadow roots to their hosts) in `set`? */
function hasAncestorIn(node: Node, set: ReadonlySet<Node>): boolean {
  for (let cur = node.parentNode ?? (node as ShadowRoot).host ?? null; cur; cur = cur.parentNode ?? (cur as ShadowRoot).host ?? null) {
    if (set.has(cur)) return true;
  }
  return false;
}

/** Block container of a node already known to be in a readable context. */
function blockContainerAbove(node: Node): Node {
  let cur: Node | null = node;
  while (cur) {
    if (cur.nodeType === ELEMENT_NODE) {
      if (isBlockElement(cur as Element)) return cur;
      if (!cur.parentNode) return cur;
      cur = cur.parentNode;
    } else return cur;
  }
  return node;
}

/**
 * The runs of text directly in `container`: nested block elements and skipped elements are not entered,
 * a nested block or <br> ends a run.
 */
function runsOf(container: Node): Text[][] {
  const doc = docOf(container);
  const runs: Text[][] = [];
  let run: Text[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const walker = doc.createTreeWalker(container, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(n: Node) {
      if (n.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      const el = n as Element;
      if (isSkippedElement(el)) return FILTER_REJECT;
      if (isBlockElement(el)) {
        flush();
        return FILTER_REJECT;
      }
      return FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === TEXT_NODE) run.push(n as Text);
  }
  flush();
  return runs;
}

function makeBlock(nodes: Text[], container: Node): TextBlock {
  const starts: number[] = [];
  let text = '';
  for (const n of nodes) {
    starts.push(text.length);
    text += n.data;
  }
  return { text, nodes, starts, container };
}

/**
 * Every block under `root` in document order (open shadow roots after their host's light content).
 * Used by the CLI for "page text"; the content script does not need it.
 */
export function collectBlocks(root: Node, options: ScanOptions = {}): TextBlock[] {
  const shadow = options.shadowRoots ?? true;
  const out: TextBlock[] = [];
  const start = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : root;
  const queue: Node[] = start ? [start] : [];
  while (queue.length > 0) {
    const top = queue.shift()!;
    const containers: Node[] = [top.nodeType === ELEMENT_NODE ? blockContainerAbove(top) : top];
    let run: Text[] = [];
    let runContainer = containers[0]!;
    const flush = () => {
      if (run.length > 0) out.push(makeBlock(run, runContainer));
      run = [];
    };
    // Iterative DFS with exit markers, so that leaving a block element ends the run too.
    const stack: (Node | { exit: Node })[] = [top];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if ('exit' in item) {
        flush();
        containers.pop();
        continue;
      }
      const n = item;
      if (n.nodeType === TEXT_NODE) {
        if (run.length === 0) runContainer = containers[containers.length - 1]!;
        run.push(n as Text);
        continue;
      }
      if (n.nodeType === ELEMENT_NODE) {
        const el = n as Element;
        if (n !== top || top === start) {
          if (isSkippedElement(el)) continue;
        }
        if (shadow && el.shadowRoot) queue.push(el.shadowRoot);
        if (n !== top && isBlockElement(el)) {
          flush();
          containers.push(el);
          stack.push({ exit: el });
        }
      }
      for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
    }
    flush();
  }
  return out;
}

/**
 * A DOM Range for [start, end) in a block's text. Throws RangeError when the offsets are outside the block
 * or a node no longer holds the text it had (the page changed since the scan).
 */
export function rangeForMention(block: TextBlock, start: number, end: number, doc: Document): Range {
  if (!(start >= 0 && end <= block.text.length && start <= end)) {
    throw new RangeError(`offsets ${start}-${end} outside block of length ${block.text.length}`);
  }
  const [sNode, sOff] = locate(block, start, false);
  const [eNode, eOff] = locate(block, end, true);
  const range = doc.createRange();
  range.setStart(sNode, sOff);
  range.setEnd(eNode, eOff);
  return range;
}

/** Node and offset for a block offset; at a node boundary, `preferEnd` picks the end of the earlier node. */
function locate(block: TextBlock, offset: number, preferEnd: boolean): [Text, number] {
  const { nodes, starts } = block;
  let lo = 0;
  let hi = nodes.length - 1;
  // Last node whose start is < offset (preferEnd) or ≤ offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const s = starts[mid]!;
    if (preferEnd ? s < offset : s <= offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  const local = offset - starts[lo]!;
  if (local < 0 || local > node.data.length) throw new RangeError(`offset ${offset} no longer inside its node`);
  return [node, local];
}

interface WalkState {
  found: TextBlock[];
  runCache: Map<Node, Map<Text, Text[]>>;
  shouldYield: () => boolean;
}

interface KnownBlock {
  block: TextBlock;
  /** Signature of its last reported mentions. */
  signature: string;
  mentions: FoundMention[];
}

/**
 * Scans one root (document, element or shadow root) and keeps what it found for incremental rescans.
 *
 * ```ts
 * const scanner = new TextScanner(document, matcher);
 * const job = scanner.scanDocument();
 * for (;;) { const step = job.next(() => performance.now() - t0 > 8); add(step.found); if (step.done) break; await yieldToPage(); }
 * // later, from a MutationObserver:
 * const { staleBlocks, found } = scanner.scanChanged(roots);
 * ```
 */
export class TextScanner {
  private known: KnownBlock[] = [];
  private blockOf = new WeakMap<Text, TextBlock>();
  private skipCache = new WeakMap<Node, boolean>();
  private readonly shadow: boolean;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    options: ScanOptions = {},
  ) {
    this.shadow = options.shadowRoots ?? true;
  }

  /** Candidate blocks known, in document order. */
  get blocks(): readonly TextBlock[] {
    return this.known.map((k) => k.block);
  }

  /** Forget everything (e.g. after a single-page-app navigation, before scanDocument()). */
  reset(): void {
    this.known = [];
    this.blockOf = new WeakMap();
    this.skipCache = new WeakMap();
  }

  /** A sliced scan of the whole root; mentions are reported when the walk completes. */
  scanDocument(): ScanJob {
    this.reset();
    const gen = this.walk([this.root]);
    let finished = false;
    return {
      next: (shouldYield = () => false) => {
        if (finished) return { found: [], done: true };
        const r = gen.next(shouldYield);
        if (!r.done) return { found: [], done: false };
        finished = true;
        for (const b of r.value) this.known.push({ block: b, signature: '', mentions: [] });
        return { found: this.rematch().found, done: true };
      },
    };
  }

  /** Whole scan at once (tests, CLI). */
  scanAll(): FoundMention[] {
    const job = this.scanDocument();
    for (;;) {
      const step = job.next();
      if (step.done) return step.found;
    }
  }

  /** Rescans the given changed subtrees synchronously; see the header. */
  scanChanged(roots: readonly Node[], _documentHasMention?: boolean): ChangeResult {
    const candidates = new Set<Node>();
    for (const r of roots) {
      if (!r.isConnected) continue;
      candidates.add(r.nodeType === TEXT_NODE || !isBlockElement(r as Element) ? blockContainerAbove(r.nodeType === TEXT_NODE ? r.parentNode ?? r : r) : r);
    }
    // Outermost only; a climb to the root per container, not a comparison of every pair (a feed adds hundreds).
    const containers = [...candidates].filter((c) => !hasAncestorIn(c, candidates));
    const changed = new Set(containers);
    const staleBlocks: object[] = [];
    const keep: KnownBlock[] = [];
    for (const k of this.known) {
      const b = k.block;
      const gone = b.nodes.some((n) => !n.isConnected || n.data.length === 0) || changed.has(b.container) || hasAncestorIn(b.container, changed);
      if (gone) {
        if (k.mentions.length > 0) staleBlocks.push(b);
        for (const n of b.nodes) this.blockOf.delete(n);
      } else keep.push(k);
    }
    this.known = keep;
    this.skipCache = new WeakMap();
    const gen = this.walk(containers);
    let r = gen.next(() => false);
    while (!r.done) r = gen.next(() => false);
    // Binary insertion keeps the known blocks in document order without re-sorting them all on every change
    // (a feed appends a little every frame).
    for (const b of r.value) this.insertKnown({ block: b, signature: '', mentions: [] });
    const result = this.rematch();
    return { staleBlocks: [...staleBlocks, ...result.changed], found: result.found };
  }

  private insertKnown(entry: KnownBlock): void {
    const node = entry.block.nodes[0]!;
    let lo = 0;
    let hi = this.known.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const pos = this.known[mid]!.block.nodes[0]!.compareDocumentPosition(node);
      // Different trees (shadow roots): after what is already known, in the order found.
      if (pos & 1 || pos & 4) lo = mid + 1;
      else hi = mid;
    }
    this.known.splice(lo, 0, entry);
  }

  /** Runs the matcher on all known blocks; updates each block's mentions; returns what changed. */
  private rematch(): { found: FoundMention[]; changed: object[] } {
    const texts = this.known.map((k) => k.block.text);
    const byBlock = new Map<number, Mention[]>();
    for (const { block, mention } of this.matcher.findInDocument(texts)) {
      const list = byBlock.get(block) ?? [];
      list.push(mention);
      byBlock.set(block, list);
    }
    const found: FoundMention[] = [];
    const changed: object[] = [];
    this.known.forEach((k, i) => {
      const ms = byBlock.get(i) ?? [];
      const sig = ms.map((m) => `${m.start}:${m.end}:${m.kind}:${m.confidence}`).join(',');
      if (sig === k.signature) return;
      if (k.mentions.length > 0) changed.push(k.block);
      k.signature = sig;
      k.mentions = [];
      const doc = docOf(k.block.nodes[0]!);
      for (const mention of ms) {
        let range: Range;
        try {
          range = rangeForMention(k.block, mention.start, mention.end, doc);
        } catch {
          continue; // the page changed under us; the observer will send the change
        }
        const f: FoundMention = { block: k.block, mention, range, blockText: k.block.text, blockKey: k.block };
        k.mentions.push(f);
        found.push(f);
      }
    });
    return { found, changed };
  }

  /**
   * The walk: candidate blocks under `roots` (generator; yields when shouldYield says so, resumes with the
   * next shouldYield). Open shadow roots found under a root are walked after it.
   */
  private *walk(roots: readonly Node[]): Generator<void, TextBlock[], () => boolean> {
    const state: WalkState = {
      found: [],
      runCache: new Map(),
      shouldYield: yield,
    };
    let count = 0;
    for (const root of roots) {
      const start = root.nodeType === DOCUMENT_NODE ? (root as Document).documentElement : root;
      if (!start) continue;
      const doc = docOf(root);
      if (start.nodeType === TEXT_NODE) {
        this.consider(start as Text, state.runCache, state.found);
        continue;
      }
      // Pieces (pieces.ts): most of a page is ruled out a subtree at a time by one textContent and one test;
      // only the pieces that hold a candidate word are walked node by node.
      const pieces = readPieces(start as Element | ShadowRoot, doc, { skip: isSkippedElement, wholeRootBelow: WHOLE_ROOT_BELOW, shadowRoots: this.shadow });
      let open = false;
      for (let r = pieces.next(); !r.done; r = pieces.next(open)) {
        open = false;
        const { node, text } = r.value;
        // An empty piece may be a step that took time (pieces.ts): a look at the clock there too.
        if ((++count % PIECES_PER_CHECK === 0 || text === '') && state.shouldYield()) state.shouldYield = yield;
        // A huge piece is opened up without a test: its huge nodes go to their windows (visitText).
        if (text.length <= HUGE_BLOCK && !this.matcher.mayContain(text)) continue;
        if (node.nodeType === TEXT_NODE) {
          yield* this.visitText(node as Text, state);
          continue;
        }
        if (text.length > REFINE_ABOVE && (node as Element).firstElementChild) {
          open = true;
          continue;
        }
        const walker = doc.createTreeWalker(node, SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (++count % YIELD_EVERY === 0 && state.shouldYield()) state.shouldYield = yield;
          yield* this.visitText(n as Text, state);
        }
      }
    }
    return state.found;
  }

  /** One text node of a candidate piece: its block is built and analysed when the node may hold a mention. */
  private *visitText(t: Text, state: WalkState): Generator<void, void, () => boolean> {
    // A huge node goes straight to its windows: one pass over it finds every candidate place.
    if (t.data.length <= HUGE_BLOCK && !this.matcher.mayContain(t.data)) return;
    // The first candidate needs the name patterns: prepare them over several slices, not in one long task.
    while (!this.matcher.warm(WARM_BATCH)) if (state.shouldYield()) state.shouldYield = yield;
    const blocks = this.consider(t, state.runCache, state.found);
    // Analysed now, inside this slice (the matcher caches it), rather than all at once when the walk ends.
    for (const b of blocks) this.matcher.findInBlock(b.text, false);
  }

  /** Builds (once) the block of a candidate text node (windows of it, when huge); none when skipped or known. */
  private consider(t: Text, runCache: Map<Node, Map<Text, Text[]>>, found: TextBlock[]): TextBlock[] {
    if (this.blockOf.has(t)) return [];
    const container = containerOf(t, this.skipCache);
    if (!container) return [];
    let runs = runCache.get(container);
    if (!runs) {
      runs = new Map();
      for (const r of runsOf(container)) for (const n of r) runs.set(n, r);
      runCache.set(container, runs);
    }
    const run = runs.get(t);
    if (!run) return [];
    const whole = makeBlock(run, container);
    const blocks = whole.text.length > HUGE_BLOCK ? windowsOf(whole, this.matcher) : [whole];
    for (const n of run) this.blockOf.set(n, blocks[0] ?? whole);
    found.push(...blocks);
    return blocks;
  }
}

/**
 * A block this long (a log, a data dump, a 50 MB text node) is not read as one passage: only windows around
 * the places the prefilter fires are analysed, so the work stays proportional to what might be a mention.
 */
const HUGE_BLOCK = 64 * 1024;
/** Name patterns prepared between two checks of the slice's time. */
const WARM_BATCH = 24;
const WINDOW_REACH = 4 * 1024;
const MAX_WINDOWS = 200;

function windowsOf(block: TextBlock, matcher: Matcher): TextBlock[] {
  const text = block.text;
  const spans: [number, number][] = [];
  for (const at of matcher.hotspots(text, MAX_WINDOWS)) {
    let start = Math.max(0, at - WINDOW_REACH);
    let end = Math.min(text.length, at + WINDOW_REACH);
    // Widen to whitespace so no word is cut in two (a little way at most: CJK text has no spaces).
    for (let n = 0; n < 64 && start > 0 && !/\s/.test(text[start - 1]!); n++) start--;
    for (let n = 0; n < 64 && end < text.length && !/\s/.test(text[end]!); n++) end++;
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  // Offsets stay exact: each window keeps every node, with starts shifted by where the window begins.
  return spans.map(([start, end]) => ({
    text: text.slice(start, end),
    nodes: block.nodes,
    starts: block.starts.map((s) => s - start),
    container: block.container,
  }));
}

/** Start offset of each scanner block within the page text (collectBlocks texts joined with "\n\n"). */
export function pageOffsets(all: readonly TextBlock[], blocks: readonly TextBlock[]): Map<TextBlock, number> {
  const startOf = new Map<Text, number>();
  let offset = 0;
  for (const b of all) {
    startOf.set(b.nodes[0]!, offset);
    offset += b.text.length + 2;
  }
  const out = new Map<TextBlock, number>();
  for (const b of blocks) {
    const s = startOf.get(b.nodes[0]!);
    if (s !== undefined) out.set(b, s);
  }
  return out;
}

/** The page text as the CLI defines it. */
export function pageText(all: readonly TextBlock[]): string {
  return all.map((b) => b.text).join('\n\n');
}
