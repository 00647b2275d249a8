import { render } from 'preact';
import { packMeta } from '../dataset/meta';
import { browserConnector } from './connector';
import { Options } from './Options';

render(<Options connector={browserConnector} dataset={packMeta} />, document.getElementById('root')!);
