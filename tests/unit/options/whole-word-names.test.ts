/**
 * "Whole words" holds for every name an entry is found by: its Name and its names per
 * language too, not only its "Other names"; and the form shows the rule again on reopening.
 */
import { describe, expect, it } from 'vitest';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { compileMatcher } from '../../../src/matcher/index';
import { formValuesFrom, type FormValues } from '../../../src/options/entry-form-values';
import { validateForm } from '../../../src/options/entry-form-validate';
import { formContextFor } from '../../../src/options/form-context';
import { bundledV1 } from '../glossary-store/fixtures';
import { found } from '../matcher/glossary-fixture';

const empty = { overlays: [], userPacks: [] };
const merged = mergeGlossary(sourcePacks([bundledV1()], empty), empty);

/** Saves a new entry of the bundled pack from `change`, as the form would. */
function save(change: Partial<FormValues>) {
  const values: FormValues = {
    ...formValuesFrom(undefined, 'bundled'),
    notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'A note.' },
    ...change,
  };
  const { entry, errors } = validateForm(values, formContextFor(merged, 'bundled', undefined, 'en'));
  expect(errors).toEqual([]);
  return entry!;
}

describe('the whole-word choice on the Name and the names per language', () => {
  it('finds the Name inside longer words when the reader chose so, and shows the choice again', () => {
    const quokka = save({ term: 'Quokka', wholeWord: 'off' });
    expect(found('Quokkabots are everywhere.', compileMatcher([quokka]))).toEqual([['Quokka', quokka.id]]);
    // Reopened: the rule chosen, and no name of its own listed again under "Other names".
    const reopened = formValuesFrom(quokka, 'bundled');
    expect(reopened.wholeWord).toBe('off');
    expect(reopened.aliases).toBe('');
  });

  it('holds "only as whole words" for a Chinese Name and a name per language', () => {
    const entry = save({
      term: '袋鼠科技',
      names: { 'zh-Hant': '', 'zh-Hans': '袋鼠公司', en: '' },
      aliases: 'Roo',
      wholeWord: 'on',
    });
    const m = compileMatcher([entry]);
    expect(found('在袋鼠科技上市', m)).toEqual([]);
    expect(found('在袋鼠公司上市', m)).toEqual([]);
    expect(found('袋鼠科技 and 袋鼠公司', m)).toEqual([
      ['袋鼠科技', entry.id],
      ['袋鼠公司', entry.id],
    ]);
    const reopened = formValuesFrom(entry, 'bundled');
    expect([reopened.wholeWord, reopened.aliases]).toEqual(['on', 'Roo']);
  });

  it('gives a renamed entry’s new Name the rule, and drops it with "Automatic"', () => {
    const quokka = save({ term: 'Quokka', wholeWord: 'off' });
    const ctx = formContextFor(merged, 'bundled', quokka, 'en');
    const renamed = validateForm({ ...formValuesFrom(quokka, 'bundled'), term: 'Quokkas Inc' }, ctx).entry!;
    expect(found('Quokkas Incorporated', compileMatcher([renamed]))).toEqual([['Quokkas Inc', renamed.id]]);
    expect(formValuesFrom(renamed, 'bundled').aliases).toBe('');
    const automatic = validateForm({ ...formValuesFrom(quokka, 'bundled'), wholeWord: 'auto' }, ctx).entry!;
    expect(automatic.aliases).toEqual([]);
    expect(found('Quokkabots', compileMatcher([automatic]))).toEqual([]);
  });
});
