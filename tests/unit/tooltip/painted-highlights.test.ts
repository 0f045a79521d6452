// @vitest-environment jsdom
/**
 * The tooltip and keyboard navigation for painted highlights (highlight engine), which are
 * not elements: hover is found by hit-testing the caret position under the pointer, and
 * navigation selects the occurrence and pins its tooltip. jsdom has no layout, so the caret
 * position and text boxes are stubbed: character i of the line spans x = 10·i … 10·i + 10.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Occurrence } from '../../../src/content/engine';
import { adjacentItem, type TextPoint } from '../../../src/content/occurrences';
import {
  createOccurrenceVisitor,
  HIDE_GRACE_MS,
  NEXT_HIGHLIGHT_KEYS,
  SHOW_DELAY_MS,
  startHighlightNavigation,
  startTooltip,
  TOOLTIP_HOST_TAG,
  type Tooltip,
} from '../../../src/tooltip';
import { ENTRIES, fingerTap, tooltipPanel } from './fixture';

const LINE = 'Chips from Nvidia and Huawei, then Nvidia again.';
let text: Text;
let controller: AbortController;
let tooltip: Tooltip;
let active: boolean;
let caretCalls: number;
/** Painted highlights: [start, end, id], like the highlight engine's index. */
let painted: { start: number; end: number; id: string; gone: boolean }[];

const panel = () => tooltipPanel();
const term = () => panel()?.querySelector('.term')?.textContent ?? null;
const box = (left: number, right: number) => ({
  left,
  right,
  top: 0,
  bottom: 20,
  x: left,
  y: 0,
  width: right - left,
  height: 20,
});

// Text boxes for this file's jsdom (positioning may still be computing as a test ends).
Range.prototype.getClientRects = function (this: Range) {
  return [box(this.startOffset * 10, this.endOffset * 10)] as unknown as DOMRectList;
};
Range.prototype.getBoundingClientRect = function (this: Range) {
  return box(this.startOffset * 10, this.endOffset * 10) as DOMRect;
};

function rangeOf(start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  return range;
}

function move(x: number): void {
  document.body.dispatchEvent(
    new MouseEvent('pointermove', { bubbles: true, composed: true, clientX: x, clientY: 10 }),
  );
  vi.advanceTimersByTime(20); // the next frame
}

function press(code: string): boolean {
  const event = new KeyboardEvent('keydown', { code, altKey: true, shiftKey: true, bubbles: true, cancelable: true });
  document.body.dispatchEvent(event);
  return event.defaultPrevented;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `<p>${LINE}</p>`;
  text = document.querySelector('p')!.firstChild as Text;
  painted = [
    { start: 11, end: 17, id: 'nvidia', gone: false },
    { start: 22, end: 28, id: 'huawei', gone: false },
    { start: 35, end: 41, id: 'nvidia', gone: false },
  ];
  active = true;
  caretCalls = 0;
  Object.assign(document, {
    caretPositionFromPoint: (x: number) => {
      caretCalls++;
      return { offsetNode: text, offset: Math.round(x / 10) };
    },
  });
  window.scrollBy = vi.fn() as typeof window.scrollBy;
  controller = new AbortController();
  tooltip = startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => ENTRIES[id],
    getLanguage: () => 'en',
    hitTester: {
      active: () => active,
      at(node, offset) {
        const hit = painted.find((p) => node === text && offset >= p.start && offset < p.end);
        return hit && { id: hit.id, key: hit, range: rangeOf(hit.start, hit.end), alive: () => !hit.gone };
      },
    },
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.getSelection()?.removeAllRanges();
});

describe('hovering a painted highlight', () => {
  it('opens its tooltip after the delay, switches to the next one, closes when the pointer leaves', () => {
    move(5); // "C" of "Chips": no highlight
    move(125); // inside "Nvidia"
    vi.advanceTimersByTime(SHOW_DELAY_MS - 50);
    expect(panel()).toBeNull();
    vi.advanceTimersByTime(60);
    expect(term()).toBe('Nvidia');
    move(245); // "Huawei": an open tooltip switches at once
    expect(term()).toBe('華為');
    move(300); // between highlights
    vi.advanceTimersByTime(HIDE_GRACE_MS + 20);
    expect(panel()).toBeNull();
  });

  it('counts the right half of a highlight’s last character as inside it, but not the space after', () => {
    move(168); // caret after "Nvidia" (offset 17), pointer still over its "a"
    vi.advanceTimersByTime(SHOW_DELAY_MS + 20);
    expect(term()).toBe('Nvidia');
    move(178); // over the space after it
    vi.advanceTimersByTime(HIDE_GRACE_MS + 20);
    expect(panel()).toBeNull();
  });

  it('does no hit-testing while nothing is painted', () => {
    active = false;
    move(125);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 20);
    expect(caretCalls).toBe(0);
    expect(panel()).toBeNull();
  });
});

