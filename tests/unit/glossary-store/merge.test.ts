import { describe, expect, it } from 'vitest';
import { activeEntries, mergeGlossary, sourcePacks } from '../../../src/glossary-store/merge';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry, pack } from './fixtures';

function merged(packs: ReturnType<typeof bundledV1>[], layer: UserLayer) {
  return mergeGlossary(sourcePacks(packs, layer), layer);
}

describe('mergeGlossary', () => {
  it('returns the packs as they are when the reader changed nothing', () => {
    const result = merged([bundledV1()], emptyUserLayer());
    expect(result.packs[0]?.entries.map((e) => [e.entry.id, e.state])).toEqual([
      ['nvidia', 'original'],
      ['huawei', 'original'],
      ['deepseek', 'original'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('applies a field-level edit and keeps the other fields of the pack entry', () => {
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'bundled',
          enabled: true,
          added: [],
          removed: [],
          edits: [{ id: 'nvidia', patch: { aliases: ['NVDA'] } }],
        },
      ],
      userPacks: [],
    };
    const nvidia = merged([bundledV1()], layer).packs[0]?.entries[0];
    expect(nvidia?.state).toBe('edited');
    expect(nvidia?.entry.aliases).toEqual(['NVDA']);
    expect(nvidia?.entry.term).toBe('輝達');
    expect(nvidia?.base?.aliases).toEqual(['英偉達', 'Nvidia']);
  });

  it('keeps the reader’s edit when a new version of the bundled pack changes other fields', () => {
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'bundled',
          enabled: true,
          added: [],
          removed: [],
          edits: [{ id: 'nvidia', patch: { aliases: ['NVDA'] } }],
        },
      ],
      userPacks: [],
    };
    const v2 = bundledV1();
    v2.entries[0] = { ...v2.entries[0]!, context: { en: 'A better note from the new pack.' } };
    const nvidia = merged([v2], layer).packs[0]?.entries[0]?.entry;
    expect(nvidia?.aliases).toEqual(['NVDA']);
    expect(nvidia?.context).toEqual({ en: 'A better note from the new pack.' });
  });

  it('removes a field the reader cleared (a null in the patch)', () => {
    const layer: UserLayer = {
      overlays: [
        {
          packId: 'bundled',
          enabled: true,
          added: [],
          removed: [],
          edits: [{ id: 'nvidia', patch: { related: null } }],
        },
      ],
      userPacks: [],
    };
    const nvidia = merged([bundledV1()], layer).packs[0]?.entries[0]?.entry;
    expect(nvidia && 'related' in nvidia).toBe(false);
  });

  it('drops related links to deleted entries, so the merged pack is still a valid pack', () => {
    const layer: UserLayer = {
      overlays: [{ packId: 'bundled', enabled: true, added: [], removed: ['huawei'], edits: [] }],
      userPacks: [],
    };
    const nvidia = merged([bundledV1()], layer).packs[0]?.entries[0]?.entry;
    expect(nvidia?.id).toBe('nvidia');
    expect(nvidia && 'related' in nvidia).toBe(false);
  });

  it('lists deleted entries apart and appends added ones', () => {
    const layer: UserLayer = {
      overlays: [{ packId: 'bundled', enabled: true, added: [entry('moonshot')], removed: ['huawei'], edits: [] }],
      userPacks: [],
    };
    const p = merged([bundledV1()], layer).packs[0];
    expect(p?.entries.map((e) => `${e.entry.id}:${e.state}`)).toEqual([
      'nvidia:original',
      'deepseek:original',
      'moonshot:added',
    ]);
    expect(p?.removed.map((e) => e.id)).toEqual(['huawei']);
  });

  it('uses the reader’s entry when the pack later gains an entry with the same id', () => {
    const mine = entry('deepseek', { term: 'DeepSeek AI' });
    const layer: UserLayer = {
      overlays: [{ packId: 'bundled', enabled: true, added: [mine], removed: [], edits: [] }],
      userPacks: [],
    };
    const entries = merged([bundledV1()], layer).packs[0]?.entries ?? [];
    expect(entries.filter((e) => e.entry.id === 'deepseek')).toHaveLength(1);
    expect(entries.find((e) => e.entry.id === 'deepseek')?.entry.term).toBe('DeepSeek AI');
  });

  it('keeps the pack entry and reports a problem when an edit no longer validates', () => {
    const layer: UserLayer = {
      overlays: [
        { packId: 'bundled', enabled: true, added: [], removed: [], edits: [{ id: 'huawei', patch: { term: 'x' } }] },
      ],
      userPacks: [],
    };
    const result = merged([bundledV1()], layer);
    expect(result.packs[0]?.entries[1]?.entry.term).toBe('華為');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'edit-invalid', packId: 'bundled', entryId: 'huawei' });
    // The schema's own reason, for the editor to quote.
    expect(result.problems[0]?.kind === 'edit-invalid' && result.problems[0].detail).toMatch(/\w/);
  });

  it('reports, but keeps, edits of entries and packs that are gone', () => {
    const layer: UserLayer = {
      overlays: [
        { packId: 'bundled', enabled: true, added: [], removed: [], edits: [{ id: 'gone', patch: { term: 'Gone' } }] },
        { packId: 'uninstalled', enabled: true, added: [entry('x1')], removed: [], edits: [] },
      ],
      userPacks: [],
    };
    const result = merged([bundledV1()], layer);
    expect(result.problems).toEqual([
      { kind: 'entry-gone', packId: 'bundled', entryId: 'gone' },
      { kind: 'pack-missing', packId: 'uninstalled' },
    ]);
  });
});

