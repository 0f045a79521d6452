/** Lists the reader's changes that do not apply at the moment (kept, never dropped). */
import type { MessageKey } from '../i18n';
import { h, replaceChildren } from './dom';
import type { EditorData } from './editor-store';

/** Builds the (hidden when empty) list; `update` refreshes it. */
export function createProblemsPanel({ doc, t }: { doc: Document; t: (key: MessageKey) => string }) {
  const list = h(doc, 'ul');
  const element = h(
    doc,
    'details',
    { class: 'notice', 'data-testid': 'merge-problems', hidden: true },
    h(doc, 'summary', {}, t('editorProblemsHeading')),
    list,
  );
  return {
    element,
    update(data: EditorData) {
      const problems = data.merged.problems;
      element.hidden = problems.length === 0;
      replaceChildren(
        list,
        ...problems.map((p) => h(doc, 'li', {}, `${p.packId}${p.entryId ? ` / ${p.entryId}` : ''}: ${p.message}`)),
      );
    },
  };
}
