/**
 * What the entry form's buttons do (Save, Delete, Reset) and Undo: each stores its change in
 * the glossary layer, says what it did, and shows the entry as stored after it, unless the
 * reader has opened another entry meanwhile, who then stays there. Storage failures are said,
 * under the form while it still shows the entry they were for.
 */
import { displayName } from '../glossary/entry-names';
import { deleteEntry, resetEntry, saveEntry } from '../glossary-store/layer-edits';
import type { ReaderLanguage, Translator } from '../i18n';
import type { UserLayer } from '../storage/user-layer-schema';
import { focusIfLost } from './dom';
import type { EditorMessages } from './editor-messages';
import { entrySubject, type EditorData, type EditorStore } from './editor-store';
import type { EntryForm, FormTarget } from './entry-form';
import type { FormValues } from './entry-form-values';
import type { EntryList } from './entry-list';
import { itemKey } from './entry-search';
import { nameTakenByReset } from './form-context';
import { checkSave, type OpenEntry } from './save-check';

/** How long a save is stored before the status line says it is under way (a large glossary's takes seconds). */
const SAVING_NOTICE_MS = 300;

export interface EntryActionsOptions {
  doc: Document;
  language: ReaderLanguage;
  t: Translator;
  store: EditorStore;
  messages: Pick<EditorMessages, 'announce' | 'aboutForm' | 'refuse'>;
  /** The form and the list, built after the actions they call. */
  form: () => Pick<EntryForm, 'values' | 'showErrors' | 'hasUnsavedChanges'>;
  list: () => Pick<EntryList, 'reveal'>;
  /** The entry the form shows now: a new object each time an entry opens. */
  current: () => OpenEntry | undefined;
  openEntry(target: OpenEntry, shown?: Pick<FormTarget, 'draft' | 'savedNote'>): void;
  closeForm(): void;
  /** Shows the open entry as another tab stored it, when it changed and nothing is unsaved; whether it did. */
  followOtherTab(data: EditorData): boolean;
}

/** Each action settles once it has said what it did. */
export interface EntryActions {
  save(values: FormValues): Promise<unknown>;
  remove(): Promise<unknown>;
  reset(): Promise<unknown>;
  undo(): Promise<unknown>;
  /** A Save, Delete or Reset of this tab is being stored. */
  busy(): boolean;
}

