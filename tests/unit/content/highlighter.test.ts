// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEFT_BEHIND_MARK_CSS } from '../../../src/content/engine';
import type { Highlighter } from '../../../src/content/highlighter';
import {
  launch,
  manualTime,
  manualViewport,
  marks,
  settle,
  sleep,
  start,
  stubCheckVisibility,
  viewOf,
} from './harness';

const PAGE = `
  <h1>輝達與月之<em>暗面</em></h1>
  <p>英伟达 and Nvidia back Moonshot <b>AI</b>; 英偉達 too.</p>
  <p>Armed forces, not Arm. 大语言模型 and LLM.</p>
  <input value="Nvidia"><textarea>Nvidia</textarea><div contenteditable="true">Nvidia</div>
  <script>const x = "Nvidia";</script><style>.Nvidia {}</style><noscript>Nvidia</noscript>
  <svg><text>Nvidia</text></svg><div class="cm-editor">Nvidia</div><button>Nvidia</button>
  <pre><code>import openai  # Nvidia</code></pre><p>Press <kbd>Nvidia</kbd> to see <samp>Nvidia</samp>.</p>
  <p>The end.</p>`;

/** Runs the first read slice by slice until its first marks are drawn: the read is then paused part-way. */
async function runUntilFirstMarks(time: ReturnType<typeof manualTime>): Promise<void> {
  for (let i = 0; i < 50 && marks().length === 0; i++) {
    time.runSlices(1);
    await Promise.resolve(); // the viewport's reports
  }
}

let highlighter: Highlighter | undefined;
beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
});

