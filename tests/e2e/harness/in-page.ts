/**
 * Functions that run inside the page under test (handed to Playwright's, puppeteer's or raw
 * CDP's evaluate), so each must be self-contained: no imports, no closures.
 */

/** Where to look: an element of the page, or one inside the tooltip's open shadow root. */
export interface PagePart {
  css: string;
  inTooltip: boolean;
}

/** The middle of the first element `part.css` finds, or null while there is none. */
export function middleOfPart(part: PagePart): { x: number; y: number } | null {
  const root = part.inTooltip ? document.querySelector('columnlens-tooltip')?.shadowRoot : document;
  const box = root?.querySelector(part.css)?.getBoundingClientRect();
  return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
}

/** Text of a part of the open tooltip's panel, or null while none shows. */
export function tooltipPartText(selector: string): string | null {
  const panel = document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.panel');
  return panel?.querySelector(selector)?.textContent ?? null;
}
