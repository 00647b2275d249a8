/**
 * Foundation, end to end: the built extension (dist/chrome, dist/firefox) installed in real Chromium and real
 * Firefox ESR. In each browser: the content script runs; the popup's switches change the stored settings;
 * switching off clears the highlights of an open tab without a reload, switching on restores them; corrupted
 * settings are repaired by the background.
 *
 * How the popup is driven — the same way in both browsers: popup.html is opened as a tab *in the background*
 * (browser.newPage({ background: true })), so the fixture tab stays the active tab of the window, which is what
 * the popup's tabs.query({ active: true, currentWindow: true }) must find, as when it opens from the toolbar.
 * The switches are clicked with the real mouse. In Firefox the driver only navigates to moz-extension:// pages
 * when the session has system access (-remote-allow-system-access, see harness.ts); that is used for nothing else.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS as defaults,
  browserPerSuite,
  clickReal,
  domSnapshot,
  HIGHLIGHT_NAMES,
  readHighlights,
  selectedBrowsers,
  sleep,
  waitForHighlights,
  waitForValue,
  type Session,
} from './harness';

const MENTION = 'context-notes-mention';


interface StoredSettings {
  version?: unknown;
  enabled?: unknown;
  disabledSites?: unknown;
}

/** Total ranges over all of the extension's highlight names. */
async function paintedRanges(page: Page): Promise<number> {
  const readings = await readHighlights(page);
  return readings.filter((r) => (HIGHLIGHT_NAMES as readonly string[]).includes(r.name)).reduce((sum, r) => sum + r.texts.length, 0);
}

async function waitForNoHighlights(page: Page, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while ((await paintedRanges(page)) > 0) {
    if (Date.now() > deadline) throw new Error(`highlights still painted after ${timeout} ms: ${JSON.stringify(await readHighlights(page))}`);
    await sleep(50);
  }
}

