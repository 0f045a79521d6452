/**
 * The popup: switches that write the settings every tab watches, and a report on the
 * current tab's page. All it shows is rendered from one state value; after each change each
 * part whose content changed is rebuilt (a few dozen elements) and focus is put back on the
 * same control. Parts whose content did not change stay (kept-part.ts), and what the page
 * reports is not rendered while the reader presses a pointer in the popup: the control under
 * it would lose the click.
 */
import { langForReader, resolveLanguage } from '../i18n/language';
import { translator, type Translator } from '../i18n/translate';
import { relevanceScore, type ScoredEntry } from '../scoring/relevance';
import type { Settings } from '../settings/settings';
import { NEXT_HIGHLIGHT_KEYS, PREVIOUS_HIGHLIGHT_KEYS } from '../tooltip/highlight-navigation';
import { h, setText } from './dom';
import { holdWhilePressed } from './hold-while-pressed';
import { keptPart } from './kept-part';
import {
  groupFoundEntries,
  requestPageReport,
  type FoundEntryInfo,
  type FrameCountsOf,
  type PageReport,
  type SendToTab,
} from './page-report';
import { createPageView } from './page-view';
import { isPdfAddress, webHostname, type PopupActions, type PopupState } from './popup-state';
import { renderGlobalSwitch, renderSettings } from './settings-view';
import { findTargetTab, type TabInfo, type TabsApi } from './target-tab';

/** Re-ask the page this long after a settings change, once its content script has applied it. */
export const REPORT_REFRESH_MS = 600;
/** Re-ask the page this long after it reported new counts: one question for a burst of reports. */
export const PAGE_REPORT_DELAY_MS = 150;
/** Re-ask a tab still loading this often until its page answers or it has loaded. */
export const LOADING_RECHECK_MS = 1000;

export interface PopupGlossary {
  entries: readonly (ScoredEntry & FoundEntryInfo)[];
  byId: ReadonlyMap<string, FoundEntryInfo>;
}

/** What the popup needs from the browser; tests pass fakes. */
export interface PopupDependencies {
  document: Document;
  /** `location.search` of the popup page (`?tab=<id>` when opened as a page). */
  search: string;
  browserLanguage: string | undefined;
  tabs: TabsApi;
  sendToTab: SendToTab;
  /** What the tab's frames found, beside its top document (`get-frame-counts`). */
  frameCounts: FrameCountsOf;
  loadGlossary(): Promise<PopupGlossary>;
  readSettings(): Promise<Settings>;
  writeSettings(settings: Settings): Promise<void>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /**
   * Calls `onChange` when the tab's page reports new counts (as it does to the toolbar badge,
   * while it is read and as it changes); returns the way to stop.
   */
  watchPageReports(tabId: number, onChange: () => void): () => void;
  /**
   * Calls `onChange` as the tab starts or finishes loading a page (another page, or the same
   * one again): the popup may be left open on it. Returns the way to stop.
   */
  watchTab(tabId: number, onChange: (tab: TabInfo) => void): () => void;
  openEditor(): Promise<void>;
  /** The keys of the on/off command, as the browser has them; none when the reader removed them. */
  toggleShortcut(): Promise<string | undefined>;
}

/**
 * What names a control from one render to the next: its id, or its `data-focus-key` (the
 * buttons of names found, by entry, and the editor's button have no id).
 */
function focusKey(el: Element | null): string | undefined {
  if (el?.id) return `#${el.id}`;
  const key = el?.getAttribute('data-focus-key');
  return key ? `key:${key}` : undefined;
}

