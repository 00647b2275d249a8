/**
 * `npm run scan -- [--json] [--pack FILE] FILE…` — the extension's detection on saved pages.
 *
 * HTML (.html/.htm/.xhtml) is parsed with happy-dom (scripts never run) and scanned with the same
 * TextScanner as the content script; plain text (.txt/.text/.md) is split into blocks on blank lines.
 * "Page text" is the page's blocks (text-blocks.ts collectBlocks) joined with "\n\n" in document order;
 * start/end in the output are offsets into it. Files that cannot be read or have an unknown type get one
 * line on stderr and a non-zero exit status; the other files are still scanned.
 */
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { compileMatcher, type Matcher, type MentionKind } from '../core/matcher';
import { namesSchema, type PackNames } from '../core/pack-schema';
import { collectBlocks, pageOffsets, TextScanner } from '../content/text-blocks';

export interface ScannedMention {
  text: string;
  start: number;
  end: number;
  kind: MentionKind;
  confidence: number;
}

export interface ScanResult {
  file: string;
  mentions: ScannedMention[];
  /** Filled by the framing analyzer; the key stays for consumers of the JSON. */
  framing: Record<string, unknown>;
  claims: unknown[];
}

const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set(['.txt', '.text', '.md']);

export const defaultPackPath = fileURLToPath(new URL('../dataset/treaty-2024.json', import.meta.url));

/** Reads `names` from a pack file (or a file holding only the names object). */
export function loadNames(path = defaultPackPath): PackNames {
  const json = JSON.parse(readFileSync(path, 'utf8')) as { names?: unknown };
  return namesSchema.parse(json.names ?? json);
}

export class UnknownFileTypeError extends Error {}

/** Page text and mentions of one file's contents. */
export function scanContent(content: string, kind: 'html' | 'text', matcher: Matcher): { pageText: string; mentions: ScannedMention[] } {
  if (kind === 'text') {
    // Blocks: paragraphs separated by blank lines; offsets are kept exact by re-joining with "\n\n".
    const blocks = content.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/).map((b) => b.trim()).filter((b) => b.length > 0);
    const starts: number[] = [];
    let offset = 0;
    for (const b of blocks) {
      starts.push(offset);
      offset += b.length + 2;
    }
    const mentions = matcher.findInDocument(blocks).map(({ block, mention }) => ({
      text: mention.text,
      start: starts[block]! + mention.start,
      end: starts[block]! + mention.end,
      kind: mention.kind,
      confidence: mention.confidence,
    }));
    return { pageText: blocks.join('\n\n'), mentions };
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
    const scanner = new TextScanner(doc, matcher);
    const found = scanner.scanAll();
    const all = collectBlocks(doc);
    const offsets = pageOffsets(all, found.map((f) => f.block));
    const mentions: ScannedMention[] = [];
    for (const f of found) {
      const base = offsets.get(f.block);
      if (base === undefined) continue; // a block outside the page text (cannot happen with the same rules)
      mentions.push({
        text: f.mention.text,
        start: base + f.mention.start,
        end: base + f.mention.end,
        kind: f.mention.kind,
        confidence: f.mention.confidence,
      });
    }
    mentions.sort((a, b) => a.start - b.start);
    return { pageText: all.map((b) => b.text).join('\n\n'), mentions };
  } finally {
    void window.happyDOM.close();
  }
}

export function kindOfFile(path: string): 'html' | 'text' {
  const ext = extname(path).toLowerCase();
  if (HTML.has(ext)) return 'html';
  if (TEXT.has(ext)) return 'text';
  throw new UnknownFileTypeError(`unknown file type "${ext || '(none)'}" (expected .html, .htm, .xhtml, .txt or .md)`);
}

export function scanFile(path: string, matcher: Matcher): ScanResult & { pageText: string } {
  const kind = kindOfFile(path);
  const content = readFileSync(path, 'utf8');
  const { pageText, mentions } = scanContent(content, kind, matcher);
  return { file: path, mentions, framing: {}, claims: [], pageText };
}

function main(argv: string[]): number {
  const files: string[] = [];
  let json = false;
  let packPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--pack') packPath = argv[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run scan -- [--json] [--pack PACK.json] FILE…\n');
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write('scan: no files given (usage: npm run scan -- [--json] FILE…)\n');
    return 2;
  }
  let matcher: Matcher;
  try {
    matcher = compileMatcher(loadNames(packPath));
  } catch (error) {
    process.stderr.write(`scan: cannot load the pack's names: ${(error as Error).message}\n`);
    return 2;
  }
  let failed = false;
  const results: ScanResult[] = [];
  for (const file of files) {
    try {
      const { pageText: _page, ...result } = scanFile(file, matcher);
      results.push(result);
      if (!json) {
        process.stdout.write(`${file}: ${result.mentions.length} mention${result.mentions.length === 1 ? '' : 's'}\n`);
        for (const m of result.mentions) {
          process.stdout.write(`  ${m.start}-${m.end} ${m.kind} ${m.confidence.toFixed(2)} ${JSON.stringify(m.text)}\n`);
        }
      }
    } catch (error) {
      failed = true;
      const e = error as NodeJS.ErrnoException;
      const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.message;
      process.stderr.write(`scan: ${file}: ${why}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