describe('activeEntries', () => {
  it('leaves out switched-off packs', () => {
    const extra = pack('extra', [entry('smic')]);
    const layer: UserLayer = {
      overlays: [{ packId: 'bundled', enabled: false, added: [], removed: [], edits: [] }],
      userPacks: [extra],
    };
    const { entries } = activeEntries(merged([bundledV1()], layer));
    expect(entries.map((e) => `${e.packId}/${e.id}`)).toEqual(['extra/smic']);
  });

  it('keeps the first pack’s entry when two active packs share an id', () => {
    const extra = pack('extra', [entry('nvidia', { term: 'Other Nvidia' }), entry('smic')]);
    const { entries, shadowed } = activeEntries(merged([bundledV1()], { overlays: [], userPacks: [extra] }));
    expect(entries.filter((e) => e.id === 'nvidia').map((e) => e.term)).toEqual(['輝達']);
    expect(shadowed).toEqual([{ kind: 'shadowed', packId: 'extra', entryId: 'nvidia', by: 'bundled' }]);
    expect(entries.map((e) => e.id)).toContain('smic');
  });

  it('gives each entry its section’s titles in the reader languages, and nothing else of them', () => {
    const titled = pack(
      'titled',
      [entry('a', { section: 'One' }), entry('b', { section: 'Two' }), entry('c')],
      ['One', 'Two'],
    );
    titled.source.sectionNames = { One: { en: 'First', ja: '一' } as never };
    const { entries } = activeEntries(merged([titled], emptyUserLayer()));
    expect(entries.map((e) => e.sectionNames)).toEqual([{ en: 'First' }, undefined, undefined]);
    expect(entries[1]).not.toHaveProperty('sectionNames');
  });

  it('drops related links to entries that are not active', () => {
    const nvidia = { ...bundledV1().entries[0]!, related: ['huawei', 'elsewhere'] };
    const glossary = { packs: [{ ...merged([bundledV1()], emptyUserLayer()).packs[0]! }], problems: [] };
    glossary.packs[0]!.entries = [{ entry: nvidia, packId: 'bundled', state: 'original' }];
    expect(activeEntries(glossary).entries[0]?.related).toEqual([]);
  });

  it('ignores an imported pack that reuses a bundled pack’s id', () => {
    const impostor = pack('bundled', [entry('fake')]);
    const sources = sourcePacks([bundledV1()], { overlays: [], userPacks: [impostor] });
    expect(sources.map((s) => `${s.origin}:${s.pack.id}`)).toEqual(['bundled:bundled']);
  });
});
