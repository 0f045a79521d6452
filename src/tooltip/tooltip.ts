/**
 * Shows the column's note for a highlight: on hover after a short delay, at once on
 * keyboard focus. One tooltip at a time; it stays while the pointer is on the mark or on
 * the tooltip (with a grace period to cross the gap), or while the mark has focus, and
 * Esc closes it (WCAG 1.4.13: dismissible, hoverable, persistent).
 *
 * Listeners are delegated to the document, so this works however and whenever the
 * highlighter creates its marks, and everything stops through `signal`.
 */
import type { ReaderLanguage } from '../i18n/language';
import { closestMark } from './marks';
import { renderTooltipContent } from './tooltip-content';
import type { TooltipEntry } from './tooltip-entry';
import { createTooltipHost } from './tooltip-host';
import { followAnchor } from './tooltip-position';

/** Hover this long before the tooltip opens, so sweeping the pointer over text opens nothing. */
export const SHOW_DELAY_MS = 300;
/** Time to move the pointer from the mark onto the tooltip before it closes. */
export const HIDE_GRACE_MS = 300;

export interface TooltipOptions {
  document: Document;
  signal: AbortSignal;
  getEntry(id: string): TooltipEntry | undefined;
  getLanguage(): ReaderLanguage;
}

interface Open {
  mark: HTMLElement;
  /** The mark's own aria-describedby before we set ours, restored on close. */
  previousDescribedBy: string | null;
  stopFollowing(): void;
}

/** Starts the tooltip on `document` until `signal` aborts. */
export function startTooltip({ document: doc, signal, getEntry, getLanguage }: TooltipOptions): void {
  if (signal.aborted) return;
  const win = doc.defaultView ?? window;
  const ui = createTooltipHost(doc, signal);
  let open: Open | undefined;
  let hoverMark: HTMLElement | null = null;
  let focusMark: HTMLElement | null = null;
  let overTooltip = false;
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

  function hide(): void {
    cancelHide();
    if (!open) return;
    const { mark, previousDescribedBy, stopFollowing } = open;
    open = undefined;
    stopFollowing();
    // Put the page back exactly as it was.
    if (previousDescribedBy === null) mark.removeAttribute('aria-describedby');
    else mark.setAttribute('aria-describedby', previousDescribedBy);
    ui.detach();
    ui.panel.replaceChildren();
  }

  function show(mark: HTMLElement): void {
    cancelShow();
    cancelHide();
    if (open?.mark === mark) return;
    const entry = getEntry(mark.dataset.glossaryId ?? '');
    hide();
    if (!entry) return;
    const language = getLanguage();
    ui.panel.lang = language;
    ui.panel.dataset.category = entry.category;
    ui.panel.replaceChildren(renderTooltipContent({ document: doc, entry, language, getEntry }));
    ui.attach();
    const previousDescribedBy = mark.getAttribute('aria-describedby');
    mark.setAttribute('aria-describedby', previousDescribedBy ? `${previousDescribedBy} ${ui.host.id}` : ui.host.id);
    open = { mark, previousDescribedBy, stopFollowing: followAnchor(mark, ui.panel, hide) };
  }

  /** Closes after the grace period unless something still holds the tooltip open. */
  function hideSoonIfIdle(): void {
    if (!open || hoverMark === open.mark || overTooltip || focusMark === open.mark) return;
    cancelHide();
    hideTimer = win.setTimeout(hide, HIDE_GRACE_MS);
  }

  const isTooltip = (target: EventTarget | null) => target === ui.host;
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
      if (!mark || mark === hoverMark) return;
      hoverMark = mark;
      if (open?.mark === mark) return cancelHide();
      cancelShow();
      // With a tooltip already open, moving to another highlight switches at once.
      if (open) show(mark);
      else showTimer = win.setTimeout(() => show(mark), SHOW_DELAY_MS);
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
      if (!mark || mark !== hoverMark || closestMark(event.relatedTarget) === mark) return;
      hoverMark = null;
      cancelShow();
      hideSoonIfIdle();
    },
    listen,
  );

  doc.addEventListener(
    'focusin',
    (event) => {
      const mark = closestMark(origin(event));
      if (!mark) return;
      focusMark = mark;
      show(mark);
    },
    listen,
  );

  doc.addEventListener(
    'focusout',
    (event) => {
      if (closestMark(origin(event)) !== focusMark) return;
      focusMark = null;
      hideSoonIfIdle();
    },
    listen,
  );

  // Capture on the window: Esc meant for the tooltip must not also close the page's dialog.
  win.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !open) return;
      hide();
      cancelShow();
      event.preventDefault();
      event.stopPropagation();
    },
    { signal, capture: true },
  );

  signal.addEventListener(
    'abort',
    () => {
      cancelShow();
      hide();
    },
    { once: true },
  );
}