describe('highlighter', () => {
  it('highlights names in all three scripts, across inline elements, never in excluded places or code', async () => {
    ({ highlighter } = await start());
    expect(marks()).toEqual([
      ['nvidia', '輝達'],
      ['moonshot-ai', '月之'],
      ['moonshot-ai', '暗面'],
      ['nvidia', '英伟达'],
      ['nvidia', 'Nvidia'],
      ['moonshot-ai', 'Moonshot '],
      ['moonshot-ai', 'AI'],
      ['nvidia', '英偉達'],
      ['arm-holdings', 'Arm'],
      ['llm', '大语言模型'],
      ['llm', 'LLM'],
    ]);
    const excluded = document.querySelectorAll(
      'input mark, textarea mark, [contenteditable] mark, script mark, style mark, noscript mark, svg mark, .cm-editor mark, button mark, code mark, kbd mark, samp mark',
    );
    expect(excluded).toHaveLength(0);
    expect(document.querySelector('textarea')!.value).toBe('Nvidia');
    // One keyboard stop per occurrence: the cross-element match has one start piece.
    expect(document.querySelectorAll('mark[data-columnlens-start]')).toHaveLength(9);
  });

  it('finds a Chinese name the page source wraps across lines, and restores that text exactly', async () => {
    document.body.innerHTML = '<p>據報導，英伟\n      达與<b>大语言</b>\n模型</p><p>Nvidia\n英偉達</p>';
    const before = document.body.innerHTML;
    const view = viewOf([
      {
        id: 'nvidia',
        term: '輝達',
        aliases: ['英偉達', 'Nvidia'],
        category: 'company',
        context: 'A chip maker.',
        packId: 't',
      },
      {
        id: 'llm',
        term: '大型語言模型',
        aliases: ['大語言模型'],
        category: 'concept',
        context: 'Models.',
        packId: 't',
      },
    ]);
    ({ highlighter } = await start({ view }));
    expect(marks()).toEqual([
      ['nvidia', '英伟\n      达'],
      ['llm', '大语言'],
      ['llm', '\n模型'],
      ['nvidia', 'Nvidia'],
      ['nvidia', '英偉達'],
    ]);
    highlighter.stop();
    expect(document.body.innerHTML).toBe(before);
  });

  it('counts every occurrence on the page in its summary', async () => {
    ({ highlighter } = await start());
    expect(highlighter.summary()).toEqual({ nvidia: 4, 'moonshot-ai': 2, 'arm-holdings': 1, llm: 2 });
  });

  it('restores the page exactly when stopped: same innerHTML, same text node objects', async () => {
    const before = document.body.innerHTML;
    const nodes: Node[] = [];
    const walker = document.createTreeWalker(document.body);
    while (walker.nextNode()) nodes.push(walker.currentNode);
    ({ highlighter } = await start());
    expect(document.body.innerHTML).not.toBe(before);
    highlighter.stop();
    expect(document.body.innerHTML).toBe(before);
    const after: Node[] = [];
    const again = document.createTreeWalker(document.body);
    while (again.nextNode()) after.push(again.currentNode);
    expect(after).toHaveLength(nodes.length);
    after.forEach((node, i) => expect(node).toBe(nodes[i]));
  });

  it('with density "first" draws only the first occurrence of each entry but counts all', async () => {
    ({ highlighter } = await start({ filters: { density: 'first', hiddenCategories: new Set() } }));
    expect(marks()).toEqual([
      ['nvidia', '輝達'],
      ['moonshot-ai', '月之'],
      ['moonshot-ai', '暗面'],
      ['arm-holdings', 'Arm'],
      ['llm', '大语言模型'],
    ]);
    expect(highlighter.summary().nvidia).toBe(4);
  });

  it('with density "first" shows the next occurrence once the page removes or rewrites the first one', async () => {
    document.body.innerHTML =
      '<p id="a">Nvidia first.</p><p id="b">Then Nvidia and 百川智能.</p><p id="c">Nvidia again.</p>';
    ({ highlighter } = await start({ filters: { density: 'first', hiddenCategories: new Set() } }));
    const at = (id: string) => marks(document.getElementById(id)!);
    expect([at('a'), at('b'), at('c')]).toEqual([[['nvidia', 'Nvidia']], [['baichuan', '百川智能']], []]);
    document.getElementById('a')!.remove();
    await settle(highlighter);
    // Nvidia moves on to the next paragraph, where Baichuan keeps its own first occurrence.
    expect([at('b'), at('c')]).toEqual([
      [
        ['nvidia', 'Nvidia'],
        ['baichuan', '百川智能'],
      ],
      [],
    ]);
    // Text written over the first one: the one after it takes over.
    document.getElementById('b')!.textContent = 'Then nothing and 百川智能.';
    await settle(highlighter);
    expect([at('b'), at('c')]).toEqual([[['baichuan', '百川智能']], [['nvidia', 'Nvidia']]]);
    expect(highlighter.summary()).toMatchObject({ nvidia: 1, baichuan: 1 });
  });

  it('with density "first" hands the first occurrence on in document order, shadow trees where their host is', async () => {
    document.body.innerHTML =
      '<p id="a">Nvidia first.</p><p id="b">Nvidia second.</p><div id="host"></div><p id="c">Nvidia last.</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p id="s">Nvidia in a widget.</p>';
    ({ highlighter } = await start({ filters: { density: 'first', hiddenCategories: new Set() } }));
    // Rewritten, each is read again and known after the others: in the order read, c comes first.
    document.getElementById('b')!.textContent = 'Nvidia second, rewritten.';
    shadow.getElementById('s')!.textContent = 'Nvidia in a widget, rewritten.';
    await settle(highlighter);
    document.getElementById('a')!.remove();
    await settle(highlighter);
    expect(marks()).toEqual([['nvidia', 'Nvidia']]);
    expect(marks(document.getElementById('b')!)).toEqual([['nvidia', 'Nvidia']]);
    document.getElementById('b')!.remove();
    await settle(highlighter);
    expect(marks(shadow)).toEqual([['nvidia', 'Nvidia']]);
    expect(marks(document.getElementById('c')!)).toEqual([]);
  });

  it('with density "first" gives the first to an occurrence the page adds above the one holding it', async () => {
    // A single-page site: the next article rendered above a "related" list that stays.
    document.body.innerHTML = '<main id="article"></main><aside id="related"><p>Nvidia and LLM news</p></aside>';
    ({ highlighter } = await start({ filters: { density: 'first', hiddenCategories: new Set() } }));
    expect(marks(document.getElementById('related')!)).toEqual([
      ['nvidia', 'Nvidia'],
      ['llm', 'LLM'],
    ]);
    document.getElementById('article')!.innerHTML = '<h1>Nvidia results</h1><p>More on Nvidia.</p>';
    await settle(highlighter);
    expect(marks(document.getElementById('article')!)).toEqual([['nvidia', 'Nvidia']]);
    expect(marks(document.querySelector('h1')!)).toEqual([['nvidia', 'Nvidia']]);
    // LLM keeps its first where it was; appended text after it takes nothing.
    expect(marks(document.getElementById('related')!)).toEqual([['llm', 'LLM']]);
    document.body.insertAdjacentHTML('beforeend', '<footer>LLM and Nvidia</footer>');
    await settle(highlighter);
    expect(marks()).toEqual([
      ['nvidia', 'Nvidia'],
      ['llm', 'LLM'],
    ]);
    expect(highlighter.summary()).toEqual({ nvidia: 4, llm: 2 });
  });

  describe('with density "first" and text the page hides', () => {
    let unstub: () => void;
    beforeEach(() => {
      unstub = stubCheckVisibility();
    });
    afterEach(() => unstub());
    const first = { filters: { density: 'first' as const, hiddenCategories: new Set<string>() } };

    it('gives the one highlight to the first occurrence shown, past a closed menu', async () => {
      document.body.innerHTML =
        '<nav hidden><p>Nvidia in a closed menu.</p></nav><div style="display:none"><p>百川智能 and Nvidia, collapsed.</p></div>' +
        '<p id="story">The story: Nvidia, then Nvidia again.</p><p id="later">Later 百川智能 <span style="visibility:hidden">Nvidia</span>.</p>';
      ({ highlighter } = await start(first));
      expect(marks()).toEqual([
        ['nvidia', 'Nvidia'],
        ['baichuan', '百川智能'],
      ]);
      expect(marks(document.getElementById('story')!)).toEqual([['nvidia', 'Nvidia']]);
      expect(document.querySelector('#story mark')!.nextSibling!.textContent).toBe(', then Nvidia again.');
      expect(marks(document.getElementById('later')!)).toEqual([['baichuan', '百川智能']]);
      // Every occurrence is counted all the same.
      expect(highlighter.summary()).toMatchObject({ nvidia: 5, baichuan: 2 });
    });

    it('gives an entry found only in hidden text its first hidden occurrence, there when the page shows it', async () => {
      document.body.innerHTML =
        '<p>Nothing here.</p><details><summary>More</summary><p id="one" hidden>Nvidia one.</p><p id="two" hidden>Nvidia two.</p></details>';
      ({ highlighter } = await start(first));
      expect(marks(document.getElementById('one')!)).toEqual([['nvidia', 'Nvidia']]);
      expect(marks(document.getElementById('two')!)).toEqual([]);
      // Shown later: nothing is read again, and the highlight is where the reader looks.
      document.getElementById('one')!.hidden = false;
      await settle(highlighter);
      expect(marks()).toEqual([['nvidia', 'Nvidia']]);
    });

    it('moves a first from an article the page has hidden since to the next one it shows', async () => {
      // A single-page site that keeps the articles the reader left, hidden.
      document.body.innerHTML = '<article id="a"><p>Nvidia and 百川智能 in A.</p></article>';
      ({ highlighter } = await start(first));
      expect(marks(document.getElementById('a')!)).toEqual([
        ['nvidia', 'Nvidia'],
        ['baichuan', '百川智能'],
      ]);
      document.getElementById('a')!.style.display = 'none';
      document.body.insertAdjacentHTML('beforeend', '<article id="b"><p>Nvidia, then Nvidia in B.</p></article>');
      await settle(highlighter);
      expect(marks(document.getElementById('b')!)).toEqual([['nvidia', 'Nvidia']]);
      expect(document.querySelector('#b mark')!.nextSibling!.textContent).toBe(', then Nvidia in B.'); // B's first
      // Baichuan, named nowhere shown, keeps its first in A.
      expect(marks(document.getElementById('a')!)).toEqual([['baichuan', '百川智能']]);
      expect(highlighter.summary()).toMatchObject({ nvidia: 3, baichuan: 1 });
    });

    it('moves a first held in hidden text to a shown occurrence the page adds later', async () => {
      document.body.innerHTML = '<nav id="menu" hidden><p>Nvidia and 百川智能 in the menu.</p></nav><p>Loading…</p>';
      ({ highlighter } = await start(first));
      expect(marks(document.getElementById('menu')!)).toEqual([
        ['nvidia', 'Nvidia'],
        ['baichuan', '百川智能'],
      ]);
      // The article arrives after the first read: its Nvidia is shown, so it takes the highlight.
      document.body.insertAdjacentHTML('beforeend', '<p id="story">The story: Nvidia.</p>');
      await settle(highlighter);
      expect(marks(document.getElementById('story')!)).toEqual([['nvidia', 'Nvidia']]);
      // The menu keeps Baichuan's, which nothing shown has taken.
      expect(marks(document.getElementById('menu')!)).toEqual([['baichuan', '百川智能']]);
      expect(highlighter.summary()).toMatchObject({ nvidia: 2, baichuan: 1 });
      // Once the reader opens the menu, its highlight stays there, and it takes nothing back.
      document.getElementById('menu')!.hidden = false;
      document.body.insertAdjacentHTML('beforeend', '<p id="more">Nvidia and 百川智能 once more.</p>');
      await settle(highlighter);
      expect(marks()).toEqual([
        ['baichuan', '百川智能'],
        ['nvidia', 'Nvidia'],
      ]);
      expect(marks(document.getElementById('more')!)).toEqual([]);
    });

    it('still passes over hidden text for text the page adds later', async () => {
      document.body.innerHTML = '<p>Nothing here.</p>';
      ({ highlighter } = await start(first));
      document.body.insertAdjacentHTML('beforeend', '<ul hidden><li>Nvidia</li></ul><p id="news">Nvidia news.</p>');
      await settle(highlighter);
      expect(marks()).toEqual([['nvidia', 'Nvidia']]);
      expect(marks(document.getElementById('news')!)).toEqual([['nvidia', 'Nvidia']]);
    });
  });

  it('hides whole categories', async () => {
    ({ highlighter } = await start({ filters: { density: 'all', hiddenCategories: new Set(['company']) } }));
    expect(marks()).toEqual([
      ['llm', '大语言模型'],
      ['llm', 'LLM'],
    ]);
    expect(highlighter.summary()['moonshot-ai']).toBe(2);
  });

  it('draws only what comes near the viewport, and counts the rest', async () => {
    const viewport = manualViewport();
    ({ highlighter } = await start({ viewport: viewport.factory }));
    expect(marks()).toEqual([]);
    expect(highlighter.summary().nvidia).toBe(4);
    viewport.bringNear(document.querySelector('h1')!);
    await highlighter.idle();
    expect(marks()).toEqual([
      ['nvidia', '輝達'],
      ['moonshot-ai', '月之'],
      ['moonshot-ai', '暗面'],
    ]);
  });

  it('reveals the next occurrence of an entry, drawing it first when it was waiting', async () => {
    const viewport = manualViewport();
    ({ highlighter } = await start({ viewport: viewport.factory }));
    expect(highlighter.reveal('llm')).toBe(true);
    expect(document.activeElement?.textContent).toBe('大语言模型');
    expect(highlighter.reveal('llm')).toBe(true);
    expect(document.activeElement?.textContent).toBe('LLM');
    expect(highlighter.reveal('llm')).toBe(true);
    expect(document.activeElement?.textContent).toBe('大语言模型');
    expect(highlighter.reveal('baichuan')).toBe(false);
    expect(highlighter.reveal('no-such-entry')).toBe(false);
  });

  it('reveals a name not revealed yet at its first occurrence, and each name steps through its own', async () => {
    ({ highlighter } = await start());
    highlighter.reveal('nvidia');
    highlighter.reveal('nvidia');
    expect(document.activeElement?.textContent).toBe('英伟达');
    // Moonshot's first occurrence is in the heading, before where Nvidia's steps left off.
    expect(highlighter.reveal('moonshot-ai')).toBe(true);
    expect(document.activeElement?.textContent).toBe('月之');
    highlighter.reveal('nvidia');
    expect(document.activeElement?.textContent).toBe('Nvidia'); // Nvidia's third, after its second
  });

  it('reveals a name at its first occurrence again once the page rewrote the text the last reveal was in', async () => {
    // A single-page site moving to the next article by writing the text nodes it keeps.
    document.body.innerHTML = '<p>LLM one</p><p>LLM two</p><p>LLM three</p>';
    ({ highlighter } = await start());
    const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    highlighter.reveal('llm');
    highlighter.reveal('llm');
    expect(document.activeElement?.parentElement).toBe(document.querySelectorAll('p')[1]);
    texts.forEach((text, i) => (text.data = `LLM article two, ${i + 1}`));
    await settle(highlighter);
    expect(marks().length).toBe(3);
    expect(highlighter.reveal('llm')).toBe(true);
    expect(document.activeElement?.parentElement).toBe(document.querySelectorAll('p')[0]);
  });

  it('reads open shadow roots and restores them', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: 月之<b>暗面</b></p>';
    const before = shadow.innerHTML;
    ({ highlighter } = await start());
    expect(marks(shadow)).toEqual([
      ['moonshot-ai', '月之'],
      ['moonshot-ai', '暗面'],
    ]);
    highlighter.stop();
    expect(shadow.innerHTML).toBe(before);
  });

  it('re-reads everything with new options', async () => {
    ({ highlighter } = await start());
    highlighter.setOptions((await import('./fake-scanner')).fakeView(), {
      density: 'all',
      hiddenCategories: new Set(['technology']),
    });
    await highlighter.idle();
    expect(marks().some(([id]) => id === 'llm')).toBe(false);
    expect(marks().some(([id]) => id === 'nvidia')).toBe(true);
  });
});

