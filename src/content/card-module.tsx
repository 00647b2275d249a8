/**
 * Everything a page needs only once it has a mention: the pack's facts and quotes, the framing and claim
 * analysers, the card UI and its positioning. Built as card.js and loaded with import() by the content
 * script, so pages without a mention never pay for it.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import cardCss from '../../assets/card.css';
import { compileClaims } from '../core/claims';
import { storyTarget } from '../core/dossier-links';
import { compileFraming, shippedFramingModel, type FramingResult, type PageSignals } from '../core/framing';
import type { MentionKind } from '../core/matcher';
import { localeOf, type Translate, type UiLanguage } from '../core/i18n';
import { localClaim, localFact, localFraming, localQuote, localTitle, type LocalQuoteWords } from '../core/localize-notes';
import type { FramingTerm, Source } from '../core/pack-schema';
import { selectNotes } from '../core/select-notes';
import { pack } from '../dataset/index';
import { packMeta } from '../dataset/meta';
import { translatorFor } from '../ui/catalogs';
import { Card, cueLabelKeys, type CardModel, type QuoteWords } from '../ui/Card';
import { factsThatFit } from '../ui/fit-at-rest';
import { readPageSignals } from './page-signals';
import { applySheet, isSheetViewport, watchSheetClose } from './sheet';

export const HOST_TAG = 'context-notes-card';

export interface Passage {
  /** Text of the block (paragraph) holding the mention, and the mention's offsets in it. */
  blockText: string;
  start: number;
  end: number;
  kind: MentionKind;
  mentionText: string;
}

export interface CardAnchor {
  range: Range;
  point?: { x: number; y: number };
  passage: Passage;
  framing: FramingResult | null;
}

export interface CardEnvironment {
  doc: Document;
  /** The reader's language now (settings may change it while the page is open). */
  language: () => UiLanguage;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onClosed: () => void;
  turnOffSite: () => void;
  /** The dossier page's address for a target ("fact-signing"), and opening it in a tab beside this one. */
  storyUrl: (target: string) => string;
  openStory: (target: string) => void;
}

const framing = compileFraming(pack.framing);
const claims = compileClaims(pack.claims);
const sources: ReadonlyMap<string, Source> = new Map(pack.sources.map((source) => [source.id, source]));
const terms: ReadonlyMap<string, FramingTerm> = new Map(pack.framing.map((term) => [term.id, term]));
const translators = new Map<UiLanguage, Translate>();
function translate(language: UiLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    t = translatorFor(language);
    translators.set(language, t);
  }
  return t;
}
const reasonKeys: Record<keyof typeof cueLabelKeys, string> = {
  'loaded-term': 'cueWhyLoadedTerm',
  'rhetorical-question': 'cueWhyRhetoricalQuestion',
  prescriptive: 'cueWhyPrescriptive',
  speculation: 'cueWhySpeculation',
  generalisation: 'cueWhyGeneralisation',
  intensifier: 'cueWhyIntensifier',
  sarcasm: 'cueWhySarcasm',
  'second-person': 'cueWhySecondPerson',
  verdict: 'cueWhyVerdict',
  stance: 'cueWhyStance',
  'page-opinion': 'cueWhyPageOpinion',
  'author-judgement': 'cardJudgementWhy',
};

export function pageSignals(doc: Document): PageSignals {
  return readPageSignals(doc);
}

/** Loads the learned framing model (decoding its weights): in a task of its own, before the first analysis. */
export function prepareFraming(): void {
  shippedFramingModel();
}

export function analyzePassage(passage: Passage, page: PageSignals): FramingResult {
  return framing.analyzePassage(passage.blockText, { start: passage.start, end: passage.end }, page);
}

/** The page's own opinion signals, in the reader's words, for the popup. */
export function describePageSignals(page: PageSignals, language: UiLanguage): string[] {
  const t = translate(language);
  return framing.pageLevel(page).map((cue) => {
    switch (cue.signal) {
      case 'opinion-type':
        return t('signalOpinionType');
      case 'opinion-section':
        return t('signalOpinionSection', [cue.text]);
      case 'opinion-path':
        return t('signalOpinionPath');
      case 'question-headline':
        return t('signalQuestionHeadline');
      default:
        return t(reasonKeys[cue.kind]);
    }
  });
}

/** A hover card has room for one line of summary; the rest of the pack's paragraph is in the facts. */
function firstSentence(text: string): string {
  const match = /^.+?[.!?](?=\s|$)/su.exec(text);
  return match ? match[0] : text;
}

