/**
 * The form for one entry: every field, labelled, with hints and field-level errors wired to
 * `aria-describedby` / `aria-invalid`. It knows nothing of storage: it reports the values
 * and the reader's intent (save, delete, reset, close) to its owner.
 */
import { CATEGORIES } from '../glossary/categories';
import { LIMITS, NOTE_LANGUAGES, type Entry, type NoteLanguage } from '../glossary/schema';
import { categoryLabel, type MessageKey, type ReaderLanguage } from '../i18n';
import { h, setFieldError, type Child } from './dom';
import { formValuesFrom, type FieldName, type FormValues, type WholeWordRule } from './entry-form-values';
import type { FieldError } from './entry-form-validate';
import type { ListState } from './entry-search';

export interface PackChoice {
  id: string;
  title: string;
  sections: readonly string[];
  language?: NoteLanguage;
}

export interface FormTarget {
  pack: PackChoice;
  /** The entry as it is now; undefined for a new entry. */
  entry?: Entry;
  state?: ListState;
  /** Packs a new entry can be created in. */
  packChoices: readonly PackChoice[];
  prefillTerm?: string;
}

export interface EntryFormOptions {
  doc: Document;
  language: ReaderLanguage;
  t: (key: MessageKey, ...subs: string[]) => string;
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
}

const NOTE_LABELS: Record<NoteLanguage, MessageKey> = {
  'zh-Hant': 'editorFieldNoteHant',
  'zh-Hans': 'editorFieldNoteHans',
  en: 'editorFieldNoteEn',
};
const NOTE_LANG_ATTR: Record<NoteLanguage, string> = { 'zh-Hant': 'zh-Hant', 'zh-Hans': 'zh-Hans', en: 'en' };

const controlId = (field: FieldName) => `field-${field.replace('.', '-')}`;

