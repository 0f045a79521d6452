/** Timers that run only when the test says so, on a clock the test (and the code's cost) moves. */
import type { Timers } from '../../../src/content/mutations';

export function handDrivenTimers() {
  let clock = 0;
  let ids = 0;
  const waiting = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout(run, ms) {
      waiting.set(++ids, { at: clock + ms, run });
      return ids;
    },
    clearTimeout: (id) => waiting.delete(id as number),
    now: () => clock,
  };
  return {
    timers,
    spend: (ms: number) => (clock += ms),
    waiting: () => waiting.size,
    /**
     * Runs the earliest timer (by its time, then its order), moving the clock there; returns
     * how long after the clock it was due, or undefined when none is waiting.
     */
    runNext(): number | undefined {
      const [id, next] = [...waiting].sort(([a, x], [b, y]) => x.at - y.at || a - b)[0] ?? [];
      if (id === undefined || !next) return undefined;
      waiting.delete(id);
      const delay = next.at - clock;
      clock = Math.max(clock, next.at);
      next.run();
      return delay;
    },
  };
}
