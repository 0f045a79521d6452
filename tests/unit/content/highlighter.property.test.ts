// @vitest-environment jsdom
/**
 * Random pages, random changes: whatever the page looks like and however it changes while
 * highlighted, no highlight lands in an excluded element, every highlight spells one of its
 * entry's names, and switching off leaves exactly what the page would have without us.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from './fake-scanner';
import { sleep, start } from './harness';

type Spec = { t: 'text'; s: string } | { t: 'el'; tag: string; kids: Spec[] };

const TEXT = fc
  .array(
    fc.constantFrom(
      '輝',
      '達',
      '輝達',
      'Nvidia',
      'Nvi',
      'dia',
      '月之',
      '暗面',
      'Moonshot',
      ' ',
      'AI',
      '大语言模型',
      'x',
      '，',
      'LLM',
      'Arm',
      'Armed',
      '英伟达',
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));
const INLINE = ['b', 'em', 'span', 'a'];
const BLOCK = ['p', 'div', 'section', 'li'];
const EXCLUDED = ['textarea', 'script', 'style', 'editable', 'svg', 'noscript', 'button', 'template'];

const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT.map((s) => ({ t: 'text' as const, s })),
    fc.record({
      t: fc.constant('el' as const),
      tag: fc.constantFrom(...INLINE, ...BLOCK),
      kids: fc.array(tie('node'), { maxLength: 4 }),
    }),
    fc.record({
      t: fc.constant('el' as const),
      tag: fc.constantFrom(...EXCLUDED),
      kids: fc.array(
        TEXT.map((s) => ({ t: 'text' as const, s })),
        { maxLength: 2 },
      ),
    }),
  ),
})).node;

function build(doc: Document, node: Spec): Node {
  if (node.t === 'text') return doc.createTextNode(node.s);
  let el: Element;
  if (node.tag === 'svg') el = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  else if (node.tag === 'editable') {
    el = doc.createElement('div');
    el.setAttribute('contenteditable', 'true');
  } else el = doc.createElement(node.tag);
  // jsdom runs scripts it is given; the test only needs their text to sit in the page.
  if (node.tag === 'script') el.setAttribute('type', 'text/plain');
  for (const kid of node.kids) el.appendChild(build(doc, kid));
  return el;
}

type Op = { kind: 'data' | 'remove' | 'appendText' | 'appendBlock'; at: number; text: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('data', 'remove', 'appendText', 'appendBlock'),
  at: fc.nat(),
  text: TEXT,
});

function nodesOf(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    n.childNodes.forEach(walk);
  };
  root.childNodes.forEach(walk);
  return out;
}

function applyOp(doc: Document, nodes: Node[], o: Op): void {
  if (nodes.length === 0) return;
  const node = nodes[o.at % nodes.length]!;
  if (o.kind === 'data' && node.nodeType === 3) (node as Text).data = o.text;
  else if (o.kind === 'remove') node.parentNode?.removeChild(node);
  else if (o.kind === 'appendText' && node.nodeType === 1) node.appendChild(doc.createTextNode(o.text));
  else if (o.kind === 'appendBlock' && node.nodeType === 1) {
    const p = doc.createElement('p');
    p.textContent = o.text;
    node.appendChild(p);
  }
}

const NAMES = new Map(ENTRIES.map((e) => [e.id, e.names]));
const EXCLUDED_SELECTOR = 'textarea, script, style, [contenteditable], svg, noscript, button, template';

/** Every occurrence (start piece plus the pieces that follow it) spells a name of its entry. */
function checkMarks(root: Element): void {
  const marks = [...root.querySelectorAll('mark.columnlens-mark')];
  for (const mark of marks) expect(mark.closest(EXCLUDED_SELECTOR)).toBeNull();
  let current: { id: string; text: string } | undefined;
  const done: { id: string; text: string }[] = [];
  for (const mark of marks) {
    if (mark.hasAttribute('data-columnlens-start')) {
      if (current) done.push(current);
      current = { id: mark.getAttribute('data-glossary-id')!, text: '' };
    }
    expect(current?.id).toBe(mark.getAttribute('data-glossary-id'));
    current!.text += mark.textContent;
  }
  if (current) done.push(current);
  for (const occurrence of done) expect(NAMES.get(occurrence.id)).toContain(occurrence.text);
}

describe('highlighter on random pages', () => {
  it('keeps its promises through random changes and restores exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { minLength: 1, maxLength: 5 }),
        fc.array(op, { maxLength: 6 }),
        fc.boolean(),
        async (specs, ops, waitBetween) => {
          const live = document.createElement('main');
          document.body.replaceChildren(live);
          const reference = document.implementation.createHTMLDocument('').createElement('main');
          for (const s of specs) {
            live.appendChild(build(document, s));
            reference.appendChild(build(reference.ownerDocument, s));
          }
          const liveNodes = nodesOf(live);
          const referenceNodes = nodesOf(reference);
          const { highlighter } = await start({ changeTiming: { delay: 0, cooldown: 0 } });
          try {
            checkMarks(live);
            for (const o of ops) {
              applyOp(document, liveNodes, o);
              applyOp(reference.ownerDocument, referenceNodes, o);
              if (waitBetween) {
                await sleep(5);
                await highlighter.idle();
                checkMarks(live);
              }
            }
            await sleep(5);
            await highlighter.idle();
            checkMarks(live);
          } finally {
            highlighter.stop();
          }
          expect(live.innerHTML).toBe(reference.innerHTML);
          // Nothing of ours left behind: the same number of nodes, no empty text nodes we made.
          expect(nodesOf(live).length).toBe(nodesOf(reference).length);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
