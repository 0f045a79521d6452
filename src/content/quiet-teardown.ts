/**
 * Teardowns that run when this copy of the content script is told to stop.
 *
 * They run at an update or removal of the extension, when the browser has already cut this
 * copy off from it: then taking a listener off `browser.storage.onChanged` throws "Extension
 * context invalidated." (taking one off `runtime.onMessage` does not, today). Nothing is left to
 * undo there (the listener went with the context), and the error would only land, uncaught,
 * in the page's console and the extension's error list, once per tab and frame.
 */
export function quietly(teardown: () => void): () => void {
  return () => {
    try {
      teardown();
    } catch {
      // The extension's side is gone, and its listeners with it.
    }
  };
}
