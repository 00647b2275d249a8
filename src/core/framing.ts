/**
 * Framing analyzer: finds the words that make a passage read as opinion rather than reporting, and says why.
 * Pure TypeScript — no DOM, no browser API — so the content script, the CLI and tests share it.
 *
 * AUTHOR'S VOICE ONLY. Words inside a quotation, or inside reported speech ("X said the West must…",
 * "according to X, …", "Kim called the treaty an alliance"), belong to the speaker: they are returned as cues
 * with `quoted: true` (and `speaker` when recognisable) and never raise the level. A single word in quotes with
 * no speaker in the sentence is a scare quote: the author's irony, so it counts (kind `sarcasm`).
 *
 * LEVEL RULE (per sentence in assessSentences, per passage in analyzePassage):
 *   strong — 3 or more author cues; or a loaded term plus at least one other author cue;
 *            or an opinion page (page-opinion) with at least one author cue.
 *   some   — one or two author cues otherwise; or an opinion page with no cue in the passage.
 *   none   — no author cue and no page-opinion signal.
 * "Opinion" for evaluation = some | strong. A question headline is reported by pageLevel for the page summary
 * but does not raise a passage's level: explainers often title with questions.
 *
 * LEARNED MODEL (framing-model.ts): a sentence with no author cue from the rules is given to the model, which
 * reads only the author's words (quotations and reported speech are blanked); when it reads opinion, one
 * `author-judgement` cue with the words that weighed most is added, and counts as one author cue above.
 */
import { cheapLetterClasses, expandSpaces, lowerLiterals } from './matcher';
import { loadFramingModel, type AttributionData, type FramingModel, type MarkersFile, type ModelInput, type WeightsData } from './framing-model';
import markersFile from './framing-markers.json';
import { compileLexicon, type LexiconClass, type LexiconFile } from './framing-lexicon';
import lexiconFile from './framing-lexicon.json';
import weightsFile from './framing-weights.json';
import type { FramingTerm } from './pack-schema';
import { pageSentences, sentencesAround } from './sentences';

export type FramingLevel = 'none' | 'some' | 'strong';
export type CueKind =
  | 'loaded-term'
  | 'rhetorical-question'
  | 'prescriptive'
  | 'speculation'
  | 'generalisation'
  | 'intensifier'
  | 'sarcasm'
  | 'second-person'
  /** A judgement of a person, act or policy in the author's voice (framing-lexicon.json). */
  | 'verdict'
  /** The author's certainty, frankness or feeling about what is said (framing-lexicon.json). */
  | 'stance'
  | 'page-opinion'
  /** The learned model reads the sentence as the author's judgement and no rule explains it (framing-model.ts). */
  | 'author-judgement';

export type PageSignal = 'opinion-type' | 'opinion-section' | 'opinion-path' | 'question-headline';

export interface FramingCue {
  kind: CueKind;
  text: string;
  /** Offsets in the analysed text (block text for passages; 0/0 for page-level cues). */
  start: number;
  end: number;
  explanation: string;
  neutral?: string;
  /** loaded-term only: the pack's framing term, whose words the card shows in the reader's language. */
  termId?: string;
  /** Page-level cues only: which signal of the page, for the UI to say in the reader's language. */
  signal?: PageSignal;
  /** True when the words are a speaker's (quotation or reported speech), not the author's. */
  quoted: boolean;
  speaker?: string;
  /** author-judgement only: the author's words that weighed most in the model, strongest first. */
  words?: string[];
}
export interface FramingResult {
  level: FramingLevel;
  cues: FramingCue[];
}
export interface PageSignals {
  opinionType?: boolean;
  section?: string;
  url?: string;
  headline?: string;
}
export interface AssessedSentence {
  text: string;
  start: number;
  end: number;
  level: FramingLevel;
  cues: FramingCue[];
}
export interface FramingAnalyzer {
  /** Passage = the mention's sentence and its paragraph: text of the block + the sentence range of the mention. */
  analyzePassage(blockText: string, focus: { start: number; end: number }, page?: PageSignals): FramingResult;
  /** Every sentence of a text, for measuring the analyzer alone. */
  assessSentences(text: string, page?: PageSignals): AssessedSentence[];
  /** Page-level cues: page-opinion signals, and a rhetorical question headline (context only). */
  pageLevel(page: PageSignals): FramingCue[];
  /** What the learned model reads of one sentence, taken whole: the rules' cues and whose words are whose. */
  modelInput(sentence: string): ModelInput;
}

export interface FramingOptions {
  /** The learned model for sentences no rule explains; default the shipped one, null for the rules alone. */
  model?: FramingModel | null;
}

let shipped: FramingModel | undefined;
/** The model trained by `npm run train:framing`, loaded on first use. */
export function shippedFramingModel(): FramingModel {
  return (shipped ??= loadFramingModel(weightsFile as WeightsData, markersFile as MarkersFile));
}

interface Span {
  start: number;
  end: number;
}
interface SentenceCues {
  cues: FramingCue[];
  speaker: Span[];
  dismissed: Span[];
  unowned: boolean;
}
interface Region extends Span {
  speaker?: string;
}
interface Rule {
  kind: CueKind;
  re: RegExp;
  /** The rule ignores case: `re` has lower-case literals and no "i" flag, and runs on lower-cased text. */
  folded?: boolean;
  why: string;
  neutral?: string;
  /** Return false to drop a match (context the regex cannot express cheaply). */
  keep?: (sentence: string, at: number, match: string) => boolean;
}

/** Sentences either side of the mention's sentence that still count as its passage. */
const PASSAGE_RADIUS = 2;
/** What the matcher accepts between words; a space in a pack term stands for it (see pack-schema). */
const SEP = '[\\s\\u00a0\\u00ad/\\u2010-\\u2015-]+';
const isWordChar = (ch: string | undefined): boolean => !!ch && /[\p{L}\p{N}]/u.test(ch);

