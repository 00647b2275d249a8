/**
 * Performance benchmark of the built extension (issue 7). Run: npm run bench [-- --quick] [-- --json] [-- --check]
 * Methods are described in test/bench/README.md; trace attribution in test/bench/trace.ts.
 *
 *   --quick          fewer repetitions (about half the time)
 *   --json           print the figures as JSON instead of the table
 *   --check          exit 1 when a target is missed
 *   --no-firefox     skip the Firefox part (--no-chromium: the Chromium part)
 *   --dist=<dir>     measure another build (default dist/); --keep-traces writes the traces to the temp dir
 *   --only=<parts>   e.g. --only=10m,feed (page names, "feed", "hover", "framing"); --reps=<n> loads per page and build
 *   --profile=<page> the page whose sampled profile is printed (default 10m)
 *   --paid-pages=<names> pages of the "what the page pays" rounds (default article-50k-none,50k,10m); --paid-rounds=<n>;
 *                    --paid-base=<dist> loads another build in the same rounds (a change against its base)
 */
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { framingTimes } from './framing';
import { articlePage, countTextNodes, feedPage, PEER_TERMS, type GeneratedPage } from './pages';
import { attribute, median, percentile, type Attribution, type TraceEvent } from './trace';
import { paidFigure, paidReport, paidRounds, type Round } from './trace-rounds';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = flag('quick');
/** --only=10m,feed: just these parts (page names, "feed", "hover", "framing"); everything when absent. */
const ONLY = opt('only')?.split(',');
const wanted = (part: string) => !ONLY || ONLY.includes(part);
const JSON_OUT = flag('json');
const CHECK = flag('check');
const FIREFOX = !flag('no-firefox');
const CHROMIUM_PART = !flag('no-chromium');
const KEEP_TRACES = flag('keep-traces');
const REPS = QUICK ? 3 : 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX_BIN = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = path.resolve(root, opt('dist') ?? 'dist');

const log = (...parts: unknown[]) => {
  // Progress goes to stderr so that --json output stays parseable.
  process.stderr.write(`[bench ${((performance.now() / 1000) | 0).toString().padStart(3)}s] ${parts.join(' ')}\n`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------
// Results

interface Row {
  metric: string;
  page: string;
  browser: 'chromium' | 'firefox' | '-';
  value: number | null;
  unit: string;
  baseline?: { label: string; value: number } | undefined;
  ratio?: number | undefined;
  /** e.g. "≤ 1.3×"; absent for informational rows. */
  target?: string | undefined;
  pass?: boolean | undefined;
  note?: string | undefined;
}
const rows: Row[] = [];
const details: Record<string, unknown> = {};
const add = (row: Row) => {
  rows.push(row);
  log(`${row.metric} [${row.page}] ${row.value === null ? row.note : `${fmt(row.value)} ${row.unit}`}${row.ratio !== undefined ? ` ratio ${row.ratio.toFixed(2)}` : ''}`);
};
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

// ---------------------------------------------------------------------------------------------------------
// Pages and server

interface BenchPage extends GeneratedPage {
  name: string;
  path: string;
  textNodes: number;
}
function makePages(): BenchPage[] {
  const list: [string, GeneratedPage][] = [
    ['article-50k-none', articlePage(7, 50_000, 0)],
    ['50k', articlePage(11, 50_000, 3)],
    ['1m', articlePage(13, 1_000_000, 5)],
    ['10m', articlePage(17, 10_000_000, 5)],
  ];
  return list.map(([name, p]) => ({ ...p, name, path: `/${name}.html`, textNodes: countTextNodes(p.html) }));
}
const FEED = { batches: 100, perBatch: 200, intervalMs: 100, startDelayMs: 1000 };

function serve(routes: Map<string, string>): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    const body = routes.get((req.url ?? '/').split('?')[0] ?? '/');
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The floor: a content script that reads every text node once and does nothing else. The attribute it sets
// afterwards only tells the harness that it ran (one attribute write, negligible next to the walk).

const FLOOR_SCRIPT = `(() => {
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
  document.documentElement.setAttribute('data-bench-floor', String(chars));
})();
`;
// The cost of having any content script at all (its isolated world, compiling and running one statement): the
// part of "nothing to find" that no extension can go below.
const EMPTY_SCRIPT = `document.documentElement.setAttribute('data-bench-floor', '0');\n`;
async function writeFloor(dir: string, browser: 'chrome' | 'firefox', script = FLOOR_SCRIPT): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: 'Context Notes bench floor',
    version: '1.0.0',
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: true }],
  };
  if (browser === 'firefox') manifest.browser_specific_settings = { gecko: { id: 'bench-floor@context-notes.example' } };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(dir, 'content.js'), script);
}

// ---------------------------------------------------------------------------------------------------------
// Chromium

const CHROME_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1280,900'];
// RunTask (the task boundaries) is in disabled-by-default-devtools.timeline; the stackTrace on TimerInstall /
// RequestAnimationFrame / ScheduleYieldContinuation needs the .stack category. 'toplevel' is left out: it
// doubles the event count for nothing this harness reads.
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

interface Instance {
  label: 'ext' | 'floor' | 'empty' | 'bare';
  browser: Browser;
  id: string | null;
  isExt: (url: string) => boolean;
}

async function launchChromium(tmp: string, label: Instance['label'], extDir: string | null): Promise<Instance> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: extDir !== null,
    defaultViewport: { width: 1280, height: 900 },
    protocolTimeout: 600_000,
    args: [...CHROME_ARGS, `--user-data-dir=${await mkdtemp(path.join(tmp, `ud-${label}-`))}`],
  });
  const id = extDir ? await browser.installExtension(extDir) : null;
  // Only the content scripts count; the background service worker runs elsewhere and is never attributed.
  const isExt = (url: string) => id !== null && url.startsWith(`chrome-extension://${id}/`) && /\/(content|notes|card)\.js/.test(url);
  return { label, browser, id, isExt };
}

async function freshPage(instance: Instance): Promise<Page> {
  for (const old of await instance.browser.pages()) if (!old.url().startsWith('about:')) await old.close();
  const page = await instance.browser.newPage();
  await page.goto('about:blank');
  return page;
}

