// @vitest-environment jsdom
/**
 * "Edit in the glossary": the last control of every tooltip, in the reader's language, that
 * asks the content script to open the editor at the entry shown. Only the reader's own click
 * counts: the page's script can reach an open shadow root and call `click()`, and must not
 * open tabs with it. (A click by the reader is a trusted event, which jsdom cannot make; the
 * end-to-end tests press the button in Chromium and Firefox.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { SHOW_DELAY_MS, startTooltip, TOOLTIP_HOST_TAG } from '../../../src/tooltip';
import { buildPage, ENTRIES, pressTab, tooltipPanel } from './fixture';

let controller: AbortController;
let language: ReaderLanguage;
let openEditor: ReturnType<typeof vi.fn<(id: string) => void>>;

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const markOf = (id: string) => marks().find((m) => m.dataset.glossaryId === id)!;
const shadow = () => document.querySelector(TOOLTIP_HOST_TAG)?.shadowRoot ?? null;
const controls = () => [...(tooltipPanel()?.querySelectorAll<HTMLElement>('a[href], button') ?? [])];
const editButton = () => tooltipPanel()?.querySelector<HTMLButtonElement>('button.edit-entry') ?? null;

function start(withEditor: boolean): void {
  controller = new AbortController();
  startTooltip({
    document,
    signal: controller.signal,
    getEntry: (id) => ENTRIES[id],
    getLanguage: () => language,
    ...(withEditor && { openEditor }),
  });
}

function hover(target: Element): void {
  target.dispatchEvent(new MouseEvent('pointerover', { bubbles: true, composed: true }));
  vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
}

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  language = 'en';
  openEditor = vi.fn<(id: string) => void>();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('"Edit in the glossary" in the tooltip', () => {
  it('comes last, after the related entries and the links, named in the reader’s language', () => {
    start(true);
    const texts: string[] = [];
    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      language = lang;
      hover(markOf('nvidia'));
      const last = controls().at(-1)!;
      expect(last).toBe(editButton());
      expect([last.tagName, (last as HTMLButtonElement).type]).toEqual(['BUTTON', 'button']);
      texts.push(last.textContent!);
      // It sits apart from the column's text, in a line of its own.
      expect(last.parentElement!.className).toBe('actions');
      expect(controls().map((c) => c.className)).toEqual(['related-entry', 'link', 'link', 'edit-entry']);
      document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
      controller.abort();
      start(true);
    }
    expect(texts).toEqual(['Edit in the glossary', '在詞庫中編輯', '在词库中编辑']);
  });

  it('makes every tooltip one the keyboard can enter, even an entry with nothing else to press', () => {
    start(true);
    const mark = markOf('hostile');
    mark.focus();
    const panel = tooltipPanel()!;
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(controls()).toEqual([editButton()]);
    expect(pressTab()).toBe(true);
    expect(shadow()!.activeElement).toBe(editButton());
    // Past it, focus goes on from the highlight, as past a last link.
    pressTab();
    expect(document.activeElement).toBe(mark);
  });

  it('opens nothing for a click the page’s script makes, and the page hears no click', () => {
    start(true);
    const heard = vi.fn();
    document.addEventListener('click', heard);
    hover(markOf('nvidia'));
    editButton()!.click();
    editButton()!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(openEditor).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
    document.removeEventListener('click', heard);
  });

  it('is not offered where nothing can open the editor', () => {
    start(false);
    hover(markOf('nvidia'));
    expect(tooltipPanel()).not.toBeNull();
    expect(editButton()).toBeNull();
    markOf('hostile').focus();
    expect(tooltipPanel()!.getAttribute('role')).toBe('tooltip');
  });
});
