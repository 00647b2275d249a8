/**
 * The note as a bottom sheet on narrow screens (phones, split windows): under SHEET_BELOW_PX of viewport width
 * the card is not placed by its mention but along the bottom of the screen, full width, at most 60 % of the
 * height (assets/card.css, `.card[data-sheet]`). It closes on a swipe down (when it is scrolled to its top) and
 * on the back gesture where the browser has CloseWatcher (Android's back, Escape), which leaves history alone.
 */
export const SHEET_BELOW_PX = 600;
/** How far (px) a finger must travel down the sheet, mostly vertically, to close it. */
const SWIPE_CLOSE_PX = 60;

export function isSheetViewport(doc: Document): boolean {
  return doc.documentElement.clientWidth < SHEET_BELOW_PX;
}

/** Lays `card` out as the sheet (true) or takes that back so that it can be placed by its mention (false). */
export function applySheet(card: HTMLElement, sheet: boolean): void {
  if (!sheet) {
    card.removeAttribute('data-sheet');
    return;
  }
  card.setAttribute('data-sheet', '');
  // Placement by the mention writes these; the sheet's own come from the stylesheet.
  card.style.left = '';
  card.style.top = '';
  card.style.maxHeight = '';
}

interface CloseWatcherLike {
  onclose: (() => void) | null;
  destroy(): void;
}
type WithCloseWatcher = { CloseWatcher?: new () => CloseWatcherLike };

/**
 * While a sheet is shown: swipe down and the back gesture close it. Returns what undoes that. `root` is the
 * card's shadow root (events from inside it), `card` the sheet element.
 */
export function watchSheetClose(root: ShadowRoot, card: HTMLElement, win: Window, close: () => void): () => void {
  const abort = new AbortController();
  const options = { passive: true, signal: abort.signal };
  let start: { x: number; y: number; top: boolean } | null = null;
  const begin = (x: number, y: number) => (start = { x, y, top: card.scrollTop <= 0 });
  const end = (x: number, y: number) => {
    const from = start;
    start = null;
    if (!from?.top) return;
    const dy = y - from.y;
    if (dy >= SWIPE_CLOSE_PX && dy > 2 * Math.abs(x - from.x)) close();
  };
  // Touch events go on when the browser takes the gesture over for scrolling; pointer events stop there
  // (pointercancel). Pointer events are for pens and for browsers without touch events.
  const on = <K extends 'touchstart' | 'touchend' | 'pointerdown' | 'pointerup'>(type: K, fn: (event: HTMLElementEventMap[K]) => void) =>
    root.addEventListener(type, fn as EventListener, options);
  on('touchstart', (e) => {
    const touch = e.touches.length === 1 ? e.touches[0] : undefined;
    if (touch) begin(touch.clientX, touch.clientY);
  });
  on('touchend', (e) => {
    const touch = e.changedTouches[0];
    if (touch) end(touch.clientX, touch.clientY);
  });
  on('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' && !start) begin(e.clientX, e.clientY);
  });
  on('pointerup', (e) => {
    if (e.pointerType !== 'mouse' && start) end(e.clientX, e.clientY);
  });
  let watcher: CloseWatcherLike | null = null;
  const Watcher = (win as unknown as WithCloseWatcher).CloseWatcher;
  if (Watcher) {
    try {
      watcher = new Watcher();
      watcher.onclose = close;
    } catch {
      watcher = null; // Not allowed without a user gesture: the sheet still closes by swipe, tap outside or Escape.
    }
  }
  return () => {
    abort.abort();
    if (watcher) {
      watcher.onclose = null;
      watcher.destroy();
    }
  };
}
