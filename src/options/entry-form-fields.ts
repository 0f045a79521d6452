/** The fields of the entry form, built from its values. */
import { readerLangIn } from '../i18n/browser-language';
import { CATEGORIES } from '../glossary/categories';
import { displayName, type DisplayNames } from '../glossary/entry-names';
import { LIMITS, NOTE_LANGUAGES, type NoteLanguage } from '../glossary/schema';
import { categoryLabel, type ReaderLanguage, type Translator } from '../i18n';
import { paintAsCategory } from '../ui/category-look';
import { h } from './dom';
import type { FormValues, WholeWordRule } from './entry-form-values';
import { fieldTitle, LANGUAGE_LABELS } from './field-titles';
import {
  controlId,
  listArea,
  selectControl,
  textArea,
  textInput,
  type Control,
  type FieldRegistry,
} from './form-controls';

export interface PackChoice {
  id: string;
  title: string;
  sections: readonly string[];
  /** Each section's title in the reader languages, by its title in `sections` (the pack's `sectionNames`). */
  sectionNames?: Readonly<Record<string, DisplayNames>>;
  language?: NoteLanguage;
}

/**
 * A name's or a note's label: the language alone on screen, under its fieldset's legend; to
 * a screen reader or voice control, which may list fields without their legend, "Name in
 * English" or "Note in English", which still holds the word shown.
 */
function languageLabel(doc: Document, t: Translator, group: 'names' | 'notes', l: NoteLanguage) {
  return h(
    doc,
    'span',
    {},
    h(doc, 'span', { 'aria-hidden': 'true' }, t(LANGUAGE_LABELS[l])),
    h(doc, 'span', { class: 'visually-hidden' }, fieldTitle(t, `${group}.${l}`)),
  );
}

/**
 * A fieldset of one field per language, under its legend and its hint. The hint is also each
 * field's description: a reader tabbing to "Note in English" hears the limit, as with any
 * other field's hint, where a fieldset's own description may not be read.
 */
function languageGroup(
  ctx: FieldsContext,
  group: 'names' | 'notes',
  legend: string,
  hint: string,
  control: (l: NoteLanguage) => Control,
): HTMLElement {
  const { doc, t, registry } = ctx;
  const hintId = `${group}-hint`;
  const fields = NOTE_LANGUAGES.map((l) => {
    const field = registry.field(`${group}.${l}`, languageLabel(doc, t, group, l), control(l));
    const input = registry.controls.get(`${group}.${l}`)!;
    input.setAttribute('aria-describedby', `${hintId} ${input.getAttribute('aria-describedby') ?? ''}`.trim());
    return field;
  });
  return h(
    doc,
    'fieldset',
    { class: group },
    h(doc, 'legend', {}, legend),
    h(doc, 'p', { id: hintId, class: 'hint' }, hint),
    ...fields,
  );
}

export interface FieldsContext {
  doc: Document;
  language: ReaderLanguage;
  t: Translator;
  registry: FieldRegistry;
}

/** The section control: a choice among the pack's sections, or free text if it lists none. */
export function sectionControl({ doc, t, language }: FieldsContext, pack: PackChoice, value: string): Control {
  if (pack.sections.length === 0) return textInput(doc, value);
  const options: [string, string][] = [
    ['', t('editorSectionNone')],
    // Stored by the column's own title, shown in the reader's language as the tooltip shows it.
    ...pack.sections.map((s): [string, string] => [
      s,
      displayName({ term: s, names: pack.sectionNames?.[s] }, language),
    ]),
  ];
  if (value && !pack.sections.includes(value)) options.push([value, value]);
  return selectControl(doc, value, options);
}

/**
 * The category choice, drawn as the chosen category's highlights are drawn on the page (as
 * the list and the popup name categories), and drawn again as the reader picks another.
 */
function categoryControl(doc: Document, value: string, options: readonly [string, string][]): HTMLSelectElement {
  const control = selectControl(doc, value, options);
  paintAsCategory(control, value);
  control.addEventListener('change', () => paintAsCategory(control, control.value));
  return control;
}

