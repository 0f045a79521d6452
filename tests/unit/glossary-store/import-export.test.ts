import { describe, expect, it } from 'vitest';
import { exportPack, packFileText } from '../../../src/glossary-store/export-pack';
import { planImport } from '../../../src/glossary-store/import-plan';
import { deleteEntry, saveEntry } from '../../../src/glossary-store/layer-edits';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { MAX_PACK_BYTES, parsePackText } from '../../../src/glossary/parse-pack';
import { packSchema } from '../../../src/glossary/schema';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry, pack } from './fixtures';

const bundled = bundledV1();
const mergedPacks = (layer: UserLayer) => mergeGlossary(sourcePacks([bundled], layer), layer).packs;

describe('planImport', () => {
  it('adds a pack with a new id as an imported pack', () => {
    const incoming = pack('extra', [entry('smic'), entry('ymtc')]);
    const plan = planImport([bundled], emptyUserLayer(), incoming, 'merge');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.preview.target).toBe('new');
    expect(plan.preview.added.map((e) => e.id)).toEqual(['smic', 'ymtc']);
    expect(plan.layer.userPacks.map((p) => p.id)).toEqual(['extra']);
  });

  it('merges into the bundled pack: new and changed entries, the rest left alone', () => {
    const incoming = pack('bundled', [entry('huawei', { term: 'Huawei 華為' }), entry('smic')]);
    const plan = planImport([bundled], emptyUserLayer(), incoming, 'merge');
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.preview.target).toBe('bundled');
    expect(plan.preview.added.map((e) => e.id)).toEqual(['smic']);
    expect(plan.preview.changed.map((c) => [c.before.term, c.after.term])).toEqual([['華為', 'Huawei 華為']]);
    expect(plan.preview.unchanged.map((e) => e.id)).toEqual(['nvidia', 'deepseek']);
    expect(plan.preview.removed).toEqual([]);
    expect(plan.layer.userPacks).toEqual([]);
  });

  it('in replace mode removes what the file lacks (restorable for a bundled pack)', () => {
    const incoming = pack('bundled', [bundled.entries[2]!]);
    const plan = planImport([bundled], emptyUserLayer(), incoming, 'replace');
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.preview.removed.map((e) => e.id)).toEqual(['nvidia', 'huawei']);
    expect(mergedPacks(plan.layer)[0]?.removed.map((e) => e.id)).toEqual(['nvidia', 'huawei']);
  });

  it('replaces a previously imported pack and forgets the old changes to it', () => {
    const first = planImport([bundled], emptyUserLayer(), pack('extra', [entry('smic')]), 'merge');
    if (!first.ok) throw new Error('plan failed');
    const edited = saveEntry(first.layer, first.layer.userPacks[0]!, entry('smic', { term: 'SMIC 中芯' }));
    const second = planImport([bundled], edited, pack('extra', [entry('ymtc')]), 'replace');
    if (!second.ok) throw new Error('plan failed');
    expect(second.preview.target).toBe('imported');
    expect(second.preview.removed.map((e) => e.id)).toEqual(['smic']);
    expect(second.layer.overlays.find((o) => o.packId === 'extra')).toBeUndefined();
  });

  it("keeps, in either mode, the reader's edits the pack no longer takes, still listed", () => {
    // An edit of an entry the pack has lost, one that no longer validates, and a good one.
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'bundled',
          enabled: true,
          added: [],
          removed: [],
          edits: [
            { id: 'gone', patch: { term: 'Kept' } },
            { id: 'huawei', patch: { term: '' } },
            { id: 'deepseek', patch: { term: 'DeepSeek' } },
          ],
        },
      ],
      userPacks: [],
    };
    const problems = (l: UserLayer) => mergeGlossary(sourcePacks([bundled], l), l).problems.map((p) => p.kind);
    expect(problems(layer)).toEqual(['edit-invalid', 'entry-gone']);
    const merged = planImport([bundled], layer, pack('bundled', [entry('smic')]), 'merge');
    if (!merged.ok) throw new Error('plan failed');
    expect(merged.preview.added.map((e) => e.id)).toEqual(['smic']);
    expect(merged.preview.changed).toEqual([]);
    expect(merged.layer.overlays[0]?.edits).toEqual(layer.overlays[0]!.edits);
    expect(problems(merged.layer)).toEqual(['edit-invalid', 'entry-gone']);
    // Replace keeps what it does not replace: the edit of the lost entry stays listed; the
    // entries the file rewrites take the file's version.
    const replaced = planImport([bundled], layer, pack('bundled', [...bundled.entries]), 'replace');
    if (!replaced.ok) throw new Error('plan failed');
    expect(replaced.layer.overlays[0]?.edits).toEqual([{ id: 'gone', patch: { term: 'Kept' } }]);
    expect(problems(replaced.layer)).toEqual(['entry-gone']);
  });

  it('merging into a deleted or added entry saves it as saving it in the editor would', () => {
    let layer = deleteEntry(emptyUserLayer(), bundled, 'huawei');
    layer = saveEntry(layer, bundled, entry('moonshot', { term: '月之暗面' }));
    layer = saveEntry(layer, bundled, entry('zhipu', { term: '智譜' }));
    const file = pack('bundled', [
      { ...bundled.entries[1]!, term: '華為技術' },
      entry('moonshot', { term: 'Moonshot AI' }),
    ]);
    const plan = planImport([bundled], layer, file, 'merge');
    if (!plan.ok) throw new Error('plan failed');
    const overlay = plan.layer.overlays[0]!;
    expect(overlay.removed).toEqual([]);
    expect(overlay.edits).toEqual([{ id: 'huawei', patch: { term: '華為技術' } }]);
    // The added entry the file updates keeps its place before the one it leaves alone.
    expect(overlay.added.map((e) => [e.id, e.term])).toEqual([
      ['moonshot', 'Moonshot AI'],
      ['zhipu', '智譜'],
    ]);
    // Deleted by the reader, brought back by the file: told apart from new entries.
    expect(plan.preview.added).toEqual([]);
    expect(plan.preview.restored.map((e) => e.id)).toEqual(['huawei']);
    // nvidia's link to huawei comes back with it.
    expect(plan.preview.changed.map((c) => c.after.id)).toEqual(['nvidia', 'moonshot']);
  });

  it('names the deleted entries a file brings back apart from its new ones, merged or replacing', () => {
    const layer = deleteEntry(emptyUserLayer(), bundled, 'huawei');
    const file = pack('bundled', [...bundled.entries, entry('quokka', { term: 'Quokka Robotics' })]);
    for (const mode of ['merge', 'replace'] as const) {
      const plan = planImport([bundled], layer, file, mode);
      if (!plan.ok) throw new Error('plan failed');
      expect(plan.preview.added.map((e) => e.id)).toEqual(['quokka']);
      expect(plan.preview.restored.map((e) => e.id)).toEqual(['huawei']);
    }
    // Without the deletion, the same file only adds.
    const plain = planImport([bundled], emptyUserLayer(), file, 'merge');
    if (!plain.ok) throw new Error('plan failed');
    expect(plain.preview.restored).toEqual([]);
    expect(plain.preview.added.map((e) => e.id)).toEqual(['quokka']);
  });

  it('a merge into an imported pack takes the sections of its new entries, which export keeps', () => {
    const first = planImport(
      [bundled],
      emptyUserLayer(),
      pack('extra', [entry('a', { section: 'Intro' })], ['Intro']),
      'merge',
    );
    if (!first.ok) throw new Error('plan failed');
    const v2 = pack('extra', [entry('b', { section: 'Part two' })], ['Intro', 'Part two']);
    const second = planImport([bundled], first.layer, v2, 'merge');
    if (!second.ok) throw new Error('plan failed');
    expect(second.layer.userPacks[0]?.source.sections).toEqual(['Intro', 'Part two']);
    const exported = exportPack(mergedPacks(second.layer).find((p) => p.pack.id === 'extra')!);
    expect(exported.entries.map((e) => [e.id, e.section])).toEqual([
      ['a', 'Intro'],
      ['b', 'Part two'],
    ]);
    expect(packSchema.safeParse(JSON.parse(packFileText(exported))).success).toBe(true);
  });

  it('refuses an import that would push the pack over the entry limit', () => {
    const many = Array.from({ length: 9_999 }, (_, i) => entry(`e${i}`));
    const incoming = pack('bundled', many);
    const plan = planImport([bundled], emptyUserLayer(), incoming, 'merge');
    expect(plan).toEqual({ ok: false, reason: 'too-many-entries', count: 10_002 });
  });
});

