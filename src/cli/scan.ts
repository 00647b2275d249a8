/**
 * `npm run scan -- [--json] [--sentences] [--pack FILE] FILE…` — the extension's detection, framing flags and
 * claim checks on saved pages.
 *
 * HTML (.html/.htm/.xhtml) is parsed with happy-dom (scripts never run) and scanned with the same
 * TextScanner as the content script; plain text (.txt/.text/.md) is split into blocks on blank lines.
 * "Page text" is the page's blocks (text-blocks.ts collectBlocks) joined with "\n\n", in document order;
 * every start/end in the output (mentions, cues, claim sentences, sentences) is an offset into it.
 *
 * Output (--json), one entry per file:
 *   { file, mentions: [{ text, start, end, kind, confidence }],
 *     framing: { level, page: [cue without start/end], passages: [{ mention, level, cues: [cue] }] },
 *     claims: [{ id, claimReviewed, verdict, verdictLabel, sentence, start, end }] }
 * where cue = { kind, text, start, end, explanation, neutral?, quoted, speaker? } (core/framing.ts).
 * With --sentences: [{ file, sentences: [{ text, start, end, level, cues: [cue] }] }], every sentence of the
 * page text, mention or not, so the framing analyzer can be measured on its own.
 *
 * --explain adds, per file, `explain: { page: { topic, reading, russia, dprk, cues, modern, support, lookalikes,
 * earlier }, mentions: [{ text, start, why }] }`: what the document level decided about the page and from what,
 * and why each mention counts.
 *
 * --pack FILE reads a whole topic pack and validates it (pack-validate.ts); without it the bundled pack is used.
 * Files that cannot be read or have an unknown type get one line on stderr and a non-zero exit status; the
 * other files are still scanned. An unusable pack or bad arguments: exit 2.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { compileClaims, type ClaimMatcher } from '../core/claims';
import { compileFraming, type FramingAnalyzer, type FramingCue, type FramingLevel, type PageSignals } from '../core/framing';
import { compileMatcher, type Matcher, type MentionBasis, type MentionKind, type PageEvidence } from '../core/matcher';
import { namesSchema, type PackNames, type TopicPack } from '../core/pack-schema';
import { formatPackErrors, validatePack } from '../core/pack-validate';
import { readPageSignals } from '../content/page-signals';
import { collectBlocks, pageOffsets, TextScanner } from '../content/text-blocks';
import { pack as bundledPack } from '../dataset/index';

export interface ScannedMention {
  text: string;
  start: number;
  end: number;
  kind: MentionKind;
  confidence: number;
}

/** A page-level cue has no place in the page text, so it carries no offsets. */
export type PageCue = Omit<FramingCue, 'start' | 'end'>;

export interface PassageFraming {
  /** Index into `mentions`. */
  mention: number;
  level: FramingLevel;
  /** Cues of the mention's passage, offsets in page text; page-level cues are in `framing.page` only. */
  cues: FramingCue[];
}

export interface FileFraming {
  /** The strongest passage level ('none' when there is no mention). */
  level: FramingLevel;
  page: PageCue[];
  passages: PassageFraming[];
}

export interface ClaimHit {
  id: string;
  claimReviewed: string;
  verdict: string;
  verdictLabel: string;
  /** The sentence near a mention that matched, and its offsets in page text. */
  sentence: string;
  start: number;
  end: number;
}

export interface ScanResult {
  file: string;
  mentions: ScannedMention[];
  framing: FileFraming;
  claims: ClaimHit[];
}

export interface AssessedSentenceOut {
  text: string;
  start: number;
  end: number;
  level: FramingLevel;
  cues: FramingCue[];
}

export interface SentencesResult {
  file: string;
  sentences: AssessedSentenceOut[];
}

/** Everything the CLI runs, compiled once from one pack. */
export interface ScanTools {
  matcher: Matcher;
  framing: FramingAnalyzer;
  claims: ClaimMatcher;
}

