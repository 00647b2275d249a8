import { render } from 'preact';
import { packMeta } from '../dataset/meta';
import { browserConnector } from './connector';
import { Popup } from './Popup';

document.documentElement.lang = browserConnector.t('@@ui_locale').replace('_', '-') || 'en';
render(<Popup connector={browserConnector} dataset={packMeta} />, document.getElementById('root')!);
