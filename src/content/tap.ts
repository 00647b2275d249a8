/**
 * Touch screens and pens: a tap on an underlined mention opens its note, as resting the pointer does with a
 * mouse (hover.ts). A mention inside a link opens on the first tap and follows the link on a second tap on
 * the same mention, as Wikipedia's page previews do; a tap anywhere else closes the note.
 *
 * Listens on the document in the capture phase, only once the page has a mention; it cancels nothing but the
 * click of a first tap on a linked mention (so that the link is not followed yet).
 */
import { caretNodeAt, contains, type HoverTarget } from './hover';

/** A tap is a press and release this close together (px) and this quick (ms); anything else scrolls or drags. */
const TAP_SLOP_PX = 10;
const TAP_MS = 600;

export interface TapCallbacks<T extends HoverTarget> {
  candidatesAt(node: Node): readonly T[];
  /** The event happened on the note itself (its element is in the event's path). */
  isOnCard(event: Event): boolean;
  isOpenFor(target: T): boolean;
  /** The link the mention's text is in, if any. */
  linkOf(target: T): Element | null;
  open(target: T, point: { x: number; y: number }): void;
  close(): void;
  isOpen(): boolean;
}

export class TapTracker<T extends HoverTarget> {
  private down: { x: number; y: number; at: number; id: number } | null = null;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly callbacks: TapCallbacks<T>,
  ) {
    const passive = { capture: true, passive: true, signal: this.abort.signal };
    doc.addEventListener('pointerdown', (event) => this.onDown(event), passive);
    doc.addEventListener('pointercancel', () => (this.down = null), passive);
    // Not passive: a first tap on a linked mention cancels that click.
    doc.addEventListener('click', (event) => this.onClick(event), { capture: true, signal: this.abort.signal });
  }

  private onDown(event: PointerEvent): void {
    this.down = event.isPrimary && (event.pointerType === 'touch' || event.pointerType === 'pen') ? { x: event.clientX, y: event.clientY, at: event.timeStamp, id: event.pointerId } : null;
  }

  /** The click that ends a tap: where it lands decides. Clicks of a mouse or keyboard pass untouched. */
  private onClick(event: MouseEvent): void {
    const down = this.down;
    this.down = null;
    if (!down || event.timeStamp - down.at > TAP_MS) return;
    if (Math.abs(event.clientX - down.x) > TAP_SLOP_PX || Math.abs(event.clientY - down.y) > TAP_SLOP_PX) return;
    if (this.callbacks.isOnCard(event)) return;
    const target = this.targetAt(event.clientX, event.clientY);
    if (!target) {
      if (this.callbacks.isOpen()) this.callbacks.close();
      return;
    }
    if (this.callbacks.isOpenFor(target)) return; // the second tap: the link (if any) is followed
    if (this.callbacks.linkOf(target)) event.preventDefault();
    this.callbacks.open(target, { x: event.clientX, y: event.clientY });
  }

  private targetAt(x: number, y: number): T | null {
    const node = caretNodeAt(this.doc, x, y);
    if (!node) return null;
    for (const candidate of this.callbacks.candidatesAt(node)) if (contains(candidate.rects(), x, y)) return candidate;
    return null;
  }

  destroy(): void {
    this.abort.abort();
    this.down = null;
  }
}
