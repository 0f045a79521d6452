import { describe, expect, it } from 'vitest';
import type { HighlightEngine } from '../../../src/content/engine';
import { RetiringEngines } from '../../../src/content/retiring-engines';
import { PRIORITY, Scheduler } from '../../../src/content/scheduler';
import { fakeSliceHost } from './fake-slice-host';

/**
 * An engine holding `count` highlights, each a node whose original is `originals[i]`; each
 * removal step takes one back and logs it. Its removal works from what is still drawn, as
 * the real engines' does.
 */
function fakeEngine(name: string, count: number, log: string[], tick: () => void) {
  const drawn = new Map<Node, Text>();
  for (let i = 0; i < count; i++)
    drawn.set({ name: `${name}${i}` } as unknown as Node, { data: `${name}${i}` } as Text);
  const nodes = [...drawn.keys()];
  const engine = {
    kind: 'dom',
    originalOf: (node: Node) => drawn.get(node),
    removeAll() {
      for (const node of drawn.keys())
        log.push(`${name}: removed ${(node as unknown as { name: string }).name} at once`);
      drawn.clear();
    },
    *removeAllInSteps(write: (change: () => void) => void) {
      for (const node of [...drawn.keys()]) {
        if (!drawn.has(node)) continue;
        write(() => {
          drawn.delete(node);
          log.push(`${name}: took back ${(node as unknown as { name: string }).name}`);
        });
        tick();
        yield undefined;
      }
    },
  } as unknown as HighlightEngine;
  return { engine, nodes };
}

function* read(name: string, steps: number, log: string[], tick: () => void): Generator<undefined, void> {
  for (let i = 0; i < steps; i++) {
    log.push(`${name} ${i}`);
    tick();
    yield undefined;
  }
}

/** Each step of the fakes below costs 1 ms of the fake clock: a 2 ms budget is two steps a slice. */
const tick = (clock: { advance(ms: number): void }) => () => clock.advance(1);

describe('RetiringEngines', () => {
  it('takes every highlight back before any read, queued before it or after, and keeps the nodes ours until then', () => {
    const log: string[] = [];
    const clock = fakeSliceHost();
    const scheduler = new Scheduler(clock.host, 2);
    const writes: string[] = [];
    const retiring = new RetiringEngines(scheduler, (change) => {
      writes.push('write');
      change();
    });
    const old = fakeEngine('old', 3, log, tick(clock));
    scheduler.add(read('first read', 2, log, tick(clock)), PRIORITY.initial);
    retiring.retire(old.engine);
    scheduler.add(read('changes', 1, log, tick(clock)), PRIORITY.changes);
    expect(retiring.busy).toBe(true);
    expect(retiring.originalOf(old.nodes[2]!)?.data).toBe('old2');
    clock.runAll();
    expect(log).toEqual([
      'old: took back old0',
      'old: took back old1',
      'old: took back old2',
      'changes 0',
      'first read 0',
      'first read 1',
    ]);
    expect(writes).toHaveLength(3);
    expect(retiring.busy).toBe(false);
    expect(retiring.originalOf(old.nodes[2]!)).toBeUndefined();
  });

  it('empties engines one after the other and restores nothing twice when retired again meanwhile', () => {
    const log: string[] = [];
    const clock = fakeSliceHost();
    const scheduler = new Scheduler(clock.host, 2);
    const retiring = new RetiringEngines(scheduler, (change) => change());
    const a = fakeEngine('a', 2, log, tick(clock));
    const b = fakeEngine('b', 2, log, tick(clock));
    retiring.retire(a.engine);
    retiring.retire(b.engine);
    retiring.retire(a.engine);
    clock.runAll();
    expect(log).toEqual(['a: took back a0', 'a: took back a1', 'b: took back b0', 'b: took back b1']);
    expect(retiring.busy).toBe(false);
  });

  it('takes back what is left at once on teardown; the queued removal then finds nothing', () => {
    const log: string[] = [];
    const clock = fakeSliceHost();
    const scheduler = new Scheduler(clock.host, 1);
    const retiring = new RetiringEngines(scheduler, (change) => change());
    const old = fakeEngine('old', 3, log, tick(clock));
    retiring.retire(old.engine);
    scheduler.runNow(); // One step within the 1 ms budget.
    retiring.removeAllNow();
    expect(retiring.busy).toBe(false);
    clock.runAll();
    expect(log).toEqual(['old: took back old0', 'old: removed old1 at once', 'old: removed old2 at once']);
  });
});
