/**
 * What the editor says, and where: everything in the status line at the page's top, and what
 * a button of the form did or why it did nothing under the form's buttons too (far from the
 * top on a phone, with the list between). A message about the open form (why it was not
 * saved) goes once another entry opens or the form closes; a confirmation stays, with its Undo.
 */
import type { EntryForm } from './entry-form';
import type { StatusLine } from './status-line';

export interface EditorMessages {
  /** Says `text` in the status line, with an Undo button when `offerUndo` (which it returns). */
  announce: StatusLine['announce'];
  /** Says why the open form was not saved, in the status line only (its fields say the rest). */
  aboutForm(text: string): void;
  /** Says what the form's button did not do, and why, in the status line and under the buttons. */
  refuse(text: string): void;
  /** Clears a message about the form, which is going. */
  forgetFormMessage(): void;
}

/** `form()` gives the entry form, built after the status line. */
export function editorMessages(status: StatusLine, form: () => Pick<EntryForm, 'showRefusal'>): EditorMessages {
  let aboutForm = false;
  const announce: StatusLine['announce'] = (text, offerUndo) => {
    aboutForm = false;
    return status.announce(text, offerUndo);
  };
  const sayAboutForm = (text: string) => {
    status.announce(text);
    aboutForm = true;
  };
  return {
    announce,
    aboutForm: sayAboutForm,
    refuse(text) {
      sayAboutForm(text);
      form().showRefusal(text);
    },
    forgetFormMessage() {
      if (aboutForm) announce('');
    },
  };
}
