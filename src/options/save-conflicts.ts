/**
 * Two editor tabs on one entry: the fields both changed since this form opened it.
 *
 * A save keeps what another tab stored in every field this form left as it showed it
 * (`entry-from-form.ts`); a field changed in both would take the other tab's text back
 * without a word. The editor asks first, naming those fields. Pure.
 */
import { NOTE_LANGUAGES } from '../glossary/schema';
import { formValuesFrom, type FieldName, type FormValues } from './entry-form-values';
import type { FormContext } from './form-context';
import { readRelated, relatedIdsOf } from './related-field';

/** The fields a reader edits of a stored entry, in the form's order (id and pack are fixed). */
const FIELDS = [
  'term',
  'names',
  'aliases',
  'category',
  'notes',
  'caseSensitive',
  'wholeWord',
  'generic',
  'exclude',
  'related',
  'section',
  'links',
] as const satisfies readonly (keyof FormValues)[];

/**
 * The fields this form changed from what it showed that another tab has since stored
 * differently; none when the form did not come from a stored entry, or wrote what is stored.
 * Each language's name and note is a field of its own, as when saving.
 */
export function fieldsChangedInBoth(
  values: FormValues,
  ctx: Pick<FormContext, 'original' | 'shown' | 'packLanguage' | 'packEntryIds' | 'packNameIds' | 'shownLines'>,
): FieldName[] {
  const { original, shown } = ctx;
  if (!original || !shown) return [];
  const options = { packLanguage: ctx.packLanguage };
  const initial = formValuesFrom(shown, values.packId, options);
  const stored = formValuesFrom(original, values.packId, options);
  const differ = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  const both = (mine: unknown, before: unknown, theirs: unknown) =>
    differ(mine, before) && differ(theirs, before) && differ(mine, theirs);
  const fields: FieldName[] = [];
  for (const field of FIELDS) {
    if (field === 'names' || field === 'notes') {
      for (const l of NOTE_LANGUAGES) {
        if (both(values[field][l], initial[field][l], stored[field][l])) fields.push(`${field}.${l}`);
      }
    } else if (field === 'related') {
      // As ids, as a save reads them: the field shows names, which a rename alone changes.
      const mine = readRelated(values, ctx, original.id).ids;
      if (both(mine, relatedIdsOf(shown), relatedIdsOf(original))) fields.push(field);
    } else if (both(values[field], initial[field], stored[field])) fields.push(field);
  }
  return fields;
}
