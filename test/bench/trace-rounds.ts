/**
 * What the page pays (issue 22): the page's renderer main-thread busy time with the extension minus without,
 * in paired rounds. Each round loads the page fresh in three headless Chromiums: no extension, a walk-only
 * content script that reads every text node once and times that walk itself, and ours (the order turns from
 * round to round). Figures are medians of the per-round differences, so the machine's drift cancels; the
 * spread of the differences is printed with them.
 *
 * Busy time is the sum of the top-level tasks of the page's renderer main thread (trace-busy.ts), by default
 * as thread CPU time (the trace's tdur): on a shared machine other processes stretch wall durations but not
 * the work done. Wall figures are printed beside. Two windows:
 *  - after parse: from the end of the page's last ParseHTML (document_end: no content script runs before it)
 *    to the end of the wait. The extension's script, the style, layout and paint it causes, its GC.
 *  - whole load: navigation to the end of the wait. Adds what the extension's stylesheet costs while the
 *    page parses, but also the parse's own spread (how often it pauses to lay out): seconds on 10 MB.
 * The ratio is against the larger of the two floor figures: the walk-only script's added busy time, and its
 * walk by its own clock.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { busyTime, KIND_LABELS, KINDS, pageMainThread, zeroKinds, type Busy, type Kind, type TraceEvent } from './trace-busy';
import { median } from './trace';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing'];

/** The walk-only script: reads every text node once, times that itself, and says so in an attribute. */
const TIMED_WALK = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
  document.documentElement.setAttribute('data-bench-walk-ms', String(performance.now() - t0));
})();
`;

export interface RoundPage {
  name: string;
  path: string;
  html: string;
  mentions: number;
}

/** 'base': another build of ours (--paid-base=<dist>), to measure a change against in the same rounds. */
type Condition = 'none' | 'walk' | 'ext' | 'base';

interface Load {
  after: { cpu: Busy; wall: Busy };
  whole: { cpu: Busy; wall: Busy };
  /** The walk-only script's own clock (ms). */
  walkMs?: number;
  /** Highlight ranges seen after the load (ours), against the page's mentions. */
  ranges?: number;
}

export interface Round {
  none: Load;
  walk: Load;
  ext: Load;
  base?: Load;
}

export interface PaidOptions {
  chromium: string;
  args: string[];
  extDir: string;
  /** Another build (its chrome directory) loaded in the same rounds. */
  baseDir?: string | undefined;
  tmp: string;
  origin: string;
  pages: RoundPage[];
  rounds: (p: RoundPage) => number;
  log: (...parts: unknown[]) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HIGHLIGHTS = ['context-notes-mention', 'context-notes-framed', 'context-notes-dotted', 'context-notes-tint'];

/** How long after the load event a window lasts at least, in every condition (idle costs nothing; late GC does). */
const windowMs = (p: RoundPage) => (p.html.length > 5e6 ? 9000 : 2500);

async function launch(options: PaidOptions, condition: Condition, walkDir: string): Promise<Browser> {
  const browser = await puppeteer.launch({
    executablePath: options.chromium,
    headless: true,
    pipe: true,
    enableExtensions: condition !== 'none',
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
    args: [...options.args, `--user-data-dir=${await mkdtemp(path.join(options.tmp, `paid-${condition}-`))}`],
  });
  if (condition === 'walk') await browser.installExtension(walkDir);
  if (condition === 'ext') await browser.installExtension(options.extDir);
  if (condition === 'base' && options.baseDir) await browser.installExtension(options.baseDir);
  return browser;
}

async function load(browser: Browser, condition: Condition, origin: string, p: RoundPage): Promise<Load> {
  for (const old of await browser.pages()) if (!old.url().startsWith('about:')) await old.close();
  const page: Page = await browser.newPage();
  try {
    await page.goto('about:blank');
    await page.tracing.start({ categories: CATEGORIES });
    let buffer: Uint8Array | undefined;
    try {
      await page.goto(origin + p.path, { waitUntil: 'load', timeout: 180_000 });
      const loaded = Date.now();
      // Polled rarely: the harness's own tasks are left out of the busy time anyway (trace-busy.ts).
      if (condition === 'walk') await page.waitForFunction(() => document.documentElement.hasAttribute('data-bench-walk-ms'), { polling: 250, timeout: 60_000 });
      if ((condition === 'ext' || condition === 'base') && p.mentions > 0) {
        await page
          .waitForFunction(
            (names: string[]) => {
              const last = document.getElementById('mention-last');
              for (const name of names) for (const range of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) if (last?.contains(range.startContainer)) return true;
              return false;
            },
            { polling: 250, timeout: 60_000 },
            HIGHLIGHTS,
          )
          .catch(() => undefined);
        // The card's code loads and framing is assessed after the last highlight.
        await sleep(p.html.length > 5e6 ? 2500 : 1000);
      }
      await sleep(Math.max(0, windowMs(p) - (Date.now() - loaded)));
    } finally {
      buffer = await page.tracing.stop();
    }
    const parsed = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
    const thread = pageMainThread(events, origin + p.path);
    if (!thread) throw new Error(`no renderer main thread in the trace of ${p.name} (${condition})`);
    const parses = events.filter(
      (e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'ParseHTML' && e.ph === 'X' && ((e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url ?? '').startsWith(origin + p.path),
    );
    const parseEnd = Math.max(...parses.map((e) => e.ts + (e.dur ?? 0)));
    const out: Load = {
      after: { cpu: busyTime(events, thread, { from: parseEnd }, 'cpu'), wall: busyTime(events, thread, { from: parseEnd }, 'wall') },
      whole: { cpu: busyTime(events, thread, {}, 'cpu'), wall: busyTime(events, thread, {}, 'wall') },
    };
    if (condition === 'walk') out.walkMs = Number(await page.evaluate(() => document.documentElement.getAttribute('data-bench-walk-ms')));
    if (condition === 'ext' || condition === 'base') {
      out.ranges = await page.evaluate((names: string[]) => names.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0), HIGHLIGHTS);
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Runs the rounds; one browser per condition for the whole run. */
export async function paidRounds(options: PaidOptions): Promise<Record<string, Round[]>> {
  const walkDir = path.join(options.tmp, 'walk-timed');
  await mkdir(walkDir, { recursive: true });
  await writeFile(
    path.join(walkDir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Context Notes bench walk', version: '1.0.0', content_scripts: [{ matches: ['http://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: true }] }),
  );
  await writeFile(path.join(walkDir, 'content.js'), TIMED_WALK);
  const CONDITIONS: Condition[] = options.baseDir ? ['none', 'walk', 'ext', 'base'] : ['none', 'walk', 'ext'];
  const browsers = {} as Record<Condition, Browser>;
  for (const c of CONDITIONS) browsers[c] = await launch(options, c, walkDir);
  const out: Record<string, Round[]> = {};
  try {
    for (const p of options.pages) {
      const rounds: Round[] = (out[p.name] = []);
      const n = options.rounds(p);
      for (let r = 0; r < n; r++) {
        // Each condition first, second and third in turn.
        const order = CONDITIONS.map((_, i) => CONDITIONS[(i + r) % CONDITIONS.length] as Condition);
        if (r % 2 === 1) order.reverse();
        const round = {} as Round;
        for (const c of order) round[c] = await load(browsers[c], c, options.origin, p);
        const base = round.base ? `; base build: after parse ${round.base.after.cpu.total.toFixed(1)}, whole ${round.base.whole.cpu.total.toFixed(0)}` : '';
        rounds.push(round);
        options.log(
          `paid ${p.name} #${r}: after parse, CPU ms: none ${round.none.after.cpu.total.toFixed(1)}, walk ${round.walk.after.cpu.total.toFixed(1)} (own clock ${round.walk.walkMs?.toFixed(1)}), ext ${round.ext.after.cpu.total.toFixed(1)}; whole load: ${round.none.whole.cpu.total.toFixed(0)} / ${round.walk.whole.cpu.total.toFixed(0)} / ${round.ext.whole.cpu.total.toFixed(0)}; ranges ${round.ext.ranges}/${p.mentions}${base}`,
        );
      }
    }
  } finally {
    await Promise.all(Object.values(browsers).map((b) => b.close()));
  }
  return out;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
