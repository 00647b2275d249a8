/**
 * One page's notes: reads settings, scans in slices, paints highlights, answers the popup, watches the
 * DOM, and opens the card. Everything it adds to a page is undone by stop(): highlights, listeners,
 * observer, timers and the card's element.
 */
import type { Mention } from '../core/matcher';
import type { MentionSummary, PageReport, ToContent } from '../core/messages';
import { readSettings } from '../core/content-guards';
import { dossierPath } from '../core/dossier-links';
import { pickLanguage, type UiLanguage } from '../core/i18n';
import { activeState, defaultSettings, hostKey, setSite, SETTINGS_KEY, type ActiveState, type Settings } from '../core/settings';
import type { CardController, Passage } from './card-module';
import { contextAlive, ext } from './ext-api';
import { Highlighter } from './highlighter';
import { HoverTracker } from './hover';
import { TapTracker } from './tap';
import { DomWatcher } from './dom-watcher';
import { TextScanner, type FoundMention } from './text-blocks';
import { compileMatcher } from '../core/matcher';
import type { PackNames } from '../core/pack-schema';
// Only the names: esbuild leaves the rest of the pack (facts, quotes…) to card.js.
import { names } from '../dataset/treaty-2024.json';

import { CARD_GLOBAL, loadPart } from './part-loader';
import { yieldToPage } from './yield';
import type * as CardApi from './card-module';

type CardModule = typeof CardApi;
type FramingLevel = MentionSummary['framing'];

export interface LiveMention {
  range: Range;
  mention: Mention;
  blockText: string;
  /** Identity of the block the mention was found in, to drop its mentions when the block changes. */
  blockKey: object;
  framing: import('../core/framing').FramingResult | null;
  rects(): DOMRectList;
}

/** Slices of work stay short so the page never waits on us for a frame. */
const SLICE_MS = 8;

/**
 * How long the first mentions wait, unpainted, for the card's code to judge their framing. Every change to
 * the page's highlights has Chromium prepaint and paint the whole document again (about 0.3 s on a 10 MB
 * page), so mentions painted plain and then moved to the framed highlight cost that twice; waiting paints
 * them once. Past this, they are painted plain and moved when their framing is known.
 */
const HOLD_PAINT_MS = 1000;

