/**
 * Work written as a generator of bounded steps (loading a matcher, building the fold table),
 * so a caller that can pause between them does; `runSteps` runs them all at once. Paused
 * runners live with their callers (`glossary-store/steps.ts`).
 */

/** A unit of work that yields between bounded steps and returns a T. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
