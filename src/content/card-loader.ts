/**
 * Gets the card's code into this frame only once it has a mention, into the content script's isolated
 * world, where card.js leaves its API on a global the page cannot see.
 * - Chrome: import() of card.js, a web-accessible resource reachable only at a per-session URL
 *   (use_dynamic_url), so pages cannot probe for the extension. Chrome does not count content-script
 *   hosts as host permissions, so scripting.executeScript would need <all_urls> host access.
 * - Firefox: the background injects card.js with scripting.executeScript (content-script hosts are host
 *   permissions there); no web-accessible resource, and no import() of a computed URL, which AMO's linter flags.
 */
import type * as CardApi from './card-module';
import { ext } from './ext-api';

export type CardModule = typeof CardApi;
export const CARD_GLOBAL = '__contextNotesCard';

type CardGlobal = { [CARD_GLOBAL]?: CardModule };

export async function loadCardModule(): Promise<CardModule> {
  const existing = (globalThis as CardGlobal)[CARD_GLOBAL];
  if (existing) return existing;
  if (__BROWSER__ === 'firefox') await ext.runtime.sendMessage({ type: 'cs:load-card' });
  else await import(/* @vite-ignore */ ext.runtime.getURL('card.js'));
  const loaded = (globalThis as CardGlobal)[CARD_GLOBAL];
  if (!loaded) throw new Error('card.js did not load');
  return loaded;
}
