// @vitest-environment jsdom
/**
 * Pages that take our highlights away themselves (the jsdom side of hostile.e2e.test.ts):
 * a deletion of highlighted text must stand, a page that unwraps every mark must not be
 * fought (we step aside after two rounds per container, page.state.ts explains why), and a
 * page that re-renders its text is read again every time: that is no fight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlighter } from '../../../src/content/highlighter';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { launch, settle as settleAfter, viewOf } from '../content/harness';

const entries: RuntimeEntry[] = [
  { id: 'nvidia', term: 'Nvidia', aliases: ['輝達'], category: 'company', context: 'A chip maker.', packId: 'test' },
];
const view = viewOf(entries);

let highlighter: Highlighter | undefined;
let pageObserver: MutationObserver | undefined;
afterEach(() => {
  pageObserver?.disconnect();
  highlighter?.stop();
});

async function highlight(html: string): Promise<void> {
  ({ highlighter } = launch({ html, view, changeTiming: { delay: 0, cooldown: 0 } }));
  await settle();
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await settleAfter(highlighter!, 5);
}

const marks = () => document.querySelectorAll('mark').length;

describe('a page that takes our highlights away', () => {
  it('deleting one highlight: the deletion stands, the rest stays highlighted, and off gives one text node', async () => {
    await highlight('<p>Nvidia and 輝達 and Nvidia</p>');
    const p = document.querySelector('p')!;
    const original = p.firstChild as Text;
    expect(marks()).toBe(3);
    p.querySelectorAll('mark')[1]!.remove();
    await settle();
    expect(p.textContent).toBe('Nvidia and  and Nvidia');
    expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Nvidia', 'Nvidia']);
    expect(highlighter!.summary()).toEqual({ nvidia: 2 });
    highlighter!.stop();
    expect(p.innerHTML).toBe('Nvidia and  and Nvidia');
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
  });

  it('unwrapping every mark: two rounds per paragraph, then no more marks, and the text as served', async () => {
    const html = ['<p>Nvidia sells chips</p>', '<p>輝達的晶片</p>', '<p>Chips by Nvidia</p>', '<p>又是輝達</p>'].join(
      '',
    );
    let unwrapped = 0;
    pageObserver = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.localName === 'mark' && node.parentNode) {
            node.replaceWith(...node.childNodes);
            unwrapped++;
          }
        }
      }
    });
    pageObserver.observe(document.body, { childList: true, subtree: true });
    await highlight(html);
    const served = 'Nvidia sells chips輝達的晶片Chips by Nvidia又是輝達';
    for (let i = 0; i < 10; i++) await settle();
    const settled = unwrapped;
    expect(settled).toBeGreaterThan(0);
    // Two rounds of four names: the page fought back twice in each paragraph, we stopped.
    expect(settled).toBeLessThanOrEqual(8);
    for (let i = 0; i < 5; i++) await settle();
    expect(unwrapped).toBe(settled);
    expect(marks()).toBe(0);
    expect(document.body.textContent).toBe(served);
    // What is on the page is still counted (the badge), though not drawn.
    expect(highlighter!.summary()).toEqual({ nvidia: 4 });
    highlighter!.stop();
    expect(document.body.textContent).toBe(served);
  });

  it('re-rendering its text (ours with it) is no fight: it is highlighted again every time', async () => {
    await highlight('<p>Nvidia sells chips</p><p>輝達的晶片</p>');
    for (let round = 0; round < 5; round++) {
      // What a framework's render does: new text nodes with the same text.
      for (const p of document.querySelectorAll('p')) p.replaceChildren(p.textContent ?? '');
      await settle();
      expect(marks()).toBe(2);
    }
    expect(highlighter!.summary()).toEqual({ nvidia: 2 });
  });
});
