import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { translator } from '../../../src/i18n';
import type { ReaderLanguage } from '../../../src/i18n/language';
import { aliasesFrom, formValuesFrom, type FormValues } from '../../../src/options/entry-form-values';
import { fieldErrorText, makeId, validateForm } from '../../../src/options/entry-form-validate';
import { formContextFor } from '../../../src/options/form-context';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry } from '../glossary-store/fixtures';

const bundled = bundledV1();
const merged = mergeGlossary(sourcePacks([bundled], { overlays: [], userPacks: [] }), { overlays: [], userPacks: [] });
/** The form's context for `original` (or a new entry) in the bundled pack, for a reader of `language`. */
const contextFor = (original?: Entry, language: ReaderLanguage = 'en', glossary = merged) =>
  formContextFor(glossary, 'bundled', original, language);

function newValues(change: Partial<FormValues> = {}): FormValues {
  return {
    ...formValuesFrom(undefined, 'bundled'),
    term: 'Moonshot AI',
    notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'A note.' },
    ...change,
  };
}

describe('validateForm', () => {
  it('turns valid values into a schema entry with an id made from the name', () => {
    const { entry: result, errors } = validateForm(newValues({ aliases: '月之暗面\n\nKimi\n' }), contextFor());
    expect(errors).toEqual([]);
    expect(result).toEqual({
      id: 'moonshot-ai',
      term: 'Moonshot AI',
      aliases: ['月之暗面', 'Kimi'],
      category: 'concept',
      context: { en: 'A note.' },
    });
  });

  it('names each problem next to its field', () => {
    const values = newValues({
      id: 'Bad Id',
      term: '',
      aliases: 'Nvidia',
      notes: { 'zh-Hant': '', 'zh-Hans': '', en: '' },
      related: 'nowhere',
    });
    const { entry: result, errors } = validateForm(values, contextFor());
    expect(result).toBeUndefined();
    expect(errors).toEqual([
      { field: 'id', key: 'editorErrorIdFormat', subs: [] },
      { field: 'term', key: 'editorErrorTermEmpty', subs: [] },
      { field: 'aliases', key: 'editorErrorAliasTaken', subs: ['Nvidia', '輝達'] },
      { field: 'notes.zh-Hant', key: 'editorErrorNoteMissing', subs: [] },
      { field: 'related', key: 'editorErrorRelatedUnknown', subs: ['nowhere'] },
    ]);
  });

  it('takes related entries by id or by any of their names, in any script, and saves ids', () => {
    const values = newValues({ related: '英伟达\nhuawei\nDEEPSEEK\n華為' });
    const { entry: result, errors } = validateForm(values, contextFor());
    expect(errors).toEqual([]);
    expect(result!.related).toEqual(['nvidia', 'huawei', 'deepseek']);
    // A name no entry of the pack has is named in the error; so is the entry itself, by any name.
    expect(validateForm(newValues({ related: '英伟达\nMoonshot' }), contextFor()).errors).toEqual([
      { field: 'related', key: 'editorErrorRelatedUnknown', subs: ['Moonshot'] },
    ]);
    const nvidia = bundled.entries[0]!;
    const own = { ...formValuesFrom(nvidia, 'bundled'), related: 'huawei\nNVIDIA' };
    expect(validateForm(own, contextFor(nvidia)).errors).toEqual([
      { field: 'related', key: 'editorErrorRelatedSelf', subs: [] },
    ]);
  });

  it('compares names after folding: 华为 is taken by 華為', () => {
    const { errors } = validateForm(newValues({ aliases: '华为' }), contextFor());
    expect(errors).toEqual([{ field: 'aliases', key: 'editorErrorAliasTaken', subs: ['华为', '華為'] }]);
  });

  it('compares names as the matcher reads them: "AI 晶片" is taken by "AI晶片"', () => {
    const layer = saveEntry(emptyUserLayer(), bundled, entry('ai-chips', { term: 'AI晶片', aliases: ['AI芯片'] }));
    const withChips = mergeGlossary(sourcePacks([bundled], layer), layer);
    const { errors } = validateForm(newValues({ aliases: 'AI 晶片\nAI chip' }), contextFor(undefined, 'en', withChips));
    expect(errors).toEqual([{ field: 'aliases', key: 'editorErrorAliasTaken', subs: ['AI 晶片', 'AI晶片'] }]);
  });

  it('names the pack of an entry that goes by the taken name alone', () => {
    const layer = saveEntry(emptyUserLayer(), bundled, entry('quokka', { term: 'Quokka', aliases: [] }));
    const withQuokka = mergeGlossary(sourcePacks([bundled], layer), layer);
    const { errors } = validateForm(newValues({ term: 'Quokka' }), contextFor(undefined, 'en', withQuokka));
    expect(errors).toEqual([{ field: 'term', key: 'editorErrorNameTakenInPack', subs: ['Quokka', bundled.title] }]);
  });

  it('reports a note that is too long, a one-character name and a taken id', () => {
    const values = newValues({
      id: 'huawei',
      aliases: 'X',
      notes: { 'zh-Hant': '長'.repeat(1_201), 'zh-Hans': '', en: 'ok' },
    });
    const { errors } = validateForm(values, contextFor());
    expect(errors).toEqual([
      { field: 'id', key: 'editorErrorIdTaken', subs: ['huawei'] },
      { field: 'aliases', key: 'editorErrorNameShort', subs: ['X'] },
      { field: 'notes.zh-Hant', key: 'editorErrorNoteLong', subs: [1201, 1200, 1] },
    ]);
  });

  it('saving an untouched pack entry gives back the stored entry exactly', () => {
    const original = bundled.entries[0]!;
    const values = formValuesFrom(original, 'bundled');
    const { entry: result } = validateForm(values, contextFor(original));
    expect(result).toEqual(original);
  });

  it('keeps what another tab saved in the fields this form left as it showed them', () => {
    // The form opened on huawei; another tab then added an alias and saved.
    const shown = bundled.entries[1]!;
    const storedNow = { ...shown, aliases: ['Huawei', 'Huawei Inc'] };
    const ctx = { ...contextFor(storedNow), shown };
    // Saved untouched: what is stored now stays.
    expect(validateForm(formValuesFrom(shown, 'bundled'), ctx).entry).toEqual(storedNow);
    // Only the note changed here: the other tab's alias stays, and the note is this form's.
    const values = formValuesFrom(shown, 'bundled');
    const noted = validateForm({ ...values, notes: { ...values.notes, en: 'Shenzhen.' } }, ctx).entry;
    expect(noted?.aliases).toEqual(['Huawei', 'Huawei Inc']);
    expect(noted?.context).toEqual({ en: 'Shenzhen.' });
    // The aliases changed here too: this form's list wins, as the reader wrote it.
    const aliased = validateForm({ ...values, aliases: 'Huawei\nHW' }, ctx).entry;
    expect(aliased?.aliases).toEqual(['Huawei', 'HW']);
  });

  it("keeps another tab's note and name in a language this form left as it showed them", () => {
    // The form opened on huawei; another tab then rewrote its English note and English name.
    const shown = bundled.entries[1]!;
    const storedNow: Entry = {
      ...shown,
      names: { ...shown.names, en: 'Huawei Technologies' },
      context: { ...(shown.context as object), en: 'Written in another tab.' },
    };
    const ctx = { ...contextFor(storedNow), shown };
    const values = formValuesFrom(shown, 'bundled');
    // Here only the Traditional Chinese note and name change.
    const saved = validateForm(
      {
        ...values,
        names: { ...values.names, 'zh-Hant': '華為技術' },
        notes: { ...values.notes, 'zh-Hant': '這一頁寫的說明。' },
      },
      ctx,
    ).entry;
    expect(saved?.context).toEqual({ ...(storedNow.context as object), 'zh-Hant': '這一頁寫的說明。' });
    expect(saved?.names).toEqual({ ...storedNow.names, 'zh-Hant': '華為技術' });
    // The same language changed in both: this form's text wins, as for any field.
    const both = validateForm({ ...values, notes: { ...values.notes, en: 'Written here.' } }, ctx).entry;
    expect((both?.context as Record<string, string>).en).toBe('Written here.');
  });

  it('keeps a string note as it was unless the reader edits it', () => {
    const original = entry('solo', { context: '一段只有一種語言的說明。' });
    const ctx = { ...contextFor(), original };
    const values = formValuesFrom(original, 'bundled');
    expect(values.notes['zh-Hant']).toBe('一段只有一種語言的說明。');
    expect(validateForm(values, ctx).entry?.context).toBe('一段只有一種語言的說明。');
    const edited = { ...values, notes: { ...values.notes, en: 'Now in English too.' } };
    expect(validateForm(edited, ctx).entry?.context).toEqual({
      'zh-Hant': '一段只有一種語言的說明。',
      en: 'Now in English too.',
    });
  });

  it('lets a pack entry keep a name another pack also uses (only new names are checked)', () => {
    const original = bundled.entries[1]!;
    const ctx = {
      ...contextFor(original),
      nameOwners: new Map([['huawei', { id: 'other', packId: 'p', name: 'Other', term: 'Other', pack: 'Pack p' }]]),
    };
    const values = { ...formValuesFrom(original, 'bundled'), notes: { 'zh-Hant': '', 'zh-Hans': '', en: 'Changed.' } };
    expect(validateForm(values, ctx).errors).toEqual([]);
  });
});

