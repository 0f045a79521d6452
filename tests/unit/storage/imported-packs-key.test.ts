/**
 * The imported packs are stored apart from the reader's changes, and a save writes them only
 * when they changed: with a 10,000-entry pack, every save copied megabytes through storage.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { inEnglish } from '../../../src/glossary/pack-text';
import { readQuarantine } from '../../../src/storage/quarantine';
import { readUserLayer, readUserLayerToEdit, writeUserLayer } from '../../../src/storage/read-user-layer';
import type { UserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from '../glossary-store/fixtures';

const big = pack('big', [entry('big-one'), entry('big-two')]);
const other = pack('other', [entry('other-one')]);
const overlay = (note: string) => ({
  packId: 'big',
  enabled: true,
  added: [],
  edits: [{ id: 'big-one', patch: { context: { en: note } } }],
  removed: [],
});

/** The keys of each storage write made while `run` runs (their versions, `<key>$`, left out). */
async function keysWritten(run: () => Promise<unknown>): Promise<string[][]> {
  const set = vi.spyOn(fakeBrowser.storage.local, 'set');
  try {
    await run();
    return set.mock.calls.map(([items]) =>
      Object.keys(items as object)
        .filter((key) => !key.endsWith('$'))
        .sort(),
    );
  } finally {
    set.mockRestore();
  }
}

const storedRaw = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('the imported packs’ own key', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the packs with the changes when they are new, and only the changes on a save beside them', async () => {
    const imported: UserLayer = { overlays: [], userPacks: [big] };
    expect(await keysWritten(() => writeUserLayer(imported))).toEqual([['importedPacks', 'userGlossary']]);
    expect(await storedRaw('userGlossary')).toEqual({ overlays: [] });
    // Each with its format's version, as a migration will read it.
    expect(await storedRaw('userGlossary$')).toEqual({ v: 1 });
    expect(await storedRaw('importedPacks$')).toEqual({ v: 1 });

    const { layer } = await readUserLayerToEdit();
    expect(layer.userPacks.map((p) => p.id)).toEqual(['big']);
    const saved = { ...layer, overlays: [overlay('My note.')] };
    expect(await keysWritten(() => writeUserLayer(saved))).toEqual([['userGlossary']]);
    expect(await readUserLayer()).toEqual({ layer: saved, problems: [] });
  });

  it('leaves the packs alone after a read for publishing, which does not hold the editor’s packs', async () => {
    await writeUserLayer({ overlays: [], userPacks: [big] });
    const { layer } = await readUserLayerToEdit();
    await readUserLayer();
    expect(await keysWritten(() => writeUserLayer({ ...layer, overlays: [overlay('Again.')] }))).toEqual([
      ['userGlossary'],
    ]);
  });

  it('writes the packs back when a change takes an import back (Undo), and the next save leaves them', async () => {
    await writeUserLayer({ overlays: [], userPacks: [big] });
    const { layer: before } = await readUserLayerToEdit();
    const imported = await writeUserLayer({ ...before, userPacks: [...before.userPacks, other] });
    expect((await readUserLayer()).layer.userPacks.map((p) => p.id)).toEqual(['big', 'other']);
    let undone: UserLayer | undefined;
    expect(await keysWritten(async () => (undone = await writeUserLayer(before)))).toEqual([
      ['importedPacks', 'userGlossary'],
    ]);
    expect((await readUserLayer()).layer.userPacks.map((p) => p.id)).toEqual(['big']);
    expect(imported.userPacks).not.toBe(before.userPacks);
    // The editor goes on from the layer as stored, as it does after every write.
    expect(await keysWritten(() => writeUserLayer({ ...undone!, overlays: [overlay('After undo.')] }))).toEqual([
      ['userGlossary'],
    ]);
  });

  it('reads packs an earlier version kept with the changes, and the next write moves them to their key', async () => {
    const legacy = { overlays: [overlay('Old note.')], userPacks: [big] };
    await fakeBrowser.storage.local.set({ userGlossary: legacy });
    const { layer, problems } = await readUserLayerToEdit();
    expect(problems).toEqual([]);
    expect(layer).toEqual(legacy);
    const next = { ...layer, overlays: [overlay('New note.')] };
    expect(await keysWritten(() => writeUserLayer(next))).toEqual([['importedPacks', 'userGlossary']]);
    expect(await storedRaw('userGlossary')).toEqual({ overlays: [overlay('New note.')] });
    expect(await storedRaw('importedPacks')).toEqual([big]);
    expect((await readUserLayer()).layer).toEqual(next);
  });

  it('quarantines unreadable packs as stored, keeps the readable ones and the changes, and rewrites the key on the next save', async () => {
    const damaged = [big, { id: 'Not A Pack' }];
    await fakeBrowser.storage.local.set({ userGlossary: { overlays: [overlay('Kept.')] }, importedPacks: damaged });
    const { layer, problems } = await readUserLayerToEdit();
    expect(layer).toEqual({ overlays: [overlay('Kept.')], userPacks: [big] });
    expect(problems).toHaveLength(1);
    const kept = await readQuarantine();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ key: 'local:importedPacks', raw: damaged });
    expect(kept[0]!.reason).toMatch(/^userPacks\[1\]: /);
    // Reading changes nothing in storage; a save stores what could be read (the rest is in the quarantine).
    expect(await storedRaw('importedPacks')).toEqual(damaged);
    expect(await keysWritten(() => writeUserLayer(layer))).toEqual([['importedPacks', 'userGlossary']]);
    expect(await storedRaw('importedPacks')).toEqual([big]);
  });

  it('keeps in the quarantine a pack found both with the changes and under its own key, and reads the first', async () => {
    const newer = pack('big', [entry('big-one'), entry('big-three')]);
    await fakeBrowser.storage.local.set({
      userGlossary: { overlays: [], userPacks: [big] },
      importedPacks: [newer, other],
    });
    const { layer, problems } = await readUserLayerToEdit();
    expect(layer.userPacks).toEqual([big, other]);
    expect(problems.map(inEnglish)).toEqual(['userPacks: "big" appears twice; the first one is kept']);
    expect(await readQuarantine()).toEqual([
      expect.objectContaining({ key: 'local:importedPacks', raw: [newer, other] }),
    ]);
    await writeUserLayer(layer);
    expect(await storedRaw('importedPacks')).toEqual([big, other]);
    expect((await readQuarantine())[0]!.raw).toEqual([newer, other]);
  });

  it('says so when the packs’ key holds no list at all', async () => {
    await fakeBrowser.storage.local.set({ importedPacks: 'garbage' });
    const { layer, problems } = await readUserLayer();
    expect(layer.userPacks).toEqual([]);
    expect((await readQuarantine())[0]).toMatchObject({ key: 'local:importedPacks', raw: 'garbage' });
    expect((await readQuarantine())[0]!.reason).toContain('userPacks: must be an array (got string)');
    expect(problems).toHaveLength(1);
  });
  it('reads the changes and the packs in one storage call, so another tab’s write of both cannot fall between them', async () => {
    await writeUserLayer({ overlays: [overlay('Mine.')], userPacks: [big] });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      await readUserLayerToEdit();
      await readUserLayer();
      const layerReads = get.mock.calls
        .map(([keys]) => [keys ?? []].flat().map(String))
        .filter((keys) => keys.includes('userGlossary') || keys.includes('importedPacks'));
      expect(layerReads.map((keys) => [...keys].sort())).toEqual([
        ['importedPacks', 'userGlossary'],
        ['importedPacks', 'userGlossary'],
      ]);
    } finally {
      get.mockRestore();
    }
  });
});
