import { useEffect, useState } from 'preact/hooks';
import { DOSSIER_PAGE } from '../core/dossier-links';
import { highlightStyles, type HighlightStyle, type Settings } from '../core/settings';
import { languageChoices, type LanguageChoice } from '../core/i18n';
import type { Connector, Shortcut } from './connector';
import { useTranslator } from './use-translator';

const languageLabel: Record<LanguageChoice, string> = { auto: 'languageAuto', en: 'languageEn', ru: 'languageRu', ko: 'languageKo' };
/** The manifest's commands, described in the reader's language rather than the browser's. */
const commandKeys: Record<string, string> = { 'go-to-next-mention': 'commandNextMention', 'toggle-everywhere': 'commandToggleEverywhere', 'toggle-site': 'commandToggleSite' };
const styleLabel: Record<HighlightStyle, string> = { underline: 'styleUnderline', dotted: 'styleDotted', tint: 'styleTint' };
const confidenceChoices = [
  { value: 0.5, label: 'confidenceAll' },
  { value: 0.6, label: 'confidenceCooccurrence' },
  { value: 0.9, label: 'confidenceNames' },
] as const;

export interface OptionsProps {
  connector: Connector;
  dataset: { version: string; updated: string; hash: string };
}

export function Options({ connector, dataset }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const { t } = useTranslator(connector, settings, 'optionsTitle');

  useEffect(() => {
    void connector.getSettings().then(setSettings);
    void connector.shortcuts().then(setShortcuts);
    return connector.onSettingsChanged(setSettings);
  }, [connector]);

  if (!settings) return <main class="options" aria-busy="true" />;
  const update = (patch: Parameters<Connector['updateSettings']>[0]) => void connector.updateSettings(patch).then(setSettings);

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a
          href={DOSSIER_PAGE}
          target="_blank"
          rel="noopener"
          data-testid="whole-story"
          onClick={(event) => {
            // In a tab of its own, as from the popup and the card (a plain click would open it, or not, as the
            // browser decides for a page's own links).
            event.preventDefault();
            void connector.openDossier();
          }}
        >
          {t('optionsWholeStory')}
        </a>
      </p>

      <section>
        <h2>{t('optionsDisplay')}</h2>
        <fieldset data-testid="language">
          <legend>{t('optionsLanguage')}</legend>
          {languageChoices.map((choice) => (
            <label key={choice} class="choice">
              <input type="radio" name="language" value={choice} checked={settings.language === choice} onChange={() => update({ language: choice })} />
              <span lang={choice === 'auto' ? undefined : choice}>{t(languageLabel[choice])}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsHighlightStyle')}</legend>
          {highlightStyles.map((style) => (
            <label key={style} class="choice">
              <input type="radio" name="highlight-style" value={style} checked={settings.highlightStyle === style} onChange={() => update({ highlightStyle: style })} />
              <span class={`sample sample-${style}`}>{t(styleLabel[style])}</span>
            </label>
          ))}
        </fieldset>
        <label class="switch">
          <span>{t('optionsFraming')}</span>
          <input type="checkbox" role="switch" data-testid="framing-flags" checked={settings.framingFlags} onChange={(event) => update({ framingFlags: event.currentTarget.checked })} />
        </label>
        <fieldset>
          <legend>{t('optionsMinConfidence')}</legend>
          {confidenceChoices.map((choice) => (
            <label key={choice.value} class="choice">
              <input type="radio" name="min-confidence" checked={settings.minConfidence === choice.value} onChange={() => update({ minConfidence: choice.value })} />
              <span>{t(choice.label)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <section>
        <h2>{t('optionsSites')}</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">{t('optionsNoSites')}</p>
        ) : (
          <ul class="sites" data-testid="disabled-sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" aria-label={t('optionsRemoveSite', [site])} onClick={() => update({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>{t('optionsShortcuts')}</h2>
        <dl class="shortcuts">
          {shortcuts
            .filter((command) => command.description)
            .map((command) => (
              <div key={command.name}>
                <dt>{commandKeys[command.name] ? t(commandKeys[command.name]!) : command.description}</dt>
                <dd>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="muted">{t('optionsNoShortcut')}</span>}</dd>
              </div>
            ))}
        </dl>
        <p class="muted">{t('optionsShortcutsHelp')}</p>
      </section>

      <section>
        <h2>{t('optionsPrivacy')}</h2>
        <p>{t('optionsPrivacyText')}</p>
        <p class="muted">
          {t('optionsDataset')}: {dataset.version} · {dataset.updated} · {dataset.hash}
        </p>
      </section>
    </main>
  );
}
