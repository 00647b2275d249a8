import { useEffect, useState } from 'preact/hooks';
import { DOSSIER_PAGE } from '../core/dossier-links';
import type { PageReport } from '../core/messages';
import { activeState, setSite, type Settings } from '../core/settings';
import type { Connector } from './connector';
import type { Translate } from '../core/i18n';
import { formatReaderDate } from './format';
import { useTranslator } from './use-translator';

export { formatReaderDate };

const PAUSE_MS = 60 * 60 * 1000;

export interface PopupProps {
  connector: Connector;
  dataset: { version: string; updated: string };
  now?: () => number;
}

export function Popup({ connector, dataset, now = Date.now }: PopupProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);

  useEffect(() => {
    void connector.getSettings().then(setSettings);
    void connector.getPageReport().then(setReport);
    return connector.onSettingsChanged((next) => {
      setSettings(next);
      // The page rescans or clears when settings change; ask again once it has.
      setTimeout(() => void connector.getPageReport().then(setReport), 150);
    });
  }, [connector]);

  const { t, locale } = useTranslator(connector, settings);
  if (!settings || report === undefined) return <main class="popup" aria-busy="true" />;

  const host = report?.host ?? '';
  const state = activeState(settings, host, now());
  const update = (patch: Parameters<Connector['updateSettings']>[0]) => void connector.updateSettings(patch).then(setSettings);
  const paused = state === 'paused';

  return (
    <main class="popup">
      <header class="popup-header">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        <h1>{t('extName')}</h1>
      </header>

      <section class="switches" aria-label={t('popupEverywhere')}>
        <label class="switch">
          <span>{t('popupEverywhere')}</span>
          <input
            type="checkbox"
            role="switch"
            data-testid="switch-everywhere"
            checked={settings.enabled}
            onChange={(event) => update({ enabled: event.currentTarget.checked, pausedUntil: 0 })}
          />
        </label>
        {report && host && (
          <label class="switch">
            <span>{t('popupThisSite', [host])}</span>
            <input
              type="checkbox"
              role="switch"
              data-testid="switch-site"
              checked={!settings.disabledSites.includes(host)}
              disabled={!settings.enabled}
              onChange={(event) => update(setSite(settings, host, event.currentTarget.checked))}
            />
          </label>
        )}
        {settings.enabled && (
          <button type="button" class="link-button" data-testid="pause" onClick={() => update({ pausedUntil: paused ? 0 : now() + PAUSE_MS })}>
            {paused ? t('popupResume') : t('popupPause')}
          </button>
        )}
        {paused && <p class="muted">{t('popupPausedUntil', [new Date(settings.pausedUntil).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })])}</p>}
      </section>

      <section class="page" aria-live="polite" data-testid="page-status">
        <PageStatus connector={connector} report={report} state={state} t={t} />
      </section>

      <footer class="popup-footer">
        <span data-testid="dataset">{t('popupDataset', [dataset.version, formatReaderDate(dataset.updated, locale)])}</span>
        <span class="popup-links">
          <a
            href={DOSSIER_PAGE}
            class="link-button"
            data-testid="whole-story"
            onClick={(event) => {
              // A link for what it is; opened as a tab by the extension, as the popup closes.
              event.preventDefault();
              void connector.openDossier().then(() => window.close());
            }}
          >
            {t('popupWholeStory')}
          </a>
          <button type="button" class="link-button" onClick={() => void connector.openOptions()}>
            {t('popupOptions')}
          </button>
        </span>
      </footer>
    </main>
  );
}

function PageStatus({ connector, report, state, t }: { connector: Connector; report: PageReport | null; state: ReturnType<typeof activeState>; t: Translate }) {
  if (!report) return <p>{t('popupNotWebPage')}</p>;
  if (state === 'off-everywhere') return <p>{t('popupOffEverywhere')}</p>;
  if (state === 'off-site') return <p>{t('popupOffSite')}</p>;
  if (state === 'paused') return <p>{t('popupPaused')}</p>;
  if (report.scanning && report.mentions.length === 0) return <p>{t('popupScanning')}</p>;
  if (report.mentions.length === 0) return <p>{t('popupNoMentions')}</p>;

  const kindLabel = { name: t('kindName'), 'co-occurrence': t('kindCooccurrence'), reference: t('kindReference') };
  const framingLabel = { none: t('framingNone'), some: t('framingSome'), strong: t('framingStrong') };
  const count = report.mentions.length;
  return (
    <>
      <h2>
        {t('popupMentionsHeading')} <span class="count" data-testid="mention-count">{count === 1 ? t('popupOneMention') : t('popupMentionCount', [String(count)])}</span>
      </h2>
      {(report.framing.some > 0 || report.framing.strong > 0) && (
        <p class="framing-summary">{t('popupFramingSummary', [String(report.framing.strong), String(report.framing.some), String(report.framing.none)])}</p>
      )}
      {report.pageSignals.length > 0 && <p class="framing-summary">{t('popupPageSignals', [report.pageSignals.join('; ')])}</p>}
      <ol class="mentions">
        {report.mentions.map((mention) => (
          <li key={mention.index}>
            <button
              type="button"
              class="mention"
              title={t('popupJumpTo')}
              onClick={() => void connector.revealMention(mention.index).then(() => window.close())}
            >
              <span class="mention-text">{mention.text}</span>
              <span class="mention-context">{mention.context}</span>
              <span class="mention-meta">
                {kindLabel[mention.kind]}
                {mention.framing !== 'none' && <span class={`framing framing-${mention.framing}`}> · {framingLabel[mention.framing]}</span>}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
