/**
 * Functions that run inside a page (via `page.evaluate`), so each one is self-contained:
 * no imports, no closures over module scope. They read the page; none of them changes it.
 *
 * Offsets are positions in the concatenation of every text node under <body> in document
 * order. Highlights only wrap text, never change it, so the same offsets describe the same
 * characters on the page with and without the extension.
 */

/** What must not change when the extension runs: the parts of a page that are not its text. */
export interface PageSnapshot {
  url: string;
  title: string;
  bodyHTML: string;
  headHTML: string;
  /** Attributes of <html> and <body>, which innerHTML does not show. */
  rootAttributes: string;
  /** Current values of inputs, textareas and selects (what the reader typed or chose). */
  fields: string[];
  /** outerHTML of every script, style, SVG, noscript, template, math and textarea. */
  protectedHTML: string[];
  textNodes: number;
}

/** Snapshot of the parts of the page the extension must leave alone. */
export function snapshotPage(): PageSnapshot {
  const fields = [...document.querySelectorAll('input, textarea, select')].map((el) =>
    el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
      ? String(el.checked)
      : (el as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value,
  );
  const protectedHTML = [...document.querySelectorAll('script, style, svg, noscript, template, math, textarea')].map(
    (el) => el.outerHTML,
  );
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  while (walker.nextNode()) textNodes++;
  const attributes = [document.documentElement, document.body].flatMap((el) =>
    el ? [...el.attributes].map((a) => `${el.localName} ${a.name}=${a.value}`) : [],
  );
  return {
    url: location.href,
    title: document.title,
    bodyHTML: document.body?.innerHTML ?? '',
    headHTML: document.head?.innerHTML ?? '',
    rootAttributes: attributes.join('\n'),
    fields,
    protectedHTML,
    textNodes,
  };
}

/** The page's text and the ranges of it a highlighter is expected to look at. */
export interface PageText {
  text: string;
  /** [start, end) of each text node that is shown to the reader and not in an excluded element. */
  eligible: [number, number][];
}

/**
 * Elements whose text is never highlighted: what the reader types or picks, the page's code,
 * SVG/MathML, embedded content, controls (a mark in a button would take its clicks) and ruby
 * annotations. Mirrors the product rules (README, src/content/dom-rules.ts) as a selector.
 */
export const EXCLUDED_SELECTOR = [
  'head, title, script, style, noscript, template, textarea, input, select, option, optgroup, datalist, button',
  'svg, math, iframe, frame, frameset, object, embed, canvas, video, audio, picture, map, slot, rt, rp',
  '[contenteditable]:not([contenteditable="false" i]), [role="textbox"], [role="combobox"]',
  '.CodeMirror, .cm-editor, .monaco-editor, .ace_editor',
].join(', ');

/** Collects the body's text and marks which text nodes are readable, visible prose. */
export function collectText(excluded: string): PageText {
  const verdict = new Map<Element, boolean>();
  const readable = (el: Element): boolean => {
    let ok = verdict.get(el);
    if (ok === undefined) {
      ok = !el.closest(excluded) && !(el as HTMLElement).isContentEditable && el.checkVisibility();
      verdict.set(el, ok);
    }
    return ok;
  };
  const parts: string[] = [];
  const eligible: [number, number][] = [];
  let offset = 0;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (node.parentElement && data.trim() && readable(node.parentElement)) eligible.push([offset, offset + data.length]);
    parts.push(data);
    offset += data.length;
  }
  return { text: parts.join(''), eligible };
}

/** One piece of a highlight: a run of text inside one `mark[data-glossary-id]`. */
export interface HighlightPiece {
  id: string;
  start: number;
  end: number;
  /** The mark carries `data-columnlens-start` (first piece of a match). */
  first: boolean;
}

/** What the extension drew on the page. */
export interface PageHighlights {
  text: string;
  pieces: HighlightPiece[];
  /** Marks inside elements that must never be touched (inputs, scripts, SVG, …). */
  misplaced: string[];
  /** Ranges drawn with the CSS Custom Highlight API instead of elements. */
  cssRanges: number;
}

