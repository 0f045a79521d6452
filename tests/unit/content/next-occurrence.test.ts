// @vitest-environment jsdom
/**
 * `nextOccurrence`: keyboard navigation reaches every occurrence in document order, also
 * those not drawn yet (the viewport here never brings anything near by itself), inside open
 * shadow roots too, and follows the reader's density and category choices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Occurrence } from '../../../src/content/engine';
import type { Highlighter } from '../../../src/content/highlighter';
import type { Direction, TextPoint } from '../../../src/content/occurrences';
import { manualViewport, start } from './harness';

const PAGE = `
  <p id="p1">輝達 and Moonshot <b>AI</b></p>
  <p id="p2">A long way down: 大语言模型.</p>
  <div id="host"></div>
  <p id="p3">Nvidia again, then LLM.</p>`;

let highlighter: Highlighter | undefined;
beforeEach(() => {
  document.body.innerHTML = PAGE;
  const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>In a widget: 百川智能</p>';
});
afterEach(() => {
  highlighter?.stop();
  highlighter = undefined;
});

/** Where an occurrence is, drawn (its mark) or not yet (its text's element), as `isVisitable` judges it. */
const placeOf = ({ element, range }: Occurrence): Element => element ?? range.startContainer.parentElement!;

/** Presses "next" (or "previous") `count` times from `from`, like the shortcut does from the focused mark. */
function walk(h: Highlighter, count: number, direction: Direction = 'next', from?: TextPoint): string[] {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const found = h.nextOccurrence(from, direction);
    if (!found) break;
    seen.push(`${found.id}:${found.element?.textContent}`);
    from = { node: found.element!, offset: 0 };
  }
  return seen;
}

