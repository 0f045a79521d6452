/**
 * Keeps our highlights out of what the reader copies. A browser puts a copied selection on the
 * clipboard as HTML too, with our marks in it (Chromium even writes their tint and underline
 * into it as styles), so a quote pasted into a mail or a document came out highlighted.
 *
 * Only a copy whose selection holds a mark of ours is touched: its HTML is written without
 * the marks (`rangeHtml`), its text is the selection's text as before. Any other copy is the
 * browser's own, and so is one the page has taken over: the listener sits on the window, after
 * the page's listeners on the way up, and steps aside when one of them has already cancelled
 * the copy (to write its own, or to forbid it). A copy inside a form field or an editor is
 * never ours to touch; they hold no highlights anyway.
 */
import { EDITING_SELECTOR } from './dom-rules';
import { rangeHoldsHighlights, rangeHtml } from './selection-html';

/** Whether a copy comes from a field or an editor (the page's, or the reader's typing). */
function fromEditable(target: EventTarget | null): boolean {
  const node = target as Node | null; // A node, or the window when nothing has focus.
  const el = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  if (!el) return false;
  return el.localName === 'input' || el.localName === 'textarea' || el.closest(EDITING_SELECTOR) !== null;
}

/** The clipboard's HTML and text for `selection`, or undefined when it holds no highlight of ours. */
export function copyWithoutHighlights(selection: Selection): { html: string; text: string } | undefined {
  const ranges: Range[] = [];
  for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
  if (!ranges.some(rangeHoldsHighlights)) return undefined;
  return { html: ranges.map(rangeHtml).join(''), text: selection.toString() };
}

/** Listens for copies in `doc`'s window until `signal` aborts. */
export function keepHighlightsOutOfCopies(doc: Document, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win) return;
  win.addEventListener(
    'copy',
    (event) => {
      const data = event.clipboardData;
      if (event.defaultPrevented || !data || fromEditable(event.target)) return;
      const selection = doc.getSelection();
      const copy = selection && copyWithoutHighlights(selection);
      if (!copy) return;
      data.setData('text/html', copy.html);
      data.setData('text/plain', copy.text);
      event.preventDefault();
    },
    { signal },
  );
}