/** One file as the scanner sees it. */
export interface PageModel {
  pageText: string;
  /** Every block of the page text, with its start in it. */
  blocks: { text: string; start: number }[];
  mentions: ScannedMention[];
  /** Per mention (same order): why it counts (scan --explain). */
  bases: (MentionBasis | undefined)[];
  /** Per mention (same order): its block's text and start, and its offsets in that block. */
  where: { blockText: string; blockStart: number; start: number; end: number }[];
  signals: PageSignals;
}

const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set(['.txt', '.text', '.md']);
const RANK: Record<FramingLevel, number> = { none: 0, some: 1, strong: 2 };

export const defaultPackPath = fileURLToPath(new URL('../dataset/treaty-2024.json', import.meta.url));

export class UnknownFileTypeError extends Error {}
/** The pack cannot be used: unreadable, not JSON, or invalid (the message lists every field at fault). */
export class PackError extends Error {}

/**
 * The bundled pack (as the extension ships it), or a pack file validated in full: a broken pack would give
 * silently wrong notes, so every error is reported with its field path.
 */
export function loadPack(path?: string): TopicPack {
  if (path === undefined) return bundledPack;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new PackError(`cannot read the pack ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const v = validatePack(json);
  if (!v.ok) throw new PackError(`invalid pack ${path} (${v.errors.length} error${v.errors.length === 1 ? '' : 's'}):\n${formatPackErrors(v.errors)}`);
  return v.pack;
}

/** Reads `names` from a pack file (or a file holding only the names object). Detection-only callers. */
export function loadNames(path = defaultPackPath): PackNames {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { names?: unknown };
  return namesSchema.parse(json.names ?? json);
}

export function compileTools(pack: TopicPack): ScanTools {
  return { matcher: compileMatcher(pack.names), framing: compileFraming(pack.framing), claims: compileClaims(pack.claims) };
}

export function kindOfFile(path: string): 'html' | 'text' {
  const ext = extname(path).toLowerCase();
  if (HTML.has(ext)) return 'html';
  if (TEXT.has(ext)) return 'text';
  throw new UnknownFileTypeError(`unknown file type "${ext || '(none)'}" (expected .html, .htm, .xhtml, .txt or .md)`);
}

/**
 * A saved page has no address of its own (doc.URL is about:blank), so the URL-path signal falls back to the
 * address the page gives for itself.
 */
function signalsOf(doc: Document): PageSignals {
  const signals = readPageSignals(doc);
  if (!signals.url) {
    const own =
      doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.getAttribute('href') ??
      doc.querySelector<HTMLMetaElement>('meta[property="og:url"]')?.getAttribute('content');
    if (own && /^https?:\/\//i.test(own.trim())) signals.url = own.trim();
  }
  return signals;
}

/** Page text, blocks, mentions and page signals of one file's contents. */
export function readPage(content: string, kind: 'html' | 'text', matcher: Matcher): PageModel {
  if (kind === 'text') {
    // A saved page's leading "URL: …" line is where it was read, not page text: a reader never sees it.
    content = content.replace(/^\uFEFF?URL:[^\n]*\n/, '');
    // Blocks: paragraphs separated by blank lines; offsets stay exact because the page text re-joins with "\n\n".
    const texts = content.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((b) => b.trim()).filter((b) => b.length > 0);
    const blocks: PageModel['blocks'] = [];
    let offset = 0;
    for (const text of texts) {
      blocks.push({ text, start: offset });
      offset += text.length + 2;
    }
    const mentions: ScannedMention[] = [];
    const bases: PageModel['bases'] = [];
    const where: PageModel['where'] = [];
    for (const { block, mention } of matcher.findInDocument(texts)) {
      const b = blocks[block]!;
      mentions.push({ text: mention.text, start: b.start + mention.start, end: b.start + mention.end, kind: mention.kind, confidence: mention.confidence });
      bases.push(mention.basis);
      where.push({ blockText: b.text, blockStart: b.start, start: mention.start, end: mention.end });
    }
    return { pageText: texts.join('\n\n'), blocks, mentions, bases, where, signals: {} };
  }
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const doc = new window.DOMParser().parseFromString(content, 'text/html') as unknown as Document;
    const found = new TextScanner(doc, matcher).scanAll();
    const all = collectBlocks(doc);
    const offsets = pageOffsets(all, found.map((f) => f.block));
    const blocks: PageModel['blocks'] = [];
    let offset = 0;
    for (const b of all) {
      blocks.push({ text: b.text, start: offset });
      offset += b.text.length + 2;
    }
    const pairs: { m: ScannedMention; w: PageModel['where'][number]; basis: MentionBasis | undefined }[] = [];
    for (const f of found) {
      const base = offsets.get(f.block);
      if (base === undefined) continue; // a block outside the page text (cannot happen with the same rules)
      pairs.push({
        m: { text: f.mention.text, start: base + f.mention.start, end: base + f.mention.end, kind: f.mention.kind, confidence: f.mention.confidence },
        w: { blockText: f.blockText, blockStart: base, start: f.mention.start, end: f.mention.end },
        basis: f.mention.basis,
      });
    }
    pairs.sort((a, b) => a.m.start - b.m.start);
    return {
      pageText: all.map((b) => b.text).join('\n\n'),
      blocks,
      mentions: pairs.map((p) => p.m),
      bases: pairs.map((p) => p.basis),
      where: pairs.map((p) => p.w),
      signals: signalsOf(doc),
    };
  } finally {
    void window.happyDOM.close();
  }
}

/** Detection only (eval): the file's page model. */
export function readFilePage(path: string, matcher: Matcher): PageModel {
  const kind = kindOfFile(path);
  return readPage(readFileSync(path, 'utf8'), kind, matcher);
}

const shift = (cue: FramingCue, by: number): FramingCue => ({ ...cue, start: cue.start + by, end: cue.end + by });
const withoutRange = ({ start: _s, end: _e, ...rest }: FramingCue): PageCue => rest;

/** Framing per mention and claims near mentions; `claimsOf[i]` lists the claims near mention i (for text output). */
export function analyzePage(page: PageModel, tools: ScanTools): { framing: FileFraming; claims: ClaimHit[]; claimsOf: ClaimHit[][] } {
  const pageCues = tools.framing.pageLevel(page.signals);
  const passages: PassageFraming[] = [];
  const claims: ClaimHit[] = [];
  const claimsOf: ClaimHit[][] = [];
  const seen = new Map<string, ClaimHit>();
  let level: FramingLevel = 'none';
  page.where.forEach((w, i) => {
    const focus = { start: w.start, end: w.end };
    const r = tools.framing.analyzePassage(w.blockText, focus, page.signals);
    // analyzePassage appends the page-level cues after the passage's own; they are reported once, in `page`.
    const own = r.cues.slice(0, r.cues.length - pageCues.length);
    passages.push({ mention: i, level: r.level, cues: own.map((c) => shift(c, w.blockStart)) });
    if (RANK[r.level] > RANK[level]) level = r.level;
    const near: ClaimHit[] = [];
    for (const hit of tools.claims.matchInBlock(w.blockText, focus)) {
      const sentence = w.blockText.slice(hit.start, hit.end);
      // Several mentions in one passage find the same claim in the same sentence: one entry for the file.
      const key = `${hit.claim.id}\u0000${sentence}`;
      let c = seen.get(key);
      if (!c) {
        c = {
          id: hit.claim.id,
          claimReviewed: hit.claim.claimReviewed,
          verdict: hit.claim.verdict,
          verdictLabel: hit.claim.verdictLabel,
          sentence,
          start: w.blockStart + hit.start,
          end: w.blockStart + hit.end,
        };
        seen.set(key, c);
        claims.push(c);
      }
      near.push(c);
    }
    claimsOf.push(near);
  });
  claims.sort((a, b) => a.start - b.start);
  return { framing: { level, page: pageCues.map(withoutRange), passages }, claims, claimsOf };
}

/** Every sentence of the page text, block by block (quotations do not cross blocks), with page signals. */
export function assessPage(page: PageModel, framing: FramingAnalyzer): AssessedSentenceOut[] {
  const out: AssessedSentenceOut[] = [];
  for (const b of page.blocks) {
    for (const s of framing.assessSentences(b.text, page.signals)) {
      out.push({ text: s.text, start: b.start + s.start, end: b.start + s.end, level: s.level, cues: s.cues.map((c) => shift(c, b.start)) });
    }
  }
  return out;
}

export function scanFile(path: string, tools: ScanTools, explain = false): ScanResult & { pageText: string; claimsOf: ClaimHit[][] } {
  const page = readFilePage(path, tools.matcher);
  const { framing, claims, claimsOf } = analyzePage(page, tools);
  return { file: path, mentions: page.mentions, framing, claims, pageText: page.pageText, claimsOf, ...(explain ? { explain: explainPage(page, tools.matcher) } : {}) };
}

/** scan --explain: what the page is about and from what, and why each mention counts. */
export interface Explanation {
  page: PageEvidence & { reading: string };
  mentions: { text: string; start: number; why: string }[];
}

const TOPIC_READING: Record<PageEvidence['topic'], string> = {
  treaty: 'about the treaty: both sides are named and its full mentions or its cues outweigh any look-alike, so references and bare treaty words count anywhere',
  local: 'mentions stand on their own words; references count after the first full mention',
  lookalike: 'about a look-alike treaty: only mentions that name both sides in their own words count (a passing comparison)',
  none: 'nothing found, or a page about a look-alike or an earlier treaty',
};

export function explainPage(page: PageModel, matcher: Matcher): Explanation {
  const evidence = matcher.explainDocument(page.blocks.map((b) => b.text));
  const why = (basis: MentionBasis | undefined): string => {
    switch (basis) {
      case 'name':
        return 'names the treaty';
      case 'both-sides':
        return 'a Russia word, a North Korea word and a treaty word in one sentence';
      case 'beside-dprk':
        return 'a treaty word beside the North Korean side; Russia is named elsewhere on the page';
      case 'two-countries':
        return 'a treaty word beside "the two countries"; both sides are named elsewhere on the page';
      case 'reference':
        return evidence.topic === 'treaty' ? 'a reference, on a page about the treaty' : 'a reference after a full mention';
      case 'treaty-word':
        return 'a treaty word on a page about the treaty';
      case 'event':
        return 'the signing told as an event (a verb of signing with a partnership or a summit), on a page about the treaty';
      default:
        return 'unknown';
    }
  };
  return {
    page: { ...evidence, reading: TOPIC_READING[evidence.topic] },
    mentions: page.mentions.map((m, i) => ({ text: m.text, start: m.start, why: why(page.bases[i]) })),
  };
}

export function assessFile(path: string, tools: ScanTools): SentencesResult & { pageText: string; page: PageCue[] } {
  const page = readFilePage(path, tools.matcher);
  return { file: path, sentences: assessPage(page, tools.framing), pageText: page.pageText, page: tools.framing.pageLevel(page.signals).map(withoutRange) };
}

// ---------------------------------------------------------------------------------------------------------------
// Text output

function formatExplanation(e: Explanation): string {
  const p = e.page;
  const lines = [
    `  page: ${p.topic} — ${p.reading}`,
    `  evidence: Russia ${p.russia}, North Korea ${p.dprk}, cues ${p.cues}, years 2024–2026 ${p.modern}, full mentions ${p.support}, look-alike sentences ${p.lookalikes} (earlier treaties ${p.earlier})`,
    ...e.mentions.map((m) => `  ${q(m.text, 60)} @${m.start}: ${m.why}`),
  ];
  return `${lines.join('\n')}\n`;
}

const q = (s: string, max = 160) => `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;

function cueWords(cues: readonly FramingCue[]): string {
  return cues
    .map((c) => {
      const who = c.quoted ? ` (quoted${c.speaker ? `, ${c.speaker}` : ''})` : '';
      const alt = c.neutral ? ` → ${c.neutral}` : '';
      return `${c.kind} ${q(c.text, 60)}${alt}${who}`;
    })
    .join('; ');
}

/** Why a passage or sentence with no cue of its own still has a level: the page says it is opinion. */
function levelWords(level: FramingLevel, cues: readonly FramingCue[], opinionPage: boolean): string {
  const words = cues.length > 0 ? `: ${cueWords(cues)}` : '';
  const page = opinionPage && level !== 'none' ? ' (opinion page)' : '';
  return `${level}${page}${words}`;
}

function pageSummary(framing: FileFraming): string {
  if (framing.page.length === 0) return '';
  return `; page: ${framing.page.map((c) => `${c.kind} ${q(c.text, 60)}`).join(', ')}`;
}

export function formatScan(result: ScanResult & { claimsOf: ClaimHit[][] }): string {
  const n = result.mentions.length;
  const opinionPage = result.framing.page.some((c) => c.kind === 'page-opinion');
  const lines = [`${result.file}: ${n} mention${n === 1 ? '' : 's'}${n > 0 ? `, framing ${result.framing.level}` : ''}${pageSummary(result.framing)}`];
  result.mentions.forEach((m, i) => {
    lines.push(`  ${m.start}-${m.end} ${m.kind} ${m.confidence.toFixed(2)} ${JSON.stringify(m.text)}`);
    const p = result.framing.passages[i];
    if (p) lines.push(`      framing ${levelWords(p.level, p.cues, opinionPage)}`);
    for (const c of result.claimsOf[i] ?? []) lines.push(`      claim ${c.verdict} (${c.verdictLabel}): ${c.claimReviewed} — in ${q(c.sentence, 100)}`);
  });
  return `${lines.join('\n')}\n`;
}

export function formatSentences(result: SentencesResult & { page?: PageCue[] }): string {
  const opinionPage = !!result.page?.some((c) => c.kind === 'page-opinion');
  const flagged = result.sentences.filter((s) => s.level !== 'none');
  const lines = [`${result.file}: ${result.sentences.length} sentences, ${flagged.length} flagged${result.page?.length ? `; page: ${result.page.map((c) => `${c.kind} ${q(c.text, 60)}`).join(', ')}` : ''}`];
  for (const s of flagged) {
    lines.push(`  ${s.start}-${s.end} ${s.level}${opinionPage ? ' (opinion page)' : ''} ${q(s.text)}`);
    if (s.cues.length > 0) lines.push(`      ${cueWords(s.cues)}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Command line

export interface Io {
  out(text: string): void;
  err(text: string): void;
}
const processIo: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };
const USAGE = 'usage: npm run scan -- [--json] [--explain] [--sentences] [--pack PACK.json] FILE…\n';

/** The CLI; returns the exit status (0 ok, 1 a file failed, 2 unusable pack or arguments). */
export function main(argv: string[], io: Io = processIo): number {
  const files: string[] = [];
  let json = false;
  let sentences = false;
  let explain = false;
  let packPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--sentences') sentences = true;
    else if (a === '--explain') explain = true;
    else if (a === '--pack') {
      packPath = argv[++i];
      if (packPath === undefined) {
        io.err(`scan: --pack needs a file\n${USAGE}`);
        return 2;
      }
    } else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      io.err(`scan: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err(`scan: no files given\n${USAGE}`);
    return 2;
  }
  let tools: ScanTools;
  try {
    tools = compileTools(loadPack(packPath));
  } catch (error) {
    io.err(`scan: ${(error as Error).message}\n`);
    return 2;
  }
  let failed = false;
  const results: (ScanResult | SentencesResult)[] = [];
  for (const file of files) {
    try {
      if (sentences) {
        // The documented shape is { file, sentences }; the page cues only explain levels in the text form.
        const { pageText: _p, page, ...result } = assessFile(file, tools);
        results.push(result);
        if (!json) io.out(formatSentences({ ...result, page }));
      } else {
        const { pageText: _p, claimsOf, ...result } = scanFile(file, tools, explain);
        results.push(result);
        if (!json) io.out(formatScan({ ...result, claimsOf }));
        if (!json && 'explain' in result) io.out(formatExplanation(result.explain as Explanation));
      }
    } catch (error) {
      failed = true;
      const e = error as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
      io.err(`scan: ${file}: ${why}\n`);
    }
  }
  if (json) io.out(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
