// @vitest-environment jsdom
/**
 * The mixed engine's routing: which occurrences are marked and which painted. The two engines
 * are stand-ins that record what they are given; which text is item text is the test's choice.
 */
import { describe, expect, it } from 'vitest';
import type { HighlightEngine, Piece } from '../../../src/content/engine';
import { createMixedEngine } from '../../../src/content/mixed-engine';

/** An engine that records the text of the pieces it draws, and which nodes it has. */
function recorder(kind: HighlightEngine['kind']) {
  const drawn: string[] = [];
  const nodes = new Set<Text>();
  const engine: HighlightEngine = {
    kind,
    apply(pieces) {
      for (const piece of pieces) {
        drawn.push(piece.text);
        nodes.add(piece.node);
      }
    },
    remove(list) {
      for (const node of list) nodes.delete(node);
    },
    removeAll: () => nodes.clear(),
    *removeAllInSteps() {
      nodes.clear();
      yield undefined;
    },
    originalOf: () => undefined,
    has: (node) => nodes.has(node),
    locate: () => undefined,
    originalPoint: () => undefined,
  };
  return { engine, drawn };
}

function piece(node: Text, text: string, first = true): Piece {
  const start = node.data.indexOf(text);
  return { node, start, end: start + text.length, text, id: text.toLowerCase(), category: 'company', first };
}

describe('the mixed engine', () => {
  const itemText = new Set<Text>();
  const setUp = (canPaint = true) => {
    const marks = recorder('dom');
    const painter = recorder('highlight');
    let made = 0;
    const mixed = createMixedEngine({
      marks: marks.engine,
      painter: () => (canPaint ? (made++, painter.engine) : undefined),
      isItemText: (node) => itemText.has(node),
    });
    return { mixed, marks: marks.drawn, painted: painter.drawn, made: () => made };
  };
  const text = (data: string) => document.createTextNode(data);

  it('paints occurrences in item text, marks the rest, and makes the painter only when needed', () => {
    const plain = text('Nvidia and Baidu');
    const item = text('Tencent in a flex row');
    itemText.add(item);
    const { mixed, marks, painted, made } = setUp();
    mixed.apply([piece(plain, 'Nvidia'), piece(plain, 'Baidu')]);
    expect(made()).toBe(0);
    expect(mixed.paints?.()).toBe(false);
    mixed.apply([piece(plain, 'Baidu'), piece(item, 'Tencent')]);
    expect(marks).toEqual(['Nvidia', 'Baidu', 'Baidu']);
    expect(painted).toEqual(['Tencent']);
    expect(made()).toBe(1);
    expect(mixed.paints?.()).toBe(true);
    expect(mixed.has(item) && mixed.has(plain)).toBe(true);
  });

  it('paints a whole occurrence when any of its text nodes is item text', () => {
    const before = text('Nvi');
    const item = text('dia chips');
    itemText.add(item);
    const { mixed, marks, painted } = setUp();
    mixed.apply([piece(before, 'Nvi'), piece(item, 'dia', false)]);
    expect(painted).toEqual(['Nvi', 'dia']);
    expect(marks).toEqual([]);
  });

  it('keeps a painted text node painted, and a marked one marked', () => {
    const node = text('Nvidia and Baidu');
    const { mixed, marks, painted } = setUp();
    itemText.add(node);
    mixed.apply([piece(node, 'Nvidia')]);
    // The page's style changed since: the node still has a painted range, whose offsets a mark would move.
    itemText.delete(node);
    mixed.apply([piece(node, 'Baidu')]);
    expect(painted).toEqual(['Nvidia', 'Baidu']);
    const marked = text('OpenAI and Anthropic');
    mixed.apply([piece(marked, 'OpenAI')]);
    itemText.add(marked);
    mixed.apply([piece(marked, 'Anthropic')]);
    expect(marks).toEqual(['OpenAI', 'Anthropic']);
  });

  it('uses what it read ahead, and reads nothing when drawing those pieces', () => {
    const item = text('Tencent in a flex row');
    const plain = text('Nvidia in a paragraph');
    itemText.add(item);
    const asked: Text[] = [];
    const marks = recorder('dom');
    const painter = recorder('highlight');
    const mixed = createMixedEngine({
      marks: marks.engine,
      painter: () => painter.engine,
      isItemText: (node) => (asked.push(node), itemText.has(node)),
    });
    mixed.prepare?.([piece(item, 'Tencent'), piece(plain, 'Nvidia')]);
    expect(asked).toEqual([item, plain]);
    // The page's styles changed since: the answers read ahead still hold for this drawing.
    itemText.delete(item);
    mixed.apply([piece(item, 'Tencent'), piece(plain, 'Nvidia')]);
    expect(asked).toHaveLength(2);
    expect([painter.drawn, marks.drawn]).toEqual([['Tencent'], ['Nvidia']]);
  });

  it('marks item text where the browser cannot paint', () => {
    const item = text('Tencent in a flex row');
    itemText.add(item);
    const { mixed, marks, painted } = setUp(false);
    mixed.apply([piece(item, 'Tencent')]);
    expect(marks).toEqual(['Tencent']);
    expect(painted).toEqual([]);
  });
});
