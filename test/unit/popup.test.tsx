// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageReport } from '../../src/core/messages';
import { applyPatch, defaultSettings, type Settings, type SettingsPatch } from '../../src/core/settings';
import type { Connector } from '../../src/ui/connector';
import { formatReaderDate, Popup } from '../../src/ui/Popup';

const report = (patch: Partial<PageReport> = {}): PageReport => ({
  host: 'news.example',
  state: 'on',
  scanning: false,
  mentions: [],
  framing: { none: 0, some: 0, strong: 0 },
  pageSignals: [],
  ...patch,
});

/** The popup's only way out to the browser, faked: settings in memory, a fixed page report. */
function fakeConnector(page: PageReport | null, initial: Settings = defaultSettings) {
  let settings = { ...initial };
  const listeners = new Set<(s: Settings) => void>();
  const connector: Connector = {
    getSettings: async () => settings,
    updateSettings: vi.fn(async (patch: SettingsPatch) => {
      settings = applyPatch(settings, patch);
      listeners.forEach((listener) => listener(settings));
      return settings;
    }),
    onSettingsChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getPageReport: async () => page,
    revealMention: vi.fn(async () => undefined),
    shortcuts: async () => [],
    openOptions: async () => undefined,
    openDossier: vi.fn(async () => undefined),
    browserLanguage: () => 'en-US',
    translator: () => (key, subs) => (subs?.length ? `${key}(${subs.join(',')})` : key),
  };
  return { connector, current: () => settings };
}

async function mount(connector: Connector) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<Popup connector={connector} dataset={{ version: '1.0.0', updated: '2026-11-27' }} now={() => 1_000} />, root);
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('formatReaderDate (the popup’s dates, as the reader writes them)', () => {
  it('writes an ISO date in the reader’s locale, the same day wherever the reader is', () => {
    expect(formatReaderDate('2026-12-04', 'en-US')).toBe('Dec 4, 2026');
    expect(formatReaderDate('2026-12-04', 'en-GB')).toBe('4 Dec 2026');
    expect(formatReaderDate('2026-12-04', 'de')).toBe('4. Dez. 2026');
    expect(formatReaderDate('2024-01-01', 'en-US')).toBe('Jan 1, 2024');
  });

  it('leaves anything else as it is', () => {
    for (const text of ['2024-06', '2024', '2024-13-01', '2024-02-30', 'June 2024', '']) expect(formatReaderDate(text, 'en-US')).toBe(text);
  });
});

describe('Popup', () => {
  it('shows the dataset version and the date it was checked up to, in words, not as an ISO date', async () => {
    const root = await mount(fakeConnector(null).connector);
    expect(root.querySelector('[data-testid="dataset"]')?.textContent).toBe(`popupDataset(1.0.0,${formatReaderDate('2026-11-27', 'en')})`);
    expect(root.querySelector('[data-testid="dataset"]')?.textContent).not.toContain('2026-11-27');
  });

  it('says plainly when the tab is not a web page', async () => {
    const root = await mount(fakeConnector(null).connector);
    expect(root.querySelector('[data-testid="page-status"]')?.textContent).toBe('popupNotWebPage');
    expect(root.querySelector('[data-testid="switch-site"]')).toBeNull();
  });

  it('lists the mentions with their context and framing, and reveals one on click', async () => {
    const page = report({
      mentions: [
        { index: 0, text: 'Russia–North Korea treaty', context: '…signed the Russia–North Korea treaty in June…', kind: 'name', confidence: 0.95, framing: 'none' },
        { index: 1, text: 'the pact', context: '…the pact is a dangerous axis…', kind: 'reference', confidence: 0.5, framing: 'strong' },
      ],
      framing: { none: 1, some: 0, strong: 1 },
    });
    const { connector } = fakeConnector(page);
    const root = await mount(connector);
    const items = [...root.querySelectorAll('button.mention')];
    expect(items).toHaveLength(2);
    expect(root.querySelector('[data-testid="mention-count"]')?.textContent).toBe('popupMentionCount(2)');
    expect(items[1]?.textContent).toContain('framingStrong');
    expect(root.textContent).toContain('popupFramingSummary(1,0,1)');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await act(async () => {
      (items[1] as HTMLButtonElement).click();
    });
    expect(connector.revealMention).toHaveBeenCalledWith(1);
    close.mockRestore();
  });

  it('turns the site off and on through the connector', async () => {
    const fake = fakeConnector(report());
    const root = await mount(fake.connector);
    const site = root.querySelector<HTMLInputElement>('[data-testid="switch-site"]')!;
    expect(site.checked).toBe(true);
    await act(async () => {
      site.click();
    });
    expect(fake.current().disabledSites).toEqual(['news.example']);
    expect(root.querySelector('[data-testid="page-status"]')?.textContent).toBe('popupOffSite');
    await act(async () => {
      root.querySelector<HTMLInputElement>('[data-testid="switch-site"]')!.click();
    });
    expect(fake.current().disabledSites).toEqual([]);
  });

  it('turns notes off everywhere and says so', async () => {
    const fake = fakeConnector(report());
    const root = await mount(fake.connector);
    await act(async () => {
      root.querySelector<HTMLInputElement>('[data-testid="switch-everywhere"]')!.click();
    });
    expect(fake.current().enabled).toBe(false);
    expect(root.querySelector('[data-testid="page-status"]')?.textContent).toBe('popupOffEverywhere');
    expect(root.querySelector<HTMLInputElement>('[data-testid="switch-site"]')!.disabled).toBe(true);
  });

  it('pauses for an hour and resumes', async () => {
    const fake = fakeConnector(report());
    const root = await mount(fake.connector);
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="pause"]')!.click();
    });
    expect(fake.current().pausedUntil).toBe(1_000 + 60 * 60 * 1000);
    expect(root.querySelector('[data-testid="page-status"]')?.textContent).toBe('popupPaused');
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="pause"]')!.click();
    });
    expect(fake.current().pausedUntil).toBe(0);
  });

  it('says when the page has no mention', async () => {
    const root = await mount(fakeConnector(report()).connector);
    expect(root.querySelector('[data-testid="page-status"]')?.textContent).toBe('popupNoMentions');
  });
});
