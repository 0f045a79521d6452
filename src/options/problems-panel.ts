/**
 * Lists the reader's changes that do not apply at the moment (kept, never dropped), and the
 * entries of an enabled pack that another pack's entry of the same id hides.
 */
import { displayName, packTitle } from '../glossary/entry-names';
import type { MergedGlossary, MergeProblem } from '../glossary-store/merge';
import type { Translator } from '../i18n';
import { h, replaceChildren } from './dom';
import type { EditorData } from './editor-store';

/**
 * One problem in the reader's language, naming the pack by its title and the entry by its
 * name where the pack still has them, by their ids where it does not.
 */
export function describeProblem(problem: MergeProblem, merged: MergedGlossary, t: Translator): string {
  const packOf = (id: string) => merged.packs.find((p) => p.pack.id === id);
  const titleOf = (id: string) => {
    const found = packOf(id);
    return found ? packTitle(found.pack, t.language) : id;
  };
  const pack = packOf(problem.packId);
  const packName = titleOf(problem.packId);
  if (problem.kind === 'pack-missing') return t('editorProblemPackMissing', packName);
  // As the editor shows it: the reader's own entries and edits included.
  const entry = pack?.entries.find((e) => e.entry.id === problem.entryId)?.entry;
  const entryName = entry ? displayName(entry, t.language) : problem.entryId;
  switch (problem.kind) {
    case 'edit-invalid':
      return t('editorProblemEditInvalid', entryName, packName, problem.detail);
    case 'entry-gone':
      return t('editorProblemEntryGone', entryName, packName);
    case 'shadowed':
      return t('editorProblemShadowed', entryName, packName, titleOf(problem.by));
  }
}

/** Builds the (hidden when empty) list; `update` refreshes it. */
export function createProblemsPanel({ doc, t }: { doc: Document; t: Translator }) {
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
    update(data: EditorData, shadowed: readonly MergeProblem[]) {
      const problems = [...data.merged.problems, ...shadowed];
      element.hidden = problems.length === 0;
      replaceChildren(list, ...problems.map((p) => h(doc, 'li', {}, describeProblem(p, data.merged, t))));
    },
  };
}
