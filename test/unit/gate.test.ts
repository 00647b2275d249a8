// @vitest-environment happy-dom
/**
 * The page gate (src/core/gate.ts) and its literals (matcher.ts, gateLiterals): it must never stay shut on a
 * page where the matcher finds a mention (else content.js would never load the notes there), and it should
 * stay shut on ordinary pages. Checked on the labelled corpus and, by fast-check, on random texts made of the
 * pack's words, fed in random pieces as content.js feeds them (PieceReader, with the carry between pieces);
 * and the DOM reading (src/content/pieces.ts) gives the same text as textContent, shadow trees included.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corePattern, createGate, longestLiteral, packGate, PieceReader, type GateAnswer } from '../../src/core/gate';
import { compileMatcher, gateLiterals } from '../../src/core/matcher';
import { expandNames } from '../../src/core/lexicon';
import type { PackNames } from '../../src/core/pack-schema';
import { pack } from '../../src/dataset/index';
import { readPieces } from '../../src/content/pieces';
import { treeTexts } from '../../src/content/sentinel';

const names = pack.names as PackNames;
const literals = gateLiterals(names);
const matcher = compileMatcher(names);
const overlap = longestLiteral(literals) - 1;
const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Feeds `pieces` as content.js does: a "rescan" answer means reading the whole page again from the top. */
function gateOn(pieces: readonly string[]): GateAnswer {
  const gate = createGate(packGate(literals));
  for (let pass = 0; pass < 3; pass++) {
    const reader = new PieceReader(gate, overlap, Infinity);
    let answer: GateAnswer = 'shut';
    for (const piece of pieces) {
      answer = reader.feed(piece);
      if (answer !== 'shut') break;
    }
    if (answer !== 'rescan') return answer;
  }
  throw new Error('the gate asked for more than one rescan');
}

const hasMention = (blocks: readonly string[]) => matcher.findInDocument(blocks).length > 0;

describe('gate literals from the pack', () => {
  it('has core literals, and every group is non-empty and lower case', () => {
    for (const list of [literals.core, literals.dprk, literals.russia, literals.agreement, ...literals.names.flat()]) {
      expect(list.length).toBeGreaterThan(0);
      for (const literal of list) expect(literal).toBe(literal.toLowerCase());
    }
    expect(literals.names.length).toBe(Object.values(expandNames(names).treaty).flat().length);
  });
});

describe('gate on the labelled corpus', () => {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/corpus');
  const labels = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8')) as { file: string; label: string }[];
  const textOf = (file: string) => {
    const doc = new DOMParser().parseFromString(readFileSync(path.join(dir, file), 'utf8'), 'text/html');
    return doc.body.textContent ?? '';
  };

  it('opens on every positive document', () => {
    const shut = labels.filter((l) => l.label === 'positive' && gateOn([textOf(l.file)]) !== 'open').map((l) => l.file);
    expect(shut).toEqual([]);
  });

  it('stays shut on ordinary text, and after a lone DPRK word reads the page again and stays shut', () => {
    expect(createGate(packGate(literals)).feed('The harbour museum opened a new wing for the autumn festival.')).toBe('shut');
    const gate = createGate(packGate(literals));
    expect(gate.feed('Weather in North Dakota: snow expected.')).toBe('rescan');
    expect(gate.feed('Weather in North Dakota: snow expected.')).toBe('shut');
    expect(gateOn(['Kim Kardashian wore a red dress in Seoul.'])).toBe('shut');
  });

  it('opens for words spread over a page, and through soft hyphens and odd case', () => {
    expect(gateOn(['Russia said on Monday…', 'unrelated paragraph', 'North Korea answered…', 'the pact was signed'])).toBe('open');
    expect(gateOn(['Rus\u00adsia and North Ko\u00adrea signed a TREATY'])).toBe('open');
  });
});

