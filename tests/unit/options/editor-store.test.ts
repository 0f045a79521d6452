// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { EditorStore } from '../../../src/options/editor-store';
import { userGlossaryItem } from '../../../src/storage/items';
import type { UserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from '../glossary-store/fixtures';

/** A promise, and the function that settles it. */
function held(): { done: Promise<void>; release: () => void } {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

/** Once the store's writes and reads have settled: storage holds an entry of each id, and the store shows what storage holds. */
async function expectStoredAndShown(store: EditorStore, ids: string[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stored = (await userGlossaryItem.getValue()) as { overlays: unknown };
  const text = JSON.stringify(stored);
  expect(ids.filter((id) => !text.includes(id))).toEqual([]);
  expect(store.data.layer.overlays).toEqual(stored.overlays);
}

describe('the editor store', () => {
  it('keeps its undo for its own changes, and drops it once another tab changes the glossary', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    await store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
    // Its own write coming back through storage is no change from elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.canUndo).toBe(true);

    // Another editor adds an entry on top of this one's.
    const other = saveEntry(store.data.layer, source, entry('beta-corp', { term: 'Beta Corp' }));
    await userGlossaryItem.setValue(other);
    await vi.waitFor(() => expect(store.data.layer).toEqual(other));
    expect(store.canUndo).toBe(false);
    // Undo here would have written back the layer from before Alpha, taking Beta with it.
    expect(await store.undo()).toBe(false);
    expect(await userGlossaryItem.getValue()).toEqual(other);
  });

  it('shows another tab’s Undo that brings back what this tab last wrote, and does not store over it', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    await store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
    const ownChanges = store.data.layer.overlays;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Another tab imports a pack (only the packs' key changes), then saves Beta...
    await fakeBrowser.storage.local.set({ importedPacks: [pack('other', [entry('other-one')])] });
    await vi.waitFor(() => expect(store.data.layer.userPacks).toHaveLength(1));
    const withBeta = saveEntry(store.data.layer, source, entry('beta-corp', { term: 'Beta Corp' })).overlays;
    await fakeBrowser.storage.local.set({ userGlossary: { overlays: withBeta } });
    await vi.waitFor(() => expect(store.data.layer.overlays).toEqual(withBeta));
    // ... and takes Beta back with its Undo: the changes as this tab last wrote them.
    await fakeBrowser.storage.local.set({ userGlossary: { overlays: ownChanges } });
    await vi.waitFor(() => expect(store.data.layer.overlays).toEqual(ownChanges));
    await store.apply((layer) => saveEntry(layer, source, entry('gamma-corp', { term: 'Gamma Corp' })));
    const stored = JSON.stringify(await userGlossaryItem.getValue());
    expect([stored.includes('alpha-corp'), stored.includes('beta-corp'), stored.includes('gamma-corp')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('builds a change on another tab’s change whose reading was still under way, and shows what it stored', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    // The editor's read of the layer after another tab's write is answered, but its answer
    // arrives only after this tab has asked for a change of its own.
    const answer = held();
    let heldRead = false;
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      const result = await get(keys);
      if ([keys ?? []].flat().includes('userGlossary') && !heldRead) {
        heldRead = true;
        await answer.done;
      }
      return result;
    });
    try {
      const beta = saveEntry(store.data.layer, source, entry('beta-corp', { term: 'Beta Corp' })).overlays;
      await fakeBrowser.storage.local.set({ userGlossary: { overlays: beta } });
      await vi.waitFor(() => expect(heldRead).toBe(true));
      const applied = store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer.release();
      expect(await applied).toBe(true);
    } finally {
      answer.release();
      spy.mockRestore();
    }
    await expectStoredAndShown(store, ['alpha-corp', 'beta-corp']);
  });

  it('builds a change waiting behind the one being published on another tab’s change made meanwhile', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    // Publishing the compiled glossary, the slow part of a large glossary's save, is held.
    const published = held();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('compiledGlossary' in items) await published.done;
      return set(items);
    });
    try {
      const first = store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
      await vi.waitFor(async () => expect(JSON.stringify(await userGlossaryItem.getValue())).toContain('alpha-corp'));
      // A second change (a pack's switch) waits for the first; meanwhile another tab saves Beta.
      const second = store.apply((layer) => saveEntry(layer, source, entry('gamma-corp', { term: 'Gamma Corp' })));
      const stored = (await userGlossaryItem.getValue()) as Pick<UserLayer, 'overlays'>;
      const withBeta = saveEntry({ ...stored, userPacks: [] }, source, entry('beta-corp', { term: 'Beta Corp' }));
      await set({ userGlossary: { overlays: withBeta.overlays } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      published.release();
      expect(await Promise.all([first, second])).toEqual([true, true]);
    } finally {
      published.release();
      spy.mockRestore();
    }
    await expectStoredAndShown(store, ['alpha-corp', 'beta-corp', 'gamma-corp']);
  });

  it('stores a change asked for while the one before is being stored on top of it, not over it', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    // Save, then at once another change (a second click in the same task).
    const saved = store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
    const next = store.apply((layer) => saveEntry(layer, source, entry('beta-corp', { term: 'Beta Corp' })));
    expect(await Promise.all([saved, next])).toEqual([true, true]);
    const stored = JSON.stringify(await userGlossaryItem.getValue());
    expect([stored.includes('alpha-corp'), stored.includes('beta-corp')]).toEqual([true, true]);
    // Undo takes back one change at a time, the last first.
    expect(await store.undo()).toBe(true);
    const ids = () => store.data.merged.packs[0]!.entries.map((e) => e.entry.id);
    expect([ids().includes('alpha-corp'), ids().includes('beta-corp')]).toEqual([true, false]);
  });

  it('knows its own write coming back whatever order the layer’s keys were built in', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    await store.apply((layer) => saveEntry(layer, source, entry('alpha-corp', { term: 'Alpha Corp' })));
    // An entry whose keys are not in the schema's order: storage hands back the validated
    // layer (the fake reports the change before the write resolves, as a browser may).
    const beta = entry('beta-corp', { term: 'Beta Corp' });
    const reordered = Object.fromEntries(Object.entries(beta).reverse()) as typeof beta;
    await store.apply((layer) => saveEntry(layer, source, reordered));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ids = () => store.data.merged.packs[0]!.entries.map((e) => e.entry.id);
    // Both undo steps are still there: Beta, then Alpha.
    expect(await store.undo()).toBe(true);
    expect(ids()).toContain('alpha-corp');
    expect(ids()).not.toContain('beta-corp');
    expect(await store.undo()).toBe(true);
    expect(ids()).not.toContain('alpha-corp');
  });

  it('stores no undo step for a change that leaves the layer as it is, whatever its keys’ order', async () => {
    fakeBrowser.reset();
    const store = await EditorStore.open();
    const source = store.sourcePack(store.data.merged.packs[0]!.pack.id)!;
    // An edit of a bundled entry: its patch is stored as written, keys in the order built.
    const first = source.entries[0]!;
    const edited = { ...first, context: { 'zh-Hant': '新的說明。', en: 'A new note.' } };
    await store.apply((layer) => saveEntry(layer, source, edited));
    // Chromium's storage hands the layer back with every object's keys sorted: still no change.
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([k, v]) => [k, sorted(v)]),
            )
          : value;
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    expect(await store.apply((layer) => sorted(layer) as typeof layer)).toBe(false);
    expect(await store.apply((layer) => reversed(layer) as typeof layer)).toBe(false);
    // One step, the save's: one Undo takes the edit back, and there is nothing before it.
    expect(await store.undo()).toBe(true);
    expect(store.data.merged.packs[0]!.entries[0]!.entry.context).toEqual(first.context);
    expect(store.canUndo).toBe(false);
  });
});
