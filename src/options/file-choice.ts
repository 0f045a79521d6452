/**
 * A file field that speaks the editor's language. The browser draws a file input's button and
 * its "No file chosen" in the browser's own language, whatever the reader chose in settings, and
 * neither text can be set. So the input stays (focus, keyboard, the picker, screen readers and
 * its label all as the browser gives them) but is drawn invisible over a button and a file name
 * written in the editor's language (editor.css, `.file-choice`).
 */
import type { Translator } from '../i18n';
import { h } from './dom';

export interface FileChoice {
  /** The field: the invisible input over its drawn button and file name. */
  element: HTMLElement;
  input: HTMLInputElement;
  /** Empties the field: no file chosen, and it says so. */
  clear(): void;
  /** Describes the input by the chosen file's name and, while there is one, the element `extraId`. */
  describeBy(extraId?: string): void;
}

/** Builds a file field whose input has `id` and `testId` and takes `accept`. */
export function createFileChoice(
  doc: Document,
  t: Translator,
  { id, testId, accept }: { id: string; testId: string; accept: string },
): FileChoice {
  const chosenId = `${id}-chosen`;
  const input = h(doc, 'input', {
    type: 'file',
    id,
    accept,
    class: 'file-input',
    'aria-describedby': chosenId,
    'data-testid': testId,
  });
  // Hidden from screen readers: the input is the control they meet, and the chosen file's
  // name reaches them as its description.
  const button = h(doc, 'span', { class: 'file-button', 'aria-hidden': 'true' }, t('editorImportChoose'));
  const chosen = h(doc, 'span', { class: 'file-chosen', id: chosenId, 'aria-hidden': 'true' });
  const showChosen = (name?: string) => {
    chosen.textContent = name ?? t('editorImportNoFile');
  };
  showChosen();
  input.addEventListener('change', () => showChosen(input.files?.[0]?.name));
  const describeBy = (extraId?: string) =>
    input.setAttribute('aria-describedby', extraId ? `${chosenId} ${extraId}` : chosenId);
  const clear = () => {
    input.value = '';
    showChosen();
  };
  return { element: h(doc, 'div', { class: 'file-choice' }, input, button, chosen), input, clear, describeBy };
}
