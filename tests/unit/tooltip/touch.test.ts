// @vitest-environment jsdom
/**
 * The tooltip on a touch screen. A tap sends the pointer's over, down, up and out at once, then
 * the compatibility mouse events (which focus the highlight, where the page lets it take focus)
 * and the click: the tap pins the tooltip. A tap on a related entry shows that entry and the
 * tooltip stays to be read; a tap anywhere else closes it at once and leaves the page as it was.
 * On a highlight inside a link the first tap holds the link back, and a second one follows it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDE_GRACE_MS, startTooltip } from '../../../src/tooltip';
import { buildPage, ENTRIES, fingerTap as tap, tooltipPanel } from './fixture';

let controller: AbortController;
let pristine: string;

const markOf = (id: string) =>
  document.querySelector<HTMLElement>(`mark[data-columnlens-start][data-glossary-id="${id}"]`)!;
const term = () => tooltipPanel()?.querySelector('.term')?.textContent ?? null;
const relatedEntry = () => tooltipPanel()!.querySelector<HTMLElement>('.related-entry')!;

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
  it.each([
    ['takes focus', true],
    ['cannot take focus', false],
  ])(
    'opens on a tap where the highlight %s, stays through a tap on a related entry, and closes on a tap elsewhere',
    (_, focus) => {
      tap(markOf('nvidia'), { focus });
      expect(document.activeElement === markOf('nvidia')).toBe(focus);
      expect(term()).toBe('Nvidia');
      vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
      expect(term()).toBe('Nvidia');

      markOf('nvidia').blur(); // focus goes to the button the finger landed on
      tap(relatedEntry(), { focus });
      expect(term()).toBe('華為');
      vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
      expect(term()).toBe('華為');

      tap(document.querySelector('p')!);
      expect(tooltipPanel()).toBeNull();
      expect(document.body.innerHTML).toBe(pristine);
    },
  );

  it('moves to another highlight tapped while one is open', () => {
    tap(markOf('nvidia'));
    expect(term()).toBe('Nvidia');
    tap(markOf('huawei'));
    expect(term()).toBe('華為');
  });

  it('takes a mouse’s click on a highlight for no tap: the mouse has hover', () => {
    markOf('nvidia').dispatchEvent(new PointerEvent('click', { bubbles: true, pointerType: 'mouse' }));
    expect(tooltipPanel()).toBeNull();
  });
});

describe('a tap on a highlight inside a link', () => {
  let link: HTMLAnchorElement;
  let linked: string;

  beforeEach(() => {
    link = document.createElement('a');
    link.href = '#story';
    const mark = markOf('nvidia');
    mark.replaceWith(link);
    link.append('Read: ', mark);
    linked = document.body.innerHTML;
  });

  const mouseClick = (target: Element) =>
    target.dispatchEvent(new PointerEvent('click', { bubbles: true, cancelable: true, pointerType: 'mouse' }));

  it('shows the note and stays on the page; a second tap while the note shows follows the link', () => {
    expect(tap(markOf('nvidia'))).toBe(false);
    expect(term()).toBe('Nvidia');
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);

    // The click goes ahead: the browser follows the link (tooltip.e2e shows it does).
    expect(tap(markOf('nvidia'))).toBe(true);
  });

  it('keeps the reader on the page when the note showing is another highlight’s, or none since a tap elsewhere', () => {
    tap(markOf('huawei'));
    expect(term()).toBe('華為');
    expect(tap(markOf('nvidia'))).toBe(false);
    expect(term()).toBe('Nvidia');

    tap(document.querySelector('p:last-of-type')!);
    expect(tooltipPanel()).toBeNull();
    expect(tap(markOf('nvidia'))).toBe(false);
    expect(term()).toBe('Nvidia');
  });

  it('takes a tap on another piece of the same name in that link, while its note shows, for the second tap', () => {
    // 華為's occurrence is drawn in two pieces, `Hua` and `<b>华</b>`; a headline link holds both.
    const first = markOf('huawei');
    const rest = first.nextElementSibling!;
    const headline = document.createElement('a');
    headline.href = '#huawei';
    first.before(headline);
    headline.append(first, rest, ' and ', markOf('hostile'));
    const second = rest.querySelector('mark')!;

    expect(tap(first)).toBe(false);
    expect(term()).toBe('華為');
    expect(tap(second)).toBe(true);

    // Another name in the same link is a first tap of its own.
    tap(document.querySelector('p:last-of-type')!);
    expect(tap(second)).toBe(false);
    expect(tap(markOf('hostile'))).toBe(false);
    expect(term()).toBe('<b>Bold</b>'); // its entry's markup, shown as text
    // And the piece of a name whose note no longer shows is held back again.
    expect(tap(first)).toBe(false);
    expect(term()).toBe('華為');
  });

  it('follows the link at once for a mouse’s click and for a tap on the link’s own text', () => {
    expect(mouseClick(markOf('nvidia'))).toBe(true);
    expect(tap(link)).toBe(true);
    expect(tooltipPanel()).toBeNull();
    expect(document.body.innerHTML).toBe(linked);
  });
});
