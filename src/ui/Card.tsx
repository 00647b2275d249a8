/**
 * The hover card: a non-modal dialog (it holds links), rendered by the card module inside a closed shadow root.
 * It reads like a note: at rest the summary, the framing flag with one reason, three facts each with one source
 * mark, and one quote; claims and the rest are behind "More". Every word is in the reader's language (the card
 * module localises the model); the passage's own words appear only in the framing flag.
 */
import { useState } from 'preact/hooks';
import type { FramingCue, FramingResult } from '../core/framing';
import type { Translate } from '../core/i18n';
import type { MentionKind } from '../core/matcher';
import type { LocalQuote } from '../core/localize-notes';
import type { Source } from '../core/pack-schema';
import { formatReaderDate } from './format';

/** A claim the passage makes, in the reader's language. */
export interface ClaimView {
  id: string;
  claimReviewed: string;
  verdict: string;
  verdictLabel: string;
  explanation: string;
  sources: readonly string[];
}

export interface FactView {
  id: string;
  text: string;
  disputed: boolean;
  sources: readonly string[];
}

/** Words shown with how they came to be in this language. */
export interface QuoteWords {
  text: string;
  /** BCP 47 language of `text`. */
  lang: string;
  /** Empty for the speaker's own words; else who translated, as the card says it (in the reader's language). */
  translatedBy: string;
}

/** A quote as the card shows it: the pack's quote in the reader's language, each rendering saying who translated it. */
export type QuoteView = Omit<LocalQuote, 'words' | 'translation'> & { words: QuoteWords; translation?: QuoteWords | undefined };

export interface CardModel {
  /** The reader's language (BCP 47), for lang attributes and dates. */
  locale: string;
  title: string;
  summary: string;
  kind: MentionKind;
  /** Cues with their reason (`explanation`) and neutral wording already in the reader's language. */
  framing: FramingResult | null;
  claims: ClaimView[];
  facts: FactView[];
  quote: QuoteView | undefined;
  sources: ReadonlyMap<string, Source>;
  dataset: { version: string; updated: string };
}

export interface CardProps {
  model: CardModel;
  t: Translate;
  onClose: () => void;
  onTurnOffSite: () => void;
  onReport: () => void;
  reportStatus: 'idle' | 'copied' | { failed: string };
  /** The dossier page at the item this card is about, and how to open it (a page may not navigate there itself). */
  story?: { href: string; open: () => void };
  /**
   * How many of the model's facts show at rest (all by default); the others move under "More". The card module
   * lowers it when the room by the mention is too short for the card, so that nothing at rest needs scrolling.
   */
  factsAtRest?: number;
}

export const cueLabelKeys: Record<FramingCue['kind'], string> = {
  'loaded-term': 'cueLoadedTerm',
  'rhetorical-question': 'cueRhetoricalQuestion',
  prescriptive: 'cuePrescriptive',
  speculation: 'cueSpeculation',
  generalisation: 'cueGeneralisation',
  intensifier: 'cueIntensifier',
  sarcasm: 'cueSarcasm',
  'second-person': 'cueSecondPerson',
  verdict: 'cueVerdict',
  stance: 'cueStance',
  'page-opinion': 'cuePageOpinion',
  'author-judgement': 'cueAuthorJudgement',
};

/**
 * One compact mark per item: the first publisher's name (and how many more), revealing every source with its
 * date on hover or keyboard focus, or pinned by a click or tap.
 */
function SourceMark({ ids, model, t }: { ids: readonly string[]; model: CardModel; t: Translate }) {
  const [pinned, setPinned] = useState(false);
  const found = ids.map((id) => model.sources.get(id)).filter((source): source is Source => source !== undefined);
  const first = found[0];
  if (!first) return null;
  const publishers = found.map((source) => source.publisher).join(', ');
  return (
    <span class={`src${pinned ? ' pinned' : ''}`}>
      <button type="button" class="src-mark" aria-expanded={pinned} aria-label={t('cardSourcesFor', [publishers])} onClick={() => setPinned(!pinned)}>
        {first.publisher}
        {found.length > 1 && <span class="src-more"> +{found.length - 1}</span>}
      </button>
      <span class="src-list">
        {found.map((source) => (
          <a key={source.id} href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
            {source.publisher}, {formatReaderDate(source.date, model.locale)}
          </a>
        ))}
      </span>
    </span>
  );
}

