/**
 * When the content script sets up. It is injected as the document starts, but the page's own
 * first paint comes first: storage reads, the matcher and the first reading all wait until the
 * page has painted something (or finished parsing, if it paints nothing before), so the
 * reader sees the page no later than without the extension, bar the script's evaluation.
 */
export function afterFirstPaint(win: Window & typeof globalThis): Promise<void> {
  const doc = win.document;
  const painted = () => win.performance.getEntriesByType('paint').length > 0;
  if (doc.readyState !== 'loading' || painted()) return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      doc.removeEventListener('DOMContentLoaded', done);
      resolve();
    };
    doc.addEventListener('DOMContentLoaded', done);
    // Browsers without paint timing start at DOMContentLoaded.
    if (win.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
      observer = new win.PerformanceObserver(done);
      observer.observe({ type: 'paint' });
    }
  });
}
