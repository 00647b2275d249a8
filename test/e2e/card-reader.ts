/**
 * Reads the hover card from inside its CLOSED shadow root, which no page script can reach. The test gets
 * there through the browser's own protocol, as a debugger would:
 *
 * - Chromium (CDP): `DOM.getDocument({ pierce: true })` lists closed shadow roots; `DOM.resolveNode` turns the
 *   card host's shadow root into a JS object in the page's main world; `Runtime.callFunctionOn` reads it.
 * - Firefox (WebDriver BiDi): `script.evaluate` with `serializationOptions.includeShadowTree: 'all'` serialises
 *   the host with its closed shadow root and gives the root a `sharedId`; `script.callFunction` then gets that
 *   root as its argument and reads it. puppeteer-core has no public API for either, so the raw BiDi connection
 *   behind the Browser is used (`browser.connection.send`), with the page's browsing context id.
 *
 * The same reading function runs in both browsers, so both are held to the same expectations.
 */
import type { CDPSession, Page } from 'puppeteer-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardReading {
  /** A card is rendered: `.card` exists in the shadow root and has a box on screen. */
  open: boolean;
  /** How many `<context-notes-card>` elements the document holds (0 until the pointer rests on a mention; never more than 1). */
  hosts: number;
  /** Cards laid out ahead in the page, hidden (the next one, while the pointer rests on a mention). */
  ahead: number;
  /** The host is a child of <html>, and its shadow root is closed. */
  hostInRoot: boolean;
  shadowMode: string;
  /** Rendered text of the card, whitespace collapsed. */
  text: string;
  /** All text in the card, shown or not (behind "More", in closed source lists), whitespace collapsed. */
  allText: string;
  /** The card's lang attribute: the reader's language. */
  lang: string;
  /** The card's own scroll box: scrollHeight > clientHeight means it scrolls inside. */
  scroll: { scrollHeight: number; clientHeight: number };
  /** The "More" disclosure is open. */
  moreOpen: boolean;
  role: string;
  ariaModal: string;
  /** The accessible name, from aria-labelledby. */
  title: string;
  summary: string;
  /** Section headings (h3), in order. */
  headings: string[];
  facts: string[];
  quote: { text: string; caption: string; wordsLang: string; translation: string; translationLang: string } | null;
  framing: { heading: string; marks: string[]; neutral: string[]; text: string; level: string } | null;
  footer: string;
  /** Button names: aria-label, else text. */
  buttons: string[];
  /** Where each button is on screen (viewport px), by name, so a test can click it with the real mouse. */
  buttonBoxes: Record<string, Box>;
  /** The card or something in it has focus. */
  focused: boolean;
  /** Name of the focused element inside the card ('' when none or the card itself). */
  focusedName: string;
  /** The card's links: name and address. */
  links: { name: string; href: string }[];
  /** Names of the card's links and buttons Tab can reach, in tab order (DOM order; none has a tabindex). */
  tabStops: string[];
  /** The card's box in viewport (CSS px) coordinates. */
  rect: Box | null;
  viewport: { width: number; height: number };
  /** Laid out as the bottom sheet (narrow screens). */
  sheet: boolean;
  /** The smallest computed font size (px) of any text shown in the card. */
  smallestText: number;
  /** The smallest side (px) of any button or link in the card that has a box. */
  smallestTarget: number;
  style: { background: string; color: string; opacity: string; display: string; visibility: string; width: string } | null;
}

const closed: Omit<CardReading, 'hosts' | 'ahead' | 'hostInRoot' | 'shadowMode' | 'viewport'> = {
  open: false,
  text: '',
  allText: '',
  lang: '',
  scroll: { scrollHeight: 0, clientHeight: 0 },
  moreOpen: false,
  role: '',
  ariaModal: '',
  title: '',
  summary: '',
  headings: [],
  facts: [],
  quote: null,
  framing: null,
  footer: '',
  buttons: [],
  buttonBoxes: {},
  links: [],
  focused: false,
  focusedName: '',
  tabStops: [],
  rect: null,
  sheet: false,
  smallestText: 0,
  smallestTarget: 0,
  style: null,
};

