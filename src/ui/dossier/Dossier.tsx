/**
 * The dossier: everything the pack holds on the treaty, on one page of the extension, each item with its
 * sources. Reading it sends nothing anywhere: it is built from the bundled pack, and its only links out are
 * the sources' own pages, opened by the reader.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { anchorId } from '../../core/dossier-links';
import type { Claim, Fact, Quote, Source, SourceKind, TimelineEvent, TopicPack } from '../../core/pack-schema';
import { formatReaderDate } from '../Popup';
import { buildDossier, foldForSearch, matchesWords, queryWords, searchText, type DossierModel } from './model';
import { sideLabel } from './sides';

type Translate = (key: string, substitutions?: string[]) => string;

export interface DossierProps {
  pack: TopicPack;
  t: Translate;
  /** Today's date (YYYY-MM-DD), for the timeline's marker. */
  today: string;
  /** The reader's locale for dates and language names; the browser's default when absent. */
  locale?: string;
  /** The pack's content hash, so a report can name the exact data. */
  hash: string;
}

/**
 * What ends a deep-linked item's mark: the reader's first act on the page. Not a timer — a tab opened in the
 * background, or read a moment later, would lose the mark before anyone saw where the link led.
 */
const UNMARK_ON = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

const kindLabel: Record<SourceKind, string> = {
  primary: 'dossierKindPrimary',
  wire: 'dossierKindWire',
  news: 'dossierKindNews',
  analysis: 'dossierKindAnalysis',
  reference: 'dossierKindReference',
  aggregator: 'dossierKindAggregator',
};

