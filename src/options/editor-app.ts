/**
 * The glossary editor (the options page): wires the store to the panels and turns the
 * reader's actions into layer changes. Every change is stored, republished to open tabs,
 * announced in the status line and (where it makes sense) undoable.
 */
import { requestFromHash, type EditorRequest } from '../editor-url';
import { displayName, packTitle } from '../glossary/entry-names';
import type { Entry } from '../glossary/schema';
import { activeEntries } from '../glossary-store/merge';
import { deleteEntry, resetEntry, saveEntry } from '../glossary-store/layer-edits';
import { translator, type ReaderLanguage } from '../i18n';
import type { UserLayer } from '../storage/user-layer-schema';
import { focusIfLost, h } from './dom';
import { editorMessages } from './editor-messages';
import { EditorStore, entrySubject, type EditorData } from './editor-store';
import { createEntryForm, type FormTarget, type PackChoice } from './entry-form';
import type { FormValues } from './entry-form-values';
import { createEntryList } from './entry-list';
import { buildListItems, itemKey, searchKey, type ListItem } from './entry-search';
import { createExportPanel } from './export-panel';
import { formContextFor, nameTakenByReset } from './form-context';
import { createImportPanel } from './import-panel';
import { ANNOUNCED, otherTabChange } from './other-tab-change';
import { ownerCalled } from './owner-called';
import { createPackPanel } from './pack-panel';
import { createProblemsPanel } from './problems-panel';
import { createQuarantinePanel } from './quarantine-panel';
import { relatedLines, shownLines } from './related-field';
import { checkSave, type OpenEntry } from './save-check';
import { createStatusLine } from './status-line';

/** How long a save is stored before the status line says it is under way (a large glossary's takes seconds). */
const SAVING_NOTICE_MS = 300;

/** What the running editor offers the pages that ask for it (`editor-requests.ts`) and the guard against leaving it (`unsaved-guard.ts`). */
export interface RunningEditor {
  /** Shows what a page asked for. */
  show(request: EditorRequest): void;
  /** Whether the form holds a change the reader has not saved, which showing something else would lose. */
  hasUnsavedChanges(): boolean;
  /** The id of the entry the form shows, if it shows a stored one. */
  openEntryId(): string | undefined;
}

