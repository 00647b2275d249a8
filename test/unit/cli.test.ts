/**
 * The scan and eval command lines (issue 4 terminal tools, issue 6 "Where it shows"), run in-process through
 * their exported main() with captured output, on small pages written for this test.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, main as evalMain, type EvalReport } from '../../src/cli/eval';
import { main as qualityMain } from '../../src/cli/quality';
import { compileTools, loadPack, main as scanMain, scanFile, type Io, type ScanTools } from '../../src/cli/scan';

const corpus = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

function run(main: (argv: string[], io: Io) => number, argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

// A commentary page: the treaty's name split across inline elements, a loaded term and a prescriptive
// sentence in the author's voice, a claim from the pack, a quoted speaker, and a paragraph with no mention.
const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ignored</title>
<link rel="canonical" href="https://paper.example/opinion/2024/06/pact">
<script>document.title = "never read"</script></head>
<body><article>
<h1>What the new pact means</h1>
<p>The <a href="#">Russia</a>–North Korea <em>treaty</em> was signed in Pyongyang on June 19, 2024. It binds a rogue state to a nuclear power, and Western capitals must answer it.</p>
<p>A Kremlin spokesman said the agreement was “purely defensive.”</p>
<p>Frankly, everyone in the region will always pay for this folly.</p>
</article></body></html>`;

const NOTES_TXT = `Notes on the summit

Moscow and Pyongyang signed a mutual defence pact on June 19, and officials said it takes effect after ratification.

Nothing else happened that week.`;

let dir: string;
let tools: ScanTools;
let htmlFile: string;
let txtFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cn-cli-'));
  htmlFile = join(dir, 'page.html');
  txtFile = join(dir, 'notes.txt');
  writeFileSync(htmlFile, PAGE_HTML);
  writeFileSync(txtFile, NOTES_TXT);
  writeFileSync(join(dir, 'data.csv'), 'a,b\n');
  mkdirSync(join(dir, 'folder.html'));
  tools = compileTools(loadPack());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CUE_KEYS = ['kind', 'text', 'start', 'end', 'explanation', 'quoted'];
const CUE_OPTIONAL = ['neutral', 'speaker', 'words', 'termId', 'signal'];
function expectCueShape(cue: Record<string, unknown>, withRange = true) {
  const required = withRange ? CUE_KEYS : CUE_KEYS.filter((k) => k !== 'start' && k !== 'end');
  for (const k of required) expect(cue, k).toHaveProperty(k);
  for (const k of Object.keys(cue)) expect([...required, ...CUE_OPTIONAL]).toContain(k);
  expect(typeof cue.quoted).toBe('boolean');
}

describe('scan --json', () => {
  it('has exactly the documented shape, and every offset slices the page text to its words', () => {
    const r = run(scanMain, ['--json', htmlFile, txtFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as Record<string, any>[];
    expect(results.map((x) => x.file)).toEqual([htmlFile, txtFile]);
    for (const res of results) {
      expect(Object.keys(res).sort()).toEqual(['claims', 'file', 'framing', 'mentions']);
      const pageText = scanFile(res.file, tools).pageText;
      expect(res.mentions.length).toBeGreaterThan(0);
      for (const m of res.mentions) {
        expect(Object.keys(m).sort()).toEqual(['confidence', 'end', 'kind', 'start', 'text']);
        expect(pageText.slice(m.start, m.end)).toBe(m.text);
      }
      expect(Object.keys(res.framing).sort()).toEqual(['level', 'page', 'passages']);
      expect(res.framing.passages.map((p: any) => p.mention)).toEqual(res.mentions.map((_: unknown, i: number) => i));
      const rank = { none: 0, some: 1, strong: 2 } as Record<string, number>;
      const strongest = Math.max(...res.framing.passages.map((p: any) => rank[p.level]!));
      expect(rank[res.framing.level]).toBe(strongest);
      for (const p of res.framing.passages) {
        expect(Object.keys(p).sort()).toEqual(['cues', 'level', 'mention']);
        for (const c of p.cues) {
          expectCueShape(c);
          expect(pageText.slice(c.start, c.end)).toBe(c.text);
        }
      }
      for (const c of res.framing.page) expectCueShape(c, false);
      for (const c of res.claims) {
        expect(Object.keys(c).sort()).toEqual(['claimReviewed', 'end', 'id', 'sentence', 'start', 'verdict', 'verdictLabel']);
        expect(pageText.slice(c.start, c.end)).toBe(c.sentence);
      }
    }
  });

  it('joins a name split across inline elements, flags the author’s words and finds the claim', () => {
    const [html] = JSON.parse(run(scanMain, ['--json', htmlFile]).out) as Record<string, any>[];
    // The headline's "the new pact" counts too: the page is about the treaty (document level).
    expect(html!.mentions.map((m: any) => m.text).slice(0, 2)).toEqual(['the new pact', 'Russia–North Korea treaty']);
    // The canonical address is in an opinion section: a page-level cue, reported once for the page.
    expect(html!.framing.page.map((c: any) => c.kind)).toContain('page-opinion');
    const first = html!.framing.passages[1];
    expect(first.level).toBe('strong');
    const words = first.cues.map((c: any) => `${c.kind}:${c.text}`);
    expect(words).toContain('loaded-term:rogue state');
    expect(first.cues.some((c: any) => c.kind === 'prescriptive' && !c.quoted)).toBe(true);
    expect(first.cues.every((c: any) => c.kind !== 'page-opinion')).toBe(true);
    expect(html!.claims.map((c: any) => c.id)).toContain('signed-june-19');
    // One entry per claim and sentence, however many mentions share the sentence.
    const keys = html!.claims.map((c: any) => `${c.id}|${c.sentence}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no page signals for plain text', () => {
    const [txt] = JSON.parse(run(scanMain, ['--json', txtFile]).out) as Record<string, any>[];
    expect(txt!.framing.page).toEqual([]);
    expect(txt!.claims.map((c: any) => c.id)).toContain('signed-june-19');
  });
});

describe('scan text output', () => {
  it('prints a line per mention with its framing level, cue words and claim verdicts', () => {
    const r = run(scanMain, [htmlFile]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/page\.html: \d+ mentions?, framing strong/);
    expect(r.out).toMatch(/"Russia–North Korea treaty"\n\s+framing strong \(opinion page\): .*loaded-term “rogue state” → /);
    expect(r.out).toMatch(/claim accurate \(.+\): .+ — in “.*June 19/);
  });
});

describe('scan --explain', () => {
  it('says what the page is about and why each mention counts', () => {
    const [res] = JSON.parse(run(scanMain, ['--json', '--explain', htmlFile]).out) as Record<string, any>[];
    expect(res!.explain.page.topic).toBe('treaty');
    expect(res!.explain.page.russia).toBeGreaterThan(0);
    expect(res!.explain.page.dprk).toBeGreaterThan(0);
    expect(res!.explain.mentions.map((m: any) => m.text)).toEqual(res!.mentions.map((m: any) => m.text));
    const why = Object.fromEntries(res!.explain.mentions.map((m: any) => [m.text, m.why]));
    expect(why['the new pact']).toBe('a reference, on a page about the treaty');
    expect(why['Russia–North Korea treaty']).toBe('names the treaty');
    const text = run(scanMain, ['--explain', htmlFile]).out;
    expect(text).toContain('page: treaty');
    expect(text).toContain('“the new pact”');
  });
  it('leaves the documented shape alone without --explain', () => {
    const [res] = JSON.parse(run(scanMain, ['--json', htmlFile]).out) as Record<string, any>[];
    expect(res).not.toHaveProperty('explain');
  });
});

describe('scan --sentences', () => {
  it('assesses every sentence, mention or not, with offsets into the page text', () => {
    const r = run(scanMain, ['--sentences', '--json', htmlFile, txtFile]);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out) as Record<string, any>[];
    for (const res of results) {
      expect(Object.keys(res).sort()).toEqual(['file', 'sentences']);
      const pageText = scanFile(res.file, tools).pageText;
      for (const s of res.sentences) {
        expect(Object.keys(s).sort()).toEqual(['cues', 'end', 'level', 'start', 'text']);
        expect(pageText.slice(s.start, s.end)).toBe(s.text);
        for (const c of s.cues) {
          expectCueShape(c);
          expect(pageText.slice(c.start, c.end)).toBe(c.text);
        }
      }
    }
    const html = results[0]!.sentences as any[];
    // A sentence far from any mention is still assessed.
    const folly = html.find((s) => s.text.startsWith('Frankly'));
    expect(folly?.level).toBe('strong');
    const quote = html.find((s) => s.text.startsWith('A Kremlin spokesman'));
    expect(quote).toBeDefined();
    const notes = results[1]!.sentences as any[];
    expect(notes.map((s) => s.text)).toContain('Nothing else happened that week.');
  });

  it('prints one line per flagged sentence without --json', () => {
    const r = run(scanMain, ['--sentences', htmlFile]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/page\.html: \d+ sentences, \d+ flagged/);
    expect(r.out).toMatch(/\d+-\d+ strong \(opinion page\) “Frankly, everyone/);
    expect(r.out).not.toMatch(/\d+-\d+ none /);
  });
});

describe('scan errors', () => {
  it('reports unreadable and unknown files on stderr, exits non-zero, and still scans the rest', () => {
    const missing = join(dir, 'missing.html');
    const r = run(scanMain, ['--json', missing, join(dir, 'data.csv'), join(dir, 'folder.html'), htmlFile]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${missing}: no such file`);
    expect(r.err).toContain('data.csv: unknown file type ".csv"');
    expect(r.err).toContain('folder.html: is a directory');
    const results = JSON.parse(r.out) as { file: string }[];
    expect(results.map((x) => x.file)).toEqual([htmlFile]);
  });

  it('validates a --pack file in full and names the field at fault', () => {
    const broken = JSON.parse(readFileSync(fileURLToPath(new URL('../../src/dataset/treaty-2024.json', import.meta.url)), 'utf8'));
    broken.claims[0].verdict = 'sort of true';
    delete broken.names.lexicon.en.treaty;
    const packFile = join(dir, 'broken-pack.json');
    writeFileSync(packFile, JSON.stringify(broken));
    const r = run(scanMain, ['--pack', packFile, htmlFile]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('invalid pack');
    expect(r.err).toContain('claims[0].verdict');
    expect(r.err).toContain('names.lexicon.en.treaty');

    writeFileSync(packFile, '{ not json');
    const bad = run(scanMain, ['--pack', packFile, htmlFile]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cannot read the pack');
  });

  it('accepts a valid --pack file', () => {
    const packFile = join(dir, 'good-pack.json');
    writeFileSync(packFile, readFileSync(fileURLToPath(new URL('../../src/dataset/treaty-2024.json', import.meta.url))));
    const r = run(scanMain, ['--json', '--pack', packFile, htmlFile]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('eval', () => {
  let report: EvalReport;
  beforeAll(() => {
    const r = run(evalMain, ['--json', corpus]);
    expect(r.code).toBe(0);
    report = JSON.parse(r.out) as EvalReport;
  });

  it('reports detection and framing figures on the fixture corpus', () => {
    expect(report.documents).toBeGreaterThan(0);
    for (const x of [report.docPrecision, report.docRecall, report.mentionRecall]) expect(x).toBeGreaterThan(0);
    const f = report.framing!;
    expect(f).toBeDefined();
    expect(f.sentences).toBe(f.tp + f.fp + f.fn + f.tn);
    expect(f.precision).toBeCloseTo(f.tp / (f.tp + f.fp));
    expect(f.recall).toBeCloseTo(f.tp / (f.tp + f.fn));
    expect(f.f1).toBeCloseTo((2 * f.precision * f.recall) / (f.precision + f.recall));
    expect(f.misses.length).toBe(f.fn);
    expect(f.falseAlarms.length).toBe(f.fp);
    const text = formatReport(corpus, report);
    expect(text).toMatch(/document precision \d+\.\d%/);
    expect(text).toMatch(/mention recall +\d+\.\d%/);
    expect(text).toMatch(/opinion precision +\d+\.\d% +\(\d+ true, \d+ false alarms\)/);
    expect(text).toMatch(/opinion recall +\d+\.\d%/);
  });

  it('takes --framing FILE and lists misses and false alarms with their cues', () => {
    const corpusDir = join(dir, 'corpus');
    mkdirSync(corpusDir, { recursive: true });
    writeFileSync(join(corpusDir, 'notes.txt'), NOTES_TXT);
    writeFileSync(join(corpusDir, 'labels.json'), JSON.stringify([{ file: 'notes.txt', label: 'positive', mentions: ['mutual defence pact'] }]));
    const labels = join(dir, 'mine.json');
    writeFileSync(
      labels,
      JSON.stringify([
        { source: 't', sentence: 'The two leaders met on Wednesday and signed the document.', label: 'opinion' },
        { source: 't', sentence: 'Everyone knows this folly will always backfire, and we must say so.', label: 'neutral' },
        { source: 't', sentence: 'The talks lasted two hours.', label: 'neutral' },
      ]),
    );
    const r = run(evalMain, ['--framing', labels, corpusDir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/document recall +100\.0%/);
    expect(r.out).toMatch(/opinion precision +0\.0% +\(0 true, 1 false alarms\)/);
    expect(r.out).toMatch(/opinion recall +0\.0%/);
    expect(r.out).toContain('framing misses');
    expect(r.out).toContain('"The two leaders met on Wednesday and signed the document."');
    expect(r.out).toMatch(/framing false alarms[^\n]*\n\s+\[t\] strong: "Everyone knows.*" ← .*generalisation/);

    // Without framing labels in DIR and no --framing, detection only.
    const plain = run(evalMain, ['--json', corpusDir]);
    expect((JSON.parse(plain.out) as EvalReport).framing).toBeUndefined();
    // An explicit labels file that is missing is an error, not a silent skip.
    expect(run(evalMain, ['--framing', join(dir, 'none.json'), corpusDir]).code).toBe(2);

    // A part with no labelled page prints no detection figure (100 % of nothing is not a result).
    const noPages = run(evalMain, ['--framing', labels, '--split', 'test', corpusDir]);
    expect(noPages.code).toBe(0);
    expect(noPages.out).toContain('no detection figures: no labelled page here');
    expect(noPages.out).not.toMatch(/document precision/);
  });
});

describe('quality (the real-text corpus beside the project)', () => {
  it('says so and exits 0 when the corpus is not there', () => {
    const r = run(qualityMain, ['--corpus', join(dir, 'no-corpus-here')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no real-text corpus at .*no-corpus-here/);
  });
  it('scores the part asked for, per language and kind, when it is there', () => {
    const corpus = join(dir, 'corpus-copy');
    mkdirSync(join(corpus, 'detection', 'pages'), { recursive: true });
    writeFileSync(
      join(corpus, 'detection', 'pages', 'p1.txt'),
      'URL: https://example.org/a\nTITLE: t\n\nRussia and North Korea signed a mutual defence treaty in Pyongyang.\n\nThe pact takes effect next year.\n',
    );
    writeFileSync(join(corpus, 'detection', 'pages', 'p2.txt'), 'URL: https://example.org/b\nTITLE: t\n\nThe weather in Moscow was mild.\n');
    writeFileSync(
      join(corpus, 'detection', 'labels.json'),
      JSON.stringify([
        { file: 'pages/p1.txt', lang: 'en', label: 'positive', kind: 'name', split: 'test', mentions: ['mutual defence treaty'] },
        { file: 'pages/p2.txt', lang: 'en', label: 'negative', kind: 'related', split: 'test', mentions: [] },
        { file: 'pages/p1.txt', lang: 'en', label: 'positive', kind: 'name', split: 'dev', mentions: ['not in the page'] },
      ]),
    );
    const r = run(qualityMain, ['--corpus', corpus, '--split', 'test']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('part "test"');
    expect(r.out).toContain('(2 documents, part "test")');
    expect(r.out).toMatch(/mention recall\s+100\.0%/);
    // "The pact" is underlined (a page about the treaty) but not labelled: counted against mention precision.
    expect(r.out).toMatch(/mention precision\s+50\.0%\s+\(1 underlines/);
    expect(r.out).toContain('pages/p1.txt: "The pact"');
    expect(r.out).toMatch(/^en\s+2\s+1\s+1\.00\s+1\.00\s+1\.00/m);
    expect(r.out).toContain('no framing corpus');
  });
});
