/**
 * The editor's "Everyday words": the entry's names that are also common words, stored as the
 * format's `generic` aliases (on the alias of that text, or a rule carrier for the entry's own
 * names), shown again on reopening, and refused when they name nothing of the entry.
 */
import { describe, expect, it } from 'vitest';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { compileMatcher } from '../../../src/matcher/index';
import { formValuesFrom, type FormValues } from '../../../src/options/entry-form-values';
import { validateForm } from '../../../src/options/entry-form-validate';
import { formContextFor } from '../../../src/options/form-context';
import { bundledV1 } from '../glossary-store/fixtures';

const empty = { overlays: [], userPacks: [] };
const merged = mergeGlossary(sourcePacks([bundledV1()], empty), empty);
const context = (original?: Parameters<typeof formContextFor>[2]) => formContextFor(merged, 'bundled', original, 'en');

function newEntry(change: Partial<FormValues>): FormValues {
  return {
    ...formValuesFrom(undefined, 'bundled'),
    notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'A note.' },
    ...change,
  };
}

/** Names found in `text`, and whether each is an everyday word. */
function scan(entry: Parameters<typeof compileMatcher>[0][number], text: string) {
  return compileMatcher([entry])
    .scan(text)
    .map((m) => [text.slice(m.start, m.end), !!m.generic]);
}

describe('everyday words in the entry form', () => {
  it('mark the name, a name per language and another name chosen, and no other', () => {
    const { entry, errors } = validateForm(
      newEntry({
        term: '薯條',
        names: { 'zh-Hant': '', 'zh-Hans': '土豆条', en: '' },
        aliases: 'chips\nFrench fries',
        generic: '薯條\nchips',
      }),
      context(),
    );
    expect(errors).toEqual([]);
    // 薯条 is 薯條 in the other script: one name, and one everyday word.
    expect(scan(entry!, '薯條, 薯条, 土豆条, chips, French fries')).toEqual([
      ['薯條', true],
      ['薯条', true],
      ['土豆条', false],
      ['chips', true],
      ['French fries', false],
    ]);
    // Reopened: the same choice, and the Name not listed again under "Other names".
    const reopened = formValuesFrom(entry!, 'bundled');
    expect([reopened.generic, reopened.aliases]).toEqual(['chips\n薯條', 'chips\nFrench fries']);
  });

  it('are taken back by clearing the field, the other rules kept', () => {
    const { entry } = validateForm(
      newEntry({ term: 'Quokka', aliases: 'quokkas', wholeWord: 'off', generic: 'Quokka\nquokkas' }),
      context(),
    );
    const ctx = context(entry);
    const cleared = validateForm({ ...formValuesFrom(entry!, 'bundled'), generic: '' }, ctx).entry!;
    expect(cleared.aliases).toEqual([
      { text: 'quokkas', wholeWord: false },
      { text: 'Quokka', wholeWord: false },
    ]);
    expect(scan(cleared, 'Quokkabots')).toEqual([['Quokka', false]]);
  });

  it('keep a pack’s everyday word through an edit of another field', () => {
    const stored = {
      id: 'fries',
      term: 'Fries',
      aliases: [{ text: 'chips', generic: true }, { text: 'Fries', generic: true }, 'French fries'],
      category: 'concept' as const,
      context: 'Food.',
    };
    const values = { ...formValuesFrom(stored, 'bundled'), notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'Fried food.' } };
    expect(values.generic).toBe('chips\nFries');
    expect(values.aliases).toBe('chips\nFrench fries');
    const { entry } = validateForm(values, context(stored));
    expect(entry!.aliases).toEqual(stored.aliases);
    expect(entry!.context).toEqual({ en: 'Fried food.' });
  });

  it('leave another tab’s new alias and mark in place when this form renames the entry or marks another name', () => {
    const shown = {
      id: 'fries',
      term: 'Fries',
      aliases: [{ text: 'chips', generic: true }, 'French fries'],
      category: 'concept' as const,
      context: 'Food.',
    };
    // Another tab added an alias and marked it an everyday word since this form opened.
    const other = { ...shown, aliases: [...shown.aliases, { text: 'frites', generic: true }] };
    const ctx = { ...context(other), shown };
    const opened = formValuesFrom(shown, 'bundled');
    const renamed = validateForm({ ...opened, term: 'Fried potatoes' }, ctx).entry!;
    expect(renamed.aliases).toEqual(other.aliases);
    // Another tab added a plain alias; this form marks another name an everyday word.
    const added = { ...shown, aliases: [...shown.aliases, 'frites'] };
    const marked = validateForm({ ...opened, generic: 'chips\nFrench fries' }, { ...context(added), shown }).entry!;
    expect(marked.aliases).toEqual([
      { text: 'chips', generic: true },
      { text: 'French fries', generic: true },
      'frites',
    ]);
  });

  it('are refused, with the name, when they are none of the entry’s names', () => {
    const { entry, errors } = validateForm(
      newEntry({ term: 'Quokka', aliases: 'quokkas', generic: 'wombat' }),
      context(),
    );
    expect(entry).toBeUndefined();
    expect(errors).toEqual([{ field: 'generic', key: 'editorErrorGenericNotName', subs: ['wombat'] }]);
  });
});