describe('gate never stays shut where the matcher finds a mention (fast-check)', () => {
  const words = [
    'Russia', 'North Korea', 'Moscow', 'Pyongyang', 'Kim Jong Un', 'Putin', 'DPRK', 'Kremlin', 'treaty', 'pact',
    'mutual defence', 'Treaty on Comprehensive Strategic Partnership', 'Article 4', 'signed', 'and', 'the', 'a',
    'Россия', 'КНДР', 'договор', 'Пхеньян', '러시아', '북한', '조약', '북러', '露朝条約', 'ロシア', '北朝鮮', '条約',
    '俄朝条约', '朝鲜', 'Nordkorea', 'Russland', 'Vertrag', 'Corée du Nord', 'traité', 'Rusia', 'tratado',
    'garden', 'river', 'market', '\u00ad', '\u00a0', '–', ' ', '. ', ', ', '\n', '«', '»',
  ];
  const text = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }).map((parts) => parts.join(' '));
  /** Cut points into the joined page text: pieces may split words anywhere. */
  const cuts = fc.array(fc.nat(), { maxLength: 8 });

  it('the whole page, cut into pieces anywhere', () => {
    let withMention = 0;
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), cuts, (blocks, cutList) => {
        if (!hasMention(blocks)) return;
        withMention += 1;
        const page = blocks.join('\n');
        const at = [...new Set(cutList.map((c) => c % (page.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => page.slice(start, at[i] ?? page.length));
        expect(gateOn(pieces)).toBe('open');
      }),
      { numRuns: RUNS },
    );
    // The property means something only if many random pages do hold a mention.
    expect(withMention).toBeGreaterThan(RUNS / 4);
  });
});

