// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createDomEngine } from '../../../src/content/dom-engine';
import type { Piece } from '../../../src/content/engine';

function piece(node: Text, start: number, end: number, id = 'nvidia', first = true): Piece {
  return { node, start, end, text: node.data.slice(start, end), id, category: 'company', first };
}

function recordsDuring(run: () => void): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(document.body, { childList: true, characterData: true, subtree: true });
  run();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('DOM engine', () => {
  it('wraps pieces in marks with the entry id, category and a keyboard stop on the first piece', () => {
    document.body.innerHTML = '<p>Nvidia and 英伟达</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 0, 6), piece(text, 11, 14)]);
    const marks = [...document.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Nvidia', '英伟达']);
    expect(marks[0]!.getAttribute('data-glossary-id')).toBe('nvidia');
    expect(marks[0]!.getAttribute('data-category')).toBe('company');
    expect(marks[0]!.className).toBe('columnlens-mark');
    expect(marks[0]!.hasAttribute('data-columnlens-start')).toBe(true);
    expect(marks[0]!.getAttribute('tabindex')).toBe('-1');
    expect(document.querySelector('p')!.textContent).toBe('Nvidia and 英伟达');
  });

  it('builds one fragment per text node, not one split per match', () => {
    document.body.innerHTML = '<p>Nvidia, Nvidia, Nvidia, Nvidia and more</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = createDomEngine(document);
    const records = recordsDuring(() => engine.apply([0, 8, 16, 24].map((s) => piece(text, s, s + 6))));
    expect(document.querySelectorAll('mark')).toHaveLength(4);
    // One insertion of the fragment, one data change of the original: nothing per match.
    expect(records.filter((r) => r.type === 'childList')).toHaveLength(1);
    expect(records.filter((r) => r.type === 'characterData')).toHaveLength(1);
  });

  it('removes every mark and restores the original nodes, data and innerHTML exactly', () => {
    document.body.innerHTML = '<p>Moonshot <b>AI</b> and 月之<em>暗面</em> raised money.</p><p>Nvidia</p>';
    const before = document.body.innerHTML;
    const originals = [...document.querySelectorAll('p, b, em')].flatMap((el) => [...el.childNodes]);
    const [p1, b, em, p2] = ['p', 'b', 'em', 'p + p'].map((sel) => document.querySelector(sel)!.firstChild as Text);
    const p1b = document.querySelector('p')!.childNodes[2] as Text; // " and 月之"
    const engine = createDomEngine(document);
    engine.apply([
      piece(p1!, 0, 9, 'moonshot-ai', true),
      piece(b!, 0, 2, 'moonshot-ai', false),
      piece(p1b, 5, 7, 'moonshot-ai', true),
      piece(em!, 0, 2, 'moonshot-ai', false),
      piece(p2!, 0, 6),
    ]);
    expect(document.querySelectorAll('mark')).toHaveLength(5);
    expect(document.body.innerHTML).not.toBe(before);
    engine.removeAll();
    expect(document.body.innerHTML).toBe(before);
    const after = [...document.querySelectorAll('p, b, em')].flatMap((el) => [...el.childNodes]);
    expect(after).toHaveLength(originals.length);
    after.forEach((node, i) => expect(node).toBe(originals[i]));
    expect(engine.has(p1!)).toBe(false);
  });

  it('keeps the page’s adjacent text nodes apart (no normalize)', () => {
    const p = document.createElement('p');
    const a = document.createTextNode('Nvid');
    const b = document.createTextNode('ia and Nvidia');
    p.append(a, b);
    document.body.append(p);
    const engine = createDomEngine(document);
    engine.apply([piece(b, 7, 13)]);
    engine.removeAll();
    expect([...p.childNodes]).toEqual([a, b]);
    expect(a.data).toBe('Nvid');
    expect(b.data).toBe('ia and Nvidia');
  });

  it('draws later pieces of the same node in later calls (lazy drawing), and restores all', () => {
    document.body.innerHTML = '<p>Nvidia one Nvidia two Nvidia three</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const before = document.body.innerHTML;
    const engine = createDomEngine(document);
    const [one, two, three] = [piece(text, 0, 6), piece(text, 11, 17), piece(text, 22, 28)];
    engine.apply([two]);
    engine.apply([three, one]);
    engine.apply([two]); // already drawn: ignored
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Nvidia', 'Nvidia', 'Nvidia']);
    expect(document.querySelector('p')!.textContent).toBe('Nvidia one Nvidia two Nvidia three');
    engine.removeAll();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('p')!.firstChild).toBe(text);
  });

  it('ignores pieces whose text changed since it was read', () => {
    document.body.innerHTML = '<p>Nvidia</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const stale = piece(text, 0, 6);
    text.data = 'NVIDIA';
    createDomEngine(document).apply([stale]);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
  });

  it('leaves the page’s version when the page rewrote a wrapped text node', () => {
    document.body.innerHTML = '<p>Price of Nvidia: 100</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 9, 15)]);
    text.data = 'Price of Nvidia: 101'; // a framework updates the node it owns
    engine.removeAll();
    expect(document.querySelector('p')!.textContent).toBe('Price of Nvidia: 101');
    expect(document.querySelector('p')!.childNodes).toHaveLength(1);
  });

  it('removes its own nodes when the page removed the wrapped text node', () => {
    document.body.innerHTML = '<p>Nvidia rises</p>';
    const p = document.querySelector('p')!;
    const text = p.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 0, 6)]);
    p.removeChild(text); // works: the original is still the page's child
    engine.removeAll();
    expect(p.childNodes).toHaveLength(0);
  });

  it('gives a text node the page moved elsewhere its whole text, though the page then cleared its old place', () => {
    // The page holds its text node, moves it to another element, then empties the element it
    // was in: the highlight's text, kept in our nodes there, must go with the page's node.
    document.body.innerHTML = '<p><b>Arm and Nvidia</b></p><div></div>';
    const b = document.querySelector('b')!;
    const text = b.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 0, 3, 'arm'), piece(text, 8, 14)]);
    expect(text.data).toBe(''); // the first highlight starts the node: ours hold all its text
    document.querySelector('div')!.appendChild(text);
    b.textContent = 'gone';
    engine.removeAll();
    expect(document.body.innerHTML).toBe('<p><b>gone</b></p><div>Arm and Nvidia</div>');
    expect(document.querySelector('div')!.firstChild).toBe(text);
  });

  it('keeps text the page edited inside a mark, dropping only the mark element', () => {
    document.body.innerHTML = '<p>About Nvidia today</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 6, 12)]);
    (document.querySelector('mark')!.firstChild as Text).data = 'NVDA';
    engine.removeAll();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.querySelector('p')!.textContent).toBe('About NVDA today');
  });

  it('names the original a node of its own was made from', () => {
    document.body.innerHTML = '<p>x Nvidia y</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const engine = createDomEngine(document);
    engine.apply([piece(text, 2, 8)]);
    expect(engine.originalOf(document.querySelector('mark')!)).toBe(text);
    expect(engine.originalOf(text)).toBeUndefined();
  });

  it('builds a giant text node’s marks over several steps and writes them once', () => {
    const p = document.createElement('p');
    p.textContent = Array.from({ length: 3000 }, (_, i) => `entry ${i}: Nvidia; `).join('');
    document.body.append(p);
    const before = document.body.innerHTML;
    const text = p.firstChild as Text;
    const pieces: Piece[] = [];
    for (let at = text.data.indexOf('Nvidia'); at >= 0; at = text.data.indexOf('Nvidia', at + 1))
      pieces.push(piece(text, at, at + 6));
    const engine = createDomEngine(document);
    let writes = 0;
    let steps = 0;
    const records = recordsDuring(() => {
      for (const _ of engine.applyInSteps!(pieces, (change) => (writes++, change()))) steps++;
    });
    expect(steps).toBeGreaterThan(5);
    expect(writes).toBe(1);
    expect(records.filter((r) => r.type === 'childList')).toHaveLength(1);
    expect(document.querySelectorAll('mark')).toHaveLength(3000);
    engine.removeAll();
    expect(document.body.innerHTML).toBe(before);
    expect(p.firstChild).toBe(text);
  });

  it('drops a gradual draw when the page changes the text before it is written', () => {
    document.body.innerHTML = `<p>${'Nvidia '.repeat(1000)}</p>`;
    const text = document.querySelector('p')!.firstChild as Text;
    const pieces = Array.from({ length: 1000 }, (_, i) => piece(text, i * 7, i * 7 + 6));
    const engine = createDomEngine(document);
    const steps = engine.applyInSteps!(pieces, (change) => change());
    steps.next();
    text.data = 'rewritten by the page';
    for (let s = steps.next(); !s.done; s = steps.next());
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.querySelector('p')!.textContent).toBe('rewritten by the page');
  });
});
