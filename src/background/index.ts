/**
 * Background: settings, per-tab mention counts on the badge, keyboard commands, message routing.
 * Holds no page content; it only counts.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import * as z from 'zod/mini';
import { readPageAnswer, toBackground, type ToContent } from '../core/messages';
import { dossierPath } from '../core/dossier-links';
import { pickLanguage, type LanguageChoice } from '../core/i18n';
import { setSite, SETTINGS_KEY } from '../core/settings';
import { loadSettings } from '../core/settings-schema';
import { translatorFor } from '../ui/catalogs';
import { readSettings, updateSettings } from './settings-store';

/** tab id → frame id → mentions reported by that frame */
const counts = new Map<number, Map<number, { count: number; flagged: number }>>();

/** The reader's language choice, for the badge's title; kept in step with storage. */
let languageChoice: LanguageChoice = 'auto';
void readSettings()
  .then((settings) => (languageChoice = settings.language))
  .catch(() => undefined);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[SETTINGS_KEY]) languageChoice = loadSettings(changes[SETTINGS_KEY].newValue).settings.language;
});

function showBadge(tabId: number): void {
  let total = 0;
  let flagged = 0;
  for (const frame of counts.get(tabId)?.values() ?? []) {
    total += frame.count;
    flagged += frame.flagged;
  }
  const text = total === 0 ? '' : total > 99 ? '99+' : String(total);
  // The tab may be gone by now; a badge for a closed tab is nothing to report.
  browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  if (total > 0) {
    browser.action.setBadgeBackgroundColor({ tabId, color: flagged > 0 ? '#8a4b00' : '#3b5bdb' }).catch(() => undefined);
  }
  // Back to the manifest's title once the count is gone.
  const t = translatorFor(pickLanguage(languageChoice, browser.i18n.getUILanguage()));
  const title = total > 0 ? t('badgeTitle', [String(total)]) : t('actionTitle');
  if (title) browser.action.setTitle({ tabId, title }).catch(() => undefined);
}

function isOwnContext(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnContext(sender)) return undefined;
  const parsed = z.safeParse(toBackground, raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  switch (message.type) {
    case 'cs:mentions': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const frames = counts.get(tabId) ?? new Map();
      frames.set(sender.frameId ?? 0, { count: message.count, flagged: message.flagged });
      counts.set(tabId, frames);
      showBadge(tabId);
      return Promise.resolve(true);
    }
    case 'cs:load': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      // Only into the frame that asked, and only one of the extension's own files (Firefox; see part-loader.ts).
      if (!browser.scripting) return undefined;
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [message.file] })
        .then(() => true);
    }
    case 'cs:open-dossier': {
      // Only the extension's own page: the target was checked against the dossier's anchor pattern.
      const tab = sender.tab;
      const url = browser.runtime.getURL(dossierPath(message.target));
      return browser.tabs
        .create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) })
        .then(() => true);
    }
    case 'settings:get':
      return readSettings();
    case 'settings:update':
      return updateSettings(message.patch);
  }
});

// A navigation starts a new page: its counts start again from nothing.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'loading') return;
  counts.delete(tabId);
  showBadge(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function sendToTab(tabId: number, message: ToContent): Promise<unknown> {
  // Only the top frame answers commands; pages where no content script runs simply do not answer.
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

browser.commands.onCommand.addListener(async (command) => {
  const tabId = await activeTabId();
  if (command === 'toggle-everywhere') {
    const settings = await readSettings();
    await updateSettings({ enabled: !settings.enabled, pausedUntil: 0 });
  } else if (tabId !== undefined && command === 'go-to-next-mention') {
    await sendToTab(tabId, { type: 'page:next' });
  } else if (tabId !== undefined && command === 'toggle-site') {
    // A page with nothing to note does not answer (sentinel.ts); its address comes with activeTab.
    const settings = await readSettings();
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const report = readPageAnswer(await sendToTab(tabId, { type: 'page:get' }), tab?.url, settings, Date.now());
    if (!report?.host) return;
    const on = settings.disabledSites.includes(report.host);
    await updateSettings(setSite(settings, report.host, on));
  }
});

browser.runtime.onInstalled.addListener(() => {
  void readSettings();
});
browser.runtime.onStartup.addListener(() => {
  void readSettings();
});