async function traced<T>(page: Page, body: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  let buffer: Uint8Array | undefined;
  let result: T;
  try {
    result = await body();
  } finally {
    buffer = await page.tracing.stop();
  }
  const parsed = JSON.parse(Buffer.from(buffer ?? new Uint8Array()).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return { result, events: Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []) };
}

/** Waits (polling every 50 ms from the page, a page task, never attributed) until the page's last mention is painted. */
async function waitForLastMention(page: Page, timeout: number): Promise<boolean> {
  try {
    await page.waitForFunction(
      () => {
        const last = document.getElementById('mention-last');
        if (!last) return false;
        for (const name of ['context-notes-mention', 'context-notes-framed', 'context-notes-dotted', 'context-notes-tint']) {
          for (const range of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) if (last.contains(range.startContainer)) return true;
        }
        return false;
      },
      { polling: 50, timeout },
    );
    return true;
  } catch {
    return false;
  }
}

function settleMs(p: BenchPage): number {
  return p.html.length > 5e6 ? 2500 : p.html.length > 5e5 ? 1200 : 800;
}

interface ScanRun {
  /** Σ extension task time (ms), wall clock. */
  total: number;
  /** The same Σ in the renderer main thread's CPU time (ms). */
  cpu: number;
  longest: number;
  tasks: number;
  found: boolean;
  attribution: Attribution;
  heap?: { used: number; embedder: number };
  walk?: { cold: number; warm: number };
  peer?: number;
}

/** What else to measure on the same load, after the trace stopped (so it is never in the attributed time). */
interface After {
  heap?: boolean;
  walk?: boolean;
  peer?: string;
}

/** JS heap of the page's isolate (main world + content-script worlds) after two full GCs. */
async function heapNow(page: Page): Promise<{ used: number; embedder: number }> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.detach();
  return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0 };
}

// Strings, not functions: tsx would wrap named inner functions in a __name() helper the page doesn't have.
const WALK_SOURCE = `(() => {
  const walk = () => {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
    return chars >= 0 ? performance.now() - t0 : 0;
  };
  const cold = walk();
  return { cold, warm: walk() };
})()`;
const peerSource = (terms: string[]) => `new Promise((resolve) => {
  const t0 = performance.now();
  let sync = -1;
  new Mark(document.body).mark(${JSON.stringify(terms)}, {
    separateWordSearch: false,
    // done() may come before mark() returns (synchronous) or after (batched); take whichever is later.
    done: (count) => setTimeout(() => resolve({ sync, done: performance.now() - t0, count }), 0),
  });
  sync = performance.now() - t0;
})`;

/** One fresh load of `p` under a trace; the instance's content-script time from the trace. */
async function scanRun(instance: Instance, origin: string, p: BenchPage, tmp: string, tag: string, after: After = {}): Promise<ScanRun> {
  const page = await freshPage(instance);
  try {
    let found = true;
    const t0 = performance.now();
    let loaded = 0;
    let waited = 0;
    const { events } = await traced(page, async () => {
      await page.goto(origin + p.path, { waitUntil: 'load', timeout: 180_000 });
      loaded = performance.now();
      if (instance.label === 'floor' || instance.label === 'empty') {
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-bench-floor'), { polling: 50, timeout: 60_000 });
        await sleep(300);
      } else if (p.mentions > 0) {
        found = await waitForLastMention(page, 60_000);
        await sleep(settleMs(p));
      } else {
        await sleep(settleMs(p) + 700);
      }
      waited = performance.now();
    });
    const stopped = performance.now();
    if (KEEP_TRACES) await writeFile(path.join(tmp, `trace-${tag}.json`), JSON.stringify({ traceEvents: events }));
    const attribution = attribute(events, instance.isExt);
    const run: ScanRun = { total: attribution.total / 1000, cpu: attribution.totalCpu / 1000, longest: attribution.longest / 1000, tasks: attribution.tasks.length, found, attribution };
    log(`  (${tag}: load ${((loaded - t0) / 1000).toFixed(1)} s, wait ${((waited - loaded) / 1000).toFixed(1)} s, trace stop ${((stopped - waited) / 1000).toFixed(1)} s, ${events.length} events)`);
    if (after.heap) run.heap = await heapNow(page);
    if (after.walk) run.walk = (await page.evaluate(WALK_SOURCE)) as { cold: number; warm: number };
    if (after.peer) {
      await page.evaluate(after.peer);
      const t = (await page.evaluate(peerSource(PEER_TERMS))) as { sync: number; done: number; count: number };
      run.peer = Math.max(t.sync, t.done);
      log(`  mark.js ${p.name}: ${run.peer.toFixed(1)} ms, ${t.count} marks`);
    }
    return run;
  } finally {
    await page.close();
  }
}

/**
 * Each extension load against the floor load next to it (the loads alternate): drift between the two halves of
 * a run cancels there. Printed beside the ratio of the medians, which stays the figure checked.
 */
function pairedNote(ext: readonly ScanRun[], floor: readonly ScanRun[], clock: 'total' | 'cpu' = 'total'): string {
  const n = Math.min(ext.length, floor.length);
  if (n < 2) return '';
  const ratios = Array.from({ length: n }, (_, i) => ext[i]![clock] / floor[i]![clock]).sort((a, b) => a - b);
  return `load by load: median ${fmt(median(ratios))}× (${fmt(ratios[0]!)}–${fmt(ratios[n - 1]!)}×, ${n} pairs)`;
}