describe('highlighter on a changing page', () => {
  it('highlights appended, replaced and rewritten content', async () => {
    let timers;
    ({ highlighter, timers } = await start());
    const before = marks().length;
    const p = document.createElement('p');
    p.innerHTML = 'New: 百川智能 and 英伟达';
    document.body.append(p);
    await settle(highlighter);
    expect(marks(p)).toEqual([
      ['baichuan', '百川智能'],
      ['nvidia', '英伟达'],
    ]);
    // Replaced: a framework swaps the paragraph's content.
    p.replaceChildren('Replaced: export controls');
    await settle(highlighter);
    expect(marks(p)).toEqual([['export-controls', 'export controls']]);
    // Rewritten: the page sets the text of a node it holds.
    const last = document.querySelectorAll('p')[2]!;
    (last.firstChild as Text).data = 'Now LLM.';
    await settle(highlighter, 1000);
    expect(marks(last)).toEqual([['llm', 'LLM']]);
    expect(marks().length).toBe(before + 1 + 1);
    expect(timers.pending).toBe(0);
  });

  it('joins text added next to existing text into one run', async () => {
    ({ highlighter } = await start());
    const p = document.querySelectorAll('p')[2]!;
    p.replaceChildren('Moonshot');
    const b = document.createElement('b');
    b.textContent = ' AI';
    await settle(highlighter);
    p.append(b);
    await settle(highlighter, 1000);
    expect(marks(p)).toEqual([
      ['moonshot-ai', 'Moonshot'],
      ['moonshot-ai', ' AI'],
    ]);
  });

  it('fixes its highlights when the page rewrites a wrapped text node', async () => {
    document.body.innerHTML = '<p id="t">Nvidia 100</p>';
    ({ highlighter } = await start());
    const text = document.getElementById('t')!.firstChild as Text;
    text.data = 'Nvidia 101'; // the original stays in place, so the page's write lands
    await settle(highlighter);
    expect(document.getElementById('t')!.textContent).toBe('Nvidia 101');
    expect(marks()).toEqual([['nvidia', 'Nvidia']]);
    highlighter.stop();
    expect(document.body.innerHTML).toBe('<p id="t">Nvidia 101</p>');
  });

  it('shows only the text the page wrote into a split node, from the observer’s delivery on, not only once it is read again', async () => {
    // A framework's text binding (Svelte, Vue, React's mixed children) or a ticker sets the
    // text of the node it holds; the re-read of its paragraph waits for the change delay.
    document.body.innerHTML = '<p id="t">LLM 400.2 and Nvidia</p><p id="u">Arm today</p>';
    ({ highlighter } = await start({ changeTiming: { delay: 60_000, cooldown: 60_000 } }));
    expect(marks().length).toBe(3);
    const t = document.getElementById('t')!;
    (t.firstChild as Text).data = 'LLM 400.8 and 百川智能';
    await new Promise((resolve) => setTimeout(resolve, 0)); // the observer's delivery, and its microtasks
    expect(t.textContent).toBe('LLM 400.8 and 百川智能');
    expect(t.childNodes.length).toBe(1);
    expect(marks(t)).toEqual([]);
    // Other text keeps its highlights, and stopping leaves the page's text as it wrote it.
    expect(marks(document.getElementById('u')!)).toEqual([['arm-holdings', 'Arm']]);
    highlighter.stop();
    expect(document.body.innerHTML).toBe('<p id="t">LLM 400.8 and 百川智能</p><p id="u">Arm today</p>');
  });

  // The page sets a node we split to the very text we left in it: it means to drop the rest,
  // though the node reads the same. Only the observer's record can tell (dom-engine.ts).
  describe('keeps a write of the text a split node already holds', () => {
    const page = '<p id="t">Shares of Nvidia</p>';
    const write = () => ((document.getElementById('t')!.firstChild as Text).data = 'Shares of ');

    it('when the page changes are read before it is stopped', async () => {
      document.body.innerHTML = page;
      ({ highlighter } = await start());
      expect(document.getElementById('t')!.firstChild!.textContent).toBe('Shares of ');
      write();
      await settle(highlighter);
      expect(document.getElementById('t')!.textContent).toBe('Shares of ');
      expect(marks()).toEqual([]);
      highlighter.stop();
      expect(document.body.innerHTML).toBe('<p id="t">Shares of </p>');
    });

    it('when it is stopped before the change is read', async () => {
      document.body.innerHTML = page;
      ({ highlighter } = await start());
      write();
      highlighter.stop(); // the observer has not delivered the record yet
      expect(document.body.innerHTML).toBe('<p id="t">Shares of </p>');
    });
  });

  // jsdom has no adopted sheets: the document gets a list the page may assign, as in browsers,
  // and sheets that keep their text.
  describe('gives the document the look marks keep if left behind', () => {
    class FakeSheet {
      text = '';
      replaceSync(css: string): void {
        this.text = css;
      }
    }
    const adopted = () =>
      (document as unknown as { adoptedStyleSheets: FakeSheet[] }).adoptedStyleSheets.map((sheet) => sheet.text);
    beforeEach(() => {
      Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
      vi.stubGlobal('CSSStyleSheet', FakeSheet);
    });
    afterEach(() => {
      delete (document as Partial<Document>).adoptedStyleSheets;
      vi.unstubAllGlobals();
    });

    it('with the first mark drawn, again once the page dropped it and changed, and never on a page without names', async () => {
      document.body.innerHTML = '<p>No names here.</p>';
      ({ highlighter } = await start());
      expect(adopted()).toEqual([]);
      highlighter.stop();
      document.body.innerHTML = '<p id="t">Shares of Nvidia</p>';
      ({ highlighter } = await start());
      expect(adopted()).toEqual([LEFT_BEHIND_MARK_CSS]);
      // A framework assigns the list whole, without ours, and renders.
      (document as unknown as { adoptedStyleSheets: FakeSheet[] }).adoptedStyleSheets = [];
      document.getElementById('t')!.append(' and more');
      await settle(highlighter);
      expect(adopted()).toEqual([LEFT_BEHIND_MARK_CSS]);
      highlighter.stop();
      expect(adopted()).toEqual([]);
    });
  });

  it('takes every highlight back when the document turns into an editor, and reads it again after', async () => {
    ({ highlighter } = await start());
    expect(marks().length).toBeGreaterThan(0);
    const pageHtml = PAGE.trim();
    // jsdom has no design mode: the property stands in for the browser's.
    let designMode = 'on';
    Object.defineProperty(document, 'designMode', { configurable: true, get: () => designMode });
    try {
      // The reader types a name: it must not be highlighted, and the old marks must go.
      const p = document.querySelectorAll('p')[1]!;
      p.append(' OpenAI and 百川智能');
      await settle(highlighter);
      expect(marks()).toEqual([]);
      expect(highlighter.summary()).toEqual({});
      expect(document.body.innerHTML.trim()).toBe(pageHtml.replace('LLM.</p>', 'LLM. OpenAI and 百川智能</p>'));
      designMode = 'off';
      p.append('.');
      await settle(highlighter);
      expect(marks(p)).toContainEqual(['baichuan', '百川智能']);
      expect(marks().length).toBeGreaterThan(0);
    } finally {
      delete (document as { designMode?: string }).designMode;
    }
  });

  it('turns copies of its marks the page makes back into text: no nesting, nothing left when stopped', async () => {
    document.body.innerHTML = '<p id="t">Ticker: 輝達 and Nvidia</p><div id="editor" contenteditable="true"></div>';
    ({ highlighter } = await start());
    const ticker = document.getElementById('t')!;
    expect(marks(ticker)).toHaveLength(2);
    // A marquee doubles its text through innerHTML; an "Edit" button loads it into its editor.
    ticker.innerHTML += ` | ${ticker.innerHTML}`;
    document.getElementById('editor')!.innerHTML = ticker.innerHTML;
    const clone = ticker.cloneNode(true) as HTMLElement;
    clone.id = 'clone';
    document.body.append(clone);
    await settle(highlighter);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
    expect(document.querySelectorAll('#editor mark')).toHaveLength(0);
    expect(marks(ticker)).toEqual([
      ['nvidia', '輝達'],
      ['nvidia', 'Nvidia'],
      ['nvidia', '輝達'],
      ['nvidia', 'Nvidia'],
    ]);
    expect(marks(clone)).toHaveLength(4);
    highlighter.stop();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(ticker.textContent).toBe('Ticker: 輝達 and Nvidia | Ticker: 輝達 and Nvidia');
    expect(document.getElementById('editor')!.textContent).toBe(ticker.textContent);
  });

  it('turns copies back into text when the page adds many elements at once, in shadow trees too', async () => {
    document.body.innerHTML = '<p id="t">Ticker: 輝達 and Nvidia</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    ({ highlighter } = await start());
    const ticker = document.getElementById('t')!;
    // A log viewer appending rows: past the count where one query per tree replaces one per row.
    const rows = Array.from({ length: 100 }, () => ticker.cloneNode(true) as HTMLElement);
    document.body.append(...rows.slice(0, 90));
    shadow.append(...rows.slice(90));
    await settle(highlighter);
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
    expect(shadow.querySelectorAll('mark mark')).toHaveLength(0);
    for (const row of rows)
      expect(marks(row)).toEqual([
        ['nvidia', '輝達'],
        ['nvidia', 'Nvidia'],
      ]);
    highlighter.stop();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(shadow.querySelectorAll('mark')).toHaveLength(0);
    expect(rows.every((row) => row.textContent === ticker.textContent)).toBe(true);
  });

  it('leaves editable rows alone when the page adds many rows at once', async () => {
    document.body.innerHTML = '<p>Start</p><div id="editor" contenteditable="true"></div>';
    ({ highlighter } = await start());
    // Many walks in one batch share one query of the tree for the editing widgets.
    const rows = Array.from({ length: 100 }, (_, i) => {
      const row = document.createElement('div');
      row.innerHTML =
        i % 10 === 3 ? `Row ${i}: <span contenteditable="true">Nvidia</span>` : `Row ${i}: <span>Nvidia</span>`;
      return row;
    });
    document.body.append(...rows);
    await settle(highlighter);
    rows.forEach((row, i) => expect(marks(row)).toHaveLength(i % 10 === 3 ? 0 : 1));
    // Rows the page types into its editor, many at once: none of them is read.
    const typed = rows.map((row) => row.cloneNode(true) as HTMLElement);
    document.getElementById('editor')!.append(...typed);
    await settle(highlighter);
    expect(marks(document.getElementById('editor')!)).toEqual([]);
    expect(marks()).toHaveLength(90);
  });

  it('turns marks an earlier copy of the script left into text before reading, in shadow trees too', async () => {
    // What Firefox leaves in an open tab when it updates the add-on: the old script's marks.
    const left =
      '<mark class="columnlens-mark" data-glossary-id="nvidia" data-columnlens-start="" tabindex="-1">Nvidia</mark>';
    document.body.innerHTML = `<p id="t">Ticker: ${left} and 輝達</p><div id="host"></div>`;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p>Widget: ${left}</p>`;
    ({ highlighter } = await start());
    expect(document.querySelectorAll('mark mark')).toHaveLength(0);
    expect(shadow.querySelectorAll('mark mark')).toHaveLength(0);
    expect(marks(document.getElementById('t')!)).toEqual([
      ['nvidia', 'Nvidia'],
      ['nvidia', '輝達'],
    ]);
    expect(marks(shadow)).toEqual([['nvidia', 'Nvidia']]);
    highlighter.stop();
    expect(document.body.querySelectorAll('mark')).toHaveLength(0);
    expect(shadow.querySelectorAll('mark')).toHaveLength(0);
    expect(document.getElementById('t')!.textContent).toBe('Ticker: Nvidia and 輝達');
  });

  it('leaves marks like ours that the page made its own (an id, a title) and any in an editor at load', async () => {
    const quoted =
      '<mark class="columnlens-mark" data-glossary-id="nvidia" id="demo" title="our markup">Example Corp</mark>';
    const left = '<mark class="columnlens-mark" data-glossary-id="nvidia" data-category="company">Nvidia</mark>';
    const html = `<p id="doc">Docs: ${quoted}</p><div id="draft" contenteditable="true">Draft: ${left}</div>`;
    document.body.innerHTML = html;
    const demo = document.getElementById('demo');
    ({ highlighter } = await start());
    expect(document.getElementById('demo')).toBe(demo);
    expect(document.getElementById('draft')!.innerHTML).toBe(`Draft: ${left}`);
    highlighter.stop();
    expect(document.body.innerHTML).toBe(html);
  });

  it('takes back, when stopped, a copy the page made while it was not watching', async () => {
    document.body.innerHTML = '<p id="t">Nvidia rises</p>';
    ({ highlighter } = await start());
    // Made and attached between two batches of changes: stopping finds it all the same.
    const copy = document.getElementById('t')!.cloneNode(true) as HTMLElement;
    document.body.append(copy);
    highlighter.stop();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe('<p id="t">Nvidia rises</p><p id="t">Nvidia rises</p>');
  });

  it('does not react to its own writes, and goes idle', async () => {
    const { highlighter: h, view, timers } = await start();
    highlighter = h;
    const calls = view.scanner.calls;
    const slices = h.stats.slices;
    await sleep(400);
    expect(view.scanner.calls).toBe(calls);
    expect(h.stats.slices).toBe(slices);
    expect(timers.pending).toBe(0);
  });

  it('reads a ticker re-rendered every 50 ms at most about once a second', async () => {
    document.body.innerHTML = '<div id="ticker">Nvidia 1</div><p>rest</p>';
    const { highlighter: h, view } = await start();
    highlighter = h;
    const ticker = document.getElementById('ticker')!;
    const calls = view.scanner.calls;
    for (let i = 2; i < 30; i++) {
      ticker.textContent = `Nvidia ${i}`;
      await sleep(50);
    }
    await settle(h, 1000);
    const reads = view.scanner.calls - calls;
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(4);
    expect(marks(ticker)).toEqual([['nvidia', 'Nvidia']]);
    expect(ticker.textContent).toBe('Nvidia 29');
  });

  it('ignores changes inside excluded places', async () => {
    const { highlighter: h, view } = await start();
    highlighter = h;
    const calls = view.scanner.calls;
    document.querySelector('[contenteditable]')!.textContent = 'Nvidia typed by the reader';
    document.querySelector('textarea')!.value = 'Nvidia';
    await settle(h);
    expect(view.scanner.calls).toBe(calls);
    expect(document.querySelectorAll('[contenteditable] mark')).toHaveLength(0);
  });

  it('finds editing widgets with one query per read, drawing between its slices included', async () => {
    document.body.innerHTML = Array.from(
      { length: 300 },
      (_, i) => `<p class="c">Nvidia <b class="b">${i}</b></p>`,
    ).join('');
    const matches = vi.spyOn(Element.prototype, 'matches');
    try {
      const time = manualTime();
      ({ highlighter } = launch({ time }));
      await time.drain();
      expect(marks()).toHaveLength(300);
      // Our own marks are no page change: a per-element match would be ~600 calls.
      expect(matches).not.toHaveBeenCalled();
    } finally {
      matches.mockRestore();
    }
  });

  it('never draws in a widget the page makes editable while its first read is paused', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Nvidia ${i}</p>`).join('');
    document.body.innerHTML = `${paragraphs}<div id="later">Nvidia in a widget</div>`;
    const later = document.getElementById('later')!;
    const drawnInLater: Node[] = [];
    new MutationObserver((records) => records.forEach((r) => drawnInLater.push(...r.addedNodes))).observe(later, {
      childList: true,
      subtree: true,
    });
    const time = manualTime();
    ({ highlighter } = launch({ time }));
    await runUntilFirstMarks(time);
    expect(marks().length).toBeGreaterThan(0);
    expect(marks().length).toBeLessThan(300); // paused part-way
    later.setAttribute('contenteditable', 'true');
    await time.drain();
    expect(marks()).toHaveLength(300);
    expect(drawnInLater).toEqual([]);
  });

  it('never draws in an editable widget the page adds while its first read is paused', async () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>Nvidia ${i}</p>`).join('');
    const time = manualTime();
    ({ highlighter } = launch({ time }));
    await runUntilFirstMarks(time);
    expect(marks().length).toBeLessThan(300); // paused part-way
    const widget = Object.assign(document.createElement('div'), { textContent: 'Nvidia' });
    widget.setAttribute('contenteditable', 'true');
    document.body.append(widget);
    await time.drain();
    expect(marks()).toHaveLength(300);
    expect(widget.innerHTML).toBe('Nvidia');
  });

  it('stops and restores the page when the extension context is gone', async () => {
    let alive = true;
    const before = document.body.innerHTML;
    ({ highlighter } = await start({ isAlive: () => alive }));
    alive = false;
    document.body.append('change');
    await settle(highlighter);
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    document.body.lastChild!.remove();
    expect(document.body.innerHTML).toBe(before);
  });

  it('forgets counts of content the page removed', async () => {
    ({ highlighter } = await start());
    document.querySelector('h1')!.remove();
    await settle(highlighter);
    expect(highlighter.summary()).toEqual({ nvidia: 3, 'moonshot-ai': 1, 'arm-holdings': 1, llm: 2 });
  });
});

describe('shadow trees attached after their host was read', () => {
  /** Defines `name` as an element that attaches an open shadow tree of `html` when it upgrades. */
  function defineWithShadow(name: string, html: string): void {
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = html;
        }
      },
    );
  }

  it('reads the shadow tree a custom element attaches when its definition loads later, and restores it', async () => {
    document.body.innerHTML = '<p>Intro.</p><late-card-one><span>light text</span></late-card-one>';
    const host = document.querySelector('late-card-one')!;
    let summaries = 0;
    ({ highlighter } = await start({ onSummary: () => summaries++ }));
    expect(marks()).toEqual([]);
    const summariesBefore = summaries;
    // The component's script arrives: the element upgrades, which no mutation observer sees.
    defineWithShadow('late-card-one', '<p>Nvidia in a card.</p>');
    const shadow = host.shadowRoot!;
    const before = shadow.innerHTML;
    await vi.waitFor(() => expect(marks(shadow)).toEqual([['nvidia', 'Nvidia']]), { timeout: 3_000 });
    expect(highlighter.summary()).toMatchObject({ nvidia: 1 });
    // The toolbar's count is told once the tree is read.
    await vi.waitFor(() => expect(summaries).toBeGreaterThan(summariesBefore), { timeout: 3_000 });
    // Its tree is watched from then on, like any shadow tree read.
    shadow.querySelector('p')!.textContent = 'Now 百川智能.';
    await vi.waitFor(() => expect(marks(shadow)).toEqual([['baichuan', '百川智能']]), { timeout: 3_000 });
    await highlighter.switchOff();
    expect(shadow.innerHTML).toBe(before.replace('Nvidia in a card.', 'Now 百川智能.'));
  });

  it('asks one element per name: thousands of elements of a name never defined cost a few calls', async () => {
    document.body.innerHTML = `<p>Math:</p>${'<mjx-c>x</mjx-c>'.repeat(500)}`;
    let asked = 0;
    const original = Element.prototype.matches;
    const matches = vi.spyOn(Element.prototype, 'matches').mockImplementation(function (this: Element, selector) {
      if (selector === ':defined') asked++;
      return original.call(this, selector);
    });
    try {
      const time = manualTime();
      ({ highlighter } = launch({ time }));
      await time.drain();
      expect(asked).toBeGreaterThan(0);
      expect(asked).toBeLessThan(50);
    } finally {
      matches.mockRestore();
    }
  });

  it('stops looking: at a host defined without a shadow tree at once, at one never defined after a few looks', async () => {
    document.body.innerHTML =
      '<light-card-three>Plain.</light-card-three><never-defined-three>Plain.</never-defined-three>';
    const [light, never] = [
      document.querySelector('light-card-three')!,
      document.querySelector('never-defined-three')!,
    ];
    const looks = new Map<Element, number>();
    const original = Element.prototype.matches;
    const matches = vi.spyOn(Element.prototype, 'matches').mockImplementation(function (this: Element, selector) {
      if (selector === ':defined') looks.set(this, (looks.get(this) ?? 0) + 1);
      return original.call(this, selector);
    });
    try {
      const time = manualTime();
      ({ highlighter } = launch({ time }));
      customElements.define('light-card-three', class extends HTMLElement {});
      // Runs every timer until none is left: it returns only because the looks end.
      await time.drain();
      // Defined at the first look: dropped there. Never defined: looked at again and again.
      expect(looks.get(light)).toBeLessThanOrEqual(2);
      expect(looks.get(never)).toBeGreaterThan(looks.get(light)! + 2);
      expect(marks()).toEqual([]);
    } finally {
      matches.mockRestore();
    }
  });
});
