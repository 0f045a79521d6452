import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/glossary/schema';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { deleteEntry, saveEntry } from '../../../src/glossary-store/layer-edits';
import type { EditorData } from '../../../src/options/editor-store';
import { otherTabChange } from '../../../src/options/other-tab-change';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1 } from '../glossary-store/fixtures';

const bundled = bundledV1();
const nvidia = bundled.entries[0]!;
/** The editor's data with `layer` stored. */
const dataWith = (layer: UserLayer) =>
  ({ merged: mergeGlossary(sourcePacks([bundled], layer), layer) }) as unknown as EditorData;
const shownNvidia = { packId: 'bundled', id: 'nvidia', shown: nvidia, deleted: false };

describe('otherTabChange', () => {
  it('tells an entry changed, deleted or restored, and nothing where it is as shown', () => {
    expect(otherTabChange(shownNvidia, dataWith(emptyUserLayer())).kind).toBe('none');
    const noted: Entry = { ...nvidia, context: { en: 'Another note.' } };
    expect(otherTabChange(shownNvidia, dataWith(saveEntry(emptyUserLayer(), bundled, noted)))).toEqual({
      kind: 'changed',
      entry: noted,
    });
    const gone = deleteEntry(emptyUserLayer(), bundled, 'nvidia');
    expect(otherTabChange(shownNvidia, dataWith(gone)).kind).toBe('deleted');
    expect(otherTabChange({ ...shownNvidia, deleted: true }, dataWith(emptyUserLayer())).kind).toBe('restored');
  });

  it('tells a related entry deleted apart from a change to this entry', () => {
    // Nvidia names Huawei as related; another tab deletes Huawei.
    const layer = deleteEntry(emptyUserLayer(), bundled, 'huawei');
    expect(otherTabChange(shownNvidia, dataWith(layer)).kind).toBe('links');
    // The same, with Nvidia's note changed too: a change.
    const noted: Entry = { ...nvidia, context: { en: 'Another note.' } };
    expect(otherTabChange(shownNvidia, dataWith(saveEntry(layer, bundled, noted))).kind).toBe('changed');
  });
});