describe('notes', () => {
  it('keeps a note in a language the form does not show when another note is edited', () => {
    const context = { en: 'The chip designer.', 'zh-Hant': '晶片設計公司。', ja: 'チップ設計会社。' };
    const original = entry('chip-co', { context: context as never });
    const values = formValuesFrom(original, 'bundled');
    const edited = validateForm({ ...values, notes: { ...values.notes, en: 'Edited.' } }, contextFor(original));
    expect(edited.errors).toEqual([]);
    expect(edited.entry?.context).toEqual({ ...context, en: 'Edited.' });
    // Cleared in every language the form shows: the reader is asked for one, not left with `ja` alone.
    const cleared = validateForm({ ...values, notes: { 'zh-Hant': '', 'zh-Hans': '', en: '' } }, contextFor(original));
    expect(cleared.errors.map((e) => e.key)).toEqual(['editorErrorNoteMissing']);
  });
});

describe('display names', () => {
  const named = entry('moonshot', {
    term: '月之暗面',
    names: { en: 'Moonshot AI', ja: 'ムーンショット' } as never,
    aliases: ['Moonshot AI'],
  });
  const names = (change: Partial<FormValues['names']>) => ({ 'zh-Hant': '', 'zh-Hans': '', en: '', ...change });

  it('reads, writes and clears the names per language, keeping keys the form does not show', () => {
    const ctx = contextFor(named);
    const values = formValuesFrom(named, 'bundled');
    expect(values.names).toEqual(names({ en: 'Moonshot AI' }));
    expect(validateForm(values, ctx).entry).toEqual(named);
    const edited = validateForm({ ...values, names: names({ 'zh-Hans': ' 月之暗面科技 ', en: 'Moonshot AI' }) }, ctx);
    expect(edited.entry?.names).toEqual({ 'zh-Hans': '月之暗面科技', en: 'Moonshot AI', ja: 'ムーンショット' });
    const cleared = validateForm({ ...values, names: names({}) }, ctx);
    expect(cleared.errors).toEqual([]);
    expect(cleared.entry).not.toHaveProperty('names');
  });

  it('checks a display name like any name: its length, and whether another entry has it', () => {
    const { errors } = validateForm(newValues({ names: names({ 'zh-Hans': '英', en: 'Nvidia' }) }), contextFor());
    expect(errors).toEqual([
      { field: 'names.zh-Hans', key: 'editorErrorNameShort', subs: ['英'] },
      { field: 'names.en', key: 'editorErrorAliasTaken', subs: ['Nvidia', '輝達'] },
    ]);
  });

  it('counts an entry’s display names among the names other entries cannot take', () => {
    const nvidia = { ...bundled.entries[0]!, names: { en: 'Green Team' } };
    const layer = { overlays: [], userPacks: [] };
    const withName = mergeGlossary(
      sourcePacks([{ ...bundled, entries: [nvidia, ...bundled.entries.slice(1)] }], layer),
      layer,
    );
    const values = newValues({ aliases: 'green team' });
    expect(validateForm(values, contextFor()).errors).toEqual([]);
    // The owner goes by its name for the reader, written as it is, where the name taken is that
    // name written otherwise…
    expect(validateForm(values, contextFor(undefined, 'en', withName)).errors).toEqual([
      { field: 'aliases', key: 'editorErrorAliasTaken', subs: ['green team', 'Green Team'] },
    ]);
    // …by its pack, never by its term (輝達, to an English reader), where it is that very name…
    expect(validateForm(newValues({ aliases: 'Green Team' }), contextFor(undefined, 'en', withName)).errors).toEqual([
      { field: 'aliases', key: 'editorErrorNameTakenInPack', subs: ['Green Team', bundled.title] },
    ]);
    // …and otherwise as the editor's list names it for its reader.
    const alias = newValues({ aliases: '英偉達' });
    expect(validateForm(alias, contextFor(undefined, 'en', withName)).errors).toEqual([
      { field: 'aliases', key: 'editorErrorAliasTaken', subs: ['英偉達', 'Green Team'] },
    ]);
    expect(validateForm(alias, contextFor(undefined, 'zh-Hant', withName)).errors).toEqual([
      { field: 'aliases', key: 'editorErrorAliasTaken', subs: ['英偉達', '輝達'] },
    ]);
  });
});

