// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  NEXT_HIGHLIGHT_KEYS,
  PREVIOUS_HIGHLIGHT_KEYS,
  startHighlightNavigation,
  startTooltip,
} from '../../../src/tooltip';
import { adjacentHighlight } from '../../../src/tooltip/highlight-navigation';
import { buildPage, ENTRIES, tooltipPanel } from './fixture';

let controller: AbortController;
const starts = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));

/** Presses Alt+Shift+<code> on `target` (the focused element by default); returns whether it was taken. */
function press(code: string, target: Element = document.activeElement ?? document.body): boolean {
  const event = new KeyboardEvent('keydown', {
    code,
    key: 'J',
    altKey: true,
    shiftKey: true,
    bubbles: true,
    cancelable: true,
    // As the browser's are: out of the tooltip's shadow tree too.
    composed: true,
  });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

beforeEach(() => {
  buildPage(document);
  controller = new AbortController();
  Element.prototype.scrollIntoView = vi.fn();
  startHighlightNavigation({ document, signal: controller.signal });
});

afterEach(() => {
  controller.abort();
  (document.activeElement as HTMLElement | null)?.blur();
});

describe('keyboard navigation between highlights', () => {
  it('visits each highlight start in document order and wraps around', () => {
    const order = starts();
    expect(order).toHaveLength(4);
    const visited: Element[] = [];
    for (let i = 0; i < order.length + 1; i++) {
      expect(press(NEXT_HIGHLIGHT_KEYS.code)).toBe(true);
      visited.push(document.activeElement!);
    }
    expect(visited).toEqual([...order, order[0]]);
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  it('goes backwards with the previous key, starting from the last', () => {
    const order = starts();
    press(PREVIOUS_HIGHLIGHT_KEYS.code);
    expect(document.activeElement).toBe(order[3]);
    press(PREVIOUS_HIGHLIGHT_KEYS.code);
    expect(document.activeElement).toBe(order[2]);
  });

  it('continues from wherever focus is on the page', () => {
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = 'a link between';
    document.querySelectorAll('p')[1]!.after(link);
    link.focus();
    press(NEXT_HIGHLIGHT_KEYS.code);
    expect(document.activeElement).toBe(starts()[2]);
    link.focus();
    press(PREVIOUS_HIGHLIGHT_KEYS.code);
    expect(document.activeElement).toBe(starts()[1]);
  });

  it('leaves the keys alone while the reader types, and without the modifiers', () => {
    const input = document.querySelector('input')!;
    input.focus();
    expect(press(NEXT_HIGHLIGHT_KEYS.code)).toBe(false);
    expect(document.activeElement).toBe(input);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    document.body.append(editor);
    expect(press(NEXT_HIGHLIGHT_KEYS.code, editor)).toBe(false);
    // An editor drawn without contenteditable (its own key handling) is typed in all the same.
    const box = document.createElement('div');
    box.setAttribute('role', 'textbox');
    document.body.append(box);
    expect(press(NEXT_HIGHLIGHT_KEYS.code, box)).toBe(false);
    input.blur();
    const plain = new KeyboardEvent('keydown', {
      code: NEXT_HIGHLIGHT_KEYS.code,
      altKey: true,
      bubbles: true,
      cancelable: true,
    });
    document.body.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(false);
  });

  it('opens the tooltip on the highlight it moves to', () => {
    startTooltip({ document, signal: controller.signal, getEntry: (id) => ENTRIES[id], getLanguage: () => 'en' });
    press(NEXT_HIGHLIGHT_KEYS.code);
    press(NEXT_HIGHLIGHT_KEYS.code);
    expect(tooltipPanel()?.querySelector('.term')?.textContent).toBe('華為');
  });

  it('goes on from the highlight whose tooltip holds focus, not from the tooltip at the page’s end', () => {
    controller.abort();
    controller = new AbortController();
    const tooltip = startTooltip({
      document,
      signal: controller.signal,
      getEntry: (id) => ENTRIES[id],
      getLanguage: () => 'en',
      openEditor: () => {},
    });
    startHighlightNavigation({ document, signal: controller.signal, focusedMark: () => tooltip.focusedMark() });
    const order = starts();
    for (const [key, expected] of [
      [NEXT_HIGHLIGHT_KEYS.code, order[2]],
      [PREVIOUS_HIGHLIGHT_KEYS.code, order[0]],
    ] as const) {
      order[1]!.focus();
      // The reader tabs into the tooltip, to its Edit button.
      const edit = tooltipPanel()?.querySelector<HTMLElement>('button');
      edit!.focus();
      expect(tooltip.focusedMark()).toBe(order[1]);
      expect(press(key, edit!)).toBe(true);
      expect(document.activeElement).toBe(expected);
    }
  });

  it('does nothing without highlights, and nothing after the signal aborts', () => {
    for (const mark of starts()) mark.removeAttribute('data-columnlens-start');
    expect(press(NEXT_HIGHLIGHT_KEYS.code)).toBe(false);
    buildPage(document);
    controller.abort();
    expect(press(NEXT_HIGHLIGHT_KEYS.code)).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('adjacentHighlight', () => {
  it('handles an empty list and a single highlight', () => {
    expect(adjacentHighlight([], null, 'next')).toBeUndefined();
    const only = document.createElement('mark');
    expect(adjacentHighlight([only], only, 'next')).toBe(only);
    expect(adjacentHighlight([only], only, 'previous')).toBe(only);
  });
});
