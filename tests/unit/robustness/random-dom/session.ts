/**
 * One reader's session on a random page: the highlighter switched on and off, display
 * choices changed, the page changing underneath; and the checks made whenever the session
 * has settled (highlights on) or right after switching off.
 */
import { expect } from 'vitest';
import { startHighlighter, type DisplayFilters, type Highlighter } from '../../../../src/content/highlighter';
import type { ViewportWatcherFactory } from '../../../../src/content/viewport';
import { actualOccurrences, expectedOccurrences, insideExcluded, spellsNameOf } from './oracle';
import { GLOSSARY, VIEW } from './real-glossary';
import { descendants, type Mutation, type Twin } from './twin';

/** Lets the tasks queued so far run. */
export const nextTask = () => new Promise((resolve) => setImmediate(resolve));

/** Excluded elements by selector, a second opinion next to the oracle's rules. */
const EXCLUDED_SELECTOR =
  'script, style, noscript, template, textarea, input, button, select, svg, rt, [contenteditable]:not([contenteditable="false"]), [role="textbox"], .cm-editor';

export interface SessionOptions {
  /** Highlights wait for the test to bring their element "near the viewport". */
  lazy: boolean;
  /** Steps the scheduler runs per slice (a fake clock ticks once per step): small = many interruptions. */
  stepsPerSlice: number;
  /** Every page is first checked for names without a walk (page-read.ts), however small. */
  checkFirst: boolean;
}

export class Session {
  highlighter: Highlighter | undefined;
  filters: DisplayFilters = { density: 'all', hiddenCategories: new Set() };
  private watched = new Set<Element>();
  private report: ((els: Element[]) => void) | undefined;
  private clock = 0;
  /** Whether the page changed since highlights last started reading it anew. */
  private changedSinceRead = false;

  constructor(
    readonly page: Twin,
    readonly options: SessionOptions,
  ) {}

  private viewport: ViewportWatcherFactory = (onNear) => {
    if (!this.options.lazy)
      return { observe: (el) => queueMicrotask(() => onNear([el])), unobserve() {}, disconnect() {} };
    this.report = onNear;
    const watched = (this.watched = new Set());
    return {
      observe: (el) => watched.add(el),
      unobserve: (el) => watched.delete(el),
      disconnect: () => watched.clear(),
    };
  };

  /** A page change. */
  change(m: Mutation): void {
    this.page.apply(m);
    if (this.highlighter) this.changedSinceRead = true;
  }

  on(): void {
    if (this.highlighter) return;
    this.changedSinceRead = false;
    const doc = this.page.live.ownerDocument;
    this.highlighter = startHighlighter(
      {
        document: doc,
        window: doc.defaultView as Window & typeof globalThis,
        // New tasks via setImmediate: as separate from the current task as setTimeout(0), without its 1 ms clamp.
        sliceHost: { now: () => ++this.clock, later: (slice) => setImmediate(slice) },
        budgetMs: this.options.stepsPerSlice,
        nameFreeCheck: this.options.checkFirst
          ? { fromElements: 0, maxCharsPerElement: Infinity, gapsUpToElements: Infinity }
          : undefined,
        viewport: this.viewport,
        timers: {
          setTimeout: (run, ms) => (ms <= 0 ? { immediate: setImmediate(run) } : { timeout: setTimeout(run, ms) }),
          clearTimeout: (id) => {
            const { immediate, timeout } = id as { immediate?: NodeJS.Immediate; timeout?: NodeJS.Timeout };
            if (immediate) clearImmediate(immediate);
            if (timeout) clearTimeout(timeout);
          },
          now: () => performance.now(),
        },
        changeTiming: { delay: 0, cooldown: 0 },
      },
      VIEW,
      this.filters,
    );
  }

  off(): void {
    this.highlighter?.stop();
    this.highlighter = undefined;
    this.checkRestored();
  }

  setFilters(filters: DisplayFilters): void {
    this.filters = filters;
    this.highlighter?.setOptions(VIEW, filters);
    this.changedSinceRead = false;
  }

