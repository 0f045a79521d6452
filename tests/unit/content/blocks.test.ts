// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { spansOf, walkBlocks, type Block } from '../../../src/content/blocks';
import { containerOf, isInExcludedSubtree } from '../../../src/content/dom-rules';

function blocksOf(root: Node, options: Parameters<typeof walkBlocks>[1] = {}): Block[] {
  return [...walkBlocks(root, options)].filter((b): b is Block => b !== undefined);
}
const texts = (root: Node, options?: Parameters<typeof walkBlocks>[1]) => blocksOf(root, options).map((b) => b.text);

beforeEach(() => {
  document.body.replaceChildren();
});

describe('block segmentation', () => {
  it('joins text across inline elements', () => {
    document.body.innerHTML =
      '<p>Backed by Moonshot <b>AI</b> and 月之<em>暗面</em>, <a href="#">with <span>links</span></a>.</p>';
    expect(texts(document.body)).toEqual(['Backed by Moonshot AI and 月之暗面, with links.']);
  });

  it('keeps Latin words apart across a link edge, and only there', () => {
    document.body.innerHTML =
      '<p><a href="#"><span>machine learning</span></a><a href="#">OpenAI</a><a href="#">2025</a>' +
      ' <a href="#">Moonshot</a> AI, 月之<a href="#">暗面</a>, <b>Open</b>AI, Nvidia<a href="#">\u2019s</a></p>';
    const [block] = blocksOf(document.body);
    expect(block!.text).toBe('machine learning\uFFFCOpenAI\uFFFC2025 Moonshot AI, 月之暗面, OpenAI, Nvidia\u2019s');
    // Offsets still map to the page's text nodes: the separator belongs to none of them.
    const at = block!.text.indexOf('OpenAI');
    expect(spansOf(block!, at, at + 6).map((s) => s.text)).toEqual(['OpenAI']);
    // A match never covers the separator; one ending before it ends with its text node.
    const learning = spansOf(block!, 8, 16);
    expect(learning.map((s) => [s.text, s.end])).toEqual([['learning', 16]]);
  });

  it('reads a run of thousands of nodes (a log appended line by line) as their text, link edges included', () => {
    // Past the thousand or so parts after which the run's text is joined as it grows. Every
    // other line is a link, so a link's edge between two Latin words (U+FFFC) follows every
    // one of those joins.
    const pre = document.createElement('pre');
    let expected = '';
    const starts: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const line = `line${i} Nvidia`;
      if (i % 2 === 0) pre.append(Object.assign(document.createElement('a'), { href: '#', textContent: line }));
      else pre.append(line);
      if (i > 0) expected += '\uFFFC';
      starts.push(expected.length);
      expected += line;
    }
    document.body.append(pre);
    const [block, ...rest] = blocksOf(document.body);
    expect(rest).toEqual([]);
    expect(block!.text).toBe(expected);
    expect(block!.starts).toEqual(starts);
    expect(block!.nodes).toHaveLength(5_000);
    const at = block!.text.lastIndexOf('Nvidia');
    expect(spansOf(block!, at, at + 6)).toEqual([{ node: block!.nodes[4_999], start: 9, end: 15, text: 'Nvidia' }]);
  });

  it('never joins across block boundaries', () => {
    document.body.innerHTML =
      '<div>Moonshot<p>AI</p>月之<br>暗面</div><ul><li>英</li><li>伟达</li></ul><table><tr><td>Nv</td><td>idia</td></tr></table><h2>輝</h2>達';
    expect(texts(document.body)).toEqual(['Moonshot', 'AI', '月之', '暗面', '英', '伟达', 'Nv', 'idia', '輝', '達']);
  });

  it('records each block under its own container', () => {
    document.body.innerHTML = '<div id="d">before <p id="p">inside</p> after</div>';
    const blocks = blocksOf(document.body);
    expect(blocks.map((b) => (b.container as Element).id)).toEqual(['d', 'p', 'd']);
  });

  it('skips excluded subtrees entirely', () => {
    document.body.innerHTML = `
      <p>one</p>
      <input value="Nvidia"><textarea>Nvidia</textarea><select><option>Nvidia</option></select>
      <button>Nvidia</button><script>var s = "Nvidia"</script><style>.Nvidia{}</style>
      <noscript>Nvidia</noscript><template><p>Nvidia</p></template>
      <svg><text>Nvidia</text></svg><math><mi>Nvidia</mi></math>
      <div contenteditable="true"><p>Nvidia</p></div><div contenteditable=""><p>Nvidia</p></div>
      <div contenteditable="plaintext-only">Nvidia</div>
      <div class="CodeMirror">Nvidia</div><div class="cm-editor">Nvidia</div>
      <div class="monaco-editor">Nvidia</div><div class="ace_editor">Nvidia</div><div role="textbox">Nvidia</div>
      <columnlens-tooltip data-columnlens-ui>Nvidia</columnlens-tooltip>
      <p>two</p>`;
    expect(texts(document.body)).toEqual(['one', 'two']);
  });

  it('skips a pre that says it holds code, and reads a plain one', () => {
    document.body.innerHTML = `
      <pre class="language-python">from openai import OpenAI</pre><pre class="lang-bash">pip install openai</pre>
      <div class="highlight"><pre><span>import</span> openai</pre></div><pre class="brush: bash">nvidia-smi</pre>
      <pre class="hljs">Nvidia</pre><pre class="prettyprint">Nvidia</pre><pre class="sourceCode">Nvidia</pre>
      <pre data-lang="sh">Nvidia</pre><pre data-language="sh">Nvidia</pre>
      <pre>Nvidia, in a plain-text article</pre><div class="highlight"><p>Nvidia, in a highlighted quote</p></div>`;
    expect(texts(document.body)).toEqual(['Nvidia, in a plain-text article', 'Nvidia, in a highlighted quote']);
  });

  it('reads contenteditable="false" outside an editor', () => {
    document.body.innerHTML = '<div contenteditable="false">Nvidia</div>';
    expect(texts(document.body)).toEqual(['Nvidia']);
  });

  it('reads ruby base text without the annotation, as one run', () => {
    document.body.innerHTML = '<p><ruby>輝<rt>huī</rt>達<rp>(</rp></ruby></p>';
    expect(texts(document.body)).toEqual(['輝達']);
  });

  it('walks open shadow roots as containers of their own and reports them', () => {
    document.body.innerHTML = '<p>light <span id="host"></span> text</p>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow <b>Nvidia</b></p>tail';
    host.append('slotted');
    const seen: ShadowRoot[] = [];
    const blocks = blocksOf(document.body, { onShadowRoot: (r) => seen.push(r) });
    expect(blocks.map((b) => b.text)).toEqual(['light ', 'shadow Nvidia', 'tail', 'slotted', ' text']);
    expect(blocks[2]!.container).toBe(shadow);
    expect(blocks[3]!.container).toBe(host);
    expect(seen).toEqual([shadow]);
  });

  it('in shallow mode reads only the root container', () => {
    document.body.innerHTML = '<div id="d">a <b>b</b><p>nested</p>c</div>';
    const d = document.getElementById('d')!;
    expect(texts(d, { shallow: true })).toEqual(['a b', 'c']);
    expect(texts(d)).toEqual(['a b', 'nested', 'c']);
  });

  it('from an inline root reports only the containers nested in it', () => {
    // Built by hand: the HTML parser would close the <p> before a <div>.
    const span = document.createElement('span');
    const div = document.createElement('div');
    div.textContent = 'nested';
    span.append('own ', div, ' own');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'x ' }));
    document.body.firstElementChild!.append(span);
    expect(texts(span)).toEqual(['nested']);
  });

  it('tells the caller each container before reading it', () => {
    document.body.innerHTML = '<div id="a">x<p id="b">y</p></div>';
    const order: string[] = [];
    blocksOf(document.body, { onContainer: (c) => order.push((c as Element).id || (c as Element).localName) });
    expect(order).toEqual(['body', 'a', 'b']);
  });

  it('skips runs shorter than the shortest name and whitespace-only runs', () => {
    document.body.innerHTML = '<p>a</p><p>   </p><p>abcd</p>';
    expect(texts(document.body, { minLength: 2 })).toEqual(['abcd']);
  });

  it('pauses regularly on large trees', () => {
    for (let i = 0; i < 2000; i++) document.body.append(document.createElement('span'));
    const steps = [...walkBlocks(document.body)];
    expect(steps.filter((s) => s === undefined).length).toBeGreaterThan(5);
  });

  describe('with the page change count (editing widgets found by one query)', () => {
    const EDITORS = `
      <p>one <span contenteditable="true">typed Nvidia</span> more</p>
      <div contenteditable=""><p>Nvidia</p></div><div contenteditable="false">read</div>
      <div class="note cm-editor">Nvidia</div><div role="textbox" class="x">Nvidia</div>
      <p class="lead" id="lead">two <b class="b">bold</b></p><span id="host"></span>`;
    const build = () => {
      document.body.innerHTML = EDITORS;
      const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = '<p class="s">shadow</p><div role="combobox">Nvidia</div>';
    };

    it('reads what a walk matching each element reads, without matching any', () => {
      build();
      const expected = texts(document.body);
      expect(expected).toEqual(['one ', ' more', 'read', 'two bold', 'shadow']);
      const matches = vi.spyOn(Element.prototype, 'matches');
      try {
        expect(texts(document.body, { changeCount: () => 0 })).toEqual(expected);
        expect(matches).not.toHaveBeenCalled();
        texts(document.body);
        expect(matches).toHaveBeenCalled();
      } finally {
        matches.mockRestore();
      }
    });

    it('matches each element again once the page changed while the walk was paused', () => {
      for (let i = 0; i < 200; i++)
        document.body.append(Object.assign(document.createElement('p'), { textContent: `p${i}` }));
      const later = Object.assign(document.createElement('div'), { textContent: 'Nvidia typed' });
      document.body.append(later);
      let count = 0;
      const read: string[] = [];
      for (const step of walkBlocks(document.body, { changeCount: () => count })) {
        if (step === undefined && count === 0) {
          // The page makes a widget editable while the walk is paused: the query missed it.
          later.setAttribute('contenteditable', 'true');
          count++;
        }
        if (step) read.push(step.text);
      }
      expect(read).toHaveLength(200);
      expect(read).not.toContain('Nvidia typed');
    });

    it('is not used by a shallow walk', () => {
      build();
      const query = vi.spyOn(Element.prototype, 'querySelectorAll');
      try {
        expect(texts(document.getElementById('lead')!, { shallow: true, changeCount: () => 0 })).toEqual(['two bold']);
        expect(query).not.toHaveBeenCalled();
      } finally {
        query.mockRestore();
      }
    });
  });

  it('reports a lost position when the page removes the node it paused at', () => {
    const list = document.createElement('div');
    for (let i = 0; i < 600; i++) list.append(document.createElement('i'));
    list.append('Nvidia at the end');
    document.body.append(list);
    const lost: Node[] = [];
    const walk = walkBlocks(document.body, { onLost: (p) => lost.push(p) });
    const first = walk.next();
    expect(first.value).toBeUndefined();
    // The page replaces the list's children while the walk is paused in them.
    list.replaceChildren('replaced');
    for (let step = walk.next(); !step.done; step = walk.next());
    expect(lost).toEqual([list]);
  });

  it('reports a lost position when the page removes the next container while a block is handed over', () => {
    document.body.innerHTML = '<div id="outer">Before it<p id="gone">gone</p><p>after</p></div>';
    const outer = document.getElementById('outer')!;
    const lost: Node[] = [];
    const read: string[] = [];
    const walk = walkBlocks(document.body, { onLost: (p) => lost.push(p) });
    for (let step = walk.next(); !step.done; step = walk.next()) {
      if (!step.value) continue;
      read.push(step.value.text);
      // The consumer of "Before it" runs the page's code, which takes the next paragraph out.
      if (step.value.text === 'Before it') document.getElementById('gone')!.remove();
    }
    // Neither the removed paragraph nor anything after it is read by this walk: its
    // container is reported so that a walk of its own reads "after".
    expect(read).toEqual(['Before it']);
    expect(lost).toEqual([outer]);
  });

  it('reports a lost position when the page removes an inline element the walk paused in', () => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    for (let i = 0; i < 200; i++) b.append(document.createElement('i'));
    p.append('Nvidia ', b, ' tail');
    document.body.append(p, Object.assign(document.createElement('p'), { textContent: 'next' }));
    const lost: Node[] = [];
    const walk = walkBlocks(document.body, { onLost: (lostParent) => lost.push(lostParent) });
    expect(walk.next().value).toBeUndefined();
    // Paused among <b>'s children: the page takes <b> out of the paragraph.
    b.remove();
    const read: string[] = [];
    for (let step = walk.next(); !step.done; step = walk.next()) if (step.value) read.push(step.value.text);
    expect(lost).toEqual([p]);
    expect(read).toContain('next');
    expect(read.join('|')).not.toContain('tail');
  });
});

