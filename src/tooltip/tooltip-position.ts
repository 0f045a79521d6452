/**
 * Keeps the tooltip next to its highlight with Floating UI: below the mark by default,
 * flipped above near the bottom edge, shifted inside the viewport, and for a mark that
 * wraps across lines, next to the line the pointer is on. The fixed strategy keeps it
 * clear of transformed or clipped page containers and above sticky headers.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';

/** Starts following `anchor`; returns the function that stops. `onLost` runs when the anchor leaves the page. */
export function followAnchor(anchor: Element, floating: HTMLElement, onLost: () => void): () => void {
  let stopped = false;
  const update = () => {
    if (stopped) return;
    if (!anchor.isConnected) return onLost();
    void computePosition(anchor, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      if (stopped) return;
      floating.style.left = `${Math.round(x)}px`;
      floating.style.top = `${Math.round(y)}px`;
    });
  };
  const cleanup = autoUpdate(anchor, floating, update);
  return () => {
    stopped = true;
    cleanup();
  };
}
