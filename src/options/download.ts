/**
 * Saves text as a file through an `<a download>` and a Blob URL: no `downloads`
 * permission, and nothing leaves the browser.
 */

/** Offers `text` for download as `fileName`. */
export function downloadText(doc: Document, fileName: string, text: string, type = 'application/json'): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed once it is read.
  view.setTimeout(() => view.URL.revokeObjectURL(url), 10_000);
}
