/**
 * The highlights are painted, not only registered: in both browsers the underline shows under mentions that
 * sit in elements without ids (inside an inline element too), and still shows after the page inserts elements
 * before them and moves them (a stylesheet scoped to the painted elements by position, as tried for issue 22,
 * fails here), and under a mention inside an inline-block (where an ancestor's text decoration would not reach:
 * the Chrome build styles highlights from the root, build.mjs). Pixels are read from a screenshot of each paragraph: a coloured pixel (underline blue or the
 * framed orange) on a page whose text is grey on white.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS as defaults, browserPerSuite, selectedBrowsers, sleep, waitForHighlights, type Session } from './harness';


/** Coloured pixels in a screenshot of the n-th <p> of the page. */
async function colouredPixels(page: Page, n: number): Promise<number> {
  const handle = await page.evaluateHandle((i: number) => document.querySelectorAll('p')[i]!, n);
  const element = handle.asElement();
  if (!element) throw new Error(`no paragraph ${n}`);
  const png = Buffer.from(await element.screenshot({ type: 'png' })).toString('base64');
  return page.evaluate(async (data: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const px = context.getImageData(0, 0, img.width, img.height).data;
    let count = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 60) count++;
    return count;
  }, png);
}

describe.each(selectedBrowsers())('painted highlights in %s', (kind) => {
  const suite = browserPerSuite(kind, defaults);
  let session: Session;
  beforeAll(() => {
    session = suite.session;
  });

  it('underlines mentions in elements without ids, and still does after the page inserts elements before them', async () => {
    const page = suite.track(await session.openFixture('paint.html'));
    await waitForHighlights(page, 'context-notes-mention', 3, { atLeast: true });
    await sleep(300);
    // Paragraphs 1, 3 and 4 hold mentions (3 inside an <em>, 4 inside an inline-block); 0 and 2 none.
    expect(await colouredPixels(page, 0)).toBe(0);
    expect(await colouredPixels(page, 1)).toBeGreaterThan(20);
    expect(await colouredPixels(page, 2)).toBe(0);
    expect(await colouredPixels(page, 3)).toBeGreaterThan(20);
    expect(await colouredPixels(page, 4)).toBeGreaterThan(20);

    // The page puts new paragraphs first in the column and wraps the section: every position below changes.
    await page.evaluate(() => {
      const column = document.querySelector('.column')!;
      for (let i = 0; i < 3; i++) {
        const p = document.createElement('p');
        p.textContent = `Notice ${i + 1}: the library opens an hour later on Thursday.`;
        column.prepend(p);
      }
      const section = document.querySelector('section')!;
      const wrapper = document.createElement('div');
      section.before(wrapper);
      wrapper.append(section);
    });
    await sleep(500);
    expect(await colouredPixels(page, 0)).toBe(0);
    expect(await colouredPixels(page, 4)).toBeGreaterThan(20);
    expect(await colouredPixels(page, 6)).toBeGreaterThan(20);
    expect(await colouredPixels(page, 5)).toBe(0);
    expect(await colouredPixels(page, 7)).toBeGreaterThan(20);
  });
});