describe.each(selectedBrowsers())('foundation in %s', (kind) => {
  const suite = browserPerSuite(kind, defaults);
  const { track } = suite;
  let session: Session;
  beforeAll(() => {
    session = suite.session;
  });
  const settings = () => session.getStorage('settings') as Promise<StoredSettings | undefined>;

  it('the content script paints the mentions of the treaty and reports them', async () => {
    const page = track(await session.openFixture('mention.html'));
    const count = await waitForHighlights(page, MENTION, 2, { atLeast: true });
    const readings = await readHighlights(page);
    const texts = readings.find((r) => r.name === MENTION)?.texts ?? [];
    expect(texts.length).toBe(count);
    // Each painted range is a piece of the page's text, and both paragraphs that mention the treaty
    // (#first: signed… in Pyongyang; #second: "the Russia–North Korea treaty") have one; the others have none.
    const bodyText = await page.evaluate(() => document.body.textContent?.replace(/\s+/g, ' ') ?? '');
    for (const text of texts) expect(bodyText).toContain(text.replace(/\s+/g, ' '));
    const paragraphs = await page.evaluate((name: string) => {
      const ids = new Set<string>();
      CSS.highlights.get(name)?.forEach((range) => {
        const node = (range as Range).commonAncestorContainer ?? range.startContainer;
        ids.add((node instanceof Element ? node : node.parentElement)?.closest('p')?.id || '(outside #first/#second)');
      });
      return [...ids].sort();
    }, MENTION);
    expect(paragraphs).toEqual(['first', 'second']);
    expect(texts.some((t) => /Russia–North Korea treaty/.test(t))).toBe(true);

    // The count reached the background: the badge of this (active) tab shows it.
    const probe = track(await session.openExtensionPage('manifest.json'));
    const badge = await waitForValue(
      () =>
        probe.evaluate(async () => {
          const g = globalThis as unknown as { browser?: typeof chromeLike; chrome?: typeof chromeLike };
          const api = (g.browser ?? g.chrome)!;
          const [tab] = await api.tabs.query({ active: true, currentWindow: true });
          return tab?.id === undefined ? '' : api.action.getBadgeText({ tabId: tab.id });
        }),
      (text) => text !== '',
      'the badge',
    );
    expect(badge).toBe(String(count));
  });

  // The small page is read whole by the page gate; with 30,000 filler paragraphs it skips the gate and the
  // finder reads it piece by piece, finding the shadow hosts of each tree once.
  it.each([
    ['a small page', ''],
    ['a large page', '?filler=30000'],
  ])('mentions inside open shadow roots are painted (nested ones and an empty <div> host too), none in a skipped <svg>: %s', async (_label, query) => {
    const page = track(await session.openFixture(`shadow.html${query}`));
    await waitForHighlights(page, MENTION, 3, { atLeast: true, timeout: 20_000 });
    await sleep(500);
    const where = await page.evaluate((name: string) => {
      const ids: string[] = [];
      CSS.highlights.get(name)?.forEach((range) => {
        const node = range.startContainer;
        ids.push((node instanceof Element ? node : node.parentElement)?.closest('p')?.id ?? '?');
      });
      return [...new Set(ids)].sort();
    }, MENTION);
    expect(where).toEqual(['in-inner', 'in-story', 'in-widget']);
  });

  // Hosts neither custom nor empty (a paragraph with text of its own, a <div> holding one), found because each
  // arrives as the root of what was added. Read by the notes (the page has mentions already) and by the page gate
  // (it has none).
  it.each([
    ['by the notes', 'shadow.html?late', ['in-inner', 'in-late', 'in-late-widget', 'in-story', 'in-widget']],
    ['by the page gate', 'late-host.html', ['in-late']],
    ['by the page gate, a host with children', 'late-host.html?widget', ['in-late-widget']],
  ])('a host added after load is read too, though it is neither a custom element nor empty: %s', async (_label, fixture, expected) => {
    const page = track(await session.openFixture(fixture));
    await waitForHighlights(page, MENTION, expected.length, { atLeast: true, timeout: 20_000 });
    const where = await page.evaluate((name: string) => {
      const ids: string[] = [];
      CSS.highlights.get(name)?.forEach((range) => ids.push(range.startContainer.parentElement?.closest('p')?.id ?? '?'));
      return [...new Set(ids)].sort();
    }, MENTION);
    expect(where).toEqual(expected);
  });

  it('on a page with no mention: no highlight and no change to the DOM', async () => {
    const page = track(await session.openFixture('no-mention.html'));
    const before = await domSnapshot(page);
    // The popup's report proves the content script is running in this tab and has finished its scan.
    const popup = track(await session.openExtensionPage('popup.html'));
    await popup.waitForSelector('[data-testid="page-status"]');
    await waitForValue(
      () => popup.$eval('[data-testid="page-status"]', (el) => el.textContent ?? ''),
      (text) => /no mention/i.test(text),
      'the popup to say the page has no mention',
    );
    await sleep(300);
    expect(await paintedRanges(page)).toBe(0);
    const after = await domSnapshot(page);
    expect(after.childElementCount).toBe(before.childElementCount);
    expect(after.elementCount).toBe(before.elementCount);
    expect(after.html).toBe(before.html);
    // The fixture's own MutationObserver (started at DOMContentLoaded, before document_idle) saw nothing.
    expect(await page.evaluate(() => (window as unknown as { fixtureMutations: string[] }).fixtureMutations)).toEqual([]);
  });

  it('the popup’s "everywhere" switch changes the stored settings and the open tab follows without reload', async () => {
    const page = track(await session.openFixture('mention.html'));
    const count = await waitForHighlights(page, MENTION, 1, { atLeast: true });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const popup = track(await session.openExtensionPage('popup.html'));
    const everywhere = '[data-testid="switch-everywhere"]';
    await popup.waitForSelector(everywhere);
    expect(await popup.$eval(everywhere, (el) => (el as HTMLInputElement).checked)).toBe(true);

    await clickReal(popup, everywhere);
    expect((await waitForValue(settings, (s) => s?.enabled === false, 'enabled: false in storage'))?.enabled).toBe(false);
    await waitForNoHighlights(page);
    expect(await popup.$eval(everywhere, (el) => (el as HTMLInputElement).checked)).toBe(false);

    await clickReal(popup, everywhere);
    await waitForValue(settings, (s) => s?.enabled === true, 'enabled: true in storage');
    expect(await waitForHighlights(page, MENTION, count)).toBe(count);
    expect(navigations).toEqual([]);
  });

  it('the popup’s "this site" switch adds and removes the site, and the open tab follows without reload', async () => {
    const page = track(await session.openFixture('mention.html'));
    const count = await waitForHighlights(page, MENTION, 1, { atLeast: true });
    const popup = track(await session.openExtensionPage('popup.html'));
    const site = '[data-testid="switch-site"]';
    // The switch exists only when the popup got the active tab's report: proof it talks to the fixture tab.
    await popup.waitForSelector(site, { timeout: 10_000 });
    expect(await popup.$eval(site, (el) => (el as HTMLInputElement).checked)).toBe(true);

    await clickReal(popup, site);
    const off = await waitForValue(settings, (s) => Array.isArray(s?.disabledSites) && s.disabledSites.includes('127.0.0.1'), '127.0.0.1 in disabledSites');
    expect(off?.enabled).toBe(true);
    await waitForNoHighlights(page);

    await clickReal(popup, site);
    await waitForValue(settings, (s) => Array.isArray(s?.disabledSites) && s.disabledSites.length === 0, 'disabledSites emptied');
    expect(await waitForHighlights(page, MENTION, count)).toBe(count);
  });

  it('settings written straight to storage (not through the popup) reach an open tab too', async () => {
    const page = track(await session.openFixture('mention.html'));
    const count = await waitForHighlights(page, MENTION, 1, { atLeast: true });
    await session.setStorage('settings', { ...defaults, disabledSites: ['127.0.0.1'] });
    await waitForNoHighlights(page);
    await session.setStorage('settings', { ...defaults });
    expect(await waitForHighlights(page, MENTION, count)).toBe(count);
  });

  it.each([
    ['fields of the wrong type', { version: 3, enabled: 'yes', disabledSites: 'everywhere', pausedUntil: -5, highlightStyle: 'neon', framingFlags: 1, minConfidence: 7 }, defaults],
    ['not an object', 'garbage', defaults],
    ['an unknown version', { version: 99, enabled: false }, { ...defaults, enabled: false }],
    ['version 1 (migrated)', { version: 1, enabled: false, disabledSites: ['WWW.Example.COM'] }, { ...defaults, enabled: false, disabledSites: ['example.com'] }],
  ])('corrupted settings (%s) are repaired by the background', async (_label, stored, expected) => {
    await session.setStorage('settings', stored);
    // Opening the popup makes it ask the background for the settings (settings:get); the background reads,
    // repairs and writes the repair back.
    const popup = track(await session.openExtensionPage('popup.html'));
    await popup.waitForSelector('[data-testid="switch-everywhere"]');
    const repaired = await waitForValue(settings, (s) => s?.version === 3 && JSON.stringify(s) !== JSON.stringify(stored), 'repaired settings');
    expect(repaired).toEqual(expected);
    expect(await popup.$eval('[data-testid="switch-everywhere"]', (el) => (el as HTMLInputElement).checked)).toBe(expected.enabled);
  });

  it('no page or extension error was logged', () => {
    // Console errors from every page the suite opened and (Chromium) from the service worker.
    // Firefox logs the repair warnings of the test above as warnings, not errors.
    expect(session.consoleErrors).toEqual([]);
  });
});

/** Only for typing the extension API inside page.evaluate. */
declare const chromeLike: {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};
