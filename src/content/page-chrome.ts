/**
 * The site's own furniture around an article: its navigation, sidebars, and the page-wide
 * header and footer. A name there says what the site covers, not what the page is about:
 * GeeksforGeeks' menu names ChatGPT above every Python tutorial, and opening everyday words
 * there highlighted "algorithm" twenty times (topic-gate.ts).
 */

/** Landmarks that are furniture wherever they stand, by element or by role. */
const FURNITURE =
  'nav, aside, [role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="menu"], [role="menubar"]';

/** Where a header or footer belongs to a piece of content (an article's byline), not to the site. */
const CONTENT = 'article, main, section, [role="main"], [role="article"]';

/** Whether `element` is in the page's navigation, a sidebar, or the site's header or footer. */
export function isPageChrome(element: Element): boolean {
  if (element.closest(FURNITURE)) return true;
  // As the accessibility mappings decide whether a header is the page's banner.
  const band = element.closest('header, footer');
  return band !== null && band.parentElement?.closest(CONTENT) == null;
}
