/**
 * Notes in the reader's language (issue 17), end to end: the built extension in Chromium and Firefox whose own UI
 * language is Russian, then Korean (Chromium --lang and LANGUAGE, Firefox intl.locale.requested with the
 * installed language pack). The popup, the options page and the card must show that language's strings only: the
 * rendered text is scanned for every English UI string and every English note of the dataset, and for message
 * keys left untranslated. The card on a Russian page shows the note in the reader's language with the quote in
 * the language it was spoken and, when that is another, the reader's translation marked as one; and it fits at
 * 1280×800 without scrolling inside. The options' "Notes in" choice overrides the browser's language.
 *
 * Screenshots of the card (light, and dark in Chromium) go to test/e2e/artifacts/<browser>/languages-*.png.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, UiLanguage } from '../../src/core/i18n';
import type { TopicPack } from '../../src/core/pack-schema';
import { readCard, type CardReading } from './card-reader';
import { DEFAULT_SETTINGS as defaults, artifactsDir, browserPerSuite, HIGHLIGHT_NAMES, selectedBrowsers, sleep, waitForHighlights, waitForValue, type BrowserKind, type Session } from './harness';

const root = new URL('../../', import.meta.url);
const catalog = (lang: string) => JSON.parse(readFileSync(new URL(`assets/_locales/${lang}/messages.json`, root), 'utf8')) as Catalog;
const pack = JSON.parse(readFileSync(new URL('src/dataset/treaty-2024.json', root), 'utf8')) as TopicPack;
const en = catalog('en');


/** The language chooser names each language in its own words, on purpose: not an English fallback. */
const ENDONYMS = new Set(['languageEn', 'languageRu', 'languageKo']);

/** The English strings that must not appear in a page shown in `lang`: UI messages and the dataset's notes. */
function englishStrings(lang: 'ru' | 'ko'): string[] {
  const local = catalog(lang);
  const ui = Object.entries(en)
    .filter(([key, entry]) => !ENDONYMS.has(key) && entry.message !== local[key]?.message)
    // The fixed words of each message, between its placeholders.
    .flatMap(([, entry]) => entry.message.split(/\$[A-Za-z0-9_]+\$/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 4 && /[A-Za-z]{3}/.test(part));
  const notes = [
    pack.shortTitle,
    pack.summary.slice(0, 60),
    ...pack.facts.map((fact) => fact.text.slice(0, 50)),
    ...pack.claims.flatMap((claim) => [claim.verdictLabel.length > 8 ? claim.verdictLabel : '', claim.explanation.slice(0, 50)]),
    ...pack.framing.map((term) => term.why.slice(0, 50)),
  ];
  return [...ui, ...notes].filter(Boolean);
}

/** Publishers are named as they name themselves ("The Hankyoreh (English edition)"): not UI text. */
const publishers = [...new Set(pack.sources.map((source) => source.publisher))].sort((a, b) => b.length - a.length);

/** Every English string found in `text` (case-sensitive, whole strings), and message keys left as they are. */
function englishIn(shown: string, lang: 'ru' | 'ko'): string[] {
  const text = publishers.reduce((rest, publisher) => rest.split(publisher).join(' '), shown);
  const found = englishStrings(lang).filter((s) => text.includes(s));
  const keys = Object.keys(en).filter((key) => new RegExp(`\\b${key}\\b`).test(text));
  return [...found, ...keys];
}

function mentionPoint(page: Page, wanted: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (text: string, names: readonly string[]) => {
      for (const name of names) {
        for (const range of CSS.highlights.get(name) ?? []) {
          if (!(range instanceof Range) || !range.toString().replace(/\s+/g, ' ').includes(text)) continue;
          const r = range.getClientRects()[0];
          if (r) return { x: r.x + Math.min(24, r.width / 2), y: r.y + r.height / 2 };
        }
      }
      return null;
    },
    wanted,
    HIGHLIGHT_NAMES,
  );
}

async function hover(page: Page, text: string): Promise<CardReading> {
  const point = await waitForValue(() => mentionPoint(page, text), (p) => p !== null, `a painted mention containing "${text}"`);
  await page.mouse.move(point!.x - 6, point!.y);
  await page.mouse.move(point!.x, point!.y, { steps: 2 });
  return waitForValue(() => readCard(page), (card) => card.open, `the card for "${text}" to open`, 5_000);
}

async function shot(page: Page, kind: BrowserKind, name: string, card: CardReading): Promise<void> {
  const file = path.join(artifactsDir, kind, `languages-${name}.png`);
  await mkdir(path.dirname(file), { recursive: true });
  const r = card.rect!;
  const x = Math.max(0, Math.round(r.x - 40));
  const y = Math.max(0, Math.round(r.y - 80));
  const clip = { x, y, width: Math.min(1280 - x, Math.round(r.width + 80)), height: Math.min(800 - y, Math.round(r.height + 100)) };
  await page.screenshot({ path: file as `${string}.png`, captureBeyondViewport: false, clip });
}

const expected = {
  ru: { script: /\p{Script=Cyrillic}/u, translationMark: /Перевод: |Наш перевод/, heading: 'Упоминания на этой странице', optionsLanguage: 'Язык заметок' },
  ko: { script: /\p{Script=Hangul}/u, translationMark: /번역: |자체 번역/, heading: '이 페이지의 언급', optionsLanguage: '노트 언어' },
} as const;

