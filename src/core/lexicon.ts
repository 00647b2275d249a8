/**
 * Names as data: per language, plain words and phrases (parties, treaty nouns, references, topic cues,
 * look-alikes) and one morphology rule, compiled to the matcher's terms. Adding a language is adding its
 * entry to `names.lexicon` in the pack; no code and no regular expression is written by hand.
 *
 * The rule says how a word's written form becomes the forms a page may use:
 * - `strip`: final letters dropped to find the stem ("smlouva" → "smlouv", "dohoda" → "dohod"), at most two,
 *   never below a stem of three letters;
 * - `endings`: how many letters may follow the stem ("smlouvy", "smlouvou", "dohodě"); 0 for languages that
 *   do not inflect (Vietnamese) or where a word needs no case forms;
 * - `apostrophe`: a suffix may follow after an apostrophe (Turkish "Rusya'nın", "KDHC’ye");
 * - `prefixes`: clitics that may be written onto the front (Arabic "و", "ب", "ال");
 * - `dotless`: "i" and "ı" stand for each other and for "İ" (Turkish: a headline in capitals, "ANLAŞMASI",
 *   lower-cases to "anlaşmasi", and "İ" is left as it is by the normaliser).
 * A word written with a leading "=" is taken as it is ("=Nga": only "Nga"); digits never inflect.
 *
 * Runs at build time (build.mjs folds the lexicon into the names the page bundles carry) and in Node (CLI,
 * tests): the page never compiles it.
 */
import type { PackNames } from './pack-schema';

export interface MorphologyRule {
  strip?: string[];
  endings?: number;
  apostrophe?: boolean;
  dotless?: boolean;
  prefixes?: string[];
}

export interface LanguageLexicon {
  inflect?: MorphologyRule;
  russia?: string[];
  dprk?: string[];
  agreement?: string[];
  references?: string[];
  cues?: string[];
  generic?: string[];
  fresh?: string[];
  replaces?: string[];
  signing?: string[];
  withParty?: string[];
  pointing?: string[];
  pointingAfter?: string[];
  general?: string[];
  third?: string[];
  summit?: string[];
  bond?: string[];
  when?: string[];
  venue?: string[];
  exclusions?: Record<string, string[]>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LETTER = /\p{L}/u;
const DOTTED = (s: string) => s.replace(/[iı]/g, '[iı\\u0130]');

/** One word's pattern under the rule. */
export function wordPattern(word: string, rule: MorphologyRule = {}): string {
  const exact = word.startsWith('=');
  let w = (exact ? word.slice(1) : word).toLowerCase();
  const last = w.at(-1) ?? '';
  const dots = rule.dotless ? DOTTED : (s: string) => s;
  if (exact || !LETTER.test(last) || !rule.endings) return dots(escape(w));
  const strip = new Set((rule.strip ?? []).map((s) => s.toLowerCase()));
  for (let i = 0; i < 2 && w.length > 3 && strip.has(w.at(-1)!); i++) w = w.slice(0, -1);
  const suffix = `\\p{L}{0,${rule.endings}}`;
  return `${dots(escape(w))}${suffix}${rule.apostrophe ? `(?:'\\p{L}{1,8})?` : ''}`;
}

/**
 * A phrase's term: its words joined by single spaces (a space in a term is any run of separators), each
 * word inflected; the prefixes, when the rule has them, before the first word only.
 */
export function phraseTerm(phrase: string, rule: MorphologyRule = {}): string {
  const words = phrase.trim().split(/[\s\u00A0\-‐‑–—]+/u).filter((w) => w.length > 0);
  if (words.length === 0) throw new Error(`empty phrase "${phrase}"`);
  const body = words.map((w) => wordPattern(w, rule)).join(' ');
  const prefixes = rule.prefixes ?? [];
  return prefixes.length > 0 ? `(?:${prefixes.map(escape).join('|')})?${body}` : body;
}

function add(into: Record<string, string[]>, lang: string, terms: string[]): void {
  if (terms.length === 0) return;
  const list = (into[lang] ??= []);
  for (const t of terms) if (!list.includes(t)) list.push(t);
}

const cache = new WeakMap<PackNames, PackNames>();

/** The groups of names a lexicon entry adds words to (exclusions apart: they go by look-alike id). */
const LEXICON_GROUPS = ['russia', 'dprk', 'agreement', 'references', 'cues', 'generic', 'fresh', 'replaces', 'signing', 'withParty', 'pointing', 'pointingAfter', 'general', 'third', 'summit', 'bond', 'when', 'venue'] as const;
type LexiconGroup = (typeof LEXICON_GROUPS)[number];

/**
 * The names with every language's lexicon folded into its groups (LEXICON_GROUPS, and the exclusions by id)
 * and `lexicon` left out. Names without a lexicon come back as they are.
 */
export function expandNames(names: PackNames): PackNames {
  const lexicon = names.lexicon;
  if (!lexicon) return names;
  const hit = cache.get(names);
  if (hit) return hit;
  const groups = Object.fromEntries(LEXICON_GROUPS.map((g) => [g, structuredClone(names[g] ?? { en: [] }) as Record<string, string[]>])) as Record<
    LexiconGroup,
    Record<string, string[]>
  >;
  const exclusions = names.exclusions.map((e) => ({ ...e, terms: structuredClone(e.terms) as Record<string, string[]> }));
  for (const [lang, entry] of Object.entries(lexicon)) {
    if (!entry) continue;
    const rule = entry.inflect ?? {};
    const terms = (phrases: string[] | undefined) => (phrases ?? []).map((p) => phraseTerm(p, rule));
    for (const g of LEXICON_GROUPS) add(groups[g], lang, terms(entry[g]));
    for (const [id, phrases] of Object.entries(entry.exclusions ?? {})) {
      const ex = exclusions.find((e) => e.id === id);
      if (!ex) throw new Error(`lexicon.${lang}.exclusions: unknown look-alike "${id}"`);
      add(ex.terms, lang, terms(phrases));
    }
  }
  const { lexicon: _lexicon, ...rest } = names;
  const out = { ...rest, ...groups, exclusions } as PackNames;
  cache.set(names, out);
  return out;
}
