/**
 * content.js, on every page and frame: reads the page's text through the gate (core/gate.ts) and loads the
 * notes (notes.js: matcher, scanner, highlights) only once the gate opens. A small page (nearly every page) is
 * read as one textContent in one go (firstLook), then, only if that left the gate shut, asked whether it has an
 * open shadow root at all (one XPath and one selector query); a page with one, a long text or a DPRK word that
 * wants the page again is read by walk(), shadow trees included; a large page goes straight to the notes.
 * Nothing else runs on a page without a candidate word: no piece reader, no matcher, no promise.
 *
 * While the gate stays closed it touches no extension API at all (the first use builds the API's bindings in
 * the isolated world, which cost more than reading the page): no message listener, no settings. The popup
 * takes a tab that does not answer for a page with nothing to note (connector.ts). Once the gate opens, it
 * listens for the popup's and the background's questions and hands them to the notes. It watches the DOM for
 * text that arrives later (feeds, single-page apps) and feeds that to the gate too. It changes nothing in the page.
 */
import { createGate, PieceReader, type Gate, type GateAnswer, type PackedGate } from '../core/gate';
import { contextAlive, extensionApi } from './ext-api';
import { Highlighter } from './highlighter';
import { loadPart, NOTES_GLOBAL } from './part-loader';
import { moreElementsThan } from './pieces';
import { hasShadowHost, shadowHostsIn } from './shadow-hosts';
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
 * A previous copy of the extension (before an update) may have left highlights or a card behind. A function,
 * not a method, so that the Chrome build, which never calls it, leaves it and the Highlighter out.
 */
function removeLeftovers(doc: Document, win: Window & typeof globalThis): void {
  new Highlighter(win).clear();
  const children = doc.documentElement.children;
  for (let i = children.length - 1; i >= 0; i--) if (children[i]!.localName.startsWith(OWN_PREFIX)) children[i]!.remove();
}

/**
 * The text of `tree` (its light DOM, one textContent), then of each open shadow tree in it and in those, in
 * document order. The hosts are looked for only when the text before them left the gate shut. A leaf can only
 * be a host itself (a paragraph a feed appends: no search).
 */
export function* treeTexts(tree: Element | ShadowRoot, doc: Document): Generator<string> {
  yield tree.textContent ?? '';
  const hosts =
    tree.nodeType === ELEMENT_NODE && tree.firstElementChild === null
      ? (tree as Element).shadowRoot ? [tree as Element] : []
      : shadowHostsIn(tree, doc, true);
  for (const host of hosts) if (host.shadowRoot && !isOwn(host)) yield* treeTexts(host.shadowRoot, doc);
}

