/**
 * Touch screens and narrow windows (issue 18), in real Chromium and real Firefox: a phone-sized viewport
 * (390 × 844) where a tap opens the note as a bottom sheet, a mention inside a link opens on the first tap and
 * follows the link only on the second, and a tap elsewhere closes the sheet and gives focus back.
 *
 * Touch input: Chromium emulates a touch screen (`page.emulate` with `hasTouch`) and taps through
 * `page.touchscreen` (CDP touch events); Firefox gets a 390 px wide viewport and the same `page.touchscreen`,
 * which puppeteer sends as WebDriver BiDi input actions of type "pointer" with pointerType "touch".
 * The sheet's screenshot goes to test/e2e/artifacts/<browser>/touch-sheet.png (copied by hand to
 * assets/screenshots/ for the README).
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCard, type CardReading } from './card-reader';
import { DEFAULT_SETTINGS as defaults, browserPerSuite, saveScreenshot, selectedBrowsers, sleep, waitForHighlights, waitForValue, type Session } from './harness';

const MENTION = 'context-notes-mention';
/** A passage the framing analysis flags is painted under this name instead. */
const FRAMED = 'context-notes-framed';
const PHONE = { width: 390, height: 844 };


/** The middle of the first line of the painted mention inside the element `#id`. */
function mentionPoint(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (within: string, names: string[]) => {
      const el = document.getElementById(within);
      for (const range of names.flatMap((name) => [...(CSS.highlights.get(name) ?? [])])) {
        if (!(range instanceof Range) || !el?.contains(range.startContainer)) continue;
        const r = range.getClientRects()[0];
        if (r) return { x: r.x + Math.min(r.width / 2, 30), y: r.y + r.height / 2 };
      }
      return null;
    },
    id,
    [MENTION, FRAMED],
  );
}

function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((within: string) => {
    const r = document.getElementById(within)!.getBoundingClientRect();
    return { x: r.x + 20, y: r.y + r.height / 2 };
  }, id);
}

const waitForCard = (page: Page, open: boolean, what: string): Promise<CardReading> => waitForValue(() => readCard(page), (card) => card.open === open, what, 5_000);

