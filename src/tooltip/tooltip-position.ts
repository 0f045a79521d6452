/**
 * Keeps the tooltip next to its highlight with Floating UI: below the mark by default,
 * flipped above near the bottom edge, beside it where neither has room, always wholly inside
 * the viewport, and for a mark that wraps across lines, next to the line the pointer is on.
 * The fixed strategy keeps it clear of transformed or clipped page containers and above
 * sticky headers.
 */
import { autoUpdate, computePosition, flip, inline, limitShift, offset, shift } from '@floating-ui/dom';
import type { TooltipAnchor } from './tooltip-anchor';

/** Starts following `anchor`; returns the function that stops. `onLost` runs when the anchor is gone. */
export function followAnchor(anchor: TooltipAnchor, floating: HTMLElement, onLost: () => void): () => void {
  let stopped = false;
  const update = () => {
    if (stopped) return;
    if (!anchor.alive()) return onLost();
    void computePosition(anchor.reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(6),
        // Where neither below nor above has room (a short window, a mark standing in vertical
        // text), beside the mark.
        flip({ padding: 8, fallbackPlacements: ['top-start', 'right-start', 'left-start'] }),
        // Wherever it lands, the whole tooltip stays in the window, across the mark if it must;
        // but never parted from it: a tooltip left open as the page scrolls goes with its mark.
        shift({ padding: 8, crossAxis: true, limiter: limitShift() }),
      ],
    }).then(({ x, y }) => {
      if (stopped) return;
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  };
  // A mark's removal or resize is observed. A painted range has no element to observe: its
  // text may reflow, or the highlight be switched off; so while it is open, its position is
  // compared every frame (Floating UI's `animationFrame`) and whether it is still there too.
  const painted = !anchor.element;
  const cleanup = autoUpdate(anchor.reference, floating, update, { animationFrame: painted });
  const win = floating.ownerDocument.defaultView;
  let frame: number | undefined;
  const check = () => {
    if (stopped) return;
    if (!anchor.alive()) return onLost();
    frame = win?.requestAnimationFrame(check);
  };
  if (painted) check();
  return () => {
    stopped = true;
    if (frame !== undefined) win?.cancelAnimationFrame(frame);
    cleanup();
  };
}