describe('offset map', () => {
  it('maps a match to pieces of each text node it touches', () => {
    document.body.innerHTML = '<p>See Moonshot <b>A<i>I</i></b> now</p>';
    const [block] = blocksOf(document.body);
    const start = block!.text.indexOf('Moonshot AI');
    const spans = spansOf(block!, start, start + 'Moonshot AI'.length);
    expect(spans.map((s) => [s.node.data, s.start, s.end, s.text])).toEqual([
      ['See Moonshot ', 4, 13, 'Moonshot '],
      ['A', 0, 1, 'A'],
      ['I', 0, 1, 'I'],
    ]);
  });

  it('finds the first node by binary search for matches deep in a long run', () => {
    const p = document.createElement('p');
    for (let i = 0; i < 100; i++) p.append(document.createElement('b'), `chunk${i} `);
    p.lastChild!.textContent = 'Nvidia';
    document.body.append(p);
    const [block] = blocksOf(document.body);
    const start = block!.text.length - 'Nvidia'.length;
    expect(spansOf(block!, start, block!.text.length)).toEqual([
      { node: p.lastChild, start: 0, end: 6, text: 'Nvidia' },
    ]);
  });
});

describe('dom rules', () => {
  it('finds the container of a node and refuses excluded places', () => {
    document.body.innerHTML = '<div id="d"><b id="b">x</b></div><div contenteditable><p id="e">y</p></div>';
    expect(containerOf(document.getElementById('b')!.firstChild!)).toBe(document.getElementById('d'));
    expect(isInExcludedSubtree(document.getElementById('e')!.firstChild!)).toBe(true);
    expect(isInExcludedSubtree(document.getElementById('b')!.firstChild!)).toBe(false);
  });
});
