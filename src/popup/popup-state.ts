/** Everything the popup shows, in one value; the view is a function of it. */
import type { ReaderLanguage } from '../i18n/language';
import type { Settings } from '../settings/settings';
import { webUrl } from '../validate';
import type { FoundGroup, PageReport } from './page-report';

export interface PopupState {
  settings: Settings;
  /** Language of the popup's text: the reader's setting, or the browser's. */
  language: ReaderLanguage;
  /** The target page's hostname, when it is an http(s) page. */
  hostname?: string;
  /** Whether the target page's address names a PDF, which the browser shows in its own viewer. */
  pdf?: boolean;
  report: PageReport;
  /** The categories the glossary's entries have: the only ones worth a switch. */
  categories: readonly string[];
  /** Relevance of the page to the column, 0–100; set once a summary arrived. */
  score?: number;
  groups: FoundGroup[];
  /**
   * Why the browser refused the last change of settings (its own words), until a change is
   * saved: sync storage holds 8 kB per item and takes 120 writes a minute, and a switch that
   * showed a change never stored would mislead.
   */
  saveError?: string;
  /**
   * The entry the reader last asked to be taken to, when the page had no occurrence of it to
   * show: every one is in text the page hides (a closed menu, a collapsed section, an article a
   * single-page site keeps hidden). Counted all the same, so the list says why nothing moved.
   */
  notShown?: string;
}

export interface PopupActions {
  /** Writes a change of settings; every tab's content script picks it up. */
  updateSettings(change: Partial<Settings>): void;
  /** Scrolls the page to the next occurrence of an entry. */
  reveal(entryId: string): void;
  openEditor(): void;
}

/** The hostname of an http(s) URL; other pages (chrome://, file://) have no per-site switch. */
export function webHostname(url: string | undefined): string | undefined {
  return webUrl(url)?.hostname;
}

/**
 * Whether an http(s) address names a PDF file. The browser shows it in its own viewer, where
 * ColumnLens does not run (Chromium's keeps the text out of the page, Firefox's is its own
 * page), so the popup hears nothing from the tab and says why.
 */
export function isPdfAddress(url: string | undefined): boolean {
  return /\.pdf$/i.test(webUrl(url)?.pathname ?? '');
}
