import { langForReader } from './language';

/**
 * The browser's language, for the "follow the browser" setting: one source for the tooltip,
 * the popup and the editor, so the three never name an entry differently. It is the language
 * the browser tells web pages it reads (`navigator.language`): in Chromium its interface
 * language, in Firefox the first of the reader's languages for pages, which its interface
 * language (`i18n.getUILanguage()`, what the popup and editor used) may differ from: an
 * English Firefox whose reader put Traditional Chinese first reads the news, and so the names,
 * as Taiwan writes them.
 */
export function browserLanguageTag(
  nav: Pick<Navigator, 'language'> | undefined = globalThis.navigator,
): string | undefined {
  return nav?.language;
}

/** The `lang` for Chinese in `language` shown in `doc`: with the browser's region (`langForReader`). */
export function readerLangIn(doc: Document, language: string): string {
  return langForReader(language, browserLanguageTag(doc.defaultView?.navigator));
}
