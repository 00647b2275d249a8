/**
 * Deterministic, seeded page generators for the benchmark. The filler text is neutral vocabulary chosen to
 * contain none of the extension's candidate words (country names, treaty words), so the only mentions on a
 * page are the ones placed on purpose.
 */

import { rng } from '../../src/core/random';

const WORDS = (
  'the a of and to in is was for on with as by at from that this it which be are were has have had not but or ' +
  'garden river market council library harbour museum station village valley bridge school orchard festival ' +
  'weather season morning evening summer winter spring autumn island coast forest meadow mountain lake ' +
  'report survey budget project schedule volunteer committee resident visitor teacher student engineer baker ' +
  'painter musician farmer gardener librarian archivist reader writer editor neighbour family cousin friend ' +
  'bicycle tram ferry lantern kettle recipe bread cheese apple pear plum cherry tomato onion pepper basil ' +
  'walked opened painted repaired measured counted planted baked wrote printed carried collected described ' +
  'quiet bright narrow wide early late gentle sturdy local seasonal historic modern careful patient curious ' +
  'slowly quickly often rarely gladly again nearly almost usually together however meanwhile afterwards ' +
  'stone timber copper glass paper cotton wool clay brick tile roof window doorway staircase courtyard ' +
  'concert exhibition workshop lecture recital parade fair auction tournament rehearsal ' +
  'hundred dozen several many few most every each other another second third first last'
).split(' ');

const NAMES = ['Ada', 'Bruno', 'Clara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Keiko', 'Lars', 'Mira', 'Nils', 'Olga', 'Pavel'];

/** Sentences that the extension certainly detects (the brief's own examples), in the project's words. */
export const MENTION_SENTENCES = [
  'Russia and North Korea signed the Treaty on Comprehensive Strategic Partnership in Pyongyang on 19 June 2024.',
  'Observers of the region still discuss the Russia–North Korea treaty and what it commits each side to do.',
];

/** The terms mark.js is asked to highlight (the same topic the extension looks for). */
export const PEER_TERMS = ['Treaty on Comprehensive Strategic Partnership', 'North Korea', 'Russia', 'Pyongyang', 'pact', 'treaty'];

class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.pick(WORDS));
    return out.join(' ');
  }
  sentence(): string {
    const s = this.words(6 + this.int(14));
    return `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}${this.pick(['.', '.', '.', '?', '!'])}`;
  }
  /** Inline markup splits a paragraph into several text nodes, like real articles. */
  inline(): string {
    const parts: string[] = [];
    const n = 2 + this.int(4);
    for (let i = 0; i < n; i++) {
      parts.push(this.sentence());
      const roll = this.r();
      if (roll < 0.35) parts.push(`<a href="/topic/${this.int(5000)}">${this.words(1 + this.int(3))}</a>`);
      else if (roll < 0.5) parts.push(`<em>${this.words(1 + this.int(2))}</em>`);
      else if (roll < 0.6) parts.push(`<strong>${this.words(1 + this.int(2))}</strong>`);
      else if (roll < 0.65) parts.push(`${this.pick(NAMES)} <span class="note">(${this.words(2)})</span>`);
    }
    return parts.join(' ');
  }
  block(): string {
    const roll = this.r();
    if (roll < 0.55) return `<p>${this.inline()}</p>`;
    if (roll < 0.67) {
      const items = Array.from({ length: 3 + this.int(5) }, () => `  <li>${this.sentence()} <a href="/item/${this.int(900)}">${this.words(2)}</a></li>`);
      return `<ul class="list">\n${items.join('\n')}\n</ul>`;
    }
    if (roll < 0.76) {
      const rows = Array.from(
        { length: 3 + this.int(6) },
        () => `  <tr><td>${this.words(2)}</td><td>${this.int(10000)}</td><td><a href="/row/${this.int(500)}">${this.words(1)}</a></td></tr>`,
      );
      return `<table class="data">\n  <thead><tr><th>Item</th><th>Count</th><th>Link</th></tr></thead>\n  <tbody>\n${rows.join('\n')}\n  </tbody>\n</table>`;
    }
    if (roll < 0.88) {
      return `<div class="card"><div class="card-body"><h3>${this.words(3)}</h3>\n<div class="meta"><span>${this.pick(NAMES)}</span> · <time>${this.int(28) + 1} May</time></div>\n<p>${this.inline()}</p></div></div>`;
    }
    if (roll < 0.94) return `<blockquote><p>${this.inline()}</p><cite>${this.pick(NAMES)}</cite></blockquote>`;
    return `<h2>${this.words(2 + this.int(4))}</h2>`;
  }
}

export interface GeneratedPage {
  html: string;
  /** Mentions placed on purpose; the last one sits in the page's last paragraph (id="mention-last"). */
  mentions: number;
}

