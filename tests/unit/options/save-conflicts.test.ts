import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { translator } from '../../../src/i18n';
import { formValuesFrom } from '../../../src/options/entry-form-values';
import { fieldTitle } from '../../../src/options/field-titles';
import { packLookup } from '../../../src/options/related-field';
import { fieldsChangedInBoth } from '../../../src/options/save-conflicts';
import { bundledV1 } from '../glossary-store/fixtures';

// The form opened on huawei; `storedNow` is what another tab saved since.
const shown = bundledV1().entries[1]!;
const lookup = packLookup(bundledV1().entries, shown.id);
const context = (storedNow: Entry) => ({ original: storedNow, shown, ...lookup });
const values = () => formValuesFrom(shown, 'bundled');

describe('fieldsChangedInBoth', () => {
  it('names a field this form and another tab both changed, to different text', () => {
    const storedNow = { ...shown, aliases: ['Huawei', 'Huawei Inc'] };
    expect(fieldsChangedInBoth({ ...values(), aliases: 'Huawei\nHW' }, context(storedNow))).toEqual(['aliases']);
  });

  it('names nothing where only one side changed a field, or both wrote the same', () => {
    const storedNow = { ...shown, aliases: ['Huawei', 'Huawei Inc'] };
    // Changed there only: a save keeps it.
    expect(fieldsChangedInBoth(values(), context(storedNow))).toEqual([]);
    // Changed here only.
    expect(fieldsChangedInBoth({ ...values(), section: 'Chips' }, context(shown))).toEqual([]);
    // Each changed a different field.
    expect(fieldsChangedInBoth({ ...values(), section: 'Chips' }, context(storedNow))).toEqual([]);
    // Both wrote the same.
    expect(fieldsChangedInBoth({ ...values(), aliases: 'Huawei\nHuawei Inc' }, context(storedNow))).toEqual([]);
  });

  it('takes each language’s note and name as a field of its own', () => {
    const storedNow: Entry = {
      ...shown,
      names: { ...shown.names, en: 'Huawei Technologies' },
      context: { ...(shown.context as object), en: 'Written in another tab.' },
    };
    const here = values();
    const otherLanguage = {
      ...here,
      names: { ...here.names, 'zh-Hant': '華為技術' },
      notes: { ...here.notes, 'zh-Hant': '這一頁寫的說明。' },
    };
    expect(fieldsChangedInBoth(otherLanguage, context(storedNow))).toEqual([]);
    const sameLanguage = {
      ...here,
      names: { ...here.names, en: 'Huawei Tech' },
      notes: { ...here.notes, en: 'Written here.' },
    };
    expect(fieldsChangedInBoth(sameLanguage, context(storedNow))).toEqual(['names.en', 'notes.en']);
  });

  it('names nothing for a new entry, or a form with nothing to compare with', () => {
    const changed = { ...values(), aliases: 'Huawei\nHW' };
    expect(fieldsChangedInBoth(changed, lookup)).toEqual([]);
    expect(fieldsChangedInBoth(changed, { original: { ...shown, aliases: ['X1'] }, ...lookup })).toEqual([]);
  });
});

describe('fieldTitle', () => {
  it('calls a field as its label does, in the reader’s language', () => {
    expect(fieldTitle(translator('en'), 'aliases')).toBe('Other names');
    expect(fieldTitle(translator('en'), 'notes.en')).toBe('Note in English');
    expect(fieldTitle(translator('zh-Hant'), 'names.zh-Hans')).toBe(
      translator('zh-Hant')('editorFieldNameIn', translator('zh-Hant')('editorFieldNoteHans')),
    );
    expect(fieldTitle(translator('zh-Hans'), 'section')).toBe(translator('zh-Hans')('editorFieldSection'));
  });
});
