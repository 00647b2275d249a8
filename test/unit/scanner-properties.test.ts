// @vitest-environment happy-dom
/**
 * Property tests of the DOM scanner (src/content/text-blocks.ts) with the bundled pack's matcher, on random DOM
 * trees (random nesting of block, inline and skipped elements; text made of treaty names in several languages,
 * soft hyphens, no-break spaces and dashes) and random strings:
 *   - it never throws, and never changes the DOM (outerHTML before = after);
 *   - every mention's range starts and ends in Text nodes under the root, outside skipped subtrees, and the
 *     readable text in the range (its Text nodes outside skipped subtrees) is exactly mention.text
 *     (the matcher reports original text: `text: original.slice(start, end)`); without a skipped element inside,
 *     that is range.toString() itself;
 *   - scanning twice (same scanner again, or a new one) gives the same mentions over the same nodes.
 * And the Highlighter (fake registry): after clear() — what switching off calls — none of our names remains,
 * whatever was painted before, and it never touches a name that is not ours.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/matcher';
import type { PackNames } from '../../src/core/pack-schema';
import { pack } from '../../src/dataset/index';
import { HIGHLIGHT_NAMES, Highlighter } from '../../src/content/highlighter';
import { isSkippedElement, TextScanner, type FoundMention } from '../../src/content/text-blocks';

const matcher = compileMatcher(pack.names as PackNames);
const RUNS = Number(process.env.FC_RUNS ?? 150);

// ─────────────── random trees ───────────────

const fragments = [
  'Russia', 'North Korea', 'Russia–North Korea treaty', 'mutual defence pact', 'treaty', 'the treaty', 'Pyongyang',
  'Moscow and Pyongyang signed a mutual defence treaty', 'the 1961 treaty', 'Treaty on Comprehensive Strategic Partnership',
  'Russia and North Korea signed a pact', 'N. Korea', 'DPRK', 'Kremlin', 'NATO', 'Article 4',
  'договор о всеобъемлющем стратегическом партнёрстве', 'Россия и КНДР подписали договор', 'российско-северокорейский договор',
  '북러 조약', '북한', '러시아', '조약', '露朝条約', 'ロシアと北朝鮮の条約', '俄朝条约', '朝鲜', 'Russland und Nordkorea Vertrag',
  'traité entre la Russie et la Corée du Nord', 'tratado entre Rusia y Corea del Norte', 'договір про всеосяжне стратегічне партнерство з КНДР',
  '\u00ad', '\u00a0', '–', '—', '-', '‑', ' ', '. ', ', ', '\n', 'signed a', 'in June 2024', '"', '«', '»', '\u200b',
];
const textArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

type Tree = { text: string } | { tag: string; children: Tree[] };
const TAGS = ['p', 'div', 'span', 'a', 'em', 'b', 'li', 'script', 'style', 'textarea', 'br', 'editable', 'noneditable', 'context-notes-card', 'code-mirror', 'td'];

const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.record({ tag: fc.constant('div'), children: fc.array(tie('node'), { maxLength: 6 }) }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((text) => ({ text })),
    fc.record({ tag: fc.constantFrom(...TAGS), children: fc.array(tie('node'), { maxLength: 5 }) }),
  ),
}));

/** Builds with DOM calls (not the HTML parser), so any nesting is possible, as scripts make it. */
function build(spec: Tree, doc: Document): Node {
  if ('text' in spec) return doc.createTextNode(spec.text);
  let el: Element;
  if (spec.tag === 'editable') {
    el = doc.createElement('div');
    el.setAttribute('contenteditable', 'true');
  } else if (spec.tag === 'noneditable') {
    el = doc.createElement('span');
    el.setAttribute('contenteditable', 'false');
  } else el = doc.createElement(spec.tag);
  if (spec.tag !== 'br') for (const child of spec.children) el.appendChild(build(child, doc));
  return el;
}

function mount(spec: Tree): HTMLElement {
  document.body.replaceChildren();
  const root = build(spec, document) as HTMLElement;
  document.body.appendChild(root);
  return root;
}

function skipped(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) if (isSkippedElement(el)) return true;
  return false;
}

/** The text of the range's Text nodes that are outside skipped subtrees: what the scanner reads. */
function readableText(range: Range, root: Node): string {
  let out = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n) || skipped(n, root)) continue;
    const from = n === range.startContainer ? range.startOffset : 0;
    const to = n === range.endContainer ? range.endOffset : n.data.length;
    out += n.data.slice(from, to);
  }
  return out;
}

function containsSkipped(range: Range, root: Node): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
    if (isSkippedElement(el) && range.intersectsNode(el)) return true;
  }
  return false;
}

/** A comparable picture of a scan: the mention fields and where its range sits. */
function picture(found: readonly FoundMention[]) {
  return found.map((f) => ({
    mention: f.mention,
    start: [f.range.startContainer, f.range.startOffset] as const,
    end: [f.range.endContainer, f.range.endOffset] as const,
  }));
}

let mentionsSeen = 0;
let skippedInsideSeen = 0;

