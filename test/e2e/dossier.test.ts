/**
 * The dossier page (dossier.html), end to end in real Chromium and Firefox: a card's "The whole story" opens it
 * in a new tab at the card's item (focused and marked), the popup opens it, the filter narrows its sections as the
 * reader types, it renders every item of the bundled pack, and nothing is requested from the network while it is
 * open. Screenshots (desktop and 390 px; dark in Chromium only, see experience.test.ts) go to
 * test/e2e/artifacts/<browser>/dossier-*.png; the README's are copied from there.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import raw from '../../src/dataset/treaty-2024.json';
import { readCard } from './card-reader';
import { DEFAULT_SETTINGS as defaults, browserPerSuite, clickReal, saveScreenshot, selectedBrowsers, sleep, waitForHighlights, waitForValue, type Session } from './harness';

const pack = raw as unknown as { timeline: { id: string }[]; quotes: { id: string }[]; claims: { id: string }[]; facts: { id: string }[]; sources: { id: string }[] };
const MENTION = 'context-notes-mention';
const CHROMIUM_OWN = /^https?:\/\/([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)(:\d+)?\//;
const isExtensionUrl = (url: string) => /^(chrome-extension|moz-extension):\/\//.test(url);


interface ExtensionApi {
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

/** What the dossier page shows: item ids per section, the focused and marked items, the filter's status. */
function readDossier(page: Page) {
  return page.evaluate(() => {
    // What the reader sees: filtered-out items stay in the page, hidden, so only rendered boxes count.
    const ids = (selector: string) => [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0).map((el) => el.id);
    const active = document.activeElement;
    return {
      href: location.href,
      h1: document.querySelectorAll('h1').length,
      sections: ids('main > section'),
      events: ids('#timeline [id^="event-"]'),
      quotes: ids('#quotes [id^="quote-"]'),
      claims: ids('#claims [id^="claim-"]'),
      facts: ids('main [id^="fact-"]'),
      sources: ids('#sources [id^="source-"]'),
      items: ids('.item[id]:not(#today)'),
      today: ids('[data-testid="today"]').length,
      focused: active && active !== document.body ? active.id : '',
      focusOutline: active && active !== document.body ? getComputedStyle(active).outlineStyle : '',
      marked: ids('.item.marked'),
      status: document.querySelector('[data-testid="filter-status"]')?.textContent ?? '',
      nothing: document.querySelectorAll('.nothing').length,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      innerWidth: window.innerWidth,
    };
  });
}

