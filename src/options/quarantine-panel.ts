/**
 * Tells the reader when stored glossary data could not be read, and offers it for download.
 * The kept copy is removed only when the reader says so, after they could save it.
 */
import { writePackText } from '../glossary/pack-text';
import type { Translator } from '../i18n';
import { focusIfLost, h, replaceChildren } from './dom';
import { downloadText } from './download';
import type { EditorData, EditorStore } from './editor-store';

export interface QuarantinePanelOptions {
  doc: Document;
  t: Translator;
  store: EditorStore;
}

/** The quarantine file name, dated so that two downloads never overwrite each other. */
export function quarantineFileName(now = new Date()): string {
  return `columnlens-unreadable-data-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** Builds the (hidden when empty) notice; `update` shows or hides it. */
export function createQuarantinePanel({ doc, t, store }: QuarantinePanelOptions) {
  const element = h(doc, 'div', {
    class: 'notice warning',
    role: 'alert',
    'data-testid': 'quarantine-notice',
    hidden: true,
  });
  let downloaded = false;

  return {
    element,
    update(data: EditorData) {
      if (data.quarantine.length === 0 && data.readProblems.length === 0) {
        element.hidden = true;
        replaceChildren(element);
        return;
      }
      const download = h(
        doc,
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'quarantine-download' },
        t('editorQuarantineDownload'),
      );
      const dismiss = h(
        doc,
        'button',
        { type: 'button', 'data-testid': 'quarantine-dismiss', disabled: !downloaded },
        t('editorQuarantineDismiss'),
      );
      download.addEventListener('click', () => {
        downloadText(doc, quarantineFileName(), `${JSON.stringify(data.quarantine, null, 2)}\n`);
        downloaded = true;
        dismiss.disabled = false;
      });
      dismiss.addEventListener('click', () => {
        void store.dismissUnreadable().then(() => {
          // The button pressed went with the notice: focus goes to search, not the page's top.
          if (element.hidden) focusIfLost(doc, doc.getElementById('entry-search'));
        });
      });
      const problems = data.readProblems.slice(0, 10);
      replaceChildren(
        element,
        h(doc, 'p', {}, t('editorQuarantineMessage')),
        problems.length
          ? h(doc, 'ul', { class: 'hint' }, ...problems.map((p) => h(doc, 'li', {}, writePackText(t, p))))
          : null,
        h(doc, 'div', { class: 'actions' }, download, dismiss),
      );
      element.hidden = false;
    },
  };
}