  /** Lets every queued read, page change and drawing finish, bringing every waiting block near. */
  async settle(): Promise<void> {
    const h = this.highlighter;
    if (!h) return;
    for (let round = 0; round < 50; round++) {
      await nextTask();
      await h.idle();
      if (this.watched.size === 0) return;
      this.report?.([...this.watched]);
    }
    throw new Error('highlights never settled');
  }

  /** Settled with highlights on: they are right, complete, and the page underneath is untouched. */
  checkHighlighted(): void {
    const { live, twin, toTwin, toLive } = this.page;
    const h = this.highlighter!;
    const { all: found, runOf } = expectedOccurrences(live, GLOSSARY.matcher);
    // Everyday words count only on a page that names something else (topic-gate.ts). Once it
    // has, they stay though that name is gone, until highlights start again: a changed page
    // without one shows them all or none, and counts them accordingly.
    const named = found.some((o) => !o.generic) || (this.changedSinceRead && Object.keys(h.summary()).length > 0);
    const all = named ? found : [];
    const actual = actualOccurrences(live, runOf);
    for (const mark of live.querySelectorAll('mark.columnlens-mark')) {
      expect(insideExcluded(mark)).toBe(false);
      expect(mark.closest(EXCLUDED_SELECTOR)).toBeNull();
    }
    for (const o of actual)
      expect(spellsNameOf(GLOSSARY.byId.get(o.id)!, o.text), `"${o.text}" for ${o.id}`).toBe(true);
    const shown = all
      .filter((o) => !this.filters.hiddenCategories.has(VIEW.categories[o.entry]!))
      .map(({ run, id, text }) => ({ run, id, text }));
    const counts: Record<string, number> = {};
    for (const o of all) counts[o.id] = (counts[o.id] ?? 0) + 1;
    if (this.filters.density === 'all') expect(actual).toEqual(shown);
    expect(h.summary()).toEqual(counts);
    if (this.filters.density === 'first') {
      expect(new Set(actual.map((o) => o.id)).size).toBe(actual.length);
      expect(isSubsequence(actual, shown)).toBe(true);
    }
    // The reader sees the same text; the page's own nodes are all where the page put them.
    expect(live.textContent).toBe(twin.textContent);
    const pageNodes = descendants(live).filter((n) => toTwin.has(n));
    expect(
      firstDifference(
        pageNodes.map((n) => toTwin.get(n)!),
        descendants(twin),
      ),
    ).toBe('');
    const misplaced = descendants(twin).filter((n) => toLive.get(n)!.parentNode !== toLive.get(n.parentNode!));
    expect(misplaced.map((n) => n.textContent)).toEqual([]);
    for (const n of descendants(live)) {
      if (n.nodeType === 1 && !toTwin.has(n)) expect((n as Element).matches('mark.columnlens-mark')).toBe(true);
    }
  }

  /** Switched off: the page is exactly the twin, node for node, with the page's own node objects. */
  checkRestored(): void {
    const { live, twin, toTwin } = this.page;
    const nodes = descendants(live);
    expect(nodes.filter((n) => !toTwin.has(n)).map((n) => n.textContent)).toEqual([]);
    expect(
      firstDifference(
        nodes.map((n) => toTwin.get(n)!),
        descendants(twin),
      ),
    ).toBe('');
    nodes.forEach((n) => {
      if (n.nodeType === 3) expect((n as Text).data).toBe((toTwin.get(n) as Text).data);
    });
    expect(live.innerHTML).toBe(twin.innerHTML);
  }
}

function isSubsequence<T>(sub: readonly T[], of: readonly T[]): boolean {
  let i = 0;
  for (const x of of) if (i < sub.length && JSON.stringify(sub[i]) === JSON.stringify(x)) i++;
  return i === sub.length;
}

/** '' when both lists hold the very same nodes in the same order, else where they first differ. */
function firstDifference(a: readonly Node[], b: readonly Node[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `node ${i}: ${describe(a[i])} instead of ${describe(b[i])}`;
  }
  return '';
}

function describe(n: Node | undefined): string {
  if (!n) return 'nothing';
  return n.nodeType === 3 ? `text ${JSON.stringify((n as Text).data)}` : `<${(n as Element).localName}>`;
}