/** Renders the popup into `#app` and keeps it up to date until the page closes. */
export async function startPopup(deps: PopupDependencies): Promise<void> {
  const doc = deps.document;
  const root = doc.getElementById('app') ?? doc.body;
  const win = doc.defaultView ?? window;
  const [settings, tab, glossary, toggleKeys] = await Promise.all([
    deps.readSettings(),
    findTargetTab(deps.search, deps.tabs),
    deps.loadGlossary(),
    deps.toggleShortcut().catch(() => undefined),
  ]);
  const state: PopupState = {
    settings,
    language: resolveLanguage(settings.language, deps.browserLanguage),
    hostname: webHostname(tab?.url),
    pdf: isPdfAddress(tab?.url),
    report: tab ? { kind: 'loading' } : { kind: 'unavailable' },
    categories: [...new Set(glossary.entries.map((e) => e.category))],
    groups: [],
  };

  const actions: PopupActions = {
    updateSettings(change) {
      setSettings({ ...state.settings, ...change });
      deps.writeSettings(state.settings).then(
        () => {
          if (state.saveError === undefined) return;
          state.saveError = undefined;
          render();
        },
        // Refused: the switches go back to what is stored, and the popup says why.
        async (error: unknown) => {
          state.saveError = error instanceof Error ? error.message : String(error);
          setSettings(await deps.readSettings());
        },
      );
    },
    reveal(entryId) {
      if (!tab) return;
      // An entry only an embedded frame has is revealed there (the top document has none).
      const frameId = state.report.kind === 'summary' ? (state.report.frameOf[entryId] ?? 0) : 0;
      void deps.sendToTab(tab.id, { type: 'reveal-entry', id: entryId }, frameId).then(
        // `false`: found, but nowhere the page shows now; anything else says nothing of it.
        (shown) => {
          const notShown = shown === false ? entryId : undefined;
          if (state.notShown === notShown) return;
          state.notShown = notShown;
          render();
        },
        () => {},
      );
    },
    openEditor() {
      void deps.openEditor().then(() => win.close());
    },
  };

  const page = createPageView(doc);
  /** Says why a change was not saved; stays in place so that it is announced once, as set. */
  const saveNotice = h(doc, 'p', { class: 'save-error', role: 'alert', 'data-testid': 'save-error' });
  const header = keptPart(doc);
  const settingsPart = keptPart(doc);
  const footer = keptPart(doc);
  // The page's names before the settings: what a reader opens the popup for most, and at the
  // top of a popup the browser cuts at 600 px.
  root.replaceChildren(header.element, saveNotice, page.element, settingsPart.element, footer.element);
  const held = holdWhilePressed(root, win, () => render());

  /**
   * Renders what the page or the tab reported, unless the reader is pressing a control. A
   * change the reader makes is rendered at once (`render`): its click is already done, and a
   * switch it toggled must show the stored state again at once if the change is refused.
   */
  function renderReport(): void {
    if (held.pressed()) held.later();
    else render();
  }

  function render(): void {
    const focused = focusKey(doc.activeElement);
    const t = translator(state.language);
    doc.documentElement.lang = langForReader(state.language, deps.browserLanguage);
    doc.title = t('extName');
    const { language, settings } = state;
    header.show(JSON.stringify([language, settings.enabled]), () =>
      h(doc, 'header', {}, h(doc, 'h1', {}, t('extName')), renderGlobalSwitch(doc, state, actions)),
    );
    settingsPart.show(JSON.stringify([language, settings.density, settings.hiddenCategories, settings.language]), () =>
      renderSettings(doc, state, actions),
    );
    footer.show(language, () => renderFooter(t));
    page.update(state, actions);
    // The page section and the notice stay where they are (live regions).
    const notice = state.saveError === undefined ? '' : t('popupNotSaved', state.saveError);
    setText(saveNotice, notice);
    saveNotice.hidden = notice === '';
    if (focused)
      [...root.querySelectorAll<HTMLElement>('[id], [data-focus-key]')].find((el) => focusKey(el) === focused)?.focus();
  }

  function renderFooter(t: Translator): HTMLElement {
    const editor = h(
      doc,
      'button',
      { type: 'button', class: 'editor', 'data-testid': 'open-editor', 'data-focus-key': 'open-editor' },
      t('popupOpenEditor'),
    );
    editor.addEventListener('click', () => actions.openEditor());
    const part = h(doc, 'footer', {}, editor);
    // The on/off keys as the browser has them (the reader may have changed or removed them).
    if (toggleKeys)
      part.append(
        h(doc, 'p', { class: 'hint', 'data-testid': 'toggle-shortcut' }, t('popupToggleShortcut', toggleKeys)),
      );
    part.append(
      h(doc, 'p', { class: 'hint' }, t('popupShortcut', NEXT_HIGHLIGHT_KEYS.label, PREVIOUS_HIGHLIGHT_KEYS.label)),
    );
    return part;
  }

  /**
   * Whether the tab is loading a page that may answer: no answer yet means "wait", not "cannot
   * read". A page whose address says it is no web page (the browser's, an extension's) will not.
   */
  const awaitsAnswer = (info: TabInfo | undefined) =>
    info?.status === 'loading' && (info.url === undefined || webHostname(info.url) !== undefined);
  let tabLoading = awaitsAnswer(tab);

  function setReport(report: PageReport): void {
    state.report = report.kind === 'unavailable' && tabLoading ? { kind: 'loading' } : report;
    if (report.kind === 'summary') {
      // The page's own address: the tab may have moved to another site since the popup opened.
      state.hostname = webHostname(report.summary.url) ?? state.hostname;
      state.score = relevanceScore(report.summary.counts, glossary.entries);
      state.groups = groupFoundEntries(report.summary.counts, glossary.byId);
    }
    renderReport();
  }

  /** Asks the page for its report, and the browser whether its tab is still loading. */
  async function askPage(): Promise<void> {
    if (!tab) return;
    const [report, info] = await Promise.all([
      requestPageReport(tab.id, deps.sendToTab, deps.frameCounts),
      deps.tabs.get(tab.id).catch(() => undefined),
    ]);
    tabLoading = awaitsAnswer(info);
    setReport(report);
    // Still loading and silent: asked again, whether or not its "complete" reaches the popup.
    if (report.kind === 'unavailable' && tabLoading) refreshReport(LOADING_RECHECK_MS);
  }

  let refreshTimer: number | undefined;
  /** Asks the page again after `delay` ms (one question for a burst of reasons). */
  function refreshReport(delay: number): void {
    if (!tab) return;
    win.clearTimeout(refreshTimer);
    refreshTimer = win.setTimeout(() => void askPage(), delay);
  }

  function setSettings(next: Settings): void {
    state.settings = next;
    state.language = resolveLanguage(next.language, deps.browserLanguage);
    render();
    refreshReport(REPORT_REFRESH_MS);
  }

  render();
  const unwatch = deps.watchSettings((next) => {
    if (JSON.stringify(next) !== JSON.stringify(state.settings)) setSettings(next);
  });
  win.addEventListener('pagehide', unwatch, { once: true });
  if (!tab) return;
  // A page still being read (or changing) when the popup opened: its report follows it.
  const unwatchPage = deps.watchPageReports(tab.id, () => refreshReport(PAGE_REPORT_DELAY_MS));
  win.addEventListener('pagehide', unwatchPage, { once: true });
  // The tab starts loading: another page (one it may not read), this one again, or this one at a
  // new address. What the popup shows goes unless the page answers from the address loading; a
  // page that will not report (highlights off for it) is asked again once it has loaded.
  let tabEvents = 0;
  const unwatchTab = deps.watchTab(tab.id, (changed) => {
    const event = ++tabEvents;
    if (changed.url !== undefined) state.pdf = isPdfAddress(changed.url);
    tabLoading = awaitsAnswer(changed);
    if (!tabLoading) return refreshReport(PAGE_REPORT_DELAY_MS);
    win.clearTimeout(refreshTimer);
    if (changed.url === undefined) return dropPageBefore(changed.url);
    // Chromium says "loading" also when a single-page site changes its address in place
    // (`history.pushState`): the document, and its names, stay. A page that answers from the
    // address being loaded is the one to show; the page before answers from its own.
    void requestPageReport(tab.id, deps.sendToTab, deps.frameCounts).then((report) => {
      if (event !== tabEvents) return; // the tab has moved on since: its own event decides
      if (report.kind === 'summary' && report.summary.url === changed.url) setReport(report);
      else dropPageBefore(changed.url);
    });
  });
  win.addEventListener('pagehide', unwatchTab, { once: true });
  await askPage();

  /** Forgets the page the tab is leaving, and waits for the one at `url` to answer. */
  function dropPageBefore(url: string | undefined): void {
    state.hostname = webHostname(url);
    state.report = { kind: 'loading' };
    state.groups = [];
    state.score = undefined;
    renderReport();
    refreshReport(LOADING_RECHECK_MS);
  }
}