/** About 60 characters either side of the mention, cut at word edges. */
function snippet(text: string, start: number, end: number): string {
  let from = Math.max(0, start - 60);
  let to = Math.min(text.length, end + 60);
  while (from > 0 && from > start - 80 && /\S/.test(text[from - 1]!)) from--;
  while (to < text.length && to < end + 80 && /\S/.test(text[to]!)) to++;
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

export class NotesController {
  private settings: Settings = { ...defaultSettings };
  private state: ActiveState = 'off-everywhere';
  private running = false;
  private scanning = false;
  private pendingRoots: Node[] = [];
  private generation = 0;
  private mentions: LiveMention[] = [];
  private byNode = new Map<Node, LiveMention[]>();
  private readonly highlighter: Highlighter;
  private readonly scanner: TextScanner;
  private watcher: DomWatcher | null = null;
  private hover: HoverTracker<LiveMention> | null = null;
  private tap: TapTracker<LiveMention> | null = null;
  private cardModule: Promise<CardModule | null> | null = null;
  private card: CardController | null = null;
  private pageSignals: import('../core/framing').PageSignals = {};
  /** The card module once loaded: it words the page's signals for the popup in the reader's language. */
  private loadedCardModule: CardModule | null = null;
  private reported = 0;
  /** 'holding': mentions wait for their framing before the first paint (HOLD_PAINT_MS); after that, never again. */
  private paintHold: 'none' | 'holding' | 'released' = 'none';
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;
  /** Listeners that live while notes are running on this page. */
  private runListeners: AbortController | null = null;
  private readonly storageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (!this.alive() || area !== 'local' || !changes[SETTINGS_KEY]) return;
    this.settings = readSettings(changes[SETTINGS_KEY].newValue);
    this.apply();
  };
  constructor(
    private readonly doc: Document,
    win: Window & typeof globalThis,
  ) {
    this.highlighter = new Highlighter(win);
    const prefilter = typeof __PREFILTER__ === 'object' ? __PREFILTER__ : undefined;
    const termTable = typeof __TERM_TABLE__ === 'object' ? __TERM_TABLE__ : undefined;
    this.scanner = new TextScanner(doc, compileMatcher(names as PackNames, { prefilter, termTable }));
  }

  /** Settles once the settings are read: questions wait for it, so the first answer has the right state. */
  private started: Promise<void> = Promise.resolve();

  start(): Promise<void> {
    this.started = this.begin();
    return this.started;
  }

  private async begin(): Promise<void> {
    ext.storage.onChanged.addListener(this.storageListener);
    const stored = await ext.storage.local.get(SETTINGS_KEY);
    if (!this.alive()) return;
    // Repairs are written by the background; here a bad value just reads as defaults.
    this.settings = readSettings(stored[SETTINGS_KEY]);
    this.apply();
  }

  /** The popup's and the background's questions, handed over by the page gate (sentinel.ts). */
  async answer(message: ToContent): Promise<unknown> {
    await this.started.catch(() => undefined);
    if (!this.alive()) return undefined;
    if (message.type === 'page:get') return this.report();
    return this.reveal(message.type === 'page:reveal' ? message.index : this.nextIndex());
  }

  /** Stops for good: used when the extension context is gone. */
  destroy(): void {
    this.stop();
    try {
      ext.storage.onChanged.removeListener(this.storageListener);
    } catch {
      // The API objects may be unusable once the context is invalidated; nothing else to release.
    }
  }

  private alive(): boolean {
    if (contextAlive()) return true;
    this.destroy();
    return false;
  }

  private get host(): string {
    return hostKey(this.doc.location?.hostname ?? '');
  }

  private apply(): void {
    this.state = activeState(this.settings, this.host, Date.now());
    clearTimeout(this.pauseTimer);
    if (this.state === 'paused') {
      this.pauseTimer = setTimeout(() => this.apply(), Math.min(this.settings.pausedUntil - Date.now() + 50, 2 ** 31 - 1));
    }
    if (this.state === 'on' && !this.running) void this.run();
    else if (this.state !== 'on' && this.running) this.stop();
    else if (this.running) this.repaint();
  }

  private async run(): Promise<void> {
    this.running = true;
    const generation = ++this.generation;
    this.runListeners = new AbortController();
    this.doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.card?.anchor) this.card.close();
      },
      { capture: true, signal: this.runListeners.signal },
    );
    this.watcher = new DomWatcher(this.doc, {
      ignore: (node) => this.card?.isHost(node) ?? false,
      changed: (roots) => this.rescan(roots),
      navigated: () => void this.rescanAll(),
    });
    await this.scanAll(generation);
  }

  private async rescanAll(): Promise<void> {
    const generation = ++this.generation;
    this.card?.close();
    this.clearMentions();
    await this.scanAll(generation);
  }

  private async scanAll(generation: number): Promise<void> {
    this.scanning = true;
    const job = this.scanner.scanDocument();
    let sliceStart = performance.now();
    for (;;) {
      const next = job.next(() => performance.now() - sliceStart > SLICE_MS);
      if (generation !== this.generation || !this.running) return;
      this.addFound(next.found);
      if (next.done) break;
      await yieldToPage();
      sliceStart = performance.now();
    }
    this.scanning = false;
    this.afterChange();
    const pending = this.pendingRoots.filter((node) => node.isConnected);
    this.pendingRoots = [];
    if (pending.length > 0) this.rescan(pending);
  }

  private rescan(roots: readonly Node[]): void {
    if (!this.running || !this.alive()) return;
    if (this.scanning) {
      // The full scan may already have passed these nodes: look again once it is done.
      this.pendingRoots.push(...roots);
      return;
    }
    const result = this.scanner.scanChanged(roots, this.mentions.length > 0);
    const stale = new Set(result.staleBlocks);
    const before = this.mentions.length;
    this.mentions = this.mentions.filter((live) => !stale.has(live.blockKey) && !live.range.collapsed && live.range.startContainer.isConnected);
    const removed = before !== this.mentions.length;
    if (removed) this.indexNodes();
    this.addFound(result.found);
    if (removed || result.found.length > 0) this.afterChange();
  }

  private addFound(found: readonly FoundMention[]): void {
    if (found.length === 0) return;
    // With the card's code here, new mentions (a feed's, a rescan's) are judged before they are painted, so
    // that they are painted once; what does not fit in a slice is judged later (assessFraming).
    const module = this.loadedCardModule;
    const judgeUntil = module && this.settings.framingFlags ? performance.now() + SLICE_MS : 0;
    for (const item of found) {
      const range = item.range;
      const live: LiveMention = {
        range,
        mention: item.mention,
        blockText: item.blockText,
        blockKey: item.blockKey,
        framing: null,
        rects: () => range.getClientRects(),
      };
      if (module && performance.now() < judgeUntil) live.framing = module.analyzePassage(this.passageOf(live), this.pageSignals);
      this.insertInOrder(live);
      this.indexLive(live);
    }
    // Paint as we go on long pages; the card module loads in parallel.
    this.repaint();
    void this.loadCardModule();
  }

  /** Document order, by binary search: new mentions mostly go at the end (a scan, a feed), so this is cheap. */
  private insertInOrder(live: LiveMention): void {
    const before = (a: LiveMention, b: LiveMention) => {
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range) < 0;
      } catch {
        return false; // different trees (a shadow root): keep the order found
      }
    };
    let lo = 0;
    let hi = this.mentions.length;
    if (hi > 0 && !before(live, this.mentions[hi - 1]!)) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(live, this.mentions[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    this.mentions.splice(lo, 0, live);
  }

  /** Text node → the mentions over it, for hover. Rebuilt whole only when mentions go away. */
  private indexNodes(): void {
    this.byNode = new Map();
    for (const live of this.mentions) this.indexLive(live);
  }

  private indexLive(live: LiveMention): void {
    const walker = this.doc.createTreeWalker(live.range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    let node: Node | null = live.range.commonAncestorContainer.nodeType === Node.TEXT_NODE ? live.range.commonAncestorContainer : walker.nextNode();
    while (node) {
      if (live.range.intersectsNode(node)) {
        const list = this.byNode.get(node) ?? [];
        list.push(live);
        this.byNode.set(node, list);
      }
      node = walker.nextNode();
    }
  }

  private visible(): LiveMention[] {
    return this.mentions.filter((live) => live.mention.confidence >= this.settings.minConfidence);
  }

  private repaint(): void {
    const shown = this.visible();
    if (this.paintHold !== 'released' && this.settings.framingFlags && shown.some((live) => !live.framing)) {
      if (this.paintHold === 'none') {
        this.paintHold = 'holding';
        this.holdTimer = setTimeout(() => this.releasePaint(), HOLD_PAINT_MS);
      }
      return;
    }
    this.highlighter.paint(
      shown.map((live) => ({ range: live.range, framed: live.framing !== null && live.framing.level !== 'none' })),
      this.settings.highlightStyle,
      this.settings.framingFlags,
    );
    if (shown.length > 0) this.ensureHover();
  }

  /** The first mentions are painted now, judged or not (the card's code is here, could not load, or took too long). */
  private releasePaint(): void {
    if (this.paintHold === 'released') return;
    this.paintHold = 'released';
    clearTimeout(this.holdTimer);
    if (this.running) this.repaint();
  }

  private afterChange(): void {
    this.repaint();
    const shown = this.visible();
    const flagged = this.settings.framingFlags ? shown.filter((live) => live.framing && live.framing.level !== 'none').length : 0;
    if (shown.length !== this.reported || shown.length > 0) this.sendCount(shown.length, flagged);
  }

  private sentCount = '';
  private pendingCount: { count: number; flagged: number } | null = null;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  /** The badge's count: the same figures are not sent twice, and a feed's stream of changes at most every 250 ms. */
  private sendCount(count: number, flagged: number): void {
    this.reported = count;
    this.pendingCount = { count, flagged };
    if (count === 0 || this.sentCount === '') this.flushCount();
    else this.countTimer ??= setTimeout(() => this.flushCount(), 250);
  }

  private flushCount(): void {
    clearTimeout(this.countTimer);
    this.countTimer = undefined;
    const next = this.pendingCount;
    this.pendingCount = null;
    if (!next || !contextAlive()) return;
    const key = `${next.count}/${next.flagged}`;
    if (key === this.sentCount) return;
    this.sentCount = key;
    ext.runtime.sendMessage({ type: 'cs:mentions', count: next.count, flagged: next.flagged }).catch(() => undefined);
  }

  private loadCardModule(): Promise<CardModule | null> {
    this.cardModule ??= loadPart<CardModule>('card.js', CARD_GLOBAL)
      .then(async (module) => {
        // Evaluating card.js took a task; reading the page's signals and the framing each get their own.
        await yieldToPage();
        this.pageSignals = module.pageSignals(this.doc);
        this.loadedCardModule = module;
        return module;
      })
      .catch((error: unknown) => {
        console.warn('Context Notes: could not load the card', error);
        this.releasePaint();
        return null;
      });
    return this.cardModule.then((module) => {
      if (module && this.running) void this.assessFraming(module);
      return module;
    });
  }

  private assessing = false;

  /** Framing for every mention that has none yet, a few at a time so the page keeps its frames. */
  private async assessFraming(module: CardModule): Promise<void> {
    if (this.assessing) return;
    this.assessing = true;
    const generation = this.generation;
    try {
      await yieldToPage();
      if (generation !== this.generation || !this.running) return;
      // The learned model's weights are decoded once, in their own task rather than inside the first analysis.
      module.prepareFraming();
      await yieldToPage();
      if (generation !== this.generation || !this.running) return;
      let sliceStart = performance.now();
      let changed = false;
      for (let live = this.mentions.find((m) => !m.framing); live; live = this.mentions.find((m) => !m.framing)) {
        live.framing = module.analyzePassage(this.passageOf(live), this.pageSignals);
        changed = true;
        if (performance.now() - sliceStart > SLICE_MS) {
          // Painted once at the end, not after each slice: each change repaints the whole document.
          await yieldToPage();
          if (generation !== this.generation || !this.running) return;
          sliceStart = performance.now();
        }
      }
      const held = this.paintHold !== 'released';
      this.paintHold = 'released';
      clearTimeout(this.holdTimer);
      if (changed || held) this.afterChange();
    } finally {
      this.assessing = false;
    }
  }

  private passageOf(live: LiveMention): Passage {
    return { blockText: live.blockText, start: live.mention.start, end: live.mention.end, kind: live.mention.kind, mentionText: live.mention.text };
  }

  private ensureHover(): void {
    if (this.hover) return;
    this.hover = new HoverTracker<LiveMention>(this.doc, {
      // An orphaned script (the extension was reloaded; Chrome does not re-inject) notices here and cleans up.
      candidatesAt: (node) => (this.alive() ? (this.byNode.get(node) ?? []) : []).filter((live) => live.mention.confidence >= this.settings.minConfidence),
      isOverCard: (event) => event.composedPath().some((target) => this.card?.isHost(target) ?? false),
      prepare: (live) => {
        // Only when the card's code is already here; loading it is not worth doing for a pass-by. The card is
        // made ready now (card-module.tsx, prerender), so that opening it after the hover delay only shows it.
        void this.cardModule?.then((module) => {
          if (!module || !this.running || !this.mentions.includes(live)) return;
          this.cardFor(module).prerender(this.anchorOf(live, undefined));
        });
      },
      unprepare: () => this.card?.cancelAhead(),
      open: (live, point) => void this.openCard(live, point, false),
      close: () => this.card?.close(),
      isOpenFor: (live) => this.card?.anchor?.range === live.range,
    });
    // Touch and pen: a tap opens (and takes focus into the note, which gives it back on closing).
    this.tap = new TapTracker<LiveMention>(this.doc, {
      candidatesAt: (node) => (this.alive() ? (this.byNode.get(node) ?? []) : []).filter((live) => live.mention.confidence >= this.settings.minConfidence),
      isOnCard: (event) => event.composedPath().some((target) => this.card?.isHost(target) ?? false),
      isOpenFor: (live) => this.card?.anchor?.range === live.range,
      linkOf: (live) => live.range.startContainer.parentElement?.closest('a[href]') ?? null,
      open: (live, point) => void this.openCard(live, point, true),
      close: () => this.card?.close(),
      isOpen: () => Boolean(this.card?.anchor),
    });
  }

  private cardFor(module: CardModule): CardController {
    this.card ??= module.createCard({
      doc: this.doc,
      language: () => this.language(),
      onPointerEnter: () => this.hover?.cancelClose(),
      onPointerLeave: () => this.hover?.leave(),
      onClosed: () => this.highlighter.setActive(null),
      turnOffSite: () => void this.turnOffSite(),
      storyUrl: (target) => ext.runtime.getURL(dossierPath(target)),
      openStory: (target) => void ext.runtime.sendMessage({ type: 'cs:open-dossier', target }).catch(() => undefined),
    });
    return this.card;
  }

  /** The reader's language: the one chosen in the options, else the browser's when the notes are written in it. */
  private language(): UiLanguage {
    return pickLanguage(this.settings.language, ext.i18n?.getUILanguage?.());
  }

  private anchorOf(live: LiveMention, point: { x: number; y: number } | undefined) {
    return { range: live.range, point, passage: this.passageOf(live), framing: this.settings.framingFlags ? live.framing : null };
  }

  private async openCard(live: LiveMention, point: { x: number; y: number } | undefined, focus: boolean): Promise<void> {
    const module = await this.loadCardModule();
    if (!module || !this.running || !this.mentions.includes(live)) return;
    const card = this.cardFor(module);
    this.highlighter.setActive(live.range);
    card.show(this.anchorOf(live, point), { focus });
  }

  private async turnOffSite(): Promise<void> {
    const patch = setSite(this.settings, this.host, false);
    await ext.runtime.sendMessage({ type: 'settings:update', patch }).catch(() => undefined);
  }

  /** The first mention after the open card, or after the top of the viewport. */
  private nextIndex(): number {
    const shown = this.visible();
    if (shown.length === 0) return -1;
    const open = this.card?.anchor;
    const openIndex = open ? shown.findIndex((live) => live.range === open.range) : -1;
    if (openIndex >= 0) return (openIndex + 1) % shown.length;
    const below = shown.findIndex((live) => live.range.getBoundingClientRect().top > 0);
    return below >= 0 ? below : 0;
  }

  private async reveal(index: number): Promise<boolean> {
    const live = this.visible()[index];
    if (!live || !this.running) return false;
    const element = live.range.startContainer.parentElement;
    // Instant, not smooth: the card is placed once the mention is where it will stay.
    element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await this.openCard(live, undefined, true);
    return true;
  }

  private report(): PageReport {
    const shown = this.running ? this.visible() : [];
    const framing = { none: 0, some: 0, strong: 0 };
    const mentions: MentionSummary[] = shown.map((live, index) => {
      const level: FramingLevel = this.settings.framingFlags ? (live.framing?.level ?? 'none') : 'none';
      framing[level] += 1;
      return {
        index,
        text: live.mention.text.replace(/\s+/g, ' ').trim(),
        context: snippet(live.blockText, live.mention.start, live.mention.end),
        kind: live.mention.kind,
        confidence: live.mention.confidence,
        framing: level,
      };
    });
    return {
      host: this.host,
      state: this.state,
      scanning: this.scanning,
      mentions,
      framing,
      pageSignals: this.settings.framingFlags && this.loadedCardModule ? this.loadedCardModule.describePageSignals(this.pageSignals, this.language()) : [],
    };
  }

  private clearMentions(): void {
    this.mentions = [];
    this.byNode = new Map();
    this.highlighter.clear();
  }

  private stop(): void {
    this.running = false;
    this.scanning = false;
    this.pendingRoots = [];
    this.generation += 1;
    clearTimeout(this.pauseTimer);
    clearTimeout(this.holdTimer);
    if (this.paintHold === 'holding') this.paintHold = 'none';
    this.runListeners?.abort();
    this.runListeners = null;
    this.watcher?.destroy();
    this.watcher = null;
    this.hover?.destroy();
    this.hover = null;
    this.tap?.destroy();
    this.tap = null;
    this.card?.destroy();
    this.card = null;
    this.clearMentions();
    this.scanner.reset();
    if (this.reported > 0 && contextAlive()) this.sendCount(0, 0);
    this.reported = 0;
  }
}
