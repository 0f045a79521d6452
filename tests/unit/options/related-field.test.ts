import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { formValuesFrom } from '../../../src/options/entry-form-values';
import { validateForm } from '../../../src/options/entry-form-validate';
import { packLookup, readRelated, relatedLines, shownLines } from '../../../src/options/related-field';
import { fieldsChangedInBoth } from '../../../src/options/save-conflicts';
import { formContextFor } from '../../../src/options/form-context';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { entry, pack } from '../glossary-store/fixtures';

// Nvidia's entry relates to Huawei's and DeepSeek's, which the reader knows by name.
const nvidia = entry('nvidia', { term: '輝達', aliases: ['Nvidia'], related: ['huawei', 'deepseek'] });
const huawei = entry('huawei', { term: '華為', names: { en: 'Huawei', 'zh-Hans': '华为' }, aliases: [] });
const deepseek = entry('deepseek', { term: '深度求索', names: { en: 'DeepSeek' }, aliases: [] });
const entries = [nvidia, huawei, deepseek];

/** The editor's context for a form on `original`, whose Related field showed `lines` (id → line). */
function contextFor(list: Entry[], original: Entry, lines?: ReadonlyMap<string, string>) {
  const merged = mergeGlossary(sourcePacks([pack('bundled', list)], { overlays: [], userPacks: [] }), {
    overlays: [],
    userPacks: [],
  });
  return {
    ...formContextFor(merged, 'bundled', original, 'en'),
    shown: original,
    shownLines: lines && shownLines(lines),
  };
}

/** The form as it opens on `shown` for a reader of `language`. */
function opened(shown: Entry, language: 'en' | 'zh-Hans' = 'en') {
  const lines = relatedLines(entries, shown, language);
  return { lines, values: formValuesFrom(shown, 'bundled', { relatedLine: (id) => lines.get(id) }) };
}

