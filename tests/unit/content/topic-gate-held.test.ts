// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { TopicGate } from '../../../src/content/topic-gate';

const everyday = [{ start: 0, end: 4, entry: 1, generic: true as const }];
const named = [{ start: 0, end: 6, entry: 0 }];

describe('the topic gate’s held containers', () => {
  it('are handed back once, in the order held, when a name that is not an everyday word comes', () => {
    const gate = new TopicGate();
    const [a, b] = [document.createElement('p'), document.createElement('p')];
    document.body.append(a, b);
    expect(gate.opensWith(everyday)).toBeUndefined();
    gate.hold(a);
    gate.hold(b);
    gate.hold(a);
    expect(gate.open).toBe(false);
    expect(gate.opensWith(named)).toEqual([a, b]);
    expect(gate.open).toBe(true);
    expect(gate.opensWith(named)).toBeUndefined();
    gate.clear();
    expect(gate.open).toBe(false);
    expect(gate.opensWith(named)).toEqual([]);
  });

  it('let go of those the page removed, on a feed that never names the column’s subject', () => {
    const gate = new TopicGate();
    const kept = document.createElement('p');
    document.body.append(kept);
    gate.hold(kept);
    // An endless feed: each item shown, held, then removed.
    for (let i = 0; i < 5_000; i++) {
      const item = document.createElement('p');
      document.body.append(item);
      gate.hold(item);
      item.remove();
    }
    const held = gate.opensWith(named)!;
    expect(held[0]).toBe(kept);
    expect(held.length).toBeLessThan(1_100);
  });
});
