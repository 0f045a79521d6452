/**
 * Running work written as a generator of steps: all at once (background, editor, tests), or
 * in slices on a page, yielding to the event loop between them so that loading a large
 * glossary never blocks the page's main thread for one long task (input, scrolling and the
 * page's own scripts run in between).
 */

import type { Steps } from '../matcher/steps';

export { runSteps, type Steps } from '../matcher/steps';

/** Time a slice may run before it yields (a long task is one of 50 ms or more). */
export const SLICE_MS = 10;

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Lets the event loop run. `scheduler.yield()` where there is one (Chromium); otherwise a
 * message to ourselves, which, unlike `setTimeout`, is neither clamped nor throttled in
 * background tabs.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs the steps, yielding whenever a slice has taken `sliceMs`, and once more before handing
 * the result over: what the caller does with it runs in a task of its own, not on top of the
 * last slice (a page's glossary arriving starts its first read: in the same task, that made
 * a 46–55 ms task on a 76k-element page, traced).
 */
export async function runStepsInSlices<T>(
  steps: Steps<T>,
  sliceMs = SLICE_MS,
  pause: () => Promise<void> = yieldToEventLoop,
): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      await pause();
      return step.value;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}
