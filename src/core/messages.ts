/**
 * Every runtime message, named by direction, with the schema that checks it where it arrives.
 * zod/mini: these schemas are bundled into the content script.
 */
import * as z from 'zod/mini';
import { DOSSIER_TARGET_PATTERN } from './dossier-links';
import { settingsPatchSchema } from './settings-schema';
import { quietReport } from './quiet-report';
import { hostKey, type Settings } from './settings';

const count = z.number().check(z.int(), z.nonnegative(), z.lte(1_000_000));

/** Content script → background. */
export const contentToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs:mentions'), count, flagged: count }),
  /** The frame needs more of the extension's code: notes.js (the page gate opened), card.js (a mention). */
  z.object({ type: z.literal('cs:load'), file: z.enum(['notes.js', 'card.js']) }),
  z.object({ type: z.literal('settings:update'), patch: settingsPatchSchema }),
  /** "The whole story" in a card: the dossier page, at one item, in a tab beside the page's. */
  z.object({ type: z.literal('cs:open-dossier'), target: z.string().check(z.regex(DOSSIER_TARGET_PATTERN)) }),
]);
export type PartFile = 'notes.js' | 'card.js';
export type ContentToBackground = z.infer<typeof contentToBackground>;

/** Popup or options page → background. */
export const uiToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('settings:get') }),
  z.object({ type: z.literal('settings:update'), patch: settingsPatchSchema }),
]);
export type UiToBackground = z.infer<typeof uiToBackground>;

export const toBackground = z.union([contentToBackground, uiToBackground]);
export type ToBackground = z.infer<typeof toBackground>;

/** Background or popup → content script of one tab. */
export const toContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page:get') }),
  z.object({ type: z.literal('page:reveal'), index: count }),
  z.object({ type: z.literal('page:next') }),
]);
export type ToContent = z.infer<typeof toContent>;

export const framingLevels = ['none', 'some', 'strong'] as const;

export const mentionSummarySchema = z.object({
  index: count,
  text: z.string(),
  context: z.string(),
  kind: z.enum(['name', 'co-occurrence', 'reference']),
  confidence: z.number(),
  framing: z.enum(framingLevels),
});
export type MentionSummary = z.infer<typeof mentionSummarySchema>;

/** The content script's answer to page:get; the popup validates it too. */
export const pageReportSchema = z.object({
  host: z.string(),
  state: z.enum(['on', 'off-everywhere', 'paused', 'off-site']),
  scanning: z.boolean(),
  mentions: z.array(mentionSummarySchema),
  framing: z.object({ none: count, some: count, strong: count }),
  /** Page-level opinion signals (an opinion section, an op-ed URL…), in words. */
  pageSignals: z.array(z.string()),
});
export type PageReport = z.infer<typeof pageReportSchema>;

/**
 * How the popup and the background read a tab: the content script's answer to page:get when it gave one;
 * otherwise, on a web page, a quiet report, since content.js listens only once its page gate opens (a page
 * that never mentions the treaty never answers; see sentinel.ts); null for anything else (not a web page).
 * `tabUrl` is there for the active tab (activeTab, granted by the toolbar click or a shortcut).
 */
export function readPageAnswer(answer: unknown, tabUrl: string | undefined, settings: Settings, now: number): PageReport | null {
  const parsed = z.safeParse(pageReportSchema, answer);
  if (parsed.success) return parsed.data;
  if (!tabUrl) return null;
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
  return quietReport(hostKey(url.hostname), settings, now);
}