/**
 * Runs in the page with the card's shadow root as `root` (or null: no host yet). Self-contained (it is sent
 * to the browser as source text) and returns JSON text, which both protocols hand back as a plain string.
 */
function readShadowRoot(root: ShadowRoot | null): string {
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const hosts = document.querySelectorAll('context-notes-card').length;
  const viewport = { width: window.innerWidth, height: window.innerHeight };
  const host = root?.host ?? null;
  const ahead = root?.querySelectorAll('[data-ahead] .card').length ?? 0;
  const base = { hosts, ahead, hostInRoot: host?.parentNode === document.documentElement, shadowMode: root?.mode ?? '', viewport };
  // A card rendered ahead (hidden, while the pointer rests on a mention) is not an open card.
  const card = [...(root?.querySelectorAll<HTMLElement>('.card') ?? [])].find((c) => getComputedStyle(c).visibility !== 'hidden') ?? null;
  const r = card?.getBoundingClientRect();
  if (!root || !card || !r || r.width === 0 || r.height === 0) return JSON.stringify({ ...base, open: false, rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null });
  const css = getComputedStyle(card);
  const labelledBy = card.getAttribute('aria-labelledby') ?? '';
  const title = labelledBy
    .split(/\s+/)
    .map((id) => squash(root.getElementById(id)?.textContent))
    .join(' ');
  const framingEl = card.querySelector('.framing');
  const quoteEl = card.querySelector('.quote');
  const active = root.activeElement;
  return JSON.stringify({
    ...base,
    open: true,
    text: squash(card.innerText),
    allText: squash(card.textContent),
    lang: card.getAttribute('lang') ?? '',
    scroll: { scrollHeight: card.scrollHeight, clientHeight: card.clientHeight },
    moreOpen: (card.querySelector('details.more') as HTMLDetailsElement | null)?.open ?? false,
    role: card.getAttribute('role') ?? '',
    ariaModal: card.getAttribute('aria-modal') ?? '',
    title,
    summary: squash(card.querySelector('.summary')?.textContent),
    headings: [...card.querySelectorAll('h3')].map((h) => squash(h.textContent)),
    facts: [...card.querySelectorAll('.facts > li')].map((li) => squash(li.textContent)),
    quote: quoteEl
      ? {
          text: squash(quoteEl.querySelector('blockquote')?.textContent),
          caption: squash(quoteEl.querySelector('figcaption')?.textContent),
          wordsLang: quoteEl.querySelector('.words [lang]')?.getAttribute('lang') ?? '',
          translation: squash(quoteEl.querySelector('.translation')?.textContent),
          translationLang: quoteEl.querySelector('.translation [lang]')?.getAttribute('lang') ?? '',
        }
      : null,
    framing: framingEl
      ? {
          heading: squash(framingEl.querySelector('h3')?.textContent),
          marks: [...framingEl.querySelectorAll('mark')].map((m) => squash(m.textContent)),
          neutral: [...framingEl.querySelectorAll('.neutral')].map((n) => squash(n.textContent)),
          text: squash((framingEl as HTMLElement).innerText),
          level: [...framingEl.classList].find((c) => c.startsWith('framing-'))?.slice('framing-'.length) ?? '',
        }
      : null,
    footer: squash(card.querySelector('footer')?.textContent),
    buttons: [...card.querySelectorAll('button')].map((b) => squash(b.getAttribute('aria-label') || b.textContent)),
    buttonBoxes: Object.fromEntries(
      [...card.querySelectorAll('button')].map((b) => {
        const box = b.getBoundingClientRect();
        return [squash(b.getAttribute('aria-label') || b.textContent), { x: box.x, y: box.y, width: box.width, height: box.height }];
      }),
    ),
    links: [...card.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => ({ name: squash(a.textContent), href: a.href })),
    focused: active !== null && (active === card || card.contains(active)),
    focusedName: active && active !== card && card.contains(active) ? squash(active.getAttribute('aria-label') || active.textContent) : '',
    // What Tab can reach: a closed disclosure's content (facts moved under "More") is not, its summary is.
    tabStops: [...card.querySelectorAll('a[href], button, textarea, summary')]
      .filter((el) => {
        const shut = el.closest('details:not([open])');
        return !shut || (el.tagName === 'SUMMARY' && el.parentElement === shut);
      })
      .map((el) => squash(el.getAttribute('aria-label') || el.textContent)),
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    sheet: card.hasAttribute('data-sheet'),
    smallestText: Math.min(
      ...[card, ...card.querySelectorAll<HTMLElement>('*')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && squash(n.textContent) !== '') && el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
        .map((el) => parseFloat(getComputedStyle(el).fontSize)),
    ),
    smallestTarget: Math.min(
      ...[...card.querySelectorAll<HTMLElement>('a[href], button')]
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0)
        .map((box) => Math.min(box.width, box.height)),
    ),
    style: { background: css.backgroundColor, color: css.color, opacity: css.opacity, display: css.display, visibility: css.visibility, width: css.width },
  });
}