describe('a rule only the schema checks', () => {
  it('is shown at its field in the reader’s language (half a character pasted into the name)', () => {
    const { entry: refused, errors } = validateForm(newValues({ term: 'Moon\ud800shot' }), contextFor());
    expect(refused).toBeUndefined();
    expect(errors.map((e) => [e.field, e.key])).toEqual([['term', 'editorErrorInvalid']]);
    expect(fieldErrorText(translator('en'), errors[0]!)).toMatch(/half of a character/);
    const hant = fieldErrorText(translator('zh-Hant'), errors[0]!);
    const hans = fieldErrorText(translator('zh-Hans'), errors[0]!);
    expect(hant).not.toBe(hans);
    for (const message of [hant, hans]) expect(message).not.toMatch(/[a-z]{4}/i);
  });
});

describe('a section typed in', () => {
  it('is kept whole and refused when too long, saying by how much, in the reader’s language', () => {
    const section = 'A section title pasted from somewhere. '.repeat(6).trim();
    const { entry: refused, errors } = validateForm(newValues({ section }), contextFor());
    expect(refused).toBeUndefined();
    expect(errors).toEqual([{ field: 'section', key: 'editorErrorSectionLong', subs: [233, 200, 33] }]);
    expect(fieldErrorText(translator('zh-Hans'), errors[0]!)).toBe(
      '这个段落标题有 233 个字符，比上限 200 个多了 33 个。',
    );
    expect(validateForm(newValues({ section: section.slice(0, 200) }), contextFor()).errors).toEqual([]);
  });
});

