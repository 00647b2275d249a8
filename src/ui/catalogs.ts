/**
 * Every UI string in every language, bundled: the reader may choose a language other than the browser's. Only
 * the popup, options, background and card bundles import this, never the content script's gate.
 */
import en from '../../assets/_locales/en/messages.json';
import ko from '../../assets/_locales/ko/messages.json';
import ru from '../../assets/_locales/ru/messages.json';
import { pickLanguage, translator, type Catalog, type LanguageChoice, type Translate, type UiLanguage } from '../core/i18n';

export const catalogs: Record<UiLanguage, Catalog> = { en, ru, ko };

export function translatorFor(language: UiLanguage): Translate {
  return translator(catalogs[language]);
}

export function resolveLanguage(choice: LanguageChoice | undefined, browserLanguage: string | undefined): UiLanguage {
  return pickLanguage(choice, browserLanguage);
}