// ---------------------------------------------------------------------------------------------------------------
// Quotations

/**
 * Outermost quotation spans (marks included) plus every span, for scare-quote detection.
 * Straight and curly double quotes, «», „“, 「」, 『』, and single quotes told apart from apostrophes.
 */
function quoteSpans(text: string): { outer: Span[]; all: Span[] } {
  const stack: { ch: string; at: number }[] = [];
  const all: Span[] = [];
  const close = (opener: string, at: number): boolean => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.ch === opener) {
        all.push({ start: stack[k]!.at, end: at + 1 });
        stack.length = k;
        return true;
      }
    }
    return false;
  };
  const top = () => stack[stack.length - 1]?.ch;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    switch (ch) {
      case '«':
      case '「':
      case '『':
      case '„':
        stack.push({ ch, at: i });
        break;
      case '»':
        close('«', i);
        break;
      case '」':
        close('「', i);
        break;
      case '』':
        close('『', i);
        break;
      case '”':
        if (!close('“', i)) close('"', i);
        break;
      case '“':
        // German/Russian „…“ closes with “; English opens with it.
        if (top() === '„' || (isWordChar(prev) && stack.some((s) => s.ch === '„'))) close('„', i);
        else stack.push({ ch, at: i });
        break;
      case '"':
        if (stack.some((s) => s.ch === '"') && !(isWordChar(next) && !isWordChar(prev) && top() !== '"')) close('"', i);
        else stack.push({ ch, at: i });
        break;
      case '‘':
        stack.push({ ch, at: i });
        break;
      case '’':
      case "'": {
        if (isWordChar(prev) && isWordChar(next)) break; // apostrophe: Korea's, don't
        const opener = ch === '’' ? '‘' : "'";
        if (stack.some((s) => s.ch === opener) && !isWordChar(next) && prev !== ' ') close(opener, i);
        else if (ch === "'" && !isWordChar(prev) && isWordChar(next)) stack.push({ ch, at: i });
        break;
      }
      case '\n':
        // An unclosed single quote never runs past a line: it was an apostrophe.
        while (top() === "'" || top() === '‘') stack.pop();
        break;
    }
  }
  // Newswire style leaves a quote open at a paragraph's end when it goes on in the next: quoted to the end.
  for (const open of stack) if (open.ch !== "'" && open.ch !== '‘') all.push({ start: open.at, end: text.length });
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Span[] = [];
  for (const s of all) if (!outer.length || s.start >= outer[outer.length - 1]!.end) outer.push(s);
  return { outer, all };
}

const inside = (spans: Span[], a: number, b: number): Span | undefined =>
  spans.find((s) => a >= s.start && b <= s.end);

// ---------------------------------------------------------------------------------------------------------------
// Reported speech

/** A data entry (framing-markers.json) as RegExp source: a space is any run of spaces, a final * any letters. */
const entrySource = (entry: string): string =>
  entry
    .replace(/\*$/, '')
    .replace(/[.*]/g, '\\$&')
    .replace(/ /g, '\\s+') + (entry.endsWith('*') ? '\\p{L}*' : '');
/** Alternatives longest first, so that "calls for" wins over "calls". */
const anyOf = (entries: readonly string[]): string => [...entries].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(entrySource).join('|');
const WORD = (src: string) => `(?<![\\p{L}])(?:${src})(?![\\p{L}])`;

/**
 * Attribution phrases and verbs, from the data in framing-markers.json (`attribution`, per language). Group 1 =
 * "according to"-like (the speaker follows); otherwise a verb whose subject is the speaker. Korean: a reporting
 * verb after "-고"/"-며", a quotative ending ("…라고 "), or a reporting noun after "…다는"/"…라는". Lower-case
 * literals, run on lower-cased text ("iu" costs V8 case-folding closures at compile time).
 */
function attributionPattern(a: AttributionData): RegExp {
  const according = [WORD(`${anyOf(a.en.according)}|as (?:\\S+ ){1,4}put it|${anyOf(a.ru.according)}`), anyOf(a.ko.according)].join('|');
  const ko = [
    `[고며] (?:${anyOf(a.ko.verbs)})`,
    `(?:${anyOf(a.ko.endings)})(?= )|(?<=[’”"」』])[고며](?= )`,
    `(?:다는|라는|[’”"」]는)(?= (?:\\S+ ){0,2}(?:${anyOf(a.ko.nouns)}))`,
  ].join('|');
  return new RegExp(cheapLetterClasses(`(${according})|${WORD(anyOf(a.en.verbs))}|${WORD(anyOf(a.ru.verbs))}|${ko}`), 'gu');
}
const ATTRIBUTION = attributionPattern((markersFile as MarkersFile).attribution);
/** "That said", "needless to say" are the author's own; "so-called" is the author's distance, not a speaker. */
const NOT_ATTRIBUTION = /(?:(?:that|needless to|so to|suffice it to|it goes without) |(?<![\p{L}])so[ -])$/iu;

