/**
 * Finds the mention under the pointer from the pointer position (no listeners on page elements, since
 * highlights wrap nothing), and turns resting on it into "open" and leaving it into "close" after delays
 * like Wikipedia's Page Previews: open after ~450 ms of rest, close ~300 ms after leaving, and moving
 * onto the card keeps it open.
 */
export const OPEN_DELAY_MS = 450;
export const CLOSE_DELAY_MS = 300;

export interface HoverTarget {
  /** Client rects of the mention's text, read fresh (the page may have scrolled or reflowed). */
  rects(): DOMRectList | DOMRect[];
}

export interface HoverCallbacks<T extends HoverTarget> {
  /** Mentions whose text may be under the point (found from the caret position at the point). */
  candidatesAt(node: Node): readonly T[];
  isOverCard(event: PointerEvent): boolean;
  /** The pointer came to rest on a mention: prepare what opening it will need. */
  prepare(target: T): void;
  /** It left that mention before the card opened: stop preparing (what is done may stay). */
  unprepare(): void;
  open(target: T, point: { x: number; y: number }): void;
  close(): void;
  isOpenFor(target: T): boolean;
}

export function caretNodeAt(doc: Document, x: number, y: number): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  return legacy ? (legacy.call(doc, x, y)?.startContainer ?? null) : null;
}

export function contains(rects: DOMRectList | DOMRect[], x: number, y: number): boolean {
  for (const rect of Array.from(rects)) {
    // A little slack below: the underline sits under the text box.
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom + 4) return true;
  }
  return false;
}

export class HoverTracker<T extends HoverTarget> {
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pending: T | null = null;
  private frame = 0;
  private lastEvent: PointerEvent | null = null;
  private lastOverCard = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly callbacks: HoverCallbacks<T>,
  ) {
    const options = { capture: true, passive: true, signal: this.abort.signal };
    doc.addEventListener('pointermove', (event) => this.onMove(event), options);
    doc.addEventListener('pointerleave', (event) => this.onLeave(event), options);
  }

  /** A finger lifted is not a pointer leaving: a tapped note stays open (tap.ts closes it). */
  private onLeave(event: PointerEvent): void {
    if (event.pointerType === 'touch' || event.pointerType === 'pen') return;
    this.leave();
  }

  /** Work happens once per frame at most, whatever the pointer's event rate. */
  private onMove(event: PointerEvent): void {
    // Touch and pen open on a tap instead (tap.ts): a finger has no resting position.
    if (event.pointerType === 'touch' || event.pointerType === 'pen') return;
    this.lastEvent = event;
    // composedPath() is empty once dispatch is over, so ask now, not in the frame callback.
    this.lastOverCard = this.callbacks.isOverCard(event);
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.lastEvent) this.evaluate(this.lastEvent);
    });
  }

  private evaluate(event: PointerEvent): void {
    if (this.lastOverCard) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    const target = this.targetAt(event.clientX, event.clientY);
    if (!target) {
      this.cancelOpen();
      this.leave();
      return;
    }
    this.cancelClose();
    if (this.callbacks.isOpenFor(target) || this.pending === target) return;
    this.cancelOpen();
    this.pending = target;
    this.callbacks.prepare(target);
    const point = { x: event.clientX, y: event.clientY };
    this.openTimer = setTimeout(() => {
      this.pending = null;
      this.callbacks.open(target, point);
    }, OPEN_DELAY_MS);
  }

  private targetAt(x: number, y: number): T | null {
    const node = caretNodeAt(this.doc, x, y);
    if (!node) return null;
    for (const candidate of this.callbacks.candidatesAt(node)) if (contains(candidate.rects(), x, y)) return candidate;
    return null;
  }

  /** The pointer left the mention (or the card): close after a grace period. */
  leave(): void {
    this.cancelOpen();
    if (this.closeTimer) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.callbacks.close();
    }, CLOSE_DELAY_MS);
  }

  cancelClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }

  private cancelOpen(): void {
    clearTimeout(this.openTimer);
    this.openTimer = undefined;
    if (this.pending) this.callbacks.unprepare();
    this.pending = null;
  }

  destroy(): void {
    this.abort.abort();
    this.cancelOpen();
    this.cancelClose();
    cancelAnimationFrame(this.frame);
  }
}
