// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { copyWithoutHighlights, keepHighlightsOutOfCopies } from '../../../src/content/clean-copy';
import { createDomEngine } from '../../../src/content/dom-engine';
import type { Piece } from '../../../src/content/engine';
import { rangeHoldsHighlights, rangeHtml } from '../../../src/content/selection-html';

const NAMES = ['Nvidia', '騰訊', 'Tencent'];

/** Draws every occurrence of NAMES under `root` with the real DOM engine. */
function highlight(root: Element): void {
  const engine = createDomEngine(document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const node of texts) {
    const pieces: Piece[] = [];
    for (const name of NAMES) {
      for (let at = node.data.indexOf(name); at >= 0; at = node.data.indexOf(name, at + name.length)) {
        pieces.push({ node, start: at, end: at + name.length, text: name, id: name, category: 'company', first: true });
      }
    }
    pieces.sort((a, b) => a.start - b.start);
    if (pieces.length > 0) engine.apply(pieces);
  }
}

/** The DOM point of character `index` of `root`'s text: in the next text node for a start, the previous one for an end. */
function pointAt(root: Node, index: number, side: 'start' | 'end'): [Text, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (side === 'start' ? index < seen + len : index <= seen + len) return [n, index - seen];
    seen += len;
  }
  throw new Error(`no character ${index}`);
}

function rangeOf(root: Node, from: number, to: number): Range {
  const range = document.createRange();
  range.setStart(...pointAt(root, from, 'start'));
  range.setEnd(...pointAt(root, to, 'end'));
  return range;
}

const absolute = (href: string) => new URL(href, document.baseURI).href;

beforeEach(() => {
  document.body.replaceChildren();
});

describe('the HTML of a selection, without our highlights', () => {
  const PAGE =
    '<p>The chips of <a href="/n">Nvidia</a> and <b>騰訊</b> (Tencent) &amp; more.</p>' +
    '<ul><li>One <i>Nvidia</i></li><li>two</li></ul><p>Last: Tencent, 騰訊</p>';

  it('is, for every range, what the same range gives on the page without them', () => {
    const pristine = document.createElement('div');
    pristine.innerHTML = PAGE;
    const marked = document.createElement('div');
    marked.innerHTML = PAGE;
    document.body.append(pristine, marked);
    highlight(marked);
    expect(marked.querySelectorAll('mark').length).toBe(6);
    const length = pristine.textContent!.length;
    let checked = 0;
    for (let from = 0; from < length; from++) {
      for (let to = from + 1; to <= length; to++) {
        const want = rangeHtml(rangeOf(pristine, from, to));
        const got = rangeHtml(rangeOf(marked, from, to));
        if (got !== want) expect({ from, to, got }).toEqual({ from, to, got: want });
        checked++;
      }
    }
    expect(checked).toBe((length * (length + 1)) / 2);
  });

  it('is the page’s own HTML where nothing needed changing (as Range.cloneContents gives it)', () => {
    document.body.innerHTML = '<div id="r"><p>One <b>two</b></p><p>three <i>four</i> five</p></div>';
    const root = document.getElementById('r')!;
    const length = root.textContent!.length;
    for (let from = 0; from < length; from++) {
      for (let to = from + 1; to <= length; to++) {
        const range = rangeOf(root, from, to);
        const common = range.commonAncestorContainer;
        // Inline elements around the whole selection are added on purpose: compare below them.
        if (common.nodeType !== 1 || !['div', 'p'].includes((common as Element).localName)) continue;
        const clone = document.createElement('div');
        clone.append(range.cloneContents());
        expect(rangeHtml(range), `${from}–${to}`).toBe(clone.innerHTML);
      }
    }
  });

  it('keeps a link around a selection inside it, made absolute, and the text of a mark in it', () => {
    document.body.innerHTML = '<p>Read <a href="/news?a=1&amp;b=2" class="x">about Nvidia today</a>.</p>';
    highlight(document.body);
    const range = rangeOf(document.body, 'Read about N'.length, 'Read about Nvid'.length);
    expect(rangeHtml(range)).toBe(`<a href="${absolute('/news?a=1&b=2').replace('&', '&amp;')}" class="x">vid</a>`);
  });

  it('leaves out our UI, scripts, styles and event handlers, and escapes text', () => {
    document.body.innerHTML =
      '<div id="r"><p onclick="steal()">1 &lt; 2 &amp; Nvidia</p><div data-columnlens-ui="">tooltip</div>' +
      '<script>var x = 1;</script><style>p{}</style><p>end\u00a0here</p></div>';
    highlight(document.body);
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('r')!);
    expect(rangeHtml(range)).toBe('<p>1 &lt; 2 &amp; Nvidia</p><p>end&nbsp;here</p>');
  });

  it('leaves out what the page does not display, as the browser’s own copy does', () => {
    document.body.innerHTML =
      '<style>.menu{display:none}</style><div id="r"><p>Nvidia reported,<span class="menu">Share Like</span> ' +
      '<span hidden>Advertisement</span><span style="display:none"><b>more</b></span>shares rose.</p></div>';
    highlight(document.body);
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('r')!);
    expect(rangeHtml(range)).toBe('<p>Nvidia reported, shares rose.</p>');
  });

  it('tells whether a range holds, touches or sits inside a highlight', () => {
    document.body.innerHTML = '<p>Before. The chips of Nvidia.</p><p>Nothing here.</p>';
    highlight(document.body);
    const text = document.body.textContent!;
    const at = (s: string) => text.indexOf(s);
    expect(rangeHoldsHighlights(rangeOf(document.body, at('Before'), at('The')))).toBe(false);
    expect(rangeHoldsHighlights(rangeOf(document.body, at('chips'), at('Nvidia') + 2))).toBe(true);
    expect(rangeHoldsHighlights(rangeOf(document.body, at('Nvidia') + 1, at('Nvidia') + 3))).toBe(true);
    expect(rangeHoldsHighlights(rangeOf(document.body, at('Nothing'), text.length))).toBe(false);
    const all = document.createRange();
    all.selectNodeContents(document); // A select-all that spans the document itself.
    expect(rangeHoldsHighlights(all)).toBe(true);
    expect(rangeHtml(all)).toBe('<html><body><p>Before. The chips of Nvidia.</p><p>Nothing here.</p></body></html>');
    const collapsed = rangeOf(document.body, at('Nvidia') + 1, at('Nvidia') + 1);
    expect(collapsed.collapsed).toBe(true);
    expect(rangeHoldsHighlights(collapsed)).toBe(false);
  });
});