export async function readCard(page: Page): Promise<CardReading> {
  // Browser.protocol ('cdp' | 'webDriverBiDi') is @internal in puppeteer-core's public types, hence the cast.
  const protocol = (page.browser() as unknown as { protocol?: string }).protocol;
  const json = protocol === 'cdp' ? await readChromium(page) : await readFirefox(page);
  return { ...closed, ...(JSON.parse(json) as Partial<CardReading>) } as CardReading;
}

// ───────────────────────────── Chromium: CDP ─────────────────────────────

interface CdpNode {
  backendNodeId: number;
  localName: string;
  shadowRootType?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.localName === 'context-notes-card') return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

async function readChromium(page: Page): Promise<string> {
  const cdp: CDPSession = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findHost(root)?.shadowRoots?.[0];
    if (!shadow) return page.evaluate(readShadowRoot, null);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${readShadowRoot.toString()})(this); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`reading the card failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as string;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

// ───────────────────────────── Firefox: WebDriver BiDi ─────────────────────────────

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: unknown }>;
}
interface BidiRemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}
interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: BidiRemoteValue;
  exceptionDetails?: { text: string };
}

function bidi(page: Page): { connection: BidiConnection; context: string } {
  const connection = (page.browser() as unknown as { connection?: BidiConnection }).connection;
  // The frame's id is its BiDi browsing context id (puppeteer-core's BidiFrame._id).
  const context = (page.mainFrame() as unknown as { _id?: string })._id;
  if (!connection || !context) throw new Error('no raw BiDi connection or browsing context id behind this page (puppeteer-core internals changed?)');
  return { connection, context };
}

function unwrap(answer: { result: unknown }, what: string): BidiRemoteValue {
  const result = answer.result as BidiEvaluateResult;
  if (result.type !== 'success' || !result.result) throw new Error(`${what} failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
  return result.result;
}

async function readFirefox(page: Page): Promise<string> {
  const { connection, context } = bidi(page);
  const host = unwrap(
    await connection.send('script.evaluate', {
      expression: `document.querySelector('context-notes-card')`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    }),
    'finding the card host',
  );
  const shadowRoot = (host.value as { shadowRoot?: BidiRemoteValue | null } | undefined)?.shadowRoot;
  const argument = shadowRoot?.sharedId ? { sharedId: shadowRoot.sharedId } : { type: 'null' };
  const read = unwrap(
    await connection.send('script.callFunction', {
      functionDeclaration: readShadowRoot.toString(),
      arguments: [argument],
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
    }),
    'reading the card',
  );
  return read.value as string;
}