/** Builds the (initially empty) form panel. */
export function createEntryForm({ doc, language, t, onSave, onDelete, onReset, onClose }: EntryFormOptions): EntryForm {
  const element = h(doc, 'section', { class: 'entry-panel', 'aria-labelledby': 'form-heading', 'data-testid': 'entry-panel' });
  let controls = new Map<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  let errorsOf = new Map<FieldName, HTMLElement>();
  let target: FormTarget | undefined;

  function showEmpty() {
    element.replaceChildren(
      h(doc, 'h2', { id: 'form-heading', tabindex: -1 }, t('editorTitle')),
      h(doc, 'p', { class: 'hint' }, t('editorFormEmpty')),
    );
  }

  /** A labelled control with its hint and (hidden) error line. */
  function field(name: FieldName, label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, hint?: string): HTMLElement {
    const id = controlId(name);
    control.id = id;
    control.setAttribute('data-testid', id);
    const error = h(doc, 'p', { id: `${id}-error`, class: 'field-error', hidden: true });
    control.setAttribute('aria-describedby', [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
    controls.set(name, control);
    errorsOf.set(name, error);
    return h(
      doc,
      'div',
      { class: 'field' },
      h(doc, 'label', { for: id }, label),
      control,
      hint ? h(doc, 'p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
      error,
    );
  }

  const textInput = (value: string, attrs: Record<string, string | number | boolean> = {}) => {
    const input = h(doc, 'input', { type: 'text', autocomplete: 'off', spellcheck: false, ...attrs });
    input.value = value;
    return input;
  };
  const textArea = (value: string, rows: number, attrs: Record<string, string | number | boolean> = {}) => {
    const area = h(doc, 'textarea', { rows, ...attrs });
    area.value = value;
    return area;
  };
  const select = (value: string, options: [string, string][]) => {
    const control = h(doc, 'select', {}, ...options.map(([v, label]) => h(doc, 'option', { value: v }, label)));
    control.value = value;
    return control;
  };

  function sectionControl(pack: PackChoice, value: string) {
    if (pack.sections.length === 0) return textInput(value, { maxlength: LIMITS.sectionLength });
    const options: [string, string][] = [['', t('editorSectionNone')], ...pack.sections.map((s): [string, string] => [s, s])];
    if (value && !pack.sections.includes(value)) options.push([value, value]);
    return select(value, options);
  }

  function open(next: FormTarget) {
    target = next;
    controls = new Map();
    errorsOf = new Map();
    const { entry, state, pack } = next;
    const values = formValuesFrom(entry, pack.id, { packLanguage: pack.language, prefillTerm: next.prefillTerm });
    const readOnly = state === 'deleted';
    const heading = !entry
      ? t('editorFormNewHeading')
      : readOnly
        ? t('editorFormDeletedHeading', entry.term)
        : t('editorFormEditHeading', entry.term);

    const packField = entry
      ? h(doc, 'p', { class: 'pack-name' }, `${t('editorFieldPack')}: ${pack.title}`)
      : field('packId', t('editorFieldPack'), select(pack.id, next.packChoices.map((p): [string, string] => [p.id, p.title])));
    const idControl = textInput(values.id, { maxlength: 64, readonly: Boolean(entry), pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
    const wholeWordOptions: [WholeWordRule, string][] = [
      ['auto', t('editorWholeWordAuto')],
      ['on', t('editorWholeWordOn')],
      ['off', t('editorWholeWordOff')],
    ];
    if (values.wholeWord === 'mixed') wholeWordOptions.push(['mixed', t('editorWholeWordMixed')]);
    const caseBox = h(doc, 'input', { type: 'checkbox', id: controlId('caseSensitive'), 'data-testid': controlId('caseSensitive') });
    caseBox.checked = values.caseSensitive;
    controls.set('caseSensitive', caseBox);

    const notes = h(
      doc,
      'fieldset',
      { class: 'notes' },
      h(doc, 'legend', {}, t('editorFieldNotes')),
      h(doc, 'p', { class: 'hint', id: 'notes-hint' }, t('editorFieldNotesHint', String(LIMITS.noteLength))),
      ...NOTE_LANGUAGES.map((l) =>
        field(`notes.${l}`, t(NOTE_LABELS[l]), textArea(values.notes[l], 4, { lang: NOTE_LANG_ATTR[l], maxlength: LIMITS.noteLength * 2 })),
      ),
    );

    const buttons: Child[] = [
      readOnly ? null : h(doc, 'button', { type: 'submit', class: 'primary', 'data-testid': 'entry-save' }, t('editorSave')),
      entry && !readOnly ? h(doc, 'button', { type: 'button', class: 'danger', 'data-testid': 'entry-delete' }, t('editorDelete')) : null,
      state === 'edited' || readOnly
        ? h(doc, 'button', { type: 'button', 'data-testid': 'entry-reset' }, readOnly ? t('editorRestore') : t('editorReset'))
        : null,
      h(doc, 'button', { type: 'button', 'data-testid': 'entry-close' }, t('editorClose')),
    ];

    const form = h(
      doc,
      'form',
      { novalidate: true, 'data-testid': 'entry-form' },
      h(
        doc,
        'fieldset',
        { class: 'entry-fields', disabled: readOnly },
        packField,
        field('id', t('editorFieldId'), idControl, entry ? t('editorFieldIdFixed') : t('editorFieldIdHint')),
        field('term', t('editorFieldTerm'), textInput(values.term, { maxlength: LIMITS.nameLength * 2, required: true }), t('editorFieldTermHint')),
        field('aliases', t('editorFieldAliases'), textArea(values.aliases, 5), t('editorFieldAliasesHint')),
        field('category', t('editorFieldCategory'), select(values.category, CATEGORIES.map((c): [string, string] => [c, categoryLabel(language, c)]))),
        notes,
        h(
          doc,
          'fieldset',
          { class: 'rules' },
          h(doc, 'legend', {}, t('editorFieldRules')),
          h(doc, 'div', { class: 'check' }, caseBox, h(doc, 'label', { for: controlId('caseSensitive') }, t('editorFieldCaseSensitive'))),
          field('wholeWord', t('editorFieldWholeWord'), select(values.wholeWord, wholeWordOptions)),
        ),
        field('exclude', t('editorFieldExclude'), textArea(values.exclude, 3), t('editorFieldExcludeHint')),
        field('related', t('editorFieldRelated'), textArea(values.related, 3, { spellcheck: false }), t('editorFieldRelatedHint')),
        field('section', t('editorFieldSection'), sectionControl(pack, values.section)),
      ),
      h(doc, 'div', { class: 'actions' }, ...buttons),
    );

    // A new entry's pack decides which sections exist.
    controls.get('packId')?.addEventListener('change', () => {
      const chosen = next.packChoices.find((p) => p.id === controls.get('packId')?.value);
      const old = controls.get('section');
      if (!chosen || !old) return;
      const replacement = sectionControl(chosen, '');
      replacement.id = old.id;
      replacement.setAttribute('data-testid', old.id);
      replacement.setAttribute('aria-describedby', old.getAttribute('aria-describedby') ?? '');
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
      if (event.key === 'Escape') onClose();
    });

    element.replaceChildren(h(doc, 'h2', { id: 'form-heading', tabindex: -1 }, heading), form);
    const first = entry ? controls.get('term') : controls.get(values.term ? 'aliases' : 'term');
    (readOnly ? element.querySelector<HTMLElement>('[data-testid="entry-reset"]') : first)?.focus();
  }

  function readValues(): FormValues {
    const value = (name: FieldName) => controls.get(name)?.value ?? '';
    return {
      packId: controls.get('packId')?.value ?? target?.pack.id ?? '',
      id: value('id'),
      term: value('term'),
      aliases: value('aliases'),
      category: value('category'),
      notes: Object.fromEntries(NOTE_LANGUAGES.map((l) => [l, value(`notes.${l}`)])) as FormValues['notes'],
      caseSensitive: (controls.get('caseSensitive') as HTMLInputElement | undefined)?.checked ?? false,
      wholeWord: value('wholeWord') as WholeWordRule,
      exclude: value('exclude'),
      related: value('related'),
      section: value('section'),
    };
  }

  showEmpty();
  return {
    element,
    open,
    close() {
      target = undefined;
      showEmpty();
    },
    showErrors(errors) {
      for (const [name, control] of controls) {
        const error = errorsOf.get(name);
        const first = errors.find((e) => e.field === name);
        if (error) setFieldError(control, error, first ? t(first.key, ...first.subs) : undefined);
      }
      const firstInvalid = errors[0] && controls.get(errors[0].field);
      firstInvalid?.focus();
    },
  };
}