/** Reads every highlight on the page with its text offsets (`excluded`: EXCLUDED_SELECTOR). */
export function collectHighlights(excluded: string): PageHighlights {
  const pieces: HighlightPiece[] = [];
  const parts: string[] = [];
  let offset = 0;
  let lastMark: Element | null = null;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const mark = node.parentElement?.closest('mark[data-glossary-id]') ?? null;
    const previous = pieces[pieces.length - 1];
    if (mark && mark === lastMark && previous && previous.end === offset) previous.end += data.length;
    else if (mark) {
      pieces.push({
        id: mark.getAttribute('data-glossary-id') ?? '',
        start: offset,
        end: offset + data.length,
        first: mark.hasAttribute('data-columnlens-start'),
      });
    }
    lastMark = mark;
    parts.push(data);
    offset += data.length;
  }
  const misplaced = [...document.querySelectorAll('mark[data-glossary-id]')]
    .filter((m) => m.parentElement?.closest(excluded) || (m.parentElement as HTMLElement | null)?.isContentEditable)
    .map((m) => `${m.getAttribute('data-glossary-id')} in <${m.parentElement?.closest(excluded)?.localName ?? 'editable'}>`);
  let cssRanges = 0;
  const registry = (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights;
  registry?.forEach((highlight) => (cssRanges += highlight.size));
  return { text: parts.join(''), pieces, misplaced, cssRanges };
}

/**
 * How many highlights the page shows (mark elements plus CSS highlight ranges), read once the
 * page's main thread is idle. The extension works in a chain of short tasks; an idle callback
 * runs only when no task is queued, so `idle` means the extension had nothing left to do.
 */
export async function countWhenIdle(maxWaitMs: number): Promise<{ count: number; idle: boolean }> {
  const idle = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), maxWaitMs);
    requestIdleCallback(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  let count = document.querySelectorAll('mark[data-glossary-id]').length;
  const registry = (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights;
  registry?.forEach((highlight) => (count += highlight.size));
  return { count, idle };
}

/**
 * Scrolls through the page the way a reader would, so that highlights drawn only near the
 * viewport get drawn everywhere: the window, two screens at a time (`windowPass`), then
 * straight to each text offset in `places` (text in inner scrolling boxes the window scroll
 * never brings into view). After each move it waits until the highlight count stops changing.
 * Returns the count at the end, back at the top of the page.
 */
export async function scrollThrough(options: {
  windowPass: boolean;
  places: number[];
  settleMs: number;
  maxWaitMs: number;
}): Promise<number> {
  const count = () => {
    let n = document.querySelectorAll('mark[data-glossary-id]').length;
    (globalThis.CSS as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights?.forEach((h) => (n += h.size));
    return n;
  };
  // Idle callbacks run only when no task is queued: the extension has finished its chain of slices.
  const idle = () =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      requestIdleCallback(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  const settle = async () => {
    const started = performance.now();
    let last = count();
    let changedAt = started;
    await new Promise((r) => setTimeout(r, options.settleMs));
    while (performance.now() - started < options.maxWaitMs) {
      const wasIdle = await idle();
      const now = count();
      if (now !== last || !wasIdle) {
        last = now;
        changedAt = performance.now();
      } else if (performance.now() - changedAt >= options.settleMs) break;
    }
  };
  const scroller = document.scrollingElement ?? document.documentElement;
  // The extension draws one screen above and below the viewport: two screens per step leave no gap.
  const step = Math.max(200, window.innerHeight * 2);
  for (let y = 0; options.windowPass && y < scroller.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await settle();
  }
  if (options.places.length > 0) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const wanted = [...options.places].sort((a, b) => a - b);
    let offset = 0;
    let next = 0;
    for (let node = walker.nextNode(); node && next < wanted.length; node = walker.nextNode()) {
      const end = offset + (node as Text).data.length;
      if (wanted[next]! < end) {
        node.parentElement?.scrollIntoView({ block: 'center' });
        await settle();
        while (next < wanted.length && wanted[next]! < end) next++;
      }
      offset = end;
    }
  }
  window.scrollTo(0, 0);
  await settle();
  return count();
}
