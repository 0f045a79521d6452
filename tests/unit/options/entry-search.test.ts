import { describe, expect, it } from 'vitest';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { buildListItems, filterItems, type ListFilter } from '../../../src/options/entry-search';
import type { Entry } from '../../../src/glossary/schema';
import type { UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry, pack } from '../glossary-store/fixtures';

const all: ListFilter = { query: '', category: '', state: 'all', packId: '' };

/** A layer that adds `entries` to the bundled pack. */
function withAdded(...entries: Entry[]): UserLayer {
  return { overlays: [{ packId: 'bundled', enabled: true, edits: [], removed: [], added: entries }], userPacks: [] };
}

function items(layer: UserLayer = { overlays: [], userPacks: [] }) {
  return buildListItems(mergeGlossary(sourcePacks([bundledV1()], layer), layer));
}

describe('entry search', () => {
  it('finds an entry from a name written in another script', () => {
    // 輝達's entry has the alias 英偉達; the reader types the Simplified 英伟达.
    expect(filterItems(items(), { ...all, query: '英伟达' }).items.map((i) => i.entry.id)).toEqual(['nvidia']);
    expect(filterItems(items(), { ...all, query: '辉达' }).items.map((i) => i.entry.id)).toEqual(['nvidia']);
  });

  it('finds a name written as a page writes it, with a plural or possessive ending', () => {
    const ids = (query: string) => filterItems(items(), { ...all, query }).items.map((i) => i.entry.id);
    expect(ids('Nvidias')).toEqual(['nvidia']);
    expect(ids("Nvidia's")).toEqual(['nvidia']);
    expect(ids('Huawei’s')).toEqual(['huawei']);
    // Only after a Latin letter or digit: a Chinese name takes no English ending.
    expect(ids('華為s')).toEqual([]);
  });

  it('finds a name copied from a page with the punctuation around it', () => {
    const ids = (query: string) => filterItems(items(), { ...all, query }).items.map((i) => i.entry.id);
    expect(ids('Nvidia,')).toEqual(['nvidia']);
    expect(ids('「英伟达」')).toEqual(['nvidia']);
    expect(ids(' (Huawei’s) ')).toEqual(['huawei']);
    // Punctuation alone is a query like any other, not an empty one that lists everything.
    expect(ids('，').length).toBeLessThan(ids('').length);
  });

  it('finds an entry from words that are apart in it, in any order, after the entries that hold the whole query', () => {
    const layer = withAdded(
      entry('h20', { term: 'H20', context: { en: 'A chip cut down for export to China.' } }),
      entry('robin-li', { term: 'Robin Li', aliases: ['李彥宏'] }),
      entry('chip-note', { context: { en: 'Mentions the H20 chip by name.' } }),
      entry('zhipu', { term: 'Zhipu', context: { 'zh-Hant': '北京的一家新創公司。' } }),
    );
    const ids = (query: string) => filterItems(items(layer), { ...all, query }).items.map((i) => i.entry.id);
    expect(ids('li robin')).toEqual(['robin-li']);
    expect(ids('chip h20')).toEqual(['h20', 'chip-note']);
    // The whole query in a note comes first.
    expect(ids('h20 chip')).toEqual(['chip-note', 'h20']);
    // A name copied with the word after it in the page (a particle, no space between).
    expect(ids('Zhipu的')).toEqual(['zhipu']);
    // A Chinese name with its particle after it, in either script, no space between.
    expect(ids('李彦宏的')).toEqual(['robin-li']);
    expect(ids('李彥宏在')).toEqual(['robin-li']);
    expect(ids('「李彦宏」和')).toEqual(['robin-li']);
    expect(ids('h20 ,')).toEqual(ids('h20'));
    // Every word must be there.
    expect(ids('h20 quokka')).toEqual([]);
  });

  it('reads a space where Chinese meets Latin as the matcher does: none', () => {
    const layer = withAdded(
      // Each word of the query, apart: found by its words, so after the entries holding the whole query.
      entry('words-apart', { term: 'Words apart', context: { 'zh-Hant': '公司在中國做 AI，也買晶片。' } }),
      entry('ai-chips', { term: 'AI晶片', context: { en: 'Chips for training models.' } }),
      entry('china-ai', { term: 'China AI', context: { 'zh-Hant': '談中國 AI 公司的處境。' } }),
    );
    const ids = (query: string) => filterItems(items(layer), { ...all, query }).items.map((i) => i.entry.id);
    // In a name, typed either way.
    expect(ids('AI 晶片')).toEqual(['ai-chips', 'words-apart']);
    expect(ids('AI晶片')).toEqual(['ai-chips', 'words-apart']);
    // In a note, written either way.
    expect(ids('中國AI公司')).toEqual(['china-ai', 'words-apart']);
    expect(ids('中國 AI 公司')).toEqual(['china-ai', 'words-apart']);
  });

  it('lists an entry called the query first, then one with a name that begins with it, whatever the pack’s order', () => {
    const layer = withAdded(
      entry('ai-chips', { term: 'AI芯片' }),
      entry('chip-ban', { term: '芯片禁令', aliases: ['晶片禁令'] }),
      entry('chips', { term: '晶片', aliases: ['芯片'] }),
      entry('chip-note', { term: 'Note', context: { 'zh-Hans': '谈芯片。' } }),
    );
    const ids = (query: string) => filterItems(items(layer), { ...all, query }).items.map((i) => i.entry.id);
    expect(ids('芯片')).toEqual(['chips', 'chip-ban', 'ai-chips', 'chip-note']);
    // By the name in the query without its particle too.
    expect(ids('芯片和')).toEqual(['chips', 'chip-ban', 'ai-chips', 'chip-note']);
    // A Latin name and its plural.
    const latin = withAdded(
      entry('gpu-cluster', { term: 'GPU cluster' }),
      entry('data-center-gpu', { term: 'Data-center GPU' }),
      entry('gpu', { term: 'GPU' }),
    );
    const latinIds = (query: string) => filterItems(items(latin), { ...all, query }).items.map((i) => i.entry.id);
    expect(latinIds('gpu')).toEqual(['gpu', 'gpu-cluster', 'data-center-gpu']);
    expect(latinIds('GPUs')).toEqual(['gpu', 'gpu-cluster', 'data-center-gpu']);
  });

  it('finds a plural in notes as in names', () => {
    const layer = withAdded(entry('other', { context: { en: 'Sells one GPU to every lab.' } }));
    expect(filterItems(items(layer), { ...all, query: 'GPUs' }).items.map((i) => i.entry.id)).toEqual(['other']);
  });

  it('finds a phrase within one note, not across the end of one language’s note and the start of the next', () => {
    const layer = withAdded(
      entry('across', { context: { en: 'Cut off from chips.', 'zh-Hant': 'Ascend 晶片。' } }),
      entry('within', { context: { en: 'Its chips. Ascend next.' } }),
    );
    const ids = (query: string) => filterItems(items(layer), { ...all, query }).items.map((i) => i.entry.id);
    // Both hold the words; only one note holds the phrase, and that entry is listed first.
    expect(ids('chips. ascend')).toEqual(['within', 'across']);
  });

  it('ignores case and width, and ranks name matches before note matches', () => {
    const layer = withAdded(entry('other', { context: { en: 'Compared with ＤＥＥＰＳＥＥＫ.' } }));
    expect(filterItems(items(layer), { ...all, query: 'deepseek' }).items.map((i) => i.entry.id)).toEqual([
      'deepseek',
      'other',
    ]);
  });

  it('counts matches per category before filtering by category', () => {
    const layer = withAdded(entry('policy-x', { category: 'policy' }));
    const result = filterItems(items(layer), { ...all, category: 'policy' });
    expect(result.items.map((i) => i.entry.id)).toEqual(['policy-x']);
    expect(result.total).toBe(4);
    expect(Object.fromEntries(result.categoryCounts)).toEqual({ company: 3, policy: 1 });
  });

  it('lists deleted entries only when asked, and edited or added ones on their own', () => {
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'bundled',
          enabled: true,
          added: [entry('mine')],
          removed: ['huawei'],
          edits: [{ id: 'nvidia', patch: { term: 'NVIDIA' } }],
        },
      ],
      userPacks: [],
    };
    const ids = (state: ListFilter['state']) =>
      filterItems(items(layer), { ...all, state }).items.map((i) => i.entry.id);
    expect(ids('all')).toEqual(['nvidia', 'deepseek', 'mine']);
    expect(ids('deleted')).toEqual(['huawei']);
    expect(ids('edited')).toEqual(['nvidia']);
    expect(ids('added')).toEqual(['mine']);
  });

  it('shows a switched-off pack only when that pack is chosen', () => {
    const layer: UserLayer = {
      overlays: [{ packId: 'extra', enabled: false, added: [], removed: [], edits: [] }],
      userPacks: [pack('extra', [entry('smic')])],
    };
    expect(filterItems(items(layer), all).items.map((i) => i.key)).not.toContain('extra/smic');
    expect(filterItems(items(layer), { ...all, packId: 'extra' }).items.map((i) => i.key)).toEqual(['extra/smic']);
  });

  it('filters 10,000 entries quickly enough to run on every keystroke', () => {
    const many = pack(
      'big',
      Array.from({ length: 10_000 }, (_, i) => entry(`e${i}`, { term: `名稱${i}`, aliases: [`Name ${i}`] })),
    );
    const list = buildListItems(
      mergeGlossary(sourcePacks([many], { overlays: [], userPacks: [] }), { overlays: [], userPacks: [] }),
    );
    const start = performance.now();
    const result = filterItems(list, { ...all, query: 'name 9999' });
    const elapsed = performance.now() - start;
    expect(result.items.map((i) => i.entry.id)).toEqual(['e9999']);
    // Generous bound (shared CI machines): one keystroke must never stall the page.
    expect(elapsed).toBeLessThan(250);
  });
});
