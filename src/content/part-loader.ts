/**
 * Gets more of the extension's code into this frame when the page needs it, into the content script's
 * isolated world, where each part leaves its API on a global the page cannot see:
 * notes.js once the page gate opens, card.js once the notes found a mention.
 * - Chrome: import() of the file, a web-accessible resource reachable only at a per-session URL
 *   (use_dynamic_url), so pages cannot probe for the extension. Chrome does not count content-script
 *   hosts as host permissions, so scripting.executeScript would need <all_urls> host access.
 * - Firefox: the background injects the file with scripting.executeScript (content-script hosts are host
 *   permissions there); no web-accessible resource, and no import() of a computed URL, which AMO's linter flags.
 */
import type { PartFile } from '../core/messages';
import { extensionApi } from './ext-api';

export const NOTES_GLOBAL = '__contextNotesNotes';
export const CARD_GLOBAL = '__contextNotesCard';

type Globals = Record<string, unknown>;

export async function loadPart<T>(file: PartFile, global: string): Promise<T> {
  const existing = (globalThis as Globals)[global];
  if (existing) return existing as T;
  const ext = extensionApi();
  if (__BROWSER__ === 'firefox') await ext.runtime.sendMessage({ type: 'cs:load', file });
  else await import(/* @vite-ignore */ ext.runtime.getURL(file));
  const loaded = (globalThis as Globals)[global];
  if (!loaded) throw new Error(`${file} did not load`);
  return loaded as T;
}