function mergeTimes(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

// A 10 MB load takes 15–25 s here (Chromium's own parse and layout), so fewer repetitions there; but 6 in a
// full run: the floor's own figure there ranges over ±20 % from load to load, and with 4 the ratio of the
// medians moved between 1.20× and 1.37× from run to run.
const repsFor = (p: BenchPage) => (opt('reps') ? Number(opt('reps')) : p.html.length > 5e6 ? (QUICK ? 1 : 6) : QUICK ? 3 : 5);

/**
 * Per page: alternating floor / extension loads, each fresh and traced. On the same loads, after the trace:
 * heap (both, for the memory difference), a main-world TreeWalker pass and mark.js (floor loads only: the
 * floor's world holds nothing after its walk, and mark.js must run on a page nobody has mutated).
 */
async function chromiumScan(ext: Instance, floor: Instance, empty: Instance | null, origin: string, pages: BenchPage[], tmp: string, markSource: string) {
  const results: Record<string, { ext: ScanRun[]; floor: ScanRun[]; empty: ScanRun[] }> = {};
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let profiledRuns = 0;
  for (const p of pages) {
    const r = (results[p.name] = { ext: [] as ScanRun[], floor: [] as ScanRun[], empty: [] as ScanRun[] });
    const reps = repsFor(p);
    for (let rep = 0; rep < reps; rep++) {
      // Alternate which goes first so that drift (thermal, caches) hits both alike.
      const order = rep % 2 === 0 ? [floor, ext] : [ext, floor];
      if (empty && p.mentions === 0) order.splice(rep % 3, 0, empty);
      for (const inst of order) {
        const heap = p.name === 'article-50k-none' || p.name === '10m';
        // mark.js on the 10 MB page takes about a minute: once there, and not at all with --quick.
        const peer = inst === floor && p.mentions > 0 && (p.name !== '10m' || (!QUICK && rep === reps - 1)) ? markSource : undefined;
        const after: After = { heap, walk: inst === floor, ...(peer ? { peer } : {}) };
        const run = await scanRun(inst, origin, p, tmp, `${p.name}-${inst.label}-${rep}`, after);
        (inst === ext ? r.ext : inst === floor ? r.floor : r.empty).push(run);
        log(`scan ${p.name} ${inst.label} #${rep}: ${run.total.toFixed(2)} ms wall, ${run.cpu.toFixed(2)} ms CPU in ${run.tasks} tasks, longest ${run.longest.toFixed(2)} ms${run.found ? '' : ' (last mention NOT highlighted)'}`);
        if (inst === ext) log(`  longest task, sampled: ${run.attribution.longestTaskTop.slice(0, 6).map(([fn, us]) => `${fn.slice(0, 50)} ${(us / 1000).toFixed(1)}`).join(' · ')}`);
        if (inst === ext && p.name === (opt('profile') ?? '10m')) {
          mergeTimes(self, run.attribution.selfTime);
          mergeTimes(inclusive, run.attribution.totalTime);
          profiledRuns += 1;
        }
      }
    }
  }
  return { results, self, inclusive, profiledRuns };
}

/**
 * Nothing to find (issue 18): the no-mention page against both baselines of the same run, the walk-only floor
 * (target ≤ 1.3×) and the empty content script (what any content script costs), each also load by load.
 * The target is judged on the main thread's CPU time (the trace's tdur): on a shared machine preemption
 * stretches wall time by up to 2× from load to load, CPU time much less. Wall-time rows are printed beside.
 */
function nothingToFind(page: string, r: { ext: ScanRun[]; floor: ScanRun[]; empty: ScanRun[] }): void {
  const fallbacks = [...r.ext, ...r.floor, ...r.empty].reduce((n, x) => n + x.attribution.cpuFallbacks, 0);
  const fallbackNote = fallbacks ? `; ${fallbacks} events without tdur counted by wall time` : '';
  const figures = (clock: 'total' | 'cpu') => ({
    e: median(r.ext.map((x) => x[clock])),
    f: median(r.floor.map((x) => x[clock])),
    bare: r.empty.length ? median(r.empty.map((x) => x[clock])) : NaN,
  });
  const cpu = figures('cpu');
  const wall = figures('total');
  add({
    metric: 'nothing to find: main-thread CPU time vs walk-only floor',
    page,
    browser: 'chromium',
    value: cpu.e,
    unit: 'ms',
    baseline: { label: 'floor', value: cpu.f },
    ratio: cpu.e / cpu.f,
    target: '≤ 1.3×',
    pass: cpu.e / cpu.f <= 1.3,
    note: (pairedNote(r.ext, r.floor, 'cpu') || 'thread CPU time (tdur)') + fallbackNote,
  });
  add({
    metric: 'nothing to find: main-thread wall time vs walk-only floor',
    page,
    browser: 'chromium',
    value: wall.e,
    unit: 'ms',
    baseline: { label: 'floor', value: wall.f },
    ratio: wall.e / wall.f,
    note: [pairedNote(r.ext, r.floor), 'wall time (dur), stretched by preemption on a shared machine: no target'].filter(Boolean).join('; '),
  });
  if (!r.empty.length) return;
  for (const [clock, x, label] of [['CPU', cpu, 'thread CPU time'], ['wall', wall, 'wall time']] as const) {
    add({
      metric: `nothing to find: main-thread ${clock} time vs empty script`,
      page,
      browser: 'chromium',
      value: x.e,
      unit: 'ms',
      baseline: { label: 'empty script', value: x.bare },
      ratio: x.e / x.bare,
      note: `${label}: extension − an empty content script: ${fmt(x.e - x.bare)} ms; floor − empty: ${fmt(x.f - x.bare)} ms (the empty script is the isolated world and one statement: the least any content script costs)`,
    });
  }
}

interface FeedResult {
  latencies: number[];
  frameLatencies: number[];
  missed: number;
  appendMs: number[];
}
async function readFeed(page: Page): Promise<FeedResult> {
  await page.waitForFunction(() => (window as unknown as { __feed?: { done: boolean } }).__feed?.done === true, { polling: 200, timeout: 60_000 });
  await sleep(500);
  return page.evaluate(() => {
    const feed = (window as unknown as { __feed: { mentions: { appendedAt: number; frameAt: number; seenAt: number }[]; appends: { ms: number }[] } }).__feed;
    return {
      latencies: feed.mentions.filter((m) => m.seenAt >= 0).map((m) => m.seenAt - m.appendedAt),
      /** Append → the page's own next frame: the earliest any highlight could be seen. */
      frameLatencies: feed.mentions.filter((m) => m.frameAt >= 0).map((m) => m.frameAt - m.appendedAt),
      missed: feed.mentions.filter((m) => m.seenAt < 0).length,
      appendMs: feed.appends.map((a) => a.ms),
    };
  });
}

/**
 * The feed under a trace. Only tasks inside the page's own marks (first append → 1 s after the last) count
 * for "during the 10 s"; the initial load of the page is reported apart.
 */
async function chromiumFeed(ext: Instance, origin: string, tmp: string) {
  const page = await freshPage(ext);
  try {
    const { result, events } = await traced(page, async () => {
      await page.goto(`${origin}/feed.html`, { waitUntil: 'load' });
      return readFeed(page);
    });
    if (KEEP_TRACES) await writeFile(path.join(tmp, 'trace-feed.json'), JSON.stringify({ traceEvents: events }));
    const all = attribute(events, ext.isExt);
    const markTs = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'))?.ts;
    const from = markTs('bench-feed-start') ?? -Infinity;
    const to = markTs('bench-feed-end') ?? Infinity;
    const during = all.tasks.filter((t) => t.ts >= from && t.ts <= to);
    const before = all.tasks.filter((t) => t.ts < from);
    const worst = [...during].sort((a, b) => b.ext - a.ext).slice(0, 5);
    if (worst.length) {
      log(`  feed: longest extension tasks ${worst.map((t) => `${(t.ext / 1000).toFixed(1)} ms at +${((t.ts - from) / 1000).toFixed(0)} ms via ${t.via}`).join(' · ')}`);
      log(`  feed: the run's longest task, sampled: ${all.longestTaskTop.slice(0, 8).map(([fn, us]) => `${fn.slice(0, 50)} ${(us / 1000).toFixed(1)}`).join(' · ')}`);
    }
    const attribution = {
      total: during.reduce((n, t) => n + t.ext, 0),
      longest: during.reduce((n, t) => Math.max(n, t.ext), 0),
      tasks: during,
      loadLongest: before.reduce((n, t) => Math.max(n, t.ext), 0),
      marksFound: Number.isFinite(from) && Number.isFinite(to),
      /** Sampled time per extension function over the whole run (load included). */
      selfTime: all.selfTime,
      totalTime: all.totalTime,
    };
    return { ...result, attribution };
  } finally {
    await page.close();
  }
}

/**
 * Hover: the real mouse rests on a mention; from the trace, T0 = the extension's 450 ms TimerInstall + 450 ms
 * (the end of the intent delay, so a late-firing timer counts against us), T1 = the end of the first main-
 * thread Paint that starts after the task running that timer's callback (the card's Preact render and
 * floating-ui position resolve in microtasks of that same task). The host element attaching is also marked
 * from a main-world MutationObserver (performance.mark) as a cross-check.
 */
async function chromiumHover(ext: Instance, origin: string, p: BenchPage, reps: number, tmp: string) {
  const page = await freshPage(ext);
  try {
    await page.goto(origin + p.path, { waitUntil: 'load' });
    await waitForLastMention(page, 30_000);
    await sleep(1000);
    const target = await page.evaluate(() => {
      for (const name of ['context-notes-mention', 'context-notes-framed']) {
        for (const range of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
        }
      }
      return null;
    });
    if (!target) return null;
    await page.evaluate(() => {
      new MutationObserver((records) => {
        for (const r of records) for (const n of Array.from(r.addedNodes)) if (n.nodeName === 'CONTEXT-NOTES-CARD') performance.mark('bench-card-attached');
      }).observe(document.documentElement, { childList: true });
    });
    const { events } = await traced(page, async () => {
      for (let i = 0; i < reps; i++) {
        await page.mouse.move(5, 890);
        await sleep(800);
        await page.mouse.move(target.x, target.y, { steps: 3 });
        await sleep(1000);
      }
      await page.mouse.move(5, 890);
      await sleep(500);
    });
    if (KEEP_TRACES) await writeFile(path.join(tmp, 'trace-hover.json'), JSON.stringify({ traceEvents: events }));
    const opens = hoverFromTrace(events, ext.isExt);
    const { longest, longestTaskTop } = attribute(events, ext.isExt);
    return opens && { opens, longest: longest / 1000, longestTaskTop };
  } finally {
    await page.close();
  }
}

function hoverFromTrace(events: TraceEvent[], isExt: (u: string) => boolean) {
  const attribution = attribute(events, isExt);
  if (!attribution.mainThread) return null;
  const { pid, tid } = attribution.mainThread;
  const on = events.filter((e) => e.pid === pid && e.tid === tid);
  const urls = (e: TraceEvent) => ((e.args?.data?.stackTrace as { url?: string }[] | undefined) ?? []).map((f) => f.url ?? '');
  const installs = on.filter((e) => e.name === 'TimerInstall' && Number(e.args?.data?.timeout) === 450 && urls(e).some(isExt));
  const tasks = on.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const paints = on.filter((e) => e.name === 'Paint' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const marks = events.filter((e) => e.name === 'bench-card-attached').map((e) => e.ts);
  const out: { latency: number; timerLate: number; task: number; attachedAfterDue?: number }[] = [];
  for (const install of installs) {
    const fire = on.find((e) => e.name === 'TimerFire' && e.args?.data?.timerId === install.args?.data?.timerId);
    if (!fire) continue; // cancelled (the pointer left)
    const task = tasks.filter((t) => t.ts <= fire.ts && t.ts + (t.dur ?? 0) >= fire.ts).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    if (!task) continue;
    const taskEnd = task.ts + (task.dur ?? 0);
    const paint = paints.find((e) => e.ts >= taskEnd);
    if (!paint) continue;
    const due = install.ts + 450_000;
    const mark = marks.find((m) => m >= fire.ts && m <= taskEnd);
    out.push({
      latency: (paint.ts + (paint.dur ?? 0) - due) / 1000,
      timerLate: (fire.ts - due) / 1000,
      task: (task.dur ?? 0) / 1000,
      ...(mark !== undefined ? { attachedAfterDue: (mark - due) / 1000 } : {}),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Firefox: no trace of content-script tasks is reachable through WebDriver BiDi, so only page-visible effects.

async function firefoxPart(tmp: string, origin: string, pages: BenchPage[], extDir: string, floorDir: string) {
  const launch = async (dir: string | null) => {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_BIN, headless: true, enableExtensions: dir !== null, protocolTimeout: 600_000 });
    if (dir) await browser.installExtension(dir);
    return browser;
  };
  const out: Record<string, unknown> = {};
  const browser = await launch(extDir);
  out.version = await browser.version();
  try {
    // Dynamic page: the same page-side measurement as in Chromium.
    const page = await browser.newPage();
    await page.goto(`${origin}/feed.html`, { waitUntil: 'load' });
    out.feed = await readFeed(page);
    await page.close();
    // Hover, the first open on each fresh page: from the first frame after the pointer move (where the
    // extension starts its 450 ms timer) + 450 ms, to the task after the first frame that shows the card.
    const p50 = pages.find((p) => p.name === '50k') as BenchPage;
    const hovers: number[] = [];
    for (let i = 0; i < (QUICK ? 2 : 3); i++) {
      const hp = await browser.newPage();
      await hp.bringToFront();
      await hp.goto(origin + p50.path, { waitUntil: 'load' });
      await waitForLastMention(hp, 30_000);
      await sleep(2000);
      const target = await hp.evaluate(() => {
        for (const range of (CSS.highlights.get('context-notes-mention') ?? CSS.highlights.get('context-notes-framed') ?? []) as Iterable<Range>) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0];
          if (rect) return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
        }
        return null;
      });
      if (!target) break;
      // The pointer keeps its place across pages: off any mention first, and long enough for a timer armed by
      // the scroll above (the content moved under it) to lapse, or the card would open before the test's move.
      await hp.mouse.move(1, 1);
      await sleep(800);
      await hp.evaluate(() => {
        const w = window as unknown as { __hover: { frameAfterMove?: number; shown?: number; painted?: number } };
        w.__hover = {};
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__hover.painted ??= performance.now());
        // T0: the frame after the test's first move, where the extension arms its timer (later moves onto the same
        // mention do not re-arm it). Moves after the card appears (Firefox sends one when content changes under
        // the pointer) are not the test's.
        addEventListener(
          'pointermove',
          () => {
            if (w.__hover.shown === undefined) requestAnimationFrame(() => (w.__hover.frameAfterMove ??= performance.now()));
          },
          { capture: true },
        );
        // The card is shown in the task that marks its mention active (not when our element arrives: that is
        // while the pointer rests, to lay the card out ahead). The first frame that finds the mark is the one that
        // paints the card; a message posted from its animation callback runs after that paint.
        // (A property, not a named const: the test runner's transform would wrap a named function in a helper
        // the page does not have.)
        const hover = w.__hover as { shown?: number; poll?: () => void };
        hover.poll = () => {
          if ((CSS.highlights.get('context-notes-active')?.size ?? 0) > 0) {
            hover.shown = performance.now();
            channel.port2.postMessage(0);
          } else requestAnimationFrame(hover.poll!);
        };
        requestAnimationFrame(hover.poll);
      });
      await hp.mouse.move(target.x - 1, target.y);
      await hp.mouse.move(target.x, target.y);
      // The first card can take seconds here: wait for it rather than report it missing.
      await hp.waitForFunction(() => (window as unknown as { __hover: { painted?: number } }).__hover.painted !== undefined, { polling: 100, timeout: 8000 }).catch(() => undefined);
      const h = await hp.evaluate(() => (window as unknown as { __hover: { frameAfterMove?: number; painted?: number } }).__hover);
      if (h.frameAfterMove !== undefined && h.painted !== undefined) hovers.push(h.painted - (h.frameAfterMove + 450));
      else log(`firefox hover #${i}: no card seen (${JSON.stringify(h)}, target ${JSON.stringify(target)})`);
      await hp.close();
    }
    out.hover = hovers;
    // Scan wall time: load event → last mention painted (includes the yields between slices; not CPU time).
    const wall: Record<string, number[]> = {};
    for (const p of pages.filter((x) => x.mentions > 0)) {
      wall[p.name] = [];
      for (let i = 0; i < (QUICK ? 1 : 2); i++) {
        const sp = await browser.newPage();
        await sp.goto(origin + p.path, { waitUntil: 'load', timeout: 180_000 });
        const t0 = await sp.evaluate(() => performance.now());
        const ok = await waitForLastMention(sp, 60_000);
        const t1 = await sp.evaluate(() => performance.now());
        if (ok) wall[p.name]?.push(t1 - t0);
        await sp.close();
      }
    }
    out.scanWall = wall;
  } finally {
    await browser.close();
  }
  // The floor in Firefox times its own walk? It can't without changing what it does; its wall time from the
  // load event is reported instead, for scale.
  const floorBrowser = await launch(floorDir);
  try {
    const floorWall: Record<string, number[]> = {};
    for (const p of pages.filter((x) => x.mentions > 0)) {
      floorWall[p.name] = [];
      const sp = await floorBrowser.newPage();
      await sp.goto(origin + p.path, { waitUntil: 'load', timeout: 180_000 });
      const t0 = await sp.evaluate(() => performance.now());
      await sp.waitForFunction(() => document.documentElement.hasAttribute('data-bench-floor'), { polling: 20, timeout: 60_000 });
      floorWall[p.name]?.push((await sp.evaluate(() => performance.now())) - t0);
      await sp.close();
    }
    out.floorWall = floorWall;
  } finally {
    await floorBrowser.close();
  }
  void tmp;
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function printTable(meta: Record<string, string>): void {
  const header = ['metric', 'page', 'browser', 'value', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.metric,
    r.page,
    r.browser,
    r.value === null ? (r.note ?? 'n/a') : `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.label} ${fmt(r.baseline.value)}` : '',
    r.ratio !== undefined ? `${r.ratio >= 100 ? r.ratio.toFixed(0) : r.ratio.toFixed(2)}×` : '',
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(Object.entries(meta).map(([k, v]) => `${k}: ${v}`).join('\n'));
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(line(l));
  for (const r of rows) if (r.note && r.value !== null) console.log(`  note (${r.metric}, ${r.page}): ${r.note}`);
}

/** What the page pays (trace-rounds.ts): paired rounds without an extension, with the walk-only script, with ours. */
async function pagePays(tmp: string, extDir: string, origin: string, pages: BenchPage[]): Promise<string> {
  const names = opt('paid-pages')?.split(',') ?? ['article-50k-none', '50k', '10m'];
  const chosen = pages.filter((p) => names.includes(p.name));
  const results: Record<string, Round[]> = await paidRounds({
    chromium: CHROMIUM,
    args: CHROME_ARGS,
    extDir,
    baseDir: opt('paid-base') ? path.resolve(opt('paid-base')!, 'chrome') : undefined,
    tmp,
    origin,
    pages: chosen,
    rounds: (p) => (opt('paid-rounds') ? Number(opt('paid-rounds')) : p.html.length > 5e6 ? (QUICK ? 3 : 5) : QUICK ? 5 : 9),
    log,
  });
  details.paid = results;
  for (const p of chosen) {
    const rounds = results[p.name] ?? [];
    if (!rounds.length) continue;
    const f = paidFigure(p, rounds, 'after', 'cpu');
    const wall = paidFigure(p, rounds, 'after', 'wall');
    const whole = paidFigure(p, rounds, 'whole', 'cpu');
    add({
      metric: 'page pays: main-thread CPU after parse, ours − none',
      page: p.name,
      browser: 'chromium',
      value: f.added,
      unit: 'ms',
      baseline: { label: 'floor', value: f.floor },
      ratio: f.ratio,
      ...(p.name === '10m' ? { target: '≤ 1.3×', pass: f.ratio <= 1.3 && f.missed === 0 } : {}),
      note: `median of ${f.rounds} paired rounds, ${fmt(f.addedRange[0])}…${fmt(f.addedRange[1])} ms round by round (ratio round by round ${fmt(f.roundRatio)}×); floor = the larger of walk-only − none ${fmt(f.walkAdded)} ms and the walk by its own clock ${fmt(f.walkOwn)} ms; wall time ${fmt(wall.added)} ms; whole load (parse included) ${fmt(whole.added)} ms, ${fmt(whole.addedRange[0])}…${fmt(whole.addedRange[1])}${f.missed ? `; fewer highlights than mentions in ${f.missed} rounds` : ''}`,
    });
  }
  return paidReport(chosen, results);
}

async function main(): Promise<void> {
  const chromeDist = path.join(DIST, 'chrome');
  const firefoxDist = path.join(DIST, 'firefox');
  for (const f of ['manifest.json', 'content.js']) {
    if (!existsSync(path.join(chromeDist, f))) throw new Error(`${path.join(chromeDist, f)} is missing: run npm run build first`);
  }
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'context-notes-bench-'));
  // Snapshots: a rebuild during the run must not change what is measured.
  const extChrome = path.join(tmp, 'ext-chrome');
  const extFirefox = path.join(tmp, 'ext-firefox');
  await cp(chromeDist, extChrome, { recursive: true });
  if (existsSync(firefoxDist)) await cp(firefoxDist, extFirefox, { recursive: true });
  await writeFloor(path.join(tmp, 'floor-chrome'), 'chrome');
  await writeFloor(path.join(tmp, 'floor-firefox'), 'firefox');
  await writeFloor(path.join(tmp, 'empty-chrome'), 'chrome', EMPTY_SCRIPT);

  const pages = makePages();
  const routes = new Map<string, string>(pages.map((p) => [p.path, p.html]));
  routes.set('/feed.html', feedPage(23, FEED));
  const server = await serve(routes);
  const pageInfo = Object.fromEntries(pages.map((p) => [p.name, { bytes: p.html.length, textNodes: p.textNodes, mentions: p.mentions }]));
  details.pages = pageInfo;
  log('pages', JSON.stringify(pageInfo));

  // Size
  for (const file of ['content.js', 'notes.js', 'card.js']) {
    const full = path.join(extChrome, file);
    if (!existsSync(full)) {
      add({ metric: `size ${file}`, page: '-', browser: '-', value: null, unit: 'KB', note: 'n/a (not in the build)' });
      continue;
    }
    const bytes = await readFile(full);
    const gz = gzipSync(bytes, { level: 9 }).length;
    add({
      metric: `size ${file} (min)`,
      page: '-',
      browser: '-',
      value: bytes.length / 1024,
      unit: 'KB',
      ...(file === 'content.js'
        ? { target: '≤ 60 KB', pass: bytes.length <= 60 * 1024 }
        : { note: file === 'notes.js' ? 'loaded only where the page gate opens (a candidate)' : 'loaded only on pages with a mention' }),
    });
    add({ metric: `size ${file} (gzip)`, page: '-', browser: '-', value: gz / 1024, unit: 'KB' });
  }

  let paidText = '';
  if (CHROMIUM_PART && wanted('paid')) paidText = await pagePays(tmp, path.join(tmp, 'ext-chrome'), server.origin, pages);

  let chromiumVersion = 'not run';
  if (CHROMIUM_PART) {
  const ext = await launchChromium(tmp, 'ext', extChrome);
  const floor = await launchChromium(tmp, 'floor', path.join(tmp, 'floor-chrome'));
  const empty = wanted('article-50k-none') ? await launchChromium(tmp, 'empty', path.join(tmp, 'empty-chrome')) : null;
  chromiumVersion = await ext.browser.version();
  try {
    // Scan vs floor, longest task, no-mention page; on the same loads: heap, main-world walk, mark.js.
    const markSource = await readFile(path.join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
    const scanPages = pages.filter((p) => wanted(p.name));
    const { results, self, inclusive, profiledRuns } = await chromiumScan(ext, floor, empty, server.origin, scanPages, tmp, markSource);
    for (const p of scanPages) {
      const r = results[p.name] as { ext: ScanRun[]; floor: ScanRun[]; empty: ScanRun[] };
      const e = median(r.ext.map((x) => x.total));
      const f = median(r.floor.map((x) => x.total));
      const missed = r.ext.filter((x) => !x.found).length;
      add({
        metric: 'scan: content-script main-thread time',
        page: p.name,
        browser: 'chromium',
        value: e,
        unit: 'ms',
        baseline: { label: 'floor', value: f },
        ratio: e / f,
        ...(p.name === '10m' ? { target: '≤ 1.3×', pass: e / f <= 1.3 } : {}),
        note: [pairedNote(r.ext, r.floor), missed ? `last mention not highlighted in ${missed}/${r.ext.length} runs` : ''].filter(Boolean).join('; ') || undefined,
      });
      const longest = median(r.ext.map((x) => x.longest));
      add({
        metric: 'longest extension task',
        page: p.name,
        browser: 'chromium',
        value: longest,
        unit: 'ms',
        baseline: { label: 'floor', value: median(r.floor.map((x) => x.longest)) },
        ...(p.name === '10m' ? { target: '≤ 50 ms', pass: longest <= 50 } : {}),
      });
      if (p.name === 'article-50k-none') nothingToFind(p.name, r);
      // The floor is a TreeWalker pass: one from the page's own world for scale (cold = its first walk there).
      const walks = r.floor.flatMap((x) => (x.walk ? [x.walk] : []));
      if (walks.length) {
        add({ metric: 'reference: TreeWalker pass in page main world (cold)', page: p.name, browser: 'chromium', value: median(walks.map((w) => w.cold)), unit: 'ms', note: `warm ${fmt(median(walks.map((w) => w.warm)))} ms` });
      }
      const peers = r.floor.flatMap((x) => (x.peer !== undefined ? [x.peer] : []));
      if (peers.length) {
        const peer = median(peers);
        add({ metric: 'vs peer: mark.js / extension', page: p.name, browser: 'chromium', value: peer, unit: 'ms', baseline: { label: 'ext', value: e }, ratio: peer / e, target: '≥ 100×', pass: peer / e >= 100, note: `the floor itself is ${fmt(peer / f)}× faster than mark.js here` });
      } else if (p.mentions > 0) {
        add({ metric: 'vs peer: mark.js / extension', page: p.name, browser: 'chromium', value: null, unit: 'ms', note: 'n/a (skipped with --quick: about a minute)' });
      }
      const heaps = (runs: ScanRun[]) => runs.flatMap((x) => (x.heap ? [x.heap] : []));
      const he = heaps(r.ext);
      const hf = heaps(r.floor);
      if (he.length && hf.length) {
        const d = (median(he.map((x) => x.used)) - median(hf.map((x) => x.used))) / 1024;
        const de = (median(he.map((x) => x.embedder)) - median(hf.map((x) => x.embedder))) / 1024;
        add({ metric: 'memory: JS heap, extension − floor', page: p.name, browser: 'chromium', value: d, unit: 'KB', baseline: { label: 'floor KB', value: median(hf.map((x) => x.used)) / 1024 }, note: `Blink (Oilpan) heap difference ${fmt(de)} KB` });
      }
      details[`scan:${p.name}`] = {
        // total: wall ms; cpu: thread CPU ms (same attribution, the trace's tdur).
        ext: r.ext.map((x) => ({ total: x.total, cpu: x.cpu, longest: x.longest, tasks: x.tasks, found: x.found, heap: x.heap })),
        floor: r.floor.map((x) => ({ total: x.total, cpu: x.cpu, longest: x.longest, tasks: x.tasks, heap: x.heap, walk: x.walk, peer: x.peer })),
        ...(r.empty.length ? { empty: r.empty.map((x) => ({ total: x.total, cpu: x.cpu, tasks: x.tasks })) } : {}),
        cpuFallbacks: [...r.ext, ...r.floor, ...r.empty].reduce((n, x) => n + x.attribution.cpuFallbacks, 0),
        sampleIntervalUs: r.ext[0]?.attribution.sampleInterval,
        extTasksFirstRun: r.ext[0]?.attribution.tasks.map((t) => ({ ms: +(t.ext / 1000).toFixed(3), cpuMs: +(t.extCpu / 1000).toFixed(3), owned: t.owned, via: t.via })),
      };
    }
    const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => ({ fn: k, ms: +(v / 1000 / Math.max(1, profiledRuns)).toFixed(2) }));
    details.profile10m = { note: 'sampled time per run (mean over runs) on the 10 MB page, stacks holding content.js/card.js frames; names are minified unless --dist points at a readable build', self: top(self), inclusive: top(inclusive) };

    // Dynamic page
    if (wanted('feed')) {
      const feed = await chromiumFeed(ext, server.origin, tmp);
      // The same feed with the floor extension: how late the page's own frames run without us.
      const floorFeed = await chromiumFeed(floor, server.origin, tmp);
      const p95 = percentile(feed.latencies, 95);
      const framesP95 = percentile(floorFeed.frameLatencies, 95);
      add({
        metric: 'dynamic: append → highlight p95',
        page: 'feed',
        browser: 'chromium',
        value: feed.latencies.length ? p95 : null,
        unit: 'ms',
        target: '≤ 100 ms',
        pass: feed.latencies.length > 0 && feed.missed === 0 && p95 <= 100,
        baseline: { label: "page's next frame p95, floor", value: framesP95 },
        note: `${feed.latencies.length} seen, ${feed.missed} never highlighted; p50 ${fmt(percentile(feed.latencies, 50))} ms, max ${fmt(Math.max(...feed.latencies))} ms; page append of 200 p: median ${fmt(median(feed.appendMs))} ms; append → the page's own next frame (the earliest a highlight can show): p50 ${fmt(percentile(feed.frameLatencies, 50))} ms, p95 ${fmt(percentile(feed.frameLatencies, 95))} ms`,
      });
      // What the extension adds: how much later than the page's own next frame (same load) a mention shows.
      const late = feed.latencies.length === feed.frameLatencies.length ? feed.latencies.map((l, i) => l - (feed.frameLatencies[i] ?? 0)) : [];
      add({
        metric: "dynamic: highlight later than the page's next frame, p95",
        page: 'feed',
        browser: 'chromium',
        value: late.length ? percentile(late, 95) : null,
        unit: 'ms',
        note: `append → the page's own next frame, p95: ${fmt(percentile(feed.frameLatencies, 95))} ms with the extension, ${fmt(framesP95)} ms with the floor (its frames run late as the document grows; a highlight cannot show before)`,
      });
      const feedLongest = feed.attribution.longest / 1000;
      add({ metric: 'dynamic: longest extension task', page: 'feed', browser: 'chromium', value: feedLongest, unit: 'ms', target: '< 50 ms', pass: feedLongest < 50, note: `between the first append and 1 s after the last (${feed.attribution.marksFound ? 'page marks' : 'MARKS MISSING: whole run'}); extension total ${fmt(feed.attribution.total / 1000)} ms there; longest during the page's load ${fmt(feed.attribution.loadLongest / 1000)} ms` });
      const topOf = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => ({ fn: k, ms: +(v / 1000).toFixed(2) }));
      details.feed = {
        latencies: feed.latencies,
        frameLatencies: feed.frameLatencies,
        missed: feed.missed,
        appendMs: feed.appendMs,
        extTotalMs: feed.attribution.total / 1000,
        tasksOver16ms: feed.attribution.tasks.filter((t) => t.ext > 16000).map((t) => ({ ms: t.ext / 1000, via: t.via })),
        profile: { self: topOf(feed.attribution.selfTime), inclusive: topOf(feed.attribution.totalTime) },
      };
    }

    // Hover
    if (wanted('hover')) {
      const p50 = pages.find((p) => p.name === '50k') as BenchPage;
      const hover = await chromiumHover(ext, server.origin, p50, QUICK ? 3 : 5, tmp);
      const hovers = hover?.opens ?? [];
      details.hover = hovers;
      if (hover) {
        const top = hover.longestTaskTop.slice(0, 3).map(([fn, us]) => `${fn} ${fmt(us / 1000)} ms`).join(', ');
        add({ metric: 'hover: longest extension task while hovering', page: '50k', browser: 'chromium', value: hover.longest, unit: 'ms', note: `the first rest on a mention prepares the first card (selects its notes, renders it); sampled there: ${top}` });
      }
      if (hovers.length === 0) add({ metric: 'hover: intent end → card painted', page: '50k', browser: 'chromium', value: null, unit: 'ms', target: '≤ 16 ms', pass: false, note: 'no card opened' });
      else {
        const med = median(hovers.map((h) => h.latency));
        const first = hovers[0]?.latency ?? NaN;
        add({ metric: 'hover: intent end → card painted (median)', page: '50k', browser: 'chromium', value: med, unit: 'ms', target: '≤ 16 ms', pass: med <= 16, note: `first open ${fmt(first)} ms, max ${fmt(Math.max(...hovers.map((h) => h.latency)))} ms over ${hovers.length}` });
      }
    }

    // Framing: the analyzer card.js runs on a passage, with the learned model and without (test/bench/framing.ts).
    if (wanted('framing')) {
      const f = await framingTimes(() => freshPage(ext), root);
      details.framing = f;
      add({
        metric: 'framing: one passage, rules + learned model (median)',
        page: 'passages',
        browser: 'chromium',
        value: f.model.median,
        unit: 'ms',
        target: '≤ 5 ms',
        pass: f.model.median <= 5,
        baseline: { label: 'rules alone', value: f.rules.median },
        note: `p95 ${fmt(f.model.p95)} ms (rules alone ${fmt(f.rules.p95)} ms); a page's first passage ${fmt(f.model.first)} ms with the model's load (rules alone ${fmt(f.rules.first)} ms); ${f.model.passages} passages of 3–5 sentences in en/ru/ko`,
      });
    }

  } finally {
    await Promise.all([ext.browser.close(), floor.browser.close(), empty?.browser.close()]);
  }
  }

  let firefoxVersion = 'not run';
  if (FIREFOX && existsSync(extFirefox)) {
    try {
      const ff = (await firefoxPart(tmp, server.origin, pages, extFirefox, path.join(tmp, 'floor-firefox'))) as {
        version: string;
        feed: FeedResult;
        hover: number[];
        scanWall: Record<string, number[]>;
        floorWall: Record<string, number[]>;
      };
      firefoxVersion = ff.version;
      details.firefox = ff;
      const p95 = percentile(ff.feed.latencies, 95);
      add({ metric: 'dynamic: append → highlight p95', page: 'feed', browser: 'firefox', value: ff.feed.latencies.length ? p95 : null, unit: 'ms', target: '≤ 100 ms', pass: ff.feed.latencies.length > 0 && ff.feed.missed === 0 && p95 <= 100, baseline: { label: "page's next frame p95", value: percentile(ff.feed.frameLatencies, 95) }, note: `${ff.feed.latencies.length} seen, ${ff.feed.missed} never highlighted; p50 ${fmt(percentile(ff.feed.latencies, 50))} ms; append → the page's own next frame p95 ${fmt(percentile(ff.feed.frameLatencies, 95))} ms` });
      add(
        ff.hover.length
          ? { metric: 'hover: intent end → card painted (first open)', page: '50k', browser: 'firefox', value: median(ff.hover), unit: 'ms', target: '≤ 16 ms', pass: median(ff.hover) <= 16, note: 'page-side: frame after pointer move + 450 ms → task after the first frame with the mention marked active' }
          : { metric: 'hover', page: '50k', browser: 'firefox', value: null, unit: 'ms', note: 'n/a (no card opened)' },
      );
      for (const [name, walls] of Object.entries(ff.scanWall)) {
        add({ metric: 'scan wall time, load → last mention painted', page: name, browser: 'firefox', value: walls.length ? median(walls) : null, unit: 'ms', baseline: { label: 'floor wall', value: median(ff.floorWall[name] ?? []) }, note: walls.length ? 'wall time with yields, not CPU time: no ratio target' : 'n/a (last mention never highlighted)' });
      }
      for (const metric of ['scan vs floor (CPU)', 'nothing to find', 'longest task', 'memory']) {
        add({ metric, page: '-', browser: 'firefox', value: null, unit: '', note: 'n/a (no per-script task or heap accounting reachable via WebDriver BiDi)' });
      }
    } catch (error) {
      add({ metric: 'firefox', page: '-', browser: 'firefox', value: null, unit: '', note: `n/a (failed: ${(error as Error).message.split('\n')[0]})` });
    }
  } else if (FIREFOX) {
    add({ metric: 'firefox', page: '-', browser: 'firefox', value: null, unit: '', note: 'n/a (no dist/firefox)' });
  }
  server.close();
  if (!KEEP_TRACES) await rm(tmp, { recursive: true, force: true });
  else log('traces kept in', tmp);

  const meta = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    chromium: chromiumVersion,
    firefox: firefoxVersion,
    repetitions: String(REPS),
  };
  const failed = rows.filter((r) => r.pass === false);
  if (JSON_OUT) console.log(JSON.stringify({ meta, rows, details }, null, 2));
  else {
    printTable(meta);
    if (paidText) console.log(paidText);
    console.log(`\n${failed.length ? `${failed.length} target(s) missed: ${failed.map((r) => `${r.metric} [${r.page}, ${r.browser}]`).join('; ')}` : 'all targets met'}`);
    if (details.profile10m) console.log('\nTop extension functions on the 10 MB page (sampled self time):\n' + (details.profile10m as { self: { fn: string; ms: number }[] }).self.map((x) => `  ${x.ms.toFixed(2).padStart(8)} ms  ${x.fn}`).join('\n'));
  }
  if (CHECK && failed.length) process.exitCode = 1;
}

await main();
