/**
 * Paints mentions with the CSS Custom Highlight API: ranges in the page's highlight registry, styled by
 * content.css. The page's DOM is never touched, so editors, hydration and page scripts see nothing.
 */
import type { HighlightStyle } from '../core/settings';

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

  constructor(win: Window & typeof globalThis) {
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
  }

  setActive(range: AbstractRange | null): void {
    this.setOrDelete(HIGHLIGHT_NAMES.active, range ? [range] : []);
  }

  clear(): void {
    this.painted.clear();
    if (!this.registry) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.registry.delete(name);
  }

  /** Unregisters a name; no registry call at all for a name that is not registered (each repaint asked for several). */
  private forget(name: string): void {
    this.painted.delete(name);
    if (this.registry?.has(name)) this.registry.delete(name);
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
