// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { TapTracker } from './tap';

interface Target {
  id: string;
  link: boolean;
  rects(): DOMRect[];
}

/** A page with two mentions (one inside a link) at fixed boxes; caret lookup answers the text node under them. */
function setup() {
  const doc = document.implementation.createHTMLDocument('t');
  const text = doc.createTextNode('words');
  doc.body.append(text);
  const plain: Target = { id: 'plain', link: false, rects: () => [new DOMRect(10, 10, 100, 20)] };
  const linked: Target = { id: 'linked', link: true, rects: () => [new DOMRect(10, 50, 100, 20)] };
  Object.assign(doc, { caretPositionFromPoint: () => ({ offsetNode: text, offset: 0 }) });
  let open: Target | null = null;
  const opened: string[] = [];
  const tracker = new TapTracker<Target>(doc, {
    candidatesAt: (node) => (node === text ? [plain, linked] : []),
    isOnCard: () => false,
    isOpenFor: (t) => open === t,
    linkOf: (t) => (t.link ? doc.body : null),
    open: (t) => {
      open = t;
      opened.push(t.id);
    },
    close: vi.fn(() => (open = null)),
    isOpen: () => open !== null,
  });
  /** A tap (or a click of `pointerType`) at x, y; returns whether the click was let through (not cancelled). */
  const tap = (x: number, y: number, pointerType = 'touch', moveTo = { x, y }) => {
    doc.dispatchEvent(new PointerEvent('pointerdown', { pointerType, isPrimary: true, clientX: x, clientY: y, bubbles: true }));
    return doc.body.dispatchEvent(new MouseEvent('click', { clientX: moveTo.x, clientY: moveTo.y, bubbles: true, cancelable: true }));
  };
  return { tracker, tap, opened, isOpen: () => open };
}

describe('TapTracker (touch and pen)', () => {
  it('opens the mention under a tap, and a tap elsewhere closes it', () => {
    const t = setup();
    expect(t.tap(20, 15)).toBe(true);
    expect(t.opened).toEqual(['plain']);
    t.tap(300, 300);
    expect(t.isOpen()).toBeNull();
  });

  it('a linked mention: the first tap opens its note and cancels the link, the second lets the link be followed', () => {
    const t = setup();
    expect(t.tap(20, 55)).toBe(false);
    expect(t.opened).toEqual(['linked']);
    expect(t.tap(20, 55)).toBe(true);
    expect(t.opened).toEqual(['linked']);
  });

  it('leaves mouse clicks, drags and scrolls alone', () => {
    const t = setup();
    expect(t.tap(20, 55, 'mouse')).toBe(true);
    expect(t.tap(20, 55, 'touch', { x: 20, y: 90 })).toBe(true);
    expect(t.opened).toEqual([]);
  });

  it('pens tap as fingers do; nothing after destroy', () => {
    const t = setup();
    t.tap(20, 15, 'pen');
    expect(t.opened).toEqual(['plain']);
    t.tracker.destroy();
    t.tap(20, 55);
    expect(t.opened).toEqual(['plain']);
  });
});
