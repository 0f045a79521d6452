/**
 * The form for one entry: every field, labelled, with hints and field-level errors wired to
 * `aria-describedby` / `aria-invalid`. It knows nothing of storage: it reports the values
 * and the reader's intent (save, delete, reset, close) to its owner.
 */
import { FOLLOWING } from '../document-position';
import { NOTE_LANGUAGES, type Entry, type NoteLanguage } from '../glossary/schema';
import { displayName } from '../glossary/entry-names';
import type { ReaderLanguage, Translator } from '../i18n';
import { h, setFieldError, type Child } from './dom';
import { entryFields, sectionControl, type FieldsContext, type PackChoice } from './entry-form-fields';
import { formValuesFrom, type FieldName, type FormValues, type WholeWordRule } from './entry-form-values';
import { fieldErrorText, type FieldError } from './entry-form-validate';
import type { ListState } from './entry-search';
import { createFieldRegistry, type FieldRegistry } from './form-controls';

export type { PackChoice };

export interface FormTarget {
  pack: PackChoice;
  /** The entry as it is now; undefined for a new entry. */
  entry?: Entry;
  state?: ListState;
  /** Packs a new entry can be created in. */
  packChoices: readonly PackChoice[];
  prefillTerm?: string;
  /** The line the Related field shows for each related id (`relatedLines`); the id where absent. */
  relatedLines?: ReadonlyMap<string, string>;
  /**
   * What the reader typed over the entry, kept as their unsaved change: text written while a
   * save was being stored, which the entry as stored now does not hold.
   */
  draft?: FormValues;
  /**
   * The confirmation of the save that opened the form again: shown under its buttons, where
   * the reader pressed Save (the status line may be scrolled far above), focus left on Save.
   */
  savedNote?: string;
  /**
   * The same entry shown again as another tab stored it, the form holding nothing unsaved:
   * focus and the form's scroll stay where the reader was, rather than going to its top.
   */
  refreshed?: true;
}

export interface EntryFormOptions {
  doc: Document;
  language: ReaderLanguage;
  t: Translator;
  onSave(values: FormValues): void;
  onDelete(): void;
  onReset(): void;
  onClose(): void;
}

export interface EntryForm {
  element: HTMLElement;
  open(target: FormTarget): void;
  close(): void;
  showErrors(errors: readonly FieldError[]): void;
  /**
   * Shows, under the form's buttons, why Save stored nothing (another tab's change, a pack
   * gone). The editor's status line announces it; this is where a reader who pressed Save
   * looks, when the status line above is scrolled out of view. Gone when the form opens again.
   */
  showRefusal(text: string): void;
  /** Whether the reader changed a field since the form opened (and has not saved it). */
  hasUnsavedChanges(): boolean;
  /** The fields' values as they are now. */
  values(): FormValues;
}