describe('the core search (one alternation of the core literals)', () => {
  it('answers as String.includes of each literal would, whatever characters the literals hold', () => {
    const chars = fc.constantFrom('a', 'b', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\', '-', 'é', '북');
    const word = fc.array(chars, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.array(chars, { maxLength: 40 }), (core, textChars) => {
        const text = textChars.join('');
        const gate = createGate(packGate({ core, names: [], dprk: [], russia: [], agreement: [], longest: 4 }));
        expect(gate.feed(text) === 'rescan').toBe(core.some((literal) => text.includes(literal)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('corePattern (the core search, built by build.mjs)', () => {
  it('matches exactly when some literal occurs, for literals sharing beginnings, prefixes of each other and astral characters', () => {
    const chars = fc.constantFrom('a', 'b', 'c', '.', '-', '/', ']', '\\', '^', 'é', '북', '\u{20000}', '\u{20001}');
    const word = fc.array(chars, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.array(chars, { maxLength: 40 }), (core, textChars) => {
        const text = textChars.join('');
        expect(new RegExp(corePattern(core)).test(text)).toBe(core.some((literal) => text.includes(literal)));
      }),
      { numRuns: RUNS },
    );
  });

  it('shares beginnings, drops literals a shorter one begins, and never matches without literals', () => {
    expect(corePattern(['pyongyang', 'pjöngjang', 'north', 'nort'])).toBe('(?:nort|p(?:jöngjang|yongyang))');
    expect(corePattern(['북', '조', '朝'])).toBe('[朝북조]');
    expect(new RegExp(corePattern([])).test('anything')).toBe(false);
  });

  it('the pack\'s core literals: the packed gate answers as one String.includes per literal would', () => {
    const packed = packGate(literals);
    const core = new RegExp(packed.core);
    for (const literal of literals.core) expect(core.test(`text ${literal} text`)).toBe(true);
    expect(core.test('the harbour museum opened a new wing for the autumn festival.')).toBe(false);
    expect(JSON.parse(packed.rest)).toEqual({ names: literals.names, dprk: literals.dprk, russia: literals.russia, agreement: literals.agreement });
    expect(packed.overlap).toBe(literals.longest - 1);
  });
});

describe('treeTexts (content.js reads a small page through it)', () => {
  it('gives the light DOM as one string, then each open shadow tree, nested ones and empty hosts too', () => {
    document.body.innerHTML = '<p>light <b>text</b></p><x-widget></x-widget><div></div><p>after</p>';
    const widget = document.querySelector('x-widget')!.attachShadow({ mode: 'open' });
    widget.innerHTML = '<span>in widget</span><y-inner></y-inner>';
    widget.querySelector('y-inner')!.attachShadow({ mode: 'open' }).innerHTML = '<i>nested</i>';
    document.querySelector('div')!.attachShadow({ mode: 'open' }).innerHTML = '<em>in empty div</em>';
    document.querySelector('p')!.attachShadow({ mode: 'closed' }).innerHTML = '<em>closed: never read</em>';
    expect([...treeTexts(document.body, document)]).toEqual([document.body.textContent, 'in widget', 'nested', 'in empty div']);
  });

  it('a leaf added later is its own only host', () => {
    const p = document.createElement('p');
    p.textContent = 'fallback';
    p.attachShadow({ mode: 'open' }).innerHTML = 'shadow text';
    expect([...treeTexts(p, document)]).toEqual(['fallback', 'shadow text']);
  });
});

describe('readPieces (the scanner reads the DOM through it)', () => {
  const html = (children: number) =>
    `<main><h1>Title</h1>${Array.from({ length: children }, (_, i) => `<p>para ${i} <a href="#">link</a> <em>em</em></p>`).join('')}</main><footer>foot</footer>`;

  it.each([
    ['a small page read whole', 10, Infinity],
    ['a large page read child by child', 200, 0],
  ])('%s: the pieces, in order, are the page text', (_label, children, wholeRootBelow) => {
    document.body.innerHTML = html(children);
    const texts = [...readPieces(document.body, document, { skip: () => false, wholeRootBelow })].map((p) => p.text);
    expect(texts.join('')).toBe(document.body.textContent);
    if (wholeRootBelow === 0) expect(texts.length).toBeGreaterThan(children);
  });

  it('opens up a huge element that has few children (body > wrapper > …) instead of reading it whole', () => {
    const level = (depth: number): string => (depth === 0 ? '<span>word</span>' : `<div>${Array.from({ length: 20 }, () => level(depth - 1)).join('')}</div>`);
    document.body.innerHTML = `<div id="wrapper">${level(3)}${level(3)}</div>`;
    const pieces = [...readPieces(document.body, document, { skip: () => false, wholeRootBelow: 0 })];
    const total = document.body.textContent!.length;
    expect(pieces.map((p) => p.text).join('')).toBe(document.body.textContent);
    expect(Math.max(...pieces.map((p) => p.text.length))).toBeLessThan(total / 10);
  });

  it('reads open shadow roots after their host, as a new tree, and skips what it is told to', () => {
    document.body.innerHTML = '<p>before</p><x-card><span>light</span></x-card><script>var korea = 1</script><p>after</p>';
    const host = document.querySelector('x-card')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<b>shadow text</b>';
    const pieces = [...readPieces(document.body, document, { skip: (el) => el.localName === 'script', wholeRootBelow: 0 })];
    // Empty pieces mark steps that read no text (an element opened up): places to pause, nothing to test.
    expect(pieces.filter((p) => p.text !== '').map((p) => [p.text, p.newTree])).toEqual([
      ['before', false],
      ['light', false],
      ['shadow text', true],
      ['after', false],
    ]);
  });

  it.each([
    ['a paragraph with text, read whole', 'p', '<span>light</span> text', Infinity],
    ['a <div> holding a paragraph, read whole', 'div', '<p>light</p>', Infinity],
    ['a <div> holding a paragraph, opened up', 'div', '<p>light</p>', 0],
  ])('the root of what is read (an element a page adds) is a host whatever its kind: %s', (_label, tag, inner, wholeRootBelow) => {
    document.body.innerHTML = `<${tag} id="added">${inner}</${tag}>`;
    const added = document.getElementById('added')!;
    added.attachShadow({ mode: 'open' }).innerHTML = '<b>shadow text</b>';
    const pieces = [...readPieces(added, document, { skip: () => false, wholeRootBelow })].filter((p) => p.text !== '');
    // The shadow tree once, after the light text, as a new tree.
    expect(pieces.map((p) => p.text).join('|')).toMatch(/^[^|]*light[^|]*(\|[^|]*)*\|shadow text$/);
    expect(pieces.filter((p) => p.text === 'shadow text').map((p) => p.newTree)).toEqual([true]);
  });

  it.each([
    ['read whole', Infinity],
    ['read piece by piece', 0],
  ])('finds each tree’s hosts once and reads their shadow trees in order, past a host in a skipped element: %s', (_label, wholeRootBelow) => {
    document.body.innerHTML =
      '<p>one</p><script><x-a id="skipped"></x-a></script><div><x-a id="first"></x-a><p>two</p></div><x-b id="second"><i>three</i></x-b><div id="widget"></div><p>four</p>';
    // A host inside a skipped element (the parser keeps script text, so build it by hand).
    const skippedHost = document.createElement('x-a');
    document.querySelector('script')!.replaceWith(Object.assign(document.createElement('noscript'), {}));
    document.querySelector('noscript')!.append(skippedHost);
    skippedHost.attachShadow({ mode: 'open' }).innerHTML = '<p>never</p>';
    document.getElementById('first')!.attachShadow({ mode: 'open' }).innerHTML = '<p>s1</p><x-c><b>nested light</b></x-c>';
    const nested = document.getElementById('first')!.shadowRoot!.querySelector('x-c')!;
    nested.attachShadow({ mode: 'open' }).innerHTML = '<p>s1 nested</p>';
    document.getElementById('second')!.attachShadow({ mode: 'open' }).innerHTML = '<p>s2</p>';
    document.getElementById('widget')!.attachShadow({ mode: 'open' }).innerHTML = '<p>s3</p>';
    const skip = (el: Element) => el.localName === 'noscript';
    const texts = [...readPieces(document.body, document, { skip, wholeRootBelow })].map((p) => p.text).filter((t) => t !== '');
    const shadowTexts = texts.filter((t) => /^s\d/.test(t) || t.includes('nested') || t === 'never');
    expect(shadowTexts.join('|')).toMatch(/^s1.*\|s1 nested\|s2\|s3$/);
    expect(texts).not.toContain('never');
    if (wholeRootBelow === 0) {
      // Each shadow tree right after the piece that holds its host.
      const at = (t: string) => texts.findIndex((x) => x.includes(t));
      expect(at('s1')).toBeGreaterThan(at('two'));
      expect(at('s1')).toBeLessThan(at('three'));
      expect(at('s2')).toBeGreaterThan(at('three'));
      expect(at('s3')).toBeLessThan(at('four'));
    }
  });

  describe('a huge document: hosts of both ends listed at once, those between looked for piece by piece', () => {
    // 100 children (more than the fan-out): each is a piece. Every 7th is a custom host, spread over the
    // listed head, the gap and the listed tail when few elements are listed at once.
    const setUp = () => {
      document.body.innerHTML = Array.from({ length: 100 }, (_, i) =>
        i % 7 === 3 ? `<x-w id="h${i}"><i>light ${i}</i></x-w>` : `<p>para ${i} <b>b</b><span><x-plain>no root</x-plain></span></p>`,
      ).join('');
      const ids: string[] = [];
      for (const host of document.querySelectorAll('x-w')) {
        host.attachShadow({ mode: 'open' }).innerHTML = `<p>shadow ${host.id}</p>`;
        ids.push(host.id);
      }
      // A host deep inside a paragraph, not a piece itself.
      const deep = document.querySelector('#h45 ~ p x-plain')!;
      deep.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow deep</p>';
      return ids;
    };
    const read = (atOnce: number, during?: (text: string) => void) => {
      const texts: string[] = [];
      for (const piece of readPieces(document.documentElement, document, { skip: () => false, wholeRootBelow: 0, hostsAtOnce: atOnce })) {
        if (piece.text !== '') texts.push(piece.text);
        during?.(piece.text);
      }
      return texts;
    };

    it.each([
      ['a few elements at once (head, gap, tail)', 40],
      ['half of them at once (no gap)', 10_000],
      ['one element at once (nearly all gap)', 1],
    ])('%s: every shadow tree once, right after the piece that holds its host', (_label, atOnce) => {
      const ids = setUp();
      const texts = read(atOnce);
      const shadows = texts.filter((t) => t.startsWith('shadow'));
      expect(shadows.filter((t) => t !== 'shadow deep')).toEqual(ids.map((id) => `shadow ${id}`));
      expect(shadows.filter((t) => t === 'shadow deep')).toHaveLength(1);
      for (const id of ids) expect(texts.indexOf(`shadow ${id}`)).toBe(texts.findIndex((t) => t === `light ${id.slice(1)}`) + 1);
    });

    it('the page removing the gap’s start while it is read loses no host still there', () => {
      const ids = setUp();
      // The reader starts the gap at the element at index `atOnce` (document order); the page removes the child
      // of <body> that holds it after the first piece (not the next one, which the reader already holds).
      const start = document.documentElement.getElementsByTagName('*').item(40)!.closest('body > *')!;
      expect([...document.body.children].indexOf(start)).toBeGreaterThan(1);
      let removed = false;
      const texts = read(40, (text) => {
        if (!removed && text.startsWith('para 0')) {
          removed = true;
          start.remove();
        }
      });
      expect(removed).toBe(true);
      const shadows = texts.filter((t) => t.startsWith('shadow ') && t !== 'shadow deep');
      expect(shadows).toEqual(ids.filter((id) => document.getElementById(id)).map((id) => `shadow ${id}`));
    });
  });

  describe('the page changing what is being read, between two pieces', () => {
    const setUp = () => {
      document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<p id="p${i}">para ${i}</p>`).join('');
    };
    const readWith = (during: (text: string) => void) => {
      const texts: string[] = [];
      for (const piece of readPieces(document.body, document, { skip: () => false, wholeRootBelow: 0 })) {
        if (piece.text.trim() !== '') texts.push(piece.text);
        during(piece.text);
      }
      return texts;
    };
    const remaining = () => [...document.querySelectorAll('p')].map((p) => p.textContent);

    it('removing the next paragraph (the one the reader holds) stops nothing: the rest is read', () => {
      setUp();
      const texts = readWith((text) => {
        if (text === 'para 10') document.getElementById('p11')!.remove();
      });
      expect(texts).toEqual(remaining());
    });

    it('removing the paragraph just read and the next: the rest is read (some twice)', () => {
      setUp();
      const texts = readWith((text) => {
        if (text === 'para 10') for (const id of ['p10', 'p11']) document.getElementById(id)!.remove();
      });
      expect(new Set(texts)).toEqual(new Set([...remaining(), 'para 10']));
      expect(texts.slice(-89)).toEqual(remaining().slice(-89));
    });

    it('a container emptied and refilled at every piece is not chased for ever', () => {
      setUp();
      let pieces = 0;
      readWith(() => {
        pieces++;
        if (pieces < 10_000) document.body.innerHTML = Array.from({ length: 100 }, (_, i) => `<p>again ${i}</p>`).join('\n');
      });
      expect(pieces).toBeLessThan(10);
    });
  });

  it('opens a piece up when asked, so only that part is read node by node', () => {
    document.body.innerHTML = '<div><p>one</p><p>two <b>three</b></p></div>';
    const gen = readPieces(document.body, document, { skip: () => false, wholeRootBelow: Infinity });
    const seen: string[] = [];
    for (let r = gen.next(); !r.done; r = gen.next(r.value.text.includes('two') && r.value.text.length > 4)) seen.push(r.value.text);
    expect(seen).toEqual(['onetwo three', 'onetwo three', 'one', 'two three', 'two ', 'three']);
  });
});