const spread = (xs: number[]) => `${fmt(Math.min(...xs))}…${fmt(Math.max(...xs))}`;

export interface PaidFigure {
  page: string;
  window: 'after' | 'whole';
  clock: 'cpu' | 'wall';
  /** Median of per-round (ours − none), ms. */
  added: number;
  addedRange: [number, number];
  /** Median of per-round (walk − none), ms. */
  walkAdded: number;
  /** Median of the walk's own clock, ms. */
  walkOwn: number;
  floor: number;
  ratio: number;
  /** Median of per-round ratios (ours − none) / max(walk − none, own walk). */
  roundRatio: number;
  byKind: Record<Kind, number>;
  walkByKind: Record<Kind, number>;
  rounds: number;
  /** Rounds in which our load highlighted fewer ranges than the page has mentions. */
  missed: number;
}

export function paidFigure(page: RoundPage, rounds: Round[], window: 'after' | 'whole', clock: 'cpu' | 'wall', which: 'ext' | 'base' = 'ext'): PaidFigure {
  const of = (l: Load) => l[window][clock];
  const ours = (r: Round) => (which === 'base' ? r.base! : r.ext);
  const added = rounds.map((r) => of(ours(r)).total - of(r.none).total);
  const walkAdded = rounds.map((r) => of(r.walk).total - of(r.none).total);
  const own = rounds.map((r) => r.walk.walkMs ?? 0);
  const floor = Math.max(median(walkAdded), median(own));
  const byKind = zeroKinds();
  const walkByKind = zeroKinds();
  for (const k of KINDS) {
    byKind[k] = median(rounds.map((r) => of(ours(r)).byKind[k] - of(r.none).byKind[k]));
    walkByKind[k] = median(rounds.map((r) => of(r.walk).byKind[k] - of(r.none).byKind[k]));
  }
  return {
    page: page.name,
    window,
    clock,
    added: median(added),
    addedRange: [Math.min(...added), Math.max(...added)],
    walkAdded: median(walkAdded),
    walkOwn: median(own),
    floor,
    ratio: median(added) / floor,
    roundRatio: median(rounds.map((r, i) => added[i]! / Math.max(walkAdded[i]!, own[i]!))),
    byKind,
    walkByKind,
    rounds: rounds.length,
    missed: page.mentions > 0 ? rounds.filter((r) => (ours(r).ranges ?? 0) < page.mentions).length : 0,
  };
}

