/**
 * End-to-end harness: the built extension (dist/) in real Chromium (CDP) and real Firefox ESR (WebDriver BiDi),
 * driven by puppeteer-core. Never downloads a browser; uses the system ones.
 *
 * One browser per test file (launchBrowser in beforeAll, close in afterAll), a new page per test.
 *
 * Network: every browser is pointed at a local HTTP proxy (the same server that serves the fixtures), with no
 * bypass, not even for loopback. So every HTTP(S) request any context makes — page, content script, popup,
 * service worker, Firefox background page — reaches that server and is logged, whatever the protocol exposes.
 * Fixture pages are served for 127.0.0.1 and for any host ending in `.test` (so tests can use several
 * "sites"); everything else is refused (502 / failed CONNECT) and logged as external.
 * On top of that, protocol events say which context made a request where the protocol can tell (CDP: every
 * target, including the service worker; BiDi: browsing contexts, not Firefox's background page).
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type ConsoleMessage, type Page, type Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export type BrowserKind = 'chromium' | 'firefox';
export const browserKinds: readonly BrowserKind[] = ['chromium', 'firefox'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(root, 'test/fixtures/pages');
/** Screenshots and other outputs (git-ignored). */
export const artifactsDir = path.join(root, 'test/e2e/artifacts');

const binaries: Record<BrowserKind, { path: string; apt: string; dist: string }> = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', apt: 'chromium', dist: 'chrome' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', apt: 'firefox-esr', dist: 'firefox' },
};

/** Our gecko id (manifest.json) and the UUID we pin for it, so moz-extension:// URLs are known in advance. */
export const GECKO_ID = 'context-notes@context-notes.example';
export const FIREFOX_UUID = '6c0b5e0e-2f6a-4d3c-9a57-3e1c0f5a7b21';

export const HIGHLIGHT_NAMES = [
  'context-notes-mention',
  'context-notes-dotted',
  'context-notes-tint',
  'context-notes-framed',
  'context-notes-active',
] as const;

// ───────────────────────────── fixture server + logging proxy ─────────────────────────────

export interface LoggedRequest {
  /** ms since the server started */
  at: number;
  method: string;
  /** Absolute URL; for CONNECT (HTTPS through the proxy) `https://host:port/` — the path is never seen. */
  url: string;
  /** Served from fixtures (true) or refused as a request to the outside world (false). */
  local: boolean;
  /** Request headers, e.g. to tell an extension origin from a page. */
  headers: http.IncomingHttpHeaders;
}

