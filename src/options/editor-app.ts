/**
 * The glossary editor (the options page): wires the store to the panels, keeps the form on the
 * entry the reader opened, and hands the form's buttons to the entry actions
 * (entry-actions.ts). Every change is stored, republished to open tabs, announced in the status
 * line and (where it makes sense) undoable.
 */
import { readerLangIn } from '../i18n/browser-language';
import { requestFromHash, type EditorRequest } from '../editor-url';
import { displayName, packTitle } from '../glossary/entry-names';
import { activeEntries } from '../glossary-store/merge';
import { translator, type ReaderLanguage } from '../i18n';
import { h } from './dom';
import { editorMessages } from './editor-messages';
import { EditorStore, type EditorData } from './editor-store';
import { createEntryActions } from './entry-actions';
import { createEntryForm, type FormTarget, type PackChoice } from './entry-form';
import { createEntryList } from './entry-list';
import { buildListItems, itemKey, searchKey, type ListItem } from './entry-search';
import { createExportPanel } from './export-panel';
import { entriesOf, formContextFor } from './form-context';
import { createImportPanel } from './import-panel';
import { ANNOUNCED, otherTabChange } from './other-tab-change';
import { ownerCalled } from './owner-called';
import { createPackPanel } from './pack-panel';
import { createProblemsPanel } from './problems-panel';
import { createQuarantinePanel } from './quarantine-panel';
import { relatedLines, shownLines } from './related-field';
import type { OpenEntry } from './save-check';
import { createStatusLine } from './status-line';

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
  doc.documentElement.lang = readerLangIn(doc, language);
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
  const status = createStatusLine(doc, t, () => void actions.undo());
  const messages = editorMessages(status, () => form);
  const { announce, forgetFormMessage } = messages;

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

  const actions = createEntryActions({
    doc,
    language,
    t,
    store,
    messages,
    form: () => form,
    list: () => list,
    current: () => open,
    openEntry,
    closeForm,
    followOtherTab: showOpenEntryAsStored,
  });

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
    onSave: (values) => void actions.save(values),
    onDelete: () => void actions.remove(),
    onReset: () => void actions.reset(),
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
    if (!open?.id || actions.busy() || form.hasUnsavedChanges()) return false;
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
    // The row first: the form's focus then scrolls the form back into view, where the list
    // stands above it (a phone-wide window) and scrolling to the row took the form off screen.
    list.reveal(itemKey(packId, id));
    openEntry({ packId, id });
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
        // By its name for the reader, unless that is the very text selected: then it is that entry.
        const called = ownerCalled(prefill, owner);
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
