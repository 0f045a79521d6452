// @vitest-environment jsdom
/**
 * The tooltip's links from the keyboard (src/tooltip/tooltip-keyboard.ts): Tab from a highlight
 * reached by keyboard goes into them, past the last one focus goes on from the mark, Shift+Tab
 * and Esc come back to it, and a reader who only hovers keeps the page's own Tab. jsdom has no
 * sequential focus navigation: the test checks which Tabs were taken (prevented) and which
 * left to the browser, and moves focus where the browser would.
 * Painted highlights' pinned tooltips: painted-highlights.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDE_GRACE_MS, SHOW_DELAY_MS, startTooltip, TOOLTIP_HOST_TAG } from '../../../src/tooltip';
import { buildPage, ENTRIES, pressTab } from './fixture';

let controller: AbortController;
let pristine: string;

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const shadow = () => document.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot ?? null;
/** What Tab reaches in the open tooltip, in order: Nvidia's related 華為, then its two links. */
const links = () => [...(shadow()?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
const term = () => shadow()?.querySelector('.term')?.textContent ?? null;

const tab = (shiftKey = false) => pressTab(shiftKey);

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  pristine = document.documentElement.outerHTML;
  controller = new AbortController();
  startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => ENTRIES[id],
    getLanguage: () => 'en',
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('the tooltip from the keyboard', () => {
  it('takes Tab from a focused highlight into its links, and stays open while they have focus', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    expect(tab()).toBe(true);
    expect(shadow()!.activeElement).toBe(links()[0]);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(term()).toBe('Nvidia');
    // From the first link to the next, and back: the tooltip moves focus (its links are out of
    // the page's tab order), and stays.
    expect(tab()).toBe(true);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(shadow()!.activeElement).toBe(links()[1]);
    expect(tab(true)).toBe(true);
    expect(shadow()!.activeElement).toBe(links()[0]);
  });

  it('keeps its links out of the page’s tab order, so the browser’s own Tab never lands in it', () => {
    marks()[0]!.focus();
    expect(links().length).toBeGreaterThan(0);
    expect(links().map((link) => link.tabIndex)).toEqual(links().map(() => -1));
  });

  it('goes on from the mark past the last link, so the page’s tab order continues', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    tab();
    expect(links()).toHaveLength(3);
    links().at(-1)!.focus();
    // Left to the browser, which moves on from the mark that now has focus.
    expect(tab()).toBe(false);
    expect(document.activeElement).toBe(nvidia);
    expect(term()).toBe('Nvidia');
    // The browser's Tab takes focus on to the page, and the tooltip closes as it does for any mark.
    nvidia.blur();
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(shadow()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(pristine);
  });

  it('closes at once when focus goes on into the page, so it is never the next Tab stop', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    expect(term()).toBe('Nvidia');
    // The page's next focusable element (any link or button outside the tooltip).
    const next = document.createElement('a');
    next.href = '#next';
    next.textContent = 'next';
    document.body.append(next);
    next.focus();
    expect(shadow()).toBeNull();
    // Into its links and out again, on into the page: the same.
    nvidia.focus();
    tab();
    expect(shadow()!.activeElement).toBe(links()[0]);
    next.focus();
    expect(shadow()).toBeNull();
    // Focus lost to nothing (the window blurred) keeps the grace period.
    nvidia.focus();
    nvidia.blur();
    expect(term()).toBe('Nvidia');
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(shadow()).toBeNull();
    next.remove();
  });

  it('comes back to the mark with Shift+Tab from the first link, and with Esc from any', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    tab();
    expect(tab(true)).toBe(true);
    expect(document.activeElement).toBe(nvidia);
    expect(term()).toBe('Nvidia');
    tab();
    links()[1]!.focus();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    shadow()!.activeElement!.dispatchEvent(esc);
    document.removeEventListener('keydown', pageHandler);
    expect(esc.defaultPrevented).toBe(true);
    expect(pageHandler).not.toHaveBeenCalled();
    expect(shadow()).toBeNull();
    expect(document.activeElement).toBe(nvidia);
  });

  it('closes on an Esc typed in the page’s field and leaves that Esc to the page; one ending a composition, to the IME', () => {
    const input = document.querySelector('input')!;
    input.focus();
    const hover = () => {
      marks()[0]!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
      vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
      expect(term()).toBe('Nvidia');
    };
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    const escape = (isComposing: boolean) => {
      const esc = new KeyboardEvent('keydown', { key: 'Escape', isComposing, bubbles: true, cancelable: true });
      input.dispatchEvent(esc);
      return esc.defaultPrevented;
    };

    hover();
    // The reader is choosing characters in an input method: the Esc is its, and the tooltip stays.
    expect(escape(true)).toBe(false);
    expect(term()).toBe('Nvidia');
    expect(pageHandler).toHaveBeenCalledTimes(1);
    // The page's own Esc (its suggestions, its search box): the page hears it, the tooltip closes.
    expect(escape(false)).toBe(false);
    expect(pageHandler).toHaveBeenCalledTimes(2);
    expect(shadow()).toBeNull();
    expect(document.activeElement).toBe(input);
    document.removeEventListener('keydown', pageHandler);
  });

  it('keeps the keyboard’s tooltip when the pointer passes over another highlight', () => {
    marks()[0]!.focus();
    tab();
    marks()[1]!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(SHOW_DELAY_MS + HIDE_GRACE_MS);
    expect(term()).toBe('Nvidia');
    expect(shadow()!.activeElement).toBe(links()[0]);
  });

  it('lets a link the pointer clicked (and so focused) close with the pointer, as before', () => {
    const nvidia = marks()[0]!;
    nvidia.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    const host = document.querySelector(TOOLTIP_HOST_TAG)!;
    nvidia.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, composed: true, relatedTarget: host }));
    host.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true, relatedTarget: nvidia }));
    links()[0]!.focus(); // the click's focus
    host.dispatchEvent(new MouseEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }));
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(shadow()).toBeNull();
  });

  it('leaves Tab to the page when the tooltip was opened by hover, has no links, or is closed', () => {
    const input = document.querySelector('input')!;
    input.focus();
    marks()[0]!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    expect(term()).toBe('Nvidia');
    expect(tab()).toBe(false);
    expect(document.activeElement).toBe(input);
    marks()[2]!.focus(); // Neither related entries nor a link that may be drawn
    expect(term()).toBe('<b>Bold</b>');
    expect(tab()).toBe(false);
    marks()[2]!.blur();
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(shadow()).toBeNull();
    expect(tab()).toBe(false);
  });
});
