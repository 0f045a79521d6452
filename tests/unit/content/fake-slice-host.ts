/** A fake clock and task queue for the scheduler: each step of work advances the clock by its cost. */
import type { SliceHost } from '../../../src/content/scheduler';

export function fakeSliceHost() {
  let time = 0;
  const tasks: (() => void)[] = [];
  const host: SliceHost = { now: () => time, later: (slice) => tasks.push(slice) };
  return {
    host,
    advance: (ms: number) => (time += ms),
    get time() {
      return time;
    },
    /** Runs queued tasks one by one, recording each task's duration. */
    runAll(): number[] {
      const durations: number[] = [];
      while (tasks.length > 0) {
        const start = time;
        tasks.shift()!();
        durations.push(time - start);
      }
      return durations;
    },
  };
}

/** A job of `steps` steps, each advancing `clock` by `cost` ms and logging `name`. */
export function* work(clock: { advance(ms: number): void }, steps: number, cost: number, log?: string[], name = '') {
  for (let i = 0; i < steps; i++) {
    clock.advance(cost);
    log?.push(name);
    yield;
  }
}