describe('the Related field', () => {
  it('shows each related entry by its name in the reader’s language, else its term', () => {
    expect(opened(nvidia).values.related).toBe('Huawei\nDeepSeek');
    // No Simplified Chinese name for DeepSeek: its term.
    expect(opened(nvidia, 'zh-Hans').values.related).toBe('华为\n深度求索');
  });

  it('reads the names it shows back as the same ids: opening and saving changes nothing', () => {
    const { lines, values } = opened(nvidia);
    const ctx = contextFor(entries, nvidia, lines);
    expect(readRelated(values, ctx, 'nvidia')).toEqual({ ids: ['huawei', 'deepseek'] });
    expect(validateForm(values, ctx).entry).toEqual(nvidia);
    // The same entries named otherwise, or in another order, are no change to compare either.
    expect(fieldsChangedInBoth({ ...values, related: 'deepseek\n华为' }, ctx)).toEqual([]);
  });

  it('shows the id where the name would find another entry, or the entry itself', () => {
    // 'Huawei' is also a name of an entry listed before Huawei's: the name would read back as that one.
    const impostor = entry('impostor', { term: 'Impostor', aliases: ['Huawei'] });
    // DeepSeek's names are both names of this entry too.
    const self = { ...nvidia, aliases: ['Nvidia', 'DeepSeek', '深度求索'] };
    const list = [self, impostor, huawei, deepseek];
    const lines = relatedLines(list, self, 'en');
    expect([...lines]).toEqual([
      ['huawei', '華為'],
      ['deepseek', 'deepseek'],
    ]);
    const values = formValuesFrom(self, 'bundled', { relatedLine: (id) => lines.get(id) });
    expect(readRelated(values, contextFor(list, self, lines), self.id)).toEqual({ ids: ['huawei', 'deepseek'] });
    // Two entries with one name each as their term: the first keeps it, the second shows its id.
    const twin = entry('twin', { term: 'Huawei' });
    const both = { ...nvidia, related: ['twin', 'huawei'] };
    expect([...relatedLines([both, twin, huawei], both, 'en')]).toEqual([
      ['twin', 'Huawei'],
      ['huawei', '華為'],
    ]);
  });

  it('still finds an entry another tab renamed after the form showed it', () => {
    const { lines, values } = opened(nvidia);
    const renamed = { ...huawei, names: { en: 'Huawei Technologies' } };
    const now = [nvidia, renamed, deepseek];
    expect(readRelated(values, contextFor(now, nvidia, lines), 'nvidia')).toEqual({ ids: ['huawei', 'deepseek'] });
    // Without the lines shown, the old name is no entry's.
    expect(readRelated(values, packLookup(now, 'nvidia'), 'nvidia')).toEqual({
      ids: [],
      unknown: 'Huawei',
    });
    // A line shown for an entry another tab deleted since is left out, not refused: the reader
    // did not write it, and reopened, the entry would not show it.
    expect(
      readRelated(values, { ...packLookup([nvidia, deepseek], 'nvidia'), shownLines: shownLines(lines) }, 'nvidia'),
    ).toEqual({ ids: ['deepseek'] });
  });

  it('keeps another tab’s related entries when this form left the field as shown', () => {
    const { lines, values } = opened(nvidia);
    const storedNow = { ...nvidia, related: ['deepseek'] };
    const ctx = { ...contextFor(entries, storedNow, lines), shown: nvidia };
    expect(fieldsChangedInBoth(values, ctx)).toEqual([]);
    expect(validateForm({ ...values, section: 'Chips' }, ctx).entry?.related).toEqual(['deepseek']);
    // Changed here too, to something else: the reader is asked.
    expect(fieldsChangedInBoth({ ...values, related: 'Huawei' }, ctx)).toEqual(['related']);
  });

  it('reads a line as the entry it was shown for, though another tab gave that name to another entry since', () => {
    const { lines, values } = opened(nvidia);
    // Huawei renamed, and its old English name given to DeepSeek.
    const renamed = { ...huawei, names: { en: 'Huawei Technologies' } };
    const taker = { ...deepseek, aliases: ['Huawei'] };
    const now = [nvidia, renamed, taker];
    expect(readRelated(values, contextFor(now, nvidia, lines), 'nvidia')).toEqual({ ids: ['huawei', 'deepseek'] });
    // A line shown for an entry deleted since is not read as the entry that has the name now.
    const gone = { ...packLookup([nvidia, taker], 'nvidia'), shownLines: shownLines(lines) };
    expect(readRelated({ ...values, related: 'Huawei' }, gone, 'nvidia')).toEqual({ ids: [] });
  });

  it('still reads the lines shown before a save that the reader’s draft holds, beside those shown after it', () => {
    const before = shownLines(new Map([['huawei', 'Huawei']]));
    const after = shownLines(new Map([['huawei', 'Huawei Technologies']]), before);
    const renamed = { ...huawei, names: { en: 'Huawei Technologies' } };
    const lookup = { ...packLookup([nvidia, renamed, deepseek], 'nvidia'), shownLines: after };
    const values = { ...opened(nvidia).values, related: 'Huawei\nHuawei Technologies' };
    expect(readRelated(values, lookup, 'nvidia')).toEqual({ ids: ['huawei'] });
  });

  it('takes a related entry listed twice as listed once: opening and saving is no edit', () => {
    const twice = { ...nvidia, related: ['huawei', 'huawei', 'deepseek'] };
    const list = [twice, huawei, deepseek];
    const lines = relatedLines(list, twice, 'en');
    const values = formValuesFrom(twice, 'bundled', { relatedLine: (id) => lines.get(id) });
    const ctx = contextFor(list, twice, lines);
    expect(validateForm(values, ctx).entry).toEqual(twice);
    // Another tab's change to the list is its own, not one made here too.
    const storedNow = { ...twice, related: ['deepseek'] };
    expect(fieldsChangedInBoth(values, { ...contextFor(list, storedNow, lines), shown: twice })).toEqual([]);
  });

  it('reads a list written on one line, as the hint lists its examples, where each part is an entry', () => {
    const ctx = contextFor(entries, nvidia);
    const read = (related: string) => readRelated({ ...opened(nvidia).values, related }, ctx, 'nvidia');
    expect(read('DeepSeek, 华为')).toEqual({ ids: ['deepseek', 'huawei'] });
    expect(read('华为、深度求索；Huawei')).toEqual({ ids: ['huawei', 'deepseek'] });
    // A part that is no entry names the whole line; one that is this entry is refused as ever.
    expect(read('DeepSeek, Moonshot')).toEqual({ ids: [], unknown: 'DeepSeek, Moonshot' });
    expect(read('DeepSeek, Nvidia')).toEqual({ ids: [], self: true });
    // A name with a comma in it is still one name.
    const comma = entry('comma', { term: 'Arm Holdings, plc', aliases: [] });
    const lookup = packLookup([nvidia, huawei, deepseek, comma], 'nvidia');
    expect(readRelated({ ...opened(nvidia).values, related: 'Arm Holdings, plc' }, lookup, 'nvidia')).toEqual({
      ids: ['comma'],
    });
    // Beside other names on one line too, wherever it stands in the list.
    const listed = (related: string) => readRelated({ ...opened(nvidia).values, related }, lookup, 'nvidia');
    expect(listed('DeepSeek, Arm Holdings, plc, 华为')).toEqual({ ids: ['deepseek', 'comma', 'huawei'] });
    expect(listed('Arm Holdings, plc、DeepSeek')).toEqual({ ids: ['comma', 'deepseek'] });
    expect(listed('華為,, DeepSeek,')).toEqual({ ids: ['huawei', 'deepseek'] });
    expect(listed('Arm Holdings, DeepSeek')).toEqual({ ids: [], unknown: 'Arm Holdings, DeepSeek' });
    // More parts than a Related field holds (64, a comma in each): no list, not cut every way.
    const many = Array.from({ length: 129 }, () => 'DeepSeek').join(', ');
    expect(listed(many)).toEqual({ ids: [], tooMany: true });
    expect(listed(Array.from({ length: 64 }, () => 'DeepSeek').join(', '))).toEqual({ ids: ['deepseek'] });
  });

  it('refuses a field naming more entries than it holds, one line or many, as too many', () => {
    const others = Array.from({ length: 65 }, (_, i) => entry(`other-${i}`, { term: `Other ${i}`, aliases: [] }));
    const list = [nvidia, huawei, deepseek, ...others];
    const ctx = contextFor(list, nvidia);
    const values = (related: string) => ({ ...opened(nvidia).values, related });
    const names = others.map((e) => e.term);
    const tooMany = [{ field: 'related', key: 'editorErrorRelatedTooMany', subs: [64] }];
    // 65 names on one line, or on two: more than the 64 a pack's entry may name.
    expect(validateForm(values(names.join(', ')), ctx).errors).toEqual(tooMany);
    expect(validateForm(values(`${names.slice(0, 30).join('、')}\n${names.slice(30).join('、')}`), ctx).errors).toEqual(
      tooMany,
    );
    // 64 are saved.
    expect(validateForm(values(names.slice(0, 64).join(', ')), ctx).entry?.related).toHaveLength(64);
    // More parts than could be names on one line: too many, not "no entry".
    const parts = Array.from({ length: 129 }, (_, i) => names[i % 65]).join(', ');
    expect(validateForm(values(parts), ctx).errors).toEqual(tooMany);
  });
});