describe('a tooltip shown for a painted highlight by the keyboard', () => {
  it('stays until Esc, and closes when its highlight is gone', () => {
    tooltip.showFor({ id: 'huawei', range: rangeOf(22, 28), alive: () => !painted[1]!.gone });
    expect(term()).toBe('華為');
    vi.advanceTimersByTime(5_000);
    expect(term()).toBe('華為');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(panel()).toBeNull();

    tooltip.showFor({ id: 'huawei', range: rangeOf(22, 28), alive: () => !painted[1]!.gone });
    painted[1]!.gone = true; // switched off
    vi.advanceTimersByTime(50);
    expect(panel()).toBeNull();
  });

  it('takes Tab into its links, and closes when Tab leaves them (no mark to go back to)', () => {
    tooltip.showFor({ id: 'nvidia', range: rangeOf(11, 17) });
    const shadow = document.querySelector(TOOLTIP_HOST_TAG)!.shadowRoot!;
    // Nvidia's related 華為 (it opens in the tooltip), then its two links.
    const links = [...shadow.querySelectorAll<HTMLElement>('a[href], button')];
    expect(links).toHaveLength(3);
    const tab = () => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
      (shadow.activeElement ?? document.body).dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(tab()).toBe(true);
    expect(shadow.activeElement).toBe(links[0]);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 20);
    expect(term()).toBe('Nvidia');
    links.at(-1)!.focus(); // where the browser's Tabs go next
    expect(tab()).toBe(true);
    expect(panel()).toBeNull();
  });

  it('closes after a click elsewhere', () => {
    tooltip.showFor({ id: 'nvidia', range: rangeOf(11, 17) });
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(HIDE_GRACE_MS + 20);
    expect(panel()).toBeNull();
  });

  it('opens on a finger’s tap, which has no hover, and closes on a tap elsewhere', () => {
    /** A tap at x on the line. */
    const tap = (x: number) => fingerTap(document.querySelector('p')!, { clientX: x, clientY: 10 });
    tap(140);
    expect(term()).toBe('Nvidia');
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
    expect(term()).toBe('Nvidia');
    tap(250);
    expect(term()).toBe('華為');
    // A tap on text no highlight covers closes the tooltip, at once.
    tap(50);
    expect(panel()).toBeNull();
    // A pan makes no click: it opens nothing.
    for (const type of ['pointerdown', 'pointercancel']) {
      const init = { bubbles: true, pointerType: 'touch', clientX: 140, clientY: 10 };
      document.querySelector('p')!.dispatchEvent(new PointerEvent(type, init));
    }
    expect(panel()).toBeNull();
    // A mouse's click is not a tap: the mouse has hover.
    const click = { bubbles: true, pointerType: 'mouse', clientX: 140, clientY: 10 };
    document.querySelector('p')!.dispatchEvent(new PointerEvent('click', click));
    expect(panel()).toBeNull();
  });
});

describe('keyboard navigation over painted highlights', () => {
  it('selects each occurrence in turn, continuing from the selection, with its tooltip', () => {
    const occurrences: Occurrence[] = painted.map((p) => ({ id: p.id, range: rangeOf(p.start, p.end) }));
    const findOccurrence = vi.fn((from: TextPoint | undefined, direction: 'next' | 'previous') =>
      adjacentItem(
        occurrences,
        (o) => ({ node: o.range.startContainer, offset: o.range.startOffset }),
        from,
        direction,
      ),
    );
    const visitor = createOccurrenceVisitor(document, (target) => tooltip.showFor(target));
    startHighlightNavigation({ document, signal: controller.signal, findOccurrence, visitor });
    const visited: [string, string | null][] = [];
    for (let i = 0; i < 4; i++) {
      expect(press(NEXT_HIGHLIGHT_KEYS.code)).toBe(true);
      visited.push([document.getSelection()!.toString(), term()]);
    }
    expect(visited).toEqual([
      ['Nvidia', 'Nvidia'],
      ['Huawei', '華為'],
      ['Nvidia', 'Nvidia'],
      ['Nvidia', 'Nvidia'], // round again
    ]);
    expect(findOccurrence.mock.calls[1]![0]).toEqual({ node: text, offset: 11 });
    expect(window.scrollBy).toHaveBeenCalledTimes(4);
    // The reader selects something else: the next press starts over from the focus (none here).
    document.getSelection()!.removeAllRanges();
    press(NEXT_HIGHLIGHT_KEYS.code);
    expect(findOccurrence.mock.calls[4]![0]).toBeUndefined();
  });
});
