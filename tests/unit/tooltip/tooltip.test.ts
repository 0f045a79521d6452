// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { HIDE_GRACE_MS, SHOW_DELAY_MS, startTooltip, TOOLTIP_HOST_TAG } from '../../../src/tooltip';
import { buildPage, ENTRIES, tooltipPanel } from './fixture';

let controller: AbortController;
let language: ReaderLanguage;
let pristine: string;

const marks = () => Array.from(document.querySelectorAll<HTMLElement>('mark[data-columnlens-start]'));
const hosts = () => document.querySelectorAll(TOOLTIP_HOST_TAG);
const panel = () => tooltipPanel();
const text = (selector: string) => panel()?.querySelector(selector)?.textContent ?? null;

function pointer(type: 'pointerover' | 'pointerout', target: Element, relatedTarget: Element | null = null): void {
  target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, relatedTarget }));
}

beforeEach(() => {
  vi.useFakeTimers();
  buildPage(document);
  pristine = document.documentElement.outerHTML;
  language = 'en';
  controller = new AbortController();
  startTooltip({ document, signal: controller.signal, getEntry: (id) => ENTRIES[id], getLanguage: () => language });
});

afterEach(() => {
  document.documentElement.removeAttribute('dir');
  controller.abort();
  vi.useRealTimers();
});