const HEAD = (title: string) =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n<title>${title}</title>\n` +
  '<style>body{font:16px/1.5 serif;max-width:46rem;margin:auto;padding:1rem}table{border-collapse:collapse}td,th{padding:2px 6px}.card{border:1px solid #ddd;margin:8px 0;padding:8px}</style>\n</head>\n';

function chrome(g: Gen, top: boolean): string {
  const links = Array.from({ length: 8 }, () => `<li><a href="/section/${g.int(99)}">${g.words(1)}</a></li>`).join('');
  return top
    ? `<header><div class="brand">${g.words(2)}</div><nav><ul>${links}</ul></nav></header>\n`
    : `<footer><nav><ul>${links}</ul></nav><p>${g.sentence()}</p></footer>\n`;
}

/**
 * An article page of about `bytes` of HTML with `mentions` mention paragraphs spread through it, the last
 * one being the final paragraph of the article.
 */
export function articlePage(seed: number, bytes: number, mentions: number): GeneratedPage {
  const g = new Gen(seed);
  const parts: string[] = [HEAD(`${g.words(4)}`), '<body>\n', chrome(g, true), `<main><article>\n<h1>${g.words(6)}</h1>\n`];
  let size = parts.reduce((n, p) => n + p.length, 0);
  const tail = 600;
  const marks = Array.from({ length: Math.max(0, mentions - 1) }, (_, i) => Math.round(((i + 1) / mentions) * bytes * 0.9));
  let placed = 0;
  let section = 0;
  while (size < bytes - tail) {
    let chunk: string;
    if (placed < marks.length && size >= (marks[placed] as number)) {
      chunk = `<p id="mention-${placed}">${g.sentence()} ${MENTION_SENTENCES[placed % MENTION_SENTENCES.length]} ${g.sentence()}</p>`;
      placed += 1;
    } else if (g.r() < 0.02) {
      // Nested sections, as long pages have.
      section += 1;
      chunk = `<section class="s${section}"><div class="wrap"><div class="inner">\n${g.block()}\n${g.block()}\n</div></div></section>`;
    } else {
      chunk = g.block();
    }
    parts.push(chunk, '\n');
    size += chunk.length + 1;
  }
  if (mentions > 0) parts.push(`<p id="mention-last">${g.sentence()} ${MENTION_SENTENCES[0]}</p>\n`);
  parts.push('</article></main>\n', chrome(g, false), '</body>\n</html>\n');
  return { html: parts.join(''), mentions: placed + (mentions > 0 ? 1 : 0) };
}

/**
 * A feed that appends 200 paragraphs every 100 ms for 10 s after `startDelay` ms, one of each batch holding
 * a mention. It records, per mention paragraph, when it was appended and when a highlight range inside it
 * was first seen (checked once per frame, in a task queued from requestAnimationFrame, i.e. after the
 * frame's animation callbacks, where the extension's DOM watcher flushes, and after that frame's paint
 * step). Results land in window.__feed.
 */
export function feedPage(seed: number, opts: { batches: number; perBatch: number; intervalMs: number; startDelayMs: number }): string {
  const g = new Gen(seed);
  const initial = Array.from({ length: 20 }, () => g.block()).join('\n');
  const templates = Array.from({ length: 64 }, () => g.inline());
  const script = `
(() => {
  const T = ${JSON.stringify(templates)};
  const M = ${JSON.stringify(MENTION_SENTENCES)};
  const O = ${JSON.stringify(opts)};
  const NAMES = ['context-notes-mention', 'context-notes-framed', 'context-notes-dotted', 'context-notes-tint'];
  const feed = { appends: [], mentions: [], done: false };
  window.__feed = feed;
  const pending = new Map();
  let s = ${seed >>> 0};
  const rand = () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 4294967296; };
  const list = document.getElementById('feed');
  const check = () => {
    if (pending.size === 0) return;
    const now = performance.now();
    // The first check after a frame that began after the append: the earliest a highlight could be seen
    // (the baseline: how late the page's own frames run).
    for (const rec of pending.values()) if (rec.frameAt < 0 && rec.appendedAt > 0 && lastFrameAt > rec.appendedAt) rec.frameAt = now;
    for (const name of NAMES) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      for (const range of h) {
        const p = range.startContainer.parentElement && range.startContainer.parentElement.closest('p[data-m]');
        const rec = p && pending.get(p);
        if (rec) { rec.seenAt = now; pending.delete(p); }
      }
    }
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = check;
  let lastFrameAt = 0;
  const frame = () => { lastFrameAt = performance.now(); channel.port2.postMessage(0); if (!feed.done || pending.size) requestAnimationFrame(frame); };
  let batch = 0;
  const tick = () => {
    if (batch === 0) performance.mark('bench-feed-start');
    const t0 = performance.now();
    const hit = Math.floor(rand() * O.perBatch);
    for (let i = 0; i < O.perBatch; i++) {
      const p = document.createElement('p');
      p.innerHTML = T[Math.floor(rand() * T.length)];
      if (i === hit) { p.dataset.m = String(batch); p.append(' ' + M[batch % M.length]); }
      list.append(p);
      if (i === hit) { const rec = { batch, appendedAt: 0, frameAt: -1, seenAt: -1 }; pending.set(p, rec); feed.mentions.push(rec); }
    }
    const t1 = performance.now();
    for (const rec of feed.mentions) if (rec.batch === batch) rec.appendedAt = t1;
    feed.appends.push({ at: t0, ms: t1 - t0 });
    batch += 1;
    if (batch < O.batches) setTimeout(tick, Math.max(0, O.intervalMs - (performance.now() - t0)));
    else setTimeout(() => { performance.mark('bench-feed-end'); feed.done = true; }, 1000);
  };
  addEventListener('load', () => setTimeout(() => { requestAnimationFrame(frame); tick(); }, O.startDelayMs));
})();`;
  return `${HEAD('Feed')}<body>\n${chrome(g, true)}<main><h1>${g.words(4)}</h1>\n${initial}\n<div id="feed"></div></main>\n<script>${script}</script>\n</body>\n</html>\n`;
}

/** Rough count of text nodes (including whitespace between tags) for the report. */
export function countTextNodes(html: string): number {
  let n = 0;
  const re = />([^<]+)</g;
  while (re.exec(html)) n += 1;
  return n;
}
