/**
 * The one door between the UI (popup, options) and the browser: settings, the current tab's report,
 * strings. Components receive a Connector, so they never touch the browser API and can be tested with a fake.
 */
import browser from 'webextension-polyfill';
import { readPageAnswer, type PageReport, type ToContent, type UiToBackground } from '../core/messages';
import { dossierPath } from '../core/dossier-links';
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
  /** The dossier page (dossier.html), at `target` when given, in a new tab. */
  openDossier(target?: string): Promise<void>;
  /** The browser's UI language, which "automatic" follows. */
  browserLanguage(): string;
  /** UI strings in one language (the extension's own lookup: the reader may choose another than the browser's). */
  translator(language: UiLanguage): Translate;
}

async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function toBackground<T>(message: UiToBackground): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

async function toTab(tab: browser.Tabs.Tab | undefined, message: ToContent): Promise<unknown> {
  if (tab?.id === undefined) return undefined;
  // Rejected when nothing listens there: not a web page, or a page whose gate stayed closed (sentinel.ts).
  return browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
}

async function getSettings(): Promise<Settings> {
  // The background repairs and writes back; if it cannot be reached, read storage and repair here.
  const answer = await toBackground<unknown>({ type: 'settings:get' }).catch(() => undefined);
  if (answer !== undefined) return loadSettings(answer).settings;
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return loadSettings(stored[SETTINGS_KEY]).settings;
}

export const browserConnector: Connector = {
  getSettings,
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
    const tab = await activeTab();
    const answer = await toTab(tab, { type: 'page:get' });
    return readPageAnswer(answer, tab?.url, await getSettings(), Date.now());
  },
  async revealMention(index) {
    await toTab(await activeTab(), { type: 'page:reveal', index });
  },
  async shortcuts() {
    const commands = await browser.commands.getAll();
    return commands.map((command) => ({ name: command.name ?? '', description: command.description ?? '', shortcut: command.shortcut ?? '' }));
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
  },
  async openDossier(target = '') {
    await browser.tabs.create({ url: browser.runtime.getURL(dossierPath(target)) });
  },
  browserLanguage() {
    return browser.i18n.getUILanguage();
  },
  translator(language) {
    return translatorFor(language);
  },
};
