// @vitest-environment jsdom
/**
 * Switching off (and clearing for a new glossary) takes highlights back in time slices, so a
 * page with thousands of marks gets no long task; the page must still end exactly as it was,
 * and switching on again mid-removal must neither read text inside our old marks nor lose it.
 *
 * Time is a cost model, not the wall clock: each mark taken off the page costs MARK_COST ms
 * (about what Chromium spends: 5,916 marks in 65–71 ms), and the fake slice host reads that
 * clock. A slice's "duration" is then the marks it removed, which is what the budget limits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentController } from '../../../src/content/controller';
import type { GlossaryView, Highlighter } from '../../../src/content/highlighter';
import type { SliceHost } from '../../../src/content/scheduler';
import { everythingNear } from '../../../src/content/viewport';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';
import { fakeGlossary as glossary } from './fake-glossary';
import { installFakeHighlights } from './fake-highlights';
import { ENTRIES } from './fake-scanner';
import { launch, marks, sleep, type StartOptions } from './harness';

const MARK_COST = 0.012;
const BUDGET = 10;
const PARAGRAPHS = 1_500; // Two marks each: 3,000 marks, about 36 ms of removal at once.

/** A slice host whose clock advances by MARK_COST per mark removed from `doc`; tasks run when the test says. */
function markClock(doc: Document) {
  // Its own observer (records are per observer: the highlighter's `ownWrites` cannot take these).
  const removals = new MutationObserver(() => {});
  removals.observe(doc.body, { childList: true, subtree: true });
  let time = 0;
  const tasks: (() => void)[] = [];
  const now = () => {
    for (const record of removals.takeRecords()) {
      for (const node of record.removedNodes) if (node.nodeName === 'MARK') time += MARK_COST;
    }
    return time;
  };
  const host: SliceHost = { now, later: (slice) => tasks.push(slice) };
  /** Runs one queued task; returns its duration on the mark clock. */
  const runOne = (): number => {
    const start = now();
    tasks.shift()!();
    return now() - start;
  };
  return {
    host,
    now,
    get queued() {
      return tasks.length;
    },
    runOne,
    /** Runs tasks until none is queued; returns their durations. */
    runAll(): number[] {
      const durations: number[] = [];
      while (tasks.length > 0) durations.push(runOne());
      return durations;
    },
    /** Runs tasks, and the microtasks that queue drawing (`everythingNear`), until nothing is left. */
    async drain(): Promise<void> {
      do {
        this.runAll();
        await sleep(0);
      } while (tasks.length > 0);
    },
  };
}

