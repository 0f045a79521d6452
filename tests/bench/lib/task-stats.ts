/**
 * Figures drawn from the main thread's tasks (see trace.ts): what the page cost, what the
 * extension's own tasks cost, and when they ran relative to the page being ready.
 */
import { extensionUs, taskUs, type MainThread, type Task, type TaskCause } from './trace';

export interface LoadCost {
  /** Every task of the page's main thread during the run, in ms. */
  mainThreadMs: number;
  /** Style recalculation and layout, in ms. */
  layoutMs: number;
  /** The extension's script time (with the layout it forces), in ms, and how many tasks it ran in. */
  extensionMs: number;
  extensionTasks: number;
  /** The extension's longest share of one task (see Task.extensionCpu), in ms. */
  longestExtensionTaskMs: number;
  /** What that task was and when it ran: ms after DOMContentLoaded. */
  longestExtensionTask?: TaskSummary;
  /**
   * Longest task of any kind in the run (the relayout our marks cause included). Compared
   * with the load without the extension: the script starts with the document, so "from our
   * start" would include the page's own parsing and first layout.
   */
  longestTaskMs: number;
  /** From DOMContentLoaded to the end of the extension's last task, in ms. */
  lastTaskAfterReadyMs?: number;
  /** From DOMContentLoaded to the load event, in ms. */
  loadAfterReadyMs?: number;
  /** First contentful paint and DOMContentLoaded, ms after navigation start (wall clock, from the page). */
  contentfulPaintMs?: number;
  contentLoadedMs?: number;
}

/** What started a task (see Task.cause), and when: ms after a moment the caller names. */
export interface TaskSummary {
  cause: TaskCause;
  atMs?: number;
}

const ms = (us: number) => us / 1000;
const length = (t: Task) => taskUs(t);

/**
 * The extension's longest task among `ext`: its share in ms, what started it and when, ms
 * after `from` (a trace timestamp). The benchmark names it so that a long task can be told
 * apart (the script's start, a slice of reading, a callback) without tracing the page again.
 */
export function longestOf(ext: readonly Task[], from?: number): { ms: number; task?: TaskSummary } {
  let longest: Task | undefined;
  for (const t of ext) if (!longest || extensionUs(t) > extensionUs(longest)) longest = t;
  if (!longest) return { ms: 0 };
  return {
    ms: ms(extensionUs(longest)),
    task: { cause: longest.cause ?? 'callback', atMs: from === undefined ? undefined : ms(longest.start - from) },
  };
}

/** Sums up one traced run. */
export function loadCost(thread: MainThread): LoadCost {
  const ext = thread.tasks.filter((t) => t.extension);
  const ready = thread.domContentLoaded;
  const longest = longestOf(ext, ready);
  return {
    mainThreadMs: ms(thread.tasks.reduce((sum, t) => sum + length(t), 0)),
    layoutMs: ms(thread.layout),
    extensionMs: ms(ext.reduce((sum, t) => sum + extensionUs(t), 0)),
    extensionTasks: ext.length,
    longestExtensionTaskMs: longest.ms,
    longestExtensionTask: longest.task,
    longestTaskMs: ms(Math.max(0, ...thread.tasks.map(length))),
    lastTaskAfterReadyMs: ready !== undefined && ext.length ? ms(ext[ext.length - 1]!.end - ready) : undefined,
    loadAfterReadyMs: ready !== undefined && thread.load !== undefined ? ms(thread.load - ready) : undefined,
  };
}

/** The median of the numbers present (undefined when none are). */
export function median(values: readonly (number | undefined)[]): number | undefined {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) return undefined;
  const mid = present.length >> 1;
  return present.length % 2 ? present[mid] : (present[mid - 1]! + present[mid]!) / 2;
}

/** The longest tasks of a run: the extension's (with what started it) and of any kind. */
export interface LongestTasks {
  longestExtensionTaskMs: number;
  longestExtensionTask?: TaskSummary;
  longestTaskMs: number;
}

/** The longest tasks of several runs: the worst of each, described by the run it came from. */
export function worstTasks(runs: readonly LongestTasks[]): LongestTasks {
  const longestExtensionTaskMs = Math.max(0, ...runs.map((r) => r.longestExtensionTaskMs));
  return {
    longestExtensionTaskMs,
    longestExtensionTask: runs.find((r) => r.longestExtensionTaskMs === longestExtensionTaskMs)?.longestExtensionTask,
    longestTaskMs: Math.max(0, ...runs.map((r) => r.longestTaskMs)),
  };
}

/** Field by field median of several runs, except the longest tasks: the worst run counts. */
export function medianCost(runs: readonly LoadCost[]): LoadCost {
  const pick = (key: Exclude<keyof LoadCost, 'longestExtensionTask'>) => median(runs.map((r) => r[key]));
  return {
    mainThreadMs: pick('mainThreadMs') ?? 0,
    layoutMs: pick('layoutMs') ?? 0,
    extensionMs: pick('extensionMs') ?? 0,
    extensionTasks: pick('extensionTasks') ?? 0,
    ...worstTasks(runs),
    lastTaskAfterReadyMs: pick('lastTaskAfterReadyMs'),
    loadAfterReadyMs: pick('loadAfterReadyMs'),
    contentfulPaintMs: pick('contentfulPaintMs'),
    contentLoadedMs: pick('contentLoadedMs'),
  };
}
