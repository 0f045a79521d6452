// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES } from '../../../src/glossary/categories';
import { accentOf } from '../../../src/glossary/category-colours';
import { translate } from '../../../src/i18n/translate';
import type { FrameCounts } from '../../../src/messages';
import {
  LOADING_RECHECK_MS,
  PAGE_REPORT_DELAY_MS,
  startPopup,
  REPORT_REFRESH_MS,
  type PopupDependencies,
  type PopupGlossary,
} from '../../../src/popup/popup';
import { LONGEST_HOLD_MS } from '../../../src/popup/hold-while-pressed';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/settings/settings';

const entries = [
  {
    id: 'nvidia',
    term: '輝達',
    names: { 'zh-Hans': '英伟达', en: 'Nvidia' },
    category: 'company',
    mentions: 4,
    weight: 1,
  },
  { id: 'huawei', term: '華為', category: 'company', mentions: 2, weight: 0.8 },
  { id: 'jensen-huang', term: '黃仁勳', category: 'person', mentions: 1 },
  { id: 'openai', term: 'OpenAI', category: 'company', mentions: 0 },
  // An entry of every other category, which the popup offers a switch for.
  ...CATEGORIES.filter((c) => c !== 'company' && c !== 'person').map((c) => ({
    id: `some-${c}`,
    term: `Some ${c}`,
    category: c,
    mentions: 0,
  })),
];
const glossary: PopupGlossary = { entries, byId: new Map(entries.map((e) => [e.id, e])) };

interface Harness {
  deps: PopupDependencies;
  stored: () => Settings;
  /** Messages sent to the tab: [tabId, message], and the frame id when not the top frame's. */
  sent: [number, unknown, number?][];
  setStored(settings: Settings): void;
  /** The page in tab `tabId` reports `counts` (a content script's page-summary message). */
  pageReports(tabId: number, counts: Record<string, number>): void;
  /**
   * The tab starts (`loading`) or finishes loading `page`: what its top frame will answer, if
   * anything, and from which address (`answersFrom`, by default `url`).
   */
  tabLoads(
    tabId: number,
    status: 'loading' | 'complete',
    page?: { url?: string; answers?: boolean; answersFrom?: string },
  ): void;
  openEditor: ReturnType<typeof vi.fn>;
}

