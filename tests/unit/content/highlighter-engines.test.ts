// @vitest-environment jsdom
/**
 * The highlighter with the highlight engine (forced, or chosen by "auto"): the same summary,
 * reveal, density and categories as with marks, and a page DOM that never changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_LIMITS, startingEngine } from '../../../src/content/engine-choice';
import type { Occurrence } from '../../../src/content/engine';
import type { Highlighter } from '../../../src/content/highlighter';
import { installFakeHighlights, paintedText } from './fake-highlights';
import { ALL, manualViewport, start } from './harness';

const PAGE = `
  <h1>輝達與月之<em>暗面</em></h1>
  <p>英伟达 and Nvidia back Moonshot <b>AI</b>.</p>
  <p>大语言模型 and LLM.</p>`;

let fake: ReturnType<typeof installFakeHighlights>;
let highlighter: Highlighter | undefined;
beforeEach(() => {
  document.body.innerHTML = PAGE;
  fake = installFakeHighlights(window);
});
afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
  fake.uninstall();
});

/** Every text node under the body, in order. */
function textNodes(): Node[] {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.body, 4);
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

describe('highlighter with the highlight engine', () => {
  it('paints every occurrence near the viewport, counts them all, and never changes the DOM', async () => {
    const before = document.body.innerHTML;
    const nodes = textNodes();
    // Painted like marks: as text nears the viewport.
    const viewport = manualViewport();
    ({ highlighter } = await start({ engineChoice: 'highlight', viewport: viewport.factory }));
    expect(highlighter.engineKind).toBe('highlight');
    expect(fake.registry.size).toBe(0);
    viewport.bringNear(...viewport.watched);
    await highlighter.idle();
    expect(paintedText(fake.registry)).toEqual({
      'columnlens-company': ['輝達', '月之', '暗面', '英伟达', 'Nvidia', 'Moonshot ', 'AI'],
      'columnlens-technology': ['大语言模型', 'LLM'],
    });
    expect(highlighter.summary()).toEqual({ nvidia: 3, 'moonshot-ai': 2, llm: 2 });
    expect(document.body.innerHTML).toBe(before);
    highlighter.stop();
    expect(fake.registry.size).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
  });

  it('follows density and hidden categories', async () => {
    ({ highlighter } = await start({
      engineChoice: 'highlight',
      filters: { density: 'first', hiddenCategories: new Set(['technology']) },
    }));
    expect(paintedText(fake.registry)).toEqual({ 'columnlens-company': ['輝達', '月之', '暗面'] });
    expect(highlighter.summary().llm).toBe(2);
  });

  it('reveals and navigates occurrences as ranges, with no element', async () => {
    const visit = vi.fn<(o: Occurrence) => void>();
    ({ highlighter } = await start({ engineChoice: 'highlight', visit }));
    expect(highlighter.reveal('moonshot-ai')).toBe(true);
    expect(highlighter.reveal('moonshot-ai')).toBe(true);
    const visited = visit.mock.calls.map(([o]) => [o.id, o.element, o.range.toString()]);
    expect(visited).toEqual([
      ['moonshot-ai', undefined, '月之暗面'],
      ['moonshot-ai', undefined, 'Moonshot AI'],
    ]);
    const first = highlighter.nextOccurrence(undefined, 'next')!;
    const { startContainer, startOffset } = first.range;
    expect(highlighter.nextOccurrence({ node: startContainer, offset: startOffset }, 'next')?.range.toString()).toBe(
      '月之暗面',
    );
    const hit = highlighter.hitTest(startContainer, startOffset + 1);
    expect(hit?.id).toBe('nvidia');
  });
});

