/**
 * The report of a page with nothing to note, made by the popup and the background for a tab whose content
 * script does not answer (messages.ts, readPageAnswer). Its own module, without the message schemas (zod).
 */
import type { PageReport } from './messages';
import { activeState, type Settings } from './settings';

/** A page with nothing to note: its host, the settings' state there, no mention. */
export function quietReport(host: string, settings: Settings, now: number, scanning = false): PageReport {
  return { host, state: activeState(settings, host, now), scanning, mentions: [], framing: { none: 0, some: 0, strong: 0 }, pageSignals: [] };
}