describe.each(selectedBrowsers())('the dossier page in %s', (kind) => {
  const suite = browserPerSuite(kind, defaults);
  const { track } = suite;
  let session: Session;
  let probe: Page;
  const dossierUrl = () => `${session.extensionBaseUrl}/dossier.html`;

  /**
   * The tab the extension opens on the dossier, as a page, once its document has rendered. Found among the new
   * pages by the address its document reports: Firefox's driver never reports a moz-extension:// navigation (see
   * harness.ts), so its target keeps an old URL, but the document itself says where it is.
   */
  async function dossierTab(action: () => Promise<unknown>): Promise<Page> {
    const before = new Set(await session.browser.pages());
    await action();
    const page = await waitForValue(
      async () => {
        for (const candidate of await session.browser.pages()) {
          if (before.has(candidate)) continue;
          const href = await candidate.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(dossierUrl())) return candidate;
        }
        return null;
      },
      (found) => found !== null,
      'a new tab on the dossier',
      15_000,
    );
    track(page!);
    await waitForValue(
      () => page!.evaluate(() => `${document.readyState} ${document.querySelectorAll('main > section').length}`).catch(() => ''),
      (state) => state === 'complete 7',
      'the dossier to render',
      15_000,
    );
    return page!;
  }

  beforeAll(async () => {
    session = suite.session;
    probe = await session.openExtensionPage('manifest.json');
  });

  it('a card’s “The whole story” opens the dossier in a new tab at the card’s item, focused and marked; the reading page stays', async () => {
    const page = track(await session.openFixture('experience-article.html'));
    await waitForHighlights(page, MENTION, 2, { atLeast: true });
    // From the keyboard: the next-mention message opens the first card with focus (see experience.test.ts).
    await probe.evaluate(async () => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
      const api = (g.browser ?? g.chrome)!;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return api.tabs.sendMessage(tab!.id!, { type: 'page:next' }, { frameId: 0 });
    });
    const card = await waitForValue(() => readCard(page), (c) => c.open && c.focused, 'the first card, focused');
    const link = card.links.find((l) => l.name === 'The whole story');
    expect(link, JSON.stringify(card.links)).toBeDefined();
    const target = new URL(link!.href).hash.slice(1);
    expect(link!.href).toBe(`${dossierUrl()}#${target}`);
    expect(target).toMatch(/^(claim|fact|quote)-/);

    expect(card.tabStops).toContain('The whole story');
    // Tab until the link has focus: the facts that fit at rest can change while the card settles by its mention.
    let focusedName = '';
    for (let i = 0; i <= card.tabStops.length && focusedName !== 'The whole story'; i++) {
      await page.keyboard.press('Tab');
      focusedName = (await readCard(page)).focusedName;
    }
    expect(focusedName).toBe('The whole story');
    const fixtureUrl = page.url();
    const dossier = await dossierTab(() => page.keyboard.press('Enter'));

    // Focus can come first: the browser's own fragment scroll may focus the item before the page's effect marks it.
    const shown = await waitForValue(() => readDossier(dossier), (d) => d.focused === target && d.marked.length > 0, `the dossier to focus and mark #${target}`);
    expect(shown.href).toBe(`${dossierUrl()}#${target}`);
    expect(shown.marked).toEqual([target]);
    expect(shown.focusOutline).not.toBe('none');
    // The item is on screen.
    const box = await dossier.$eval(`#${target}`, (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(box.height);
    // The mark stays until the reader acts, however late they look; their first key ends it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await readDossier(dossier)).marked).toEqual([target]);
    await dossier.keyboard.press('Shift');
    await waitForValue(() => readDossier(dossier), (d) => d.marked.length === 0, 'the mark to go');
    // The page the reader was on is still there, untouched.
    expect(page.url()).toBe(fixtureUrl);
    expect((await readCard(page)).hosts).toBe(1);
  });

  it('renders every timeline event, quote, claim, fact and source of the bundled pack', async () => {
    const dossier = track(await session.openExtensionPage('dossier.html'));
    const d = await waitForValue(() => readDossier(dossier), (read) => read.sections.length === 7, 'the dossier to render');
    expect(d.h1).toBe(1);
    expect(d.sections).toEqual(['brief', 'timeline', 'treaty', 'quotes', 'claims', 'sources', 'about']);
    expect(d.events.sort()).toEqual(pack.timeline.map((e) => `event-${e.id}`).sort());
    expect(d.quotes.sort()).toEqual(pack.quotes.map((q) => `quote-${q.id}`).sort());
    expect(d.claims.sort()).toEqual(pack.claims.map((c) => `claim-${c.id}`).sort());
    expect(d.facts.sort()).toEqual(pack.facts.map((f) => `fact-${f.id}`).sort());
    expect(d.sources.sort()).toEqual(pack.sources.map((s) => `source-${s.id}`).sort());
    expect(d.today).toBe(1);

    // The options page opens it too.
    const options = track(await session.openExtensionPage('options.html'));
    await options.waitForSelector('[data-testid="whole-story"]');
    const fromOptions = await dossierTab(() => clickReal(options, '[data-testid="whole-story"]'));
    expect((await readDossier(fromOptions)).href).toBe(dossierUrl());
  });

  it('the popup opens the dossier; the filter narrows every section as the reader types; nothing goes to the network', async () => {
    const page = track(await session.openFixture('experience-article.html'));
    await waitForHighlights(page, MENTION, 2, { atLeast: true });
    const popup = track(await session.openExtensionPage('popup.html'));
    await popup.waitForSelector('[data-testid="whole-story"]');
    const requestsBefore = session.server.requests.length;
    const contextBefore = session.contextRequests.length;

    const dossier = await dossierTab(() => clickReal(popup, '[data-testid="whole-story"]'));
    await dossier.bringToFront();
    const all = await readDossier(dossier);
    expect(all.href).toBe(dossierUrl());
    expect(all.status).toBe(`${all.items.length} items`);

    await clickReal(dossier, '#dossier-filter');
    await dossier.keyboard.type('KCNA', { delay: 20 });
    const kcna = await waitForValue(() => readDossier(dossier), (d) => d.status.includes('match'), 'the filter to narrow');
    expect(kcna.items.length).toBeGreaterThan(0);
    expect(kcna.items.length).toBeLessThan(all.items.length);
    expect(kcna.status).toBe(`${kcna.items.length} of ${all.items.length} items match`);
    // Narrowed in every section that has items, not only one.
    for (const section of ['events', 'claims', 'facts', 'sources'] as const) expect(kcna[section].length, section).toBeLessThan(all[section].length);
    expect(kcna.sources.length).toBeGreaterThan(0);
    expect(kcna.events.length).toBeGreaterThan(0);
    // Every shown item says KCNA somewhere in its text (its own words or its sources' names).
    const texts = await dossier.$$eval('.item[id]', (els) => els.filter((el) => el.getClientRects().length > 0).map((el) => [el.textContent, ...[...el.querySelectorAll('a[title]')].map((a) => a.getAttribute('title'))].join(' ')));
    for (const text of texts) expect(text.toLowerCase()).toContain('kcna');
    // Another word narrows further; in another script too.
    await dossier.keyboard.type(' ratif', { delay: 20 });
    const both = await waitForValue(() => readDossier(dossier), (d) => d.items.length < kcna.items.length, 'two words to narrow further');
    expect(both.items.length).toBeGreaterThan(0);
    await dossier.click('#dossier-filter', { count: 3 });
    await dossier.keyboard.press('Backspace');
    await dossier.keyboard.type('조약', { delay: 20 });
    const korean = await waitForValue(() => readDossier(dossier), (d) => d.status.includes('match') && d.items.length !== both.items.length, 'a Korean word to filter');
    expect(korean.items.length).toBeGreaterThan(0);
    expect(korean.sources.length).toBeGreaterThan(0);
    // Cleared, every item is back.
    await dossier.click('#dossier-filter', { count: 3 });
    await dossier.keyboard.press('Backspace');
    const cleared = await waitForValue(() => readDossier(dossier), (d) => !d.status.includes('match'), 'the filter to clear');
    expect(cleared.items).toEqual(all.items);

    // Screenshots: desktop, dark (Chromium), and 390 px wide with no sideways scrolling.
    await saveScreenshot(dossier, kind, 'dossier-light');
    if (kind === 'chromium') {
      await dossier.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await saveScreenshot(dossier, kind, 'dossier-dark');
    }
    await dossier.setViewport({ width: 390, height: 844 });
    await sleep(300);
    const narrow = await readDossier(dossier);
    expect(narrow.innerWidth).toBe(390);
    expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);
    await saveScreenshot(dossier, kind, kind === 'chromium' ? 'dossier-390-dark' : 'dossier-390');
    if (kind === 'chromium') {
      await dossier.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      await dossier.evaluate(() => document.getElementById('quotes-title')!.scrollIntoView());
      await saveScreenshot(dossier, kind, 'dossier-390-quotes');
    }
    if (kind === 'chromium') {
      // On paper: no filter or contents box, and each source's address written out after it.
      await dossier.emulateMediaType('print');
      const printed = await dossier.evaluate(() => ({
        filter: getComputedStyle(document.querySelector('.filter')!).display,
        toc: getComputedStyle(document.querySelector('.toc')!).display,
        after: getComputedStyle(document.querySelector('#sources .source a[href]')!, '::after').content,
        href: document.querySelector('#sources .source a[href]')!.getAttribute('href'),
      }));
      expect(printed).toMatchObject({ filter: 'none', toc: 'none' });
      expect(printed.after).toContain(printed.href);
      await dossier.emulateMediaType('screen');
    }
    await sleep(1_000); // anything sent late would show by now

    // Nothing reached the proxy while the dossier was open (Chromium's own Google traffic aside; see privacy.test.ts),
    // and the dossier's document asked only for the extension's own files.
    const during = session.server.requests.slice(requestsBefore).filter((r) => !(kind === 'chromium' && CHROMIUM_OWN.test(r.url)));
    expect(during.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // Control: a request the dossier's own document makes is seen, by the proxy and by the protocol, so the empty
    // logs here mean "nothing asked", not "nothing watched". The protocol's entry names the dossier's context, and
    // every other request that context made while open was for the extension's own files.
    await dossier.evaluate(() => fetch('http://control-probe.test/from-dossier').catch(() => undefined));
    await waitForValue(async () => session.server.requests.map((r) => r.url), (urls) => urls.includes('http://control-probe.test/from-dossier'), 'the control request at the proxy');
    const seen = await waitForValue(
      async () => session.contextRequests.filter((r) => r.url === 'http://control-probe.test/from-dossier'),
      (found) => found.length > 0,
      'the control request in the protocol log',
    );
    const dossierContexts = new Set(seen.map((r) => r.context));
    expect(dossierContexts.has('')).toBe(false);
    // Chromium also names the context by its address (Firefox's driver does not report the extension's own navigation).
    if (kind === 'chromium') expect(seen.every((r) => r.contextUrl.startsWith(dossierUrl()))).toBe(true);
    const fromDossier = session.contextRequests
      .slice(contextBefore)
      .filter((r) => (dossierContexts.has(r.context) || r.contextUrl.startsWith(dossierUrl())) && r.url !== 'http://control-probe.test/from-dossier');
    expect(fromDossier.filter((r) => !isExtensionUrl(r.url) && !r.url.startsWith('data:'))).toEqual([]);
  });

  it('no page or extension error was logged', () => {
    expect(session.consoleErrors).toEqual([]);
  });
});
