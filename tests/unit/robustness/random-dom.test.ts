// @vitest-environment jsdom
/**
 * Issue 7, "Random DOMs": random pages in jsdom, highlighted with the real bundled pack and
 * matcher, through random sessions of page changes, switching off and on and display
 * changes. Whenever the session settles with highlights on: no highlight in an excluded
 * element, every occurrence spells one of its entry's names, highlights are exactly the
 * matcher's matches of each run of text (none across a block boundary), the counts agree,
 * and the page's own nodes are untouched. Whenever highlights are switched off: the page is
 * exactly what the same page changes give without ColumnLens, node for node.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { page, type Item } from './random-dom/page-spec';
import { CATEGORIES } from './random-dom/real-glossary';
import { nextTask, Session, type SessionOptions } from './random-dom/session';
import { mutation, Twin, type Mutation } from './random-dom/twin';

type Step =
  | { k: 'mutate'; m: Mutation }
  | { k: 'toggle' }
  | { k: 'settle' }
  | { k: 'tick' }
  | { k: 'filters'; hidden: string[]; first: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: mutation.map((m) => ({ k: 'mutate' as const, m })) },
  { weight: 2, arbitrary: fc.constant({ k: 'toggle' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'settle' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'tick' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('filters' as const),
      hidden: fc.subarray(CATEGORIES, { maxLength: 3 }),
      first: fc.boolean(),
    }),
  },
);
/** Cases per property; FUZZ_RUNS=5000 for a long hunt (the test timeout grows with it). */
const runs = (normal: number) => Number(process.env.FUZZ_RUNS ?? normal);
const timeoutFor = (cases: number) => 120_000 + cases * 200;
const STATIC_RUNS = runs(150);
const SESSION_RUNS = runs(300);
const options = fc.record({
  lazy: fc.boolean(),
  stepsPerSlice: fc.integer({ min: 1, max: 40 }),
  checkFirst: fc.boolean(),
});

/** Builds the same random page into the live document and a twin document. */
function setUp(items: readonly Item[]): Twin {
  const live = document.createElement('main');
  document.body.replaceChildren(live);
  const twin = document.implementation.createHTMLDocument('').createElement('main');
  const pair = new Twin(live, twin);
  for (const spec of items) {
    const made = pair.make(spec);
    live.append(...made.live);
    twin.append(...made.twin);
  }
  return pair;
}

let session: Session | undefined;
/** A new session; the previous one (perhaps left running by a failed case) is stopped first. */
function fresh(items: readonly Item[], opts: SessionOptions): Session {
  session?.highlighter?.stop();
  session = new Session(setUp(items), opts);
  return session;
}
afterEach(() => {
  session?.highlighter?.stop();
  session = undefined;
});

/** Plays one step of a session, checking whenever it settles. */
async function play(s: Session, st: Step): Promise<void> {
  switch (st.k) {
    case 'mutate':
      return s.change(st.m);
    case 'toggle':
      if (s.highlighter) return s.off();
      s.on();
      return;
    case 'tick':
      return nextTask().then(() => undefined);
    case 'filters':
      s.setFilters({ density: st.first ? 'first' : 'all', hiddenCategories: new Set(st.hidden) });
      return;
    case 'settle':
      if (!s.highlighter) return s.checkRestored();
      await s.settle();
      return s.checkHighlighted();
  }
}

describe('highlights on random pages', () => {
  it(
    'are exactly the matches of each run of text, and switching off and on is lossless',
    async () => {
      await fc.assert(
        fc.asyncProperty(page, options, async (items, opts) => {
          const s = fresh(items, opts);
          s.on();
          await s.settle();
          s.checkHighlighted();
          const first = s.page.live.querySelectorAll('mark').length;
          s.off();
          s.on();
          await s.settle();
          s.checkHighlighted();
          expect(s.page.live.querySelectorAll('mark').length).toBe(first);
          s.off();
        }),
        { numRuns: STATIC_RUNS },
      );
    },
    timeoutFor(STATIC_RUNS),
  );

  it(
    'keep every promise through random page changes, switches and display changes',
    async () => {
      const steps = fc.array(step, { minLength: 1, maxLength: 12 });
      await fc.assert(
        fc.asyncProperty(page, steps, options, async (items, list, opts) => {
          const s = fresh(items, opts);
          s.on();
          for (const st of list) await play(s, st);
          await play(s, { k: 'settle' });
          s.off();
        }),
        { numRuns: SESSION_RUNS, timeout: 10_000 },
      );
    },
    timeoutFor(SESSION_RUNS),
  );
});
