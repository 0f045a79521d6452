/**
 * Keeps the tooltip next to its highlight with Floating UI: below the mark by default,
 * flipped above near the bottom edge, beside it where neither has room, kept above while it
 * fits there once it is, always wholly inside the viewport, and for a mark that wraps across
 * lines, next to the line the pointer is on.
 * Where no side has room for all of it (a phone), it takes the roomier side and scrolls
 * within it rather than covering the name it describes.
 * The fixed strategy keeps it clear of clipped page containers; in the top layer, where the
 * panel shows (tooltip-host.ts), no transformed ancestor moves it and no page element covers it.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  limitShift,
  offset,
  platform,
  shift,
  size,
  type Placement,
} from '@floating-ui/dom';
import { scrollingBoxesAround } from './scroll-boxes';
import type { TooltipAnchor } from './tooltip-anchor';

/**
 * The least height the tooltip is squeezed to beside its mark: its heading and a few lines.
 * Where even that does not fit, it covers the mark rather than becoming a slit.
 */
const LEAST_HEIGHT_PX = 120;

/** Below the name first, then above, then beside it. */
const SIDES: readonly Placement[] = ['bottom-start', 'top-start', 'right-start', 'left-start'];

/**
 * Starts following `anchor`; returns the function that stops. `onLost` runs when the anchor is
 * gone, `onHidden` each time a scrolling box around it scrolls it out of sight (the tooltip is
 * then hidden with it, not closed).
 */
export function followAnchor(
  anchor: TooltipAnchor,
  floating: HTMLElement,
  onLost: () => void,
  onHidden: () => void = () => {},
): () => void {
  let stopped = false;
  let hidden = false;
  // Above the name, where it was last put, is tried first: a related entry opened in it, shorter
  // or taller, or the way back, leaves it where the reader's eyes are as long as it fits there,
  // rather than moving it back below the name. Beside the name is never kept: that is for
  // where neither below nor above has room, and it would stay there once they had.
  let side: Placement = SIDES[0]!;
  const { reference } = anchor;
  const boxes = scrollingBoxesAround(
    anchor.element ?? ('contextElement' in reference ? reference.contextElement : undefined),
  );
  // Hidden only by the boxes: the window's edges are `shift`'s, which keeps it by its name.
  const hiddenByBoxes = boxes.length > 0 ? [hide({ boundary: boxes, rootBoundary: 'document' })] : [];
  const update = () => {
    if (stopped) return;
    if (!anchor.alive()) return onLost();
    // Measured at its full height each time, so the side is chosen for the whole tooltip, not
    // for the height it was squeezed to last time; the reader's scroll within it is kept.
    const scrolled = floating.scrollTop;
    floating.style.maxHeight = '';
    // Under a page's CSS zoom (`html { zoom: 1.5 }`) the tooltip is zoomed with it: drawn `zoom`
    // times the size its own CSS pixels say, in the viewport's pixels, which every other measure
    // here is in (the mark's box, the window). Measured unzoomed, it was judged to fit below a
    // mark it then ran past the window's bottom from, or moved back over.
    const zoom = floating.currentCSSZoom || 1;
    const zoomed = {
      ...platform,
      getDimensions: (element: Element) =>
        element === floating
          ? { width: floating.offsetWidth * zoom, height: floating.offsetHeight * zoom }
          : platform.getDimensions(element),
    };
    void computePosition(anchor.reference, floating, {
      strategy: 'fixed',
      placement: side,
      platform: zoomed,
      middleware: [
        inline(),
        offset(6),
        // Where neither below nor above has room (a short window, a mark standing in vertical
        // text), beside the mark.
        // A side is judged by its depth alone (crossAxis: false): `shift` takes care of the
        // width, so a name near the window's right edge still opens below. Where no side is
        // deep enough, the least short one is taken: on a phone, the taller of below and above.
        flip({ padding: 8, crossAxis: false, fallbackPlacements: SIDES.filter((p) => p !== side) }),
        size({
          padding: 8,
          apply({ availableHeight, elements }) {
            // The room is in the viewport's pixels; the tooltip's height and max-height in its own.
            const room = Math.floor(availableHeight / zoom);
            if (room < elements.floating.offsetHeight && room >= LEAST_HEIGHT_PX) {
              elements.floating.style.maxHeight = `${room}px`;
            }
          },
        }),
        // Wherever it lands, the whole tooltip stays in the window, across the mark if it must;
        // but never parted from it: a tooltip left open as the page scrolls goes with its mark.
        shift({ padding: 8, crossAxis: true, limiter: limitShift() }),
        ...hiddenByBoxes,
      ],
    }).then(({ x, y, placement, middlewareData }) => {
      if (stopped) return;
      side = placement === 'top-start' ? placement : SIDES[0]!;
      const nowHidden = middlewareData.hide?.referenceHidden === true;
      floating.style.visibility = nowHidden ? 'hidden' : '';
      if (nowHidden && !hidden) onHidden();
      hidden = nowHidden;
      // Its left and top are zoomed too: Floating UI's coordinates are the viewport's, scaled back.
      floating.style.left = `${Math.round((x + rootShiftX(floating, zoom)) / zoom)}px`;
      floating.style.top = `${Math.round(y / zoom)}px`;
      floating.scrollTop = scrolled;
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

/**
 * Floating UI's x counts from the root element's left edge (where a right-to-left page's scroll
 * bar ends). A transformed root (`html { transform: translate(30px) }`) moves that edge but not
 * where the tooltip, in the top layer, counts its left from, which its own box shows. Zero on
 * every page whose root is not transformed.
 */
function rootShiftX(floating: HTMLElement, zoom: number): number {
  const root = floating.ownerDocument.documentElement;
  const rootEdge = root.getBoundingClientRect().left + root.scrollLeft;
  const origin = floating.getBoundingClientRect().left - (parseFloat(floating.style.left) || 0) * zoom;
  return rootEdge - origin;
}
