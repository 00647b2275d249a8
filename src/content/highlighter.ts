/**
 * Paints mentions with the CSS Custom Highlight API: ranges in the page's highlight registry, styled by
 * content.css (in Chromium through a sheet scoped to the painted elements: highlight-sheet.ts). The page's DOM
 * is never touched, so editors, hydration and page scripts see nothing.
 */
import type { HighlightStyle } from '../core/settings';
import type { HighlightSheet } from './highlight-sheet';

export const HIGHLIGHT_NAMES = {
  underline: 'context-notes-mention',
  dotted: 'context-notes-dotted',
  tint: 'context-notes-tint',
  framed: 'context-notes-framed',
  active: 'context-notes-active',
} as const;

export interface Paintable {
  range: AbstractRange;
  framed: boolean;
}

export class Highlighter {
  private readonly registry: HighlightRegistry | undefined;
  private readonly painted = new Map<string, { highlight: Highlight; ranges: Set<AbstractRange> }>();

  constructor(
    win: Window & typeof globalThis,
    /** Where the rules live when they are not the manifest's content.css (Chromium). */
    private readonly sheet: HighlightSheet | null = null,
  ) {
    // Missing on old engines: then nothing is painted, and nothing breaks.
    this.registry = typeof win.CSS !== 'undefined' && 'highlights' in win.CSS ? win.CSS.highlights : undefined;
  }

  get supported(): boolean {
    return this.registry !== undefined;
  }

  paint(items: readonly Paintable[], style: HighlightStyle, showFraming: boolean): void {
    if (!this.registry) return;
    const plain: AbstractRange[] = [];
    const framed: AbstractRange[] = [];
    for (const item of items) (showFraming && item.framed ? framed : plain).push(item.range);
    this.setOrDelete(HIGHLIGHT_NAMES[style], plain);
    this.setOrDelete(HIGHLIGHT_NAMES.framed, framed);
    for (const other of ['underline', 'dotted', 'tint'] as const) {
      if (other === style) continue;
      this.forget(HIGHLIGHT_NAMES[other]);
    }
    this.styleElements();
  }

  setActive(range: AbstractRange | null): void {
    this.setOrDelete(HIGHLIGHT_NAMES.active, range ? [range] : []);
    this.styleElements();
  }

  /** The page changed: the scoped rules are checked against it (highlight-sheet.ts). */
  refresh(): void {
    this.sheet?.refresh();
  }

  clear(): void {
    this.painted.clear();
    this.sheet?.remove();
    if (!this.registry) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.registry.delete(name);
  }

  /**
   * Unregisters a name, only when it is registered: every change to the registry, deleting an absent name
   * too, has Chromium validate its highlight markers and repaint (a full prepaint of a 10 MB page, ~0.8 s).
   */
  private forget(name: string): void {
    this.painted.delete(name);
    if (this.registry?.has(name)) this.registry.delete(name);
  }

  private styleElements(): void {
    if (!this.sheet) return;
    const ranges: AbstractRange[] = [];
    for (const { ranges: own } of this.painted.values()) ranges.push(...own);
    this.sheet.update(ranges);
  }

  /**
   * Changes only what changed: a registered Highlight keeps its ranges and gets the new ones added, so the
   * browser repaints the new mention, not every mention on the page (a feed adds one every frame). What each
   * Highlight holds is kept here: Firefox cannot iterate a page object's set through its Xray wrapper.
   */
  private setOrDelete(name: string, ranges: AbstractRange[]): void {
    if (!this.registry) return;
    const painted = this.painted.get(name);
    if (ranges.length === 0) {
      this.forget(name);
      return;
    }
    if (!painted || !this.registry.has(name)) {
      const highlight = new Highlight(...ranges);
      this.registry.set(name, highlight);
      this.painted.set(name, { highlight, ranges: new Set(ranges) });
      return;
    }
    const wanted = new Set(ranges);
    for (const range of painted.ranges) {
      if (wanted.has(range)) continue;
      painted.highlight.delete(range);
      painted.ranges.delete(range);
    }
    for (const range of ranges) {
      if (painted.ranges.has(range)) continue;
      painted.highlight.add(range);
      painted.ranges.add(range);
    }
  }
}
