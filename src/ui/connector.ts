/**
 * The one door between the UI (popup, options) and the browser: settings, the current tab's report,
 * strings. Components receive a Connector, so they never touch the browser API and can be tested with a fake.
 */
import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import { pageReportSchema, type PageReport, type ToContent, type UiToBackground } from '../core/messages';
import { SETTINGS_KEY, type Settings, type SettingsPatch } from '../core/settings';
import { loadSettings } from '../core/settings-schema';
import type { Translate, UiLanguage } from '../core/i18n';
import { translatorFor } from './catalogs';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface Connector {
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  /** The active tab's report, or null where no content script answers (not a web page). */
  getPageReport(): Promise<PageReport | null>;
  revealMention(index: number): Promise<void>;
  shortcuts(): Promise<Shortcut[]>;
  openOptions(): Promise<void>;
  /** The browser's UI language, which "automatic" follows. */
  browserLanguage(): string;
  /** UI strings in one language (the extension's own lookup: the reader may choose another than the browser's). */
  translator(language: UiLanguage): Translate;
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function toBackground<T>(message: UiToBackground): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

async function toActiveTab(message: ToContent): Promise<unknown> {
  const tabId = await activeTabId();
  if (tabId === undefined) return undefined;
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
}

export const browserConnector: Connector = {
  async getSettings() {
    // The background repairs and writes back; if it cannot be reached, read storage and repair here.
    const answer = await toBackground<unknown>({ type: 'settings:get' }).catch(() => undefined);
    if (answer !== undefined) return loadSettings(answer).settings;
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return loadSettings(stored[SETTINGS_KEY]).settings;
  },
  async updateSettings(patch) {
    return loadSettings(await toBackground<unknown>({ type: 'settings:update', patch })).settings;
  },
  onSettingsChanged(listener) {
    const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'local' && changes[SETTINGS_KEY]) listener(loadSettings(changes[SETTINGS_KEY].newValue).settings);
    };
    browser.storage.onChanged.addListener(handle);
    return () => browser.storage.onChanged.removeListener(handle);
  },
  async getPageReport() {
    const parsed = z.safeParse(pageReportSchema, await toActiveTab({ type: 'page:get' }));
    return parsed.success ? parsed.data : null;
  },
  async revealMention(index) {
    await toActiveTab({ type: 'page:reveal', index });
  },
  async shortcuts() {
    const commands = await browser.commands.getAll();
    return commands.map((command) => ({ name: command.name ?? '', description: command.description ?? '', shortcut: command.shortcut ?? '' }));
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
  },
  browserLanguage() {
    return browser.i18n.getUILanguage();
  },
  translator(language) {
    return translatorFor(language);
  },
};
