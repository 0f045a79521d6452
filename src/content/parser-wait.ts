/**
 * Reading a page while it is parsed. The content script starts with the document, so on a
 * large page the glossary is ready long before the parser is done: reading what has arrived
 * meanwhile, instead of all of it after DOMContentLoaded, has the highlights complete soon
 * after the page is. A walk stops at the parser's open edge (blocks.ts, PARSER_AHEAD) and
 * waits here for the parser to add more.
 */
import { isParserAhead, type ParserAhead } from './blocks';
import type { Timers } from './mutations';

/**
 * How long a walk waits at the parser's edge before looking again. The parser adds in
 * chunks as the network delivers them; looking ten times a second costs nothing and keeps
 * the walk near the edge.
 */
export const PARSE_POLL_MS = 100;

export interface ParserWait {
  /** Whether the document is still being parsed. */
  parsing(): boolean;
  /** Resolves once the parser may have added more: when parsing ends, or after PARSE_POLL_MS. */
  progress(): Promise<void>;
  /** Calls `run` once the document is parsed (at once if it is). */
  whenParsed(run: () => void): void;
  /**
   * `steps` with each PARSER_AHEAD turned into `progress()`, which the scheduler waits on;
   * `onWait` runs before each wait (the page has grown since the last one).
   */
  parked<T>(steps: Iterator<T | ParserAhead, void>, onWait?: () => void): Generator<T | Promise<void>, void>;
}

export function parserWait(doc: Document, timers: Timers, pollMs = PARSE_POLL_MS): ParserWait {
  const parsing = () => doc.readyState === 'loading';
  /** One wait shared by every walk at the edge. */
  let pending: Promise<void> | undefined;
  function progress(): Promise<void> {
    if (!parsing()) return Promise.resolve();
    pending ??= new Promise<void>((resolve) => {
      const done = () => {
        pending = undefined;
        timers.clearTimeout(timer);
        doc.removeEventListener('readystatechange', done);
        resolve();
      };
      const timer = timers.setTimeout(done, pollMs);
      doc.addEventListener('readystatechange', done);
    });
    return pending;
  }
  return {
    parsing,
    progress,
    whenParsed(run) {
      if (!parsing()) return run();
      const check = () => {
        if (parsing()) return;
        doc.removeEventListener('readystatechange', check);
        run();
      };
      doc.addEventListener('readystatechange', check);
    },
    *parked(steps, onWait) {
      for (let step = steps.next(); !step.done; step = steps.next()) {
        if (!isParserAhead(step.value)) {
          yield step.value;
          continue;
        }
        onWait?.();
        yield progress();
      }
    },
  };
}