const firstSentence = (text: string) => /^.+?[.!?](?=\s|$)/su.exec(text)?.[0] ?? text;

for (const lang of ['ru', 'ko'] as const) {
  describe.each(selectedBrowsers())(`notes in ${lang} (browser UI in ${lang}) in %s`, (kind) => {
    const suite = browserPerSuite(kind, defaults, { lang });
    let session: Session;
    beforeAll(() => {
      session = suite.session;
    });
    const want = expected[lang];

    it('the card on a Russian page: the note in the reader’s language, the quote as spoken with a marked translation, no scrolling inside, no English', async () => {
      const page = suite.track(await session.openFixture('ru-article.html'));
      await waitForHighlights(page, 'context-notes-mention', 3, { atLeast: true });
      const card = await hover(page, 'договору о всеобъемлющем');

      expect(card.lang).toBe(lang);
      expect(card.title).toBe(pack.i18n[lang].shortTitle);
      expect(card.summary).toBe(firstSentence(pack.i18n[lang].summary));
      expect(card.facts).toHaveLength(3);
      for (const fact of card.facts) expect(fact).toMatch(want.script);
      // Three facts, each with one source mark, and the quote's: sources revealed on demand, not listed inline.
      expect(card.buttons.filter((name) => name.startsWith(lang === 'ru' ? 'Источники:' : '출처:')).length).toBe(4);

      // The quote: in the language it was spoken; a translation into the reader's language beneath it, marked.
      const quote = card.quote!;
      expect(quote.text.length).toBeGreaterThan(5);
      expect(quote.wordsLang).not.toBe('');
      if (quote.wordsLang !== lang) {
        expect(quote.translationLang).toBe(lang);
        expect(quote.translation).toMatch(want.translationMark);
        expect(quote.translation).toMatch(want.script);
      } else {
        expect(quote.translation).toBe('');
      }
      expect(quote.caption).toMatch(want.script);

      await shot(page, kind, `card-${lang}-light`, card);
      if (kind === 'chromium') {
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await sleep(100);
        await shot(page, kind, `card-${lang}-dark`, await readCard(page));
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      }

      // No English anywhere in the card, shown or behind "More", UI or notes.
      expect(englishIn(card.allText, lang)).toEqual([]);
      // Fits at 1280×800 at rest: the card does not scroll inside.
      expect(card.viewport).toEqual({ width: 1280, height: 800 });
      expect(card.scroll.scrollHeight).toBeLessThanOrEqual(card.scroll.clientHeight);
      expect(card.rect!.width).toBeGreaterThanOrEqual(360);
      expect(card.rect!.width).toBeLessThanOrEqual(420);
      // "More" is a disclosure the keyboard opens: focus it and press Enter.
      const more = await waitForValue(async () => (await readCard(page)).tabStops, (stops) => stops.some((s) => s.startsWith(lang === 'ru' ? 'Подробнее' : '더 보기')), 'the More disclosure');
      expect(more.length).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
    });

    it('the popup and the options page are in the browser’s language; "Notes in" overrides it', async () => {
      const step = (what: string) => process.env.E2E_DEBUG && console.log(`[languages ${lang} ${kind}] ${what}`);
      const article = suite.track(await session.openFixture('ru-article.html'));
      await waitForHighlights(article, 'context-notes-mention', 3, { atLeast: true });
      step('article ready');
      const popup = suite.track(await session.openExtensionPage('popup.html'));
      step('popup open');
      const popupText = await waitForValue(() => popup.evaluate(() => document.body.innerText), (text) => text.includes(want.heading), 'the popup listing the mentions', 8_000).catch(async (error: unknown) => {
        throw new Error(`${String(error)}; the popup said: ${await popup.evaluate(() => document.body.innerText)}`);
      });
      expect(popupText).toContain(want.heading);
      expect(englishIn(popupText, lang)).toEqual([]);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);

      step('popup checked');
      const options = suite.track(await session.openExtensionPage('options.html'));
      step('options open');
      // Polled with evaluate: a background tab gets no animation frames, which waitForSelector waits on.
      const optionsText = await waitForValue(() => options.evaluate(() => document.body.innerText), (text) => text.includes(want.optionsLanguage), 'the options page', 8_000);
      expect(englishIn(optionsText, lang)).toEqual([]);
      expect(await options.title()).toBe(catalog(lang).optionsTitle!.message);

      // Choosing the other note language switches the page at once, and is stored.
      const other: UiLanguage = lang === 'ru' ? 'ko' : 'ru';
      await options.bringToFront();
      await options.click(`[data-testid="language"] input[value="${other}"]`);
      await waitForValue(() => options.evaluate(() => document.documentElement.lang), (value) => value === other, 'the options page in the chosen language');
      expect(await options.evaluate(() => document.body.innerText)).toContain(expected[other].optionsLanguage);
      expect(((await session.getStorage('settings')) as { language?: string }).language).toBe(other);
      step('language switched');
      // The card follows too.
      await article.bringToFront();
      const card = await hover(article, 'договору о всеобъемлющем');
      expect(card.lang).toBe(other);
      expect(card.title).toBe(pack.i18n[other].shortTitle);
    });
  });
}
