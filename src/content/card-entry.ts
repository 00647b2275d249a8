/** card.js: runs in the content script's isolated world and hands its API to the notes. */
import * as card from './card-module';
import { CARD_GLOBAL } from './part-loader';

(globalThis as Record<string, unknown>)[CARD_GLOBAL] = card;
