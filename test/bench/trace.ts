/**
 * Attribution of main-thread time to a content script, from a Chrome trace.
 *
 * Categories: devtools.timeline (+ disabled-by-default, + .stack), v8.execute, toplevel and
 * disabled-by-default-v8.cpu_profiler (V8's sampler, ~0.1–0.2 ms interval, stacks with script URLs).
 *
 * Why several kinds of evidence: only some of a content script's work carries its URL in the trace.
 *  - EvaluateScript / v8.compile (first run of content.js) and FunctionCall (timer, rAF and event-listener
 *    callbacks) have args.data.url = chrome-extension://<id>/content.js.
 *  - TimerInstall / RequestAnimationFrame / ScheduleYieldContinuation carry a stackTrace pointing at the
 *    script; the later TimerFire / FireAnimationFrame / RunYieldContinuation carry only an id, so the ids are
 *    linked back (timerId, frame+id, frame+taskId).
 *  - Promise continuations (the storage.local.get answer, `await` after scheduler.yield resolved through a
 *    microtask) run inside a "Receive mojo message" or RunMicrotasks task with no URL at all. Only the CPU
 *    profiler's samples see them: a sample whose stack contains a frame of content.js or card.js.
 *
 * Unit of cost: the top-level task (outermost RunTask on the page's renderer main thread), because that is
 * what blocks the page. A task is the extension's ("owned") when it has extension evidence and no page
 * script evidence; then its whole duration counts (script, style/layout it forces, GC inside it, the task
 * overhead). A task that also runs page script ("mixed": e.g. a page's append task that delivers the
 * extension's MutationObserver callback as a microtask) counts only the extension's share: the duration of
 * the outermost extension-URL events inside it plus sampled extension time outside them.
 * Not counted: rendering work caused by the highlights (paint runs in the frame's own task), and GC that
 * V8 schedules later as separate tasks. Very short URL-less tasks (< one sampling interval) can be missed;
 * the sampling makes that an unbiased, small error.
 *
 * Two clocks, the same attribution: wall time (`dur`) and the thread's CPU time (`tdur`, which other processes
 * on a shared machine do not stretch, as wall time is by preemption). An owned task counts its `tdur`; a mixed
 * task counts the `tdur` of its outermost extension events plus the sampled time outside them scaled by the
 * task's own tdur/dur (samples are wall-clock); the tracer's interrupt is subtracted by its `tdur`. An event
 * without `tdur` counts its `dur` instead (scaled by its task's tdur/dur inside a task), and is counted in
 * `cpuFallbacks` so that a figure resting on wall time shows it.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event (µs), when Chrome recorded it. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

export interface TaskCost {
  ts: number;
  /** The task's duration (µs). */
  dur: number;
  /** The extension's share of it (µs, wall time). */
  ext: number;
  /** The same share in the thread's CPU time (µs). */
  extCpu: number;
  owned: boolean;
  /** What tied it to the extension, for the debug dump. */
  via: string;
}

export interface Attribution {
  /** Σ extension time (µs, wall time: the tasks' `dur`). */
  total: number;
  /** Σ extension time (µs, the thread's CPU time: the tasks' `tdur`). */
  totalCpu: number;
  /** Events whose CPU time was taken from `dur` because they lack `tdur` (0 in Chromium's traces here). */
  cpuFallbacks: number;
  longest: number;
  tasks: TaskCost[];
  /** Sampled self time per function of the extension (µs), for findings. */
  selfTime: Map<string, number>;
  /** Sampled inclusive time per function of the extension (µs). */
  totalTime: Map<string, number>;
  mainThread: { pid: number; tid: number } | null;
  sampleInterval: number;
  /** What the longest task spent its sampled extension time on (self time per function, µs, largest first). */
  longestTaskTop: [string, number][];
}

interface CallFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface Sample {
  ts: number;
  dur: number;
  node: number;
}