describe('the limit of other names', () => {
  it('counts the own names a "Whole words" choice is stored with, and says so in the reader’s language', () => {
    const aliases = Array.from({ length: 63 }, (_, i) => `Name ${i}`).join('\n');
    const names = { 'zh-Hant': '月之暗面', 'zh-Hans': '', en: '' };
    const ruled = newValues({ aliases, names, wholeWord: 'on' });
    const { entry: refused, errors } = validateForm(ruled, contextFor());
    expect(refused).toBeUndefined();
    expect(errors).toEqual([{ field: 'aliases', key: 'editorErrorTooManyWithRule', subs: [64, 63, 2] }]);
    expect(fieldErrorText(translator('zh-Hant'), errors[0]!)).toBe(
      '名稱總數最多 64 個：這裡的 63 行，加上「完整字詞」設定一併儲存的本條目 2 個名稱。請刪去幾行，或改選「自動」。',
    );
    // Automatic stores no rule, so the same lines fit; one line fewer fits with the rule too.
    expect(validateForm({ ...ruled, wholeWord: 'auto' }, contextFor()).errors).toEqual([]);
    const fewer = { ...ruled, aliases: aliases.split('\n').slice(1).join('\n') };
    expect(validateForm(fewer, contextFor()).entry?.aliases).toHaveLength(64);
  });
});

