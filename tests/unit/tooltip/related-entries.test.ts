// @vitest-environment jsdom
/**
 * Related entries open in the tooltip itself: a reader learns what the column says of an
 * entry the page does not name, and comes back the way they went. By pointer and by keyboard;
 * the page hears none of it and is left as it was.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { HIDE_GRACE_MS, SHOW_DELAY_MS, startTooltip, TOOLTIP_HOST_TAG, type TooltipEntry } from '../../../src/tooltip';
import { buildPage, ENTRIES, pressEnter, pressTab, tooltipPanel } from './fixture';
import { pickNote } from '../../../src/tooltip/tooltip-entry';

let controller: AbortController;
let pristine: string;
let getEntry: (id: string) => TooltipEntry | undefined | Promise<TooltipEntry | undefined>;
let language: ReaderLanguage;

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const shadow = () => document.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot ?? null;
const panel = () => tooltipPanel();
const term = () => panel()?.querySelector('.term')?.textContent ?? null;
const button = (selector: string) => panel()?.querySelector<HTMLButtonElement>(selector) ?? null;
const controls = () => [...(panel()?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];

/** The number in an id like `extra-7`. */
const i = (id: string) => Number(id.split('-')[1]);

function hover(target: Element): void {
  target.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
  vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
}

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  pristine = document.documentElement.outerHTML;
  getEntry = (id) => ENTRIES[id];
  language = 'en';
  controller = new AbortController();
  startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => getEntry(id),
    // Named from the index, as on a page, whether or not the details are in memory yet.
    getNames: (id) => ENTRIES[id],
    getLanguage: () => language,
  });
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('related entries in the tooltip', () => {
  it('opens a related entry in place, with the way back, and back again', () => {
    hover(marks()[0]!);
    expect(term()).toBe('Nvidia');
    expect(panel()!.dataset.category).toBe('company');
    const related = button('.related-entry')!;
    expect([related.textContent, related.type, related.dataset.entryId]).toEqual(['華為', 'button', 'huawei']);
    related.click();
    expect(term()).toBe('華為');
    expect(panel()!.querySelector('.note')!.textContent).toBe('只有繁體說明。');
    const back = button('.back')!;
    expect(back.textContent).toBe('← Nvidia');
    expect(back.getAttribute('aria-label')).toBe('Back to Nvidia');
    language = 'zh-Hans';
    button('.back')!.click();
    button('.related-entry')!.click();
    expect(button('.back')!.getAttribute('aria-label')).toBe('返回英伟达');
    language = 'en';
    // The dialog is named by the entry it shows now.
    const labelled = panel()!.getAttribute('aria-labelledby')!;
    expect(shadow()!.getElementById(labelled)!.textContent).toBe('華為');
    // 華為's own related entry is Nvidia: the trail goes on, and comes back step by step.
    button('.related-entry')!.click();
    expect(term()).toBe('Nvidia');
    expect(button('.back')!.textContent).toBe('← 華為');
    button('.back')!.click();
    expect(term()).toBe('華為');
    button('.back')!.click();
    expect(term()).toBe('Nvidia');
    expect(button('.back')).toBeNull();
  });

  it('keeps the page out of it: no click reaches the page, and closing leaves it as it was', () => {
    const pageClicks = vi.fn();
    document.addEventListener('click', pageClicks);
    hover(marks()[0]!);
    button('.related-entry')!.click();
    button('.back')!.click();
    document.removeEventListener('click', pageClicks);
    expect(pageClicks).not.toHaveBeenCalled();
    // The pointer leaves the highlight (it never went onto the tooltip): the tooltip closes.
    marks()[0]!.dispatchEvent(
      new MouseEvent('pointerout', { bubbles: true, composed: true, relatedTarget: document.body }),
    );
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(panel()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(pristine);
  });

  it('from the keyboard: Enter opens it, focus goes on from the way back, and the tooltip stays', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    expect(pressTab()).toBe(true);
    expect(shadow()!.activeElement).toBe(button('.related-entry'));
    pressEnter();
    expect(term()).toBe('華為');
    expect(shadow()!.activeElement).toBe(button('.back'));
    // The way back, where focus lands, is described by the entry now shown: its name and note.
    const described = button('.back')!.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => shadow()!.getElementById(id)?.textContent)).toEqual([
      '華為',
      pickNote(ENTRIES.huawei!.context, 'en')!.text,
    ]);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(term()).toBe('華為');
    // Its controls are the way back and its own related entry; Esc still returns to the mark.
    expect(controls().map((c) => c.textContent)).toEqual(['← Nvidia', 'Nvidia']);
    pressEnter();
    expect(term()).toBe('Nvidia');
    expect(shadow()!.activeElement).toBe(button('.related-entry'));
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    shadow()!.activeElement!.dispatchEvent(esc);
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(nvidia);
  });

  it('keeps related entries past the eighth behind a "+N" button, which puts them in its place and focuses the first', () => {
    // A reader's pack may list more related entries than the tooltip shows at first.
    const extra = Array.from({ length: 10 }, (_, i) => `extra-${i}`);
    for (const id of extra) ENTRIES[id] = { id, term: `Extra ${i(id)}`, aliases: [], category: 'concept', context: '' };
    try {
      getEntry = (id) => (id === 'nvidia' ? { ...ENTRIES.nvidia!, related: ['huawei', ...extra] } : ENTRIES[id]);
      const nvidia = marks()[0]!;
      nvidia.focus();
      const names = () => [...panel()!.querySelectorAll('.related-entry')].map((b) => b.textContent);
      expect(names()).toEqual(['華為', ...extra.slice(0, 7).map((id) => `Extra ${i(id)}`)]);
      const more = button('.related-more')!;
      expect(more.textContent).toBe('+3');
      expect(more.getAttribute('aria-label')).toBe('+3 more related entries');

      // Tab from the highlight into the tooltip, then on (the browser's own move) to "+3".
      expect(pressTab()).toBe(true);
      more.focus();
      pressEnter();
      expect(button('.related-more')).toBeNull();
      expect(names()).toEqual(['華為', ...extra.map((id) => `Extra ${i(id)}`)]);
      expect(panel()!.querySelector('.related .value')!.textContent).toBe(names().join(' · '));
      expect(shadow()!.activeElement).toBe(panel()!.querySelectorAll('.related-entry')[8]);
      // Out of the browser's own Tab order, as every control of the tooltip.
      expect([...panel()!.querySelectorAll<HTMLElement>('.related-entry')].map((b) => b.tabIndex)).toEqual(
        names().map(() => -1),
      );
      vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
      expect(term()).toBe('Nvidia'); // still open
      // Each opens like the others; Esc then closes the tooltip and leaves the page as it was.
      pressEnter();
      expect(term()).toBe('Extra 7');
      // Back, the reader is where they left: on Extra 7, the list still put out in full.
      expect(shadow()!.activeElement).toBe(button('.back'));
      pressEnter();
      expect(term()).toBe('Nvidia');
      expect(button('.related-more')).toBeNull();
      expect((shadow()!.activeElement as HTMLElement).textContent).toBe('Extra 7');
      const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
      shadow()!.activeElement!.dispatchEvent(esc);
      expect(panel()).toBeNull();
      expect(document.documentElement.outerHTML).toBe(pristine);
    } finally {
      for (const id of extra) delete ENTRIES[id];
    }
  });

  it('by pointer too, comes back to the list as the reader left it: put out in full only if they had', () => {
    const extra = Array.from({ length: 10 }, (_, i) => `extra-${i}`);
    for (const id of extra) ENTRIES[id] = { id, term: `Extra ${i(id)}`, aliases: [], category: 'concept', context: '' };
    try {
      getEntry = (id) => (id === 'nvidia' ? { ...ENTRIES.nvidia!, related: ['huawei', ...extra] } : ENTRIES[id]);
      const entryButton = (name: string) =>
        [...panel()!.querySelectorAll<HTMLElement>('.related-entry')].find((b) => b.textContent === name)!;
      hover(marks()[0]!);
      // One of the first eight: back, the rest wait behind "+3" again.
      entryButton('Extra 0').click();
      expect(term()).toBe('Extra 0');
      button('.back')!.click();
      expect(button('.related-more')!.textContent).toBe('+3');
      // One the reader put out: back, it is still there, and so are the others.
      button('.related-more')!.click();
      entryButton('Extra 8').click();
      expect(term()).toBe('Extra 8');
      button('.back')!.click();
      expect(term()).toBe('Nvidia');
      expect(button('.related-more')).toBeNull();
      expect([...panel()!.querySelectorAll('.related-entry')].map((b) => b.textContent)).toEqual([
        '華為',
        ...extra.map((id) => `Extra ${i(id)}`),
      ]);
    } finally {
      for (const id of extra) delete ENTRIES[id];
    }
  });

  it('names a "+1" button in the singular', () => {
    const extra = Array.from({ length: 8 }, (_, i) => `extra-${i}`);
    for (const id of extra) ENTRIES[id] = { id, term: `Extra ${i(id)}`, aliases: [], category: 'concept', context: '' };
    try {
      getEntry = (id) => (id === 'nvidia' ? { ...ENTRIES.nvidia!, related: ['huawei', ...extra] } : ENTRIES[id]);
      hover(marks()[0]!);
      expect(button('.related-more')!.getAttribute('aria-label')).toBe('+1 more related entry');
    } finally {
      for (const id of extra) delete ENTRIES[id];
    }
  });

  it('waits for details read from storage, and drops them if the tooltip closed meanwhile', async () => {
    let deliver: (entry: TooltipEntry | undefined) => void = () => {};
    getEntry = (id) => (id === 'huawei' ? new Promise((resolve) => (deliver = resolve)) : ENTRIES[id]);
    const nvidia = marks()[0]!;
    nvidia.focus();
    button('.related-entry')!.click();
    expect(term()).toBe('Nvidia');
    deliver(ENTRIES.huawei);
    await Promise.resolve();
    expect(term()).toBe('華為');

    button('.back')!.click();
    button('.related-entry')!.click();
    nvidia.blur();
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(panel()).toBeNull();
    deliver(ENTRIES.huawei);
    await Promise.resolve();
    expect(panel()).toBeNull();
  });

  it('shows a hostile related entry as text, like any other', () => {
    getEntry = (id) => (id === 'huawei' ? { ...ENTRIES.hostile!, id: 'huawei' } : ENTRIES[id]);
    hover(marks()[0]!);
    button('.related-entry')!.click();
    expect(term()).toBe('<b>Bold</b>');
    expect(panel()!.querySelectorAll('b, img, script, svg, iframe')).toHaveLength(0);
  });
});
