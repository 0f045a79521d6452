/**
 * Cooperative time slicing. Every piece of work (walking, matching, wrapping) is a generator
 * that yields after a small step; the scheduler runs steps until its budget for the slice is
 * spent, then gives the main thread back to the page and continues in a new task. No task of
 * ours can then grow much past the budget, far below the 50 ms that makes a page feel stuck.
 *
 * Jobs run by priority (lower first), so wrapping what is on screen overtakes the walk of
 * the rest of the page. With no jobs left no slice is scheduled: an idle page costs nothing.
 */

/** Time source and "run this in a new task", injected so tests can use a fake clock. */
export interface SliceHost {
  now(): number;
  /** Runs `slice` in a later task, letting the page handle input and render in between. */
  later(slice: () => void): void;
}

export const PRIORITY = {
  /** Drawing highlights near the viewport, and answering the reader. */
  visible: 0,
  /** Re-reading what the page changed. */
  changes: 1,
  /** The first read of the whole page. */
  initial: 2,
} as const;

interface Job {
  steps: Iterator<unknown>;
  priority: number;
  order: number;
}

/** Default host: a new task via `scheduler.postTask` where it exists, else a MessageChannel (no 4 ms timer clamping). */
export function browserSliceHost(win: Window & typeof globalThis): SliceHost {
  const scheduler = (win as { scheduler?: { postTask?(cb: () => void): Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return { now: () => win.performance.now(), later: (slice) => void scheduler.postTask!(slice).catch(() => {}) };
  }
  const queue: (() => void)[] = [];
  const channel = new win.MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    now: () => win.performance.now(),
    later(slice) {
      queue.push(slice);
      channel.port2.postMessage(null);
    },
  };
}

export interface SchedulerStats {
  slices: number;
  /** Longest slice so far, in ms of the host clock. */
  longestSlice: number;
}

export class Scheduler {
  private jobs: Job[] = [];
  private order = 0;
  private pending = false;
  private waiters: (() => void)[] = [];
  readonly stats: SchedulerStats = { slices: 0, longestSlice: 0 };

  constructor(
    private readonly host: SliceHost,
    private readonly budgetMs = 10,
    private readonly onSlice?: () => void,
  ) {}

  /** Queues a job; it starts in the next slice. */
  add(steps: Iterator<unknown>, priority: number): void {
    this.jobs.push({ steps, priority, order: this.order++ });
    this.jobs.sort((a, b) => a.priority - b.priority || a.order - b.order);
    this.schedule();
  }

  /** Drops every queued job (used when highlights are switched off). */
  clear(): void {
    this.jobs = [];
    this.release();
  }

  /** Whether any job is waiting. */
  get busy(): boolean {
    return this.jobs.length > 0;
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private schedule(): void {
    if (this.pending || this.jobs.length === 0) return;
    this.pending = true;
    this.host.later(() => this.runSlice());
  }

  private runSlice(): void {
    this.pending = false;
    this.onSlice?.();
    const start = this.host.now();
    let now = start;
    while (this.jobs.length > 0 && now - start < this.budgetMs) {
      const job = this.jobs[0]!;
      let done: boolean | undefined;
      try {
        done = job.steps.next().done;
      } catch (error) {
        // A page can hand us DOM we cannot read; drop that job, keep the page and the rest.
        console.debug('ColumnLens: a highlighting step failed', error);
        done = true;
      }
      if (done) {
        const index = this.jobs.indexOf(job);
        if (index >= 0) this.jobs.splice(index, 1);
      }
      now = this.host.now();
    }
    this.stats.slices++;
    this.stats.longestSlice = Math.max(this.stats.longestSlice, now - start);
    if (this.jobs.length > 0) this.schedule();
    else this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