const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Item ${i}: Nvidia ships, and the <b>LLM</b> runs.</p>`).join('');

/** Every text node under `root`, in order (to check the page's own nodes come back). */
function textNodes(root: Node = document.body): Node[] {
  const out: Node[] = [];
  const walker = document.createTreeWalker(root, 4);
  while (walker.nextNode()) out.push(walker.currentNode);
  return out;
}

/** Nothing of ours nested in ours: a read of text inside an old mark would produce that. */
const nestedMarks = () => document.querySelectorAll('mark mark').length;

let clock: ReturnType<typeof markClock>;
let before: string;
let nodes: Node[];
beforeEach(() => {
  document.body.innerHTML = paragraphs(PARAGRAPHS);
  before = document.body.innerHTML;
  nodes = textNodes();
  clock = markClock(document);
});

// Thousands of marks in jsdom take seconds on a busy 2-core machine.
const SLOW = { timeout: 30_000 };

describe('switching off a page with thousands of marks', SLOW, () => {
  let highlighter: Highlighter | undefined;
  afterEach(() => highlighter?.stop());

  /** Starts on the page with the mark clock's slices, everything near, the test's budget. */
  const launchOnClock = (options: Pick<StartOptions<GlossaryView>, 'engineChoice' | 'isAlive'> = {}) =>
    launch({ time: { sliceHost: clock.host }, viewport: everythingNear, budgetMs: BUDGET, ...options }).highlighter;

  async function highlight(): Promise<Highlighter> {
    highlighter = launchOnClock();
    await clock.drain();
    expect(document.querySelectorAll('mark')).toHaveLength(2 * PARAGRAPHS);
    return highlighter;
  }

  it('takes the marks back over several slices, each within the budget, and leaves the DOM exact', async () => {
    const h = await highlight();
    const start = clock.now();
    const stopped = h.switchOff();
    const first = clock.now() - start;
    // The first slice ran in this task, and left work for later ones.
    expect(first).toBeGreaterThan(0);
    expect(document.querySelectorAll('mark').length).toBeGreaterThan(0);
    const later = clock.runAll();
    const slices = [first, ...later];
    expect(slices.length).toBeGreaterThanOrEqual(4);
    // Within the budget, give or take the step that crosses it (a step takes back ~50 marks here).
    const step = 150 * MARK_COST;
    for (const ms of slices) expect(ms).toBeLessThanOrEqual(BUDGET + step);
    expect(slices.reduce((a, b) => a + b, 0)).toBeCloseTo(2 * PARAGRAPHS * MARK_COST, 3);
    await stopped;
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
    expect(h.summary()).toEqual({});
  });

  it('keeps what the page writes meanwhile, even the text a node of its already holds', async () => {
    const h = await highlight();
    const stopped = h.switchOff();
    const firstTexts = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const waiting = firstTexts.filter((text) => text.data.endsWith(': ')).length;
    expect(waiting).toBeGreaterThan(0); // some are still split: they read as what is written next
    // The page drops "Nvidia ships, and the " from every paragraph.
    firstTexts.forEach((text, i) => (text.data = `Item ${i}: `));
    clock.runAll();
    await stopped;
    expect(document.body.innerHTML).toBe(before.replaceAll('Nvidia ships, and the ', ''));
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
  });

  it('finishes a small removal within the call', async () => {
    document.body.innerHTML = paragraphs(10);
    const small = document.body.innerHTML;
    highlighter = launchOnClock();
    await clock.drain();
    expect(document.querySelectorAll('mark')).toHaveLength(20);
    const start = clock.now();
    const stopped = highlighter.switchOff();
    expect(document.body.innerHTML).toBe(small);
    await stopped;
    // What is still queued (the slice asked for before the call ran it) has nothing to remove.
    expect(clock.now() - start).toBeCloseTo(20 * MARK_COST, 6);
    clock.runAll();
    expect(clock.now() - start).toBeCloseTo(20 * MARK_COST, 6);
  });

  it('switches painted highlights off through the same call, at once (no DOM to restore)', async () => {
    const fake = installFakeHighlights(window);
    try {
      highlighter = launchOnClock({ engineChoice: 'highlight' });
      await clock.drain();
      expect(highlighter.engineKind).toBe('highlight');
      expect(fake.registry.get('columnlens-company')?.size).toBe(PARAGRAPHS);
      const stopped = highlighter.switchOff();
      expect(fake.registry.size).toBe(0);
      await stopped;
      expect(document.body.innerHTML).toBe(before);
    } finally {
      fake.uninstall();
    }
  });

  it('removes what is left at once when the extension context goes away mid-removal', async () => {
    let alive = true;
    highlighter = launchOnClock({ isAlive: () => alive });
    await clock.drain();
    const stopped = highlighter.switchOff();
    expect(document.querySelectorAll('mark').length).toBeGreaterThan(0);
    alive = false;
    clock.runOne();
    expect(document.body.innerHTML).toBe(before);
    await stopped;
    expect(clock.queued).toBe(0);
  });
});

describe('switching on, or changing the glossary, while marks are being taken back', SLOW, () => {
  const CHANGE_DELAY = 5;
  let abort: AbortController;
  beforeEach(() => {
    abort = new AbortController();
  });
  afterEach(() => abort.abort());

  const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

  function controller() {
    const summaries: Record<string, number>[] = [];
    const content = createContentController({
      document,
      window: window as Window & typeof globalThis,
      signal: abort.signal,
      hostname: 'example.com',
      sliceHost: clock.host,
      viewport: everythingNear,
      budgetMs: BUDGET,
      changeTiming: { delay: CHANGE_DELAY, cooldown: 0 },
      onSummary: (read) => summaries.push(read()),
    });
    return { content, summaries };
  }

  /** Runs every slice, lets page changes reach their read (real timers, short delay), and again. */
  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await clock.drain();
      await sleep(CHANGE_DELAY + 15);
    }
    await clock.drain();
  }

  it('switched on again mid-removal: the new read waits, then every highlight is back exactly once', async () => {
    const { content } = controller();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    const drawn = marks();
    expect(drawn).toHaveLength(2 * PARAGRAPHS);
    const counts = content.summary();
    expect(counts).toEqual({ nvidia: PARAGRAPHS, llm: PARAGRAPHS });

    content.update({ settings: settings({ enabled: false }) });
    const left = document.querySelectorAll('mark').length;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(2 * PARAGRAPHS);
    content.update({ settings: settings() });
    // Nothing reads or draws until the old marks are gone; the page's text stays whole meanwhile.
    expect(content.engineKind).toBeUndefined();
    const text = textOf(before);
    while (clock.queued > 0) {
      clock.runOne();
      expect(nestedMarks()).toBe(0);
      expect(document.body.textContent).toBe(text);
    }
    await settle();
    expect(content.engineKind).toBe('dom');
    expect(marks()).toEqual(drawn);
    expect(content.summary()).toEqual(counts);

    content.update({ settings: settings({ enabled: false }) });
    await settle();
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
  });

  it('switched off, on and off again before the removal ends: the page ends exactly as it was', async () => {
    const { content } = controller();
    content.update({ settings: settings(), glossary: glossary('1') });
    await settle();
    content.update({ settings: settings({ enabled: false }) });
    content.update({ settings: settings() });
    clock.runOne();
    content.update({ settings: settings({ enabled: false }) });
    await settle();
    expect(content.engineKind).toBeUndefined();
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
  });

  it('a glossary change mid-removal (twice, with the page adding text meanwhile) ends with the last glossary’s highlights', async () => {
    const { content } = controller();
    const first = glossary('1');
    content.update({ settings: settings(), glossary: first });
    await settle();
    const oneRead = first.scans();

    const withoutLlm = ENTRIES.filter((e) => e.id !== 'llm');
    content.update({ glossary: glossary('2', withoutLlm) });
    expect(document.querySelectorAll('mark').length).toBeGreaterThan(0);
    clock.runOne();
    // The page adds text while our marks are still being taken back.
    const added = document.createElement('p');
    added.textContent = 'Late news: Nvidia and an LLM.';
    document.body.append(added);
    clock.runOne();
    const onlyLlm = ENTRIES.filter((e) => e.id === 'llm');
    const last = glossary('3', onlyLlm);
    content.update({ glossary: last });
    while (clock.queued > 0) {
      clock.runOne();
      expect(nestedMarks()).toBe(0);
    }
    await settle();
    // Every LLM on the page highlighted, once; no Nvidia highlight left from glossary 1 or 2.
    expect(marks()).toEqual(Array.from({ length: PARAGRAPHS + 1 }, () => ['llm', 'LLM']));
    expect(content.summary()).toEqual({ llm: PARAGRAPHS + 1 });
    // One read of the page, and of the paragraph the page added: our removal's thousands of
    // writes were no page changes to read again (they stay out of the observer's records).
    expect(last.scans()).toBeLessThanOrEqual(oneRead + 2);

    content.update({ settings: settings({ enabled: false }) });
    await settle();
    added.remove();
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
  });
});

/** The text of an HTML string, as the page shows it. */
function textOf(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.textContent ?? '';
}