describe('nextOccurrence', () => {
  it('walks every occurrence in document order, drawing each one as it is reached', async () => {
    const viewport = manualViewport();
    ({ highlighter } = await start({ viewport: viewport.factory }));
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(walk(highlighter, 2)).toEqual(['nvidia:輝達', 'moonshot-ai:Moonshot ']);
    // Only what navigation reached is drawn (one start per occurrence); the rest still waits.
    expect(document.querySelectorAll('mark[data-columnlens-start]')).toHaveLength(2);
    expect(walk(highlighter, 7)).toEqual([
      'nvidia:輝達',
      'moonshot-ai:Moonshot ',
      'llm:大语言模型',
      'baichuan:百川智能',
      'nvidia:Nvidia',
      'llm:LLM',
      'nvidia:輝達', // and round again
    ]);
    // Five in the document, the sixth in the shadow tree.
    expect(document.querySelectorAll('mark[data-columnlens-start]')).toHaveLength(5);
    expect(document.getElementById('host')!.shadowRoot!.querySelector('mark')?.textContent).toBe('百川智能');
  });

  it('goes backwards from the last one, and continues from a point between occurrences', async () => {
    ({ highlighter } = await start({ viewport: manualViewport().factory }));
    expect(walk(highlighter, 3, 'previous')).toEqual(['llm:LLM', 'nvidia:Nvidia', 'baichuan:百川智能']);
    const p2 = document.getElementById('p2')!;
    expect(highlighter.nextOccurrence({ node: p2, offset: 0 }, 'next')?.id).toBe('llm');
    expect(highlighter.nextOccurrence({ node: p2, offset: 0 }, 'previous')?.id).toBe('moonshot-ai');
  });

  it('returns focusable start marks with their range', async () => {
    ({ highlighter } = await start());
    const found = highlighter.nextOccurrence(undefined, 'next')!;
    expect(found.element?.getAttribute('tabindex')).toBe('-1');
    expect(found.range.toString()).toBe('輝達');
    const second = highlighter.nextOccurrence({ node: found.element!, offset: 0 }, 'next')!;
    // A match across elements: the range covers both of its pieces.
    expect(second.range.toString()).toBe('Moonshot AI');
  });

  it('skips hidden categories and, with density "first", repeated entries', async () => {
    ({ highlighter } = await start({
      viewport: manualViewport().factory,
      filters: { density: 'first', hiddenCategories: new Set(['technology']) },
    }));
    expect(walk(highlighter, 4)).toEqual(['nvidia:輝達', 'moonshot-ai:Moonshot ', 'baichuan:百川智能', 'nvidia:輝達']);
  });

  it('skips an occurrence whose text the page changed before it was drawn', async () => {
    ({ highlighter } = await start({ viewport: manualViewport().factory }));
    const p2 = document.getElementById('p2')!.firstChild as Text;
    p2.data = 'The model is gone.';
    const first = highlighter.nextOccurrence(undefined, 'next')!;
    const next = highlighter.nextOccurrence({ node: first.element!, offset: 0 }, 'next');
    expect(next?.id).toBe('moonshot-ai');
    const third = highlighter.nextOccurrence({ node: next!.element!, offset: 0 }, 'next');
    expect(third?.id).toBe('baichuan');
  });

  it('passes over the occurrences the reader cannot be taken to, and finds none when every one is refused', async () => {
    // Refused: what is in the second paragraph and in the shadow tree (as if the page hid them).
    let refuse = (element: Element) => element.closest('#p2') !== null || element.getRootNode() !== document;
    let asked = 0;
    const canVisit = (occurrence: Occurrence) => (asked++, !refuse(placeOf(occurrence)));
    ({ highlighter } = await start({ viewport: manualViewport().factory, canVisit }));
    expect(walk(highlighter, 5)).toEqual([
      'nvidia:輝達',
      'moonshot-ai:Moonshot ',
      'nvidia:Nvidia',
      'llm:LLM',
      'nvidia:輝達',
    ]);
    expect(walk(highlighter, 2, 'previous')).toEqual(['llm:LLM', 'nvidia:Nvidia']);
    // Every occurrence refused: nothing, rather than looping round the page.
    refuse = () => true;
    asked = 0;
    const drawnBefore = document.querySelectorAll('mark').length;
    expect(highlighter.nextOccurrence(undefined, 'next')).toBeUndefined();
    // The nearest one, then once round the page (six occurrences), each judged before it is drawn.
    expect(asked).toBe(7);
    expect(document.querySelectorAll('mark')).toHaveLength(drawnBefore);
  });

  it('passes over hundreds of hidden occurrences to a visible one, drawing none of them', async () => {
    document.body.innerHTML = `<nav id="menu">${'<p>英伟达</p>'.repeat(250)}</nav><p id="shown">Visible Nvidia</p>`;
    const canVisit = (occurrence: Occurrence) => !placeOf(occurrence).closest('#menu');
    ({ highlighter } = await start({ viewport: manualViewport().factory, canVisit }));
    const found = highlighter.nextOccurrence(undefined, 'next');
    expect(found?.element?.closest('#shown')).not.toBeNull();
    expect(document.querySelectorAll('#menu mark')).toHaveLength(0);
    // And back the other way, round the page.
    expect(highlighter.nextOccurrence({ node: found!.element!, offset: 0 }, 'previous')?.element).toBe(found!.element);
  });

  it('"reveal" passes over the occurrences the reader cannot be taken to', async () => {
    let refuse = (element: Element) => element.closest('#p2') !== null;
    const focused: string[] = [];
    ({ highlighter } = await start({
      viewport: manualViewport().factory,
      canVisit: (occurrence) => !refuse(placeOf(occurrence)),
      visit: ({ element }) => focused.push(element!.closest('[id]')!.id),
    }));
    // LLM's first occurrence (大语言模型 in #p2) is refused, its second is not.
    expect(highlighter.reveal('llm')).toBe(true);
    expect(highlighter.reveal('llm')).toBe(true);
    expect(focused).toEqual(['p3', 'p3']);
    refuse = () => true;
    expect(highlighter.reveal('nvidia')).toBe(false);
    expect(focused).toHaveLength(2);
  });

  it('finds nothing once stopped', async () => {
    ({ highlighter } = await start());
    highlighter.stop();
    expect(highlighter.nextOccurrence(undefined, 'next')).toBeUndefined();
  });
});
