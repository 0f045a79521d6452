/**
 * Several switches summed up as one row of the benchmark: medians of what they cost, the
 * worst of their longest tasks, with that run's description.
 */
import { describe, expect, it } from 'vitest';
import { medianSwitching, type Switching } from '../../bench/lib/switching';
import type { TaskCause } from '../../bench/lib/trace';

const run = (mainThreadMs: number, longestExtensionTaskMs: number, cause: TaskCause, atMs: number): Switching => ({
  marks: 22,
  mainThreadMs,
  spanMs: mainThreadMs * 2,
  longestExtensionTaskMs,
  longestExtensionTask: { cause, atMs },
  longestTaskMs: longestExtensionTaskMs + 1,
});

describe('medianSwitching', () => {
  it('takes the median cost and the worst longest task, described by the run it came from', () => {
    const summary = medianSwitching([
      run(60, 9, 'callback', 1),
      run(250, 12, 'timer', 2),
      run(58, 30, 'continuation', 3),
    ]);
    expect(summary.mainThreadMs).toBe(60);
    expect(summary.spanMs).toBe(120);
    expect(summary.marks).toBe(22);
    expect(summary.longestExtensionTaskMs).toBe(30);
    expect(summary.longestExtensionTask).toEqual({ cause: 'continuation', atMs: 3 });
    expect(summary.longestTaskMs).toBe(31);
  });

  it('is the run itself when there is one', () => {
    const only = run(42, 7, 'callback', 5);
    expect(medianSwitching([only])).toEqual(only);
  });
});
