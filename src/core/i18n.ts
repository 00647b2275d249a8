/**
 * The reader's language: which of the UI languages to use, and message lookup with the browser's own rules
 * (named $PLACEHOLDERS$ mapping to $1…$9). The extension carries its own lookup because the reader may choose a
 * language other than the browser's ("Notes in"), which browser.i18n cannot do. No DOM, no browser API.
 */

/** Languages the notes and the interface are written in; the first is the fallback for any other browser language. */
export const uiLanguages = ['en', 'ru', 'ko'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const languageChoices = ['auto', ...uiLanguages] as const;
/** The reader's setting: follow the browser ("auto") or one language. */
export type LanguageChoice = (typeof languageChoices)[number];

/** BCP 47 tags for Intl and the lang attribute. */
export const localeOf: Record<UiLanguage, string> = { en: 'en', ru: 'ru', ko: 'ko' };

export function isUiLanguage(value: string): value is UiLanguage {
  return (uiLanguages as readonly string[]).includes(value);
}

/** The language to show: the reader's choice, else the browser's UI language when we write it, else English. */
export function pickLanguage(choice: LanguageChoice | undefined, browserLanguage: string | undefined): UiLanguage {
  if (choice && choice !== 'auto') return choice;
  const primary = (browserLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return isUiLanguage(primary) ? primary : 'en';
}

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
/** One _locales/<lang>/messages.json. */
export type Catalog = Record<string, MessageEntry>;
export type Translate = (key: string, substitutions?: readonly string[]) => string;

/**
 * Looks a key up as browser.i18n.getMessage does: $NAME$ becomes its placeholder's content, $1…$9 the
 * substitutions, $$ a dollar sign. An unknown key gives the key itself, so a missing string shows, not a blank.
 */
export function translator(catalog: Catalog): Translate {
  return (key, substitutions = []) => {
    const entry = catalog[key];
    if (!entry) return key;
    const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
      return placeholder ? placeholder[1].content : whole;
    });
    return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
  };
}

/** The named placeholders a message uses, lower case, sorted: every language must use the same ones. */
export function placeholdersOf(entry: MessageEntry): string[] {
  return [...new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()))].sort();
}
