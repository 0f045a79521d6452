/**
 * A tab showing `about:blank` (a new tab in Firefox, a window a script opened and has not
 * filled yet). The script runs there because frames without an address of their own
 * (`about:blank`, `srcdoc`) are read through their parent's match (`matchAboutBlank`), and
 * Firefox applies that to a top-level blank page too. Such a tab is no page the reader reads:
 * ColumnLens stays out of it, and the popup says it cannot read the page, as in Chromium.
 */
export function isBlankTab(win: Window): boolean {
  return win === win.top && win.location.protocol === 'about:';
}
