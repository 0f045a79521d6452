/**
 * The schema entry a valid entry form describes. Pure.
 *
 * Fields the reader did not touch keep the entry's stored value exactly, so opening and
 * saving an entry never turns into a spurious edit of a bundled entry; a field another tab
 * changed since the form opened keeps that tab's text unless this form changed it too.
 */
import { NOTE_LANGUAGES, type Entry, type NoteLanguage } from '../glossary/schema';
import { aliasesFrom, contextFrom, formValuesFrom, lines, namesFrom, type FormValues } from './entry-form-values';
import type { FormContext } from './form-context';
import { relatedIdsOf } from './related-field';

/** Sets `key` on `entry`, or removes it when `value` is undefined. */
function put(entry: Record<string, unknown>, key: string, value: unknown) {
  if (value === undefined) delete entry[key];
  else entry[key] = value;
}

/**
 * Per reader language, the form's text where the reader changed it from what was shown, else
 * what is stored now: each language's note and name is a field of its own, so a note written
 * here in one language never takes back another tab's note in another.
 */
function byLanguage(
  values: Record<NoteLanguage, string>,
  shown: Record<NoteLanguage, string>,
  stored: Record<NoteLanguage, string>,
): Record<NoteLanguage, string> {
  const merged = { ...stored };
  for (const language of NOTE_LANGUAGES) if (values[language] !== shown[language]) merged[language] = values[language];
  return merged;
}

/**
 * The entry the values describe, starting from the original so untouched fields stay as
 * stored; `links` and `relatedIds` as validation read them from the form. Not yet checked
 * against the schema (`validateForm` does).
 */
export function entryFromForm(
  values: FormValues,
  ctx: Pick<FormContext, 'original' | 'shown' | 'packLanguage'>,
  id: string,
  links: NonNullable<Entry['links']>,
  relatedIds: string[],
): Record<string, unknown> {
  const original = ctx.original;
  const options = { packLanguage: ctx.packLanguage };
  const initial = formValuesFrom(ctx.shown ?? original, values.packId, options);
  const stored = formValuesFrom(original, values.packId, options);
  const entry: Record<string, unknown> = original ? { ...original } : { id };
  const changed = (field: keyof FormValues) => JSON.stringify(values[field]) !== JSON.stringify(initial[field]);
  if (!original || changed('term')) entry.term = values.term.trim();
  const names = changed('names') ? byLanguage(values.names, initial.names, stored.names) : stored.names;
  if (!original || changed('names')) put(entry, 'names', namesFrom({ ...values, names }, original?.names));
  // The aliases are made of three fields: each as this form changed it, else as stored now, so
  // another tab's new alias or everyday word stays when this form changed another of them.
  const aliasFields = {
    aliases: changed('aliases') ? values.aliases : stored.aliases,
    wholeWord: changed('wholeWord') ? values.wholeWord : stored.wholeWord,
    generic: changed('generic') ? values.generic : stored.generic,
  };
  // A chosen rule or everyday word reaches the term and display names through aliases
  // (name-rules.ts), so a renamed entry's aliases are written again under its new names.
  const renamed = changed('term') || changed('names');
  const otherNames = new Set(lines(aliasFields.aliases));
  const ownNameMarked = lines(aliasFields.generic).some((name) => !otherNames.has(name));
  const rulesChanged = changed('aliases') || changed('wholeWord') || changed('generic');
  if (!original || rulesChanged || (renamed && (aliasFields.wholeWord !== 'auto' || ownNameMarked)))
    entry.aliases = aliasesFrom({ ...values, ...aliasFields, names }, original?.aliases);
  if (!original || changed('category')) entry.category = values.category;
  if (!original || changed('notes')) {
    const notes = byLanguage(values.notes, initial.notes, stored.notes);
    entry.context = contextFrom(notes, original?.context);
  }
  if (!original || changed('caseSensitive')) put(entry, 'caseSensitive', values.caseSensitive ? true : undefined);
  if (!original || changed('exclude'))
    put(entry, 'exclude', lines(values.exclude).length ? lines(values.exclude) : undefined);
  // Compared as ids: the field shows names, and another tab may have renamed one since.
  const relatedChanged = JSON.stringify(relatedIds) !== JSON.stringify(relatedIdsOf(ctx.shown ?? original));
  if (!original || relatedChanged) put(entry, 'related', relatedIds.length ? relatedIds : undefined);
  if (!original || changed('section')) put(entry, 'section', values.section.trim() || undefined);
  if (!original || changed('links')) put(entry, 'links', links.length > 0 ? links : undefined);
  return entry;
}