/** Builds the editor into `root` and keeps it in step with storage; undefined if storage could not be read. */
export async function startEditor(
  doc: Document,
  root: HTMLElement,
  language: ReaderLanguage,
): Promise<RunningEditor | undefined> {
  const t = translator(language);
  doc.documentElement.lang = language;
  doc.title = t('editorTitle');
  root.replaceChildren(h(doc, 'p', { role: 'status' }, t('editorLoading')));

  let store: EditorStore;
  try {
    store = await EditorStore.open();
  } catch (error) {
    root.replaceChildren(
      h(doc, 'p', { role: 'alert' }, t('editorLoadFailed', error instanceof Error ? error.message : String(error))),
    );
    return undefined;
  }

  let open: OpenEntry | undefined;
  /** A save is being stored. */
  let saving = false;
  /** Changes of an entry (Save, Delete, Reset) being stored. */
  let changing = 0;
  /**
   * Each pack's entries as one list per stored state: the Related field's names of a pack are
   * kept per list (related-field.ts), so opening one entry after another folds them once.
   */
  const entryLists = new WeakMap<object, Entry[]>();
  const entriesOf = (pack: EditorData['merged']['packs'][number]): Entry[] => {
    let list = entryLists.get(pack.entries);
    if (!list) entryLists.set(pack.entries, (list = pack.entries.map((e) => e.entry)));
    return list;
  };
  const status = createStatusLine(doc, t, () => void undo());
  const { announce, aboutForm, refuse, forgetFormMessage } = editorMessages(status, () => form);

  const packChoices = (data: EditorData): PackChoice[] =>
    data.merged.packs.map((p) => ({
      id: p.pack.id,
      title: packTitle(p.pack, language),
      sections: p.pack.source.sections,
      sectionNames: p.pack.source.sectionNames,
      language: p.pack.source.language,
    }));

  /** The packs a new entry can go into: those switched on. */
  const enabledChoices = (data: EditorData): PackChoice[] =>
    packChoices(data).filter((p) => data.merged.packs.find((m) => m.pack.id === p.id)?.enabled);

  /**
   * The pack a new entry goes into, the first switched on; with none, the reader is told at
   * once, and taken to the pack switches, rather than fill in a form that cannot be saved.
   */
  function packForNewEntry(): string | undefined {
    const pack = enabledChoices(store.data)[0];
    if (pack) return pack.id;
    announce(t('editorNewNoPack'));
    doc.querySelector<HTMLElement>('input[id^="pack-enabled-"]')?.focus();
    return undefined;
  }

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

  function openEntry(
    target: OpenEntry,
    shown: Pick<FormTarget, 'prefillTerm' | 'draft' | 'savedNote' | 'refreshed'> = {},
  ) {
    if (!open || target.packId !== open.packId || target.id !== open.id) forgetFormMessage();
    const data = store.data;
    const pack = data.merged.packs.find((p) => p.pack.id === target.packId) ?? data.merged.packs[0];
    if (!pack) return;
    const merged = target.id ? pack.entries.find((e) => e.entry.id === target.id) : undefined;
    const removed = target.id && !merged ? pack.removed.find((e) => e.id === target.id) : undefined;
    if (target.id && !merged && !removed) {
      closeForm();
      return;
    }
    const entry = merged?.entry ?? removed;
    const related = entry?.related ? relatedLines(entriesOf(pack), entry, language) : undefined;
    // A draft put back over the entry holds the Related lines shown before: still read as shown.
    const before = shown.draft && open?.packId === pack.pack.id && open.id === target.id ? open.shownLines : undefined;
    const lines = related || before ? shownLines(related ?? new Map(), before) : undefined;
    open = { packId: pack.pack.id, id: target.id, shown: entry, deleted: Boolean(removed), shownLines: lines };
    const choice = packChoices(data).find((p) => p.id === pack.pack.id)!;
    form.open({
      pack: choice,
      entry,
      relatedLines: related,
      state: merged?.state ?? (removed ? 'deleted' : undefined),
      packChoices: enabledChoices(data),
      ...shown,
    });
    list.setSelected(target.id ? itemKey(pack.pack.id, target.id) : undefined);
  }

  function closeForm() {
    forgetFormMessage();
    open = undefined;
    form.close();
    list.setSelected(undefined);
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
    const report = (text: string) => (open === opened ? refuse(text) : void announce(text));
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
      const asked = open;
      saving = true;
      // A read that fails leaves the layer as it was; the save then goes on, as it did before.
      await store
        .settled()
        .catch(() => {})
        .finally(() => (saving = false));
      // Gone to another entry meanwhile: these values are not that entry's. A form holding
      // nothing unsaved now shows what the other tab stored, deleted or not: nothing to save.
      if (open !== asked || showOpenEntryAsStored(store.data)) return;
    }
    const check = checkSave({ values, data: store.data, open, sourcePack: (id) => store.sourcePack(id), language, t });
    if (check.kind !== 'refused') form.showErrors(check.errors);
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
    if (open !== opened) return announce(t('editorSaved', name), offerUndo);
    // One who went on writing keeps what they typed, unsaved, over the entry as stored.
    const typed = form.values();
    const draft = JSON.stringify(typed) !== JSON.stringify(values) ? typed : undefined;
    const saved = t(draft ? 'editorSavedDraftKept' : 'editorSaved', name);
    openEntry({ packId, id: entry.id }, { draft, savedNote: saved });
    // A new entry's row is shown in the list, on its page, as the entry it now is; the view
    // stays on the form the reader is in.
    if (added) list.reveal(itemKey(packId, entry.id), false);
    announce(saved, offerUndo);
  }

  async function remove() {
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
    if (open !== opened) return;
    closeForm();
    doc.getElementById('entry-search')?.focus();
  }

  async function reset() {
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
    if (open === opened) openEntry({ packId, id }, { savedNote: done });
    announce(done, store.canUndo);
  }

  async function undo() {
    let undone = false;
    if (await change(async () => void (undone = await store.undo()))) {
      if (!undone) return announce(t('editorUndoElsewhere'));
      // The open entry shows what storage now holds, unless the reader is writing in it: Undo
      // takes back the last stored change, not their draft, which stays for them to save.
      if (open?.id && !form.hasUnsavedChanges()) openEntry(open);
      // With earlier steps kept, Undo is offered again: one press per step, back to the oldest.
      const again = announce(t('editorUndone'), store.canUndo);
      // The Undo button pressed is gone with its message: focus goes to the next one, else to
      // search, not the page's top.
      focusIfLost(doc, again ?? doc.getElementById('entry-search'));
    }
  }

  /**
   * Whether the form may give way to another entry, or close: at once if it holds nothing
   * unsaved, otherwise only if the reader agrees to drop the change (a stray Esc or click in
   * the list would lose a half-written note, which no undo brings back).
   */
  const mayLeaveForm = () =>
    !form.hasUnsavedChanges() || (doc.defaultView?.confirm(t('editorDiscardChanges')) ?? false);

  const form = createEntryForm({
    doc,
    language,
    t,
    onSave: (values) => void save(values),
    onDelete: () => void remove(),
    onReset: () => void reset(),
    onClose: () => {
      if (!mayLeaveForm()) return;
      const closed = open;
      closeForm();
      // Focus would fall to the top of the page with the form: back to the entry's row, or search.
      const key = closed?.id && itemKey(closed.packId, closed.id);
      const row = [...list.element.querySelectorAll<HTMLElement>('button.entry-row')].find(
        (r) => r.dataset.key === key,
      );
      (row ?? doc.getElementById('entry-search'))?.focus();
    },
  });
  const list = createEntryList({
    doc,
    language,
    t,
    onOpen: (item: ListItem) => {
      if (mayLeaveForm()) openEntry({ packId: item.packId, id: item.entry.id });
    },
    onNew: () => {
      const packId = packForNewEntry();
      if (packId && mayLeaveForm()) openEntry({ packId });
    },
  });
  const packs = createPackPanel({ doc, t, store, announce });
  const exporter = createExportPanel({ doc, t, getData: () => store.data, announce });
  const quarantine = createQuarantinePanel({ doc, t, store });
  const problems = createProblemsPanel({ doc, t });
  const summary = h(doc, 'p', { class: 'summary', 'data-testid': 'editor-summary' });

  root.replaceChildren(
    h(doc, 'header', { class: 'editor-header' }, h(doc, 'h1', {}, t('editorTitle')), summary),
    quarantine.element,
    problems.element,
    status.element,
    h(doc, 'div', { class: 'workspace' }, list.element, form.element),
    h(
      doc,
      'div',
      { class: 'side' },
      packs.element,
      h(
        doc,
        'section',
        { class: 'transfer', 'aria-labelledby': 'transfer-heading' },
        h(doc, 'h2', { id: 'transfer-heading' }, t('editorImportExportHeading')),
        createImportPanel({ doc, t, store, announce }),
        exporter.element,
      ),
    ),
  );

  function render(data: EditorData) {
    const { entries, shadowed } = activeEntries(data.merged);
    const active = entries.length;
    const enabled = data.merged.packs.filter((p) => p.enabled).length;
    summary.textContent = t(
      'editorSummary',
      t.count('editorPackEntryCount', active),
      t.count('editorActivePackCount', enabled),
    );
    list.update(
      buildListItems(data.merged),
      data.merged.packs.map((p) => ({ id: p.pack.id, title: packTitle(p.pack, language) })),
    );
    packs.update(data);
    exporter.update(data);
    quarantine.update(data);
    problems.update(data, shadowed);
    // An entry whose pack was removed (here or in another tab) is gone with it: its form
    // closes, unless it holds what the reader wrote, which stays for them to copy.
    if (open?.id && !data.merged.packs.some((p) => p.pack.id === open?.packId) && !form.hasUnsavedChanges())
      closeForm();
  }
  /**
   * Another tab changed the entry this form shows: a form holding nothing unsaved shows it as
   * stored now (deleted, if it was), rather than the old text a Save would then ask about.
   */
  function showOpenEntryAsStored(data: EditorData): boolean {
    // A Save, Delete or Reset of this tab's still being stored shows its own outcome: opened
    // again under it, the form no longer counted as the one the change was for.
    if (!open?.id || saving || changing > 0 || form.hasUnsavedChanges()) return false;
    const change = otherTabChange(open, data);
    if (change.kind === 'none') return false;
    openEntry({ packId: open.packId, id: open.id }, { refreshed: true });
    // Only related entries it named were deleted: this entry itself was not changed.
    if (change.kind === 'links') return true;
    const name = displayName(change.entry, language);
    announce(t(ANNOUNCED[change.kind], name));
    return true;
  }

  store.subscribe((data, fromAnotherTab) => {
    render(data);
    if (fromAnotherTab) showOpenEntryAsStored(data);
  });
  render(store.data);

  /** Opens an entry and shows its row in the list. */
  const openAndReveal = (packId: string, id: string) => {
    openEntry({ packId, id });
    list.reveal(itemKey(packId, id));
  };

  /** Shows what the reader asked for from a page: selected text as a new entry, or an entry. */
  function show(request: EditorRequest) {
    if ('add' in request) {
      // From the context menu. A new entry goes to the first pack, where the form's name check
      // would refuse a name another entry has (英伟达 for 輝達): the reader would learn so only
      // after filling in the whole form, so that entry opens instead.
      const prefill = request.add;
      const packId = packForNewEntry();
      if (!packId) return;
      const owner = formContextFor(store.data.merged, packId, undefined, language).nameOwners.get(searchKey(prefill));
      if (owner) {
        openAndReveal(owner.packId, owner.id);
        // By its name for the reader, unless that is the very text selected.
        const called = owner.name.trim() === prefill.trim() ? ownerCalled(prefill, owner) : owner.name;
        announce(called === undefined ? t('editorPrefillIsEntry', prefill) : t('editorPrefillKnown', prefill, called));
      } else {
        openEntry({ packId }, { prefillTerm: prefill });
        announce(t('editorPrefilled', prefill));
      }
    } else {
      // From a tooltip: the entry the page showed, from the pack it came from.
      const shown = activeEntries(store.data.merged).entries.find((entry) => entry.id === request.edit);
      if (shown) openAndReveal(shown.packId, shown.id);
      else announce(t('editorEditMissing', request.edit));
    }
  }

  const requested = requestFromHash(doc.location.hash);
  // The request is done once: a reload shows the editor as the reader left it.
  if (requested) {
    doc.defaultView?.history.replaceState(null, '', doc.location.pathname);
    show(requested);
  }
  // Later requests come to this editor while its form holds nothing unsaved.
  return { show, hasUnsavedChanges: () => form.hasUnsavedChanges(), openEntryId: () => open?.id };
}
