import { describe, expect, it } from 'vitest';
import { exportPack, packFileText } from '../../../src/glossary-store/export-pack';
import { planImport } from '../../../src/glossary-store/import-plan';
import { deleteEntry, saveEntry } from '../../../src/glossary-store/layer-edits';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
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

  it('refuses an import that would push the pack over the entry limit', () => {
    const many = Array.from({ length: 9_999 }, (_, i) => entry(`e${i}`));
    const incoming = pack('bundled', many);
    const plan = planImport([bundled], emptyUserLayer(), incoming, 'merge');
    expect(plan).toEqual({ ok: false, reason: 'too-many-entries', count: 10_002 });
  });
});

describe('export', () => {
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