describe('the tooltip', () => {
  it('opens after the hover delay, not before, with the entry’s details', () => {
    const [nvidia] = marks();
    pointer('pointerover', nvidia!);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 50);
    expect(panel()).toBeNull();
    vi.advanceTimersByTime(60);
    expect(panel()).not.toBeNull();
    // Named as English readers know it; the term and the other names follow.
    expect(text('.term')).toBe('Nvidia');
    expect(text('.category')).toBe('Company');
    expect(text('.names .value')).toBe('輝達 · 英偉達 · 英伟达');
    expect(text('.note')).toBe('English: the chip supplier.');
    expect(text('.section .value')).toBe('China faces serious challenges in training AI models');
    // An unknown related id is skipped, a known one shows by its term.
    expect(text('.related .value')).toBe('華為');
    // Further reading: real links that open a new tab and tell the site nothing.
    const links = [...panel()!.querySelectorAll<HTMLAnchorElement>('.links a')];
    expect(links.map((a) => [a.textContent, a.href, a.target, a.rel])).toEqual([
      ['Wikipedia', 'https://en.wikipedia.org/wiki/Nvidia', '_blank', 'noopener noreferrer'],
      ['Site', 'https://www.nvidia.com/', '_blank', 'noopener noreferrer'],
    ]);
    expect(text('.links .label')).toBe('Read more');
  });

  it('names an entry, and a related one, by the reader’s language, else by the term', () => {
    const shown = () => [text('.term'), text('.names .value')];
    for (const [reader, name, others] of [
      // A Chinese reader gets each other name once, in their script where the pack has it;
      // a reader of Simplified, Traditional's 輝達 after the names in their own script.
      ['zh-Hant', '輝達', '英偉達 · Nvidia'],
      ['zh-Hans', '英伟达', 'Nvidia · 輝達'],
      ['en', 'Nvidia', '輝達 · 英偉達 · 英伟达'],
    ] as const) {
      language = reader;
      const [nvidia, huawei] = marks();
      nvidia!.focus();
      expect(shown()).toEqual([name, others]);
      // The section has an English title only: the column's own elsewhere.
      expect(text('.section .value')).toBe(
        reader === 'en'
          ? 'China faces serious challenges in training AI models'
          : '中國在訓練人工智慧模型方面面臨嚴峻的挑戰',
      );
      // Huawei has no display names: its term in every language; its related Nvidia by name.
      huawei!.focus();
      expect(text('.term')).toBe('華為');
      expect(text('.related .value')).toBe(name);
    }
  });

  it('tags each name written in another language than the tooltip’s with that language', () => {
    const tagged = (selector: string) =>
      [...panel()!.querySelectorAll<HTMLElement>(selector)].map((el) => [el.textContent, el.lang]);
    const click = (selector: string) => panel()!.querySelector<HTMLElement>(selector)!.click();
    for (const [reader, term, names, related, back, section] of [
      [
        'en',
        [['Nvidia', '']],
        [
          ['輝達', 'zh-Hant'],
          ['英偉達', 'zh-Hant'],
          ['英伟达', 'zh-Hans'],
        ],
        [['華為', 'zh-Hant']],
        [['華為', 'zh-Hant']],
        [['China faces serious challenges in training AI models', '']],
      ],
      [
        'zh-Hant',
        [['輝達', '']],
        [
          ['英偉達', ''],
          ['Nvidia', 'en'],
        ],
        [['華為', '']],
        [['華為', '']],
        [['中國在訓練人工智慧模型方面面臨嚴峻的挑戰', '']],
      ],
      [
        'zh-Hans',
        [['英伟达', '']],
        [
          ['Nvidia', 'en'],
          ['輝達', 'zh-Hant'],
        ],
        [['華為', 'zh-Hant']],
        [['華為', 'zh-Hant']],
        // The column's own title, in Traditional: a Simplified reader is given none of their own.
        [['中國在訓練人工智慧模型方面面臨嚴峻的挑戰', 'zh-Hant']],
      ],
    ] as const) {
      language = reader;
      const [nvidia, huawei] = marks();
      nvidia!.focus();
      expect(tagged('.term'), reader).toEqual(term);
      expect(tagged('.names .name'), reader).toEqual(names);
      expect(tagged('.related-entry'), reader).toEqual(related);
      expect(tagged('.section .title'), reader).toEqual(section);
      // Through Huawei to its related Nvidia: the way back names Huawei, in its own script.
      click('.related-entry');
      click('.related-entry');
      expect(text('.term'), reader).toBe(term[0][0]);
      expect(tagged('.back .name'), reader).toEqual(back);
      huawei!.focus(); // So that the next reader's focus opens Nvidia's tooltip anew.
    }
  });

  it('links each reader to the page in their language, tagged with it', () => {
    const plain = ENTRIES.nvidia!;
    ENTRIES.nvidia = {
      ...plain,
      links: [
        { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'en' },
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/英伟达', lang: 'zh-Hant' },
        { title: '维基百科', url: 'https://zh.wikipedia.org/zh-cn/英伟达', lang: 'zh-Hans' },
        { title: 'Site', url: 'https://www.nvidia.com/' },
      ],
    };
    try {
      const shown = () =>
        [...panel()!.querySelectorAll<HTMLAnchorElement>('.links a')].map((a) => [a.textContent, a.hreflang]);
      for (const [reader, links] of [
        [
          'en',
          [
            ['Wikipedia', 'en'],
            ['Site', ''],
          ],
        ],
        [
          'zh-Hant',
          [
            ['維基百科', 'zh-Hant'],
            ['Site', ''],
          ],
        ],
        [
          'zh-Hans',
          [
            ['维基百科', 'zh-Hans'],
            ['Site', ''],
          ],
        ],
      ] as const) {
        language = reader;
        marks()[1]!.focus();
        marks()[0]!.focus();
        expect(shown()).toEqual(links);
      }
    } finally {
      ENTRIES.nvidia = plain;
    }
  });

  it('does not open when the pointer leaves before the delay', () => {
    const [nvidia] = marks();
    pointer('pointerover', nvidia!);
    vi.advanceTimersByTime(SHOW_DELAY_MS / 2);
    pointer('pointerout', nvidia!, document.body);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(hosts()).toHaveLength(0);
  });

  it('shows glossary text as text, never as markup', () => {
    const hostile = marks()[2]!;
    hostile.focus();
    const shadow = document.querySelector(TOOLTIP_HOST_TAG)!.shadowRoot!;
    expect(text('.note')).toBe('<img src=x onerror=alert(1)> is text');
    expect(text('.term')).toBe('<b>Bold</b>');
    expect(text('.names .value')).toBe('<img src=x onerror=alert(1)> · <svg onload=alert(3)>');
    expect(text('.section .value')).toBe('<script>alert(2)</script>');
    expect(shadow.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    // A javascript: link never becomes an anchor, nor its title markup.
    expect(panel()!.querySelector('.links')).toBeNull();
    expect(shadow.querySelectorAll('a')).toHaveLength(0);
    // The display name and the section title of another language are data too.
    language = 'zh-Hans';
    marks()[1]!.focus();
    hostile.focus();
    expect(text('.term')).toBe('<svg onload=alert(3)>');
    expect(text('.section .value')).toBe('<iframe src=javascript:alert(4)>');
    expect(shadow.querySelectorAll('svg, iframe')).toHaveLength(0);
    expect(document.querySelectorAll('svg, iframe')).toHaveLength(0);
  });

  it('keeps its labels left to right and lets glossary text take its own direction', () => {
    document.documentElement.dir = 'rtl';
    marks()[0]!.focus();
    // A page written right to left does not mirror the panel; each piece of glossary text
    // (a reader may write it in Hebrew) is isolated, its direction its own.
    expect(panel()!.dir).toBe('ltr');
    for (const part of ['.term', '.names .value', '.note', '.section .value', '.related .value'])
      expect(panel()!.querySelector<HTMLElement>(part)?.dir, part).toBe('auto');
    for (const label of panel()!.querySelectorAll<HTMLElement>('.label')) expect(label.dir).toBe('');
  });

  it('follows the reader’s language for labels and note, and falls back without converting', () => {
    language = 'zh-Hans';
    marks()[0]!.focus();
    expect(text('.note')).toBe('简体:芯片供应商。');
    expect(panel()!.querySelector('.note')!.getAttribute('lang')).toBe('zh-Hans');
    expect(text('.category')).toBe('公司');
    expect(text('.names .label')).toBe('又称');
    expect(panel()!.lang).toBe('zh-Hans');
    // Huawei has only a Traditional note: shown as written.
    marks()[1]!.focus();
    expect(text('.note')).toBe('只有繁體說明。');
    expect(panel()!.querySelector('.note')!.getAttribute('lang')).toBe('zh-Hant');
  });

  it('opens at once on focus, links the mark to it, and restores the mark on close', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    const host = document.querySelector(TOOLTIP_HOST_TAG)!;
    expect(host.shadowRoot!.mode).toBe('open');
    expect(nvidia.getAttribute('aria-describedby')).toBe(host.id);
    nvidia.blur();
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(hosts()).toHaveLength(0);
    expect(nvidia.hasAttribute('aria-describedby')).toBe(false);
    expect(document.documentElement.outerHTML).toBe(pristine);
  });

  it('is a tooltip when nothing in it takes focus, and a dialog named by its term when it has links or related entries', () => {
    const [nvidia, huawei, hostile] = marks();
    // The panel's accessible name: the element its aria-labelledby names, in the same shadow root.
    const nameOfPanel = () => {
      const id = panel()!.getAttribute('aria-labelledby');
      return id === null ? null : (panel()!.getRootNode() as ShadowRoot).getElementById(id)?.textContent;
    };
    nvidia!.focus();
    expect(panel()!.getAttribute('role')).toBe('dialog');
    expect(nameOfPanel()).toBe('Nvidia');
    // Without links, but with a related entry, which opens in the tooltip: a dialog too.
    huawei!.focus();
    expect(panel()!.getAttribute('role')).toBe('dialog');
    expect(nameOfPanel()).toBe('華為');
    // A link that is never drawn (javascript:) and no related entry leave nothing to focus: a
    // tooltip again, with no name left over.
    hostile!.focus();
    expect(panel()!.getAttribute('role')).toBe('tooltip');
    expect(nameOfPanel()).toBeNull();
    nvidia!.focus();
    expect(panel()!.getAttribute('role')).toBe('dialog');
  });

  it('closes on Esc and swallows that Esc', () => {
    marks()[0]!.focus();
    const pageHandler = vi.fn();
    document.addEventListener('keydown', pageHandler);
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
    );
    expect(hosts()).toHaveLength(0);
    expect(pageHandler).not.toHaveBeenCalled();
    // With no tooltip open, Esc is the page's again.
    document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(pageHandler).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', pageHandler);
  });

  it('shows one tooltip at a time, switching at once between highlights', () => {
    const [nvidia, huawei] = marks();
    pointer('pointerover', nvidia!);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    pointer('pointerout', nvidia!, huawei!);
    pointer('pointerover', huawei!, nvidia!);
    expect(hosts()).toHaveLength(1);
    expect(text('.term')).toBe('華為');
    expect(nvidia!.hasAttribute('aria-describedby')).toBe(false);
    expect(huawei!.getAttribute('aria-describedby')).toBe(hosts()[0]!.id);
  });

  it('takes the pieces of a name the page’s markup splits for one highlight', () => {
    // 華為's occurrence is drawn in two pieces: `Hua` (its start) and `<b>华</b>`.
    const first = marks()[1]!;
    const second = first.nextElementSibling!.querySelector('mark')!;
    pointer('pointerover', second, document.body);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    const host = hosts()[0]!;
    expect(text('.term')).toBe('華為');
    // Described from its first piece, the one the keyboard visits.
    expect(first.getAttribute('aria-describedby')).toBe(host.id);
    expect(second.hasAttribute('aria-describedby')).toBe(false);

    const content = panel()!.firstElementChild;
    pointer('pointerout', second, first);
    pointer('pointerover', first, second);
    vi.advanceTimersByTime(HIDE_GRACE_MS * 2);
    expect(hosts()).toHaveLength(1);
    expect(panel()!.firstElementChild).toBe(content); // not drawn again
    expect(first.getAttribute('aria-describedby')).toBe(host.id);

    pointer('pointerout', first, document.body);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(panel()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(pristine);
  });

  it('stays open while the pointer moves onto the tooltip, and closes after it leaves', () => {
    const nvidia = marks()[0]!;
    pointer('pointerover', nvidia);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    const host = document.querySelector(TOOLTIP_HOST_TAG)!;
    pointer('pointerout', nvidia, document.body);
    vi.advanceTimersByTime(HIDE_GRACE_MS / 2);
    pointer('pointerover', host, document.body);
    vi.advanceTimersByTime(HIDE_GRACE_MS * 3);
    expect(hosts()).toHaveLength(1);
    pointer('pointerout', host, document.body);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(hosts()).toHaveLength(0);
  });

  it('treats the pieces of one highlight as one, and ignores marks of unknown entries', () => {
    const huaweiStart = marks()[1]!;
    const piece = document.querySelector('b > mark')!;
    pointer('pointerover', huaweiStart);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    expect(text('.term')).toBe('華為');
    const unknown = document.createElement('mark');
    unknown.dataset.glossaryId = 'gone';
    unknown.tabIndex = -1;
    document.body.append(unknown);
    unknown.focus();
    expect(hosts()).toHaveLength(0);
    pointer('pointerout', huaweiStart, document.body);
    pointer('pointerover', piece, document.body);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    expect(text('.term')).toBe('華為');
  });

  it('works for highlights inside an open shadow root', () => {
    const widget = document.createElement('div');
    document.body.append(widget);
    const shadow = widget.attachShadow({ mode: 'open' });
    const mark = document.createElement('mark');
    mark.dataset.glossaryId = 'huawei';
    mark.tabIndex = -1;
    mark.textContent = 'Huawei';
    shadow.append(mark);
    pointer('pointerover', mark);
    vi.advanceTimersByTime(SHOW_DELAY_MS + 10);
    expect(text('.term')).toBe('華為');
    pointer('pointerout', mark, document.body);
    vi.advanceTimersByTime(HIDE_GRACE_MS + 10);
    expect(hosts()).toHaveLength(0);
    mark.focus();
    expect(text('.term')).toBe('華為');
    expect(mark.getAttribute('aria-describedby')).toBe(hosts()[0]!.id);
  });

  it('moves into the fullscreen element and back', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    const stage = document.body.querySelector('p')!;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => stage });
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(document.querySelector(TOOLTIP_HOST_TAG)!.parentElement).toBe(stage);
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => null });
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(document.querySelector(TOOLTIP_HOST_TAG)!.parentElement).toBe(document.documentElement);
    Reflect.deleteProperty(document, 'fullscreenElement');
  });

  it('stops everything when the signal aborts, leaving the page as it was', () => {
    const nvidia = marks()[0]!;
    nvidia.focus();
    expect(hosts()).toHaveLength(1);
    controller.abort();
    expect(hosts()).toHaveLength(0);
    nvidia.blur();
    expect(document.documentElement.outerHTML).toBe(pristine);
    // No listener is left: neither hover nor focus opens anything.
    pointer('pointerover', marks()[1]!);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    marks()[1]!.focus();
    expect(hosts()).toHaveLength(0);
  });
});
