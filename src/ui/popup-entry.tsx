import { render } from 'preact';
import { packMeta } from '../dataset/meta';
import { browserConnector } from './connector';
import { Popup } from './Popup';

render(<Popup connector={browserConnector} dataset={packMeta} />, document.getElementById('root')!);