/** Builds the (initially empty) form panel. */
export function createEntryForm({ doc, language, t, onSave, onDelete, onReset, onClose }: EntryFormOptions): EntryForm {
  const element = h(doc, 'section', {
    class: 'entry-panel',
    'aria-labelledby': 'form-heading',
    'data-testid': 'entry-panel',
  });
  let registry: FieldRegistry = createFieldRegistry(doc);
  let target: FormTarget | undefined;
  /** The form's values as it opened, to tell a change the reader has not saved. */
  let openedValues = '';
  let refusal: HTMLElement | undefined;

  function showEmpty() {
    element.replaceChildren(
      h(doc, 'h2', { id: 'form-heading', tabindex: -1 }, t('editorFormEmptyHeading')),
      h(doc, 'p', { class: 'hint' }, t('editorFormEmpty')),
    );
  }

  function buttons(entry: Entry | undefined, state: ListState | undefined): Child[] {
    const readOnly = state === 'deleted';
    const button = (testid: string, label: string, attrs: Record<string, string> = {}) =>
      h(doc, 'button', { type: 'button', 'data-testid': testid, ...attrs }, label);
    return [
      readOnly ? null : button('entry-save', t('editorSave'), { type: 'submit', class: 'primary' }),
      entry && !readOnly ? button('entry-delete', t('editorDelete'), { class: 'danger' }) : null,
      state === 'edited' || readOnly ? button('entry-reset', readOnly ? t('editorRestore') : t('editorReset')) : null,
      button('entry-close', t('editorClose')),
    ];
  }

  function open(next: FormTarget) {
    // Where the reader is typing, to go on there when their draft is put back.
    const typingIn = next.draft ? doc.activeElement : null;
    // Found again in the form built anew by its id, a button by its test id; `null` where focus
    // is elsewhere in the form (then Restore or the heading takes it).
    const focused = next.refreshed && element.contains(doc.activeElement) ? (doc.activeElement as HTMLElement) : null;
    const testId = focused?.dataset.testid;
    const stayOn = !focused ? undefined : focused.id ? `#${focused.id}` : testId ? `[data-testid="${testId}"]` : null;
    const scrolled = element.scrollTop;
    target = next;
    registry = createFieldRegistry(doc);
    const { entry, state, pack } = next;
    const values = formValuesFrom(entry, pack.id, {
      packLanguage: pack.language,
      prefillTerm: next.prefillTerm,
      relatedLine: (id) => next.relatedLines?.get(id),
    });
    const readOnly = state === 'deleted';
    const heading = !entry
      ? t('editorFormNewHeading')
      : t(readOnly ? 'editorFormDeletedHeading' : 'editorFormEditHeading', displayName(entry, language));
    const ctx: FieldsContext = { doc, language, t, registry };
    const fields = entryFields(ctx, values, { existing: Boolean(entry), pack, packChoices: next.packChoices });
    // Not a live region: the status line announces the same words.
    refusal = h(doc, 'p', { class: 'notice warning form-refusal', 'data-testid': 'form-refusal', hidden: true });
    // Not a live region either: the status line announces it, with its Undo.
    const savedNote = h(doc, 'p', { class: 'notice form-saved', 'data-testid': 'form-saved' }, next.savedNote ?? '');
    savedNote.hidden = !next.savedNote;
    const form = h(
      doc,
      'form',
      { novalidate: true, 'data-testid': 'entry-form' },
      h(doc, 'fieldset', { class: 'entry-fields', disabled: readOnly }, ...fields),
      h(doc, 'div', { class: 'actions' }, ...buttons(entry, state)),
      refusal,
      savedNote,
    );
    // Said until the reader writes on: then it no longer tells what the form holds.
    form.addEventListener('input', () => (savedNote.hidden = true));

    const { controls } = registry;
    // A new entry's pack decides which sections exist.
    controls.get('packId')?.addEventListener('change', () => {
      const chosen = next.packChoices.find((p) => p.id === controls.get('packId')?.value);
      const old = controls.get('section');
      if (!chosen || !old) return;
      const replacement = sectionControl(ctx, chosen, '');
      for (const name of ['id', 'data-testid', 'aria-describedby'])
        replacement.setAttribute(name, old.getAttribute(name) ?? '');
      old.replaceWith(replacement);
      controls.set('section', replacement);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      onSave(readValues());
    });
    form.querySelector('[data-testid="entry-delete"]')?.addEventListener('click', onDelete);
    form.querySelector('[data-testid="entry-reset"]')?.addEventListener('click', onReset);
    form.querySelector('[data-testid="entry-close"]')?.addEventListener('click', onClose);
    form.addEventListener('keydown', (event) => {
      // An Esc that ends an input method's composition (typing Chinese) is the IME's, not ours.
      if (event.key === 'Escape' && !event.isComposing) onClose();
    });

    element.replaceChildren(h(doc, 'h2', { id: 'form-heading', tabindex: -1 }, heading), form);
    openedValues = JSON.stringify(readValues());
    // The reader typing on while it saved stays where they type; one who pressed Save, there.
    if (next.draft) return putBack(next.draft, typingIn);
    if (next.refreshed) {
      element.scrollTop = scrolled;
      if (stayOn === undefined) return;
      // Gone or disabled (the entry was deleted): Restore, else the form's heading.
      const again = stayOn ? element.querySelector<HTMLElement>(stayOn) : null;
      const usable = again && !again.matches(':disabled') ? again : null;
      const fallback =
        element.querySelector<HTMLElement>('[data-testid="entry-reset"]') ?? doc.getElementById('form-heading');
      return (usable ?? fallback)?.focus({ preventScroll: true });
    }
    if (next.savedNote) {
      element.querySelector<HTMLElement>('[data-testid="entry-save"]')?.focus({ preventScroll: true });
      return savedNote.scrollIntoView?.({ block: 'nearest' });
    }
    const first = entry ? controls.get('term') : controls.get(values.term ? 'aliases' : 'term');
    (readOnly ? element.querySelector<HTMLElement>('[data-testid="entry-reset"]') : first)?.focus();
  }

  /** Writes `draft` into the fields (an unsaved change now) and focuses where the reader was. */
  function putBack(draft: FormValues, typingIn: Element | null) {
    for (const [name, control] of registry.controls) {
      if (name === 'id' || name === 'packId') continue; // fixed once the entry is stored
      const [group, language] = name.split('.') as [keyof FormValues, NoteLanguage | undefined];
      const value = language ? (draft[group] as Record<NoteLanguage, string>)[language] : draft[group];
      if ((control as HTMLInputElement).type === 'checkbox') (control as HTMLInputElement).checked = value === true;
      else if (typeof value === 'string' && control.value !== value) {
        control.value = value;
        control.dispatchEvent(new Event('change'));
      }
    }
    const again = (typingIn?.id ? doc.getElementById(typingIn.id) : null) as HTMLInputElement | null;
    again?.focus();
    // A text field's caret (a checkbox or a select has none: its selectionStart is null or absent).
    const { selectionStart, selectionEnd } = (typingIn ?? {}) as Partial<HTMLInputElement>;
    if (typeof selectionStart === 'number') again?.setSelectionRange(selectionStart, selectionEnd ?? selectionStart);
  }

  function readValues(): FormValues {
    const { controls } = registry;
    const value = (name: FieldName) => controls.get(name)?.value ?? '';
    return {
      packId: controls.get('packId')?.value ?? target?.pack.id ?? '',
      id: value('id'),
      term: value('term'),
      names: Object.fromEntries(NOTE_LANGUAGES.map((l) => [l, value(`names.${l}`)])) as FormValues['names'],
      aliases: value('aliases'),
      category: value('category'),
      notes: Object.fromEntries(NOTE_LANGUAGES.map((l) => [l, value(`notes.${l}`)])) as FormValues['notes'],
      caseSensitive: (controls.get('caseSensitive') as HTMLInputElement | undefined)?.checked ?? false,
      wholeWord: value('wholeWord') as WholeWordRule,
      generic: value('generic'),
      exclude: value('exclude'),
      related: value('related'),
      links: value('links'),
      section: value('section'),
    };
  }

  showEmpty();
  return {
    element,
    open,
    close() {
      target = undefined;
      refusal = undefined;
      showEmpty();
    },
    showRefusal(text) {
      if (!refusal) return;
      refusal.textContent = text;
      refusal.hidden = false;
      // Below the button just pressed, at the foot of a form that scrolls: brought into view.
      refusal.scrollIntoView?.({ block: 'nearest' });
    },
    hasUnsavedChanges: () => target !== undefined && JSON.stringify(readValues()) !== openedValues,
    values: readValues,
    showErrors(errors) {
      for (const [name, control] of registry.controls) {
        const error = registry.errors.get(name);
        const first = errors.find((e) => e.field === name);
        if (error) setFieldError(control, error, first && fieldErrorText(t, first));
      }
      // The first in the form's order, not the checks': a taken name is found after the
      // aliases' errors, yet its field is above them, and focus below it would hide it.
      const invalid = errors.flatMap((e) => registry.controls.get(e.field) ?? []);
      const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1);
      invalid.sort(before)[0]?.focus();
    },
  };
}