/** The by-kind table printed after the bench's main table. */
export function paidReport(pages: RoundPage[], results: Record<string, Round[]>): string {
  const lines: string[] = ['', 'What the page pays (Chromium trace, renderer main thread, paired rounds; medians of per-round differences, ms):'];
  for (const p of pages) {
    const rounds = results[p.name];
    if (!rounds?.length) continue;
    for (const [window, which] of [['after', 'ext'], ['whole', 'ext'], ...(rounds[0]?.base ? [['after', 'base'], ['whole', 'base']] : [])] as ['after' | 'whole', 'ext' | 'base'][]) {
      const cpu = paidFigure(p, rounds, window, 'cpu', which);
      const wall = paidFigure(p, rounds, window, 'wall', which);
      const added = rounds.map((r) => (which === 'base' ? r.base! : r.ext)[window].cpu.total - r.none[window].cpu.total);
      lines.push(
        `  ${p.name}, ${window === 'after' ? 'after parse' : 'whole load'}, ${rounds.length} rounds: ${which === 'base' ? 'BASE BUILD' : 'ours'} − none ${fmt(cpu.added)} CPU ms (rounds ${spread(added)}; wall ${fmt(wall.added)}), walk-only − none ${fmt(cpu.walkAdded)}, the walk by its own clock ${fmt(cpu.walkOwn)} → ${fmt(cpu.ratio)}× the floor (round by round ${fmt(cpu.roundRatio)}×)${cpu.missed ? `; fewer highlights than mentions in ${cpu.missed} rounds` : ''}`,
      );
      for (const k of KINDS) {
        if (Math.abs(cpu.byKind[k]) < 0.05 && Math.abs(cpu.walkByKind[k]) < 0.05) continue;
        lines.push(`      ${KIND_LABELS[k].padEnd(54)} ours ${fmt(cpu.byKind[k]).padStart(7)}   walk-only ${fmt(cpu.walkByKind[k]).padStart(7)}`);
      }
    }
  }
  return lines.join('\n');
}
