/**
 * What a Save of the entry form stores, or why it stores nothing: the pack gone, the entry
 * deleted in another tab, fields to correct, or fields another tab changed too, which the
 * reader is asked about once. Pure: the editor (editor-app.ts) shows and stores the verdict.
 */
import type { Entry, Pack } from '../glossary/schema';
import type { ReaderLanguage, Translator } from '../i18n';
import type { EditorData } from './editor-store';
import { validateForm, type FieldError } from './entry-form-validate';
import type { FormValues } from './entry-form-values';
import { fieldTitle } from './field-titles';
import { formContextFor } from './form-context';
import { fieldsChangedInBoth } from './save-conflicts';

/** What the form is showing: an entry of a pack, or a new entry. */
export interface OpenEntry {
  packId: string;
  id?: string;
  /** The entry as the form showed it on opening (see `FormContext.shown`). */
  shown?: Entry;
  /** The form showed it as deleted. */
  deleted?: boolean;
  /** Its Related field's lines as shown (see `RelatedLookup.shownLines`). */
  shownLines?: ReadonlyMap<string, string>;
  /**
   * The stored entry whose changes from another tab the reader was told a save would replace
   * (as JSON): the next save goes ahead, unless what is stored has changed again.
   */
  replaceAgreed?: string;
}

export interface SaveRequest {
  values: FormValues;
  data: EditorData;
  open: OpenEntry | undefined;
  /** The pack of this id as its source has it (bundled or imported). */
  sourcePack(packId: string): Pack | undefined;
  language: ReaderLanguage;
  t: Translator;
}

/** `errors`, where the form was validated: the fields to mark (none when it is valid). */
export type SaveCheck =
  | { kind: 'refused'; text: string }
  | { kind: 'invalid'; errors: FieldError[] }
  /** Fields changed here and in another tab: `text` names them; a second Save of `agreed` goes ahead. */
  | { kind: 'ask'; errors: FieldError[]; text: string; agreed: string }
  | { kind: 'ready'; errors: FieldError[]; entry: Entry; packId: string; source: Pack };

export function checkSave({ values, data, open, sourcePack, language, t }: SaveRequest): SaveCheck {
  const packId = open?.id ? open.packId : values.packId;
  const pack = data.merged.packs.find((p) => p.pack.id === packId);
  const source = sourcePack(packId);
  // The pack went (removed in this tab or another), or none is switched on to hold a new entry.
  if (!pack || !source) return { kind: 'refused', text: t('editorSaveNoPack') };
  const original = open?.id ? (pack.entries.find((e) => e.entry.id === open.id)?.entry ?? undefined) : undefined;
  // Deleted in another tab while this form held a draft: saving it as a new entry would
  // only meet its own id. The draft stays; the reader restores the entry first.
  if (open?.id && !original && pack.removed.some((e) => e.id === open.id))
    return { kind: 'refused', text: t('editorSaveDeleted') };
  const context = {
    ...formContextFor(data.merged, packId, original, language),
    shown: open?.shown,
    shownLines: open?.shownLines,
  };
  const { entry, errors } = validateForm(values, context);
  if (!entry) return { kind: 'invalid', errors };
  // Fields another tab saved since the form opened and this form changed too: the reader is
  // asked once (a second Save) before their text goes.
  const replaced = fieldsChangedInBoth(values, context);
  const storedNow = JSON.stringify(original);
  if (replaced.length > 0 && open && open.replaceAgreed !== storedNow) {
    const fields = new Intl.ListFormat(language, { type: 'conjunction' });
    const text = t('editorSaveOverOtherTab', fields.format(replaced.map((field) => fieldTitle(t, field))));
    return { kind: 'ask', errors, text, agreed: storedNow };
  }
  return { kind: 'ready', errors, entry, packId, source };
}