describe.each(selectedBrowsers())('touch and narrow screens in %s', (kind) => {
  const suite = browserPerSuite(kind, defaults);
  let session: Session;
  beforeAll(() => {
    session = suite.session;
  });

  /** A phone-sized page: touch emulated in Chromium, a narrow viewport in Firefox; the fixture loaded after. */
  async function openPhone(file: string): Promise<Page> {
    const page = suite.track(await session.browser.newPage());
    if (kind === 'chromium') {
      await page.emulate({ userAgent: await session.browser.userAgent(), viewport: { ...PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } });
    } else {
      await page.setViewport(PHONE);
    }
    await page.goto(session.fixtureUrl(file), { waitUntil: 'load' });
    await waitForHighlights(page, MENTION, 1, { atLeast: true });
    // Both mentions painted: the plain one and the one inside the link.
    await waitForValue(
      async () => [await mentionPoint(page, 'plain'), await mentionPoint(page, 'linked'), await page.evaluate(() => [...CSS.highlights.keys()])] as const,
      ([plain, linked]) => plain !== null && linked !== null,
      'mentions painted in #plain and #linked',
    );
    // What the page had focused when each tap's finger lifted (before the tap's click): where focus goes back to.
    await page.evaluate(() => {
      const w = window as unknown as { focusAtTap: string[] };
      w.focusAtTap = [];
      document.addEventListener('pointerup', () => w.focusAtTap.push(document.activeElement?.id || document.activeElement?.localName || ''), true);
    });
    return page;
  }

  const focusAtTaps = (page: Page) => page.evaluate(() => (window as unknown as { focusAtTap: string[] }).focusAtTap);
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.localName || '');

  it('a tap on a mention opens its note as a bottom sheet (full width, at most 60 % high, 16 px text, 44 px targets) with focus; a tap elsewhere closes it and gives focus back', async () => {
    const page = await openPhone('touch.html');
    const at = await mentionPoint(page, 'plain');
    expect(at).not.toBeNull();
    await page.touchscreen.tap(at!.x, at!.y);
    const card = await waitForCard(page, true, 'the sheet to open on a tap');
    expect(card.sheet).toBe(true);
    expect(card.viewport.width).toBe(PHONE.width);
    expect(card.rect!.x).toBeCloseTo(0, 0);
    expect(card.rect!.width).toBeCloseTo(card.viewport.width, 0);
    expect(Math.abs(card.rect!.y + card.rect!.height - card.viewport.height)).toBeLessThanOrEqual(1);
    expect(card.rect!.height).toBeLessThanOrEqual(0.6 * card.viewport.height + 1);
    expect(card.smallestText).toBeGreaterThanOrEqual(16);
    expect(card.smallestTarget).toBeGreaterThanOrEqual(44);
    expect(card.focused).toBe(true);
    expect(card.title).toMatch(/treaty/i);
    await saveScreenshot(page, kind, 'touch-sheet');

    // A tap on the page above the sheet, on no mention, closes it; focus goes back where it was before the tap.
    const away = await centreOf(page, 'away');
    expect(away.y).toBeLessThan(card.rect!.y);
    await page.touchscreen.tap(away.x, away.y);
    await waitForCard(page, false, 'the sheet to close on a tap elsewhere');
    const [beforeOpen] = await focusAtTaps(page);
    expect(await focused(page)).toBe(beforeOpen);
  });

  it('a mention inside a link: the first tap opens the note and stays on the page, a second tap on it follows the link', async () => {
    const page = await openPhone('touch.html');
    const start = page.url();
    const at = await mentionPoint(page, 'linked');
    expect(at).not.toBeNull();
    await page.touchscreen.tap(at!.x, at!.y);
    const card = await waitForCard(page, true, 'the sheet to open on the first tap on a linked mention');
    expect(card.sheet).toBe(true);
    await sleep(500);
    expect(page.url()).toBe(start);

    // The second tap lands on the same mention (above the sheet), and the browser follows the link.
    expect(at!.y).toBeLessThan(card.rect!.y);
    const navigated = page.waitForNavigation({ timeout: 10_000 });
    await page.touchscreen.tap(at!.x, at!.y);
    await navigated;
    expect(new URL(page.url()).pathname).toBe('/mention.html');
  });

  it('wider than 600 px, a tap opens the floating card by the mention, not a sheet', async () => {
    const page = await openPhone('touch.html');
    await page.setViewport({ width: 800, height: 700, ...(kind === 'chromium' ? { hasTouch: true, isMobile: true } : {}) });
    await sleep(300);
    const at = await mentionPoint(page, 'plain');
    await page.touchscreen.tap(at!.x, at!.y);
    const card = await waitForCard(page, true, 'the card to open on a tap');
    expect(card.sheet).toBe(false);
    expect(card.rect!.width).toBeLessThan(card.viewport.width);
    expect(card.rect!.y).toBeGreaterThan(at!.y);
  });

  it('the popup fits a phone-sized viewport (the extensions menu page on Android)', async () => {
    const page = await openPhone('touch.html');
    await page.bringToFront();
    const popup = suite.track(await session.openExtensionPage('popup.html'));
    // Chromium can emulate the phone's touch screen (coarse pointer, no hover) for the popup too; Firefox only its width.
    if (kind === 'chromium') await popup.emulate({ userAgent: await session.browser.userAgent(), viewport: { ...PHONE, hasTouch: true, isMobile: true } });
    else await popup.setViewport(PHONE);
    await popup.waitForSelector('[data-testid="page-status"]');
    await waitForValue(() => popup.$eval('[data-testid="page-status"]', (el) => el.textContent ?? ''), (text) => /mentions on this page/i.test(text), 'the popup to list the mentions');
    const fit = await popup.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, main: document.querySelector('main.popup')!.getBoundingClientRect().width }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    if (kind === 'chromium') {
      // A phone: the popup takes the screen's width, and its switches are finger-sized.
      expect(fit.main).toBeCloseTo(fit.client, 0);
      const switches = await popup.$$eval('.switch', (els) => els.map((el) => el.getBoundingClientRect().height));
      expect(Math.min(...switches)).toBeGreaterThanOrEqual(44);
    }
  });

  it('no page or extension error was logged', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
