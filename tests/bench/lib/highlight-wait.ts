/**
 * Waits for the extension to finish drawing (or removing) highlights. The content script
 * works in short slices, so "done" is observed from outside: the count has reached what is
 * wanted, and stayed the same while the page's main thread was idle for a while.
 */
import { pageExpression } from './in-page';
import { countWhenIdle } from './page-probes';

/** Anything that can evaluate an expression in a page: a playwright or a puppeteer Page. */
export interface Evaluator {
  evaluate(expression: string): Promise<unknown>;
}

export interface WaitOptions {
  /** Keep waiting while fewer highlights than this are shown. */
  min?: number;
  /** Keep waiting until exactly this many are shown (e.g. 0 after switching off). */
  exact?: number;
  /** How long the count must stay unchanged to count as settled. */
  quietMs?: number;
  timeoutMs?: number;
}

export interface WaitResult {
  count: number;
  /** The wanted count was not reached, or it kept changing, until the timeout. */
  timedOut: boolean;
  /** Milliseconds from the call until the count last changed (i.e. until drawing finished). */
  settledAfterMs: number;
}

const POLL_MS = 50;

/** Polls the number of highlights until it settles on what `options` asks for. */
export async function waitForHighlights(page: Evaluator, options: WaitOptions = {}): Promise<WaitResult> {
  const { min = 0, exact, quietMs = 600, timeoutMs = 30_000 } = options;
  const expression = pageExpression(countWhenIdle, 1_000);
  const started = Date.now();
  let count = -1;
  let changedAt = started;
  for (;;) {
    const now = Date.now();
    const seen = (await page.evaluate(expression)) as { count: number; idle: boolean };
    // A busy main thread counts as a change: the extension may still be drawing.
    if (seen.count !== count || !seen.idle) {
      count = seen.count;
      changedAt = now;
    }
    const wanted = count >= min && (exact === undefined || count === exact);
    if (wanted && Date.now() - changedAt >= quietMs)
      return { count, timedOut: false, settledAfterMs: changedAt - started };
    if (Date.now() - started > timeoutMs) return { count, timedOut: true, settledAfterMs: changedAt - started };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
