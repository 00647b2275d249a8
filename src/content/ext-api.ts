/**
 * The extension API as the content script sees it. Firefox has `browser` (promises); Chrome 120+ answers
 * promises on `chrome` for everything used here. The polyfill is left out of this bundle on purpose:
 * the content script runs on every page and must stay small.
 */
import type { Browser } from 'webextension-polyfill';

type Global = { browser?: Browser; chrome?: Browser };
export const ext: Browser = ((globalThis as Global).browser ?? (globalThis as Global).chrome) as Browser;

/** False once the extension was reloaded or updated under this page ("Extension context invalidated"). */
export function contextAlive(): boolean {
  try {
    return Boolean(ext.runtime?.id);
  } catch {
    return false;
  }
}
