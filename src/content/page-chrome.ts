/**
 * The site's own furniture around an article: its navigation, menus and sidebars. A name there
 * says what the site covers, not what the page is about: GeeksforGeeks' menu names ChatGPT
 * above every Python tutorial, and opening everyday words there highlighted "algorithm" twenty
 * times (topic-gate.ts).
 *
 * Headers and footers count only where the page says they are the site's (`role="banner"`,
 * `role="contentinfo"`): many templates put a story's headline in a `<header>` outside any
 * `<article>`, and a page's only name is often there.
 */
export const PAGE_CHROME_SELECTOR =
  'nav, aside, [role="navigation"], [role="complementary"], [role="menu"], [role="menubar"], [role="banner"], [role="contentinfo"]';

/** Whether `element` is in the page's navigation, a menu or a sidebar. */
export function isPageChrome(element: Element): boolean {
  return element.closest(PAGE_CHROME_SELECTOR) !== null;
}
