/** Loading in slices: when `runStepsInSlices` gives the event loop its turn, and what it returns. */
import { describe, expect, it } from 'vitest';
import { runStepsInSlices, type Steps } from '../../../src/glossary-store/steps';

function* counting(count: number, log: string[]): Steps<number> {
  for (let i = 0; i < count; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return count;
}

/** A pause the test releases by hand, recorded in `log`. */
function manualPause(log: string[]) {
  const waiting: (() => void)[] = [];
  return {
    pause: () => {
      log.push('pause');
      return new Promise<void>((resolve) => waiting.push(resolve));
    },
    release: () => waiting.shift()?.(),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('runStepsInSlices', () => {
  it('hands the result over only after one more pause, so the caller starts a task of its own', async () => {
    const log: string[] = [];
    const { pause, release } = manualPause(log);
    let result: number | undefined;
    // A slice long enough for every step: the only pause is the one before the hand-over.
    void runStepsInSlices(counting(3, log), Infinity, pause).then((value) => (result = value));
    await settle();
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'pause']);
    expect(result).toBeUndefined();
    release();
    await settle();
    expect(result).toBe(3);
  });

  it('pauses between steps once a slice has used its time', async () => {
    const log: string[] = [];
    const { pause, release } = manualPause(log);
    let result: number | undefined;
    // A slice of no time at all: a pause after every step, and the one before the hand-over.
    void runStepsInSlices(counting(2, log), 0, pause).then((value) => (result = value));
    for (let i = 0; i < 3; i++) {
      await settle();
      release();
    }
    await settle();
    expect(log).toEqual(['step 0', 'pause', 'step 1', 'pause', 'pause']);
    expect(result).toBe(2);
  });
});
