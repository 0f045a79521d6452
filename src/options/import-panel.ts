/**
 * Importing a pack file: choose a file, see what it would add, change and leave alone,
 * confirm. Nothing is stored before the confirmation; a file that cannot be imported shows
 * why in an alert and changes nothing.
 */
import { displayName, packTitle } from '../glossary/entry-names';
import { writePackText, writeSubstitutions, type PackText } from '../glossary/pack-text';
import { LIMITS, type Entry, type Pack } from '../glossary/schema';
import { planImport, type ImportMode, type ImportPreview } from '../glossary-store/import-plan';
import type { MergedGlossary } from '../glossary-store/merge';
import type { MessageKey, Translator } from '../i18n';
import { h, replaceChildren } from './dom';
import type { UserLayer } from '../storage/user-layer-schema';
import { packSubject, type EditorStore } from './editor-store';
import { importClashes } from './import-clashes';
import { ownerCalled } from './owner-called';
import { readPackFile } from './read-pack-file';
import { createFileChoice } from './file-choice';

export interface ImportPanelOptions {
  doc: Document;
  t: Translator;
  store: EditorStore;
  /** Shows `message` in the status line; returns its Undo button when it offers one. */
  announce(message: string, offerUndo?: boolean): HTMLElement | undefined;
}

/** How many names each preview list shows before "and N more". */
const PREVIEW_NAMES = 12;

