/**
 * Content script entry: runs at document_idle on every http(s) page and frame. On a page without a
 * mention it reads settings, walks the text once, and is done.
 */
import { NotesController } from './controller';
import { contextAlive } from './ext-api';

// Pages can be served as XML or SVG documents; there is no reading text to note there.
if (contextAlive() && document.documentElement instanceof HTMLElement) {
  const controller = new NotesController(document, window);
  controller.start().catch((error: unknown) => {
    // The extension may have been reloaded between injection and now; anything else is ours to see.
    if (contextAlive()) console.warn('Context Notes could not start', error);
    controller.destroy();
  });
}
