/**
 * The browser's language, for the "follow the browser" setting: one source for the tooltip,
 * the popup and the editor, so the three never name an entry differently. It is the reader's
 * first language for web pages (`navigator.language`), not the browser's interface language
 * (`i18n.getUILanguage()`): Chromium gives both the same value, but Firefox keeps them apart,
 * and a reader of an English Firefox who put Traditional Chinese first for pages reads the
 * news, and so the names, as Taiwan writes them.
 */
export function browserLanguageTag(
  nav: Pick<Navigator, 'language'> | undefined = globalThis.navigator,
): string | undefined {
  return nav?.language;
}