function CueLine({ cue, t, why = false }: { cue: FramingCue; t: Translate; why?: boolean }) {
  if (cue.kind === 'author-judgement') {
    // The model's flag: no rule explains it, so the card names the words that weighed most instead of marking
    // the whole sentence, and says plainly where the judgement comes from.
    return (
      <li class="judgement">
        <span class="cue-kind">{t('cueAuthorJudgement')}</span>
        {cue.words && cue.words.length > 0 && (
          <span class="weighed">
            {t('cardWeighedMost')}{' '}
            {cue.words.map((word, j) => (
              <>
                {j > 0 && ', '}
                <mark key={j}>{word}</mark>
              </>
            ))}
          </span>
        )}
        {why && <span class="why">{t('cardJudgementWhy')}</span>}
      </li>
    );
  }
  return (
    <li>
      <span class="cue-kind">{t(cueLabelKeys[cue.kind])}</span>
      {cue.kind !== 'page-opinion' && <mark>{cue.text}</mark>}
      {cue.quoted && <span class="quoted"> ({cue.speaker ? `${cue.speaker}, ` : ''}{t('cardQuotedBy')})</span>}
      <span class="why">{cue.explanation}</span>
      {cue.neutral && <span class="neutral">{t('cardNeutralAlternative', [cue.neutral])}</span>}
    </li>
  );
}

/**
 * The framing cues in the order the card says them: the author's own before quoted ones, and among them a listed
 * loaded word first (it comes with a neutral wording), so the one reason shown at rest is the most useful.
 */
function orderedCues(framing: FramingResult): FramingCue[] {
  const rank = (cue: FramingCue) => (cue.quoted ? 2 : 0) + (cue.kind === 'loaded-term' ? 0 : 1);
  return framing.cues.map((cue, i) => ({ cue, i })).sort((a, b) => rank(a.cue) - rank(b.cue) || a.i - b.i).map(({ cue }) => cue);
}

function FramingFlag({ framing, t }: { framing: FramingResult; t: Translate }) {
  const cues = orderedCues(framing);
  const first = cues[0];
  if (!first) return null;
  return (
    <section class={`framing framing-${framing.level}`} aria-labelledby="cn-framing-title">
      <h3 id="cn-framing-title">
        {framing.level === 'strong' ? t('cardFramingStrong') : framing.level === 'some' ? t('cardFramingSome') : t('cardFramingQuoted')}
      </h3>
      <ul>
        <CueLine cue={first} t={t} why />
      </ul>
    </section>
  );
}

function shownFraming(framing: FramingResult | null): FramingResult | null {
  if (!framing) return null;
  if (framing.level === 'none' && !framing.cues.some((cue) => cue.quoted)) return null;
  return framing;
}

function Words({ words, class: className }: { words: QuoteWords; class: string }) {
  return (
    <p class={className}>
      <span lang={words.lang}>{words.text}</span>
      {words.translatedBy && <span class="translated-by">{words.translatedBy}</span>}
    </p>
  );
}

function FactLine({ fact, model, t }: { fact: CardModel['facts'][number]; model: CardModel; t: Translate }) {
  return (
    <li>
      {/* First, to float at the end of the fact's first line: no line of its own. */}
      <SourceMark ids={fact.sources} model={model} t={t} />
      <span class="fact-text">
        {fact.text}
        {fact.disputed && <span class="disputed"> ({t('cardDisputed')})</span>}
      </span>
    </li>
  );
}

/** The facts shown at rest, or those moved under "More": the same list under its own heading id. */
function FactList({ facts, titleId, listClass, model, t }: { facts: CardModel['facts']; titleId: string; listClass: string; model: CardModel; t: Translate }) {
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('cardFacts')}</h3>
      <ul class={listClass}>
        {facts.map((fact) => (
          <FactLine key={fact.id} fact={fact} model={model} t={t} />
        ))}
      </ul>
    </section>
  );
}

