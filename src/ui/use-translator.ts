import { useEffect } from 'preact/hooks';
import { localeOf, pickLanguage, type Translate } from '../core/i18n';
import type { Settings } from '../core/settings';
import type { Connector } from './connector';

/**
 * The strings of an extension page in the reader's language (the options' choice, else the browser's), with the
 * document's lang and, when given, its title kept in step.
 */
export function useTranslator(connector: Connector, settings: Settings | null, titleKey?: string): { t: Translate; locale: string } {
  const language = pickLanguage(settings?.language, connector.browserLanguage());
  const t = connector.translator(language);
  const locale = localeOf[language];
  useEffect(() => {
    document.documentElement.lang = locale;
    if (titleKey) document.title = t(titleKey);
  }, [locale, titleKey, t]);
  return { t, locale };
}
