/**
 * Answers the popup: `get-page-summary` (the page's entry counts) and `reveal-entry` (scroll
 * to the next occurrence). Every frame listens; the popup asks one frame at a time: the top
 * one for the summary (the frames' own counts reach it through the background, which keeps
 * them for the badge), and the frame that has an entry to reveal it. Messages are validated
 * with the shared schema and anything else is left for other listeners.
 */
import { parseMessage, type PageSummary } from '../messages';

export interface RequestTarget {
  summary(): Record<string, number>;
  reveal(id: string): boolean;
}

/** The listener to register on `runtime.onMessage`; a Promise reply answers, undefined passes. */
export function popupRequestListener(
  target: RequestTarget,
  url: () => string,
): (raw: unknown) => Promise<unknown> | undefined {
  return (raw) => {
    const message = parseMessage(raw);
    if (message?.type === 'get-page-summary') {
      const summary: PageSummary = { url: url(), counts: target.summary() };
      return Promise.resolve(summary);
    }
    if (message?.type === 'reveal-entry') return Promise.resolve(target.reveal(message.id));
    return undefined;
  };
}
