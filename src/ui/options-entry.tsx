import { render } from 'preact';
import { packMeta } from '../dataset/meta';
import { browserConnector } from './connector';
import { Options } from './Options';

document.title = browserConnector.t('optionsTitle');
render(<Options connector={browserConnector} dataset={packMeta} />, document.getElementById('root')!);
