/**
 * The browser's viewport watcher: an IntersectionObserver, kept small.
 *
 * Chromium computes every target of an observer on every frame in which anything moved: with
 * the 3,000 blocks of a long page waiting for their highlights, that was 200 ms of each
 * second of scrolling (measured with `npm run bench`, "Scrolling through"). So the observer
 * holds only the blocks near the reader. A block the observer reports far away is "parked"
 * with its place on the page, and handed back once scrolling brings that place near; when
 * scrolling stops every parked block is handed back once, so blocks the page has moved
 * meanwhile are placed afresh (during a long scroll, now and then, those parked within a few
 * screens). Pages with few blocks waiting (FREE_TARGETS) are observed whole, as they cost
 * nothing.
 *
 * New targets are handed over in batches for the same reason: each observe() makes the next
 * frame compute intersections, and handed over one slice at a time during the first read,
 * the targets cost a rendering task per frame for as long as the read lasted.
 */
import { PlaceIndex, type Place } from './place-index';
import { NEAR_MARGIN, type ViewportWatcherFactory } from './viewport';

/** Targets observed whole, without batches or parking: a few hundred cost nothing per frame. */
export const FREE_TARGETS = 256;
/** Once past FREE_TARGETS, new targets are handed over at most this often. */
export const OBSERVE_EVERY_MS = 100;
/** Once the reader scrolls, blocks placed within this many screens are drawn along with any that comes near. */
export const DRAW_AHEAD_SCREENS = 3;
/** Parked targets within this many screens above or below the viewport are handed back. */
export const RESUME_SCREENS = 2;
/** Observed targets whose last known place is further than this are parked (more than RESUME_SCREENS: no churn at the edge). */
export const PARK_SCREENS = 4;
/** Once scrolling has stopped this long, every parked target is handed back to be placed afresh. */
export const SETTLE_MS = 200;
/**
 * During a long scroll, at most this often, the parked targets within REFRESH_SCREENS of the
 * viewport are handed back the same way; the others wait for the scroll to stop. All of them
 * would be 2,900 targets every second on the generated page, each handed over, gone through
 * on every frame until the observer reports, and parked again.
 */
export const REFRESH_EVERY_MS = 1_000;
export const REFRESH_SCREENS = 8;

