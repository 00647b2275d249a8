/**
 * notes.js: loaded by the page gate (sentinel.ts) into the content script's isolated world once a page may
 * hold a mention. Hands the gate a way to start the notes and ask them the popup's questions.
 */
import { parseToContent } from '../core/content-guards';
import { contextAlive } from './ext-api';
import { NotesController } from './controller';
import { NOTES_GLOBAL } from './part-loader';

export interface NotesHandle {
  /** A message from the popup or the background, as it came (checked here); undefined for anything else. */
  answer(raw: unknown): unknown;
}

export interface NotesApi {
  start(doc: Document, win: Window & typeof globalThis): NotesHandle;
}

const api: NotesApi = {
  start(doc, win) {
    const controller = new NotesController(doc, win);
    controller.start().catch((error: unknown) => {
      // The extension may have been reloaded between injection and now; anything else is ours to see.
      if (contextAlive()) console.warn('Context Notes could not start', error);
      controller.destroy();
    });
    return {
      answer(raw) {
        const message = parseToContent(raw);
        return message ? controller.answer(message) : undefined;
      },
    };
  },
};

(globalThis as Record<string, unknown>)[NOTES_GLOBAL] = api;
