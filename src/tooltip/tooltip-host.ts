/**
 * The tooltip's container on the page: a custom-named element with an open shadow root
 * (tests and assistive tech can read it; page CSS cannot reach in). It is in the page
 * only while a tooltip shows, so a page without a tooltip open is exactly as it was.
 */
import { UI_HOST_ATTRIBUTE } from '../content/dom-rules';
import { TOOLTIP_STYLES } from './tooltip-styles';

/** Tag of the host element. */
export const TOOLTIP_HOST_TAG = 'columnlens-tooltip';

export interface TooltipHost {
  /** The element put into the page; carries the id that `aria-describedby` points at. */
  readonly host: HTMLElement;
  /** The element inside the shadow root that holds the content: a tooltip, or a dialog when it has links. */
  readonly panel: HTMLElement;
  /**
   * Gives the panel the role its content calls for. A tooltip is never focused (WAI-ARIA
   * APG, tooltip pattern); content the keyboard can enter (links) makes it a non-modal
   * dialog, named by the element with id `labelId`.
   */
  setInteractive(interactive: boolean, labelId: string): void;
  /**
   * Puts the host in the page: inside the modal dialog or popover that holds `near` (the
   * highlight), else inside the fullscreen element when there is one.
   */
  attach(near?: Element): void;
  /** Takes the host out of the page. */
  detach(): void;
}

let counter = 0;

/** The element the host must live in: a fullscreen element hides everything outside it. */
function container(doc: Document): Element {
  return doc.fullscreenElement ?? doc.documentElement;
}

/**
 * A highlight inside a modal dialog or an open popover is in the top layer, above everything
 * else, and a modal dialog makes the rest of the page inert: the tooltip must live in there too,
 * to be seen and its buttons pressed.
 */
function topLayerAround(near: Element | undefined): Element | null {
  try {
    return near?.closest('dialog:modal, :popover-open') ?? null;
  } catch {
    return null; // a browser (or DOM) that knows neither selector has no top layer to be in
  }
}

/** Creates the (detached) host. `signal` also re-parents it on fullscreen changes. */
export function createTooltipHost(doc: Document, signal: AbortSignal): TooltipHost {
  const host = doc.createElement(TOOLTIP_HOST_TAG);
  // The highlighter skips elements with this attribute: the tooltip's own text is never highlighted.
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  // Unique per frame and instance, so aria-describedby never points at a page element.
  host.id = `columnlens-tooltip-${Date.now().toString(36)}-${counter++}`;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = TOOLTIP_STYLES;
  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('role', 'tooltip');
  // The labels are in Chinese or English, written left to right. Without this a page written
  // right to left (Hebrew, Arabic news) would mirror the panel: `all: initial` on the host
  // leaves `direction` inherited from the page.
  panel.dir = 'ltr';
  // Out of the page's tab order as its links are (tooltip.ts): Chromium makes a scrolling box
  // with nothing focusable in it a Tab stop of its own, and a long note scrolls.
  panel.tabIndex = -1;
  shadow.append(style, panel);
  // The panel shows in the top layer (a manual popover: no light dismiss, the tooltip's own
  // rules close it): there a page's transform or filter on an ancestor, `html` included, cannot
  // move it off its name, and no page element covers it, whatever its z-index. Floating UI
  // places a top-layer element in the viewport's pixels. Taking the host out of the page
  // closes it; every way back in opens it again.
  const topLayer = typeof panel.showPopover === 'function';
  if (topLayer) panel.popover = 'manual';
  /** Puts the host in `parent` (unless it is there) and shows the panel. */
  const showIn = (parent: Element) => {
    if (host.parentNode !== parent) parent.append(host);
    if (topLayer && !panel.matches(':popover-open')) panel.showPopover();
  };

  doc.addEventListener(
    'fullscreenchange',
    () => {
      if (host.isConnected) showIn(container(doc));
    },
    { signal },
  );

  return {
    host,
    panel,
    attach(near) {
      showIn(topLayerAround(near) ?? container(doc));
    },
    detach() {
      host.remove();
    },
    setInteractive(interactive, labelId) {
      panel.setAttribute('role', interactive ? 'dialog' : 'tooltip');
      if (interactive) panel.setAttribute('aria-labelledby', labelId);
      else panel.removeAttribute('aria-labelledby');
    },
  };
}