// Card contents for a passage depend only on the passage: computed once (when the card is rendered ahead, while
// the pointer rests on the mention) and reused when it opens or is drawn again.
const models = new Map<string, Omit<CardModel, 'framing'>>();

function buildModel(anchor: CardAnchor, language: UiLanguage): CardModel {
  const { passage } = anchor;
  const key = `${language}:${passage.start}:${passage.end}:${passage.blockText}`;
  let model = models.get(key);
  if (!model) {
    if (models.size > 200) models.clear();
    model = passageModel(passage, language);
    models.set(key, model);
  }
  const t = translate(language);
  return { ...model, framing: localFraming(anchor.framing, language, terms, (kind) => t(reasonKeys[kind])) };
}

/** The card shows 3 facts at rest: the ones the passage points at first (selectNotes ranks them). */
const CARD_FACTS = 3;

function passageModel(passage: Passage, language: UiLanguage): Omit<CardModel, 'framing'> {
  const t = translate(language);
  const found = claims.matchInBlock(passage.blockText, { start: passage.start, end: passage.end }).map((match) => localClaim(match.claim, language));
  const notes = selectNotes(pack, passage.blockText, { minFacts: CARD_FACTS, maxFacts: CARD_FACTS });
  const title = localTitle(pack, language);
  const quote = notes.quote && localQuote(notes.quote, language, sources);
  const words = (w: LocalQuoteWords): QuoteWords => ({
    text: w.text,
    lang: w.lang,
    translatedBy: w.origin.kind === 'original' ? '' : w.origin.kind === 'published' ? t('cardTranslation', [w.origin.note]) : w.origin.from ? t('cardOurTranslationFrom', [w.origin.from]) : t('cardOurTranslation'),
  });
  return {
    locale: localeOf[language],
    title: title.shortTitle,
    summary: firstSentence(title.summary),
    kind: passage.kind,
    claims: found.map((claim) => ({ id: claim.id, claimReviewed: claim.claimReviewed, verdict: claim.verdict, verdictLabel: claim.verdictLabel, explanation: claim.explanation, sources: claim.sources })),
    facts: notes.facts.map((fact) => localFact(fact, language)).map((fact) => ({ id: fact.id, text: fact.text, disputed: fact.disputed, sources: fact.sources })),
    quote: quote && { ...quote, words: words(quote.words), translation: quote.translation && words(quote.translation) },
    sources,
    dataset: { version: packMeta.version, updated: packMeta.updated },
  };
}

/** How long the pointer stays on a mention before the next card is laid out ahead (the open delay is 450 ms). */
const RENDER_AHEAD_AFTER_MS = 150;

