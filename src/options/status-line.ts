/**
 * The editor's status line: a polite live region that announces what just happened, with
 * an Undo button after changes that can be undone. A message with Undo keeps to one line
 * (`offers-undo` in editor.css), cut short where the window is too narrow for it: the
 * confirmation arrives after the click, and a line that grew would push the list and the
 * form down under the reader's pointer. The whole message is still what is announced, and
 * its `title`.
 */
import type { MessageKey } from '../i18n';
import { h, replaceChildren } from './dom';

export interface StatusLine {
  element: HTMLElement;
  /** Shows `message`; with `offerUndo`, an Undo button after it, which it returns. */
  announce(message: string, offerUndo?: boolean): HTMLButtonElement | undefined;
}

/** Builds the status line; `onUndo` runs when its Undo button is pressed. */
export function createStatusLine(doc: Document, t: (key: MessageKey) => string, onUndo: () => void): StatusLine {
  const message = h(doc, 'span', { class: 'status-message', 'data-testid': 'status-message' });
  const slot = h(doc, 'span', { class: 'status-action' });
  const element = h(doc, 'div', { class: 'status-line', role: 'status', 'aria-live': 'polite' }, message, slot);
  return {
    element,
    announce(text, offerUndo = false) {
      message.textContent = text;
      element.classList.toggle('offers-undo', offerUndo);
      if (!offerUndo) {
        message.removeAttribute('title');
        replaceChildren(slot);
        return undefined;
      }
      message.title = text;
      const undo = h(doc, 'button', { type: 'button', 'data-testid': 'undo' }, t('editorUndo')) as HTMLButtonElement;
      undo.addEventListener('click', onUndo);
      replaceChildren(slot, ' ', undo);
      return undo;
    },
  };
}
