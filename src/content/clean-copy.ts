/**
 * Keeps our highlights out of what the reader copies or drags out of a page. A browser puts a
 * copied or dragged selection on the clipboard (or the drag) as HTML too, with our marks in it
 * (Chromium even writes their tint and underline into it as styles), so a quote pasted or
 * dropped into a mail or a document came out highlighted.
 *
 * Only a selection that holds a mark of ours is touched: its HTML is written without the marks
 * (`rangeHtml`), its text is the selection's text as before. Any other copy or drag is the
 * browser's own, and so is one the page has taken over: the listeners sit on the window, after
 * the page's listeners on the way up, and step aside when one of them has already cancelled
 * the event (to write its own data, or to forbid it). A copy inside a form field or an editor
 * is never ours to touch; they hold no highlights anyway.
 */
import { isWhereReaderTypes } from './dom-rules';
import { rangeHoldsHighlights, rangeHtml } from './selection-html';

/** The clipboard's HTML and text for `selection`, or undefined when it holds no highlight of ours. */
export function copyWithoutHighlights(selection: Selection): { html: string; text: string } | undefined {
  const ranges: Range[] = [];
  for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
  if (!ranges.some(rangeHoldsHighlights)) return undefined;
  return { html: ranges.map(rangeHtml).join(''), text: selection.toString() };
}

/** Writes the selection's HTML and text without highlights into `data`; false when it holds none. */
function writeWithoutHighlights(doc: Document, data: DataTransfer): boolean {
  const selection = doc.getSelection();
  const copy = selection && copyWithoutHighlights(selection);
  if (!copy) return false;
  data.setData('text/html', copy.html);
  data.setData('text/plain', copy.text);
  return true;
}

/** Listens for copies and drags in `doc`'s window until `signal` aborts. */
export function keepHighlightsOutOfCopies(doc: Document, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win) return;
  win.addEventListener(
    'copy',
    (event) => {
      const data = event.clipboardData;
      if (event.defaultPrevented || !data || isWhereReaderTypes(event.target)) return;
      // Cancelled, or the browser's own copy would replace ours.
      if (writeWithoutHighlights(doc, data)) event.preventDefault();
    },
    { signal },
  );
  win.addEventListener(
    'dragstart',
    (event) => {
      const data = event.dataTransfer;
      const from = event.target as Node | null;
      // A selection is dragged from one of its text nodes; a link or an image from its element,
      // and then carries that, not the selection. The drag goes on: only its data is replaced.
      if (event.defaultPrevented || !data || from?.nodeType !== 3 || isWhereReaderTypes(from)) return;
      writeWithoutHighlights(doc, data);
    },
    { signal },
  );
}