/** Reassembles V8's sampled profile for one thread from Profile/ProfileChunk events. */
export function samplesFor(events: TraceEvent[], pid: number, tid: number): { samples: Sample[]; nodes: Map<number, ProfileNode> } {
  const profiles = new Map<string, { start: number; nodes: Map<number, ProfileNode>; raw: { node: number; delta: number }[] }>();
  for (const e of events) {
    if (e.pid !== pid || !e.id) continue;
    if (e.name === 'Profile' && e.tid === tid) {
      const data = e.args?.data as { startTime?: number } | undefined;
      profiles.set(e.id, { start: data?.startTime ?? e.ts, nodes: new Map(), raw: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !e.id) continue;
    const p = profiles.get(e.id);
    if (!p) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) p.raw.push({ node: samples[i] as number, delta: deltas[i] ?? 0 });
  }
  const out: Sample[] = [];
  const nodes = new Map<number, ProfileNode>();
  for (const p of profiles.values()) {
    for (const [k, v] of p.nodes) nodes.set(k, v);
    let t = p.start;
    const times = p.raw.map((s) => (t += s.delta));
    for (let i = 0; i < p.raw.length; i++) {
      const next = times[i + 1];
      const ts = times[i] as number;
      // The last sample and gaps (sampler stalls) are capped at 1 ms so they can't invent time.
      out.push({ ts, dur: next === undefined ? 0 : Math.min(1000, Math.max(0, next - ts)), node: (p.raw[i] as { node: number }).node });
    }
  }
  out.sort((a, b) => a.ts - b.ts);
  return { samples: out, nodes };
}

const JS_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'RunYieldContinuation', 'EventDispatch', 'v8.callFunction', 'v8.run']);

function urlsOf(e: TraceEvent): string[] {
  const out: string[] = [];
  const d = e.args?.data as { url?: string; stackTrace?: CallFrame[]; scriptName?: string } | undefined;
  if (d?.url) out.push(d.url);
  if (d?.scriptName) out.push(d.scriptName);
  for (const f of d?.stackTrace ?? []) if (f.url) out.push(f.url);
  const file = (e.args as { fileName?: string } | undefined)?.fileName;
  if (file) out.push(file);
  return out;
}

