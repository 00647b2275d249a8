/**
 * content.js: runs at document_idle on every http(s) page and frame. It is only the page gate (sentinel.ts):
 * on a page without a candidate it reads the text once and stays quiet, without touching the extension API.
 */
import { watchPage } from './sentinel';

// Pages can be served as XML or SVG documents; there is no reading text to note there.
if (document.documentElement instanceof HTMLElement) {
  // The gate's literals are derived from the pack at build time (build.mjs, packGate): no word list is compiled here.
  watchPage(document, window, __GATE__);
}
