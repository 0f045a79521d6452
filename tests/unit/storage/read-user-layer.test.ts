import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { inEnglish } from '../../../src/glossary/pack-text';
import { readQuarantine, clearQuarantine } from '../../../src/storage/quarantine';
import { readUserLayer, writeUserLayer } from '../../../src/storage/read-user-layer';
import { emptyUserLayer, type UserLayer } from '../../../src/storage/user-layer-schema';
import { entry } from '../glossary-store/fixtures';

const layer: UserLayer = {
  overlays: [{ packId: 'bundled', enabled: true, added: [entry('moonshot')], edits: [], removed: [] }],
  userPacks: [],
};

describe('reading the stored layer', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips a layer through storage', async () => {
    await writeUserLayer(layer);
    expect(await readUserLayer()).toEqual({ layer, problems: [] });
    expect(await readQuarantine()).toEqual([]);
  });

  it('refuses to write an invalid layer (a bug must not store what the next read rejects)', async () => {
    const bad = { overlays: [{ ...layer.overlays[0]!, packId: 'Not A Slug' }], userPacks: [] };
    await expect(writeUserLayer(bad)).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('userGlossary')).toEqual({});
  });

  it('quarantines corrupt data exactly as stored, and falls back to what is readable', async () => {
    const corrupt = { overlays: 'garbage', userPacks: [{ id: 1 }], extra: '<img src=x onerror=alert(1)>' };
    await fakeBrowser.storage.local.set({ userGlossary: corrupt });
    const read = await readUserLayer();
    expect(read.layer).toEqual(emptyUserLayer());
    expect(read.problems.length).toBeGreaterThan(0);
    const kept = await readQuarantine();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ key: 'local:userGlossary', raw: corrupt });
    // Kept with what could not be read, one line per problem, in English whatever the reader's language.
    expect(kept[0]!.reason.split('\n')).toEqual(read.problems.map(inEnglish));
    expect(kept[0]!.reason).toContain('overlays: must be an array (got string)');
    expect(Date.parse(kept[0]!.at)).not.toBeNaN();
    // The stored value itself is left alone: nothing is overwritten by reading.
    expect((await fakeBrowser.storage.local.get('userGlossary')).userGlossary).toEqual(corrupt);
  });

  it('keeps one copy per distinct corrupt value, and never overwrites an earlier one', async () => {
    await fakeBrowser.storage.local.set({ userGlossary: 'first' });
    await readUserLayer();
    await readUserLayer();
    await fakeBrowser.storage.local.set({ userGlossary: 'second' });
    await readUserLayer();
    expect((await readQuarantine()).map((r) => r.raw)).toEqual(['first', 'second']);
  });

  it('keeps an unrecognised quarantine value rather than replacing it', async () => {
    await fakeBrowser.storage.local.set({ quarantine: { something: 'odd' } });
    await fakeBrowser.storage.local.set({ userGlossary: 7 });
    await readUserLayer();
    const kept = await readQuarantine();
    expect(kept.map((r) => r.raw)).toEqual([{ something: 'odd' }, 7]);
  });

  it('empties the quarantine only when asked', async () => {
    await fakeBrowser.storage.local.set({ userGlossary: 'broken' });
    await readUserLayer();
    await clearQuarantine();
    expect(await readQuarantine()).toEqual([]);
  });
});
