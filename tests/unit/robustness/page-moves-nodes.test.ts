// @vitest-environment jsdom
/**
 * Regressions found by the random-DOM property test (random-dom.test.ts), kept as plain
 * cases: a page that moves its own text node while it is highlighted (wraps it in a new
 * element, unwraps its parent, moves or detaches it).
 *
 * The first three lost the text after the first highlight (dom-engine.ts `restore` gave the
 * original its text back only where it had been); fixed. The last was a known bug: when the
 * moved node's new container was read before its old one in the same batch of changes, the
 * node got its text back only after its new container was read, and that text stayed without
 * highlights and uncounted. Fixed: every changed container of a batch lets go of its text
 * before any of them is read (highlighter.ts `readChanges`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlighter } from '../../../src/content/highlighter';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { settle as settleAfter, start, viewOf } from '../content/harness';

const entries: RuntimeEntry[] = [
  { id: 'nvidia', term: 'Nvidia', aliases: ['輝達'], category: 'company', context: 'A chip maker.', packId: 'test' },
];
const view = viewOf(entries);

let highlighter: Highlighter | undefined;
afterEach(() => highlighter?.stop());

/** Highlights a page of one paragraph and returns its text node (split by one highlight). */
async function highlighted(): Promise<{ text: Text; block: HTMLElement }> {
  const block = document.createElement('p');
  block.textContent = 'Chips from Nvidia sell well';
  document.body.replaceChildren(block, document.createElement('div'));
  const text = block.firstChild as Text;
  ({ highlighter } = await start({ view, changeTiming: { delay: 0, cooldown: 0 } }));
  expect(block.querySelectorAll('mark')).toHaveLength(1);
  return { text, block };
}

const settle = () => settleAfter(highlighter!, 5);

describe('a page that moves its highlighted text node', () => {
  it('wrapping it in a new element keeps all of its text, highlighted, and gives it back whole', async () => {
    const { text, block } = await highlighted();
    const bold = document.createElement('b');
    block.insertBefore(bold, text);
    bold.appendChild(text);
    await settle();
    expect(block.textContent).toBe('Chips from Nvidia sell well');
    expect(block.querySelectorAll('b mark')).toHaveLength(1);
    highlighter!.stop();
    expect(text.data).toBe('Chips from Nvidia sell well');
    expect(block.childNodes).toHaveLength(1);
  });

  it('unwrapping its parent into another element keeps all of its text', async () => {
    const { text, block } = await highlighted();
    const div = document.createElement('div');
    block.before(div);
    while (block.firstChild) div.appendChild(block.firstChild);
    block.remove();
    await settle();
    expect(div.textContent).toBe('Chips from Nvidia sell well');
    highlighter!.stop();
    expect(text.data).toBe('Chips from Nvidia sell well');
    expect(div.childNodes).toHaveLength(1);
  });

  it('a node it detached still holds its full text when highlights go off (scripts may re-insert it)', async () => {
    const { text, block } = await highlighted();
    text.remove();
    highlighter!.stop();
    expect(text.data).toBe('Chips from Nvidia sell well');
    expect(block.childNodes).toHaveLength(0);
  });

  it('moved into a block read before its old one, it is highlighted there', async () => {
    const { text } = await highlighted();
    const div = document.querySelector('div')!;
    div.append('Nvidia again, ');
    div.append(text);
    await settle();
    expect(div.textContent).toBe('Nvidia again, Chips from Nvidia sell well');
    expect([...div.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Nvidia', 'Nvidia']);
    expect(highlighter!.summary()).toEqual({ nvidia: 2 });
  });
});