const NOUN_BEFORE = /(?:['’]s?|\b(?:the|its|their|his|her|these|those|such|of|whose|our|your|my|new|repeated|growing))\s+$/i;

/** Who is speaking, from the words around an attribution. Short; undefined for pronouns. */
function speakerNear(s: string, vs: number, ve: number, inverted: boolean): string | undefined {
  let cand: string;
  if (inverted) {
    cand = (/^[^,.;:!?—–]{1,60}/.exec(s.slice(ve).trim())?.[0] ?? '').trim();
  } else {
    const before = s.slice(0, vs);
    const frag = before.split(/[,;:—–(«»"“”„]|\s-\s/).pop() ?? '';
    cand = frag.trim().split(/\s+/).slice(-6).join(' ');
  }
  cand = cand.replace(/^(?:that|and|but|while|as|which|who|the|a|an)\s+/i, '').replace(/\s+(?:that|on|in|at|to)$/i, '');
  if (!cand || /^(?:he|she|they|it|we|i|one|this|that|who|which|also)$/i.test(cand)) return undefined;
  return cand.length > 60 ? cand.slice(0, 60) : cand;
}

/** Distancing words, and a bracketed "(!)" or "(?)": the author's doubt even inside someone else's reported words. */
const DISTANCING = /^(?:so[ -]called|supposed(?:ly)?|purported(?:ly)?|ostensibl[ey]|якобы|так называем\p{L}*|пресловут\p{L}*|이른바|소위|\((?:!|\?|\?!|!\?)\))$/iu;
const HEADLINE_SPEAKER = /^(\p{Lu}[\p{L}\p{N}.'’ -]{0,40}?):\s+\S/u;
const CLAUSE_VERB = /(?<![\p{L}])(?:is|are|was|were|be|been|has|have|had|will|would|can|could|does|do|did|это|был[аио]?|есть|будет|стал[аио]?)(?![\p{L}])/iu;
const RUBRIC = /^(?:analysis|opinion|comment|commentary|editorial|explainer|exclusive|update|breaking|live|watch|video|photos?|interview|review|view|мнение|колонка|анализ|комментарий|итоги|видео|фото|эксклюзив)$/iu;

/** Spans of a sentence that are someone else's words without quotation marks (plus who, when recognisable). */
/** "Make no mistake:", "Frankly:": a lead-in one of the author's stance rules matches is the author talking, not a speaker. */
function isStanceLead(lead: string): boolean {
  const lower = lead.toLowerCase();
  return RULES.some((r) => {
    if (r.kind === 'rhetorical-question') return false;
    const re = new RegExp(r.re.source, r.re.flags.replace(/[gy]/g, ''));
    return re.test(r.folded ? lower : lead);
  });
}

function reportedRegions(s: string, quoted: Span[]): Region[] {
  const out: Region[] = [];
  // Headline style "Lavrov: the West will regret it": the named speaker's claim (not a rubric such as "Analysis:").
  const head = HEADLINE_SPEAKER.exec(s);
  const who = head?.[1]!.trim() ?? '';
  // Not a rubric ("Analysis:"), not an abbreviation, and not the author's own clause or stance lead-in ("The lesson is plain: …", "Make no mistake: …").
  if (head && who.split(/\s+/).length <= 5 && !RUBRIC.test(who) && !/^[\p{Lu}\d-]+$|\./u.test(who) && !CLAUSE_VERB.test(who) && !isStanceLead(who))
    out.push({ start: head[1]!.length + 1, end: s.length, speaker: who });
  const lower = s.toLowerCase();
  // Offsets in the lower-cased text are offsets in `s` only when lower-casing kept the length (not so for "İ").
  const [re, text] = lower.length === s.length ? [ATTRIBUTION, lower] : [caseInsensitive(ATTRIBUTION), s];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const vs = m.index;
    const ve = vs + m[0].length;
    if (inside(quoted, vs, ve) || NOT_ATTRIBUTION.test(s.slice(Math.max(0, vs - 20), vs))) continue;
    // "Moscow's claims of…", "the calls for…": a noun, nobody speaking.
    if (/s$/i.test(m[0]) && NOUN_BEFORE.test(s.slice(Math.max(0, vs - 12), vs))) continue;
    const hangul = /[가-힣]/.test(m[0]);
    // Korean puts the reported clause before the verb, and the speaker usually opens the sentence.
    // "X에 따르면, …": the speaker opens, the reported clause follows.
    if (hangul && m[1]) {
      out.push({ start: ve, end: s.length, speaker: s.slice(0, vs).trim().split(/\s+/).slice(-3).join(' ') || undefined });
      continue;
    }
    if (hangul) {
      const spk = /^\s*([^\s,]+(?:\s[^\s,]+){0,2}?)(?:은|는|이|가)\s/.exec(s)?.[1];
      out.push({ start: 0, end: vs, speaker: spk });
      continue;
    }
    const rest = s.slice(ve);
    const clauseEnd = (from: number) => {
      const cut = /;|,\s*but\b|\s[—–]\s*but\b|,\s*(?:yet|however)\b/i.exec(s.slice(from));
      return cut ? from + cut.index : s.length;
    };
    if (m[1]) {
      // "According to X, …" opens the sentence; ", according to X." closes it.
      if (!s.slice(0, vs).trim() || /,\s*$/.test(s.slice(0, vs))) {
        const comma = rest.indexOf(',');
        const spk = speakerNear(s, vs, ve, true);
        out.push({ start: comma >= 0 ? ve + comma : ve, end: clauseEnd(ve), speaker: spk });
      } else {
        out.push({ start: 0, end: vs, speaker: speakerNear(s, vs, ve, true) });
      }
      continue;
    }
    // `…, Putin said.` / `…, said Putin.` / `“…,” he said on Monday.` — the clause before the speaker is reported.
    const tailWords = rest.replace(/[.!?"”»'’]+\s*$/, '').trim().split(/\s+/).filter(Boolean).length;
    const lead = s.slice(0, vs);
    const comma = Math.max(lead.lastIndexOf(','), lead.lastIndexOf('—'), lead.lastIndexOf('–'), lead.lastIndexOf('”'), lead.lastIndexOf('»'), lead.lastIndexOf('"'));
    const between = lead.slice(comma + 1).trim();
    const inverted = !between;
    const trailing =
      comma > 0 &&
      // "…, Putin said in an article for the party daily, published on Friday." — time, place or medium after.
      (tailWords <= (inverted ? 10 : 4) || (!inverted && tailWords <= 16 && /^\s*(?:in|on|at|during|after|before|в|во|на|после|перед)\s/iu.test(rest))) &&
      between.split(/\s+/).length <= 8 &&
      // `X said.` / `X said on Monday.` — nothing but time or place after the verb (not "denies everything").
      (inverted || !tailWords || /^\s*(?:on|in|at|during|after|before|earlier|later|late|last|this|yesterday|today|from|via|—|–)(?![\p{L}])/iu.test(rest)) &&
      !/^\s*(?:that|to|что)(?![\p{L}])/iu.test(rest);
    if (trailing) {
      out.push({ start: 0, end: comma, speaker: speakerNear(s, vs, ve, inverted) });
    } else {
      out.push({ start: ve, end: clauseEnd(ve), speaker: speakerNear(s, vs, ve, false) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Cue rules (compiled once, at module load)

const W = (src: string) => `(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`;
// Case-insensitive rules run on lower-cased text instead of with the "i" flag: V8 builds case-folding closures
// for every letter range under "iu", which made the first analyses of a page cost ~100 ms.
const rule = (kind: CueKind, src: string, why: string, extra?: Partial<Rule>, flags = 'giu'): Rule => {
  const folded = flags.includes('i');
  const source = cheapLetterClasses(W(folded ? lowerLiterals(src) : src));
  return { kind, re: new RegExp(source, folded ? flags.replace('i', '') : flags), folded, why, ...extra };
};

/** The same regex with "i", for text whose lower-casing changes its length (rare: "İ"). */
const withCase = new WeakMap<RegExp, RegExp>();
function caseInsensitive(re: RegExp): RegExp {
  let full = withCase.get(re);
  if (!full) withCase.set(re, (full = new RegExp(re.source, `${re.flags}i`)));
  return full;
}
const before = (s: string, at: number, n = 30) => s.slice(Math.max(0, at - n), at);

/** Sentences that describe the treaty's own obligations ("Under Article 4, each side must…") are reporting. */
const OBLIGATION_CONTEXT =
  /\b(?:article|art\.) ?\d|\bunder (?:the|its|this) (?:treaty|pact|agreement|deal|terms|clause|accord)|\b(?:treaty|pact|agreement|deal|clause|text|accord|charter|resolution)s? (?:also )?(?:requires?|obliges?|obligates?|commits?|stipulates?|says|states|provides|binds)|\b(?:stipulation|provision|obligation)s? (?:that|to)\b|(?<![\p{L}])(?:стать[яеи]|договор\p{L}*|соглашени\p{L}*)(?![\p{L}])|조약|조항|제\d+조/iu;

const RULES: Rule[] = [
  rule(
    'prescriptive',
    "should(?:n['’]t| not)?|must(?:n['’]t| not)?|ought(?:n['’]t)? to|needs? to|(?:has|have) to(?! do with)|(?:it['’]s|it is) (?:high )?time (?:to|for)|it is (?:imperative|essential|vital|crucial) (?:to|that)|(?:cannot|can['’]t|can ill) afford",
    'prescriptive language in the author’s voice: tells the reader or governments what to do',
    {
      keep: (s, at, m) => {
        if (OBLIGATION_CONTEXT.test(s)) return false;
        // "must still be ratified": procedure, not advice.
        if (/^\s*(?:still |first |now |also )?be (?:ratified|approved|signed|submitted|exchanged|published)\b/i.test(s.slice(at + m.length))) return false;
        const after = s.slice(at + m.length, at + m.length + 40);
        if (/^need/i.test(m) && (/\b(?:the|a|no)\s+$/i.test(before(s, at, 6)) || /^\s*know\b/i.test(after))) return false;
        if (after[0] === '-') return false; // "must-read"
        // "…, should either side be attacked": a condition, not advice.
        if (
          /^should$/i.test(m) &&
          /^\s+(?:the |either |any |a |an )?(?!(?:also|not|never|now|still|rather|perhaps|probably|surely|certainly|really|instead|therefore|then|only|first)\b)[\p{L}-]+(?: [\p{L}-]+)? (?:be|come|face|find|need|ever|break|attack|invade)\b/u.test(after)
        )
          return false;
        // "Should war break out, …" is a condition, not advice.
        if (/^should$/i.test(m) && !s.slice(0, at).trim() && !/\?\s*["”»’']*$/.test(s)) return false;
        return true;
      },
    },
  ),
  rule(
    'prescriptive',
    'должн(?:ы|а|о)|долж(?:ен)|следует|необходимо|нужно|надо|обязан(?:ы|а)?|пора',
    'prescriptive language in the author’s voice (Russian: должны, следует, нужно…)',
    { keep: (s) => !OBLIGATION_CONTEXT.test(s) },
  ),
  {
    kind: 'prescriptive',
    re: /[가-힣]+야\s?(?:한다|할 것|합니다|만 한다|할 때)/gu,
    why: 'prescriptive language in the author’s voice (Korean: ~해야 한다)',
    keep: (s) => !/조약|조항/.test(s) || !/의무/.test(s),
  },
  rule(
    'speculation',
    '(?:could|might|may|will|would)(?: well| soon| eventually| ultimately| only)? (?:prove (?:deadly|fatal|disastrous|catastrophic|costly|decisive|dangerous)|spell (?:disaster|doom|trouble|the end)|unleash|upend|ignite|plunge|embolden|crystalli[sz]e|reshape|usher in|haunt|backfire|destabili[sz]e|open the floodgates|tip the balance|unravel|redraw|turn the tide|(?:trigger|spark|set off) an? (?:new )?(?:arms race|war|crisis|conflict|catastrophe))' +
      '|(?:is|are|was|were) (?:bound|doomed|destined|sure|certain) to' +
      '|threaten(?:s|ed|ing)? to (?:upend|unravel|destabili[sz]e|undermine|plunge|drag|ignite|reshape|derail|erode|shatter|unleash|overturn|tip|redraw)' +
      '|(?:will|would) (?:inevitably|surely|certainly|undoubtedly|almost certainly|only (?:deepen|embolden|worsen|make|encourage|fuel|increase|escalate|grow))' +
      '|inevitabl[ey]|sooner or later|a matter of time|recipe for (?:disaster|war|catastrophe)' +
      '|risks (?:dragging|turning|becoming|plunging|igniting|triggering|sparking|escalating|provoking|emboldening|undermining)',
    'speculation presented as a consequence: a prediction stated as if it were certain',
  ),
  rule(
    'speculation',
    'неизбежн\\p{L}*|грозит (?:обернуться|перерасти|привести)|(?:может|могут) обернуться|рано или поздно|(?:приведёт|приведет) к (?:катастроф|войн)\\p{L}*',
    'speculation presented as a consequence (Russian)',
  ),
  {
    kind: 'speculation',
    re: /불가피|(?:될|할) 것이 (?:분명|뻔)|뻔하다|시간문제/gu,
    why: 'speculation presented as a consequence (Korean)',
  },
  rule(
    'generalisation',
    '(?:much|most|all|the rest) of the (?:world|civili[sz]ed world|free world|international community)|the (?:whole|entire) (?:world|west|planet)|every(?:one|body)|(?:no one|no-one|nobody) (?:can|could|should|will|would|believes|seriously|really|doubts|expects|knows|buys|wants)|always|never|(?:all|every) (?:nations?|countr(?:y|ies)|democrac(?:y|ies)|observers?)',
    'sweeping generalisation: a claim about everyone or all time that no source could establish',
    {
      keep: (s, at, m) =>
        // "has always denied" records a position; "has never confirmed" a fact.
        (!/^always$/i.test(m) || !/^always (?:denied|rejected|insisted|maintained|said)\b/i.test(s.slice(at, at + 20))) &&
        (!/^never$/i.test(m) ||
        !/\b(?:has|have|had|did|does|do|was|were|is|are)(?:n['’]t)? $/i.test(before(s, at, 12)) ||
        /^never (?:been (?:more|less|so)|before|again)/i.test(s.slice(at, at + 24))),
    },
  ),
  rule(
    'generalisation',
    'весь мир|всегда|никогда|все понимают|никто не (?:верит|сомневается|может|сомневался)|всем (?:ясно|понятно|известно)',
    'sweeping generalisation (Russian)',
  ),
  {
    kind: 'generalisation',
    re: /전 세계가|온 세상이|누구나|누구도|결코|언제나/gu,
    why: 'sweeping generalisation (Korean)',
  },
  rule(
    'intensifier',
    "laughabl[ey]|shameless(?:ly)?|brazen(?:ly)?|blatant(?:ly)?|reckless(?:ly)?|outrageous(?:ly)?|absurd(?:ly|ity)?|grotesque(?:ly)?|sinister|ominous(?:ly)?|chilling(?:ly)?|appalling(?:ly)?|disgraceful(?:ly)?|despicable|nefarious|unholy|cynical(?:ly)?|hypocri(?:tical|tically|tes?|sy)|farcical|farce|sham|charade|fig leaf|desperat(?:e|ely|ion)|pathetic|humiliat(?:ing|ion)|spineless|feckless|na[iï]ve(?:ly)?|delusional|deranged|thug(?:s|gish)?|tyrant|tyranny|bloodthirsty|murderous|warmonger(?:s|ing)?|bellicose|belligerent|villain(?:ous|s)?|evil|wicked|monstrous|heinous|vile|odious|disastrous(?:ly)?|catastrophic(?:ally)?|utter(?:ly)?|staggering(?:ly)?|alarming(?:ly)?|shocking(?:ly)?|dangerous(?:ly)?|terrifying|menacing|sordid|unsavou?ry|bromance|toothless|hollow|meaningless|worthless|empty (?:words|promises|gesture|rhetoric)|lip service|wishful thinking|propaganda (?:coup|stunt|show)|invincible|ever-victorious|glorious|heroic|peerless|great leader|respected comrade|dear respected|iron-willed|hostile forces|nothing (?:more|less) than|little more than|at best|at worst|merely|(?:can|could) hardly|repressive|brutal(?:ity|ly)?|frantic(?:ally)?|slander(?:s|ed|ing|ous)?|obviously|needless to say|in reality|in truth|masterstroke|triumph(?:ant)?|stunning(?:ly)?|spectacular(?:ly)?|remarkabl[ey]|extraordinar(?:y|ily)|incredibl[ey]|truly|cozy|cosy|cosying|brotherly love|marriage of convenience|unprecedented(?:ly)? (?:dangerous|brazen|reckless)|deal with the devil|gift to",
    'emotive or evaluative wording in the author’s voice',
  ),
  rule(
    'intensifier',
    'циничн\\p{L}*|вопиющ\\p{L}*|бесстыдн\\p{L}*|нагл\\p{L}*|лицемер\\p{L}*|преступн\\p{L}*|агрессивн\\p{L}*|безрассудн\\p{L}*|поджигател\\p{L}*|очевидно|позорн\\p{L}*|зловещ\\p{L}*|абсурдн\\p{L}*|великий вождь|нерушим\\p{L}*|исторически важн\\p{L}*',
    'emotive or evaluative wording (Russian)',
  ),
  {
    kind: 'intensifier',
    re: /뻔뻔|파렴치|노골적|무모한|악랄|가소롭|호전광|전쟁광|흉악|경거망동|망동|추악|어리석|위대한 (?:령도자|수령|동지)|불패의|무적의|영광스러운|천하무적/gu,
    why: 'emotive or evaluative wording (Korean)',
  },
  rule(
    'sarcasm',
    "so[ -]called|of course|naturally,|surely|supposed(?:ly)?|purported(?:ly)?|ostensibl[ey]|what could possibly go wrong|as if|how convenient|conveniently|pretend(?:s|ing|ed)?|a likely story|so much for|spare us|with a straight face",
    'sarcasm or irony marker: signals the author doubts or mocks what follows',
  ),
  rule('sarcasm', 'так называем\\p{L}*|якобы|пресловут\\p{L}*|разумеется|конечно же', 'sarcasm or irony marker (Russian)'),
  { kind: 'sarcasm', re: /이른바|소위|가소로운/gu, why: 'sarcasm or irony marker (Korean)' },
  // The author's choice of reporting verb judges the speaker even when what is reported is the speaker's.
  rule(
    'sarcasm',
    'boast(?:s|ed|ing)|brag(?:s|ged|ging)|crow(?:s|ed|ing)|trumpet(?:s|ed|ing)|parrot(?:s|ed|ing)|peddl(?:es|ed|ing)|hyperventilat\\p{L}*|тверд(?:ит|ят|ил|ила|или)|разглагольств\\p{L}*|веща(?:ет|ют|л|ла|ли)|хвастал\\p{L}*|похвалял\\p{L}*|голословн\\p{L}*',
    'a reporting verb that mocks or discredits the speaker: the author’s judgement of what is reported',
  ),
  { kind: 'sarcasm', re: /강변(?:했|하|한)|큰소리(?:쳤|치)|떠벌(?:렸|리)|둘러(?:댔|대)|우겼/gu, why: 'a reporting verb that mocks or discredits the speaker (Korean: 강변했다, 큰소리쳤다)' },
  // "the Democratic (!) Republic", "a historic (?) visit": the author's aside on the word before, in any language.
  { kind: 'sarcasm', re: /(?<=\S\s?)\((?:!|\?|\?!|!\?)\)/gu, why: 'an exclamation or question mark in brackets: the author mocks or doubts the word before it' },
  rule(
    'second-person',
    "you(?:r|rs|rself|['’]re|['’]ll|['’]ve|['’]d)?|imagine|make no mistake|ask yourself|picture this|mark my words|consider this",
    'second-person appeal: addresses the reader directly, as argument does and reporting does not',
    // "What you need to know", "you can read the full text": explainer furniture, not an appeal.
    { keep: (s, at) => !/^you (?:need to know|should know|can (?:read|find|see|watch|listen|sign|subscribe|follow))\b/i.test(s.slice(at, at + 30)) },
  ),
  // Case-sensitive so that "US" (the United States) is not "us".
  rule(
    'second-person',
    "[Ww]e|us|[Oo]ur|[Oo]urselves|[Ll]et['’]s|[Ll]et us",
    'first-person plural appeal: the author speaks for "us", as argument does and reporting does not',
    { keep: (s, at) => !/(?:what|here['’]s what|[Ww]hat) $/.test(before(s, at, 16)) && !/^\S+ (?:know|reported|contacted|asked|spoke)\b/.test(s.slice(at, at + 20)) },
    'gu',
  ),
  // "ваш…" is "your"; "Вашингтон" (Washington) is not.
  rule('second-person', 'представьте(?: себе)?|давайте|мы должны|вам|ваш(?!ингтон)\\p{L}*', 'second-person appeal (Russian)'),
  { kind: 'second-person', re: /여러분|상상해\s?보라/gu, why: 'second-person appeal (Korean)' },
];

/** The lexicon's classes as the cues a card shows: advice, prediction and irony are the rules' own kinds. */
const LEXICON_KIND: Record<LexiconClass, { kind: CueKind; why: string }> = {
  verdict: { kind: 'verdict', why: 'a verdict in the author’s voice: judges a person, act or policy rather than reporting it' },
  stance: { kind: 'stance', why: 'a stance marker: the author states their certainty, frankness or feeling about what is said' },
  advice: { kind: 'prescriptive', why: 'advice in the author’s voice: tells governments or the reader the course to take' },
  prediction: { kind: 'speculation', why: 'a prediction in the author’s voice, stated as if it were certain' },
  irony: { kind: 'sarcasm', why: 'mockery in the author’s voice: words that belittle what they describe' },
};
const LEXICON = compileLexicon(lexiconFile as LexiconFile);

/** A question is rhetorical unless it is a plain explainer ("What does Article 4 say?"). */
function isRhetorical(q: string): boolean {
  const t = q.trim().replace(/^["'“‘«„]+/, '');
  if (/^(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|isn['’]t|aren['’]t|doesn['’]t|don['’]t|won['’]t|can['’]t|wasn['’]t|why(?! did\b)|how (?:can|could|long|dare|else|much longer)|who (?:benefits|wins|cares|would|could|can|really|else))\b/i.test(t))
    return true;
  if (/\b(?:really|possibly|on earth|ever|anyone|anybody|any longer|else)\b/i.test(t)) return true;
  if (/^(?:разве|неужели|зачем|почему|доколе|кто выиграет|кому выгодн)/iu.test(t)) return true;
  if (/[\p{Script=Cyrillic}]/u.test(t) && !/^(?:что|как|когда|где|какие|какой|сколько|чем)(?![\p{L}])/iu.test(t)) return true;
  return /과연|왜|어찌|않는가|아닌가|겠는가|란 말인가/.test(t);
}

// ---------------------------------------------------------------------------------------------------------------
// Analyzer

interface CompiledTerm {
  re: RegExp;
  term: FramingTerm;
}

/**
 * Pack term → RegExp source: a space stands for any separator run (see pack-schema). No edges are added:
 * the pack writes its own (\b…\b, Unicode lookarounds, or open stems such as "\bsuspect"), and Hangul or
 * Han terms must match inside longer words.
 */
export function compileTermSource(src: string): string {
  return expandSpaces(src, SEP);
}

export function compileFraming(terms: FramingTerm[], options: FramingOptions = {}): FramingAnalyzer {
  // The shipped model loads on the first sentence it is asked about, not when card.js is evaluated.
  const modelOf = () => (options.model === undefined ? shippedFramingModel() : options.model);
  const lexicon: CompiledTerm[] = [];
  for (const term of terms)
    for (const p of term.patterns) {
      try {
        lexicon.push({ term, re: new RegExp(cheapLetterClasses(lowerLiterals(compileTermSource(p))), 'gu') });
      } catch {
        // The schema validates patterns; a source broken only by our wrapping is skipped, not fatal.
      }
    }

  /**
   * Cues of one sentence [a, b) of `text`, with quotation spans of the whole text; for the model, in sentence
   * offsets: `speaker` = someone else's words, `dismissed` = rule matches judged not the author's stance,
   * `unowned` = quotation marks with nobody speaking in the sentence (often the author's own distance).
   */
  function sentenceCues(text: string, a: number, b: number, spans: { outer: Span[]; all: Span[] }): SentenceCues {
    const s = text.slice(a, b);
    const local = (list: Span[]) =>
      list.filter((q) => q.end > a && q.start < b).map((q) => ({ start: Math.max(0, q.start - a), end: Math.min(s.length, q.end - a) }));
    const outer = local(spans.outer);
    const reported = reportedRegions(s, outer);
    const speakerForQuotes = reported.find((r) => r.speaker)?.speaker ?? colonSpeaker(s, outer);
    // Single-word quotes outside everything a speaker says in the sentence: the author's scare quotes
    // ("after months of “seeing” nothing, the ministry confirmed…" is the author's, though someone reports).
    // A capitalised word in quotes inside the sentence is a name (an agency, a paper, an operation), not irony.
    const scare = local(spans.all).filter(
      (q) =>
        /^[\p{L}\p{N}-]{2,30}$/u.test(s.slice(q.start + 1, q.end - 1)) &&
        !(q.start > 0 && /^\p{Lu}/u.test(s.slice(q.start + 1))) &&
        !reported.some((r) => q.start >= r.start - 1 && q.end <= r.end + 1),
    );
    const cues: FramingCue[] = [];
    const add = (kind: CueKind, start: number, end: number, why: string, neutral?: string, termId?: string) => {
      const inScare = inside(scare, start, end);
      const q = inScare ? undefined : inside(outer, start, end);
      // A distancing word ("якобы", "so-called") inside reported speech without quotation marks is the author's.
      const r = q || inScare || (kind === 'sarcasm' && DISTANCING.test(s.slice(start, end))) ? undefined : reported.find((x) => start >= x.start && end <= x.end);
      const cue: FramingCue = { kind, text: s.slice(start, end), start: a + start, end: a + end, explanation: why, quoted: !!(q || r || inScare) };
      if (neutral) cue.neutral = neutral;
      if (termId) cue.termId = termId;
      const speaker = q ? speakerForQuotes : r?.speaker;
      if (speaker) cue.speaker = speaker;
      cues.push(cue);
    };
    const lower = s.toLowerCase();
    // Offsets in the lower-cased text are offsets in `s` only when lower-casing kept the length.
    const sameLength = lower.length === s.length;
    const folded = (re: RegExp) => (sameLength ? { re, text: lower } : { re: caseInsensitive(re), text: s });
    for (const entry of lexicon) {
      const { term } = entry;
      const { re, text } = folded(entry.re);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (!m[0]) {
          re.lastIndex++;
          continue;
        }
        add('loaded-term', m.index, m.index + m[0].length, `${term.label}: ${term.why} (used by ${term.usedBy})`, term.neutral, term.id);
      }
    }
    // Words a rule matched and then judged not the author's stance (a condition's "should", a treaty's "must",
    // "what you need to know"): the model must not count them either.
    const dismissed: Span[] = [];
    for (const r of RULES) {
      const { re, text } = r.folded ? folded(r.re) : { re: r.re, text: s };
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (r.keep && !r.keep(s, m.index, s.slice(m.index, m.index + m[0].length))) {
          dismissed.push({ start: m.index, end: m.index + m[0].length });
          continue;
        }
        add(r.kind, m.index, m.index + m[0].length, r.why, r.neutral);
      }
    }
    for (const hit of LEXICON.find(s)) {
      const { kind, why } = LEXICON_KIND[hit.cls];
      add(kind, hit.start, hit.end, why);
    }
    for (const q of scare)
      cues.push({
        kind: 'sarcasm',
        text: s.slice(q.start, q.end),
        start: a + q.start,
        end: a + q.end,
        explanation: 'scare quotes around a single word, with no one quoted: the author distances themself from it',
        quoted: false,
      });
    const qm = /\?["'”’»」』)]*\s*$/.exec(s);
    if (qm && !inside(outer, qm.index, qm.index + 1) && isRhetorical(s)) add('rhetorical-question', 0, s.length, 'a question the author asks to argue, not to inform');
    const quotes = outer.filter((q) => !inside(scare, q.start, q.end));
    const speaker = [...quotes, ...reported.map(({ start, end }) => ({ start, end }))];
    return { cues: dedupe(cues), speaker, dismissed, unowned: quotes.length > 0 && !reported.length && !speakerForQuotes };
  }

  function inputOf(s: string, { cues, speaker, dismissed, unowned }: SentenceCues): ModelInput {
    return { text: s, speaker, dismissed, unowned, ruleKinds: cues.filter((c) => !c.quoted).map((c) => c.kind), quotedCues: cues.filter((c) => c.quoted).length };
  }

  /**
   * The sentence's cues, plus the model's author-judgement cue when the model reads it as opinion and no rule
   * gave an author cue: the rules stay the reasons; the model only speaks where they are silent.
   */
  function judgedCues(text: string, a: number, b: number, spans: { outer: Span[]; all: Span[] }): FramingCue[] {
    const found = sentenceCues(text, a, b, spans);
    const { cues } = found;
    const model = modelOf();
    if (!model || cues.some((c) => !c.quoted)) return cues;
    const s = text.slice(a, b);
    const verdict = model.assess(inputOf(s, found));
    if (!verdict?.opinion) return cues;
    const words = verdict.words.map((w) => `“${w}”`).join(', ');
    cues.push({
      kind: 'author-judgement',
      text: s,
      start: a,
      end: b,
      explanation: `written as the author’s judgement: no listed word or pattern, but the sentence reads as opinion to the learned model${words ? `; the words that weighed most: ${words}` : ''}`,
      quoted: false,
      words: verdict.words,
    });
    return cues;
  }

  function modelInput(sentence: string): ModelInput {
    return inputOf(sentence, sentenceCues(sentence, 0, sentence.length, quoteSpans(sentence)));
  }

  function page(pageSignals?: PageSignals): FramingCue[] {
    return pageSignals ? pageLevel(pageSignals) : [];
  }

  function assessSentences(text: string, pageSignals?: PageSignals): AssessedSentence[] {
    const spans = quoteSpans(text);
    const pc = page(pageSignals);
    return pageSentences(text).map(({ start, end }) => {
      const cues = judgedCues(text, start, end, spans);
      return { text: text.slice(start, end), start, end, level: levelOf(cues, pc), cues };
    });
  }

  function analyzePassage(blockText: string, focus: { start: number; end: number }, pageSignals?: PageSignals): FramingResult {
    const spans = quoteSpans(blockText);
    const sentences = pageSentences(blockText);
    const [first, last] = sentencesAround(sentences, focus);
    const cues: FramingCue[] = [];
    for (let i = Math.max(0, first - PASSAGE_RADIUS); i <= Math.min(sentences.length - 1, last + PASSAGE_RADIUS); i++)
      cues.push(...judgedCues(blockText, sentences[i]!.start, sentences[i]!.end, spans));
    const pc = page(pageSignals);
    return { level: levelOf(cues, pc), cues: [...cues, ...pc] };
  }

  return { analyzePassage, assessSentences, pageLevel, modelInput };
}

/** Quotes introduced by "Speaker: “…”" (headline style). */
function colonSpeaker(s: string, outer: Span[]): string | undefined {
  const q = outer[0];
  if (!q) return undefined;
  const m = /([\p{L}][\p{L}\p{N}.' -]{1,40}):\s*$/u.exec(s.slice(0, q.start));
  return m?.[1]?.trim();
}

/** Overlapping cues: a lexicon term wins (it carries a neutral alternative); exact duplicates go. */
function dedupe(cues: FramingCue[]): FramingCue[] {
  cues.sort((x, y) => x.start - y.start || (x.kind === 'loaded-term' ? -1 : 1));
  const out: FramingCue[] = [];
  for (const c of cues) {
    const clash = out.find((o) => c.start < o.end && o.start < c.end && c.kind !== 'rhetorical-question' && o.kind !== 'rhetorical-question');
    if (clash && (clash.kind === 'loaded-term' || clash.kind === c.kind)) {
      if (c.kind === 'loaded-term' && clash.kind !== 'loaded-term') out.splice(out.indexOf(clash), 1, c);
      else if (c.end - c.start > clash.end - clash.start && c.kind === clash.kind) out.splice(out.indexOf(clash), 1, c);
      continue;
    }
    out.push(c);
  }
  return out;
}

function levelOf(cues: FramingCue[], pageCues: FramingCue[]): FramingLevel {
  const author = cues.filter((c) => !c.quoted);
  const opinionPage = pageCues.some((c) => c.kind === 'page-opinion');
  const loaded = author.some((c) => c.kind === 'loaded-term');
  if (author.length >= 3 || (loaded && author.length >= 2) || (opinionPage && author.length >= 1)) return 'strong';
  return author.length || opinionPage ? 'some' : 'none';
}

const OPINION_SECTION =
  /\b(?:opinions?|commentary|comment|editorials?|op-?eds?|columns?|columnists?|viewpoints?|perspectives?|letters)\b|мнени[яе]|колонк[аи]|комментари[ий]|오피니언|사설|칼럼|논단|시론/iu;
const OPINION_PATH =
  /\/(?:opinions?|op-?eds?|editorials?|commentary|comment|columns?|columnists?|viewpoints?|mneni[ye]|opinion-\w+)(?:\/|$|\.|-)/i;

/** Page-level signals → cues (kind page-opinion), plus a rhetorical question headline for context. */
function pageLevel(page: PageSignals): FramingCue[] {
  const cues: FramingCue[] = [];
  const cue = (text: string, explanation: string, kind: CueKind = 'page-opinion', signal?: PageSignal) =>
    cues.push({ kind, text, start: 0, end: 0, explanation, quoted: false, ...(signal ? { signal } : {}) });
  if (page.opinionType) cue('OpinionNewsArticle', 'the page marks itself as opinion (schema.org OpinionNewsArticle)', 'page-opinion', 'opinion-type');
  if (page.section && OPINION_SECTION.test(page.section))
    cue(page.section, `the page is in the “${page.section}” section, which publishes opinion`, 'page-opinion', 'opinion-section');
  if (page.url) {
    let path = page.url;
    try {
      path = new URL(page.url).pathname;
    } catch {
      // Not absolute: test the string as given.
    }
    const m = OPINION_PATH.exec(path);
    if (m) cue(m[0], 'the page’s address puts it in an opinion section', 'page-opinion', 'opinion-path');
  }
  const h = page.headline?.trim();
  if (h && /\?["'”’»]*$/.test(h) && isRhetorical(h))
    cue(h, 'the headline is a question the author asks to argue, not to inform', 'rhetorical-question', 'question-headline');
  return cues;
}
