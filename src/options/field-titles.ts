/**
 * The form's fields as their labels call them, for messages that name a field ("Other
 * names", "Note in English").
 */
import type { NoteLanguage } from '../glossary/schema';
import type { MessageKey, Translator } from '../i18n';
import type { FieldName } from './entry-form-values';

/** The label of each field that is not a language's name or note. */
const FIELD_LABELS: Record<Exclude<FieldName, `${'names' | 'notes'}.${NoteLanguage}`>, MessageKey> = {
  packId: 'editorFieldPack',
  id: 'editorFieldId',
  term: 'editorFieldTerm',
  aliases: 'editorFieldAliases',
  category: 'editorFieldCategory',
  caseSensitive: 'editorFieldCaseSensitive',
  wholeWord: 'editorFieldWholeWord',
  generic: 'editorFieldGeneric',
  exclude: 'editorFieldExclude',
  related: 'editorFieldRelated',
  section: 'editorFieldSection',
  links: 'editorFieldLinks',
};

/** The language names that label a note or a display name of that language. */
export const LANGUAGE_LABELS: Record<NoteLanguage, MessageKey> = {
  'zh-Hant': 'editorFieldNoteHant',
  'zh-Hans': 'editorFieldNoteHans',
  en: 'editorFieldNoteEn',
};

/** A field as its label calls it ("Other names", "Note in English"), for a message. */
export function fieldTitle(t: Translator, field: FieldName): string {
  const [group, language] = field.split('.') as [string, NoteLanguage | undefined];
  if (language) return t(group === 'names' ? 'editorFieldNameIn' : 'editorFieldNoteIn', t(LANGUAGE_LABELS[language]));
  return t(FIELD_LABELS[field as keyof typeof FIELD_LABELS]);
}
