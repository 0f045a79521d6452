/**
 * Shows the column's note for a highlight: on hover after a short delay, at once on
 * keyboard focus. One tooltip at a time; it stays while the pointer is on the highlight or
 * on the tooltip (with a grace period to cross the gap), while the mark has focus, or while
 * the keyboard is in its links, and Esc closes it (WCAG 1.4.13: dismissible, hoverable,
 * persistent; the keys are in tooltip-keyboard.ts).
 *
 * Marks are found by event delegation on the document, so this works however and whenever
 * the highlighter creates them. Painted highlights (no elements) are found by hit-testing
 * (`pointer-hits.ts`) under the pointer and under a finger's tap (`finger-taps.ts`), and
 * keyboard navigation shows their tooltip through `showFor`.
 * Everything stops through `signal`.
 */
import { readerLangIn } from '../i18n/browser-language';
import type { ReaderLanguage } from '../i18n/language';
import { watchFingerTaps } from './finger-taps';
import { focusByKeyboard } from './keyboard-focus';
import { closestMark } from './marks';
import { hitUnder, watchPointerHits, type HighlightHitTester } from './pointer-hits';
import { describeBy, markAnchor, rangeAnchor, type RangeTarget, type TooltipAnchor } from './tooltip-anchor';
import { renderTooltipContent, TERM_ID } from './tooltip-content';
import type { RelatedNames, TooltipEntry } from './tooltip-entry';
import { createTooltipHost, type TooltipHost } from './tooltip-host';
import { watchTooltipKeys } from './tooltip-keyboard';
import { followAnchor } from './tooltip-position';

/** Hover this long before the tooltip opens, so sweeping the pointer over text opens nothing. */
export const SHOW_DELAY_MS = 300;
/** Time to move the pointer from the mark onto the tooltip before it closes. */
export const HIDE_GRACE_MS = 300;

/**
 * The links and buttons (related entries, the way back, the editor) in tooltip content: what
 * the keyboard enters, and what makes the tooltip a dialog.
 */
const linksIn = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('a[href], button')];

/** The button of related entry `id` (rendered even past "+N" when the reader comes back from it). */
function relatedButton(panel: ParentNode, id: string): HTMLElement | undefined {
  return [...panel.querySelectorAll<HTMLElement>('.related-entry')].find((button) => button.dataset.entryId === id);
}

export interface TooltipOptions {
  document: Document;
  signal: AbortSignal;
  /** An entry's details: at once when in memory, or a promise while they are first read from storage. */
  getEntry(id: string): TooltipEntry | undefined | Promise<TooltipEntry | undefined>;
  /** An entry's names for the related list; defaults to those of an entry getEntry has at once. */
  getNames?(id: string): RelatedNames | undefined;
  getLanguage(): ReaderLanguage;
  /** Painted highlights under the pointer (highlight engine); marks need nothing. */
  hitTester?: HighlightHitTester;
  /** Opens the glossary editor at an entry: the tooltip's "Edit in the glossary". */
  openEditor?(id: string): void;
}

export interface Tooltip {
  /**
   * Shows the tooltip of a painted highlight that has no element to focus (keyboard
   * navigation): it stays until Esc, a click, focus moving elsewhere, or the next one.
   */
  showFor(target: RangeTarget): void;
  /**
   * The mark whose tooltip holds focus (the reader tabbed into it), if any: where Alt+Shift+J
   * goes on from. The tooltip sits at the end of the document, so counting from the focused
   * control itself wrapped around to the page's first highlight.
   */
  focusedMark(): Element | undefined;
}

interface Open {
  anchor: TooltipAnchor;
  /**
   * The entries shown in turn through the related list, the highlight's own first: the last
   * shows, and "back" returns to the one before.
   */
  trail: TooltipEntry[];
  /** Puts the mark's own aria-describedby back. */
  undescribe(): void;
  stopFollowing(): void;
}

