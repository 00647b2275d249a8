/**
 * Validates a topic pack: the zod schema, then the cross-checks a schema cannot express (references,
 * unique ids, dates against the pack's own date). Used by build.mjs, the tests and the CLI — not by the
 * extension at runtime, which ships the pack already checked.
 *
 * Every error is one line: `path: why`, the path in the form `quotes[3].sources[0]`.
 */
import type { z } from 'zod';
import { topicPackSchema, type TopicPack } from './pack-schema';

// Re-exported for build.mjs and the CLI; pack-hash uses node:crypto, fine here because this file is never
// bundled into the extension.
export { packContentHash } from './pack-hash';

export type PackValidation = { ok: true; pack: TopicPack } | { ok: false; errors: string[] };

type Path = ReadonlyArray<PropertyKey>;

/** `quotes[3].sources[0]`; the pack itself is `(pack)`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(pack)';
}

export function validatePack(json: unknown): PackValidation {
  const errors: string[] = [];
  const parsed = topicPackSchema.safeParse(json, { error: issueMessage });
  if (!parsed.success) errors.push(...parsed.error.issues.flatMap(issueLines));
  // Cross-checks run on the raw input even when the schema failed, so one run lists every problem.
  errors.push(...crossCheck(json));
  const unique = [...new Set(errors)];
  if (unique.length > 0 || !parsed.success) return { ok: false, errors: unique };
  return { ok: true, pack: parsed.data };
}

/** One error per line, numbered, for the build log and the CLI. */
export function formatPackErrors(errors: readonly string[]): string {
  const width = String(errors.length).length;
  return errors.map((error, i) => `  ${String(i + 1).padStart(width)}. ${error}`).join('\n');
}

/** Plainer wording than zod's defaults for the two cases an editor of the file meets most. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${issue.expected === 'array' ? 'an array' : issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  }
  return undefined;
}

function issueLines(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: is not a known field`);
  }
  return [`${formatPath(issue.path)}: ${issue.message}`];
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const arrayAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const nonLatinLanguages = new Set(['ru', 'uk', 'ko', 'ja', 'zh']);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const sectionsWithSources = ['facts', 'timeline', 'quotes', 'claims', 'framing'] as const;
const sectionsWithIds = ['sources', ...sectionsWithSources] as const;

function crossCheck(json: unknown): string[] {
  if (!isObj(json)) return [];
  const errors: string[] = [];
  const updated = typeof json.updated === 'string' && isoDate.test(json.updated) ? json.updated : undefined;

  // Unique ids within each section (exclusions too: the matcher reports which one silenced a mention).
  const idSections: Array<[Path, unknown[]]> = sectionsWithIds.map((name) => [[name], arrayAt(json[name])]);
  idSections.push([['names', 'exclusions'], arrayAt(isObj(json.names) ? json.names.exclusions : undefined)]);
  for (const [base, items] of idSections) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      if (!isObj(item) || typeof item.id !== 'string') return;
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else errors.push(`${formatPath([...base, i, 'id'])}: duplicate id "${item.id}" (first used at ${formatPath([...base, first])})`);
    });
  }

  // Every cited source exists.
  const sourceIds = new Set(
    arrayAt(json.sources).flatMap((source) => (isObj(source) && typeof source.id === 'string' ? [source.id] : [])),
  );
  for (const section of sectionsWithSources) {
    arrayAt(json[section]).forEach((item, i) => {
      if (!isObj(item)) return;
      arrayAt(item.sources).forEach((ref, j) => {
        if (typeof ref === 'string' && !sourceIds.has(ref)) {
          errors.push(`${formatPath([section, i, 'sources', j])}: unknown source "${ref}"`);
        }
      });
    });
  }

  // Nothing dated after the pack itself: a later date is a typo or a claim about the future.
  if (updated) {
    for (const section of ['sources', 'facts', 'timeline', 'quotes'] as const) {
      arrayAt(json[section]).forEach((item, i) => {
        if (isObj(item) && typeof item.date === 'string' && isoDate.test(item.date) && item.date > updated) {
          errors.push(`${formatPath([section, i, 'date'])}: ${item.date} is after the pack's updated date ${updated}`);
        }
      });
    }
  }

  // The extension reads the raw file without zod, so fields with schema defaults must be written out,
  // or the typed pack it imports would lie about them.
  const defaulted: Array<[(typeof sectionsWithSources)[number], string[]]> = [
    ['facts', ['topics', 'weight', 'disputed']],
    ['quotes', ['topics']],
  ];
  for (const [section, fields] of defaulted) {
    arrayAt(json[section]).forEach((item, i) => {
      if (!isObj(item)) return;
      for (const field of fields) {
        if (!(field in item)) errors.push(`${formatPath([section, i, field])}: must be written out (the extension reads the file without schema defaults)`);
      }
    });
  }

  arrayAt(json.quotes).forEach((quote, i) => {
    if (!isObj(quote)) return;
    // A published translation and the original's own text name sources that exist.
    arrayAt(quote.originalSources).forEach((ref, j) => {
      if (typeof ref === 'string' && !sourceIds.has(ref)) errors.push(`${formatPath(['quotes', i, 'originalSources', j])}: unknown source "${ref}"`);
    });
    if (isObj(quote.i18n)) {
      for (const [lang, local] of Object.entries(quote.i18n)) {
        if (isObj(local) && typeof local.by === 'string' && !sourceIds.has(local.by)) errors.push(`${formatPath(['quotes', i, 'i18n', lang, 'by'])}: unknown source "${local.by}"`);
      }
    }
    if (typeof quote.text !== 'string') return;
    // Ellipses and quotation marks alone are not a quote.
    if (quote.text.trim() && !/[\p{L}\p{N}]/u.test(quote.text)) {
      errors.push(`${formatPath(['quotes', i, 'text'])}: has no words`);
    }
    // Latin-script text attributed to words spoken in a non-Latin-script language is a translation.
    const latinOnly = /\p{Script=Latin}/u.test(quote.text) && !/[\p{Script=Cyrillic}\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(quote.text);
    if (latinOnly && typeof quote.language === 'string' && nonLatinLanguages.has(quote.language) && !quote.translation) {
      errors.push(`${formatPath(['quotes', i, 'translation'])}: is required (Latin-script text for words spoken in "${quote.language}")`);
    }
  });

  return errors;
}
