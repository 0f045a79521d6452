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
  /**
   * Runs `slice` in a task after the next frame is rendered. Chromium runs queued tasks back
   * to back for up to ~100 ms before it renders, then lays out all their changes in one task:
   * after taking back 5,900 marks in 10 ms slices that was one 200–250 ms layout. A frame
   * between removal slices lays out each slice's share on its own. Optional: `later` stands in.
   */
  afterFrame?(slice: () => void): void;
}

export const PRIORITY = {
  /**
   * Taking highlights back (switched off, new glossary or filters, engine handed over): ahead
   * of every read and draw, so nothing reads text that still sits inside a mark of ours.
   */
  restore: -1,
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

/** A frame may never come (a throttled frame of another origin): after this long a removal slice runs anyway. */
const FRAME_WAIT_MS = 100;

/** Default host: a new task via `scheduler.postTask` where it exists, else a MessageChannel (no 4 ms timer clamping). */
export function browserSliceHost(win: Window & typeof globalThis): SliceHost {
  const host: SliceHost = { now: () => win.performance.now(), later: newTask(win) };
  if (typeof win.requestAnimationFrame === 'function') {
    host.afterFrame = (slice) => {
      // A hidden document renders no frames, and nobody sees its layout: no reason to wait.
      if (win.document.hidden) return host.later(slice);
      let queued = false;
      const run = () => {
        if (queued) return;
        queued = true;
        // Posted from the frame callback, the task runs after that frame's rendering.
        host.later(slice);
      };
      win.requestAnimationFrame(run);
      win.setTimeout(run, FRAME_WAIT_MS);
    };
  }
  return host;
}

function newTask(win: Window & typeof globalThis): SliceHost['later'] {
  const scheduler = (win as { scheduler?: { postTask?(cb: () => void): Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return (slice) => void scheduler.postTask!(slice).catch(() => {});
  const queue: (() => void)[] = [];
  const channel = new win.MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (slice) => {
    queue.push(slice);
    channel.port2.postMessage(null);
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
  private running = false;
  private waiters: (() => void)[] = [];
  /** Set by `endSlice` while a slice runs: it stops after the current step. */
  private ending = false;
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

  /**
   * Runs a slice in the current task instead of waiting for the next one, so small work (a
   * few hundred marks taken back) is done at once; what is left goes on in later slices.
   * Does nothing inside a slice: a job is never re-entered.
   */
  runNow(): void {
    if (!this.running && this.jobs.length > 0) this.runSlice();
  }

  /**
   * Ends the running slice after the current step; the rest goes on in the next task. For a
   * step whose effect the browser must act on before more of our work is worth doing: marks
   * just written reach the screen with the next frame only once our task ends, and a block
   * just handed to the viewport watcher is placed only in a frame. Nothing outside a slice.
   */
  endSlice(): void {
    if (this.running) this.ending = true;
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
    const run = () => {
      this.pending = false;
      this.runSlice();
    };
    // Taking highlights back changes the page everywhere: let a frame render each slice's share.
    if (this.jobs[0]!.priority === PRIORITY.restore && this.host.afterFrame) this.host.afterFrame(run);
    else this.host.later(run);
  }

  private runSlice(): void {
    // A slice run by `runNow` may have left this later one nothing to do.
    if (this.jobs.length === 0) return this.release();
    this.running = true;
    try {
      this.runJobs();
    } finally {
      this.running = false;
    }
    if (this.jobs.length > 0) this.schedule();
    else this.release();
  }

  private runJobs(): void {
    this.onSlice?.();
    const start = this.host.now();
    let now = start;
    this.ending = false;
    while (this.jobs.length > 0 && now - start < this.budgetMs && !this.ending) {
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
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
