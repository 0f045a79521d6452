/**
 * Where drawing ends a slice so the browser can act before we read on: after handing the
 * viewport watcher its first block (placed only in a frame) and after drawing what came near
 * (shown only once our task ends); and what it draws at once: what a frame's callback reports.
 */
import { describe, expect, it } from 'vitest';
import { createDrawing } from '../../../src/content/drawing';
import type { HighlightEngine, Piece } from '../../../src/content/engine';
import { PageState, type PendingBlock } from '../../../src/content/page-state';
import { PRIORITY, Scheduler } from '../../../src/content/scheduler';
import type { ViewportWatcherFactory } from '../../../src/content/viewport';
import { fakeSliceHost, work } from './fake-slice-host';

/** An engine that only logs what it is asked to draw. */
function loggingEngine(log: string[]): HighlightEngine {
  return {
    kind: 'dom',
    apply: (pieces) => void log.push(`draw ${pieces.map((p) => p.text).join()}`),
    remove() {},
    removeAll() {},
    *removeAllInSteps() {},
    originalOf: () => undefined,
    has: () => false,
    locate: () => undefined,
    originalPoint: () => undefined,
  };
}

/** A viewport watcher driven by the test: `report` says which targets came near; `counts`, how many were made and disconnected. */
function manualViewport() {
  let onNear: (els: Element[], inFrame?: boolean) => void = () => {};
  const observed: Element[] = [];
  const counts = { made: 0, disconnected: 0 };
  const factory: ViewportWatcherFactory = (callback) => {
    onNear = callback;
    counts.made++;
    return { observe: (el) => void observed.push(el), unobserve() {}, disconnect: () => void counts.disconnected++ };
  };
  return { factory, observed, counts, report: (els: Element[], inFrame?: boolean) => onNear(els, inFrame) };
}

const page = new PageState();
function pendingBlock(name: string): PendingBlock {
  const target = { name } as unknown as Element;
  const state = page.stateFor(target);
  const piece = {
    node: {} as Text,
    start: 0,
    end: name.length,
    text: name,
    id: name,
    category: '',
    first: true,
  } as Piece;
  return { state, target, matches: [{ entry: 0, pieces: [piece] }] };
}

/**
 * A drawing on a scheduler with a fake clock; `later` replaces the host's task queue (to run
 * the tasks one at a time). `waiting` hands it blocks to wait for, named as they are drawn.
 */
function setUp(later?: (slice: () => void) => void) {
  const clock = fakeSliceHost();
  const scheduler = new Scheduler(later ? { now: clock.host.now, later } : clock.host, 10);
  const viewport = manualViewport();
  const log: string[] = [];
  const drawing = createDrawing(loggingEngine(log), scheduler, viewport.factory, (write) => write());
  const waiting = <Names extends string[]>(...names: Names) =>
    names.map((name) => {
      const block = pendingBlock(name);
      drawing.wait(block);
      return block;
    }) as { [K in keyof Names]: PendingBlock };
  return { clock, scheduler, viewport, log, drawing, waiting };
}

describe('drawing and slices', () => {
  it('ends the slice that hands the watcher its first block, and only that one', () => {
    const { clock, scheduler, viewport, drawing } = setUp();
    function* read() {
      for (let step = 1; step <= 30; step++) {
        clock.advance(1);
        if (step === 3) drawing.wait(pendingBlock('a'));
        if (step === 6 || step === 16) drawing.wait(pendingBlock(`b${step}`));
        yield;
      }
    }
    scheduler.add(read(), PRIORITY.initial);
    // Without the first block the slices would be 10, 10, 10 ms.
    expect(clock.runAll()).toEqual([3, 10, 10, 7]);
    expect(viewport.observed).toHaveLength(3);
  });

  it('draws what a frame callback reports near in that callback, and reads on in a later task', () => {
    const { clock, scheduler, viewport, log, waiting } = setUp();
    const [shown, later] = waiting('shown', 'later');
    scheduler.add(work(clock, 5, 1, log, 'read'), PRIORITY.initial);
    viewport.report([shown.target], true);
    expect(log).toEqual(['draw shown']);
    // Reported by the observer's own callback: drawn in the scheduler's next slice, as before.
    viewport.report([later.target]);
    expect(log).toEqual(['draw shown']);
    clock.runAll();
    expect(log.slice(0, 2)).toEqual(['draw shown', 'draw later']);
    expect(log.filter((entry) => entry === 'read')).toHaveLength(5);
  });

  it('ends the slice once what came near is drawn, so reading goes on in a task of its own', () => {
    // Every task the scheduler asks for, run by the test one at a time, marked in the log.
    const tasks: (() => void)[] = [];
    const { clock, scheduler, viewport, log, waiting } = setUp((slice) => void tasks.push(slice));
    const [first, second] = waiting('first', 'second');
    scheduler.add(work(clock, 15, 1, log, 'read'), PRIORITY.initial);
    viewport.report([first.target, second.target]);
    while (tasks.length > 0) {
      tasks.shift()!();
      log.push('|');
    }
    const slices = log.join(' ').split(' | ');
    // Drawn together, in a slice that ends there; without that end, 10 ms of reading would follow.
    expect(slices[0]).toBe('draw first draw second');
    expect(
      slices
        .slice(1)
        .join(' ')
        .split(' ')
        .filter((entry) => entry === 'read'),
    ).toHaveLength(15);
  });
});

describe('the viewport watcher', () => {
  it('is made only once a block waits, so a page that names nothing never makes one', () => {
    const { clock, scheduler, viewport, drawing } = setUp();
    scheduler.add(work(clock, 5, 1, [], 'read'), PRIORITY.initial);
    clock.runAll();
    drawing.reset();
    drawing.disconnect();
    expect(viewport.counts).toEqual({ made: 0, disconnected: 0 });

    const again = setUp();
    again.waiting('first', 'second');
    expect(again.viewport.counts.made).toBe(1);
    // After a reset (new glossary or filters), a new one only when a block waits again.
    again.drawing.reset();
    expect(again.viewport.counts).toEqual({ made: 1, disconnected: 1 });
    again.waiting('third');
    expect(again.viewport.counts.made).toBe(2);
    expect(again.viewport.observed).toHaveLength(3);
  });
});