/** A copy (or drag) event as the browser sends it, with data that records what is written. */
function transferEvent(
  target: EventTarget,
  type: 'copy' | 'dragstart' = 'copy',
): { event: Event; written: Map<string, string> } {
  const written = new Map<string, string>();
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, type === 'copy' ? 'clipboardData' : 'dataTransfer', {
    value: { setData: (kind: string, value: string) => written.set(kind, value) },
  });
  target.dispatchEvent(event);
  return { event, written };
}
const copyEvent = (target: EventTarget) => transferEvent(target, 'copy');

function select(from: Node, to: Node): void {
  const range = document.createRange();
  range.setStartBefore(from);
  range.setEndAfter(to);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

describe('copying', () => {
  let stop: AbortController;
  beforeEach(() => {
    stop?.abort();
    stop = new AbortController();
    keepHighlightsOutOfCopies(document, stop.signal);
  });

  it('writes the selection without highlights when it holds one, and cancels the browser’s copy', () => {
    document.body.innerHTML = '<p id="a">The chips of Nvidia.</p><p id="b">And 騰訊.</p>';
    highlight(document.body);
    select(document.getElementById('a')!, document.getElementById('b')!);
    const { event, written } = copyEvent(document.getElementById('a')!);
    expect(event.defaultPrevented).toBe(true);
    expect(written.get('text/html')).toBe('<p id="a">The chips of Nvidia.</p><p id="b">And 騰訊.</p>');
    expect(written.get('text/plain')).toBe(document.getSelection()!.toString());
    expect(copyWithoutHighlights(document.getSelection()!)?.html).toBe(written.get('text/html'));
  });

  it('leaves a copy without highlights to the browser', () => {
    document.body.innerHTML = '<p id="a">Plain text.</p><p>Nvidia</p>';
    highlight(document.body);
    select(document.getElementById('a')!, document.getElementById('a')!);
    const { event, written } = copyEvent(document.getElementById('a')!);
    expect(event.defaultPrevented).toBe(false);
    expect(written.size).toBe(0);
  });

  it('leaves a copy the page took over, or one from a field, and stops when told', () => {
    document.body.innerHTML =
      '<p id="a">Nvidia</p><textarea id="t">x</textarea><select id="s"><option>x</option></select>';
    highlight(document.body);
    select(document.getElementById('a')!, document.getElementById('a')!);
    const pageWrites = (e: Event) => e.preventDefault();
    document.addEventListener('copy', pageWrites);
    const taken = copyEvent(document.getElementById('a')!);
    document.removeEventListener('copy', pageWrites);
    expect(taken.written.size).toBe(0);
    expect(copyEvent(document.getElementById('t')!).written.size).toBe(0);
    expect(copyEvent(document.getElementById('s')!).written.size).toBe(0);
    expect(copyEvent(document.getElementById('a')!).written.size).toBe(2);
    stop.abort();
    expect(copyEvent(document.getElementById('a')!).written.size).toBe(0);
  });

  it('gives a dragged selection the same data, without cancelling the drag; a dragged link or image is left alone', () => {
    document.body.innerHTML = '<p id="a">The chips of <a href="/n">Nvidia</a>.</p>';
    highlight(document.body);
    select(document.getElementById('a')!, document.getElementById('a')!);
    const fromText = document.getElementById('a')!.firstChild!;
    expect(fromText.nodeType).toBe(3);
    const dragged = transferEvent(fromText, 'dragstart');
    expect(dragged.event.defaultPrevented).toBe(false);
    expect(dragged.written.get('text/html')).toBe(copyWithoutHighlights(document.getSelection()!)!.html);
    expect(dragged.written.get('text/html')).not.toContain('mark');
    expect(transferEvent(document.querySelector('a')!, 'dragstart').written.size).toBe(0);
  });
});