describe('automatic engine choice', () => {
  it('hands a page over to painted highlights at a giant text node, restoring the DOM', async () => {
    const filler = 'plain words here. '.repeat(Math.ceil(AUTO_LIMITS.textNode / 18));
    const rows = Array.from({ length: 400 }, (_, i) => `<p>${i}: Nvidia and LLM</p>`);
    document.body.innerHTML = `${rows.join('')}<div>${filler}Nvidia</div>`;
    const before = document.body.innerHTML;
    const nodes = textNodes();
    // Everything counts as near the viewport here: marks are drawn as reading goes, until it
    // reaches the giant text node and the page is handed over.
    let marksBeforeSwitch = 0;
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'MARK') marksBeforeSwitch++;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    observer.disconnect();
    expect(marksBeforeSwitch).toBeGreaterThan(0);
    expect(highlighter.engineKind).toBe('highlight');
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
    textNodes().forEach((node, i) => expect(node).toBe(nodes[i]));
    const painted = paintedText(fake.registry);
    expect(painted['columnlens-company']).toHaveLength(rows.length + 1);
    expect(painted['columnlens-technology']).toHaveLength(rows.length);
    expect(highlighter.summary()).toEqual({ nvidia: rows.length + 1, llm: rows.length });
  });

  it('keeps marks on an ordinary page, and where the browser cannot paint highlights', async () => {
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('dom');
    expect(document.querySelectorAll('mark[data-columnlens-start]')).toHaveLength(7);
    highlighter.stop();
    fake.uninstall();
    ({ highlighter } = await start({ engineChoice: 'highlight', filters: ALL }));
    expect(highlighter.engineKind).toBe('dom');
  });

  it('switches for a giant text node, unless it is one unbroken line', async () => {
    const filler = 'plain words here. '.repeat(Math.ceil(AUTO_LIMITS.textNode / 18));
    document.body.innerHTML = `<pre style="white-space: nowrap">${filler}Nvidia</pre>`;
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('dom');
    highlighter.stop();
    document.body.innerHTML = `<div>${filler}Nvidia</div>`;
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('highlight');
  });

  it('switches for giant text made of many text nodes in one element (a log appended line by line)', async () => {
    const line = (i: number) =>
      `${String(i).padStart(7, '0')} worker finished job ${i * 7919}${i % 500 === 0 ? ' (Nvidia driver)' : ''}\n`;
    const appendLog = (lines: number) => {
      document.body.innerHTML = '<pre id="log"></pre>';
      const pre = document.getElementById('log')!;
      for (let i = 0; i < lines; i++) pre.append(document.createTextNode(line(i)));
      return pre;
    };
    // Many nodes, but little text in all: ordinary.
    appendLog(1_000);
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('dom');
    highlighter.stop();
    // Over the characters of a giant text node in all, one node per line: painted.
    const pre = appendLog(Math.ceil(AUTO_LIMITS.textNode / 30) + 1_000);
    expect(pre.textContent!.length).toBeGreaterThan(AUTO_LIMITS.textNode);
    const nodes = [...pre.childNodes];
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('highlight');
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect([...pre.childNodes]).toEqual(nodes);
  });

  it('measures a run of text only in an element of more child nodes than the limit', async () => {
    // Giant text in all, in nodes of ordinary size: a run only past `runNodes` of them.
    const piece = 'x'.repeat(Math.ceil(AUTO_LIMITS.textNode / AUTO_LIMITS.runNodes)) + ' Nvidia ';
    const fill = (nodes: number) => {
      document.body.innerHTML = '<div id="run"></div>';
      const run = document.getElementById('run')!;
      for (let i = 0; i < nodes; i++) run.append(document.createTextNode(piece));
      expect(run.textContent!.length).toBeGreaterThan(AUTO_LIMITS.textNode);
    };
    fill(AUTO_LIMITS.runNodes);
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('dom');
    highlighter.stop();
    fill(AUTO_LIMITS.runNodes + 1);
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.engineKind).toBe('highlight');
  });

  it('counts the child nodes of elements with names without building their child lists', async () => {
    // `childNodes` makes a live list that Chromium keeps with each element asked: 7.5–12.5 ms
    // for the 3,000 paragraphs of the generated page, which name the glossary.
    document.body.innerHTML = Array.from(
      { length: 50 },
      (_, i) => `<p>Paragraph ${i} on <b>Nvidia</b> and LLM.</p>`,
    ).join('');
    const childLists = vi.spyOn(window.Node.prototype, 'childNodes', 'get');
    ({ highlighter } = await start({ engineChoice: 'auto' }));
    expect(highlighter.summary()).toEqual({ nvidia: 50, llm: 50 });
    expect(childLists).not.toHaveBeenCalled();
    childLists.mockRestore();
  });

  it('starts with painted highlights on a document of more elements than the limit', () => {
    const doc = document.implementation.createHTMLDocument();
    const fill = (count: number) => doc.body.append(...Array.from({ length: count }, () => doc.createElement('i')));
    fill(2_000);
    expect(startingEngine('auto', doc, window)).toBe('dom');
    // Exactly at the limit (html, head and body included) is not more than it.
    fill(AUTO_LIMITS.elements - doc.getElementsByTagName('*').length);
    expect(startingEngine('auto', doc, window)).toBe('dom');
    fill(1);
    expect(startingEngine('auto', doc, window)).toBe('highlight');
    expect(startingEngine('dom', doc, window)).toBe('dom');
  });

  it('asks for CSS.highlights only when a page would be painted', () => {
    let reads = 0;
    const registry = { set: () => undefined };
    const painting = {
      Highlight: class {},
      CSS: {
        get highlights() {
          reads++;
          return registry;
        },
      },
    };
    const ordinary = document.implementation.createHTMLDocument();
    expect(startingEngine('auto', ordinary, painting as unknown as Window)).toBe('dom');
    expect(reads).toBe(0);
    expect(startingEngine('highlight', ordinary, painting as unknown as Window)).toBe('highlight');
    expect(reads).toBeGreaterThan(0);
    // Without the API, a page asked to be painted gets marks.
    expect(startingEngine('highlight', ordinary, { CSS: {} } as unknown as Window)).toBe('dom');
  });
});