interface Context {
  t: Translate;
  date: (iso: string) => string;
  language: (code: string) => string;
  sources: ReadonlyMap<string, Source>;
  /** Whether an item (by anchor id) passes the filter. */
  shown: (anchor: string) => boolean;
  marked: string | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** One line of source links, publisher and date, as in the card. */
function SourceLine({ ids, cx }: { ids: readonly string[]; cx: Context }) {
  const found = ids.map((id) => cx.sources.get(id)).filter((source): source is Source => source !== undefined);
  if (found.length === 0) return null;
  return (
    <p class="item-sources">
      <span class="visually-hidden">{cx.t(found.length > 1 ? 'dossierSourcesOf' : 'dossierSourceOf')} </span>
      {found.map((source, i) => (
        <>
          {i > 0 && ', '}
          <a key={source.id} href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
            {source.publisher}, {cx.date(source.date)}
          </a>
        </>
      ))}
    </p>
  );
}

/** An item the page can link to: focusable (so a deep link can move focus there), marked while linked. */
function Item({ anchor, cx, class: className = '', children }: { anchor: string; cx: Context; class?: string; children: ComponentChildren }) {
  const marked = cx.marked === anchor;
  // Filtered out items stay in the page, hidden: clearing the filter then only shows them again, rather than
  // building some 250 items anew.
  return (
    <li id={anchor} tabIndex={-1} hidden={!cx.shown(anchor)} class={`item ${className}${marked ? ' marked' : ''}`} data-marked={marked ? '' : undefined}>
      {children}
    </li>
  );
}

function FactItem({ fact, cx, anchored = true }: { fact: Fact; cx: Context; anchored?: boolean }) {
  const body = (
    <>
      <p>
        {fact.date && <time dateTime={fact.date}>{cx.date(fact.date)}: </time>}
        {fact.text}
        {fact.disputed && <span class="disputed"> ({cx.t('dossierDisputed')})</span>}
      </p>
      <SourceLine ids={fact.sources} cx={cx} />
    </>
  );
  // The same fact may show twice (an article in brief and under its number): the anchor is on the first.
  return anchored ? (
    <Item anchor={anchorId('fact', fact.id)} cx={cx}>
      {body}
    </Item>
  ) : (
    <li class="item" hidden={!cx.shown(anchorId('fact', fact.id))}>
      {body}
    </li>
  );
}

function Nothing({ cx }: { cx: Context }) {
  return <p class="muted nothing">{cx.t('dossierNoMatch')}</p>;
}

function FactList({ facts, cx, anchored = () => true }: { facts: readonly Fact[]; cx: Context; anchored?: (fact: Fact) => boolean }) {
  return (
    <ul class="items" hidden={!facts.some((fact) => cx.shown(anchorId('fact', fact.id)))}>
      {facts.map((fact) => (
        <FactItem key={fact.id} fact={fact} cx={cx} anchored={anchored(fact)} />
      ))}
    </ul>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: string; children: ComponentChildren }) {
  return (
    <section id={id} class="dossier-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title} <span class="count">{count}</span>
      </h2>
      {children}
    </section>
  );
}

function EventItem({ event, cx }: { event: TimelineEvent; cx: Context }) {
  return (
    <Item anchor={anchorId('event', event.id)} cx={cx}>
      <p>
        <time dateTime={event.date}>{cx.date(event.date)}</time> {event.event}
      </p>
      <SourceLine ids={event.sources} cx={cx} />
    </Item>
  );
}

function QuoteItem({ quote, cx }: { quote: Quote; cx: Context }) {
  const spoken = cx.language(quote.language);
  return (
    <Item anchor={anchorId('quote', quote.id)} cx={cx} class="quote">
      <figure>
        <blockquote lang={quote.translation ? 'en' : quote.language}>
          <p>{quote.text}</p>
        </blockquote>
        {quote.original && (
          <blockquote class="original" lang={quote.language}>
            <p>
              <span class="label">{cx.t('dossierOriginal', [spoken])} </span>
              {quote.original}
            </p>
          </blockquote>
        )}
        <figcaption>
          <span class="speaker">{quote.speaker}</span>, {quote.role}
          <br />
          <time dateTime={quote.date}>{cx.date(quote.date)}</time>
          {quote.venue ? `, ${quote.venue}` : ''}
          <br />
          <span class="spoken">{cx.t('dossierSpokenIn', [spoken])}</span>
          {quote.translation && <span class="translation"> · {cx.t('dossierTranslation', [quote.translation])}</span>}
          {quote.context && (
            <>
              <br />
              <span class="context">{cx.t('dossierQuoteContext', [quote.context])}</span>
            </>
          )}
        </figcaption>
      </figure>
      <SourceLine ids={quote.sources} cx={cx} />
    </Item>
  );
}

function ClaimItem({ claim, cx }: { claim: Claim; cx: Context }) {
  return (
    <Item anchor={anchorId('claim', claim.id)} cx={cx} class="claim">
      <p class="claim-text">“{claim.claimReviewed}”</p>
      <p>
        {/* The verdict in words, not only in colour. */}
        <span class={`verdict verdict-${claim.verdict}`}>
          <span class="visually-hidden">{cx.t('dossierVerdict')}: </span>
          {claim.verdictLabel}
        </span>
      </p>
      <p>{claim.explanation}</p>
      <SourceLine ids={claim.sources} cx={cx} />
    </Item>
  );
}

function SourceItem({ source, cx }: { source: Source; cx: Context }) {
  return (
    <Item anchor={anchorId('source', source.id)} cx={cx} class="source">
      <p>
        <a href={source.url} target="_blank" rel="noopener noreferrer" class="source-title">
          {source.title}
        </a>
      </p>
      <p class="muted">
        {source.publisher}, <time dateTime={source.date}>{cx.date(source.date)}</time>
        {source.dateBasis === 'event' && ` (${cx.t('dossierDateOfEvent')})`}
        {source.language && ` · ${cx.language(source.language)}`}
        {source.readAt && (
          <>
            {' · '}
            {cx.t('dossierReadAt')}{' '}
            <a href={source.readAt.url} target="_blank" rel="noopener noreferrer">
              {hostOf(source.readAt.url)}
            </a>
            {source.readAt.date && `, ${cx.date(source.readAt.date)}`}
          </>
        )}
      </p>
    </Item>
  );
}

/** Every item's anchor and its folded text, for the filter. */
function searchIndex(model: DossierModel, pack: TopicPack, cx: Pick<Context, 't' | 'date' | 'language'>): Map<string, string> {
  const index = new Map<string, string>();
  const sources = model.sourceById;
  const add = (anchor: string, parts: string[]) => index.set(anchor, foldForSearch(parts.join('\n')));
  // Dates also as the page writes them ("Jun 19, 2024"), so what the reader sees can be typed.
  for (const fact of pack.facts) add(anchorId('fact', fact.id), [...searchText.fact(fact, sources), fact.date ? cx.date(fact.date) : '']);
  for (const event of pack.timeline) add(anchorId('event', event.id), [...searchText.event(event, sources), cx.date(event.date)]);
  for (const group of model.sides) {
    for (const quote of group.quotes) add(anchorId('quote', quote.id), [...searchText.quote(quote, sources), cx.date(quote.date), cx.t(sideLabel(group.side)), cx.language(quote.language)]);
  }
  for (const claim of pack.claims) add(anchorId('claim', claim.id), searchText.claim(claim, sources));
  for (const source of pack.sources) add(anchorId('source', source.id), [...searchText.source(source), cx.date(source.date), cx.t(kindLabel[source.kind])]);
  return index;
}

export function Dossier({ pack, t, today, locale, hash }: DossierProps) {
  const model = useMemo(() => buildDossier(pack, today), [pack, today]);
  const format = useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' });
    } catch {
      names = undefined;
    }
    return { date: (iso: string) => formatReaderDate(iso, locale), language: (code: string) => names?.of(code) ?? code };
  }, [locale]);
  const index = useMemo(() => searchIndex(model, pack, { t, ...format }), [model, pack, t, format]);

  const [query, setQuery] = useState('');
  const [marked, setMarked] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const words = useMemo(() => queryWords(query), [query]);
  // Matched once per query; every section, group and item then only looks its anchor up.
  const matching = useMemo(() => (words.length === 0 ? null : new Set([...index].filter(([, text]) => matchesWords(text, words)).map(([anchor]) => anchor))), [index, words]);
  const shown = (anchor: string) => matching === null || matching.has(anchor);
  const cx: Context = { t, ...format, sources: model.sourceById, shown, marked };
  const total = index.size;
  const visible = matching === null ? total : matching.size;
  const countOf = (anchors: readonly string[]) => {
    const all = new Set(anchors);
    const match = [...all].filter(shown).length;
    return words.length === 0 ? String(all.size) : t('dossierSectionCount', [String(match), String(all.size)]);
  };

  // Deep links: the fragment names an item (#fact-…, #quote-…); on load and whenever it changes.
  useEffect(() => {
    const follow = () => {
      const target = decodeURIComponent(location.hash.slice(1));
      if (target) setPending(target);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  useEffect(() => {
    if (!pending) return;
    const element = document.getElementById(pending);
    if (!element || element.closest('[hidden]')) {
      // Hidden by the filter: show everything, then try again. Unknown: nothing to do.
      if (words.length > 0 && index.has(pending)) setQuery('');
      else setPending(null);
      return;
    }
    setPending(null);
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
    setMarked(pending);
  }, [pending, matching]);
  useEffect(() => {
    if (!marked) return;
    const unmark = () => setMarked(null);
    for (const type of UNMARK_ON) window.addEventListener(type, unmark, { capture: true, passive: true, once: true });
    return () => {
      for (const type of UNMARK_ON) window.removeEventListener(type, unmark, { capture: true });
    };
  }, [marked]);

  const sections = [
    { id: 'brief', title: t('dossierBrief') },
    { id: 'timeline', title: t('dossierTimeline') },
    { id: 'treaty', title: t('dossierTreaty') },
    { id: 'quotes', title: t('dossierQuotes') },
    { id: 'claims', title: t('dossierClaims') },
    { id: 'sources', title: t('dossierSources') },
    { id: 'about', title: t('dossierAbout') },
  ];
  const briefIds = new Set(model.brief.map((fact) => fact.id));
  const factAnchors = (facts: readonly Fact[]) => facts.map((fact) => anchorId('fact', fact.id));
  const events = model.timeline.flatMap((year) => year.entries.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : [])));
  const quotes = model.sides.flatMap((group) => group.quotes);

  return (
    <div class="dossier">
      <header class="dossier-header">
        <p class="brand">
          <img src="icons/icon-32.png" alt="" width={20} height={20} /> {t('extName')}
        </p>
        <h1>{pack.shortTitle}</h1>
        <p class="full-title">{pack.title}</p>
        <p class="muted">{t('dossierPrivate')}</p>
        <form
          role="search"
          class="filter"
          onSubmit={(event) => event.preventDefault()}
        >
          <label for="dossier-filter">{t('dossierFilterLabel')}</label>
          <div class="filter-row">
            <input
              id="dossier-filter"
              type="search"
              value={query}
              placeholder={t('dossierFilterPlaceholder')}
              autoComplete="off"
              spellcheck={false}
              aria-describedby="dossier-filter-status"
              onInput={(event) => setQuery(event.currentTarget.value)}
            />
          </div>
          <p id="dossier-filter-status" class="muted" role="status" data-testid="filter-status">
            {words.length === 0 ? t('dossierFilterAll', [String(total)]) : t('dossierFilterCount', [String(visible), String(total)])}
          </p>
        </form>
      </header>

      <nav class="toc" aria-label={t('dossierContents')}>
        <ol>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}-title`}>{section.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <main class="dossier-main">
        <Section id="brief" title={t('dossierBrief')} count={countOf([...factAnchors(model.brief), ...factAnchors(model.otherFacts)])}>
          <p class="summary" hidden={words.length > 0}>
            {model.summary}
          </p>
          <FactList facts={model.brief} cx={cx} />
          <h3 hidden={!model.otherFacts.some((fact) => shown(anchorId('fact', fact.id)))}>{t('dossierMoreFacts')}</h3>
          <FactList facts={model.otherFacts} cx={cx} />
          {![...model.brief, ...model.otherFacts].some((fact) => shown(anchorId('fact', fact.id))) && <Nothing cx={cx} />}
        </Section>

        <Section id="timeline" title={t('dossierTimeline')} count={countOf(events.map((event) => anchorId('event', event.id)))}>
          {model.timeline.map((year) => {
            const any = year.entries.some((entry) => (entry.kind === 'today' ? words.length === 0 : shown(anchorId('event', entry.event.id))));
            return (
              <div key={year.year} class="year" hidden={!any}>
                <h3>{year.year}</h3>
                <ol class="items timeline">
                  {year.entries.map((entry) =>
                    entry.kind === 'event' ? (
                      <EventItem key={entry.event.id} event={entry.event} cx={cx} />
                    ) : (
                      <li key="today" id="today" class="item today" data-testid="today" hidden={words.length > 0}>
                        <p>
                          <time dateTime={entry.date}>{cx.date(entry.date)}</time> <strong>{t('dossierToday')}</strong>.{' '}
                          {t('dossierTodayNote', [cx.date(pack.updated)])}
                        </p>
                      </li>
                    ),
                  )}
                </ol>
              </div>
            );
          })}
          {!events.some((event) => shown(anchorId('event', event.id))) && <Nothing cx={cx} />}
        </Section>

        <Section id="treaty" title={t('dossierTreaty')} count={countOf(model.articles.flatMap((group) => factAnchors(group.facts)))}>
          {model.articles.map((group) => {
            return (
              <div key={group.article} class="article" hidden={!group.facts.some((fact) => shown(anchorId('fact', fact.id)))}>
                <h3 id={`article-${group.article}`}>{t('dossierArticle', [String(group.article)])}</h3>
                <FactList facts={group.facts} cx={cx} anchored={(fact) => !briefIds.has(fact.id)} />
              </div>
            );
          })}
          {!model.articles.some((group) => group.facts.some((fact) => shown(anchorId('fact', fact.id)))) && <Nothing cx={cx} />}
        </Section>

        <Section id="quotes" title={t('dossierQuotes')} count={countOf(quotes.map((quote) => anchorId('quote', quote.id)))}>
          {model.sides.map((group) => {
            return (
              <div key={group.side} class="side" hidden={!group.quotes.some((quote) => shown(anchorId('quote', quote.id)))}>
                <h3>{t(sideLabel(group.side))}</h3>
                <ul class="items">
                  {group.quotes.map((quote) => (
                    <QuoteItem key={quote.id} quote={quote} cx={cx} />
                  ))}
                </ul>
              </div>
            );
          })}
          {!quotes.some((quote) => shown(anchorId('quote', quote.id))) && <Nothing cx={cx} />}
        </Section>

        <Section id="claims" title={t('dossierClaims')} count={countOf(model.claims.map((claim) => anchorId('claim', claim.id)))}>
          <ul class="items">
            {model.claims.map((claim) => (
              <ClaimItem key={claim.id} claim={claim} cx={cx} />
            ))}
          </ul>
          {!model.claims.some((claim) => shown(anchorId('claim', claim.id))) && <Nothing cx={cx} />}
        </Section>

        <Section id="sources" title={t('dossierSources')} count={countOf(pack.sources.map((source) => anchorId('source', source.id)))}>
          {model.sources.map((group) => {
            return (
              <div key={group.kind} class="kind" hidden={!group.sources.some((source) => shown(anchorId('source', source.id)))}>
                <h3>{t(kindLabel[group.kind])}</h3>
                <ul class="items sources-list">
                  {group.sources.map((source) => (
                    <SourceItem key={source.id} source={source} cx={cx} />
                  ))}
                </ul>
              </div>
            );
          })}
          {!pack.sources.some((source) => shown(anchorId('source', source.id))) && <Nothing cx={cx} />}
        </Section>

        <section id="about" class="dossier-section" aria-labelledby="about-title">
          <h2 id="about-title" tabIndex={-1}>
            {t('dossierAbout')}
          </h2>
          <p data-testid="dataset">{t('dossierDataset', [pack.version, cx.date(pack.updated)])}</p>
          <p class="muted">{t('dossierHash', [hash])}</p>
          <h3>{t('dossierReportTitle')}</h3>
          <p>{t('dossierReportHow')}</p>
        </section>
      </main>

      <footer class="dossier-footer muted">
        <p>{t('dossierFooter')}</p>
      </footer>
    </div>
  );
}
