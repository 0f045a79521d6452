/**
 * Random pages as plain data (so fast-check can shrink and print them) and the code that
 * builds one into a document. Text mixes the bundled pack's names in all three scripts with
 * filler and tricky near-misses, then is cut at random places into adjacent text nodes and
 * inline elements, so names end up split across elements and across the page's own nodes.
 */
import fc from 'fast-check';
import { tokens } from './page-text';

/** Inline wrappers; `ce-false` is a span with contenteditable="false" (readable), `ruby` adds an <rt>. */
export const INLINE_TAGS = ['b', 'i', 'em', 'span', 'a', 'strong', 'sub', 'code', 'small', 'ce-false', 'ruby'] as const;
export const BLOCK_TAGS = [
  'div',
  'p',
  'li',
  'ul',
  'section',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'td',
  'tr',
  'table',
] as const;
export const EXCLUDED_KINDS = [
  'textarea',
  'input',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'cm-editor',
  'editable',
  'editable-empty',
  'plaintext-only',
  'textbox',
] as const;
type InlineTag = (typeof INLINE_TAGS)[number];
type BlockTag = (typeof BLOCK_TAGS)[number];
type ExcludedKind = (typeof EXCLUDED_KINDS)[number];

/** Text cut at `cuts` (taken modulo its length); segment i is wrapped in `wraps[i % n]` (outermost first). */
export interface Run {
  k: 'run';
  tokens: string[];
  cuts: number[];
  wraps: InlineTag[][];
}
export type Item =
  | Run
  | { k: 'block'; tag: BlockTag; kids: Item[] }
  | { k: 'inline'; tag: InlineTag; kids: Item[] }
  | { k: 'excluded'; kind: ExcludedKind; run: Run }
  | { k: 'br' };

const wrap = fc.oneof(
  { weight: 2, arbitrary: fc.constant([] as InlineTag[]) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...INLINE_TAGS), { minLength: 1, maxLength: 2 }) },
);
export const run: fc.Arbitrary<Run> = fc.record({
  k: fc.constant('run' as const),
  tokens,
  cuts: fc.array(fc.nat({ max: 200 }), { maxLength: 4 }),
  wraps: fc.array(wrap, { minLength: 1, maxLength: 4 }),
});

export const item: fc.Arbitrary<Item> = fc.letrec<{ item: Item }>((tie) => ({
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: run },
    {
      weight: 2,
      arbitrary: fc.record({
        k: fc.constant('block' as const),
        tag: fc.constantFrom(...BLOCK_TAGS),
        kids: fc.array(tie('item'), { maxLength: 4 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant('inline' as const),
        tag: fc.constantFrom(...INLINE_TAGS),
        kids: fc.array(tie('item'), { maxLength: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ k: fc.constant('excluded' as const), kind: fc.constantFrom(...EXCLUDED_KINDS), run }),
    },
    { weight: 1, arbitrary: fc.constant({ k: 'br' as const }) },
  ),
})).item;

export const page = fc.array(item, { minLength: 1, maxLength: 5 });

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** The run's text cut into segments; never inside a surrogate pair. */
export function segments(r: Run): string[] {
  const text = r.tokens.join('');
  const cuts = [...new Set(r.cuts.map((c) => c % (text.length + 1)))]
    .filter((c) => c > 0 && c < text.length && !isHigh(text.charCodeAt(c - 1)))
    .sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out.push(text.slice(from, cut));
    from = cut;
  }
  return out;
}

function inlineElement(doc: Document, tag: InlineTag): Element {
  if (tag === 'ce-false') {
    const span = doc.createElement('span');
    span.setAttribute('contenteditable', 'false');
    return span;
  }
  const el = doc.createElement(tag);
  if (tag === 'a') el.setAttribute('href', '#');
  return el;
}

/** Builds a run's nodes: bare text nodes (adjacent ones stay separate) or text in nested inline elements. */
function buildRun(doc: Document, r: Run): Node[] {
  return segments(r).map((text, i) => {
    const tags = r.wraps[i % r.wraps.length]!;
    let node: Node = doc.createTextNode(text);
    for (const tag of [...tags].reverse()) {
      const el = inlineElement(doc, tag);
      el.appendChild(node);
      // Ruby annotations are skipped by the reader without splitting the base text.
      if (tag === 'ruby') el.appendChild(doc.createElement('rt')).textContent = 'pin';
      node = el;
    }
    return node;
  });
}

const SVG = 'http://www.w3.org/2000/svg';

function buildExcluded(doc: Document, kind: ExcludedKind, r: Run): Node {
  const text = r.tokens.join('');
  const withText = (el: Element) => (el.appendChild(doc.createTextNode(text)), el);
  const withRun = (el: Element) => (el.append(...buildRun(doc, r)), el);
  const attr = (el: Element, name: string, value: string) => (el.setAttribute(name, value), el);
  switch (kind) {
    case 'textarea':
    case 'noscript':
    case 'button':
      return withRun(doc.createElement(kind));
    case 'input':
      // A void element, but the DOM lets a page (or a framework bug) give it children.
      return withText(attr(doc.createElement('input'), 'value', text));
    case 'script':
      return withText(attr(doc.createElement('script'), 'type', 'text/plain'));
    case 'style':
      return withText(attr(doc.createElement('style'), 'type', 'text/plain'));
    case 'template':
      return withRun(doc.createElement('template'));
    case 'svg':
      return doc.createElementNS(SVG, 'svg').appendChild(withText(doc.createElementNS(SVG, 'text'))).parentNode!;
    case 'select':
      return doc.createElement('select').appendChild(withText(doc.createElement('option'))).parentNode!;
    case 'cm-editor':
      return withRun(attr(doc.createElement('div'), 'class', 'cm-editor'));
    case 'editable':
      return withRun(attr(doc.createElement('div'), 'contenteditable', 'true'));
    case 'editable-empty':
      return withRun(attr(doc.createElement('span'), 'contenteditable', ''));
    case 'plaintext-only':
      return withRun(attr(doc.createElement('p'), 'contenteditable', 'plaintext-only'));
    case 'textbox':
      return withRun(attr(doc.createElement('div'), 'role', 'textbox'));
  }
}

/** Builds an item into nodes of `doc`. */
export function build(doc: Document, it: Item): Node[] {
  switch (it.k) {
    case 'run':
      return buildRun(doc, it);
    case 'br':
      return [doc.createElement('br')];
    case 'excluded':
      return [buildExcluded(doc, it.kind, it.run)];
    case 'block':
    case 'inline': {
      const el = it.k === 'block' ? doc.createElement(it.tag) : inlineElement(doc, it.tag);
      for (const kid of it.kids) el.append(...build(doc, kid));
      return [el];
    }
  }
}