describe('further-reading links', () => {
  const linked = entry('linked', {
    links: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'en' }],
  });

  it('shows each link as its title, its language and its address, and saves an untouched list exactly', () => {
    const ctx = contextFor(linked);
    const values = formValuesFrom(linked, 'bundled');
    expect(values.links).toBe('Wikipedia [en] https://en.wikipedia.org/wiki/Nvidia');
    expect(validateForm(values, ctx).entry).toEqual(linked);
  });

  it('reads a title and an address per line, an address alone titled by its host, and keeps a line as stored', () => {
    const ctx = contextFor(linked);
    const values = {
      ...formValuesFrom(linked, 'bundled'),
      links:
        'Wikipedia [en] https://en.wikipedia.org/wiki/Nvidia\n  Company site  https://www.nvidia.com/ \nhttps://zh.wikipedia.org/wiki/輝達',
    };
    expect(validateForm(values, ctx).entry?.links).toEqual([
      { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'en' },
      { title: 'Company site', url: 'https://www.nvidia.com/' },
      { title: 'zh.wikipedia.org', url: 'https://zh.wikipedia.org/wiki/輝達' },
    ]);
    const cleared = validateForm({ ...values, links: '' }, ctx);
    expect(cleared.errors).toEqual([]);
    expect(cleared.entry).not.toHaveProperty('links');
  });

  describe("a link's language, in brackets before its address", () => {
    const hant = { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/英偉達', lang: 'zh-Hant' };
    const en = { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'en' };
    const saved = (stored: object[], typed: string[]) => {
      const linked = entry('linked-lang', { links: stored as never });
      const values = { ...formValuesFrom(linked, 'bundled'), links: typed.join('\n') };
      return validateForm(values, contextFor(linked)).entry?.links;
    };

    it('is shown on each stored link’s line and stays with it when its title or address is mended', () => {
      const linked = entry('linked-lang', { links: [hant, en] });
      expect(formValuesFrom(linked, 'bundled').links).toBe(
        '維基百科 [zh-Hant] https://zh.wikipedia.org/zh-tw/英偉達\nWikipedia [en] https://en.wikipedia.org/wiki/Nvidia',
      );
      expect(
        saved(
          [hant, en],
          [
            '維基百科（繁體） [zh-Hant] https://zh.wikipedia.org/zh-hk/輝達',
            'Wiki [en] https://en.wikipedia.org/wiki/Nvidia',
          ],
        ),
      ).toEqual([
        { title: '維基百科（繁體）', url: 'https://zh.wikipedia.org/zh-hk/輝達', lang: 'zh-Hant' },
        { ...en, title: 'Wiki' },
      ]);
    });

    it('is set, changed or taken off by the reader', () => {
      expect(
        saved(
          [en],
          [
            'Wikipedia https://en.wikipedia.org/wiki/Nvidia',
            '維基百科 [zh-TW] https://zh.wikipedia.org/zh-tw/輝達',
            '粵語維基 [yue] https://zh-yue.wikipedia.org/wiki/Nvidia',
            '[ja] https://ja.wikipedia.org/wiki/Nvidia',
          ],
        ),
      ).toEqual([
        { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia' },
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/輝達', lang: 'zh-TW' },
        { title: '粵語維基', url: 'https://zh-yue.wikipedia.org/wiki/Nvidia', lang: 'yue' },
        { title: 'ja.wikipedia.org', url: 'https://ja.wikipedia.org/wiki/Nvidia', lang: 'ja' },
      ]);
      expect(saved([hant], ['維基百科 [zh-Hans] https://zh.wikipedia.org/zh-tw/英偉達'])).toEqual([
        { ...hant, lang: 'zh-Hans' },
      ]);
    });

    it('is read in the brackets a Chinese input method types, and in upper case with its region', () => {
      expect(
        saved(
          [],
          [
            '維基百科 【zh-TW】 https://zh.wikipedia.org/zh-tw/輝達',
            '维基百科［zh-CN］ https://zh.wikipedia.org/zh-cn/英伟达',
            'Wikipedia [EN-GB] https://en.wikipedia.org/wiki/Nvidia',
          ],
        ),
      ).toEqual([
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/輝達', lang: 'zh-TW' },
        { title: '维基百科', url: 'https://zh.wikipedia.org/zh-cn/英伟达', lang: 'zh-CN' },
        { title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Nvidia', lang: 'EN-GB' },
      ]);
    });

    it('is read where Chinese is typed without spaces, or in full-width letters', () => {
      expect(
        saved(
          [],
          [
            '維基百科［zh-TW］https://zh.wikipedia.org/zh-tw/輝達',
            '维基百科 ［ｚｈ－ＣＮ］ https://zh.wikipedia.org/zh-cn/英伟达',
          ],
        ),
      ).toEqual([
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/輝達', lang: 'zh-TW' },
        { title: '维基百科', url: 'https://zh.wikipedia.org/zh-cn/英伟达', lang: 'zh-CN' },
      ]);
    });

    it('is read from the Chinese word for a script or for English, and saved as its tag', () => {
      expect(
        saved(
          [],
          [
            '維基百科【繁體】https://zh.wikipedia.org/zh-tw/輝達',
            '维基百科 [简体中文] https://zh.wikipedia.org/zh-cn/英伟达',
            '路透社 ［英文］ https://www.reuters.com/',
          ],
        ),
      ).toEqual([
        { title: '維基百科', url: 'https://zh.wikipedia.org/zh-tw/輝達', lang: 'zh-Hant' },
        { title: '维基百科', url: 'https://zh.wikipedia.org/zh-cn/英伟达', lang: 'zh-Hans' },
        { title: '路透社', url: 'https://www.reuters.com/', lang: 'en' },
      ]);
      // 中文 names no script, and a title's own marker stays with it.
      expect(saved([], ['報導【中文】https://example.com/', '公告【公告】https://example.com/a'])).toEqual([
        { title: '報導【中文】', url: 'https://example.com/' },
        { title: '公告【公告】', url: 'https://example.com/a' },
      ]);
    });

    it('is refused, naming it, where a language tag was mistyped, rather than shown to every reader', () => {
      const linked = entry('linked-lang', {});
      for (const [line, tag] of [
        ['維基百科 [zh-TWW] https://zh.wikipedia.org/zh-tw/輝達', 'zh-TWW'],
        ['Guide [en-PDF] https://example.com/guide.pdf', 'en-PDF'],
        ['維基百科【zh-Hantt】https://zh.wikipedia.org/zh-tw/輝達', 'zh-Hantt'],
      ] as const) {
        const values = { ...formValuesFrom(linked, 'bundled'), links: line };
        const { entry: refused, errors } = validateForm(values, contextFor(linked));
        expect(refused).toBeUndefined();
        expect(errors).toEqual([{ field: 'links', key: 'editorErrorLinkLanguage', subs: [tag] }]);
      }
    });

    it('stays with an edited link where the browser cannot name it (Chromium names no zh-yue)', () => {
      // A private-use code no browser names stands for one: the entry's own language is kept.
      const own = { title: 'Wiki', url: 'https://example.org/a', lang: 'qaa' };
      expect(saved([own], ['Wiki [qaa] https://example.org/b'])).toEqual([{ ...own, url: 'https://example.org/b' }]);
      // A new link in it, where the entry has none: no language the browser knows, left in the title.
      expect(saved([], ['Wiki [qaa] https://example.org/b'])).toEqual([
        { title: 'Wiki [qaa]', url: 'https://example.org/b' },
      ]);
      // Only the language code is asked about: zh-yue is read by its zh.
      expect(saved([], ['粵語維基 [zh-yue] https://zh-yue.wikipedia.org/'])).toEqual([
        { title: '粵語維基', url: 'https://zh-yue.wikipedia.org/', lang: 'zh-yue' },
      ]);
    });

    it('leaves brackets that are no language in the title', () => {
      const titles = [
        'Annual report [PDF]',
        'Launch [New]',
        'Help [faq]',
        'Notes [zh TW]',
        'Chips [Chinese]',
        'Draft [v2]',
        '報告 【2024】',
      ];
      expect(
        saved(
          [],
          titles.map((t) => `${t} https://example.com/`),
        ),
      ).toEqual(titles.map((title) => ({ title, url: 'https://example.com/' })));
    });

    it('is shown as a tag is read, so a pack’s upper-case tag is kept through an edit', () => {
      const upper = { ...en, lang: 'EN-gb' };
      const line = formValuesFrom(entry('linked-lang', { links: [upper] }), 'bundled').links;
      expect(line).toBe('Wikipedia [en-gb] https://en.wikipedia.org/wiki/Nvidia');
      expect(saved([upper], [line])).toEqual([upper]);
      expect(saved([upper], [line.replace('Wikipedia', 'Wiki')])).toEqual([{ ...en, title: 'Wiki', lang: 'en-gb' }]);
    });
  });

  it('refuses a line without an http(s) address, naming it', () => {
    for (const line of [
      'Run javascript:alert(1)',
      'Just a title',
      'Relative /wiki/Nvidia',
      'File file:///etc/passwd',
    ]) {
      const { entry: result, errors } = validateForm(newValues({ links: line }), contextFor());
      expect(result).toBeUndefined();
      expect(errors).toEqual([{ field: 'links', key: 'editorErrorLink', subs: [line] }]);
    }
  });

  it('holds a link title to a name’s length, with a name’s message (not the schema’s)', () => {
    const title = 'T'.repeat(121);
    const { entry: result, errors } = validateForm(
      newValues({ links: `${title} https://example.com/a` }),
      contextFor(),
    );
    expect(result).toBeUndefined();
    expect(errors).toEqual([{ field: 'links', key: 'editorErrorNameLong', subs: [title, 120] }]);
    const fits = validateForm(newValues({ links: `${'T'.repeat(120)} https://example.com/a` }), contextFor());
    expect(fits.errors).toEqual([]);
  });
});

describe('long link addresses', () => {
  it('says in the reader’s language that an address is too long, with its length, not the schema’s English', () => {
    const url = `https://www.example.com/redirect?url=${'a'.repeat(2_100 - 37)}`;
    const { entry: result, errors } = validateForm(newValues({ links: `Reading ${url}` }), contextFor());
    expect(result).toBeUndefined();
    expect(errors).toEqual([{ field: 'links', key: 'editorErrorLinkLong', subs: ['Reading', 2_100, 2_000] }]);
    const [error] = errors;
    for (const language of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      const message = fieldErrorText(translator(language), error!);
      expect(message).toContain('2,100');
      expect(message).not.toMatch(/Too big|expected/);
    }
    expect(fieldErrorText(translator('zh-Hant'), error!)).toContain('網址');
    const fits = validateForm(newValues({ links: `Reading ${url.slice(0, 2_000)}` }), contextFor());
    expect(fits.errors).toEqual([]);
  });
});

describe('aliases and matching rules', () => {
  it('keeps an existing alias’s own rules and applies the whole-word choice to all', () => {
    const original = [{ text: 'Cohere', caseSensitive: true }, 'cohere.ai'];
    const values = {
      ...formValuesFrom(undefined, 'p'),
      aliases: 'Cohere\ncohere.ai\nCohere AI',
      wholeWord: 'on' as const,
    };
    expect(aliasesFrom(values, original)).toEqual([
      { text: 'Cohere', caseSensitive: true, wholeWord: true },
      { text: 'cohere.ai', wholeWord: true },
      { text: 'Cohere AI', wholeWord: true },
    ]);
    expect(aliasesFrom({ ...values, wholeWord: 'auto' }, original)).toEqual([
      { text: 'Cohere', caseSensitive: true },
      'cohere.ai',
      'Cohere AI',
    ]);
  });

  it('drops the term written again as a plain alias, not one with rules of its own', () => {
    const values = {
      ...formValuesFrom(undefined, 'p'),
      term: 'Own Alias Co',
      aliases: 'Own Alias Co\nown alias co\nOAC',
    };
    expect(aliasesFrom(values)).toEqual(['own alias co', 'OAC']);
    const inWords = [{ text: 'gen', wholeWord: false }];
    expect(aliasesFrom({ ...values, term: 'gen', aliases: 'gen', wholeWord: 'mixed' }, inWords)).toEqual(inWords);
  });

  it('shows "mixed" when aliases carry different whole-word rules, and keeps them', () => {
    const aliases = [
      { text: 'Arm', wholeWord: true },
      { text: 'Arm Holdings', wholeWord: false },
    ];
    const values = formValuesFrom(entry('arm', { aliases }), 'p');
    expect(values.wholeWord).toBe('mixed');
    expect(aliasesFrom(values, aliases)).toEqual(aliases);
  });
});

describe('makeId', () => {
  it('uses the first Latin name, and stays unique', () => {
    expect(makeId(['月之暗面', 'Moonshot AI'], new Set())).toBe('moonshot-ai');
    expect(makeId(['Moonshot AI'], new Set(['moonshot-ai', 'moonshot-ai-2']))).toBe('moonshot-ai-3');
    expect(makeId(['月之暗面'], new Set(), 0)).toBe('entry-0');
  });

  it('drops accents, and takes no id from the few Latin letters of a name in another script', () => {
    expect(makeId(['Échidna Systèmes'], new Set())).toBe('echidna-systemes');
    expect(makeId(['Платипус Ltd', 'Platypus'], new Set())).toBe('platypus');
    expect(makeId(['Платипус Ltd'], new Set(), 0)).toBe('entry-0');
  });

  it('makes a new entry’s id from its name, then its English name, before its other names', () => {
    const quokka = validateForm(newValues({ term: 'Quokka Robotics', aliases: 'QR Labs' }), contextFor());
    expect(quokka.entry?.id).toBe('quokka-robotics');
    const values = newValues({ term: '袋鼠科技', aliases: 'KT' });
    const kangaroo = validateForm({ ...values, names: { ...values.names, en: 'Kangaroo Tech' } }, contextFor());
    expect(kangaroo.entry?.id).toBe('kangaroo-tech');
  });
});
