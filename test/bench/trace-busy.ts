/**
 * What a page pays, from a Chrome trace: the busy time of the page's renderer main thread (the sum of its
 * top-level tasks), split by kind of work. No attribution to a script: the extension's cost is the
 * difference between loads with and without it (trace-rounds.ts), so style, layout and paint it causes in the
 * page's own tasks count too.
 *
 * Kinds come from event names (devtools.timeline, v8, disabled-by-default-v8.gc): each event's self time (its
 * duration minus that of the events directly inside it) goes to its kind; an event of no known kind takes its
 * parent's (a helper inside Layout is layout); what a task does outside every known event (the task's own
 * dispatch, mojo) is "other".
 */
import type { TraceEvent as BaseEvent } from './trace';

/** A trace event with its thread time (µs), which Chrome records on most complete events. */
export type TraceEvent = BaseEvent & { tdur?: number };

export const KINDS = ['style', 'layout', 'paint', 'parse', 'script', 'compile', 'gc', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  style: 'style recalculation',
  layout: 'layout',
  paint: 'prepaint / paint / layerize / commit',
  parse: 'HTML parse',
  script: 'script (evaluation, calls, microtasks, world setup)',
  compile: 'compile',
  gc: 'GC',
  other: 'other (task dispatch, hit tests, observers)',
};

const EXACT: Record<string, Kind> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ParseAuthorStyleSheet: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  Commit: 'paint',
  CompositeLayers: 'paint',
  ParseHTML: 'parse',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  FireIdleCallback: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  RunYieldContinuation: 'script',
  'v8.run': 'script',
  'v8.callFunction': 'script',
  'v8.evaluateModule': 'script',
  'V8.Execute': 'script',
  MajorGC: 'gc',
  MinorGC: 'gc',
};

/** The kind of one event by its name; null when it has none of its own. */
export function kindOf(name: string): Kind | null {
  const exact = EXACT[name];
  if (exact) return exact;
  if (name.startsWith('V8.GC') || name.startsWith('BlinkGC') || name.startsWith('CppGC') || name.includes('Scavenge')) return 'gc';
  if (/^v8\.compile|^V8\.Compile|^v8\.(produce|consume)Cache|^V8\.(Script|Parse)/.test(name)) return 'compile';
  // Creating a script world (the page's, or a content script's isolated one).
  if (name.startsWith('LocalWindowProxy::') || name === 'V8.DeserializeContext' || name === 'ContextCreatedNotification' || name === 'InstallConditionalFeatures') return 'script';
  return null;
}

/** 'cpu': the thread's CPU time in each event (tdur), which other processes on a busy machine do not inflate; 'wall': durations. */
export type Clock = 'cpu' | 'wall';

export interface Busy {
  /** Σ top-level task durations on the thread in the window (ms). */
  total: number;
  /** The same time split by kind (ms); the kinds add up to `total`. */
  byKind: Record<Kind, number>;
  tasks: number;
  /** Time of tasks left out as the harness's own (puppeteer's evaluations), ms. */
  harness: number;
}

export const zeroKinds = (): Record<Kind, number> => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

/**
 * The renderer main thread that loaded `url`: the CrRendererMain thread whose ParseHTML read it (with site
 * isolation the page has a renderer of its own); failing that, the busiest CrRendererMain.
 */
export function pageMainThread(events: readonly TraceEvent[], url: string): { pid: number; tid: number } | null {
  const renderers = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain') renderers.add(`${e.pid}:${e.tid}`);
  const parsed = new Map<string, number>();
  const busy = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!renderers.has(key)) continue;
    if (e.name === 'ParseHTML' && ((e.args as { beginData?: { url?: string } } | undefined)?.beginData?.url ?? '').startsWith(url)) parsed.set(key, (parsed.get(key) ?? 0) + 1);
    if (e.name === 'RunTask' && e.ph === 'X') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const pick = [...parsed.keys()].sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0] ?? [...busy.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!pick) return null;
  const [pid, tid] = pick.split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** A task that runs only the harness's code (puppeteer's evaluations, `pptr:` scripts) is not the page's. */
function harnessOnly(inside: readonly TraceEvent[]): boolean {
  let harness = false;
  for (const e of inside) {
    const d = e.args?.data as { url?: string; stackTrace?: { url?: string }[] } | undefined;
    const urls = [d?.url ?? '', ...(d?.stackTrace ?? []).map((f) => f.url ?? '')].filter(Boolean);
    if (urls.some((u) => u.startsWith('pptr:'))) harness = true;
    else if (urls.length > 0 && kindOf(e.name) === 'script') return false;
  }
  return harness;
}

/**
 * Busy time of one thread, by kind, over the top-level tasks that start in [from, to) (µs timestamps of the
 * trace; the whole trace when absent).
 */
export function busyTime(events: readonly TraceEvent[], thread: { pid: number; tid: number }, window: { from?: number; to?: number } = {}, clock: Clock = 'cpu'): Busy {
  // Nesting is by wall time; what is summed is the chosen clock's duration.
  const size = (e: TraceEvent) => (clock === 'cpu' ? (e.tdur ?? e.dur ?? 0) : (e.dur ?? 0));
  const from = window.from ?? -Infinity;
  const to = window.to ?? Infinity;
  const on = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && (e.dur ?? 0) > 0)
    // Outer events first at equal start.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byKind = zeroKinds();
  let total = 0;
  let tasks = 0;
  let harness = 0;
  let i = 0;
  while (i < on.length) {
    const task = on[i] as TraceEvent;
    if (task.name !== 'RunTask') {
      i++;
      continue;
    }
    const end = task.ts + (task.dur ?? 0);
    let j = i + 1;
    while (j < on.length && (on[j] as TraceEvent).ts < end) j++;
    const inside = on.slice(i + 1, j);
    i = j;
    if (task.ts < from || task.ts >= to) continue;
    if (harnessOnly(inside)) {
      harness += size(task);
      continue;
    }
    tasks++;
    total += size(task);
    // Self time by kind, with a stack of open events.
    const stack: { end: number; kind: Kind; self: number }[] = [{ end, kind: 'other', self: size(task) }];
    const close = (upTo: number) => {
      while (stack.length > 1 && (stack[stack.length - 1] as { end: number }).end <= upTo) {
        const done = stack.pop()!;
        byKind[done.kind] += done.self;
      }
    };
    for (const e of inside) {
      close(e.ts);
      const parent = stack[stack.length - 1]!;
      // Clipped to the parent: trace clocks can let a child overhang its parent by a microsecond.
      const eEnd = Math.min(e.ts + (e.dur ?? 0), parent.end);
      const dur = Math.min(size(e), Math.max(0, parent.self));
      parent.self -= dur;
      stack.push({ end: eEnd, kind: kindOf(e.name) ?? parent.kind, self: dur });
    }
    close(Infinity);
    byKind[stack[0]!.kind] += stack[0]!.self;
  }
  const ms = zeroKinds();
  for (const k of KINDS) ms[k] = byKind[k] / 1000;
  return { total: total / 1000, byKind: ms, tasks, harness: harness / 1000 };
}
