/**
 * The hover card: a non-modal dialog (it holds links), rendered by the card module inside a closed
 * shadow root. All text comes from the bundled pack; the passage's own words appear only in the framing flag.
 */
import type { FramingCue, FramingResult } from '../core/framing';
import type { Claim, Fact, Quote, Source } from '../core/pack-schema';
import type { MentionKind } from '../core/matcher';

export interface ClaimCheck {
  claim: Claim;
  /** The sentence of the page that makes the claim. */
  sentence: string;
}

export interface CardModel {
  title: string;
  summary: string;
  kind: MentionKind;
  framing: FramingResult | null;
  claims: ClaimCheck[];
  facts: Fact[];
  quote: Quote | undefined;
  sources: ReadonlyMap<string, Source>;
  dataset: { version: string; updated: string };
}

export interface CardProps {
  model: CardModel;
  t: (key: string, substitutions?: string[]) => string;
  onClose: () => void;
  onTurnOffSite: () => void;
  onReport: () => void;
  reportStatus: 'idle' | 'copied' | { failed: string };
  /** The dossier page at the item this card is about, and how to open it (a page may not navigate there itself). */
  story?: { href: string; open: () => void };
}

const cueLabelKeys: Record<FramingCue['kind'], string> = {
  'loaded-term': 'cueLoadedTerm',
  'rhetorical-question': 'cueRhetoricalQuestion',
  prescriptive: 'cuePrescriptive',
  speculation: 'cueSpeculation',
  generalisation: 'cueGeneralisation',
  intensifier: 'cueIntensifier',
  sarcasm: 'cueSarcasm',
  'second-person': 'cueSecondPerson',
  'page-opinion': 'cuePageOpinion',
  'author-judgement': 'cueAuthorJudgement',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Jun 19, 2024", in English like the rest of the card's text. Not Intl: creating the first date formatter in a
 * page cost ~50 ms in Chromium, on the first card of every page.
 */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  const day = match ? Number(match[3]) : 0;
  if (!match || !month || day < 1 || day > 31) return iso;
  return `${month} ${day}, ${match[1]}`;
}

function SourceLinks({ ids, sources, t }: { ids: readonly string[]; sources: ReadonlyMap<string, Source>; t: CardProps['t'] }) {
  const found = ids.map((id) => sources.get(id)).filter((source): source is Source => source !== undefined);
  if (found.length === 0) return null;
  return (
    <span class="sources">
      <span class="visually-hidden">{found.length > 1 ? t('cardSources') : t('cardSource')}: </span>
      {found.map((source, i) => (
        <>
          {i > 0 && ', '}
          <a key={source.id} href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
            {source.publisher}, {formatDate(source.date)}
          </a>
        </>
      ))}
    </span>
  );
}

function FramingFlag({ framing, t }: { framing: FramingResult; t: CardProps['t'] }) {
  const own = framing.cues.filter((cue) => !cue.quoted);
  const quoted = framing.cues.filter((cue) => cue.quoted);
  if (framing.level === 'none' && quoted.length === 0) return null;
  const cues = [...own, ...quoted];
  // Several sentences may be flagged by the model alone: where that comes from is said once.
  const firstJudgement = cues.findIndex((cue) => cue.kind === 'author-judgement');
  return (
    <section class={`framing framing-${framing.level}`} aria-labelledby="cn-framing-title">
      <h3 id="cn-framing-title">
        {framing.level === 'strong' ? t('cardFramingStrong') : framing.level === 'some' ? t('cardFramingSome') : t('cardFramingQuoted')}
      </h3>
      <ul>
        {cues.map((cue, i) =>
          cue.kind === 'author-judgement' ? (
            // The model's flag: no rule explains it, so the card names the words that weighed most instead of
            // marking the whole sentence, and says plainly where the judgement comes from.
            <li key={i} class="judgement">
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
              {i === firstJudgement && <span class="why">{t('cardJudgementWhy')}</span>}
            </li>
          ) : (
            <li key={i}>
              <span class="cue-kind">{t(cueLabelKeys[cue.kind])}</span>
              {cue.kind !== 'page-opinion' && <mark>{cue.text}</mark>}
              {cue.quoted && <span class="quoted"> ({cue.speaker ? `${cue.speaker}, ` : ''}{t('cardQuotedBy')})</span>}
              <span class="why">{cue.explanation}</span>
              {cue.neutral && <span class="neutral">{t('cardNeutralAlternative', [cue.neutral])}</span>}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

export function Card({ model, t, onClose, onTurnOffSite, onReport, reportStatus, story }: CardProps) {
  const { quote } = model;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="cn-title" tabIndex={-1}>
      <header>
        <div>
          <h2 id="cn-title">{model.title}</h2>
          <p class="kicker">{t('cardReadersContext')}</p>
        </div>
        <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="summary">{model.summary}</p>
      {model.kind !== 'name' && <p class="confidence">{model.kind === 'reference' ? t('cardConfidenceReference') : t('cardConfidenceCooccurrence')}</p>}

      {model.framing && <FramingFlag framing={model.framing} t={t} />}

      {model.claims.length > 0 && (
        <section aria-labelledby="cn-claims-title">
          <h3 id="cn-claims-title">{t('cardClaims')}</h3>
          <ul class="claims">
            {model.claims.map(({ claim }) => (
              <li key={claim.id}>
                <span class="claim-text">“{claim.claimReviewed}”</span>
                <span class={`verdict verdict-${claim.verdict}`}>{claim.verdictLabel}</span>
                <span class="explanation">{claim.explanation}</span>
                <SourceLinks ids={claim.sources} sources={model.sources} t={t} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="cn-facts-title">
        <h3 id="cn-facts-title">{t('cardFacts')}</h3>
        <ul class="facts">
          {model.facts.map((fact) => (
            <li key={fact.id}>
              {fact.text}
              {fact.disputed && <span class="disputed"> ({t('cardDisputed')})</span>} <SourceLinks ids={fact.sources} sources={model.sources} t={t} />
            </li>
          ))}
        </ul>
      </section>

      {quote && (
        <section aria-labelledby="cn-quote-title">
          <h3 id="cn-quote-title">{t('cardQuote')}</h3>
          <figure class="quote">
            <blockquote lang={quote.translation ? 'en' : quote.language}>{quote.text}</blockquote>
            <figcaption>
              — {quote.speaker}, {quote.role}, {formatDate(quote.date)}
              {quote.venue ? `, ${quote.venue}` : ''}
              {quote.translation && <span class="translation">{t('cardTranslation', [quote.translation])}</span>}
              <SourceLinks ids={quote.sources} sources={model.sources} t={t} />
            </figcaption>
          </figure>
        </section>
      )}

      <footer>
        <span class="dataset">{t('cardDataset', [model.dataset.version, formatDate(model.dataset.updated)])}</span>
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
