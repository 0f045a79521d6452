/**
 * Documents whose content the browser draws with a plugin, out of the DOM's reach. Chromium
 * shows a PDF in its viewer from a document that holds one `<embed>`: the file's text is not
 * in it, so reading it would report "no names" on a page full of them. ColumnLens stays out
 * of such a document, and the popup says it cannot read the page.
 */
const PLUGIN_TYPES: ReadonlySet<string> = new Set(['application/pdf']);

/** Whether `doc` is drawn by a plugin (see above), which ColumnLens cannot read. */
export function isPluginDocument(doc: Document): boolean {
  return PLUGIN_TYPES.has(doc.contentType);
}
