/**
 * Every language the notes are written in has every string: the UI's messages in each _locales catalog, with the
 * same placeholders, and the dataset's notes in each item the card can show. A gap fails here (and the build).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pickLanguage, placeholdersOf, translator, uiLanguages, type Catalog } from '../../src/core/i18n';
import { localQuote } from '../../src/core/localize-notes';
import { noteLanguages, type TopicPack } from '../../src/core/pack-schema';
import { validatePack } from '../../src/core/pack-validate';

const root = new URL('../../', import.meta.url);
const catalog = (lang: string) => JSON.parse(readFileSync(new URL(`assets/_locales/${lang}/messages.json`, root), 'utf8')) as Catalog;
const packJson = JSON.parse(readFileSync(new URL('src/dataset/treaty-2024.json', root), 'utf8')) as TopicPack;

describe('UI strings', () => {
  const en = catalog('en');

  it('ship a catalog for exactly the UI languages', () => {
    expect(readdirSync(new URL('assets/_locales/', root)).sort()).toEqual([...uiLanguages].sort());
  });

  it.each(uiLanguages.filter((lang) => lang !== 'en'))('%s has every English key, no other, with the same placeholders', (lang) => {
    const other = catalog(lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en)) {
      const local = other[key]!;
      expect(local.message.trim(), key).not.toBe('');
      expect(placeholdersOf(local), key).toEqual(placeholdersOf(entry));
      expect(local.placeholders, key).toEqual(entry.placeholders);
    }
  });

  it('Russian and Korean strings are written in their own scripts, not left in English', () => {
    // The language names in the chooser are each in its own language, on purpose.
    const endonyms = new Set(['languageEn', 'languageRu', 'languageKo']);
    for (const [lang, script] of [['ru', /\p{Script=Cyrillic}/u], ['ko', /\p{Script=Hangul}/u]] as const) {
      for (const [key, entry] of Object.entries(catalog(lang))) {
        if (endonyms.has(key)) continue;
        expect(entry.message, `${lang} ${key}`).toMatch(script);
      }
    }
  });

  it('every message is used by the code or the manifest (a dead string would still need translating)', () => {
    const sources = ['src/ui', 'src/content', 'src/background'].flatMap((dir) =>
      readdirSync(new URL(`${dir}/`, root), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
        .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8')),
    );
    const code = [...sources, readFileSync(new URL('manifest.json', root), 'utf8')].join('\n');
    const unused = Object.keys(en).filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });

  it('substitutes placeholders the way browser.i18n does', () => {
    const t = translator(catalog('ru'));
    expect(t('popupDataset', ['1.2.3', '4 дек.'])).toBe('Данные 1.2.3, проверено по 4 дек.');
    expect(translator({ price: { message: 'costs $$$N$', placeholders: { n: { content: '$1' } } } })('price', ['5'])).toBe('costs $5');
    expect(t('noSuchKey')).toBe('noSuchKey');
  });

  it('picks the reader’s choice, else the browser’s language when the notes are written in it, else English', () => {
    expect(pickLanguage('auto', 'ru-RU')).toBe('ru');
    expect(pickLanguage('auto', 'ko')).toBe('ko');
    expect(pickLanguage('auto', 'de-DE')).toBe('en');
    expect(pickLanguage('ko', 'ru')).toBe('ko');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });
});

describe('dataset notes in every language', () => {
  it('the pack validates, so every item the card can show has each translation', () => {
    const result = validatePack(packJson);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(noteLanguages)('a missing %s translation fails, named by item and language', (lang) => {
    const broken = structuredClone(packJson) as unknown as { facts: { i18n: Record<string, unknown> }[]; quotes: { i18n: Record<string, unknown> }[]; i18n?: unknown };
    delete broken.facts[2]!.i18n[lang];
    delete broken.quotes[0]!.i18n[lang];
    delete broken.i18n;
    const result = validatePack(broken);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const name = lang === 'ru' ? 'Russian' : 'Korean';
    expect(errors).toContain(`facts[2].i18n.${lang}: missing the ${name} translation`);
    expect(errors).toContain(`quotes[0].i18n.${lang}: missing the ${name} translation`);
    expect(errors).toContain('i18n: missing the Russian and Korean translations');
  });

  it('notes in Russian and Korean are in their scripts', () => {
    for (const fact of packJson.facts) {
      expect(fact.i18n.ru.text, fact.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(fact.i18n.ko.text, fact.id).toMatch(/\p{Script=Hangul}/u);
    }
    for (const claim of packJson.claims) {
      expect(claim.i18n.ru.explanation, claim.id).toMatch(/\p{Script=Cyrillic}/u);
      expect(claim.i18n.ko.explanation, claim.id).toMatch(/\p{Script=Hangul}/u);
    }
  });
});

describe('quotes for a reader', () => {
  const sources = new Map(packJson.sources.map((s) => [s.id, s]));
  const byId = (id: string) => packJson.quotes.find((q) => q.id === id)!;

  it('a Russian quote with its original: the Russian words, and for a Korean reader a translation marked as ours', () => {
    const quote = byId('putin-breakthrough');
    const ru = localQuote(quote, 'ru', sources);
    expect(ru.words).toEqual({ text: quote.original, lang: 'ru', origin: { kind: 'original' } });
    expect(ru.translation).toBeUndefined();
    const ko = localQuote(quote, 'ko', sources);
    expect(ko.words.lang).toBe('ru');
    expect(ko.translation).toMatchObject({ lang: 'ko', origin: { kind: 'ours' } });
    expect(ko.speaker).toBe('블라디미르 푸틴');
    // The original's own source is cited with the quote.
    expect(ko.sources).toContain('S36');
  });

  it('an English speaker’s words stay in English, with the reader’s language beneath', () => {
    const quote = byId('kirby-trip');
    const ru = localQuote(quote, 'ru', sources);
    expect(ru.words).toMatchObject({ text: quote.text, lang: 'en', origin: { kind: 'original' } });
    expect(ru.translation).toMatchObject({ lang: 'ru', origin: { kind: 'ours' } });
    expect(localQuote(quote, 'en', sources).translation).toBeUndefined();
  });

  it('without the original, never passes a translation off as the speaker’s words', () => {
    const quote = byId('kim-alliance');
    const ko = localQuote(quote, 'ko', sources);
    expect(ko.translation).toBeUndefined();
    expect(ko.words.origin).toEqual({ kind: 'ours', from: 'Reuters' });
    const en = localQuote(quote, 'en', sources);
    expect(en.words.origin.kind).toBe('published');
  });
});