/** Builds the import controls. */
export function createImportPanel({ doc, t, store, announce }: ImportPanelOptions): HTMLElement {
  let pending: { pack: Pack; warnings: PackText[]; file: string; replaceProblems?: PackText[] } | undefined;
  /**
   * Counts the reader's file choices. Saving an import (a big pack's compile takes seconds) may
   * end after the reader chose the next file: it must not clear that file's preview, nor take
   * focus from it, and a file read after a newer choice is not shown.
   */
  let choices = 0;

  const fileChoice = createFileChoice(doc, t, {
    id: 'glossary-import',
    testId: 'glossary-import',
    accept: '.json,application/json',
  });
  const { input } = fileChoice;
  // Radio buttons, not a select: each choice is a sentence, and a select cuts it off.
  const modeChoice = (value: ImportMode, label: MessageKey) => {
    const id = `import-mode-${value}`;
    const radio = h(doc, 'input', { type: 'radio', name: 'import-mode', value, id, 'data-testid': id });
    radio.checked = value === 'merge';
    return h(doc, 'div', { class: 'check' }, radio, h(doc, 'label', { for: id }, t(label)));
  };
  const mode = h(
    doc,
    'fieldset',
    { class: 'import-mode' },
    h(doc, 'legend', {}, t('editorImportMode')),
    modeChoice('merge', 'editorImportModeMerge'),
    modeChoice('replace', 'editorImportModeReplace'),
  );
  const chosenMode = (): ImportMode =>
    mode.querySelector<HTMLInputElement>('input[name="import-mode"]:checked')?.value === 'replace'
      ? 'replace'
      : 'merge';
  const error = h(doc, 'div', {
    class: 'import-error',
    id: 'import-error',
    role: 'alert',
    'data-testid': 'import-error',
  });
  const preview = h(doc, 'div', { class: 'import-preview', 'data-testid': 'import-preview', hidden: true });

  /** The ids of the installed pack `packId`'s entries, deleted ones too (a merge restores them). */
  const installedIds = (packId: string) => {
    const installed = store.data.merged.packs.find((p) => p.pack.id === packId);
    return installed && new Set([...installed.entries.map((e) => e.entry.id), ...installed.removed.map((e) => e.id)]);
  };

  /** A labelled line of up to PREVIEW_NAMES items, then "and N more"; none when there are none. */
  const list = (label: MessageKey, items: readonly string[], testId?: string) => {
    if (items.length === 0) return null;
    const shown = items.slice(0, PREVIEW_NAMES).join(' · ');
    const more = items.length > PREVIEW_NAMES ? ` ${t('editorImportMore', items.length - PREVIEW_NAMES)}` : '';
    return h(
      doc,
      'p',
      testId ? { 'data-testid': testId } : {},
      h(doc, 'strong', {}, t('editorLabelled', t(label))),
      shown + more,
    );
  };
  // Each entry by the name its reader knows, listed as the tooltip and the entry list list names.
  const names = (entries: readonly Entry[]) => entries.map((e) => displayName(e, t.language));

  /** What the import would leave without effect: hidden entries, names that stay another entry's. */
  function clashesOf(p: ImportPreview, merged: MergedGlossary) {
    const ids = new Set([...p.added, ...p.restored, ...p.changed.map((c) => c.after)].map((e) => e.id));
    const { hidden, sharedNames } = importClashes(merged, p.packId, ids);
    return [
      list('editorImportHiddenList', names(hidden), 'import-hidden'),
      list(
        'editorImportSharedNames',
        sharedNames.map(({ name, owner, ownerPack }) => {
          const called = ownerCalled(name, { name: displayName(owner, t.language) });
          if (called !== undefined) return t('editorImportSharedName', name, called);
          const pack = merged.packs.find((p) => p.pack.id === ownerPack)?.pack;
          return t('editorImportSharedNameInPack', name, pack ? packTitle(pack, t.language) : ownerPack);
        }),
        'import-shared-names',
      ),
    ];
  }

  function showPreview(
    { preview: p, merged }: { preview: ImportPreview; merged: MergedGlossary },
    warnings: readonly PackText[],
  ) {
    const lead = {
      new: 'editorImportPreviewNew',
      bundled: 'editorImportPreviewBundled',
      imported: 'editorImportPreviewImported',
    } as const;
    const confirm = h(
      doc,
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'import-confirm' },
      t('editorImportConfirm'),
    );
    const cancel = h(doc, 'button', { type: 'button', 'data-testid': 'import-cancel' }, t('editorImportCancel'));
    // Numbers, so the translator writes them the language's way ("1,200").
    // Entries brought back are added as much as new ones: the lists below tell them apart.
    const counts = [p.added.length + p.restored.length, p.changed.length, p.unchanged.length, p.removed.length];
    replaceChildren(
      preview,
      h(doc, 'p', {}, t(lead[p.target], packTitle(p.pack, t.language))),
      h(doc, 'p', { 'data-testid': 'import-counts' }, t('editorImportCounts', ...counts)),
      list('editorImportAddedList', names(p.added)),
      list('editorImportRestoredList', names(p.restored), 'import-restored'),
      list('editorImportChangedList', names(p.changed.map((c) => c.after))),
      list('editorImportRemovedList', names(p.removed)),
      ...clashesOf(p, merged),
      warnings.length
        ? h(doc, 'ul', { class: 'hint' }, ...warnings.map((w) => h(doc, 'li', {}, writePackText(t, w))))
        : null,
      h(doc, 'div', { class: 'actions' }, confirm, cancel),
    );
    preview.hidden = false;
    // Below the file field, at the foot of a long page: brought into view, its buttons last.
    preview.scrollIntoView?.({ block: 'nearest' });
    confirm.addEventListener('click', () => void commit([confirm, cancel]));
    // The preview goes with its buttons: focus goes back to the file field, not the page's top.
    cancel.addEventListener('click', () => {
      reset();
      input.focus();
    });
  }

  function showError(message: string, details: readonly PackText[] = []) {
    // Tied to the file field as well as announced once: a reader who comes back to the field
    // hears why the file was refused.
    input.setAttribute('aria-invalid', 'true');
    fileChoice.describeBy(error.id);
    replaceChildren(
      error,
      h(doc, 'p', {}, message),
      details.length ? h(doc, 'ul', {}, ...details.map((d) => h(doc, 'li', {}, writePackText(t, d)))) : null,
    );
    error.scrollIntoView?.({ block: 'nearest' });
  }

  function reset() {
    pending = undefined;
    fileChoice.clear();
    preview.hidden = true;
    replaceChildren(preview);
  }

  /**
   * Plans against the current data; an import never starts from a stale layer. Returns, with
   * the plan, what it was made from (`from`, the layer; `pack` and `importMode`).
   */
  function plan() {
    if (!pending) return undefined;
    const from = store.data.layer;
    const { pack } = pending;
    const importMode = chosenMode();
    // A file of a few entries that name others of the installed pack can update it, not be it.
    if (importMode === 'replace' && pending.replaceProblems) {
      showError(t('editorImportReplaceIncomplete', pending.file), pending.replaceProblems);
      preview.hidden = true;
      return undefined;
    }
    clearError();
    const result = planImport(store.data.bundled, from, pack, importMode);
    if (!result.ok) {
      showError(t('editorImportTooManyEntries', result.count, LIMITS.entries));
      reset();
      return undefined;
    }
    return { ...result, from, pack, importMode };
  }

  /** The layer after importing as `planned` did, onto `layer`: the plan itself if made from it. */
  function importedOnto(layer: UserLayer, planned: NonNullable<ReturnType<typeof plan>>): UserLayer {
    if (layer === planned.from) return planned.layer;
    const again = planImport(store.data.bundled, layer, planned.pack, planned.importMode);
    if (!again.ok) throw new Error(t('editorImportTooManyEntries', again.count, LIMITS.entries));
    return again.layer;
  }

  /**
   * Stores the previewed import. A big pack takes seconds to store and compile: meanwhile the
   * preview's buttons are disabled (a second press would import it twice, and Undo then take
   * back only the second), the preview is busy and the status line says it is importing.
   */
  async function commit(buttons: readonly HTMLButtonElement[]) {
    if (buttons.some((b) => b.disabled)) return;
    const result = plan();
    if (!result) return input.focus();
    const title = packTitle(result.preview.pack, t.language);
    const choice = choices;
    for (const b of buttons) b.disabled = true;
    preview.setAttribute('aria-busy', 'true');
    announce(t('editorImporting', title));
    const subject = packSubject(result.preview.packId);
    let stored: boolean;
    try {
      // A change asked for just before (a Save, a pack switched) is stored first: the import
      // then goes on top of it, planned again, rather than storing the layer of the preview.
      stored = await store.apply((layer) => importedOnto(layer, result), subject);
    } catch (error) {
      announce(t('editorSaveFailed', error instanceof Error ? error.message : String(error)));
      for (const b of buttons) b.disabled = false;
      return;
    } finally {
      preview.removeAttribute('aria-busy');
    }
    // Undo takes back the last stored change. A pack imported again as it was stored none: it
    // offers Undo only when that takes back this pack's import (Import pressed twice).
    const undo = announce(t('editorImportDone', title), stored ? store.canUndo : store.lastStepIs(subject));
    if (choice !== choices) return; // the reader has gone on to another file
    reset();
    // The Confirm button pressed is gone: focus goes to the Undo that now offers to take it back.
    (undo ?? input).focus();
  }

  function clearError() {
    replaceChildren(error);
    input.removeAttribute('aria-invalid');
    fileChoice.describeBy();
  }

  input.addEventListener('change', async () => {
    const choice = ++choices;
    clearError();
    preview.hidden = true;
    const file = input.files?.[0];
    if (!file) return;
    const read = await readPackFile(file, { installedIds });
    if (choice !== choices) return;
    if (!read.ok) {
      pending = undefined;
      fileChoice.clear();
      showError(t(read.key, ...writeSubstitutions(t, read.subs)), read.details);
      return;
    }
    pending = { pack: read.pack, warnings: read.warnings, file: file.name, replaceProblems: read.replaceProblems };
    const result = plan();
    if (result) showPreview(result, pending.warnings);
  });
  mode.addEventListener('change', () => {
    const result = plan();
    if (result && pending) showPreview(result, pending.warnings);
  });

  return h(
    doc,
    'div',
    { class: 'import' },
    h(
      doc,
      'div',
      { class: 'field' },
      h(doc, 'label', { for: 'glossary-import' }, t('editorImportLabel')),
      fileChoice.element,
    ),
    mode,
    error,
    preview,
  );
}
