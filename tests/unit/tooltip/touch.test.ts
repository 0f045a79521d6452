// @vitest-environment jsdom
/**
 * The tooltip on a touch screen. A tap sends the pointer's over, down, up and out at once, then
 * focuses the highlight it landed on: the focus opens the tooltip and holds it. A tap on a
 * related entry shows that entry and the tooltip stays to be read; a tap anywhere else closes
 * it at once and leaves the page as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDE_GRACE_MS, startTooltip, TOOLTIP_HOST_TAG } from '../../../src/tooltip';
import { buildPage, ENTRIES, tooltipPanel } from './fixture';

let controller: AbortController;
let pristine: string;

const markOf = (id: string) =>
  document.querySelector<HTMLElement>(`mark[data-columnlens-start][data-glossary-id="${id}"]`)!;
const term = () => tooltipPanel()?.querySelector('.term')?.textContent ?? null;
const host = () => document.querySelector(TOOLTIP_HOST_TAG)!;

/** A finger's tap on `target` (inside the tooltip: `inner`), as a browser reports it. */
function tap(target: Element, inner: Element = target): void {
  const pointer = (type: string, relatedTarget: Element | null = null) =>
    target.dispatchEvent(
      new PointerEvent(type, { bubbles: true, composed: true, pointerType: 'touch', relatedTarget }),
    );
  pointer('pointerover');
  pointer('pointerdown');
  pointer('pointerup');
  pointer('pointerout');
  // Then the compatibility click, which focuses what is focusable there.
  if (inner instanceof HTMLElement && inner.matches('mark[tabindex], button')) inner.focus();
  inner.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
}

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  pristine = document.body.innerHTML;
  controller = new AbortController();
  startTooltip({ document, signal: controller.signal, getEntry: (id) => ENTRIES[id], getLanguage: () => 'en' });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('the tooltip on a touch screen', () => {
  it('opens on a tap, stays through a tap on a related entry, and closes on a tap elsewhere', () => {
    tap(markOf('nvidia'));
    expect(term()).toBe('Nvidia');
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
    expect(term()).toBe('Nvidia');

    const related = tooltipPanel()!.querySelector<HTMLElement>('.related-entry')!;
    markOf('nvidia').blur(); // focus goes to the button the finger landed on
    tap(host(), related);
    expect(term()).toBe('華為');
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
    expect(term()).toBe('華為');

    tap(document.querySelector('p')!);
    expect(tooltipPanel()).toBeNull();
    expect(document.body.innerHTML).toBe(pristine);
  });

  it('moves to another highlight tapped while one is open', () => {
    tap(markOf('nvidia'));
    expect(term()).toBe('Nvidia');
    tap(markOf('huawei'));
    expect(term()).toBe('華為');
  });
});