describe('export', () => {
  it('writes a large pack one entry a line, so that the file imports back, where indented it would be refused', () => {
    // 10,000 entries with six names and a note of 350 characters: 5.7 MB indented, 4.7 MB on one line each.
    const names = (i: number) => [`名${i}`, `名字${i}`, `Alias ${i}`, `A${i}`, `B${i}`, `C${i}`];
    const note = 'Nvidia chips. '.repeat(25);
    const large = pack(
      'large',
      Array.from({ length: 10_000 }, (_, i) => entry(`e${i}`, { term: `Name ${i}`, aliases: names(i), context: note })),
    );
    expect(new TextEncoder().encode(JSON.stringify(large, null, 2)).length).toBeGreaterThan(MAX_PACK_BYTES);
    const text = packFileText(large);
    const reread = parsePackText(text);
    expect(reread.ok && reread.pack).toEqual(packSchema.parse(large));
    expect(text.split('\n').filter((line) => line.startsWith('    {"id":"e'))).toHaveLength(10_000);
    // A small pack stays indented, one field a line.
    expect(packFileText(bundled)).toBe(`${JSON.stringify(bundled, null, 2)}\n`);
  });

  it('writes a valid pack that imports back with nothing to change, in either mode', () => {
    let layer = saveEntry(emptyUserLayer(), bundled, { ...bundled.entries[1]!, aliases: ['Huawei', 'HW'] });
    layer = saveEntry(layer, bundled, entry('moonshot', { term: '月之暗面' }));
    layer = deleteEntry(layer, bundled, 'huawei');
    const exported = exportPack(mergedPacks(layer)[0]!);
    const reread = packSchema.parse(JSON.parse(packFileText(exported)));
    // nvidia's link to the deleted huawei is dropped, so the file validates.
    expect(reread.entries.find((e) => e.id === 'nvidia')?.related).toBeUndefined();
    for (const mode of ['merge', 'replace'] as const) {
      const plan = planImport([bundled], layer, reread, mode);
      if (!plan.ok) throw new Error('plan failed');
      expect(plan.preview.added).toEqual([]);
      expect(plan.preview.changed).toEqual([]);
      expect(plan.preview.removed).toEqual([]);
      expect(mergedPacks(plan.layer)[0]?.entries.map((e) => e.entry)).toEqual(reread.entries);
    }
  });
});
