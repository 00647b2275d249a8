/**
 * content.js, on every page and frame: reads the page's text through the gate (core/gate.ts) and loads the
 * notes (notes.js: matcher, scanner, highlights) only once the gate opens. A small page (nearly every page) is
 * read as one textContent in one go (the first look), then, only if that left the gate shut, asked whether it
 * has an open shadow root at all; a page with one, a long text or a DPRK word that wants the page again is read
 * by walk(), shadow trees included; a large page goes straight to the notes.
 *
 * While the gate stays closed it touches no extension API at all (the first use builds the API's bindings in
 * the isolated world, which cost more than reading the page): no message listener, no settings. The popup
 * takes a tab that does not answer for a page with nothing to note (connector.ts). Once the gate opens, it
 * listens for the popup's and the background's questions and hands them to the notes. It watches the DOM for
 * text that arrives later (feeds, single-page apps) and feeds that to the gate too. It changes nothing in the page.
 *
 * Written as one function with closures rather than a class: Chromium parses all of content.js on every page
 * load (about 0.06 ms of main-thread time per KB of code in a fresh isolated world, more than the reading
 * costs), and closures minify to about half of a class's fields and methods. Only the first look runs on
 * nearly every page; the rest is parsed, never compiled there.
 */
import { createGate, PieceReader, type GateAnswer, type PackedGate } from '../core/gate';
import { contextAlive, extensionApi } from './ext-api';
import { Highlighter } from './highlighter';
import { loadPart, NOTES_GLOBAL } from './part-loader';
import { moreElementsThan } from './pieces';
import { EMPTY_HOSTS } from './shadow-hosts';
import { yieldToPage } from './yield';
import type { NotesApi, NotesHandle } from './notes-entry';

const SLICE_MS = 8;
/** A page with at most this many elements is read as one string (nearly every page); a larger one goes to the notes. */
const SMALL_PAGE = 20_000;
/** Longer strings are read in windows of this many characters, with pauses between. */
const WINDOW = 64 * 1024;
const OWN_PREFIX = 'context-notes-';
const isOwn = (el: Element) => el.localName.startsWith(OWN_PREFIX);
/** Added elements whose text is not the page's (a script's data, a style): not read. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * A previous copy of the extension (before an update) may have left highlights or a card behind. A function
 * of its own, so that the Chrome build, which never calls it, leaves it and the Highlighter out.
 */
function removeLeftovers(doc: Document, win: Window & typeof globalThis): void {
  new Highlighter(win).clear();
  const children = doc.documentElement.children;
  for (let i = children.length - 1; i >= 0; i--) if (children[i]!.localName.startsWith(OWN_PREFIX)) children[i]!.remove();
}

/**
 * The elements of `tree` with an open shadow root (not inside their shadow trees, not the extension's own):
 * an element tree itself whatever its kind, custom elements below it (one XPath evaluation; shadow-hosts.ts
 * says why), and empty elements of the kinds that take one (one selector query). Custom hosts first, then the
 * empty ones: the gate does not care about order. A leaf (a paragraph a feed appends) is looked at alone.
 */
