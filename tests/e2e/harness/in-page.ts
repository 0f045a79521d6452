/**
 * Functions that run inside the page under test (handed to Playwright's, puppeteer's or raw
 * CDP's evaluate), so each must be self-contained: no imports, no closures.
 */

/** Where to look: an element of the page, or one inside the tooltip's open shadow root. */
export interface PagePart {
  css: string;
  inTooltip: boolean;
}

/**
 * The middle of the first element `part.css` finds, or null while there is none. In the
 * tooltip, the panel is first scrolled to show it, as a reader scrolls a tooltip that a short
 * window cut to size (its "Edit" comes last).
 */
export function middleOfPart(part: PagePart): { x: number; y: number } | null {
  const root = part.inTooltip ? document.querySelector('columnlens-tooltip')?.shadowRoot : document;
  const element = root?.querySelector(part.css);
  const panel = part.inTooltip ? root?.querySelector('.panel') : null;
  if (element && panel) {
    const inner = element.getBoundingClientRect();
    const outer = panel.getBoundingClientRect();
    if (inner.bottom > outer.bottom) panel.scrollTop += inner.bottom - outer.bottom;
    else if (inner.top < outer.top) panel.scrollTop -= outer.top - inner.top;
  }
  const box = element?.getBoundingClientRect();
  return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
}

/** Text of a part of the open tooltip's panel, or null while none shows. */
export function tooltipPartText(selector: string): string | null {
  const panel = document.querySelector('columnlens-tooltip')?.shadowRoot?.querySelector('.panel');
  return panel?.querySelector(selector)?.textContent ?? null;
}