export function intersectionWatcher(win: Window & typeof globalThis): ViewportWatcherFactory {
  return (onNear) => {
    /** Targets the observer holds, with their place when it has reported one. */
    const held = new Map<Element, Place | undefined>();
    /** Targets taken off the observer, far from the viewport when it last saw them. */
    const parked = new PlaceIndex<Element>();
    /** New targets not handed over yet. */
    const waiting = new Set<Element>();
    let handOverTimer: number | undefined;
    let lastHandOver = -Infinity;
    let settleTimer: number | undefined;
    // Everything is placed when first observed: the first refresh is due a while after.
    let lastRefresh = win.performance.now();
    let frameQueued = false;
    const listening = new AbortController();
    /**
     * The window's scroll position and height, read in animation-frame callbacks only: reading
     * them makes the browser lay out a changed page first, which right before a frame it does
     * anyway, but in an observer callback would be a second layout. Until the first frame
     * nothing is parked.
     */
    let scrollY: number | undefined;
    let screen = 0;
    const readGeometry = () => {
      scrollY = win.scrollY;
      screen = win.innerHeight;
    };
    /** The first read waits for a block to watch: a page without names never asks for a frame. */
    let geometryAsked = false;
    /**
     * Whether the window has scrolled since this watcher started. Only then are blocks drawn
     * ahead: which blocks are placed when the first reports come depends on timing, and a page
     * nobody scrolls must get the same highlights every time it is switched on.
     */
    let scrolled = false;

    const total = () => held.size + parked.size + waiting.size;
    /** The stretch of the page from `screens` screens above the viewport (as last read) to as many below. */
    const around = (screens: number): [from: number, to: number] => [
      (scrollY ?? 0) - screens * screen,
      (scrollY ?? 0) + screen + screens * screen,
    ];
    /** Tells whether a place lies further than `screens` screens above or below the viewport. */
    const farTest = (screens: number) => {
      const [from, to] = around(screens);
      return (place: Place) => place.bottom < from || place.top > to;
    };
    /**
     * The first frame after the first target: the targets handed over by then are placed
     * from its callback, and the near ones reported at once. The observer reports only after
     * the frame, and its callback then waited behind a slice of reading queued meanwhile;
     * drawn from here, the first names show in this frame (the generated page's first mark
     * 7 and 29 ms sooner in two runs of untraced loads interleaved: tests/bench/HISTORY.md).
     * Boxes read right before the frame's own layout cost no layout of their own unless the
     * page changed since.
     */
    const firstFrame = () => {
      readGeometry();
      // The observer's near zone (NEAR_MARGIN): a screen above and below the viewport.
      const beyondNear = farTest(1);
      const y = scrollY ?? 0;
      const near: Element[] = [];
      const width = win.innerWidth;
      for (const [el, place] of held) {
        if (place) continue;
        const box = el.getBoundingClientRect();
        if (box.height === 0 || box.right < 0 || box.left > width) continue;
        if (!beyondNear({ top: box.top + y, bottom: box.bottom + y })) near.push(el);
      }
      if (near.length > 0) onNear(near, true);
    };

    /** Boxless targets found hidden, not unboxed: the observer reports them again once shown. */
    const hiddenTargets = new WeakSet<Element>();
    /**
     * Whether `el` has no box because its children are laid out in its parent's
     * (`display: contents`): the observer never sees it intersect, so it counts as near at once
     * (such text is rare). A hidden target is asked once.
     */
    function laysOutInParent(el: Element): boolean {
      if (hiddenTargets.has(el)) return false;
      if (win.getComputedStyle(el).display === 'contents') return true;
      hiddenTargets.add(el);
      return false;
    }

    const observer = new win.IntersectionObserver(
      (entries) => {
        const near: Element[] = [];
        const parking = total() > FREE_TARGETS && scrollY !== undefined;
        for (const entry of entries) {
          const el = entry.target;
          if (!held.has(el)) continue; // Taken back since this was computed.
          const rect = entry.boundingClientRect;
          // The scroll position this frame was computed at: read in this frame's callback if it
          // scrolled. A target with no box (display: none) has no place, so it is never parked:
          // it stays observed until it is shown.
          const place =
            scrollY === undefined || rect.height === 0
              ? undefined
              : { top: rect.top + scrollY, bottom: rect.bottom + scrollY };
          // Far: beyond PARK_SCREENS screens, measured from the near zone the observer itself
          // reports (one screen around the viewport), so no window geometry is read here.
          const zone = entry.rootBounds;
          const margin = zone ? ((PARK_SCREENS - 1) * zone.height) / 3 : 0;
          if (entry.isIntersecting || (rect.width === 0 && rect.height === 0 && laysOutInParent(el))) near.push(el);
          else if (parking && place && zone && (rect.bottom < zone.top - margin || rect.top > zone.bottom + margin)) {
            park(el, place);
            continue;
          }
          held.set(el, place);
        }
        if (near.length === 0) return;
        onNear(scrolled && scrollY !== undefined ? [...near, ...placedAhead(new Set(near))] : near);
      },
      { rootMargin: NEAR_MARGIN },
    );

    /**
     * Every block placed within DRAW_AHEAD_SCREENS of the viewport. Marks make the browser lay
     * out their whole flow again (4–5 ms on a 3,000-paragraph page); drawn a block at a time as
     * each came near, that was nearly every frame of a scroll. Drawn with the near ones, it is
     * once every few screens.
     */
    function placedAhead(near: Set<Element>): Element[] {
      const beyond = farTest(DRAW_AHEAD_SCREENS);
      const ahead: Element[] = [];
      for (const [el, place] of held) if (place && !near.has(el) && !beyond(place)) ahead.push(el);
      for (const el of parked.within(...around(DRAW_AHEAD_SCREENS))) if (!near.has(el)) ahead.push(el);
      return ahead;
    }

    /** Takes `el` off the observer until scrolling brings `place` near. */
    function park(el: Element, place: Place): void {
      observer.unobserve(el);
      held.delete(el);
      parked.set(el, place);
    }

    /** Hands `el` to the observer, keeping its last known place until the observer reports a new one. */
    function observe(el: Element, place?: Place): void {
      held.set(el, place);
      observer.observe(el);
    }

    function handOver(): void {
      handOverTimer = undefined;
      lastHandOver = win.performance.now();
      for (const el of waiting) observe(el);
      waiting.clear();
    }

    /**
     * Every parked target back to the observer, which places it afresh (and parks it again if
     * far). Without its old place, which may be wrong now: until the observer reports, the
     * frames of a scroll must not park it again by that place.
     */
    function refresh(): void {
      lastRefresh = win.performance.now();
      for (const [el] of parked.entries()) observe(el);
      parked.clear();
    }

    /** The same for the targets parked within REFRESH_SCREENS: the ones a scroll may bring near soon. */
    function refreshAround(): void {
      lastRefresh = win.performance.now();
      handBack(parked.within(...around(REFRESH_SCREENS)), false);
    }

    function handBack(els: readonly Element[], keepPlace: boolean): void {
      for (const el of els) {
        observe(el, keepPlace ? parked.get(el) : undefined);
        parked.delete(el);
      }
    }

    /** After a frame of scrolling: parked targets that came near go back, observed ones left far behind are parked. */
    function afterScroll(): void {
      frameQueued = false;
      readGeometry();
      handBack(parked.within(...around(RESUME_SCREENS)), true);
      if (total() <= FREE_TARGETS) return;
      const beyondPark = farTest(PARK_SCREENS);
      for (const [el, place] of held) if (place && beyondPark(place)) park(el, place);
    }

    function onScroll(event: Event): void {
      // The window scrolled: places on the page still hold, read against the new position in
      // the next frame. An inner box scrolled: its blocks moved on screen, which only placing
      // them afresh (below) catches.
      const windowScrolled = event.target === win.document || event.target === win;
      if (windowScrolled && event.type === 'scroll') scrolled = true;
      if (total() === 0) return;
      if (windowScrolled && !frameQueued) {
        frameQueued = true;
        win.requestAnimationFrame(afterScroll);
      }
      if (parked.size === 0 && held.size <= FREE_TARGETS) return;
      win.clearTimeout(settleTimer);
      settleTimer = win.setTimeout(refresh, SETTLE_MS);
      if (win.performance.now() - lastRefresh >= REFRESH_EVERY_MS) refreshAround();
    }

    const options = { capture: true, passive: true, signal: listening.signal };
    win.addEventListener('scroll', onScroll, options);
    win.addEventListener('resize', onScroll, options);

    return {
      observe(el) {
        waiting.add(el);
        if (!geometryAsked) {
          geometryAsked = true;
          win.requestAnimationFrame(firstFrame);
          // The first target at once: placed in the next frame, which may come before the
          // timer's task (the reader's first names are usually on screen).
          return handOver();
        }
        if (handOverTimer !== undefined) return;
        // A task later, so everything one slice found is handed over at once; the first few
        // hundred (the top of the page, usually) without waiting.
        const wait = total() <= FREE_TARGETS ? 0 : lastHandOver + OBSERVE_EVERY_MS - win.performance.now();
        handOverTimer = win.setTimeout(handOver, Math.max(0, wait));
      },
      unobserve(el) {
        if (waiting.delete(el) || parked.delete(el)) return;
        if (held.delete(el)) observer.unobserve(el);
      },
      disconnect() {
        win.clearTimeout(handOverTimer);
        win.clearTimeout(settleTimer);
        handOverTimer = settleTimer = undefined;
        listening.abort();
        waiting.clear();
        parked.clear();
        held.clear();
        observer.disconnect();
      },
    };
  };
}