export function attribute(events: TraceEvent[], isExt: (url: string) => boolean): Attribution {
  const empty: Attribution = { total: 0, totalCpu: 0, cpuFallbacks: 0, longest: 0, tasks: [], selfTime: new Map(), totalTime: new Map(), mainThread: null, sampleInterval: 0, longestTaskTop: [] };
  // The page's renderer main thread: where the extension's script first ran.
  const threads = new Map<string, number>();
  for (const e of events) {
    if ((e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'FunctionCall') && urlsOf(e).some(isExt)) {
      const key = `${e.pid}:${e.tid}`;
      threads.set(key, (threads.get(key) ?? 0) + 1);
    }
  }
  const best = [...threads.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return empty;
  const [pid, tid] = best[0].split(':').map(Number) as [number, number];
  const on = events.filter((e) => e.pid === pid && e.tid === tid);

  // Link id-only events back to the call that scheduled them.
  const extTimers = new Set<unknown>();
  const extFrames = new Set<string>();
  const extYields = new Set<string>();
  for (const e of on) {
    const d = e.args?.data as Record<string, unknown> | undefined;
    if (!d || !urlsOf(e).some(isExt)) continue;
    if (e.name === 'TimerInstall') extTimers.add(d.timerId);
    else if (e.name === 'RequestAnimationFrame') extFrames.add(`${String(d.frame)}:${String(d.id)}`);
    else if (e.name === 'ScheduleYieldContinuation') extYields.add(`${String(d.frame)}:${String(d.taskId)}`);
  }
  const verdict = (e: TraceEvent): 'ext' | 'page' | null => {
    const urls = urlsOf(e);
    if (urls.some(isExt)) return 'ext';
    const d = e.args?.data as Record<string, unknown> | undefined;
    if (e.name === 'TimerFire' && extTimers.has(d?.timerId)) return 'ext';
    if (e.name === 'FireAnimationFrame' && extFrames.has(`${String(d?.frame)}:${String(d?.id)}`)) return 'ext';
    if (e.name === 'RunYieldContinuation' && extYields.has(`${String(d?.frame)}:${String(d?.taskId)}`)) return 'ext';
    // Page script (including puppeteer's evaluations): a script-running event with some other URL.
    if ((e.name === 'EvaluateScript' || e.name === 'FunctionCall' || e.name === 'v8.compile') && urls.some((u) => u && !u.startsWith('chrome-extension://') && !u.startsWith('extensions::'))) return 'page';
    return null;
  };

  const { samples, nodes } = samplesFor(events, pid, tid);
  const nodeExt = new Map<number, boolean>();
  const nodePage = new Map<number, boolean>();
  const chainFlag = (id: number, memo: Map<number, boolean>, test: (u: string) => boolean): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const v = n ? test(n.callFrame.url ?? '') || (n.parent !== undefined && chainFlag(n.parent, memo, test)) : false;
    memo.set(id, v);
    return v;
  };
  // Parents are not listed in nodes (children lists are); rebuild parent links if missing.
  for (const n of nodes.values()) {
    const kids = (n as unknown as { children?: number[] }).children;
    for (const k of kids ?? []) {
      const c = nodes.get(k);
      if (c && c.parent === undefined) c.parent = n.id;
    }
  }
  const sampleExt = (s: Sample) => chainFlag(s.node, nodeExt, isExt);
  const samplePage = (s: Sample) => chainFlag(s.node, nodePage, (u) => /^https?:|^pptr:/.test(u));
  const interval = samples.length > 1 ? median(samples.slice(1, 2000).map((s) => s.dur).filter((d) => d > 0)) : 0;

  const frameKey = (n: ProfileNode) => {
    const f = n.callFrame;
    return `${f.functionName || '(anonymous)'} ${(f.url ?? '').replace(/^.*\//, '')}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`;
  };
  const selfTime = new Map<string, number>();
  const totalTime = new Map<string, number>();
  for (const s of samples) {
    if (!sampleExt(s)) continue;
    const seen = new Set<string>();
    let first = true;
    for (let n = nodes.get(s.node); n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
      const key = frameKey(n);
      if (first) selfTime.set(key, (selfTime.get(key) ?? 0) + s.dur);
      first = false;
      if (isExt(n.callFrame.url ?? '') && !seen.has(key)) {
        seen.add(key);
        totalTime.set(key, (totalTime.get(key) ?? 0) + s.dur);
      }
    }
  }

  // Outermost RunTask events are the page's tasks.
  const runTasks = on.filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 0).sort((a, b) => a.ts - b.ts);
  const tops: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of runTasks) {
    if (t.ts < end) continue;
    tops.push(t);
    end = t.ts + (t.dur ?? 0);
  }
  const inner = on.filter((e) => e.name !== 'RunTask' && (JS_EVENTS.has(e.name) || urlsOf(e).length > 0))
    // Outer events first at equal start, so that extSpans keeps outermost spans only.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const interrupts = on.filter((e) => e.name === 'V8.InvokeApiInterruptCallbacks' && e.ph === 'X');
  const tasks: TaskCost[] = [];
  let cpuFallbacks = 0;
  /** CPU time of an event: its tdur, else its dur scaled by `scale` (the task's tdur/dur), counted as a fallback. */
  const cpuOf = (e: TraceEvent, scale: number) => {
    if (e.tdur !== undefined) return e.tdur;
    cpuFallbacks += 1;
    return (e.dur ?? 0) * scale;
  };
  let i = 0;
  let si = 0;
  for (const t of tops) {
    const t0 = t.ts;
    const t1 = t.ts + (t.dur ?? 0);
    while (i < inner.length && (inner[i] as TraceEvent).ts < t0) i++;
    let ext = false;
    let page = false;
    let via = '';
    const extSpans: [number, number][] = [];
    const extSpanEvents: TraceEvent[] = [];
    for (let j = i; j < inner.length && (inner[j] as TraceEvent).ts <= t1; j++) {
      const e = inner[j] as TraceEvent;
      const v = verdict(e);
      if (v === 'ext') {
        ext = true;
        via ||= e.name;
        if (e.ph === 'X' && e.dur) {
          const last = extSpans[extSpans.length - 1];
          if (!last || e.ts >= last[1]) {
            extSpans.push([e.ts, e.ts + e.dur]);
            extSpanEvents.push(e);
          }
        }
      } else if (v === 'page') page = true;
    }
    while (si < samples.length && (samples[si] as Sample).ts < t0) si++;
    let sampled = 0;
    let sampledOutside = 0;
    for (let j = si; j < samples.length && (samples[j] as Sample).ts <= t1; j++) {
      const s = samples[j] as Sample;
      if (samplePage(s)) page = true;
      if (!sampleExt(s)) continue;
      sampled += s.dur;
      if (!extSpans.some(([a, b]) => s.ts >= a && s.ts <= b)) sampledOutside += s.dur;
    }
    if (sampled > 0 && !ext) {
      ext = true;
      via = 'samples';
    }
    if (!ext) continue;
    // The tracer's own interrupt (the CPU profiler starting) runs inside whichever script runs first: not ours.
    const tracerEvents = interrupts.filter((e) => e.ts >= t0 && e.ts < t1);
    const tracer = tracerEvents.reduce((n, e) => n + (e.dur ?? 0), 0);
    const dur = t.dur ?? 0;
    const cpu = cpuOf(t, 1);
    // CPU per wall µs in this task: scales wall-clock quantities (samples, events without tdur) inside it.
    const scale = dur > 0 ? cpu / dur : 1;
    const tracerCpu = tracerEvents.reduce((n, e) => n + cpuOf(e, scale), 0);
    if (!page) tasks.push({ ts: t0, dur, ext: Math.max(0, dur - tracer), extCpu: Math.max(0, cpu - tracerCpu), owned: true, via });
    else {
      const spans = extSpans.reduce((n, [a, b]) => n + (b - a), 0);
      const spansCpu = extSpanEvents.reduce((n, e) => n + cpuOf(e, scale), 0);
      tasks.push({
        ts: t0,
        dur,
        ext: Math.max(0, Math.min(dur, spans + sampledOutside) - tracer),
        extCpu: Math.max(0, Math.min(cpu, spansCpu + sampledOutside * scale) - tracerCpu),
        owned: false,
        via: `${via} (mixed)`,
      });
    }
  }
  const longestTask = tasks.reduce<TaskCost | null>((a, t) => (!a || t.ext > a.ext ? t : a), null);
  const inLongest = new Map<string, number>();
  if (longestTask) {
    for (const s of samples) {
      if (s.ts < longestTask.ts || s.ts > longestTask.ts + longestTask.dur || !sampleExt(s)) continue;
      const n = nodes.get(s.node);
      if (n) inLongest.set(frameKey(n), (inLongest.get(frameKey(n)) ?? 0) + s.dur);
    }
  }
  return {
    longestTaskTop: [...inLongest.entries()].sort((a, b) => b[1] - a[1]),
    total: tasks.reduce((n, t) => n + t.ext, 0),
    totalCpu: tasks.reduce((n, t) => n + t.extCpu, 0),
    cpuFallbacks,
    longest: tasks.reduce((n, t) => Math.max(n, t.ext), 0),
    tasks,
    selfTime,
    totalTime,
    mainThread: { pid, tid },
    sampleInterval: interval,
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}
