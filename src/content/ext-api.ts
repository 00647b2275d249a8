/**
 * The extension API as the content script sees it. Firefox has `browser` (promises); Chrome 120+ answers
 * promises on `chrome` for everything used here. The polyfill is left out of this bundle on purpose:
 * the content script runs on every page and must stay small.
 *
 * content.js (the page gate) must not touch the API while the gate stays closed: the first use builds the
 * API's bindings in the isolated world, which costs more than reading the page. So content.js asks
 * `extensionApi()` only once the gate opens; `ext` is for notes.js and card.js, which load after that.
 */
import type { Browser } from 'webextension-polyfill';

type Global = { browser?: Browser; chrome?: Browser };
export function extensionApi(): Browser {
  return ((globalThis as Global).browser ?? (globalThis as Global).chrome) as Browser;
}
export const ext: Browser = /* @__PURE__ */ extensionApi();

/** False once the extension was reloaded or updated under this page ("Extension context invalidated"). */
export function contextAlive(): boolean {
  try {
    return Boolean(extensionApi().runtime?.id);
  } catch {
    return false;
  }
}
