import { describe, expect, it } from 'vitest';
import {
  deleteEntry,
  removeUserPack,
  resetEntry,
  saveEntry,
  setPackEnabled,
  setPackEntries,
} from '../../../src/glossary-store/layer-edits';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry, pack } from './fixtures';

const bundled = bundledV1();
const entriesOf = (layer: UserLayer, packs = [bundled]) =>
  mergeGlossary(sourcePacks(packs, layer), layer).packs[0]?.entries.map((e) => e.entry) ?? [];

describe('saveEntry', () => {
  it('stores only the fields that differ from the pack entry', () => {
    const edited = { ...bundled.entries[1]!, aliases: ['Huawei', 'HW'] };
    const layer = saveEntry(emptyUserLayer(), bundled, edited);
    expect(layer.overlays[0]?.edits).toEqual([{ id: 'huawei', patch: { aliases: ['Huawei', 'HW'] } }]);
    expect(entriesOf(layer)[1]).toEqual(edited);
  });

  it('drops the stored edit when the entry is saved back to the pack’s version', () => {
    const once = saveEntry(emptyUserLayer(), bundled, { ...bundled.entries[1]!, term: '华为' });
    const back = saveEntry(once, bundled, bundled.entries[1]!);
    expect(back.overlays).toEqual([]);
  });

  it('stores a new entry whole, and renames it in place', () => {
    const added = saveEntry(emptyUserLayer(), bundled, entry('moonshot'));
    const renamed = saveEntry(saveEntry(added, bundled, entry('zhipu')), bundled, entry('kimi'), 'moonshot');
    expect(renamed.overlays[0]?.added.map((e) => e.id)).toEqual(['kimi', 'zhipu']);
  });

  it('keeps the links to a deleted entry the editor hid: saved unchanged, nothing is stored', () => {
    // nvidia links to huawei; with huawei deleted, the merged nvidia (what the form shows) has no link.
    const deleted = deleteEntry(emptyUserLayer(), bundled, 'huawei');
    const shown = entriesOf(deleted).find((e) => e.id === 'nvidia')!;
    expect(shown.related).toBeUndefined();
    const saved = saveEntry(deleted, bundled, shown);
    expect(saved).toEqual(deleted);
    // Edited and saved, the link stays in storage and comes back with huawei.
    const edited = saveEntry(deleted, bundled, { ...shown, term: '輝達公司' });
    expect(edited.overlays[0]?.edits).toEqual([{ id: 'nvidia', patch: { term: '輝達公司' } }]);
    const restored = resetEntry(edited, bundled, 'huawei');
    expect(entriesOf(restored).find((e) => e.id === 'nvidia')?.related).toEqual(['huawei']);
  });

  it('brings a deleted pack entry back when it is saved', () => {
    const deleted = deleteEntry(emptyUserLayer(), bundled, 'deepseek');
    const saved = saveEntry(deleted, bundled, { ...bundled.entries[2]!, term: 'DeepSeek 深度求索' });
    expect(entriesOf(saved).map((e) => e.id)).toContain('deepseek');
  });
});

describe('deleteEntry and resetEntry', () => {
  it('marks a pack entry removed and keeps its edit, so reset or undo restores it', () => {
    const edited = saveEntry(emptyUserLayer(), bundled, { ...bundled.entries[0]!, term: 'NVIDIA 輝達' });
    const deleted = deleteEntry(edited, bundled, 'nvidia');
    expect(entriesOf(deleted).map((e) => e.id)).toEqual(['huawei', 'deepseek']);
    expect(deleted.overlays[0]?.edits.map((e) => e.id)).toEqual(['nvidia']);
    const reset = resetEntry(deleted, bundled, 'nvidia');
    expect(entriesOf(reset)[0]).toEqual(bundled.entries[0]);
    expect(reset.overlays).toEqual([]);
  });

  it('drops an added entry entirely', () => {
    const layer = deleteEntry(saveEntry(emptyUserLayer(), bundled, entry('moonshot')), bundled, 'moonshot');
    expect(layer.overlays).toEqual([]);
  });

  it('leaves the layer alone when resetting an entry the pack does not have', () => {
    const layer = saveEntry(emptyUserLayer(), bundled, entry('moonshot'));
    expect(resetEntry(layer, bundled, 'moonshot')).toBe(layer);
  });
});

describe('pack operations', () => {
  it('switches a pack off and on; "on" with no other change stores nothing', () => {
    const off = setPackEnabled(emptyUserLayer(), 'bundled', false);
    expect(off.overlays[0]?.enabled).toBe(false);
    expect(setPackEnabled(off, 'bundled', true).overlays).toEqual([]);
  });

  it('makes a pack read exactly as the given entries', () => {
    const wanted = [entry('huawei', { term: 'Huawei 華為' }), entry('new-one'), bundled.entries[2]!];
    const layer = setPackEntries(emptyUserLayer(), bundled, wanted);
    const result = entriesOf(layer);
    expect(result.map((e) => e.id).sort()).toEqual(['deepseek', 'huawei', 'new-one']);
    expect(result.find((e) => e.id === 'huawei')).toEqual(wanted[0]);
    expect(layer.overlays[0]?.removed).toEqual(['nvidia']);
  });

  it('removes an imported pack with the reader’s changes to it', () => {
    const extra = pack('extra', [entry('smic')]);
    const layer = setPackEnabled({ overlays: [], userPacks: [extra] }, 'extra', false);
    expect(removeUserPack(layer, 'extra')).toEqual(emptyUserLayer());
  });
});