export interface FixtureServer {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request the browser made through the proxy, in order. */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startFixtureServer(): Promise<FixtureServer> {
  const started = Date.now();
  const requests: LoggedRequest[] = [];
  let port = 0;
  const isLocalHost = (host: string) => {
    const name = host.replace(/:\d+$/, '').toLowerCase();
    return name === '127.0.0.1' || name === 'localhost' || name.endsWith('.test');
  };
  const server = http.createServer((req, res) => {
    // Through the proxy the request line holds an absolute URL; a direct request holds only the path.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `127.0.0.1:${port}`}`);
    const local = isLocalHost(url.host);
    requests.push({ at: Date.now() - started, method: req.method ?? 'GET', url: url.href, local, headers: req.headers });
    if (!local) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the e2e proxy: no outside network in tests');
      return;
    }
    void serveFixture(url.pathname, res);
  });
  // HTTPS through the proxy: we see the host only; nothing is served over TLS.
  server.on('connect', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    requests.push({ at: Date.now() - started, method: 'CONNECT', url: `https://${req.url ?? ''}/`, local: false, headers: req.headers });
    // A CONNECT socket is handed over raw, outside the server's clientError handling: a browser that resets it
    // (Chromium tunnels its own Google traffic through here) would otherwise throw ECONNRESET out of the run.
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFixture(pathname: string, res: http.ServerResponse): Promise<void> {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(fixturesDir, rel);
  if (!file.startsWith(fixturesDir + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile((await stat(file)).isDirectory() ? path.join(file, 'index.html') : file);
    res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  } catch {
    // Browsers ask for /favicon.ico on their own; an empty answer keeps a 404 out of the console logs.
    if (rel === 'favicon.ico') res.writeHead(204).end();
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such fixture');
  }
}

// ───────────────────────────── network and console logs ─────────────────────────────

export interface ContextRequest {
  /** What kind of context made it: 'page', 'service_worker', 'other'… (CDP) or 'browsingContext' (BiDi). */
  contextType: string;
  /** The URL of that context (its document or worker script), when known. */
  contextUrl: string;
  /**
   * Which context made it, stable for the context's life: a CDP target or a BiDi browsing context. Firefox's driver
   * does not report a tab's navigation to a moz-extension:// page that the extension opened itself, so there
   * `contextUrl` can be stale; this tells that tab's requests apart all the same.
   */
  context: string;
  url: string;
}

export interface ConsoleEntry {
  source: string;
  type: string;
  text: string;
}

// ───────────────────────────── the session ─────────────────────────────

export interface Session {
  kind: BrowserKind;
  browser: Browser;
  /** Chromium: the extension id; Firefox: the pinned moz-extension UUID. */
  extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid> (no trailing slash). */
  extensionBaseUrl: string;
  server: FixtureServer;
  /** http://127.0.0.1:<port>/<path>, or on another host: fixtureUrl('mention.html', 'news.test') → http://news.test/mention.html. */
  fixtureUrl(file: string, host?: string): string;
  /** A new foreground tab on a fixture; its console errors and page errors go to consoleErrors. */
  openFixture(file: string, host?: string): Promise<Page>;
  /**
   * An extension page (popup.html, options.html) in a new *background* tab, so the tab that was active stays
   * the active tab of the window: the popup's tabs.query({active:true,currentWindow:true}) finds the fixture,
   * as it does when the popup opens from the toolbar. See openExtensionPage.
   */
  openExtensionPage(file: string): Promise<Page>;
  /** The raw value stored under a storage.local key (no repair), read from an extension-origin document. */
  getStorage(key: string): Promise<unknown>;
  /** Writes any value (also invalid ones) under a storage.local key, as the extension's own origin. */
  setStorage(key: string, value: unknown): Promise<void>;
  /** Every request seen with the context that made it, where the protocol can tell (see module comment). */
  contextRequests: ContextRequest[];
  /** Console errors and uncaught errors from fixture pages, extension pages and (Chromium) the service worker. */
  consoleErrors: ConsoleEntry[];
  close(): Promise<void>;
}

/** The part of the extension API the harness uses, as seen from an extension page (Firefox: browser, Chromium: chrome). */
interface StorageApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}
type ExtensionGlobal = { browser?: StorageApi; chrome?: StorageApi };

function requireBinary(kind: BrowserKind): string {
  const { path: bin, apt } = binaries[kind];
  if (!existsSync(bin)) {
    throw new Error(`${kind} is not installed at ${bin}. Install it with: apt-get update && apt-get install -y ${apt}`);
  }
  return bin;
}

async function snapshotDist(kind: BrowserKind, tmp: string): Promise<string> {
  const dist = path.join(root, 'dist', binaries[kind].dist);
  if (!existsSync(path.join(dist, 'manifest.json'))) {
    throw new Error(`The built extension is missing (${path.relative(root, dist)}/manifest.json): run npm run build first.`);
  }
  // A copy, so a rebuild during the run (npm run dev) cannot change the extension under a running test.
  const copy = path.join(tmp, 'extension');
  await cp(process.env.E2E_EXTENSION_DIR ?? dist, copy, { recursive: true });
  return copy;
}

/** Quiet Chromium: these flags stop its own traffic (updates, time, sign-in) so the proxy log is the extension's. */
const chromiumArgs = (port: number) => [
  '--no-sandbox', // root in CI containers
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--disable-features=NetworkTimeServiceQuerying,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,OptimizationHints,MediaRouter,AutofillServerCommunication,InterestFeedContentSuggestions,Translate',
  '--extensions-update-frequency=604800',
  `--proxy-server=http://127.0.0.1:${port}`,
  '--proxy-bypass-list=<-loopback>', // also proxy 127.0.0.1, so nothing escapes the log
  '--window-size=1280,900',
];

/** Quiet Firefox the same way, and send everything through the logging proxy. */
const firefoxPrefs = (port: number): Record<string, unknown> => ({
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': port,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  'services.settings.server': 'data:,#remote-settings-disabled',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topsites': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'identity.fxaccounts.enabled': false,
});

export interface LaunchOptions {
  /** The browser's UI language (Chromium --lang, Firefox intl.locale.requested); its language pack must be installed. */
  lang?: string;
}

/** The installed language pack for `lang`, or an error saying how to install it (never a silent English run). */
function requireLanguagePack(kind: BrowserKind, lang: string): void {
  const file = kind === 'chromium' ? `/usr/lib/chromium/locales/${lang}.pak` : `/usr/lib/firefox-esr/browser/extensions/langpack-${lang}@firefox-esr.mozilla.org.xpi`;
  const apt = kind === 'chromium' ? 'chromium-l10n' : `firefox-esr-l10n-${lang}`;
  if (!existsSync(file)) throw new Error(`${kind} has no "${lang}" language pack (${file}). Install it with: apt-get update && apt-get install -y ${apt}`);
}

export async function launchBrowser(kind: BrowserKind, options: LaunchOptions = {}): Promise<Session> {
  const executablePath = requireBinary(kind);
  if (options.lang) requireLanguagePack(kind, options.lang);
  const tmp = await mkdtemp(path.join(os.tmpdir(), `context-notes-e2e-${kind}-`));
  const extensionDir = await snapshotDist(kind, tmp);
  const server = await startFixtureServer();
  const contextRequests: ContextRequest[] = [];
  const consoleErrors: ConsoleEntry[] = [];

  let browser: Browser;
  try {
    browser =
      kind === 'chromium'
        ? await puppeteer.launch({
            browser: 'chrome',
            executablePath,
            headless: true,
            enableExtensions: true,
            pipe: true,
            userDataDir: path.join(tmp, 'profile'),
            args: [...chromiumArgs(server.port), ...(options.lang ? [`--lang=${options.lang}`] : [])],
            // On Linux Chromium takes its UI language from the environment; --lang alone is not enough.
            ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } } : {}),
            defaultViewport: { width: 1280, height: 800 },
          })
        : await puppeteer.launch({
            browser: 'firefox',
            executablePath,
            headless: true,
            userDataDir: path.join(tmp, 'profile'),
            // Firefox's driver refuses to navigate to moz-extension:// pages unless the session has system
            // access. We use it for that alone: to open the extension's own pages (popup.html, options.html)
            // in a tab, as Chromium does, and drive them with real mouse and keyboard.
            args: ['-remote-allow-system-access'],
            // Release builds ignore services.settings.server (remote settings) unless this is set.
            env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
            extraPrefsFirefox: { ...firefoxPrefs(server.port), ...(options.lang ? { 'intl.locale.requested': options.lang } : {}) },
            defaultViewport: { width: 1280, height: 800 },
          });
  } catch (error) {
    await server.close();
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }

  if (kind === 'chromium') watchChromiumTargets(browser, contextRequests, consoleErrors);
  else watchFirefoxContexts(browser, contextRequests, consoleErrors);

  const installed = await browser.installExtension(extensionDir);
  let extensionId: string;
  let extensionBaseUrl: string;
  if (kind === 'chromium') {
    extensionId = installed;
    extensionBaseUrl = `chrome-extension://${installed}`;
    // The service worker's start proves the background loaded; its target also gives us its console.
    await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === `${extensionBaseUrl}/background.js`, { timeout: 15_000 });
  } else {
    if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, expected ${GECKO_ID} (manifest gecko id changed?)`);
    extensionId = FIREFOX_UUID;
    extensionBaseUrl = `moz-extension://${FIREFOX_UUID}`;
  }

  const collectConsole = (page: Page, source: string) => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push({ source, type: 'console.error', text: message.text() });
    });
    page.on('pageerror', (error: unknown) => {
      consoleErrors.push({ source, type: 'pageerror', text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    });
  };

  const fixtureUrl = (file: string, host?: string) => (host ? `http://${host}/${file}` : `${server.origin}/${file}`);

  let storagePage: Page | undefined;
  const extensionPage = async (file: string): Promise<Page> => {
    if (kind === 'chromium' && file === 'popup.html') await clickToolbarButton(browser, extensionId);
    const page = await browser.newPage({ background: true });
    collectConsole(page, `${extensionBaseUrl}/${file}`);
    const url = `${extensionBaseUrl}/${file}`;
    if (kind === 'chromium') {
      await page.goto(url, { waitUntil: 'load' });
    } else {
      // Firefox navigates (given system access) but never reports the load of a moz-extension:// document to
      // the driver, so goto would time out: start it, then wait for the document itself.
      // (Polled from here, not with waitForFunction: evaluating while the document is swapped can throw.)
      page.goto(url, { timeout: 30_000 }).catch(() => undefined);
      await waitForValue(
        () => page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => ''),
        (state) => state === `${url} complete`,
        `${url} to load`,
        15_000,
      );
    }
    return page;
  };
  // storage.local as the extension's own origin, from its manifest.json: an extension-origin document that runs
  // none of the extension's code (so opening it triggers no settings read or repair).
  const withStorage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    if (!storagePage || storagePage.isClosed()) storagePage = await extensionPage('manifest.json');
    return fn(storagePage);
  };

  return {
    kind,
    browser,
    extensionId,
    extensionBaseUrl,
    server,
    fixtureUrl,
    async openFixture(file, host) {
      const page = await browser.newPage();
      collectConsole(page, fixtureUrl(file, host));
      await page.goto(fixtureUrl(file, host), { waitUntil: 'load' });
      return page;
    },
    openExtensionPage: extensionPage,
    getStorage: (key) =>
      withStorage((page) =>
        page.evaluate(async (k: string) => {
          const g = globalThis as unknown as ExtensionGlobal;
          return (await (g.browser ?? g.chrome)!.storage.local.get(k))[k];
        }, key),
      ),
    setStorage: (key, value) =>
      withStorage((page) =>
        page.evaluate(
          async (k: string, v: unknown) => {
            const g = globalThis as unknown as ExtensionGlobal;
            await (g.browser ?? g.chrome)!.storage.local.set({ [k]: v });
          },
          key,
          value as never,
        ),
      ),
    contextRequests,
    consoleErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium: what a click on the toolbar button does before the popup opens: it grants activeTab on the tab in
 * front (the popup then reads its address, which it needs for a page whose content script stays silent). The
 * popup the click opens is closed again; the tests drive popup.html in a background tab instead (openExtensionPage).
 * Firefox counts the content script's sites as host permissions, so its popup reads the address without this.
 */
async function clickToolbarButton(browser: Browser, extensionId: string): Promise<void> {
  let front: Page | undefined;
  for (const page of await browser.pages()) {
    if (page.url().startsWith('chrome-extension://')) continue;
    if ((await page.evaluate(() => document.visibilityState).catch(() => 'hidden')) === 'visible') front = page;
  }
  if (!front) return; // no web page in front (a test of the popup alone): nothing to grant
  const extension = (await browser.extensions()).get(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} not listed`);
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  const before = new Set(browser.targets().filter((t) => t.url() === popupUrl));
  await front.triggerExtensionAction(extension);
  // A new target only: a popup.html tab the test already holds is not the one the click opens.
  const opened = await browser.waitForTarget((t) => t.url() === popupUrl && !before.has(t), { timeout: 10_000 });
  await (await opened.asPage()).close();
}

/** Chromium: Network and console of every target, including the extension's service worker. */
function watchChromiumTargets(browser: Browser, log: ContextRequest[], errors: ConsoleEntry[]): void {
  const seen = new WeakSet<Target>();
  let targets = 0;
  const attach = async (target: Target) => {
    if (seen.has(target)) return;
    seen.add(target);
    const type = target.type();
    if (type !== 'page' && type !== 'service_worker' && type !== 'shared_worker' && type !== 'other') return;
    // The browser's own UI (omnibox popup and such) runs as chrome:// targets: not ours, and noisy.
    if (target.url().startsWith('chrome://')) return;
    let session: CDPSession;
    try {
      session = await target.createCDPSession();
    } catch {
      return; // closed before we got to it
    }
    const context = `target-${++targets}`;
    session.on('Network.requestWillBeSent', (event) => log.push({ contextType: type, contextUrl: target.url(), context, url: event.request.url }));
    if (type === 'service_worker') {
      session.on('Runtime.consoleAPICalled', (event) => {
        if (event.type === 'error') errors.push({ source: target.url(), type: 'console.error', text: event.args.map((a) => a.value ?? a.description ?? '').join(' ') });
      });
      session.on('Runtime.exceptionThrown', (event) => errors.push({ source: target.url(), type: 'exception', text: event.exceptionDetails.exception?.description ?? event.exceptionDetails.text }));
      await session.send('Runtime.enable').catch(() => undefined);
    }
    await session.send('Network.enable').catch(() => undefined);
  };
  for (const target of browser.targets()) void attach(target);
  browser.on('targetcreated', (target: Target) => void attach(target));
}

/** Firefox: BiDi network and log events of every browsing context (the background page is not one; the proxy covers it). */
function watchFirefoxContexts(browser: Browser, log: ContextRequest[], errors: ConsoleEntry[]): void {
  // puppeteer subscribes the session to all BiDi modules; the raw connection re-emits every event by name.
  const connection = (browser as unknown as { connection?: { on(event: string, fn: (params: unknown) => void): void } }).connection;
  if (!connection) return;
  const urls = new Map<string, string>();
  connection.on('browsingContext.contextCreated', (p) => {
    const info = p as { context: string; url: string };
    urls.set(info.context, info.url);
  });
  connection.on('browsingContext.navigationStarted', (p) => {
    const info = p as { context: string; url: string };
    urls.set(info.context, info.url);
  });
  connection.on('network.beforeRequestSent', (p) => {
    const info = p as { context: string | null; request: { url: string } };
    log.push({ contextType: 'browsingContext', contextUrl: (info.context && urls.get(info.context)) ?? '', context: info.context ?? '', url: info.request.url });
  });
  connection.on('log.entryAdded', (p) => {
    const entry = p as { level: string; text: string | null; type: string; source?: { context?: string } };
    if (entry.level === 'error') errors.push({ source: urls.get(entry.source?.context ?? '') ?? 'firefox', type: entry.type, text: entry.text ?? '' });
  });
}

// ───────────────────────────── page helpers ─────────────────────────────

export interface HighlightReading {
  name: string;
  texts: string[];
}

/** The highlight registry as the page's main world sees it: each named highlight and the text of its ranges. */
export function readHighlights(page: Page): Promise<HighlightReading[]> {
  return page.evaluate(() => {
    const out: { name: string; texts: string[] }[] = [];
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    CSS.highlights.forEach((highlight, name) => {
      const texts: string[] = [];
      highlight.forEach((range) => {
        // A highlight may hold StaticRanges, whose toString() is not their text.
        if (range instanceof Range) texts.push(range.toString());
        else {
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          texts.push(live.toString());
        }
      });
      out.push({ name, texts });
    });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** Number of ranges in one named highlight (0 when absent). */
export function highlightCount(page: Page, name: string): Promise<number> {
  return page.evaluate((n: string) => CSS.highlights?.get(n)?.size ?? 0, name);
}

/**
 * Waits until the named highlight holds `count` ranges (exactly), or — with `{ atLeast: true }` — at least that many.
 * waitForHighlights(page, name, 0) waits for the highlight to be gone or empty.
 */
export async function waitForHighlights(page: Page, name: string, count: number, options: { atLeast?: boolean; timeout?: number } = {}): Promise<number> {
  const { atLeast = false, timeout = 10_000 } = options;
  try {
    await page.waitForFunction(
      (n: string, c: number, least: boolean) => {
        const size = CSS.highlights?.get(n)?.size ?? 0;
        return least ? size >= c : size === c;
      },
      { polling: 50, timeout },
      name,
      count,
      atLeast,
    );
  } catch (error) {
    const now = await highlightCount(page, name).catch(() => -1);
    throw new Error(`highlight ${name}: expected ${atLeast ? 'at least ' : ''}${count} range(s) within ${timeout} ms, have ${now}`, { cause: error });
  }
  return highlightCount(page, name);
}

/** Clicks an element with the real mouse (scrolls it into view, moves the pointer to its centre, presses). */
export async function clickReal(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  if (!handle) throw new Error(`no ${selector}`);
  await handle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = await handle.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** A snapshot of what the extension must not change in a page's DOM. */
export function domSnapshot(page: Page): Promise<{ html: string; elementCount: number; childElementCount: number }> {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    elementCount: document.getElementsByTagName('*').length,
    childElementCount: document.documentElement.childElementCount,
  }));
}

/** Polls `read` until `accept` holds (for values that change asynchronously, such as storage). */
export async function waitForValue<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves a screenshot under test/e2e/artifacts/<kind>/<name>.png (git-ignored). */
export async function saveScreenshot(page: Page, kind: BrowserKind, name: string): Promise<string> {
  const file = path.join(artifactsDir, kind, `${name}.png`);
  await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
  await page.screenshot({ path: file as `${string}.png` });
  return file;
}

/** Which browsers this run covers: E2E_BROWSERS=chromium,firefox (default both). */
/**
 * The stored settings every suite starts from. Written out here rather than imported from the code, so that a
 * changed default there fails a test instead of quietly becoming the new baseline.
 */
export const DEFAULT_SETTINGS: Readonly<{
  version: number;
  enabled: boolean;
  disabledSites: string[];
  pausedUntil: number;
  highlightStyle: string;
  framingFlags: boolean;
  minConfidence: number;
  language: string;
}> = {
  version: 3,
  enabled: true,
  disabledSites: [],
  pausedUntil: 0,
  highlightStyle: 'underline',
  framingFlags: true,
  minConfidence: 0.5,
  language: 'auto',
};

/**
 * One browser for a describe block: launched before its tests and closed after them. The pages a test opened
 * through `track` are closed after it, and the stored settings are put back to `defaults`, so each test starts
 * from them whatever the previous one left.
 */
export function browserPerSuite(kind: BrowserKind, defaults: Record<string, unknown>, options: LaunchOptions = {}): { readonly session: Session; track(page: Page): Page } {
  let session: Session | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    session = await launchBrowser(kind, options);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
    await session?.setStorage('settings', { ...defaults });
  });
  return {
    get session() {
      if (!session) throw new Error('the browser is not launched yet (use the session inside tests and hooks)');
      return session;
    },
    track(page) {
      pages.push(page);
      return page;
    },
  };
}

export function selectedBrowsers(): BrowserKind[] {
  const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
  return browserKinds.filter((kind) => wanted.includes(kind));
}

