/**
 * The usual way to highlight a term list: mark.js, injected into the page (without the
 * extension), either `mark()` with every alias or `markRegExp()` with one combined pattern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { mainThreadOf, startTrace, stopTrace, taskUs } from './trace';

const MARK_JS = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');

export interface MarkJsResult {
  /** Time of the call itself, measured in the page. */
  ms: number;
  /** The call stopped at the cap before every alias was done. */
  capped: boolean;
  aliasesDone: number;
  highlights: number;
  /** Longest main-thread task during the call and the relayout after it. */
  longestTaskMs: number;
  /** All main-thread time from the call to the page being idle again. */
  mainThreadMs: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all aliases, longest first so that alternation prefers the longest name. */
export function combinedPattern(aliases: readonly string[]): string {
  return [...new Set(aliases)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

/**
 * Runs mark.js on the loaded `page` and traces the main thread meanwhile. `mark()` gets one
 * alias at a time (exactly what it does with an array, but the loop can stop at `capMs`).
 */
export async function runMarkJs(
  page: Page,
  how: 'mark' | 'markRegExp',
  aliases: readonly string[],
  capMs: number,
): Promise<MarkJsResult> {
  await page.evaluate(MARK_JS);
  const cdp = await page.context().newCDPSession(page);
  await startTrace(cdp);
  const result = await page.evaluate(
    ({ how, aliases, pattern, capMs }) => {
      const MarkCtor = (window as unknown as { Mark: new (el: Element) => MarkInstance }).Mark;
      interface MarkInstance {
        mark(keyword: string, options: object): void;
        markRegExp(regexp: RegExp, options: object): void;
      }
      const before = document.querySelectorAll('mark').length;
      const instance = new MarkCtor(document.body);
      const started = performance.now();
      let done = 0;
      if (how === 'markRegExp') {
        instance.markRegExp(new RegExp(pattern, 'gi'), { acrossElements: false });
        done = aliases.length;
      } else {
        for (const alias of aliases) {
          instance.mark(alias, { separateWordSearch: false, acrossElements: false });
          done++;
          if (performance.now() - started > capMs) break;
        }
      }
      return { ms: performance.now() - started, done, highlights: document.querySelectorAll('mark').length - before };
    },
    { how, aliases: [...aliases], pattern: combinedPattern(aliases), capMs },
  );
  // Let the relayout that the new marks cause happen inside the trace.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 500))));
  const thread = mainThreadOf(await stopTrace(cdp), page.url());
  await cdp.detach();
  return {
    ms: result.ms,
    capped: result.done < aliases.length,
    aliasesDone: result.done,
    highlights: result.highlights,
    longestTaskMs: Math.max(0, ...thread.tasks.map((t) => taskUs(t) / 1000)),
    mainThreadMs: thread.tasks.reduce((sum, t) => sum + taskUs(t), 0) / 1000,
  };
}