export function createCard(env: CardEnvironment) {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let current: CardAnchor | null = null;
  let stopAutoUpdate: (() => void) | null = null;
  let stopSheetClose: (() => void) | null = null;
  let returnFocus: HTMLElement | null = null;
  let reportStatus: 'idle' | 'copied' | { failed: string } = 'idle';

  /** The shown card's container, in the shadow root. */
  let mount: HTMLElement | null = null;

  function ensureHost(): ShadowRoot {
    if (!host || !shadow) {
      host = env.doc.createElement(HOST_TAG);
      shadow = host.attachShadow({ mode: 'closed' });
      const style = env.doc.createElement('style');
      style.textContent = cardCss;
      mount = env.doc.createElement('div');
      shadow.append(style, mount);
      host.addEventListener('pointerenter', env.onPointerEnter);
      host.addEventListener('pointerleave', env.onPointerLeave);
      host.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      });
    }
    // The page may have removed our element: put it back rather than fail.
    if (!host.isConnected) env.doc.documentElement.append(host);
    return shadow;
  }

  function mountPoint(): HTMLElement {
    ensureHost();
    return mount!;
  }

  /**
   * Where the next card is rendered ahead of time, while the pointer rests on a mention. Until the pointer has
   * rested on a mention for a moment the page holds nothing of ours, so it is first a container out of the
   * page; then a hidden container in the shadow root, where the card is also laid out and placed ahead.
   */
  let spare: HTMLElement | null = null;

  /** What `spare` holds, and where it was placed (with the mention's box then, to tell whether it moved). */
  let rendered: { range: Range; framing: FramingResult | null; placedAt: DOMRect | null } | null = null;
  /** Facts shown at rest by the card being drawn: all, unless the room by its mention is too short (see fitAtRest). */
  let factsAtRest = Number.POSITIVE_INFINITY;

  function draw(into?: HTMLElement): void {
    if (!current) return;
    const language = env.language();
    const model = buildModel(current, language);
    const target = storyTarget(model);
    if (into) rendered = { range: current.range, framing: current.framing, placedAt: null };
    render(
      <Card
        model={model}
        t={translate(language)}
        onClose={close}
        onTurnOffSite={env.turnOffSite}
        onReport={() => void copyReport()}
        reportStatus={reportStatus}
        story={{ href: env.storyUrl(target), open: () => env.openStory(target) }}
        factsAtRest={factsAtRest}
      />,
      into ?? mountPoint(),
    );
  }

  let aheadTimer: ReturnType<typeof setTimeout> | undefined;

  /** While the pointer rests on a mention (before the hover delay ends): the card made ready to show. */
  function prerender(anchor: CardAnchor): void {
    clearTimeout(aheadTimer);
    if (current) return;
    // Before our element is in the page, the card is rendered out of it at once (no layout).
    if (!host?.isConnected || !shadow) renderAhead(anchor);
    // In the page, rendering means layout too (~20 ms; the first time, with the card's fonts, 30–60 ms): only
    // once the pointer has stayed a little, so that sweeping across a paragraph of mentions costs nothing and
    // leaves nothing in the page. The first card too is laid out then, our element added for it, so that
    // opening any card after the delay only shows it.
    aheadTimer = setTimeout(() => {
      if (current) return;
      ensureHost();
      renderAhead(anchor);
    }, RENDER_AHEAD_AFTER_MS);
  }

  /** The pointer left before the card opened: no layout ahead for it. */
  function cancelAhead(): void {
    clearTimeout(aheadTimer);
  }

  function renderAhead(anchor: CardAnchor): void {
    spare ??= env.doc.createElement('div');
    if (host?.isConnected && shadow && spare.parentNode !== shadow) {
      spare.setAttribute('data-ahead', '');
      shadow.append(spare);
    }
    current = anchor;
    reportStatus = 'idle';
    factsAtRest = Number.POSITIVE_INFINITY;
    draw(spare);
    current = null;
    const card = spare.querySelector<HTMLElement>('.card');
    if (card && spare.parentNode === shadow) {
      const ahead = rendered;
      const into = spare;
      const redraw = () => {
        const was = current;
        current = anchor;
        draw(into);
        current = was;
      };
      void place(anchor, card, redraw).then((placed) => {
        if (placed && rendered === ahead && ahead) ahead.placedAt = anchor.range.getBoundingClientRect();
      });
    }
  }

  async function copyReport(): Promise<void> {
    if (!current) return;
    const report = JSON.stringify(
      {
        kind: 'context-notes-report',
        page: env.doc.location?.href ?? '',
        mention: current.passage.mentionText,
        mentionKind: current.passage.kind,
        passage: current.passage.blockText.slice(Math.max(0, current.passage.start - 200), current.passage.end + 200),
        framing: current.framing ? { level: current.framing.level, cues: current.framing.cues.map((cue) => ({ kind: cue.kind, text: cue.text })) } : null,
        dataset: { id: packMeta.id, version: packMeta.version, updated: packMeta.updated, hash: packMeta.hash },
      },
      null,
      2,
    );
    try {
      await navigator.clipboard.writeText(report);
      reportStatus = 'copied';
    } catch {
      // No clipboard on http pages or without a user gesture: show the text to copy by hand.
      reportStatus = { failed: report };
    }
    draw();
  }

  let followTimer: ReturnType<typeof setTimeout> | undefined;
  let followFrame = 0;

  function stopFollowing(): void {
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    clearTimeout(followTimer);
    cancelAnimationFrame(followFrame);
  }

  const referenceOf = (range: Range) => ({
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  });

  /** Places `card` by the anchor's mention (or as the bottom sheet on a narrow screen); false when the mention is out of view. */
  async function place(anchor: CardAnchor, card: HTMLElement, redraw: () => void): Promise<boolean> {
    // The sheet stays while its mention is under it or scrolled away: it is the reader's to close.
    const sheet = isSheetViewport(env.doc);
    applySheet(card, sheet);
    if (sheet) return true;
    const { x, y, middlewareData } = await computePosition(referenceOf(anchor.range), card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(anchor.point),
        offset(8),
        flip({ padding: 8 }),
        // A card taller than the room on its side scrolls inside rather than running off the screen.
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            const cap = Math.min(560, 0.7 * env.doc.documentElement.clientHeight);
            elements.floating.style.maxHeight = `${Math.floor(Math.max(120, Math.min(cap, availableHeight)))}px`;
          },
        }),
        shift({ padding: 8 }),
        hide(),
      ],
    });
    if (middlewareData.hide?.referenceHidden) return false;
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
    fitAtRest(card, redraw);
    return true;
  }

  /**
   * A card taller than the room by its mention would scroll at rest: its last facts move under "More", as few as
   * make it fit, one at least left (the summary, flag and quote stay). Measured once and drawn once; only ever
   * fewer for one card: a card that grows and shrinks as the page scrolls would be harder to read than one that
   * scrolls.
   */
  function fitAtRest(card: HTMLElement, redraw: () => void): void {
    const overflow = card.scrollHeight - card.clientHeight;
    if (overflow <= 1) return;
    const shown = [...card.querySelectorAll('.facts:not(.later-facts) > li')].slice(0, factsAtRest);
    const rest = factsThatFit(
      shown.map((fact) => fact.getBoundingClientRect().bottom),
      overflow,
    );
    if (rest >= shown.length) return;
    factsAtRest = rest;
    redraw();
  }

  /**
   * Places the shown card now (unless it was placed ahead), and keeps it on its mention (scrolling, resizing,
   * layout shifts) from the task after the first frame: setting those observers up cost about a third of the
   * time to the card's first paint.
   */
  function position(placedAhead: boolean): void {
    const card = mount?.querySelector<HTMLElement>('.card');
    const shown = current;
    if (!card || !shown) return;
    const update = () =>
      void place(shown, card, () => draw()).then((inView) => {
        // The mention scrolled out of view: a card pointing at nothing is only in the way.
        if (!inView && current === shown) close();
      });
    stopFollowing();
    if (!placedAhead) update();
    followFrame = requestAnimationFrame(() => {
      followTimer = setTimeout(() => {
        // autoUpdate places it again at once: the same place unless something moved meanwhile.
        if (current === shown) stopAutoUpdate = autoUpdate(referenceOf(shown.range), card, update);
      });
    });
  }

  function show(anchor: CardAnchor, options: { focus: boolean }): void {
    clearTimeout(aheadTimer);
    if (options.focus && !current) {
      const active = env.doc.activeElement;
      returnFocus = active instanceof HTMLElement ? active : null;
    }
    const ahead = !current && spare !== null && rendered !== null && rendered.range === anchor.range && rendered.framing === anchor.framing ? rendered : null;
    current = anchor;
    reportStatus = 'idle';
    let placedAhead = false;
    if (ahead) {
      // The card rendered ahead takes the place of the empty one.
      const empty = mountPoint();
      if (spare!.parentNode === shadow) {
        // Already laid out in the page: only shown. Its place still holds if the mention has not moved.
        const now = anchor.range.getBoundingClientRect();
        placedAhead = ahead.placedAt !== null && ahead.placedAt.x === now.x && ahead.placedAt.y === now.y && ahead.placedAt.width === now.width;
        spare!.removeAttribute('data-ahead');
        empty.setAttribute('data-ahead', '');
      } else {
        empty.replaceWith(spare!);
      }
      mount = spare;
      spare = empty;
      rendered = null;
    } else {
      factsAtRest = Number.POSITIVE_INFINITY;
      draw();
    }
    position(placedAhead);
    const card = mount?.querySelector<HTMLElement>('.card');
    if (options.focus) card?.focus({ preventScroll: true });
    stopSheetClose?.();
    stopSheetClose = card && shadow && isSheetViewport(env.doc) ? watchSheetClose(shadow, card, env.doc.defaultView ?? window, close) : null;
  }

  function close(): void {
    if (!current) return;
    current = null;
    stopFollowing();
    stopSheetClose?.();
    stopSheetClose = null;
    if (shadow) render(null, mountPoint());
    const focusBack = returnFocus;
    returnFocus = null;
    if (focusBack?.isConnected) focusBack.focus({ preventScroll: true });
    env.onClosed();
  }

  return {
    show,
    prerender,
    cancelAhead,
    close,
    get anchor() {
      return current;
    },
    isHost: (node: EventTarget | null) => node !== null && node === host,
    destroy(): void {
      clearTimeout(aheadTimer);
      close();
      if (spare) render(null, spare);
      spare = null;
      rendered = null;
      if (mount) render(null, mount);
      mount = null;
      host?.remove();
      host = null;
      shadow = null;
    },
  };
}

export type CardController = ReturnType<typeof createCard>;
