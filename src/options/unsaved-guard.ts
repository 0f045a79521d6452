/**
 * Closing, reloading or leaving the editor while its form holds changes not yet saved asks the
 * reader first, with the browser's own "Leave page?" prompt: a half-written entry is lost
 * otherwise, as nothing but the form holds it.
 */

/** Starts guarding `win`; returns what stops it. */
export function guardUnsavedChanges(win: Window, hasUnsavedChanges: () => boolean): () => void {
  const listener = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    event.preventDefault();
    // Chromium before 119 asks only when a return value is set as well.
    event.returnValue = true;
  };
  win.addEventListener('beforeunload', listener);
  return () => win.removeEventListener('beforeunload', listener);
}
