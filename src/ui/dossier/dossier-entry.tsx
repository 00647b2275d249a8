import { render } from 'preact';
import browser from 'webextension-polyfill';
import { pack } from '../../dataset/index';
import { packMeta } from '../../dataset/meta';
import { Dossier } from './Dossier';

const t = (key: string, substitutions?: string[]) => browser.i18n.getMessage(key, substitutions) || key;
const locale = browser.i18n.getUILanguage().replace('_', '-') || 'en';
/** The reader's own calendar day, for the timeline's "today". */
const now = new Date();
const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

document.documentElement.lang = locale;
document.title = t('dossierTitle', [pack.shortTitle]);
render(<Dossier pack={pack} t={t} today={today} locale={locale} hash={packMeta.hash} />, document.getElementById('root')!);