/** Starts the tooltip on `document` until `signal` aborts. */
export function startTooltip(options: TooltipOptions): Tooltip {
  const { document: doc, signal, getEntry, getNames, getLanguage, hitTester, openEditor } = options;
  const namesOf =
    getNames ??
    ((id: string) => {
      const entry = getEntry(id);
      return entry instanceof Promise ? undefined : entry;
    });
  const win = doc.defaultView ?? window;
  // Built on first show: most pages never open a tooltip, and the script's start must stay short.
  let host: TooltipHost | undefined;
  const ui = (): TooltipHost => (host ??= createTooltipHost(doc, signal));
  let open: Open | undefined;
  // Keys (see TooltipAnchor) of what holds the tooltip open: pointer, focus, keyboard visit.
  let hoverKey: object | null = null;
  let hoverIsHit = false;
  let focusKey: object | null = null;
  let pinnedKey: object | null = null;
  let overTooltip = false;
  // The keyboard took focus into the tooltip's links (tooltip-keyboard.ts), which holds it open.
  // A click on a link focuses it too, but the pointer holds the tooltip then, as before.
  let focusInTooltip = false;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;

  const cancelShow = () => {
    win.clearTimeout(showTimer);
    showTimer = undefined;
  };
  const cancelHide = () => {
    win.clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const holds = (key: object) => key === hoverKey || key === focusKey || key === pinnedKey;

  /** The focused element inside the open tooltip, if focus is there. */
  const focusedInside = () => (open ? (host?.host.shadowRoot?.activeElement ?? null) : null);

  function hide(): void {
    cancelHide();
    if (!open) return;
    const { undescribe, stopFollowing } = open;
    open = undefined;
    focusInTooltip = false;
    stopFollowing();
    undescribe(); // The page exactly as it was.
    ui().detach();
    ui().panel.replaceChildren();
  }

  function show(anchor: TooltipAnchor): void {
    cancelShow();
    cancelHide();
    if (open?.anchor.key === anchor.key) return;
    const found = getEntry(anchor.id);
    if (!(found instanceof Promise)) return showEntry(anchor, found);
    // Read from storage the first time: by then the reader may have moved on.
    void found.then((entry) => {
      if (!signal.aborted && open?.anchor.key !== anchor.key && holds(anchor.key)) showEntry(anchor, entry);
    });
  }

  function showEntry(anchor: TooltipAnchor, entry: TooltipEntry | undefined): void {
    hide();
    if (!entry || !anchor.alive()) return;
    const { panel, host: element } = ui();
    render([entry]);
    ui().attach(anchor.element ?? ('contextElement' in anchor.reference ? anchor.reference.contextElement : undefined));
    open = {
      anchor,
      trail: [entry],
      undescribe: describeBy(anchor, element.id),
      // A link of the tooltip that the keyboard was on is hidden with it: focus goes back to the
      // name (as Shift+Tab would take it), not to the page's top, and Tab enters again once shown.
      stopFollowing: followAnchor(anchor, panel, hide, () => {
        if (focusedInside() && anchor.element) focusByKeyboard(anchor.element, true);
      }),
    };
  }

  /**
   * Draws the last entry of `trail` into the panel, with the way back when there is one;
   * `cameFrom`, the related entry the reader comes back from, is listed as they left it.
   */
  function render(trail: readonly TooltipEntry[], cameFrom?: string): void {
    const entry = trail[trail.length - 1]!;
    const previous = trail[trail.length - 2];
    const language = getLanguage();
    const { panel } = ui();
    panel.lang = readerLangIn(doc, language);
    panel.dataset.category = entry.category;
    const content = renderTooltipContent({
      document: doc,
      entry,
      language,
      getNames: namesOf,
      openRelated: visit,
      back: previous ? { names: previous, go: () => retrace() } : undefined,
      cameFrom,
      edit: openEditor && (() => openEditor(entry.id)),
    });
    // Out of the page's tab order: the tooltip is last in the document, and the browser's own
    // Tab from a mark with nothing focusable after it (or Shift+Tab from its toolbar) would
    // land in it unasked. The keys move among them instead (tooltip-keyboard.ts).
    const links = linksIn(content);
    for (const link of links) link.tabIndex = -1;
    panel.replaceChildren(content);
    ui().setInteractive(links.length > 0, TERM_ID);
  }

  /**
   * Shows `trail` in the open tooltip, where the reader is: a reader who came by keyboard
   * goes on from its first control, since the one they pressed is gone with the old content,
   * or, back from a related entry (`cameFrom`), from that entry's button, as they left it.
   */
  function redraw(trail: TooltipEntry[], cameFrom?: string): void {
    if (!open) return;
    // Only the keyboard enters the tooltip (tooltip-keyboard.ts); a click leaves the pointer in charge.
    const keyboard = focusInTooltip;
    open.trail = trail;
    render(trail, cameFrom);
    ui().panel.scrollTop = 0;
    if (keyboard) {
      const first = (cameFrom && relatedButton(ui().panel, cameFrom)) || linksIn(ui().panel)[0];
      if (first) focusByKeyboard(first);
      focusInTooltip = true;
    }
    cancelHide();
  }

  /** Opens a related entry in the tooltip (its details may first be read from storage). */
  function visit(id: string): void {
    const current = open;
    if (!current) return;
    const go = (entry: TooltipEntry | undefined) => {
      if (entry && open === current && !signal.aborted) redraw([...current.trail, entry]);
    };
    const found = getEntry(id);
    if (found instanceof Promise) void found.then(go);
    else go(found);
  }

  /** Back to the entry before, through the related list. */
  function retrace(): void {
    if (open && open.trail.length > 1) redraw(open.trail.slice(0, -1), open.trail.at(-1)!.id);
  }

  /**
   * Closes after the grace period unless something still holds the tooltip open; at once when
   * focus went on into the page (`now`): the tooltip is last in the document, so the grace
   * period would make it the next Tab stop but one.
   */
  function hideSoonIfIdle(now = false): void {
    if (!open || holds(open.anchor.key) || overTooltip || focusInTooltip) return;
    cancelHide();
    if (now) hide();
    else hideTimer = win.setTimeout(hide, HIDE_GRACE_MS);
  }

  /**
   * Focus went on to an element of the page: not to our tooltip, a highlight (which opens its
   * own, or keeps this one) or nowhere (the window's blur).
   */
  const intoPage = (event: FocusEvent) =>
    event.relatedTarget !== null && !isTooltip(event.relatedTarget) && !closestMark(event.relatedTarget);

  /** The pointer is now over `anchor`'s highlight. */
  function hoverOn(anchor: TooltipAnchor, isHit: boolean): void {
    hoverKey = anchor.key;
    hoverIsHit = isHit;
    if (open?.anchor.key === anchor.key) return cancelHide();
    // The pointer passing over another highlight must not take the tooltip from under the keyboard.
    if (focusInTooltip) return;
    cancelShow();
    // With a tooltip already open, moving to another highlight switches at once.
    if (open) show(anchor);
    else showTimer = win.setTimeout(() => show(anchor), SHOW_DELAY_MS);
  }

  function hoverOff(): void {
    hoverKey = null;
    cancelShow();
    hideSoonIfIdle();
  }

  function unpin(): void {
    if (!pinnedKey) return;
    pinnedKey = null;
    hideSoonIfIdle();
  }

  const isTooltip = (target: EventTarget | null) => target !== null && target === host?.host;
  // The innermost target: a mark inside an open shadow root reaches the document retargeted to its host.
  const origin = (event: Event) => event.composedPath()[0] ?? event.target;
  const listen = { signal };

  doc.addEventListener(
    'pointerover',
    (event) => {
      if (isTooltip(event.target)) {
        overTooltip = true;
        return cancelHide();
      }
      const mark = closestMark(origin(event));
      if (mark && mark !== hoverKey) hoverOn(markAnchor(mark), false);
    },
    listen,
  );

  doc.addEventListener(
    'pointerout',
    (event) => {
      if (isTooltip(event.target)) {
        if (isTooltip(event.relatedTarget)) return;
        overTooltip = false;
        return hideSoonIfIdle();
      }
      const mark = closestMark(origin(event));
      if (!mark || mark !== hoverKey || closestMark(event.relatedTarget) === mark) return;
      hoverOff();
    },
    listen,
  );

  /** Shows `anchor`'s tooltip until Esc, a press elsewhere, focus moving elsewhere, or the next one. */
  function pin(anchor: TooltipAnchor): void {
    pinnedKey = anchor.key;
    show(anchor);
  }

  if (hitTester) {
    watchPointerHits(doc, signal, hitTester, isTooltip, (hit) => {
      if (hit) hoverOn(rangeAnchor(hit), true);
      else if (hoverIsHit && hoverKey) hoverOff();
    });
  }

  watchFingerTaps(doc, signal, {
    anchorOf(event) {
      // A tap focuses a mark only where the page lets focus go, and finds a painted highlight not at all.
      const mark = closestMark(origin(event));
      if (mark) return markAnchor(mark);
      const hit = hitTester?.active() ? hitUnder(doc, hitTester, event) : undefined;
      return hit && rangeAnchor(hit);
    },
    openKey: () => open?.anchor.key,
    pin,
    isTooltip,
  });

  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (isTooltip(event.target)) return;
      unpin();
      // A press anywhere but on the open highlight dismisses its tooltip at once. On a touch
      // screen nothing else would: no pointer stays over the tooltip to leave it, and a tap
      // on a related entry takes focus from the highlight.
      if (open && hoverKey !== open.anchor.key) {
        cancelShow();
        hide();
      }
    },
    listen,
  );

  doc.addEventListener(
    'focusin',
    (event) => {
      if (isTooltip(event.target)) {
        // Focus in our own UI (the keyboard's, or a tap on a related entry) leaves a pin as it is.
        if (focusInTooltip) cancelHide();
        return;
      }
      const mark = closestMark(origin(event));
      if (!mark) return unpin();
      focusKey = mark;
      pinnedKey = null;
      show(markAnchor(mark));
    },
    listen,
  );

  doc.addEventListener(
    'focusout',
    (event) => {
      if (isTooltip(event.target)) {
        if (!focusInTooltip || isTooltip(event.relatedTarget)) return; // from one link to the next
        focusInTooltip = false;
        return hideSoonIfIdle(intoPage(event));
      }
      if (closestMark(origin(event)) !== focusKey) return;
      focusKey = null;
      hideSoonIfIdle(intoPage(event));
    },
    listen,
  );

  watchTooltipKeys(win, signal, {
    isOpen: () => open !== undefined,
    cameByKeyboard: () => open !== undefined && (open.anchor.key === focusKey || open.anchor.key === pinnedKey),
    links: () => (open ? linksIn(ui().panel) : []),
    enter(link) {
      focusInTooltip = true;
      focusByKeyboard(link);
    },
    focusedInside,
    mark: () => open?.anchor.element,
    close() {
      pinnedKey = null;
      hide();
      cancelShow();
    },
  });

  signal.addEventListener(
    'abort',
    () => {
      cancelShow();
      hide();
    },
    { once: true },
  );

  return {
    showFor(target) {
      if (!signal.aborted) pin(rangeAnchor(target));
    },
    focusedMark: () => (focusedInside() ? open?.anchor.element : undefined),
  };
}
