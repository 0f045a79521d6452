/**
 * The browser's own task accounting: a Chromium performance trace of one page (the same data
 * DevTools' Performance panel shows), read into per-task figures for the page's main thread.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, in µs: what the task cost, without the time the OS ran other work. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: Record<string, unknown> & { url?: string; frames?: { url: string; processId: number }[] };
  };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  '__metadata',
];

/** V8 compiling functions on their first call (`V8.CompileCode`), for tools that ask. */
export const COMPILE_CATEGORY = 'disabled-by-default-v8.compile';

/** Starts recording a trace through `cdp` (a session attached to the page), with `extra` categories. */
export async function startTrace(cdp: CDPSession, extra: readonly string[] = []): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [...CATEGORIES, ...extra],
      excludedCategories: ['*'],
      recordMode: 'recordContinuously',
    },
  });
}

/** Stops recording and returns every event. */
export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => resolve(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await cdp.send('IO.read', { handle: stream, size: 1 << 22 })) as {
      data: string;
      eof: boolean;
      base64Encoded?: boolean;
    };
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * Which clock task durations are read in. Wall time is what a reader feels on an idle
 * machine; on a busy one (other processes competing for the cores) a task's wall time grows
 * with the time the OS gave the cores to others, while its CPU time (the trace's thread
 * duration) stays what the task itself cost. `cpu` is the default; `--clock wall` switches.
 */
export type TaskClock = 'cpu' | 'wall';
let clock: TaskClock = 'cpu';

/** Sets the clock `taskUs` and the layout sums read. */
export function setTaskClock(next: TaskClock): void {
  clock = next;
}

/** The clock in use. */
export const taskClock = (): TaskClock => clock;

/** A task's duration on the chosen clock, in µs. */
export const taskUs = (t: Task): number => (clock === 'cpu' ? t.cpu : t.end - t.start);

/** The extension's share of a task on the chosen clock, in µs (0 when none of its script ran). */
export const extensionUs = (t: Task): number => (clock === 'cpu' ? t.extensionCpu : t.extensionWall) ?? 0;

/** One task of the renderer main thread, with what ran inside it. */
export interface Task {
  start: number;
  end: number;
  /** CPU time of the thread during the task, in µs (the wall duration where the trace has none). */
  cpu: number;
  /**
   * The extension's share of the task, in µs on each clock: its script events (with the
   * style and layout they force, which run nested inside them). A frame task in which an
   * observer callback of ours ran also parses and lays out the page for itself; that part
   * is the page's, and is left out here (it still shows in "main thread added").
   */
  extensionCpu?: number;
  extensionWall?: number;
  /**
   * Whether script ran inside the task that is not a page script. The benchmarked pages have
   * no scripts (corpus pages are served without them) and nothing is evaluated in them while
   * tracing, so that script is the extension's: its own files (chrome-extension:// URLs) and
   * the callbacks the extension APIs invoke (storage events, message replies), which carry
   * no URL. On a page with scripts of its own (the tools' "appended" page), a timer or
   * microtask checkpoint that runs one is the page's, and only our script inside it counts.
   */
  extension: boolean;
  /** For the extension's tasks: what started its script there (see TASK_CAUSES). */
  cause?: TaskCause;
}

/**
 * The trace events that start a script's turn in a task, and what a reader of the benchmark
 * should call it. A task with the extension's script and none of these either resumed an
 * `await` (its script runs only in the task's microtask checkpoint: after `scheduler.yield()`
 * or a storage reply), a "continuation", or ran a callback: a storage or message event, or
 * an observer's report.
 */
const TASK_CAUSES = {
  EvaluateScript: 'script start',
  RunPostTaskCallback: 'scheduled slice',
  HandlePostMessage: 'scheduled slice',
  FireAnimationFrame: 'animation frame',
  TimerFire: 'timer',
} as const;
export type TaskCause = (typeof TASK_CAUSES)[keyof typeof TASK_CAUSES] | 'continuation' | 'callback';

export interface MainThread {
  /** The renderer process and its main thread, as the trace names them. */
  pid: number;
  tid: number;
  tasks: Task[];
  /** Time spent recalculating styles and laying out (UpdateLayoutTree + Layout), in µs. */
  layout: number;
  /** Timestamps (µs, trace clock) of the page's navigation milestones. */
  domContentLoaded?: number;
  load?: number;
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'TimerFire',
  'FireIdleCallback',
  'RunMicrotasks',
]);

