/**
 * Functions that run inside a page (via `page.evaluate`), so each one is self-contained:
 * nothing imported, no closures over module scope; what they need of the product's rules
 * (`TEXT_PROBE`) is handed to them as their argument. They read the page; none of them changes it.
 *
 * Offsets are positions in the concatenation of every text node under <body> in document
 * order. Highlights only wrap text, never change it, so the same offsets describe the same
 * characters on the page with and without the extension.
 */
import { PAGE_CHROME_SELECTOR } from '../../../src/content/page-chrome';

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
  /**
   * [start, end) of each text node that is shown to the reader and not in an excluded element,
   * and whether it is in the site's navigation, menus or sidebars (src/content/page-chrome.ts).
   */
  eligible: [start: number, end: number, inPageChrome?: boolean][];
}

/**
 * Elements whose text is never highlighted: what the reader types or picks, the page's code,
 * SVG/MathML, embedded content, controls (a mark in a button would take its clicks) and ruby
 * annotations. Mirrors the product rules (README, src/content/dom-rules.ts) as a selector.
 */
export const EXCLUDED_SELECTOR = [
  'head, title, script, style, noscript, template, textarea, input, select, option, optgroup, datalist, button',
  'code, kbd, samp',
  'svg, math, iframe, frame, frameset, object, embed, canvas, video, audio, picture, map, slot, rt, rp',
  '[contenteditable]:not([contenteditable="false" i]), [role="textbox"], [role="combobox"]',
  '.CodeMirror, .cm-editor, .monaco-editor, .ace_editor',
].join(', ');

/** What `collectText` is told: the excluded elements, and the site's furniture. */
export interface TextProbe {
  excluded: string;
  pageChrome: string;
}

/** The product's rules, for `collectText`. */
export const TEXT_PROBE: TextProbe = { excluded: EXCLUDED_SELECTOR, pageChrome: PAGE_CHROME_SELECTOR };

/** Collects the body's text and marks which text nodes are readable, visible prose. */
export function collectText({ excluded, pageChrome }: TextProbe): PageText {
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
  const eligible: PageText['eligible'] = [];
  let offset = 0;
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    const parent = node.parentElement;
    if (parent && data.trim() && readable(parent))
      eligible.push([offset, offset + data.length, parent.closest(pageChrome) !== null]);
    parts.push(data);
    offset += data.length;
  }
  return { text: parts.join(''), eligible };
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