export class PageSentinel {
  private readonly gate: Gate;
  private readonly overlap: number;
  private observer: MutationObserver | null = null;
  private walking: Promise<void> | null = null;
  private rewalk = false;
  private notes: Promise<NotesHandle | null> | null = null;
  private stopped = false;
  private listening = false;
  private readonly onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: unknown) => void): true | undefined => {
    if (!this.alive() || sender.id !== extensionApi().runtime.id || !this.notes) return undefined;
    // The notes check the message (notes-entry.ts). No answer (undefined) where they could not start: the popup
    // and the background then report the page as one with nothing to note, from the tab's address and the
    // settings they read themselves (messages.ts, readPageAnswer), as content.js did here until session 12.
    this.notes.then((notes) => notes?.answer(raw)).then(sendResponse, () => sendResponse(undefined));
    return true; // answered asynchronously
  };

  constructor(
    private readonly doc: Document,
    private readonly win: Window & typeof globalThis,
    gate: PackedGate,
  ) {
    this.gate = createGate(gate);
    this.overlap = gate.overlap;
  }

  start(): void {
    // Firefox injects content scripts into open tabs when the extension is updated; Chrome never does, and
    // its orphaned copies clean up after themselves (controller.ts, alive()).
    if (__BROWSER__ === 'firefox') removeLeftovers(this.doc, this.win);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    const first = this.firstLook();
    if (first === 'open') this.openNotes();
    else if (first !== 'shut') this.walk();
  }

  /**
   * Nearly every page, at once and in one go: a small page whose text is one window, read as one string, then
   * the text of its open shadow trees. 'shut' when that settles it; 'open'; 'walk' for everything else (a
   * large page, a long text, a DPRK word that wants the whole page read again), which walk() reads in full.
   * Straight-line on purpose: on a page with nothing to find this is all content.js runs, in a fresh isolated
   * world where each further function, promise or generator costs its first compilation (session 12, worlds.ts).
   */
  private firstLook(): 'shut' | 'open' | 'walk' {
    const root = this.doc.body ?? this.doc.documentElement;
    if (moreElementsThan(root, SMALL_PAGE)) return 'open';
    const text = root.textContent ?? '';
    if (text.length > WINDOW) return 'walk';
    const answer = this.gate.feed(text);
    if (answer !== 'shut') return answer === 'open' ? 'open' : 'walk';
    // A shadow tree: walk() reads the page with all of them (rare; nested ones too).
    return hasShadowHost(root, this.doc) ? 'walk' : 'shut';
  }

  private alive(): boolean {
    if (contextAlive()) return true;
    this.destroy();
    return false;
  }

  private destroy(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    if (!this.listening) return;
    try {
      extensionApi().runtime.onMessage.removeListener(this.onMessage as never);
    } catch {
      // The API may be unusable once the extension context is gone; nothing else to release.
    }
  }

  /** Reads the whole page (again, when the gate asks), a slice at a time. */
  private walk(): void {
    if (this.walking) {
      this.rewalk = true;
      return;
    }
    this.walking = (async () => {
      do {
        this.rewalk = false;
        const answer = await this.readPage();
        if (answer === 'rescan') this.rewalk = true;
        else if (answer === 'open') this.openNotes();
      } while (this.rewalk && !this.stopped && !this.gate.open);
      this.walking = null;
    })();
  }

  private async readPage(): Promise<GateAnswer | 'stopped'> {
    const root = this.doc.body ?? this.doc.documentElement;
    // A large page is read once, by the notes: reading it here too cost more than the gate can save there.
    if (moreElementsThan(root, SMALL_PAGE)) return 'open';
    const reader = new PieceReader(this.gate, this.overlap, Infinity);
    let sliceStart = performance.now();
    /** Feeds one tree's text, a window at a time with pauses between when it is long; 'stopped' when it should end. */
    const feed = async (text: string): Promise<GateAnswer | 'stopped'> => {
      reader.restart();
      for (let at = 0; at < text.length; at += WINDOW) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          if (this.stopped || this.gate.open) return this.gate.open ? 'open' : 'stopped';
        }
        const answer = reader.feed(text.length <= WINDOW ? text : text.slice(at, at + WINDOW));
        if (answer !== 'shut') return answer;
      }
      return 'shut';
    };
    // The light DOM as one string, then each open shadow tree's; trees read so far are fed again from memory
    // when the gate asks for the whole page after a DPRK word.
    const read: string[] = [];
    for (const text of treeTexts(root, this.doc)) {
      read.push(text);
      const answer = await feed(text);
      if (answer !== 'rescan') {
        if (answer === 'shut') continue;
        return answer;
      }
      for (const again of read) {
        const second = await feed(again);
        if (second !== 'shut') return second;
      }
    }
    return 'shut';
  }

  /** Text that arrived later: fed as it comes; a gate that wants the whole page again gets a new walk. */
  private onMutations(records: MutationRecord[]): void {
    // No alive() check here: that would touch the API on every change. An orphaned copy (Chrome, after the
    // extension was reloaded) only reads; it finds out at the gate and stops there.
    if (this.stopped || this.gate.open) return;
    const reader = new PieceReader(this.gate, this.overlap, WINDOW, () => this.walk());
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
            for (const text of treeTexts(node as Element, this.doc)) {
              reader.restart();
              answer = reader.feed(text);
              if (answer !== 'shut') break;
            }
          }
          if (answer !== 'shut') break;
        }
      }
      if (answer === 'open') return this.openNotes();
      if (answer === 'rescan') return this.walk();
    }
  }

  private openNotes(): void {
    if (this.notes || this.stopped || !this.alive()) return;
    this.observer?.disconnect();
    this.observer = null;
    // From here the page may have something to say: the popup and the background ask, the notes answer.
    extensionApi().runtime.onMessage.addListener(this.onMessage as never);
    this.listening = true;
    this.notes = loadPart<NotesApi>('notes.js', NOTES_GLOBAL)
      .then((api) => (this.alive() ? api.start(this.doc, this.win) : null))
      .catch((error: unknown) => {
        if (contextAlive()) console.warn('Context Notes could not start', error);
        return null;
      });
  }
}