export function createEntryActions(options: EntryActionsOptions): EntryActions {
  const { doc, language, t, store, form, list, current, openEntry, closeForm, followOtherTab } = options;
  const { announce, aboutForm, refuse } = options.messages;
  /** A save is being stored. */
  let saving = false;
  /** Changes of an entry (Save, Delete, Reset) being stored. */
  let changing = 0;

  /**
   * Runs a change; a storage failure is reported rather than lost in the console, by `report`
   * (`refuse` for the form's buttons, so that it is said where the reader pressed).
   */
  async function change(run: () => Promise<unknown>, report: (text: string) => void = announce): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (error) {
      report(t('editorSaveFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  /**
   * Stores `edit`, a change to entry `id` of pack `packId` that the form showing `opened` asked
   * for: whether it stored anything (see `EditorStore.apply`), or undefined when storage
   * failed, which is said under the form only while it still shows `opened`, else at the top.
   */
  async function changeEntry(
    opened: OpenEntry | undefined,
    packId: string,
    id: string,
    edit: (layer: UserLayer) => UserLayer,
  ): Promise<boolean | undefined> {
    let stored = false;
    const report = (text: string) => (current() === opened ? refuse(text) : void announce(text));
    changing += 1;
    try {
      const ok = await change(async () => void (stored = await store.apply(edit, entrySubject(packId, id))), report);
      return ok ? stored : undefined;
    } finally {
      changing -= 1;
    }
  }

  async function save(values: FormValues) {
    // A save still being stored (a large glossary takes seconds): a second one would start
    // from the layer before it.
    if (saving) return announce(t('editorSaving'));
    // Checked against another tab's change this tab has heard of but not read yet: against the
    // layer before it, the save stored the older text of each field this form left alone over
    // that change. Only then: waiting every time would let a change asked for after this Save
    // (an import) be stored first.
    if (store.behind) {
      const asked = current();
      saving = true;
      // A read that fails leaves the layer as it was; the save then goes on, as it did before.
      await store
        .settled()
        .catch(() => {})
        .finally(() => (saving = false));
      // Gone to another entry meanwhile: these values are not that entry's. A form holding
      // nothing unsaved now shows what the other tab stored, deleted or not: nothing to save.
      if (current() !== asked || followOtherTab(store.data)) return;
    }
    const open = current();
    const check = checkSave({ values, data: store.data, open, sourcePack: (id) => store.sourcePack(id), language, t });
    if (check.kind !== 'refused') form().showErrors(check.errors);
    if (check.kind === 'refused') return refuse(check.text);
    // Focus is on the first field to correct, its message beside it: the view stays there.
    if (check.kind === 'invalid') return aboutForm(t('editorFixErrors'));
    if (check.kind === 'ask') {
      if (open) open.replaceAgreed = check.agreed;
      return refuse(check.text);
    }
    const { entry, packId, source } = check;
    const added = !open?.id;
    const opened = open;
    saving = true;
    const slow = doc.defaultView?.setTimeout(() => announce(t('editorSaving')), SAVING_NOTICE_MS);
    const stored = await changeEntry(opened, packId, entry.id, (layer) => saveEntry(layer, source, entry)).finally(
      () => {
        saving = false;
        doc.defaultView?.clearTimeout(slow);
      },
    );
    if (stored === undefined) return;
    const name = displayName(entry, language);
    // Undo takes back the last stored change. A save that changed nothing (pressed again)
    // stored none of its own: it offers Undo only when that takes back this entry's change.
    const offerUndo = stored ? store.canUndo : store.lastStepIs(entrySubject(packId, entry.id));
    // A reader who opened another entry while it was stored stays there.
    if (current() !== opened) return announce(t('editorSaved', name), offerUndo);
    // One who went on writing keeps what they typed, unsaved, over the entry as stored.
    const typed = form().values();
    const draft = JSON.stringify(typed) !== JSON.stringify(values) ? typed : undefined;
    const saved = t(draft ? 'editorSavedDraftKept' : 'editorSaved', name);
    openEntry({ packId, id: entry.id }, { draft, savedNote: saved });
    // A new entry's row is shown in the list, on its page, as the entry it now is; the view
    // stays on the form the reader is in.
    if (added) list().reveal(itemKey(packId, entry.id), false);
    announce(saved, offerUndo);
  }

  async function remove() {
    const open = current();
    if (!open?.id) return;
    const { packId, id } = open;
    const source = store.sourcePack(packId);
    const gone = store.data.merged.packs.find((p) => p.pack.id === packId)?.entries.find((e) => e.entry.id === id);
    const name = gone ? displayName(gone.entry, language) : id;
    if (!source) return refuse(t('editorEntryPackGone'));
    const opened = open;
    if ((await changeEntry(opened, packId, id, (layer) => deleteEntry(layer, source, id))) === undefined) return;
    announce(t('editorDeleted', name), true);
    // A reader who opened another entry while it was stored stays there.
    if (current() !== opened) return;
    closeForm();
    doc.getElementById('entry-search')?.focus();
  }

  async function reset() {
    const open = current();
    if (!open?.id) return;
    const { packId, id } = open;
    const source = store.sourcePack(packId);
    if (!source) return refuse(t('editorEntryPackGone'));
    const base = source.entries.find((e) => e.id === id);
    const taken = nameTakenByReset(store.data.merged, packId, base, language);
    if (taken) {
      const { name, owner, pack } = taken;
      return refuse(
        owner === undefined ? t('editorResetNameTakenInPack', name, pack) : t('editorResetNameTaken', name, owner),
      );
    }
    const opened = open;
    if ((await changeEntry(opened, packId, id, (layer) => resetEntry(layer, source, id))) === undefined) return;
    const bundled = source.entries.find((e) => e.id === id);
    const done = t('editorResetDone', bundled ? displayName(bundled, language) : id);
    // Under the buttons too, as a save's confirmation is: Reset was pressed there. A reader
    // who opened another entry while it was stored stays there.
    if (current() === opened) openEntry({ packId, id }, { savedNote: done });
    announce(done, store.canUndo);
  }

  async function undo() {
    let undone = false;
    if (await change(async () => void (undone = await store.undo()))) {
      if (!undone) return announce(t('editorUndoElsewhere'));
      // The open entry shows what storage now holds, unless the reader is writing in it: Undo
      // takes back the last stored change, not their draft, which stays for them to save.
      const open = current();
      if (open?.id && !form().hasUnsavedChanges()) openEntry(open);
      // With earlier steps kept, Undo is offered again: one press per step, back to the oldest.
      const again = announce(t('editorUndone'), store.canUndo);
      // The Undo button pressed is gone with its message: focus goes to the next one, else to
      // search, not the page's top.
      focusIfLost(doc, again ?? doc.getElementById('entry-search'));
    }
  }

  return { save, remove, reset, undo, busy: () => saving || changing > 0 };
}