describe('TextScanner on random DOM trees', () => {
  afterAll(() => {
    // The generators are meant to exercise real mentions, not only empty scans.
    expect(mentionsSeen).toBeGreaterThan(20);
  });

  it('never throws, never changes the DOM; ranges lie in readable Text nodes and read as mention.text; scans repeat', () => {
    fc.assert(
      fc.property(tree, (spec) => {
        const root = mount(spec);
        const before = document.body.outerHTML;
        const scanner = new TextScanner(root, matcher);
        const first = scanner.scanAll();
        expect(document.body.outerHTML).toBe(before);
        mentionsSeen += first.length;
        for (const { range, mention } of first) {
          for (const node of [range.startContainer, range.endContainer]) {
            expect(node.nodeType).toBe(Node.TEXT_NODE);
            expect(root.contains(node)).toBe(true);
            expect(skipped(node, root)).toBe(false);
          }
          expect(mention.text.length).toBeGreaterThan(0);
          expect(readableText(range, root)).toBe(mention.text);
          if (containsSkipped(range, root)) skippedInsideSeen += 1;
          else expect(range.toString()).toBe(mention.text);
        }
        // The same scanner again, and a new one over the whole document: the same mentions, same nodes.
        expect(picture(scanner.scanAll())).toEqual(picture(first));
        expect(picture(new TextScanner(root, matcher).scanAll())).toEqual(picture(first));
        expect(document.body.outerHTML).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('a sliced scan (yielding at every check) finds what the whole scan finds', () => {
    fc.assert(
      fc.property(tree, (spec) => {
        const root = mount(spec);
        const whole = picture(new TextScanner(root, matcher).scanAll());
        const job = new TextScanner(root, matcher).scanDocument();
        let step = job.next(() => true);
        const found = [...step.found];
        for (let guard = 0; !step.done && guard < 10_000; guard += 1) {
          step = job.next(() => true);
          found.push(...step.found);
        }
        expect(step.done).toBe(true);
        expect(picture(found)).toEqual(whole);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('random strings in one paragraph: never throws; mentions are slices of the text at their offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(textArb, fc.string({ unit: 'binary', maxLength: 30 })), { maxLength: 8 }), (parts) => {
        const root = mount({ tag: 'p', children: parts.map((text) => ({ text })) });
        const text = root.textContent ?? '';
        for (const { range, mention, blockText } of new TextScanner(root, matcher).scanAll()) {
          expect(blockText).toBe(text);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(range.toString()).toBe(mention.text);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ─────────────── the Highlighter ───────────────

/** The Highlight interface is set-like; the Highlighter adds and deletes ranges in place. */
class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

describe('Highlighter: switching off leaves no highlight behind', () => {
  const realHighlight = (globalThis as { Highlight?: unknown }).Highlight;
  beforeAll(() => {
    (globalThis as { Highlight?: unknown }).Highlight = FakeHighlight;
  });
  afterAll(() => {
    (globalThis as { Highlight?: unknown }).Highlight = realHighlight;
  });

  const ours = new Set<string>(Object.values(HIGHLIGHT_NAMES));
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('paint' as const),
      items: fc.array(fc.boolean(), { maxLength: 4 }),
      style: fc.constantFrom('underline' as const, 'dotted' as const, 'tint' as const),
      framing: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('active' as const), on: fc.boolean() }),
    fc.record({ kind: fc.constant('clear' as const) }),
  );

  it('after any sequence of paint / setActive / clear, clear() removes every name of ours and only ours', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const registry = new Map<string, unknown>([['page-own-highlight', new FakeHighlight()]]);
        const win = { CSS: { highlights: registry } } as unknown as Window & typeof globalThis;
        const highlighter = new Highlighter(win);
        const ranges = Array.from({ length: 4 }, () => document.createRange());
        const range = ranges[0]!;
        for (const o of ops) {
          if (o.kind === 'paint') {
            const items = o.items.map((framed, i) => ({ range: ranges[i]!, framed }));
            highlighter.paint(items, o.style, o.framing);
            // Painted in place or anew, each name holds exactly the ranges of this paint.
            const plain = items.filter((item) => !(o.framing && item.framed)).map((item) => item.range);
            const framed = items.filter((item) => o.framing && item.framed).map((item) => item.range);
            expect(new Set((registry.get(HIGHLIGHT_NAMES[o.style]) as Set<AbstractRange> | undefined) ?? [])).toEqual(new Set(plain));
            expect(new Set((registry.get(HIGHLIGHT_NAMES.framed) as Set<AbstractRange> | undefined) ?? [])).toEqual(new Set(framed));
          } else if (o.kind === 'active') highlighter.setActive(o.on ? range : null);
          else highlighter.clear();
          for (const name of registry.keys()) expect(name === 'page-own-highlight' || ours.has(name)).toBe(true);
        }
        highlighter.clear();
        expect([...registry.keys()]).toEqual(['page-own-highlight']);
      }),
      { numRuns: RUNS },
    );
  });

  it('without a highlight registry (old engine or a page that broke CSS) it paints nothing and throws nothing', () => {
    const highlighter = new Highlighter({} as Window & typeof globalThis);
    expect(highlighter.supported).toBe(false);
    highlighter.paint([{ range: document.createRange(), framed: true }], 'underline', true);
    highlighter.setActive(document.createRange());
    highlighter.clear();
  });
});
