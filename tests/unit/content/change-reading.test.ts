// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readChanges, type ChangeReader } from '../../../src/content/change-reading';
import type { ChangeBatch } from '../../../src/content/mutations';
import type { PageState } from '../../../src/content/page-state';

const batchOf = (change: Partial<ChangeBatch>): ChangeBatch => ({
  containers: [],
  added: [],
  removed: false,
  fought: [],
  excluded: [],
  ...change,
});

/**
 * A reader that logs what it is asked to do, in order ("forget p1", "read p1 shallow"), and a
 * page that knows the containers `known` (those not connected count as removed).
 */
function recorder(known: Node[] = [], readsPause = true) {
  const log: string[] = [];
  const name = (node: Node) => (node as Element).id || node.nodeName;
  const page = {
    states: new Map(known.map((node) => [node, {}])),
    strike: (container: Node) => log.push(`strike ${name(container)}`),
    disconnected: () => known.filter((node) => !node.isConnected),
  } as unknown as PageState;
  const reader: ChangeReader = {
    page,
    forget: (container) => void log.push(`forget ${name(container)}`),
    *read(region, shallow) {
      log.push(`read ${name(region)}${shallow ? ' shallow' : ''}`);
      if (readsPause) yield undefined;
    },
  };
  return { log, reader };
}

/** Runs the steps to the end; returns how many times they yielded. */
function run(steps: Generator<undefined, void>): number {
  let yields = 0;
  while (!steps.next().done) yields++;
  return yields;
}

function elements(html: string): Record<string, HTMLElement> {
  document.body.innerHTML = html;
  return Object.fromEntries([...document.querySelectorAll<HTMLElement>('[id]')].map((el) => [el.id, el]));
}

describe('readChanges', () => {
  it('lets every changed container go before reading any of them again', () => {
    // Text the page moved from a to b must leave a before b is read, or it is counted twice.
    const { a, b, gone } = elements('<p id="a">x</p><p id="b">y</p><p id="gone">z</p>');
    gone!.remove();
    const { log, reader } = recorder();
    run(readChanges(batchOf({ containers: [a!, b!, gone!] }), reader));
    expect(log).toEqual(['forget a', 'forget b', 'forget gone', 'read a shallow', 'read b shallow']);
  });

  it('reads an added element once, with the added element it sits in, and nothing the page took out again', () => {
    const { outer, inner, deeper, other, dropped } = elements(
      '<div id="outer"><p id="inner"><b id="deeper">x</b></p></div><p id="other">y</p><p id="dropped">z</p>',
    );
    dropped!.remove();
    const { log, reader } = recorder();
    run(readChanges(batchOf({ added: [deeper!, inner!, outer!, other!, dropped!] }), reader));
    expect(log).toEqual(['read outer', 'read other']);
  });

  it('forgets the containers inside an element that became an editor, and only those', () => {
    const { editor, inside, outside } = elements('<div id="editor"><p id="inside">x</p></div><p id="outside">y</p>');
    const { log, reader } = recorder([inside!, outside!]);
    run(readChanges(batchOf({ excluded: [editor!] }), reader));
    expect(log).toEqual(['forget inside']);
  });

  it('forgets the containers in the shadow tree of a host that became an editor, as a walk would not enter it', () => {
    const { host, outside } = elements('<div id="host"></div><p id="outside">y</p>');
    const shadow = host!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="inside">x</p>';
    const { log, reader } = recorder([shadow.getElementById('inside')!, outside!]);
    run(readChanges(batchOf({ excluded: [host!] }), reader));
    expect(log).toEqual(['forget inside']);
  });

  it('strikes the containers where the page took highlights back, and forgets containers removed from the page', () => {
    const { fought, kept, removed } = elements('<p id="fought">x</p><p id="kept">y</p><p id="removed">z</p>');
    removed!.remove();
    const { log, reader } = recorder([fought!, kept!, removed!]);
    run(readChanges(batchOf({ fought: [fought!], removed: true }), reader));
    expect(log).toEqual(['strike fought', 'forget removed']);
    // Without `removed` in the batch, nothing is looked for.
    const second = recorder([removed!]);
    run(readChanges(batchOf({}), second.reader));
    expect(second.log).toEqual([]);
  });

  it('lets go of many containers in bounded steps, not in one', () => {
    const html = Array.from({ length: 200 }, (_, i) => `<p id="p${i}">x</p>`).join('');
    const containers = Object.values(elements(html));
    const { log, reader } = recorder();
    const steps = readChanges(batchOf({ containers }), reader);
    let yieldsBeforeFirstRead = 0;
    while (!steps.next().done && !log.some((line) => line.startsWith('read'))) yieldsBeforeFirstRead++;
    expect(yieldsBeforeFirstRead).toBe(3); // After 64, 128 and 192 of the 200.
    expect(log.filter((line) => line.startsWith('forget'))).toHaveLength(200);
  });

  it('pauses between small regions that never pause themselves: many added rows are not read in one step', () => {
    const html = Array.from({ length: 100 }, (_, i) => `<div id="r${i}">row</div>`).join('');
    const rows = Object.values(elements(html));
    const { log, reader } = recorder([], false);
    const steps = readChanges(batchOf({ added: rows, containers: rows.slice(0, 40) }), reader);
    const readsPerStep: number[] = [];
    for (let done = false, before = 0; !done; before = log.length) {
      done = steps.next().done === true;
      readsPerStep.push(log.slice(before).filter((line) => line.startsWith('read')).length);
    }
    expect(readsPerStep.reduce((sum, n) => sum + n)).toBe(140);
    expect(Math.max(...readsPerStep)).toBeLessThanOrEqual(16);
  });

  it('forgets what lies inside thousands of elements moved into an editor by looking up, not across', () => {
    const html = `<div id="editor">${Array.from({ length: 2000 }, (_, i) => `<p id="e${i}">x</p>`).join('')}</div><p id="out">y</p>`;
    const all = elements(html);
    const inside = Object.keys(all).filter((id) => id.startsWith('e') && id !== 'editor');
    const { log, reader } = recorder([...inside.map((id) => all[id]!), all.out!]);
    let contains = 0;
    const original = Node.prototype.contains;
    Node.prototype.contains = function (this: Node, other: Node | null) {
      contains++;
      return original.call(this, other);
    };
    try {
      const yields = run(readChanges(batchOf({ excluded: [all.editor!, ...inside.map((id) => all[id]!)] }), reader));
      expect(yields).toBeGreaterThan(0);
    } finally {
      Node.prototype.contains = original;
    }
    expect(log).toHaveLength(2000);
    expect(log).not.toContain('forget out');
    expect(contains).toBeLessThan(10_000); // Each editor testing each container: 4 million.
  });

  it('does not read what the page moved into an editor while the batch was being read', () => {
    const html = Array.from({ length: 40 }, (_, i) => `<div id="r${i}">row</div>`).join('');
    const all = elements(`${html}<div id="editor" contenteditable="true"></div>`);
    const rows = Array.from({ length: 40 }, (_, i) => all[`r${i}`]!);
    let count = 1;
    const { log, reader } = recorder([], false);
    const steps = readChanges(batchOf({ added: rows }), { ...reader, changeCount: () => count });
    steps.next(); // The first 16 rows read, then a pause, in which the page moves the last ten.
    all.editor!.append(...rows.slice(30));
    count++;
    run(steps);
    const read = log.filter((line) => line.startsWith('read')).map((line) => line.slice('read '.length));
    expect(read).toEqual(rows.slice(0, 30).map((row) => row.id));
  });
});