/**
 * Every field of an entry. Names and notes have no `maxlength`: a browser cuts a paste to it
 * without a word, and the reader would lose what they pasted and never learn it was too long.
 * Validation says how long each is, and by how much it is over the limit.
 */
export function entryFields(
  ctx: FieldsContext,
  values: FormValues,
  options: { existing: boolean; pack: PackChoice; packChoices: readonly PackChoice[] },
): HTMLElement[] {
  const { doc, t, language, registry } = ctx;
  const { field } = registry;
  const wholeWordOptions: [WholeWordRule, string][] = [
    ['auto', t('editorWholeWordAuto')],
    ['on', t('editorWholeWordOn')],
    ['off', t('editorWholeWordOff')],
  ];
  if (values.wholeWord === 'mixed') wholeWordOptions.push(['mixed', t('editorWholeWordMixed')]);
  const caseBox = h(doc, 'input', {
    type: 'checkbox',
    id: controlId('caseSensitive'),
    'data-testid': controlId('caseSensitive'),
  });
  caseBox.checked = values.caseSensitive;
  registry.controls.set('caseSensitive', caseBox);
  const packOptions = options.packChoices.map((p): [string, string] => [p.id, p.title]);
  const categoryOptions = CATEGORIES.map((c): [string, string] => [c, categoryLabel(language, c)]);

  return [
    options.existing
      ? h(doc, 'p', { class: 'pack-name' }, t('editorLabelled', fieldTitle(t, 'packId')) + options.pack.title)
      : field('packId', fieldTitle(t, 'packId'), selectControl(doc, options.pack.id, packOptions)),
    field(
      'id',
      fieldTitle(t, 'id'),
      textInput(doc, values.id, { maxlength: 64, readonly: options.existing, pattern: '[a-z0-9]+(-[a-z0-9]+)*' }),
      options.existing ? t('editorFieldIdFixed') : t('editorFieldIdHint'),
    ),
    field('term', fieldTitle(t, 'term'), textInput(doc, values.term, { required: true }), t('editorFieldTermHint')),
    languageGroup(ctx, 'names', t('editorFieldNames'), t('editorFieldNamesHint'), (l) =>
      textInput(doc, values.names[l], { lang: readerLangIn(doc, l) }),
    ),
    field('aliases', fieldTitle(t, 'aliases'), listArea(doc, values.aliases, 5), t('editorFieldAliasesHint')),
    field('category', fieldTitle(t, 'category'), categoryControl(doc, values.category, categoryOptions)),
    languageGroup(ctx, 'notes', t('editorFieldNotes'), t('editorFieldNotesHint', LIMITS.noteLength), (l) =>
      textArea(doc, values.notes[l], 4, { lang: readerLangIn(doc, l) }),
    ),
    h(
      doc,
      'fieldset',
      { class: 'rules' },
      h(doc, 'legend', {}, t('editorFieldRules')),
      h(doc, 'div', { class: 'check' }, caseBox, h(doc, 'label', { for: caseBox.id }, fieldTitle(t, 'caseSensitive'))),
      // The automatic rule explained below its choice, not in it: a choice that long was cut
      // short in the form, at a desktop's width too.
      field(
        'wholeWord',
        fieldTitle(t, 'wholeWord'),
        selectControl(doc, values.wholeWord, wholeWordOptions),
        t('editorFieldWholeWordHint'),
      ),
      field('generic', fieldTitle(t, 'generic'), listArea(doc, values.generic, 2), t('editorFieldGenericHint')),
    ),
    field('exclude', fieldTitle(t, 'exclude'), listArea(doc, values.exclude, 3), t('editorFieldExcludeHint')),
    field(
      'related',
      fieldTitle(t, 'related'),
      listArea(doc, values.related, 3, { spellcheck: false }),
      t('editorFieldRelatedHint'),
    ),
    field('section', fieldTitle(t, 'section'), sectionControl(ctx, options.pack, values.section)),
    field(
      'links',
      fieldTitle(t, 'links'),
      listArea(doc, values.links, 2, { spellcheck: false }),
      t('editorFieldLinksHint'),
    ),
  ];
}
