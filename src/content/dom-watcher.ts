/**
 * Watches the page for content that appears later (feeds, single-page apps). The observer callback only
 * collects; the work runs once per animation frame (or after 100 ms in a background tab, where frames stop),
 * like uBlock's domWatcher. A flood of records falls back to one rescan of the body.
 */
export interface DomWatcherCallbacks {
  /** Our own element: its mutations are not page changes. */
  ignore(node: Node): boolean;
  /** Subtrees whose text may have changed, outermost first, none inside another. */
  changed(roots: readonly Node[]): void;
  /** The URL changed without a page load (history navigation in a single-page app). */
  navigated(): void;
}

const FLOOD = 1000;

export class DomWatcher {
  private readonly observer: MutationObserver;
  private pending = new Set<Node>();
  private flooded = false;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private href: string;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly callbacks: DomWatcherCallbacks,
  ) {
    this.href = doc.location?.href ?? '';
    this.observer = new MutationObserver((records) => this.collect(records));
    this.observer.observe(doc, { childList: true, subtree: true, characterData: true });
    doc.defaultView?.addEventListener('popstate', () => this.schedule(), { signal: this.abort.signal });
  }

  private collect(records: MutationRecord[]): void {
    if (this.flooded) return;
    for (const record of records) {
      if (this.callbacks.ignore(record.target)) continue;
      if (record.type === 'characterData') {
        if (record.target.parentNode) this.pending.add(record.target.parentNode);
        continue;
      }
      // Removals matter too: a block that lost text may have lost a mention.
      if (record.removedNodes.length > 0) this.pending.add(record.target);
      for (const node of Array.from(record.addedNodes)) if (!this.callbacks.ignore(node)) this.pending.add(node);
      if (this.pending.size > FLOOD) {
        this.flooded = true;
        this.pending.clear();
        break;
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.frame || this.timer) return;
    const run = () => this.flush();
    this.frame = requestAnimationFrame(run);
    this.timer = setTimeout(run, 100);
  }

  private flush(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = undefined;
    const href = this.doc.location?.href ?? '';
    if (href !== this.href) {
      this.href = href;
      this.pending.clear();
      this.flooded = false;
      this.callbacks.navigated();
      return;
    }
    const roots = this.flooded && this.doc.body ? [this.doc.body] : outermost([...this.pending]);
    this.pending.clear();
    this.flooded = false;
    if (roots.length > 0) this.callbacks.changed(roots);
  }

  destroy(): void {
    this.observer.disconnect();
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.pending.clear();
  }
}

/** Drops nodes that sit inside another collected node, and nodes no longer in the document. */
function outermost(nodes: Node[]): Node[] {
  const collected = new Set(nodes);
  return nodes.filter((node) => {
    if (!node.isConnected) return false;
    for (let parent = node.parentNode; parent; parent = parent.parentNode) if (collected.has(parent)) return false;
    return true;
  });
}
