// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Piece } from '../../../src/content/engine';
import { createHighlightEngine, supportsHighlights } from '../../../src/content/highlight-engine';
import { luminanceOf } from '../../../src/content/painted-text-colour';
import { installFakeHighlights, paintedText } from './fake-highlights';

let fake: ReturnType<typeof installFakeHighlights>;
beforeEach(() => {
  document.body.innerHTML = '<p id="a">Nvidia and Tencent and Nvidia</p><p id="b">月之<em>暗面</em></p>';
  fake = installFakeHighlights(window);
});
afterEach(() => fake.uninstall());

const win = () => window as Window & typeof globalThis;
const textOf = (id: string) => document.getElementById(id)!.firstChild as Text;
function piece(node: Text, start: number, end: number, id = 'nvidia', category = 'company', first = true): Piece {
  return { node, start, end, text: node.data.slice(start, end), id, category, first };
}

describe('highlight engine', () => {
  it('paints pieces into one highlight per category and leaves the DOM alone', () => {
    const a = textOf('a');
    const before = document.body.innerHTML;
    const observer = new MutationObserver(() => {});
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const engine = createHighlightEngine(document, win());
    engine.apply([piece(a, 0, 6), piece(a, 11, 18, 'tencent'), piece(a, 23, 29)]);
    engine.apply([piece(a, 0, 6, 'llm', 'technology')]); // overlaps a painted piece: ignored
    expect(paintedText(fake.registry)).toEqual({ 'columnlens-company': ['Nvidia', 'Tencent', 'Nvidia'] });
    expect(observer.takeRecords()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    expect(engine.has(a)).toBe(true);
    expect(engine.originalOf(a)).toBeUndefined();
  });

  it('has each tree adopt the painted rules from the first range painted in it until all are taken back', () => {
    const a = textOf('a');
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nvidia</p>';
    const inShadow = shadow.querySelector('p')!.firstChild as Text;
    const log: string[] = [];
    const styles = {
      adopt: (root: Document | ShadowRoot) =>
        log.push(root === document ? 'document' : root === shadow ? 'shadow' : 'other'),
      release: () => log.push('release'),
    };
    const engine = createHighlightEngine(document, win(), styles);
    expect(log).toEqual([]); // nothing painted, nothing for the page's style recalculations to resolve
    const b = textOf('b');
    const hans = document.querySelector('#b em')!.firstChild as Text;
    engine.apply([piece(a, 0, 6), piece(a, 11, 18, 'tencent', 'organization'), piece(b, 0, 2, 'moonshot')]);
    expect(log).toEqual(['document']); // once per tree and batch; the adopter keeps one sheet per tree
    engine.apply([piece(a, 23, 29)]);
    expect(log).toEqual(['document']); // a node already painted: its tree has been asked
    engine.apply([piece(inShadow, 0, 6)]);
    expect(log).toEqual(['document', 'shadow']); // a shadow tree sees none of the document's rules
    // A later batch of new nodes asks again, so rules the page dropped meanwhile come back.
    engine.apply([piece(hans, 0, 2, 'moonshot')]);
    expect(log).toEqual(['document', 'shadow', 'document']);
    engine.remove([a]);
    expect(log).toHaveLength(3);
    engine.removeAll();
    expect(log).toEqual(['document', 'shadow', 'document', 'release']);
    engine.apply([piece(a, 0, 6)]);
    expect(log.at(-1)).toBe('document');
  });

  it('ignores pieces whose text changed, accepts pieces out of order', () => {
    const a = textOf('a');
    const engine = createHighlightEngine(document, win());
    const stale = piece(a, 0, 6);
    a.data = 'Navidia and Tencent and Nvidia';
    engine.apply([stale, piece(a, 24, 30), piece(a, 12, 19, 'tencent', 'company')]);
    expect(paintedText(fake.registry)['columnlens-company']).toEqual(['Nvidia', 'Tencent']);
    expect(engine.hitTest!(a, 13)?.id).toBe('tencent');
    expect(engine.hitTest!(a, 25)?.id).toBe('nvidia');
  });

  it('finds the highlight under a text position, the same key for the same highlight', () => {
    const a = textOf('a');
    const engine = createHighlightEngine(document, win());
    engine.apply([piece(a, 0, 6), piece(a, 11, 18, 'tencent')]);
    const hit = engine.hitTest!(a, 2)!;
    expect(hit.id).toBe('nvidia');
    expect(hit.range.toString()).toBe('Nvidia');
    expect(engine.hitTest!(a, 5)!.key).toBe(hit.key);
    expect(engine.hitTest!(a, 6)).toBeUndefined();
    expect(engine.hitTest!(a, 8)).toBeUndefined();
    expect(engine.hitTest!(textOf('b'), 0)).toBeUndefined();
    expect(hit.alive()).toBe(true);
    engine.remove([a]);
    expect(hit.alive()).toBe(false);
    expect(engine.hitTest!(a, 2)).toBeUndefined();
    expect(fake.registry.get('columnlens-company')!.size).toBe(0);
  });

  it('locates an occurrence across elements as one range', () => {
    const b1 = textOf('b');
    const b2 = document.querySelector('#b em')!.firstChild as Text;
    const engine = createHighlightEngine(document, win());
    const pieces = [piece(b1, 0, 2, 'moonshot-ai'), { ...piece(b2, 0, 2, 'moonshot-ai'), first: false }];
    expect(engine.locate(pieces)).toBeUndefined();
    engine.apply(pieces);
    const found = engine.locate(pieces)!;
    expect(found.element).toBeUndefined();
    expect(found.range.toString()).toBe('月之暗面');
    expect(found.alive?.()).toBe(true);
  });

  it('removes only its own registrations', () => {
    const a = textOf('a');
    const engine = createHighlightEngine(document, win());
    engine.apply([piece(a, 0, 6), piece(a, 11, 18, 'llm', 'technology')]);
    const pages = new Set<AbstractRange>();
    fake.registry.set('search-results', pages);
    // The page took over one of our names meanwhile: that entry is the page's now.
    const replaced = new Set<AbstractRange>();
    fake.registry.set('columnlens-technology', replaced);
    engine.removeAll();
    expect([...fake.registry.keys()].sort()).toEqual(['columnlens-technology', 'search-results']);
    expect(fake.registry.get('columnlens-technology')).toBe(replaced);
    expect(engine.has(a)).toBe(false);
  });

  it('paints a text node with thousands of pieces over several steps', () => {
    const p = document.createElement('pre');
    p.textContent = 'Nvidia '.repeat(5_000);
    document.body.append(p);
    const node = p.firstChild as Text;
    const engine = createHighlightEngine(document, win());
    const pieces = Array.from({ length: 5_000 }, (_, i) => piece(node, i * 7, i * 7 + 6));
    let writes = 0;
    const steps = [...engine.applyInSteps!(pieces, (change) => (writes++, change()))];
    expect(steps.length).toBeGreaterThan(1);
    expect(writes).toBe(steps.length);
    expect(fake.registry.get('columnlens-company')!.size).toBe(5_000);
    expect(engine.hitTest!(node, 7 * 4_999 + 3)?.id).toBe('nvidia');
  });

  it('is supported only where the API exists', () => {
    expect(supportsHighlights(window)).toBe(true);
    fake.uninstall();
    expect(supportsHighlights(window)).toBe(false);
  });
});

describe('highlight engine on light text', () => {
  it('paints text set in a light colour with its category’s -light highlight, and dark or grey text without', async () => {
    document.body.innerHTML =
      '<p id="dark" style="color: #e6e6e6">Nvidia</p><p id="grey" style="color: #999999">Nvidia</p><p id="plain">Nvidia</p>';
    const engine = createHighlightEngine(document, win());
    engine.apply([piece(textOf('dark'), 0, 6), piece(textOf('grey'), 0, 6), piece(textOf('plain'), 0, 6)]);
    // Sorted by their text's colour once the page's style is computed, after the next frame.
    expect(paintedText(fake.registry)).toEqual({ 'columnlens-company': ['Nvidia', 'Nvidia', 'Nvidia'] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(paintedText(fake.registry)).toEqual({
      'columnlens-company-light': ['Nvidia'],
      'columnlens-company': ['Nvidia', 'Nvidia'],
    });
    engine.removeAll();
    expect(paintedText(fake.registry)).toEqual({});
  });

  it('sorts its names again when the page switches its theme, both ways, and keeps them through other changes', async () => {
    document.body.innerHTML =
      '<style>html.dark #a, body[data-theme="dark"] #a { color: #e6e6e6 }</style><p id="a">Nvidia</p><p id="b">Nvidia</p>';
    const engine = createHighlightEngine(document, win());
    engine.apply([piece(textOf('a'), 0, 6), piece(textOf('b'), 0, 6)]);
    const frame = () => new Promise((resolve) => setTimeout(resolve, 50));
    await frame();
    expect(paintedText(fake.registry)).toEqual({ 'columnlens-company': ['Nvidia', 'Nvidia'] });
    document.documentElement.classList.add('dark');
    await frame();
    expect(paintedText(fake.registry)).toEqual({
      'columnlens-company': ['Nvidia'],
      'columnlens-company-light': ['Nvidia'],
    });
    document.body.classList.add('scrolled'); // no colour changes
    await frame();
    expect(paintedText(fake.registry)['columnlens-company-light']).toEqual(['Nvidia']);
    document.documentElement.classList.remove('dark');
    await frame();
    expect(paintedText(fake.registry)).toEqual({
      'columnlens-company': ['Nvidia', 'Nvidia'],
      'columnlens-company-light': [],
    });
    document.body.setAttribute('data-theme', 'dark');
    await frame();
    expect(paintedText(fake.registry)['columnlens-company-light']).toEqual(['Nvidia']);
    engine.removeAll();
    document.body.removeAttribute('data-theme');
    document.documentElement.classList.add('dark');
    await frame();
    expect(paintedText(fake.registry)).toEqual({});
    document.documentElement.classList.remove('dark');
  });

  it('follows a theme switched on a wrapper inside the body that holds a few of many names', async () => {
    // 120 names outside the wrapper: a sample of the whole page could miss the two inside.
    const outside = Array.from({ length: 120 }, (_, i) => `<p id="o${i}">Nvidia</p>`).join('');
    document.body.innerHTML =
      '<style>#app.dark p { color: #e6e6e6 }</style>' +
      `${outside}<div id="app"><section><p id="in">Nvidia</p></section></div>`;
    const engine = createHighlightEngine(document, win());
    engine.apply([...Array.from({ length: 120 }, (_, i) => piece(textOf(`o${i}`), 0, 6)), piece(textOf('in'), 0, 6)]);
    const frame = () => new Promise((resolve) => setTimeout(resolve, 50));
    const light = () => paintedText(fake.registry)['columnlens-company-light'] ?? [];
    await frame();
    expect(light()).toEqual([]);
    document.getElementById('app')!.classList.add('dark');
    await vi.waitFor(() => expect(light()).toEqual(['Nvidia']));
    document.getElementById('app')!.classList.add('wide'); // no colour changes
    await frame();
    expect(light()).toEqual(['Nvidia']);
    document.getElementById('app')!.classList.remove('dark');
    await vi.waitFor(() => expect(light()).toEqual([]));
    engine.removeAll();
  });

  it('reads the luminance of computed colours, and nothing from forms it does not know', () => {
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminanceOf('rgba(0, 0, 0, 0.5)')).toBe(0);
    expect(luminanceOf('rgb(153, 153, 153)')).toBeCloseTo(0.318, 2);
    expect(luminanceOf('color(srgb 1 1 1)')).toBeUndefined();
  });
});
