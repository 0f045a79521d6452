import { describe, expect, it } from 'vitest';
import { deleteEntry, saveEntry } from '../../../src/glossary-store/layer-edits';
import { mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { nameTakenByReset } from '../../../src/options/form-context';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry } from '../glossary-store/fixtures';

const bundled = bundledV1();
const merged = (layer: UserLayer) => mergeGlossary(sourcePacks([bundled], layer), layer);
const nvidia = bundled.entries[0]!;

describe('a reset or restore that would bring back a name another entry has now', () => {
  it('is refused, naming the name and its new owner', () => {
    // Nvidia deleted; the reader then added an entry of their own called Nvidia.
    let layer = deleteEntry(emptyUserLayer(), bundled, 'nvidia');
    layer = saveEntry(layer, bundled, entry('nvidia-2', { term: 'Nvidia Corp', aliases: ['Nvidia'] }));
    expect(nameTakenByReset(merged(layer), 'bundled', nvidia, 'en')).toEqual({
      name: 'Nvidia',
      owner: 'Nvidia Corp',
      pack: 'Pack bundled',
    });
  });

  it('names the new owner’s pack when the owner goes by that very name alone', () => {
    // The reader's own entry called Nvidia, and nothing else: "a name of “Nvidia”" would say nothing.
    let layer = deleteEntry(emptyUserLayer(), bundled, 'nvidia');
    layer = saveEntry(layer, bundled, entry('nvidia-2', { term: 'Nvidia', aliases: [] }));
    expect(nameTakenByReset(merged(layer), 'bundled', nvidia, 'en')).toEqual({
      name: 'Nvidia',
      owner: undefined,
      pack: 'Pack bundled',
    });
  });

  it('is allowed when the names are free, or are the entry’s own now', () => {
    expect(nameTakenByReset(merged(deleteEntry(emptyUserLayer(), bundled, 'nvidia')), 'bundled', nvidia, 'en')).toBe(
      undefined,
    );
    // Edited (an alias added), then reset: every name it goes back to is its own already.
    const edited = saveEntry(emptyUserLayer(), bundled, { ...nvidia, aliases: [...nvidia.aliases!, 'NVDA'] });
    expect(nameTakenByReset(merged(edited), 'bundled', nvidia, 'en')).toBeUndefined();
  });
});
