// @vitest-environment jsdom
/**
 * The tooltip's other names: past the twelfth they wait behind a "+N" button, as related
 * entries do, which puts them in its place, so every name the pack gives can be read there.
 * By pointer and by keyboard, and the keyboard goes on from the names it put out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { SHOW_DELAY_MS, HIDE_GRACE_MS, startTooltip, TOOLTIP_HOST_TAG, type TooltipEntry } from '../../../src/tooltip';
import { MAX_NAMES } from '../../../src/tooltip/tooltip-entry';
import { buildPage, ENTRIES, pressEnter, pressTab, tooltipPanel } from './fixture';

let controller: AbortController;
let pristine: string;
let language: ReaderLanguage;

// Nvidia with fourteen more English names: an English reader's come first, then the Chinese.
const ALIASES = Array.from({ length: 14 }, (_, i) => `Alias ${i + 1}`);
const ALL_NAMES = [...ALIASES, '輝達', '英偉達', '英伟达'];
const nvidia: TooltipEntry = { ...ENTRIES.nvidia!, aliases: [...ENTRIES.nvidia!.aliases, ...ALIASES] };

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const shadow = () => document.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot ?? null;
const panel = () => tooltipPanel();
const more = () => panel()?.querySelector<HTMLButtonElement>('.names-more') ?? null;
const names = () => [...panel()!.querySelectorAll<HTMLElement>('.names .name')];
const focused = () => shadow()!.activeElement as HTMLElement | null;

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  pristine = document.documentElement.outerHTML;
  language = 'en';
  controller = new AbortController();
  startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => (id === 'nvidia' ? nvidia : ENTRIES[id]),
    getLanguage: () => language,
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('other names past the twelfth', () => {
  it('wait behind "+N", which a click puts in its place, each in its language', () => {
    marks()[0]!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    expect(names().map((n) => n.textContent)).toEqual(ALL_NAMES.slice(0, MAX_NAMES));
    const hidden = ALL_NAMES.length - MAX_NAMES;
    expect([more()!.textContent, more()!.type]).toEqual([`+${hidden}`, 'button']);
    expect(more()!.getAttribute('aria-label')).toBe(`+${hidden} more names`);

    more()!.click();
    expect(more()).toBeNull();
    expect(names().map((n) => n.textContent)).toEqual(ALL_NAMES);
    expect(panel()!.querySelector('.names .value')!.textContent).toBe(ALL_NAMES.join(' · '));
    // Tagged as the first twelve are: 輝達 in Traditional forms in an English tooltip.
    expect(names().find((n) => n.textContent === '輝達')!.lang).toBe('zh-Hant');
    // Focus stays in the tooltip, on the first name put out, which is in no Tab order.
    expect(focused()).toBe(names()[MAX_NAMES]);
    expect(names()[MAX_NAMES]!.tabIndex).toBe(-1);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(panel()).not.toBeNull();
  });

  it('from the keyboard: Enter puts them out, and Tab goes on to the next control, Shift+Tab back to the mark', () => {
    const mark = marks()[0]!;
    mark.focus();
    expect(pressTab()).toBe(true);
    expect(focused()).toBe(more());
    pressEnter();
    expect(focused()!.textContent).toBe(ALL_NAMES[MAX_NAMES]);
    expect(pressTab()).toBe(true);
    expect(focused()!.classList.contains('related-entry')).toBe(true);

    // Back on a name put out, Shift+Tab goes back to the highlight, as from the first control.
    names()[MAX_NAMES]!.focus();
    expect(pressTab(true)).toBe(true);
    expect(document.activeElement).toBe(mark);
    expect(panel()).not.toBeNull();
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    mark.dispatchEvent(esc);
    expect(panel()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(pristine);
  });

  it('names the button in the singular for one, and in the reader’s language', () => {
    const one = { ...nvidia, aliases: nvidia.aliases.slice(0, -4) };
    controller.abort();
    controller = new AbortController();
    let entry: TooltipEntry = one;
    startTooltip({ document, signal: controller.signal, getEntry: () => entry, getLanguage: () => language });
    const open = () => {
      marks()[0]!.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
      vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    };
    open();
    expect(more()!.getAttribute('aria-label')).toBe('+1 more name');
    // The pointer leaves, and the tooltip closes.
    marks()[0]!.dispatchEvent(
      new MouseEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }),
    );
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(panel()).toBeNull();
    language = 'zh-Hant';
    entry = nvidia;
    open();
    expect(more()!.getAttribute('aria-label')).toMatch(/^\+\d+ 其他名稱$/);
  });
});
