/**
 * A finger's taps on highlights. A finger has no hover: a tap on a highlight pins its tooltip,
 * as keyboard navigation does. Names often sit in links (headlines, lists of stories), where
 * the tap would also follow the link and take the note away before it is read. There the first
 * tap shows the note and keeps the reader on the page, and a tap on the same highlight while
 * its note shows follows the link: the way touch browsers treat a first tap on an element that
 * reacts to hover.
 */
import type { TooltipAnchor } from './tooltip-anchor';

export interface TapHooks {
  /** The highlight under the tap, if any. */
  anchorOf(event: MouseEvent): TooltipAnchor | undefined;
  /** The key of the highlight whose tooltip shows now. */
  openKey(): object | undefined;
  pin(anchor: TooltipAnchor): void;
  /** Whether the event is the tooltip's own (it reaches the page at the tooltip's host). */
  isTooltip(target: EventTarget | null): boolean;
}

const isTouch = (event: Event) => (event as PointerEvent).pointerType === 'touch';

/** Watches taps on `doc` until `signal` aborts. */
export function watchFingerTaps(doc: Document, signal: AbortSignal, hooks: TapHooks): void {
  // Capturing, so these run before the page's listeners and the tooltip's: before the touch's
  // hover switches the tooltip to the highlight touched or its press closes it, and the click
  // before a page script that follows links itself (routers leave a click whose default is
  // prevented alone).
  const listen = { signal, capture: true };
  // The highlight whose tooltip showed as the finger came down: noted at the tap's first event
  // (pointerover, or pointerdown where none came), and forgotten with the tap.
  let openAtTouch: object | undefined;
  let noted = false;
  const note = (event: Event) => {
    if (!isTouch(event) || (noted && event.type === 'pointerdown')) return;
    openAtTouch = hooks.openKey();
    noted = true;
  };
  doc.addEventListener('pointerover', note, listen);
  doc.addEventListener('pointerdown', note, listen);
  doc.addEventListener('pointercancel', () => (noted = false), listen);
  doc.addEventListener(
    'click',
    (event) => {
      // The click, not pointerup: the tap may move focus in between (to a link around the
      // text), which would unpin the tooltip again; and a pan or a pinch makes no click.
      // Browsers send a click as a PointerEvent that says what made it.
      if (!isTouch(event)) return;
      const openAtPress = openAtTouch;
      noted = false;
      if (hooks.isTooltip(event.target)) return;
      const anchor = hooks.anchorOf(event);
      if (!anchor) return;
      if (insideLink(event)) {
        if (anchor.key === openAtPress) return; // its note was read: now the link
        event.preventDefault();
      }
      hooks.pin(anchor);
    },
    listen,
  );
}

/** Whether the event's target lies in a link, which the click would follow. */
function insideLink(event: Event): boolean {
  for (const node of event.composedPath()) {
    if ((node as Node).nodeType !== 1) continue;
    const el = node as Element;
    if ((el.localName === 'a' || el.localName === 'area') && el.hasAttribute('href')) return true;
  }
  return false;
}
