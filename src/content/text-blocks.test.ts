// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import pack from '../dataset/treaty-2024.json';
import { compileMatcher } from '../core/matcher';
import { namesSchema } from '../core/pack-schema';
import { collectBlocks, pageOffsets, pageText, rangeForMention, TextScanner } from './text-blocks';

const matcher = compileMatcher(namesSchema.parse(pack.names));

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
function scan(html: string) {
  const doc = page(html);
  const before = doc.body.outerHTML;
  const found = new TextScanner(doc, matcher).scanAll();
  expect(doc.body.outerHTML).toBe(before); // never mutates the DOM
  return found;
}

describe('blocks', () => {
  it('joins text across inline elements into one block', () => {
    const found = scan('<p><a href="#">Russia</a>–North Korea <em>pact</em> signed</p>');
    expect(found).toHaveLength(1);
    expect(found[0]!.mention.text).toBe('Russia–North Korea pact');
    expect(found[0]!.range.toString()).toBe('Russia–North Korea pact');
    expect(found[0]!.range.startContainer.textContent).toBe('Russia');
  });

  it('splits at block elements and <br>', () => {
    const blocks = collectBlocks(page('<div>Russia<p>and North Korea</p>pact<br>next</div>'));
    expect(blocks.map((b) => b.text)).toEqual(['Russia', 'and North Korea', 'pact', 'next']);
    expect(scan('<div>Russia<p>North Korea</p>pact</div>')).toEqual([]);
  });

  it('builds the page text the CLI reports offsets into', () => {
    const doc = page('<h1>Title</h1><p>Russia–North Korea <b>treaty</b> in force</p>');
    const found = new TextScanner(doc, matcher).scanAll();
    const all = collectBlocks(doc);
    const text = pageText(all);
    const base = pageOffsets(all, [found[0]!.block]).get(found[0]!.block)!;
    expect(text.slice(base + found[0]!.mention.start, base + found[0]!.mention.end)).toBe('Russia–North Korea treaty');
  });

  it.each([
    ['script', '<script>var s = "Russia–North Korea treaty";</script>'],
    ['style', '<style>/* Russia–North Korea treaty */</style>'],
    ['noscript', '<noscript>Russia–North Korea treaty</noscript>'],
    ['template', '<template><p>Russia–North Korea treaty</p></template>'],
    ['textarea', '<textarea>Russia–North Korea treaty</textarea>'],
    ['select', '<select><option>Russia–North Korea treaty</option></select>'],
    ['contenteditable', '<div contenteditable="true"><p>Russia–North Korea treaty</p></div>'],
    ['contenteditable=""', '<div contenteditable><p>Russia–North Korea <b>treaty</b></p></div>'],
    ['role=textbox', '<div role="textbox">Russia–North Korea treaty</div>'],
    ['svg', '<svg><text>Russia–North Korea treaty</text></svg>'],
    ['own UI', '<context-notes-card><p>Russia–North Korea treaty</p></context-notes-card>'],
  ])('skips %s', (_name, html) => {
    expect(scan(`<p>Nothing here.</p>${html}`)).toEqual([]);
  });

  it('reads contenteditable="false"', () => {
    expect(scan('<div contenteditable="false"><p>Russia–North Korea treaty</p></div>')).toHaveLength(1);
  });

  it('scans open shadow roots (and not the page twice)', () => {
    const doc = page('<p>Intro about nothing.</p><live-feed></live-feed>');
    const host = doc.querySelector('live-feed')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Moscow says its partnership treaty with Pyongyang is defensive.</p>';
    const before = doc.body.outerHTML;
    const found = new TextScanner(doc, matcher).scanAll();
    expect(doc.body.outerHTML).toBe(before);
    expect(found.map((f) => f.range.toString())).toEqual(['Moscow says its partnership treaty with Pyongyang']);
    expect(new TextScanner(doc, matcher, { shadowRoots: false }).scanAll()).toEqual([]);
  });

  it('finds references after a confident mention, across blocks', () => {
    const found = scan('<h1>Russia and North Korea sign mutual defence pact</h1><p>Analysts say the treaty changes the balance.</p>');
    expect(found.map((f) => f.mention.kind)).toEqual(['co-occurrence', 'reference']);
  });

  it('stays silent on a page about the 1961 treaty', () => {
    expect(
      scan(`<h1>The 1961 treaty</h1><p>On 6 July 1961, the Soviet Union and North Korea signed the Treaty of Friendship, Co-operation and Mutual Assistance.</p>
      <p>The treaty obliged Moscow to come to Pyongyang's aid if it were attacked.</p>`),
    ).toEqual([]);
  });
});

describe('rangeForMention', () => {
  it('maps offsets across nodes and throws RangeError out of bounds', () => {
    page('<p>ab<i>cd</i>ef</p>');
    const [block] = collectBlocks(document);
    const r = rangeForMention(block!, 1, 5, document);
    expect(r.toString()).toBe('bcde');
    expect(rangeForMention(block!, 2, 4, document).startContainer.textContent).toBe('cd');
    expect(() => rangeForMention(block!, 3, 9, document)).toThrow(RangeError);
    expect(() => rangeForMention(block!, -1, 2, document)).toThrow(RangeError);
  });
});

describe('sliced and incremental scanning', () => {
  it('yields when asked and resumes to the same result', () => {
    const filler = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i} about markets.</p>`).join('');
    const doc = page(`${filler}<p>Russia–North Korea treaty</p>${filler}`);
    const job = new TextScanner(doc, matcher).scanDocument();
    let steps = 0;
    let found: unknown[] = [];
    for (;;) {
      const step = job.next(() => true);
      steps++;
      if (step.done) {
        found = step.found;
        break;
      }
    }
    expect(steps).toBeGreaterThan(3);
    expect(found).toHaveLength(1);
  });

  it('rescans only changed subtrees and reports stale blocks', () => {
    const doc = page('<p id="a">Russia–North Korea treaty</p><div id="feed"></div>');
    const scanner = new TextScanner(doc, matcher);
    const first = scanner.scanAll();
    expect(first).toHaveLength(1);

    const p = doc.createElement('p');
    p.textContent = "Pyongyang's pact with Moscow is now in force.";
    doc.getElementById('feed')!.append(p);
    const added = scanner.scanChanged([p]);
    expect(added.staleBlocks).toEqual([]);
    expect(added.found.map((f) => f.range.toString())).toEqual(["Pyongyang's pact with Moscow"]);

    const a = doc.getElementById('a')!;
    a.firstChild!.textContent = 'Weather report';
    const changed = scanner.scanChanged([a]);
    expect(changed.staleBlocks).toEqual([first[0]!.blockKey]);
    expect(changed.found).toEqual([]);

    p.remove();
    const removed = scanner.scanChanged([doc.getElementById('feed')!]);
    expect(removed.staleBlocks).toHaveLength(1);
  });
});

describe('huge blocks', () => {
  it('analyses only windows around candidates, with exact ranges', () => {
    const filler = 'The council talked about the library roof and the bus stop. '.repeat(4000);
    const doc = page('<p></p>');
    doc.querySelector('p')!.textContent = `${filler}Later the Russia–North Korea treaty came up. ${filler}`;
    const found = new TextScanner(doc, matcher).scanAll();
    expect(found).toHaveLength(1);
    expect(found[0]!.blockText.length).toBeLessThan(10_000);
    expect(found[0]!.range.toString()).toBe(found[0]!.mention.text);
    expect(found[0]!.mention.text).toContain('Russia–North Korea treaty');
  });
});