function harness(
  options: {
    counts?: Record<string, number>;
    reachable?: boolean;
    search?: string;
    url?: string;
    /** The on/off command's keys; null when the reader removed them. */
    toggleKeys?: string | null;
    /** What the tab's other frames reported, as the background answers. */
    frames?: FrameCounts[];
    /** The tab's status as the popup opens. */
    status?: string;
    /** Entries the page has found only in text it hides: it answers a reveal with false. */
    hiddenOnly?: string[];
  } = {},
): Harness {
  const url = options.url ?? 'https://news.example/story';
  let pageUrl = 'https://news.example/story';
  let reachable = options.reachable !== false;
  let status = options.status;
  const tabWatchers = new Set<[number, (tab: { url?: string; status?: string }) => void]>();
  let stored: Settings = structuredClone(DEFAULT_SETTINGS);
  const watchers = new Set<(s: Settings) => void>();
  const pageWatchers = new Set<[number, () => void]>();
  let counts = options.counts ?? {};
  const sent: [number, unknown, number?][] = [];
  const openEditor = vi.fn(async () => {});
  const deps: PopupDependencies = {
    document,
    search: options.search ?? '',
    browserLanguage: 'en-US',
    tabs: {
      get: async (id) => ({ id, url, status }),
      query: async () => [{ id: 11, url, status }],
    },
    sendToTab: async (tabId, message, frameId = 0) => {
      sent.push(frameId === 0 ? [tabId, message] : [tabId, message, frameId]);
      if (!reachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      const asked = message as { type: string; id?: string };
      if (asked.type === 'reveal-entry') return !options.hiddenOnly?.includes(asked.id ?? '');
      return { url: pageUrl, counts };
    },
    frameCounts: async () => options.frames ?? [],
    loadGlossary: async () => glossary,
    readSettings: async () => stored,
    writeSettings: async (settings) => {
      stored = structuredClone(settings);
      for (const watcher of watchers) watcher(stored);
    },
    watchSettings: (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    watchPageReports: (tabId, onChange) => {
      pageWatchers.add([tabId, onChange]);
      return () => pageWatchers.clear();
    },
    watchTab: (tabId, onChange) => {
      tabWatchers.add([tabId, onChange]);
      return () => tabWatchers.clear();
    },
    openEditor,
    toggleShortcut: async () => (options.toggleKeys === undefined ? 'Alt+Shift+H' : (options.toggleKeys ?? undefined)),
  };
  return {
    deps,
    stored: () => stored,
    sent,
    openEditor,
    setStored(settings) {
      stored = settings;
      for (const watcher of watchers) watcher(stored);
    },
    pageReports(tabId, next) {
      counts = next;
      for (const [id, watcher] of pageWatchers) if (id === tabId) watcher();
    },
    tabLoads(tabId, now, page = {}) {
      status = now;
      if (page.url !== undefined) pageUrl = page.answersFrom ?? page.url;
      if (page.answers !== undefined) reachable = page.answers;
      for (const [id, watcher] of tabWatchers) if (id === tabId) watcher({ url: page.url, status: now });
    },
  };
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  document.querySelector<T>(`[data-testid="${id}"]`);
const click = (el: Element | null) => (el as HTMLElement).click();

beforeEach(() => {
  document.documentElement.lang = 'en';
  document.body.replaceChildren(Object.assign(document.createElement('main'), { id: 'app' }));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the popup', () => {
  it('follows the page as it reports new counts while the popup is open, and no other tab', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    const counted = () =>
      Array.from(document.querySelectorAll('[data-testid="found-entry"]')).map((el) => [
        el.getAttribute('data-entry-id'),
        el.querySelector('.count')!.textContent,
      ]);
    expect(counted()).toEqual([['nvidia', '1']]);
    h.pageReports(12, { huawei: 9 });
    await new Promise((resolve) => setTimeout(resolve, PAGE_REPORT_DELAY_MS + 50));
    expect(h.sent).toHaveLength(1);
    h.pageReports(11, { nvidia: 80, huawei: 2 });
    h.pageReports(11, { nvidia: 80, huawei: 2 });
    await vi.waitFor(() =>
      expect(counted()).toEqual([
        ['nvidia', '80'],
        ['huawei', '2'],
      ]),
    );
    // One question for the burst.
    expect(h.sent).toHaveLength(2);
  });

  it('announces the report in one live region that stays in the document while the report changes', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    const removed: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes)));
    observer.observe(document.body, { childList: true, subtree: true });
    await startPopup(h.deps);
    const live = document.querySelector('[aria-live]')!;
    expect(live.textContent).toBe('1 name found');
    // The only other regions say why a choice was not saved and why a name clicked took the
    // page nowhere: the score beside its meter is no <output> (a live region too, announcing each new score).
    const regions = () => [...document.querySelectorAll('[aria-live], [role="status"], [role="alert"], output')];
    expect(regions()).toEqual([byTestId('save-error'), live, byTestId('not-shown')]);
    h.pageReports(11, { nvidia: 3, huawei: 2 });
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(2));
    click(byTestId('highlights-toggle'));
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
    expect(document.querySelector('[aria-live]')).toBe(live);
    expect(live.textContent).toBe(translate('en', 'popupHighlightsOffEverywhere'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    // Never taken out and put back (which a screen reader takes for a new region, not announced).
    expect(removed.filter((node) => node === live || node.contains(live))).toEqual([]);
  });

  it('scores the page and lists the entries found by category', async () => {
    // The page names the column's entries exactly as often as the column does.
    const h = harness({ counts: { nvidia: 4, huawei: 2, 'jensen-huang': 1 } });
    await startPopup(h.deps);
    expect(byTestId('relevance-score')!.textContent).toBe('100');
    expect(h.sent).toEqual([[11, { type: 'get-page-summary' }]]);
    const found = Array.from(document.querySelectorAll('[data-testid="found-entry"]'));
    expect(found.map((el) => el.getAttribute('data-entry-id'))).toEqual(['nvidia', 'huawei', 'jensen-huang']);
    const groups = Array.from(document.querySelectorAll('section.group')).map((s) => s.getAttribute('data-category'));
    expect(groups).toEqual(['company', 'person']);
    expect(found[0]!.querySelector('.term')!.textContent).toBe('Nvidia');
    // Isolated: a reader's own entry named in Hebrew keeps its order beside the count.
    expect(found[0]!.querySelector<HTMLElement>('.term')!.dir).toBe('auto');
    expect(found[0]!.querySelector('.count')!.textContent).toBe('4');
  });

  it('puts the page’s names before the settings, where a popup cut at the browser’s height still shows them', async () => {
    const h = harness({ counts: { nvidia: 4, huawei: 2 } });
    await startPopup(h.deps);
    const parts = [...document.querySelectorAll('header, section.page, section.settings, footer')];
    expect(parts.map((part) => part.localName + (part.className ? `.${part.className}` : ''))).toEqual([
      'header',
      'section.page',
      'section.settings',
      'footer',
    ]);
  });

  it('gives category names and the names found their category’s colour, the key to the page’s underlines', async () => {
    await startPopup(harness({ counts: { nvidia: 4, 'jensen-huang': 1 } }).deps);
    const accent = (el: Element | null | undefined) =>
      (el as HTMLElement | null)?.style.getPropertyValue('--category-accent');
    for (const category of CATEGORIES) {
      const name = byTestId(`category-${category}`)!.closest('label')!.querySelector('.category-name');
      expect(accent(name), category).toBe(accentOf(category));
    }
    expect(new Set(CATEGORIES.map(accentOf)).size).toBe(CATEGORIES.length);
    const groups = Array.from(document.querySelectorAll('section.group'), (s) => [
      s.getAttribute('data-category'),
      ...Array.from(s.querySelectorAll('.term'), accent),
    ]);
    expect(groups).toEqual([
      ['company', accentOf('company')],
      ['person', accentOf('person')],
    ]);
  });

  it('names each entry found as readers of the chosen language know it, else by its term', async () => {
    const h = harness({ counts: { nvidia: 4, huawei: 2 } });
    await startPopup(h.deps);
    const names = () =>
      Array.from(document.querySelectorAll('[data-testid="found-entry"] .term'), (el) => el.textContent);
    expect(names()).toEqual(['Nvidia', '華為']);
    const heading = () => document.querySelector('section.group h3')?.textContent;
    expect(heading()).toBe('Company (2)');
    h.setStored({ ...h.stored(), language: 'zh-Hans' });
    expect(names()).toEqual(['英伟达', '華為']);
    expect(heading()).toBe('公司（2）');
    h.setStored({ ...h.stored(), language: 'zh-Hant' });
    expect(names()).toEqual(['輝達', '華為']);
  });

  it('counts the names found in the reader’s grammar: one name, two names', async () => {
    await startPopup(harness({ counts: { nvidia: 3 } }).deps);
    expect(document.querySelector('.found-total')!.textContent).toBe('1 name found');
    await startPopup(harness({ counts: { nvidia: 3, huawei: 1 } }).deps);
    expect(document.querySelector('.found-total')!.textContent).toBe('2 names found');
  });

  it('gives a lower score to a page about something else', async () => {
    const h = harness({ counts: { openai: 9, nvidia: 1 } });
    await startPopup(h.deps);
    expect(Number(byTestId('relevance-score')!.textContent)).toBeLessThan(50);
  });

  it('lists what the page’s frames found too, as the badge counts it, and reveals each where it is', async () => {
    const h = harness({
      counts: { nvidia: 4 },
      frames: [
        { frameId: 3, counts: { huawei: 2, nvidia: 1 } },
        { frameId: 8, counts: { huawei: 1, 'jensen-huang': 1 } },
      ],
    });
    await startPopup(h.deps);
    expect(document.querySelector('.found-total')!.textContent).toBe('3 names found');
    const found = [...document.querySelectorAll<HTMLElement>('[data-testid="found-entry"]')];
    const rows = found.map((el) => [el.getAttribute('data-entry-id'), el.querySelector('.count')!.textContent]);
    expect(rows).toEqual([
      ['nvidia', '5'],
      ['huawei', '3'],
      ['jensen-huang', '1'],
    ]);
    // The top document has Nvidia: it shows it; Huawei is in frame 3 first, Jensen Huang in 8.
    for (const el of found) click(el);
    expect(h.sent.slice(-3)).toEqual([
      [11, { type: 'reveal-entry', id: 'nvidia' }],
      [11, { type: 'reveal-entry', id: 'huawei' }, 3],
      [11, { type: 'reveal-entry', id: 'jensen-huang' }, 8],
    ]);
  });

  it('asks the tab to reveal an entry when it is clicked', async () => {
    const h = harness({ counts: { huawei: 2 } });
    await startPopup(h.deps);
    click(byTestId('found-entry'));
    expect(h.sent.at(-1)).toEqual([11, { type: 'reveal-entry', id: 'huawei' }]);
  });

  it('says why a name clicked took the page nowhere: it is only in text the page hides', async () => {
    const h = harness({ counts: { nvidia: 2, huawei: 1 }, hiddenOnly: ['huawei'] });
    await startPopup(h.deps);
    const notice = byTestId('not-shown')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('');
    click(document.querySelector('[data-entry-id="huawei"]'));
    await vi.waitFor(() => expect(notice.textContent).toBe(translate('en', 'popupRevealNotShown', '華為')));
    // In the reader's language, with the name as it knows it.
    h.setStored({ ...h.stored(), language: 'zh-Hans' });
    expect(byTestId('not-shown')).toBe(notice);
    expect(notice.textContent).toBe(translate('zh-Hans', 'popupRevealNotShown', '華為'));
    // A name the page could go to clears it.
    click(document.querySelector('[data-entry-id="nvidia"]'));
    await vi.waitFor(() => expect(notice.textContent).toBe(''));
  });

  it('keeps every control in place while only the page’s counts change, so none loses a click or closes its list', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    const controls = () =>
      ['highlights-toggle', 'site-toggle', 'density', 'language', 'category-person', 'open-editor'].map((id) =>
        byTestId(id),
      );
    const before = controls();
    h.pageReports(11, { nvidia: 6, huawei: 1 });
    await vi.waitFor(() => expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(2));
    expect(byTestId('relevance-score')!.textContent).not.toBe('100');
    controls().forEach((control, i) => expect(control).toBe(before[i]));
    // A control kept through other changes acts on the settings as they are now.
    click(byTestId('category-person'));
    h.setStored({ ...h.stored(), density: 'first' });
    click(byTestId('site-toggle'));
    expect(h.stored()).toMatchObject({
      density: 'first',
      hiddenCategories: ['person'],
      disabledSites: ['news.example'],
    });
  });

  it('holds the names found still while a pointer is pressed on one, and shows the new counts after the click', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    const huawei = document.querySelector<HTMLButtonElement>('[data-entry-id="huawei"]')!;
    byTestId('open-editor')!.focus();
    huawei.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    huawei.focus(); // as the press does in a browser, taking focus from the control that had it
    h.pageReports(11, { nvidia: 5, huawei: 2 });
    await new Promise((resolve) => setTimeout(resolve, PAGE_REPORT_DELAY_MS + 100));
    expect(h.sent).toHaveLength(2); // the page was asked, and answered
    expect(document.querySelector('[data-entry-id="huawei"]')).toBe(huawei);
    huawei.dispatchEvent(new Event('pointerup', { bubbles: true }));
    huawei.click();
    expect(h.sent.at(-1)).toEqual([11, { type: 'reveal-entry', id: 'huawei' }]);
    await vi.waitFor(() => expect(document.querySelector('[data-entry-id="nvidia"] .count')!.textContent).toBe('5'));
  });

  it('holds the names found still while the space bar is down on one, which clicks as it comes up', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    const huawei = document.querySelector<HTMLButtonElement>('[data-entry-id="huawei"]')!;
    huawei.focus();
    huawei.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    h.pageReports(11, { nvidia: 5, huawei: 2 });
    await new Promise((resolve) => setTimeout(resolve, PAGE_REPORT_DELAY_MS + 100));
    expect(h.sent).toHaveLength(2);
    expect(document.querySelector('[data-entry-id="huawei"]')).toBe(huawei);
    huawei.dispatchEvent(new KeyboardEvent('keyup', { key: ' ', bubbles: true }));
    await vi.waitFor(() => expect(document.querySelector('[data-entry-id="nvidia"] .count')!.textContent).toBe('5'));
  });

  it('redraws after a press whose release it never hears', async () => {
    vi.useFakeTimers();
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    byTestId('found-entry')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    h.pageReports(11, { nvidia: 7 });
    await vi.advanceTimersByTimeAsync(PAGE_REPORT_DELAY_MS + 10);
    expect(byTestId('found-entry')!.querySelector('.count')!.textContent).toBe('1');
    await vi.advanceTimersByTimeAsync(LONGEST_HOLD_MS);
    expect(byTestId('found-entry')!.querySelector('.count')!.textContent).toBe('7');
  });

  it('writes the global switch, with an accessible name', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    const toggle = byTestId<HTMLInputElement>('highlights-toggle')!;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.checked).toBe(true);
    expect(document.querySelector(`label[for="${toggle.id}"]`)!.textContent).toBe(
      translate('en', 'popupHighlightsToggle'),
    );
    click(toggle);
    expect(h.stored().enabled).toBe(false);
    expect(byTestId<HTMLInputElement>('highlights-toggle')!.checked).toBe(false);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupHighlightsOffEverywhere'));
  });

  it('shows the on/off keys the browser has for the command, in the reader’s language, and none once removed', async () => {
    await startPopup(harness({ toggleKeys: 'Ctrl+Shift+9' }).deps);
    expect(byTestId('toggle-shortcut')!.textContent).toBe(translate('en', 'popupToggleShortcut', 'Ctrl+Shift+9'));
    expect(byTestId('toggle-shortcut')!.textContent).toContain('Ctrl+Shift+9');
    document.body.replaceChildren(Object.assign(document.createElement('main'), { id: 'app' }));
    await startPopup(harness({ toggleKeys: null }).deps);
    expect(byTestId('open-editor')).not.toBeNull();
    expect(byTestId('toggle-shortcut')).toBeNull();
  });

  it('switches this site off and on by its hostname', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    expect(document.querySelector('label[for="site-toggle"]')!.textContent).toContain('news.example');
    click(byTestId('site-toggle'));
    expect(h.stored().disabledSites).toEqual(['news.example']);
    // Said as this site's switch, not every tab's.
    expect(byTestId('page-status')!.textContent).toBe('Highlights are off on this site.');
    click(byTestId('site-toggle'));
    expect(h.stored().disabledSites).toEqual([]);
  });

  it('says when the browser refuses a change, and shows the switches as stored', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    const write = h.deps.writeSettings;
    let refuse = true;
    h.deps.writeSettings = async (settings) => {
      if (refuse) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      await write(settings);
    };
    await startPopup(h.deps);
    const notice = byTestId('save-error')!;
    expect(notice.hidden).toBe(true);
    // Pressed and clicked as a pointer does: the refusal may come while the press lasts.
    byTestId('site-toggle')!.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    click(byTestId('site-toggle'));
    await vi.waitFor(() => expect(notice.hidden).toBe(false));
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toBe(translate('en', 'popupNotSaved', 'QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect((byTestId('site-toggle') as HTMLInputElement).checked).toBe(true);
    expect(h.stored().disabledSites).toEqual([]);
    // The notice stayed in place through the renders since; a change saved clears it.
    refuse = false;
    click(byTestId('site-toggle'));
    await vi.waitFor(() => expect(notice.hidden).toBe(true));
    expect(h.stored().disabledSites).toEqual(['news.example']);
    expect((byTestId('site-toggle') as HTMLInputElement).checked).toBe(false);
  });

  it('offers a switch only for the categories the glossary’s entries have, and for one hidden before', async () => {
    const without = entries.filter((e) => e.category !== 'event' && e.category !== 'publication');
    const h = harness();
    await startPopup({
      ...h.deps,
      readSettings: async () => ({ ...DEFAULT_SETTINGS, hiddenCategories: ['publication'] }),
      loadGlossary: async () => ({ entries: without, byId: new Map() }),
    });
    const offered = [...document.querySelectorAll('[data-testid^="category-"]')].map((el) =>
      el.getAttribute('data-category'),
    );
    expect(offered).toEqual(CATEGORIES.filter((c) => c !== 'event'));
    expect(byTestId<HTMLInputElement>('category-publication')!.checked).toBe(false);
  });

  it('writes density and hidden categories', async () => {
    const h = harness();
    await startPopup(h.deps);
    const density = byTestId<HTMLSelectElement>('density')!;
    density.value = 'first';
    density.dispatchEvent(new Event('change'));
    expect(h.stored().density).toBe('first');
    click(byTestId('category-person'));
    click(byTestId('category-policy'));
    expect(h.stored().hiddenCategories).toEqual(['person', 'policy']);
    click(byTestId('category-person'));
    expect(h.stored().hiddenCategories).toEqual(['policy']);
  });

  it('keeps counting a hidden category’s entries, without offering to go to highlights it does not draw', async () => {
    const h = harness({ counts: { nvidia: 4, 'jensen-huang': 1 } });
    await startPopup(h.deps);
    const entryButton = (id: string) => document.querySelector<HTMLButtonElement>(`[data-entry-id="${id}"]`)!;
    expect(entryButton('jensen-huang').disabled).toBe(false);
    click(byTestId('category-person'));
    expect(entryButton('jensen-huang').disabled).toBe(true);
    expect(entryButton('jensen-huang').title).toBe(translate('en', 'popupRevealHidden'));
    // Said in words on the popup, and read with the button.
    const why = document.getElementById(entryButton('jensen-huang').getAttribute('aria-describedby')!);
    expect(why?.textContent).toBe(translate('en', 'popupRevealHidden'));
    expect(why?.hidden).toBe(false);
    expect(entryButton('nvidia').hasAttribute('aria-describedby')).toBe(false);
    expect(document.querySelector('section[data-category="company"] .hint:not([hidden])')).toBeNull();
    // Shown again, the same name is offered again.
    const jensen = entryButton('jensen-huang');
    click(byTestId('category-person'));
    expect(entryButton('jensen-huang')).toBe(jensen);
    expect(jensen.disabled).toBe(false);
    expect(jensen.hasAttribute('aria-describedby')).toBe(false);
    expect(why?.hidden).toBe(true);
    expect(entryButton('jensen-huang').querySelector('.count')!.textContent).toBe('1');
    expect(entryButton('nvidia').disabled).toBe(false);
  });

  it('speaks the chosen language at once and keeps focus on the control', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    const select = byTestId<HTMLSelectElement>('language')!;
    select.focus();
    select.value = 'zh-Hant';
    select.dispatchEvent(new Event('change'));
    expect(h.stored().language).toBe('zh-Hant');
    expect(document.documentElement.lang).toBe('zh-Hant');
    expect(byTestId('open-editor')!.textContent).toBe(translate('zh-Hant', 'popupOpenEditor'));
    expect(document.activeElement).toBe(byTestId('language'));
  });

  it('changes the names found in place as the counts change, so a screen reader keeps its place', async () => {
    const h = harness({ counts: { nvidia: 4, huawei: 2, openai: 1 } });
    await startPopup(h.deps);
    const items = () => Array.from(document.querySelectorAll('.found li'));
    const ids = () => items().map((li) => li.querySelector('button')!.getAttribute('data-entry-id'));
    const [nvidia, huawei, openai] = items();
    const company = document.querySelector('section.group');
    const score = byTestId('relevance-score');
    const countOf = (li: Element | undefined) => li!.querySelector('.count')!.textContent;
    h.pageReports(11, { nvidia: 5, huawei: 2, openai: 1 });
    await vi.waitFor(() => expect(countOf(nvidia)).toBe('5'));
    expect(items()).toEqual([nvidia, huawei, openai]);
    expect(document.querySelector('section.group')).toBe(company);
    expect(byTestId('relevance-score')).toBe(score);
    // A new order moves the same items; a new category's section comes in beside the one kept.
    h.pageReports(11, { nvidia: 1, huawei: 3, openai: 2, 'jensen-huang': 1 });
    await vi.waitFor(() => expect(ids()).toEqual(['huawei', 'openai', 'nvidia', 'jensen-huang']));
    expect(items().slice(0, 3)).toEqual([huawei, openai, nvidia]);
    expect(document.querySelector('section.group')).toBe(company);
    expect(company!.querySelector('h3')!.textContent).toBe('Company (3)');
    // A name no longer found goes, and its section with its last name.
    h.pageReports(11, { huawei: 3, nvidia: 1 });
    await vi.waitFor(() => expect(ids()).toEqual(['huawei', 'nvidia']));
    expect(items()).toEqual([huawei, nvidia]);
    expect(document.querySelectorAll('section.group')).toHaveLength(1);
    expect(company!.querySelector('h3')!.textContent).toBe('Company (2)');
    // The reader's language changes the words of the same items.
    h.setStored({ ...h.stored(), language: 'zh-Hant' });
    expect(items()).toEqual([huawei, nvidia]);
    expect(nvidia!.querySelector('.term')!.textContent).toBe('輝達');
    // Clicked after moving, an item still goes to its own name.
    click(nvidia!.querySelector('button'));
    expect(h.sent.at(-1)).toEqual([11, { type: 'reveal-entry', id: 'nvidia' }]);
  });

  it('keeps focus on a name found, and on the editor’s button, when the report or the settings change', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    const entryButton = (id: string) => document.querySelector<HTMLButtonElement>(`[data-entry-id="${id}"]`)!;
    const huawei = entryButton('huawei');
    huawei.focus();
    h.pageReports(11, { nvidia: 5, huawei: 2 });
    await vi.waitFor(() => expect(entryButton('nvidia').querySelector('.count')!.textContent).toBe('5'));
    expect(document.activeElement).toBe(huawei);
    // Moved to the top of its list (moving an element takes its focus away): focused again.
    h.pageReports(11, { nvidia: 1, huawei: 6 });
    await vi.waitFor(() => expect(huawei.closest('li')!.previousElementSibling).toBeNull());
    expect(document.activeElement).toBe(huawei);
    byTestId('open-editor')!.focus();
    h.setStored({ ...h.stored(), density: 'first' });
    expect(document.activeElement).toBe(byTestId('open-editor'));
  });

  it('follows settings changed elsewhere and refreshes the page report', async () => {
    vi.useFakeTimers();
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    h.setStored({ ...h.stored(), enabled: false });
    expect(byTestId<HTMLInputElement>('highlights-toggle')!.checked).toBe(false);
    const before = h.sent.length;
    await vi.advanceTimersByTimeAsync(REPORT_REFRESH_MS + 10);
    expect(h.sent.length).toBe(before + 1);
  });

  it('explains pages it cannot read, and offers no site switch on browser pages', async () => {
    const h = harness({ reachable: false, url: 'chrome://extensions/' });
    await startPopup(h.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupNoContentScript'));
    expect(byTestId('relevance-score')).toBeNull();
    expect(byTestId<HTMLInputElement>('site-toggle')!.disabled).toBe(true);
  });

  it('keeps the site switch when the tab’s URL is known but no content script answers', async () => {
    const h = harness({ reachable: false });
    await startPopup(h.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupNoContentScript'));
    expect(byTestId<HTMLInputElement>('site-toggle')!.disabled).toBe(false);
  });

  it('says why it cannot read a PDF, which the browser shows in its own viewer, rather than asking for a reload', async () => {
    const h = harness({ reachable: false, url: 'https://news.example/reports/chips-2026.PDF' });
    await startPopup(h.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupCannotReadPdf'));
    // An address that only mentions a PDF is still a page.
    const other = harness({ reachable: false, url: 'https://news.example/pdf/index.html?file=a.pdf' });
    await startPopup(other.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupNoContentScript'));
  });

  it('follows its tab to another site: the site switch names the new site, and acts on it', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    click(byTestId('site-toggle')); // news.example off
    expect(h.stored().disabledSites).toEqual(['news.example']);
    // The tab leaves for another site; the popup, still open, may not read its address.
    h.tabLoads(11, 'loading');
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupReading'));
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(0);
    h.pageReports(11, { huawei: 2 });
    h.tabLoads(11, 'complete', { url: 'https://other.example/today' });
    const siteLabel = () => document.querySelector('label[for="site-toggle"]')!.textContent;
    await vi.waitFor(() => expect(siteLabel()).toBe(translate('en', 'popupSiteToggle', 'other.example')));
    expect(byTestId<HTMLInputElement>('site-toggle')!.checked).toBe(true);
    click(byTestId('site-toggle'));
    expect(h.stored().disabledSites).toEqual(['news.example', 'other.example']);
  });

  it('keeps its list while a single-page site changes its address in place', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    const statuses: string[] = [];
    const observer = new MutationObserver(() => statuses.push(byTestId('page-status')?.textContent ?? ''));
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    // Chromium's "loading" for `history.pushState`: the document answers from its new address.
    h.tabLoads(11, 'loading', { url: 'https://news.example/story?page=2' });
    await vi.waitFor(() => expect(h.sent).toHaveLength(2));
    h.tabLoads(11, 'complete', { url: 'https://news.example/story?page=2' });
    await vi.waitFor(() => expect(h.sent).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(statuses).not.toContain(translate('en', 'popupReading'));
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(2);
  });

  it('drops the list when the page answering a load is still the one the tab is leaving', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    h.tabLoads(11, 'loading', { url: 'https://other.example/', answersFrom: 'https://news.example/story' });
    await vi.waitFor(() => expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupReading')));
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(0);
    expect(document.querySelector('label[for="site-toggle"]')!.textContent).toBe(
      translate('en', 'popupSiteToggle', 'other.example'),
    );
  });

  it('says it cannot read a PDF when its tab goes to one, and the generic reason for the page after', async () => {
    const h = harness({ counts: { nvidia: 1 } });
    await startPopup(h.deps);
    h.tabLoads(11, 'loading', { url: 'https://news.example/report.pdf', answers: false });
    h.tabLoads(11, 'complete');
    await vi.waitFor(() => expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupCannotReadPdf')));
    h.tabLoads(11, 'loading', { url: 'https://news.example/next' });
    h.tabLoads(11, 'complete');
    await vi.waitFor(() => expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupNoContentScript')));
  });

  it('drops the page before when its tab goes to a page it cannot read', async () => {
    const h = harness({ counts: { nvidia: 1, huawei: 1 } });
    await startPopup(h.deps);
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(2);
    h.tabLoads(11, 'loading');
    h.tabLoads(11, 'complete', { answers: false }); // about:blank, data:, a browser page
    await vi.waitFor(() => expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupNoContentScript')));
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(0);
    expect(byTestId('relevance-score')).toBeNull();
  });

  it('asks a tab still loading again until it answers, even if its end of loading goes unheard', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = harness({ reachable: false, status: 'loading', counts: { nvidia: 1 } });
    await startPopup(h.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupReading'));
    await vi.advanceTimersByTimeAsync(LOADING_RECHECK_MS * 3);
    expect(h.sent.length).toBeGreaterThanOrEqual(3); // asked again while it loads
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupReading'));
    // The page loads and answers, and the popup hears no event of it (this one names another tab).
    h.tabLoads(99, 'complete', { answers: true });
    await vi.advanceTimersByTimeAsync(LOADING_RECHECK_MS);
    expect(document.querySelectorAll('[data-testid="found-entry"]')).toHaveLength(1);
    const asked = h.sent.length;
    await vi.advanceTimersByTimeAsync(LOADING_RECHECK_MS * 3);
    expect(h.sent.length).toBe(asked); // answered: no more questions
  });

  it('waits for a page still loading as it opens, rather than calling it unreadable', async () => {
    // Highlights off for the site: its content script will not report; it is asked once loaded.
    const h = harness({ reachable: false, status: 'loading', counts: {} });
    await startPopup(h.deps);
    expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupReading'));
    h.tabLoads(11, 'complete', { answers: true });
    await vi.waitFor(() => expect(byTestId('page-status')!.textContent).toBe(translate('en', 'popupFoundNone')));
  });

  it('reports on the tab named in ?tab= and opens the editor', async () => {
    const h = harness({ counts: { nvidia: 1 }, search: '?tab=42' });
    await startPopup(h.deps);
    expect(h.sent[0]).toEqual([42, { type: 'get-page-summary' }]);
    click(byTestId('open-editor'));
    expect(h.openEditor).toHaveBeenCalledTimes(1);
  });
});