/** Script events that run other script without a URL of their own. */
const URLLESS_WRAPPERS = new Set(['TimerFire', 'FireIdleCallback', 'RunMicrotasks']);

/** The main thread of the renderer that shows `pageUrl`, as a list of top-level tasks. */
export function mainThreadOf(events: readonly TraceEvent[], pageUrl: string): MainThread {
  const frames = events.flatMap((e) => (e.name === 'TracingStartedInBrowser' ? (e.args?.data?.frames ?? []) : []));
  const pid =
    frames.find((f) => f.url === pageUrl)?.processId ??
    events.find((e) => e.name === 'FrameCommittedInBrowser' && e.args?.data?.url === pageUrl)?.args?.data?.processId;
  const mainThread = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      (pid === undefined || e.pid === pid),
  );
  if (!mainThread) throw new Error(`No renderer main thread for ${pageUrl} in the trace`);
  const own = events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid);
  const tasks: Task[] = own
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && e.dur !== undefined)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur!, cpu: e.tdur ?? e.dur!, extension: false }))
    .sort((a, b) => a.start - b.start);
  // Nested tasks (a task running inside another) count once, as the outer one.
  const topLevel: Task[] = [];
  for (const task of tasks) {
    const last = topLevel[topLevel.length - 1];
    if (last && task.start < last.end) continue;
    topLevel.push(task);
  }
  const isPageScript = (e: TraceEvent) => /^https?:/.test(String(e.args?.data?.url ?? ''));
  // Events that carry no URL of their own (a timer firing, a microtask checkpoint) wrap the
  // script they run: one around a page script is the page's, though ours may run inside it (a
  // mutation observer's callback after the page's function), and then only ours counts.
  const pageScripts = own.filter((e) => e.ph === 'X' && SCRIPT_NAMES.has(e.name) && isPageScript(e));
  const wrapsPageScript = (e: TraceEvent) =>
    !URLLESS_WRAPPERS.has(e.name) || e.dur === undefined
      ? false
      : pageScripts.some((p) => p.ts >= e.ts && p.ts < e.ts + e.dur!);
  const scripts = own.filter((e) => SCRIPT_NAMES.has(e.name) && !isPageScript(e) && !wrapsPageScript(e));
  let t = 0;
  /** The first script event of the extension in each of its tasks (a continuation's is RunMicrotasks). */
  const firstScript = new Map<Task, string>();
  let counted = -Infinity; // End of the last script event charged: events nested in it are not charged again.
  for (const script of scripts.sort((a, b) => a.ts - b.ts)) {
    while (t < topLevel.length && topLevel[t]!.end < script.ts) t++;
    const task = topLevel[t];
    if (!task || task.start > script.ts) continue;
    task.extension = true;
    if (!firstScript.has(task)) firstScript.set(task, script.name);
    if (script.ph === 'X' && script.dur !== undefined && script.ts >= counted) {
      task.extensionCpu = (task.extensionCpu ?? 0) + (script.tdur ?? script.dur);
      task.extensionWall = (task.extensionWall ?? 0) + script.dur;
      counted = script.ts + script.dur;
    }
  }
  // What started each of the extension's tasks: the first cause event inside it.
  const causes = own.filter((e) => e.ph === 'X' && Object.hasOwn(TASK_CAUSES, e.name)).sort((a, b) => a.ts - b.ts);
  let c = 0;
  for (const task of topLevel) {
    if (!task.extension) continue;
    while (c < causes.length && causes[c]!.ts < task.start) c++;
    const first = causes[c];
    if (first && first.ts <= task.end) task.cause = TASK_CAUSES[first.name as keyof typeof TASK_CAUSES];
    else task.cause = firstScript.get(task) === 'RunMicrotasks' ? 'continuation' : 'callback';
  }
  const mark = (name: string) => own.find((e) => e.name === name && e.args?.data?.isMainFrame !== false)?.ts;
  const layout = own
    .filter((e) => e.ph === 'X' && (e.name === 'Layout' || e.name === 'UpdateLayoutTree'))
    .reduce((sum, e) => sum + ((clock === 'cpu' ? e.tdur : undefined) ?? e.dur ?? 0), 0);
  return {
    pid: mainThread.pid,
    tid: mainThread.tid,
    tasks: topLevel,
    layout,
    domContentLoaded: mark('MarkDOMContent'),
    load: mark('MarkLoad'),
  };
}