export function openHosts(tree: Element | ShadowRoot, doc: Document): Element[] {
  const hosts: Element[] = [];
  const take = (el: Element) => el.shadowRoot && !isOwn(el) && hosts.push(el);
  const element = tree.nodeType === ELEMENT_NODE;
  if (element) take(tree as Element);
  if (!tree.firstElementChild) return hosts;
  // A shadow root is no context for XPath: its children are, each with its own descendants.
  for (const top of element ? [tree as Element] : Array.from(tree.children)) {
    if (typeof doc.evaluate !== 'function') {
      // No XPath (happy-dom in tests): every element is looked at.
      if (!element && top.localName.includes('-')) take(top);
      for (const el of top.getElementsByTagName('*')) if (el.localName.includes('-')) take(el);
      continue;
    }
    const axis = element ? 'descendant' : 'descendant-or-self';
    const custom = doc.evaluate(`${axis}::*[contains(local-name(), '-')]`, top, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
    for (let i = 0; i < custom.snapshotLength; i++) take(custom.snapshotItem(i) as Element);
  }
  for (const el of tree.querySelectorAll(EMPTY_HOSTS)) take(el);
  return hosts;
}

/**
 * The text of `tree` (its light DOM, one textContent), then of each open shadow tree in it and in those. The
 * hosts are looked for only when the text before them left the gate shut.
 */
export function* treeTexts(tree: Element | ShadowRoot, doc: Document): Generator<string> {
  yield tree.textContent ?? '';
  for (const host of openHosts(tree, doc)) yield* treeTexts(host.shadowRoot!, doc);
}

/**
 * Starts the gate on `doc`. On a page with nothing to find, this function's first look is all that runs: in a
 * fresh isolated world each further function, promise or generator would cost its first compilation.
 */
export function watchPage(doc: Document, win: Window & typeof globalThis, packed: PackedGate): void {
  const gate = createGate(packed);
  let observer: MutationObserver | null = new MutationObserver(onMutations);
  let walking = false;
  let rewalk = false;
  let stopped = false;
  let listening = false;
  let notes: Promise<NotesHandle | null> | null = null;

  const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): true | undefined => {
    if (!alive() || sender.id !== extensionApi().runtime.id || !notes) return undefined;
    // The notes check the message (notes-entry.ts). No answer (undefined) where they could not start: the popup
    // and the background then report the page as one with nothing to note, from the tab's address and the
    // settings they read themselves (messages.ts, readPageAnswer), as content.js did here until session 12.
    notes.then((handle) => handle?.answer(raw)).then(sendResponse, () => sendResponse(undefined));
    return true; // answered asynchronously
  };

  const alive = (): boolean => {
    if (contextAlive()) return true;
    stopped = true;
    observer?.disconnect();
    observer = null;
    if (listening) {
      try {
        extensionApi().runtime.onMessage.removeListener(onMessage as never);
      } catch {
        // The API may be unusable once the extension context is gone; nothing else to release.
      }
    }
    return false;
  };

  function openNotes(): void {
    if (notes || stopped || !alive()) return;
    observer?.disconnect();
    observer = null;
    // From here the page may have something to say: the popup and the background ask, the notes answer.
    extensionApi().runtime.onMessage.addListener(onMessage as never);
    listening = true;
    notes = loadPart<NotesApi>('notes.js', NOTES_GLOBAL)
      .then((api) => (alive() ? api.start(doc, win) : null))
      .catch((error: unknown) => {
        if (contextAlive()) console.warn('Context Notes could not start', error);
        return null;
      });
  }

  /** Reads the whole page (again, when the gate asks), a slice at a time. */
  function walk(): void {
    if (walking) {
      rewalk = true;
      return;
    }
    walking = true;
    void (async () => {
      do {
        rewalk = false;
        const answer = await readPage();
        if (answer === 'rescan') rewalk = true;
        else if (answer === 'open') openNotes();
      } while (rewalk && !stopped && !gate.open);
      walking = false;
    })();
  }

  async function readPage(): Promise<GateAnswer | 'stopped'> {
    const root = doc.body ?? doc.documentElement;
    // A large page is read once, by the notes: reading it here too cost more than the gate can save there.
    if (moreElementsThan(root, SMALL_PAGE)) return 'open';
    const reader = new PieceReader(gate, packed.overlap, Infinity);
    let sliceStart = performance.now();
    /** Feeds one tree's text, a window at a time with pauses between when it is long; 'stopped' when it should end. */
    const feed = async (text: string): Promise<GateAnswer | 'stopped'> => {
      reader.restart();
      for (let at = 0; at < text.length; at += WINDOW) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          if (stopped || gate.open) return gate.open ? 'open' : 'stopped';
        }
        const answer = reader.feed(text.length <= WINDOW ? text : text.slice(at, at + WINDOW));
        if (answer !== 'shut') return answer;
      }
      return 'shut';
    };
    // The light DOM as one string, then each open shadow tree's; trees read so far are fed again from memory
    // when the gate asks for the whole page after a DPRK word.
    const read: string[] = [];
    for (const text of treeTexts(root, doc)) {
      read.push(text);
      const answer = await feed(text);
      if (answer === 'shut') continue;
      if (answer !== 'rescan') return answer;
      for (const again of read) {
        const second = await feed(again);
        if (second !== 'shut') return second;
      }
    }
    return 'shut';
  }

  /** Text that arrived later: fed as it comes; a gate that wants the whole page again gets a new walk. */
  function onMutations(records: MutationRecord[]): void {
    // No alive() check here: that would touch the API on every change. An orphaned copy (Chrome, after the
    // extension was reloaded) only reads; it finds out at the gate and stops there.
    if (stopped || gate.open) return;
    const reader = new PieceReader(gate, packed.overlap, WINDOW, walk);
    for (const record of records) {
      let answer: GateAnswer = 'shut';
      if (record.type === 'characterData') {
        reader.restart();
        answer = reader.feed((record.target as CharacterData).data);
      } else {
        for (const node of Array.from(record.addedNodes)) {
          if (node.nodeType === TEXT_NODE) {
            reader.restart();
            answer = reader.feed((node as Text).data);
          } else if (node.nodeType === ELEMENT_NODE && !SKIP.has((node as Element).localName) && !isOwn(node as Element)) {
            // The same reading as the page's: the subtree whole, then its open shadow trees.
            for (const text of treeTexts(node as Element, doc)) {
              reader.restart();
              answer = reader.feed(text);
              if (answer !== 'shut') break;
            }
          }
          if (answer !== 'shut') break;
        }
      }
      if (answer === 'open') return openNotes();
      if (answer === 'rescan') return walk();
    }
  }

  // Firefox injects content scripts into open tabs when the extension is updated; Chrome never does, and
  // its orphaned copies clean up after themselves (alive()).
  if (__BROWSER__ === 'firefox') removeLeftovers(doc, win);
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  // The first look: nearly every page, at once and in one go, straight-line on purpose. A small page whose
  // text is one window is read as one string; then, if that left the gate shut, whether it has an open
  // shadow tree at all (walk() reads the page with all of them: rare; nested ones too).
  const root = doc.body ?? doc.documentElement;
  if (moreElementsThan(root, SMALL_PAGE)) return openNotes();
  const text = root.textContent ?? '';
  const answer = text.length > WINDOW ? 'rescan' : gate.feed(text);
  if (answer === 'open') openNotes();
  else if (answer === 'rescan' || openHosts(root, doc).length > 0) walk();
}