export function Card({ model, t, onClose, onTurnOffSite, onReport, reportStatus, story, factsAtRest }: CardProps) {
  const { quote } = model;
  const restCount = Math.max(1, factsAtRest ?? model.facts.length);
  const restFacts = model.facts.slice(0, restCount);
  const laterFacts = model.facts.slice(restCount);
  const framing = shownFraming(model.framing);
  const cues = framing ? orderedCues(framing) : [];
  const first = cues[0];
  const moreCues = cues.slice(1);
  const judgement = framing?.cues.some((cue) => cue.kind === 'author-judgement') ?? false;
  const kindNote = model.kind === 'reference' ? t('cardConfidenceReference') : model.kind === 'co-occurrence' ? t('cardConfidenceCooccurrence') : '';
  return (
    <div class={framing ? 'card framed' : 'card'} role="dialog" aria-modal="false" aria-labelledby="cn-title" tabIndex={-1} lang={model.locale}>
      <header>
        <h2 id="cn-title">{model.title}</h2>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="summary">{model.summary}</p>

      {framing && <FramingFlag framing={framing} t={t} />}

      <FactList facts={restFacts} titleId="cn-facts-title" listClass="facts" model={model} t={t} />

      {quote && (
        <section aria-labelledby="cn-quote-title">
          <h3 id="cn-quote-title">{t('cardQuote')}</h3>
          <figure class="quote">
            <blockquote>
              <Words words={quote.words} class="words" />
              {quote.translation && <Words words={quote.translation} class="translation" />}
            </blockquote>
            <figcaption>
              <SourceMark ids={quote.sources} model={model} t={t} />— {quote.speaker}, {quote.role}, {formatReaderDate(quote.date, model.locale)}
            </figcaption>
          </figure>
        </section>
      )}

      <footer>
        <details class="more">
        <summary>{model.claims.length > 0 ? t('cardMoreClaims', [model.claims.length.toLocaleString(model.locale)]) : t('cardMore')}</summary>
        {kindNote && <p class="kind-note">{kindNote}</p>}
        {laterFacts.length > 0 && <FactList facts={laterFacts} titleId="cn-later-facts-title" listClass="facts later-facts" model={model} t={t} />}
        {model.claims.length > 0 && (
          <section aria-labelledby="cn-claims-title">
            <h3 id="cn-claims-title">{t('cardClaims')}</h3>
            <ul class="claims">
              {model.claims.map((claim) => (
                <li key={claim.id}>
                  <span class="claim-text">“{claim.claimReviewed}”</span>
                  <span class={`verdict verdict-${claim.verdict}`}>{claim.verdictLabel}</span>
                  <span class="explanation">{claim.explanation}</span>
                  <SourceMark ids={claim.sources} model={model} t={t} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {moreCues.length > 0 && (
          <section aria-labelledby="cn-cues-title">
            <h3 id="cn-cues-title">{t('cardOtherFlags')}</h3>
            <ul class="cues">
              {moreCues.map((cue, i) => (
                <CueLine key={i} cue={cue} t={t} />
              ))}
            </ul>
          </section>
        )}
        {judgement && first?.kind !== 'author-judgement' && <p class="why">{t('cardJudgementWhy')}</p>}
        {quote && (quote.context || quote.venue || quote.translationNote) && (
          <p class="quote-context">
            {[quote.context, quote.venue && `(${quote.venue})`, quote.translationNote && `${quote.translationNote}.`].filter(Boolean).join(' ')}
          </p>
        )}
        <p class="dataset">{t('cardDataset', [model.dataset.version, formatReaderDate(model.dataset.updated, model.locale)])}</p>
        </details>
        {/* On the "More" line, so that they cost the card no height at rest. */}
        <span class="actions">
          {story && (
            // A real link (its address shows, and it reads as one), opened by the extension: a web page cannot
            // open an extension page itself, so every click, middle click included, goes through story.open.
            <a
              class="story"
              href={story.href}
              onClick={(event) => {
                event.preventDefault();
                story.open();
              }}
              onAuxClick={(event) => {
                if (event.button !== 1) return;
                event.preventDefault();
                story.open();
              }}
            >
              {t('cardWholeStory')}
            </a>
          )}
          <button type="button" class="link" onClick={onTurnOffSite}>
            {t('cardTurnOffSite')}
          </button>
          <button type="button" class="link" onClick={onReport}>
            {t('cardReport')}
          </button>
        </span>
        {reportStatus === 'copied' && (
          <p class="report-status" role="status">
            {t('cardReportCopied')}
          </p>
        )}
        {typeof reportStatus === 'object' && (
          <div class="report-status" role="status">
            <p>{t('cardReportFailed')}</p>
            <textarea readOnly rows={4} value={reportStatus.failed} onFocus={(event) => event.currentTarget.select()} />
          </div>
        )}
      </footer>
    </div>
  );
}
