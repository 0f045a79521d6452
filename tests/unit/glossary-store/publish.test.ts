import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startGlossaryPublisher } from '../../../src/background/glossary-publisher';
import {
  loadActiveGlossary,
  loadGlossaryIndex,
  watchActiveGlossary,
  type ActiveGlossary,
} from '../../../src/glossary-store/active-glossary';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { compiledHeader } from '../../../src/glossary-store/compiled-cache';
import { shardOf } from '../../../src/glossary-store/compiled-format';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { publishGlossary } from '../../../src/glossary-store/publish';
import { writeUserLayer } from '../../../src/storage/read-user-layer';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { entry, pack } from './fixtures';

const local = fakeBrowser.storage.local;
const page = async () => (await local.get('compiledGlossary')).compiledGlossary as unknown;
const shardKeys = async () =>
  Object.keys(await local.get(null))
    .filter((k) => k.startsWith('glossaryDetails-'))
    .sort();
const bundled = () => bundledPacks()[0]!;
/** A layer with an imported pack of `count` entries. */
const withUserPack = (count: number) => ({
  overlays: [],
  userPacks: [
    pack(
      'extra',
      Array.from({ length: count }, (_, i) => entry(`extra-${i}`, { term: `Extra ${i}` })),
    ),
  ],
});

/** Keys written to storage.local while `run` runs. */
async function keysWrittenBy(run: () => Promise<unknown>): Promise<string[]> {
  const keys: string[] = [];
  const listener = (changes: Record<string, unknown>) => keys.push(...Object.keys(changes));
  local.onChanged.addListener(listener);
  await run();
  local.onChanged.removeListener(listener);
  return keys.sort();
}

/** Delivers what the publisher sends to tabs to this context's runtime.onMessage, as a content script hears it. */
function routeTabMessages() {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(
      async (_tab: number, message: unknown) =>
        void (await fakeBrowser.runtime.onMessage.trigger(message, {}, () => {})),
    );
}

afterEach(() => vi.restoreAllMocks());

describe('publishGlossary', () => {
  beforeEach(() => fakeBrowser.reset());

  it('announces each stored version to the tabs, and nothing when nothing changed', async () => {
    const sent = routeTabMessages();
    const { version } = await publishGlossary();
    expect(sent).toHaveBeenCalledWith(expect.any(Number), { type: 'glossary-updated', version });
    const calls = sent.mock.calls.length;
    await publishGlossary();
    expect(sent.mock.calls).toHaveLength(calls);
  });

  it('writes the page item and its shards, and rewrites only when an input changes', async () => {
    const first = await publishGlossary();
    expect(first).toMatchObject({ written: true, entryCount: bundled().entries.length });
    expect(await shardKeys()).toEqual(['glossaryDetails-0', 'glossaryDetails-1']);
    expect(await keysWrittenBy(() => publishGlossary())).toEqual([]);
    await writeUserLayer(saveEntry(emptyUserLayer(), bundled(), entry('my-own', { term: 'My Own Name' })));
    const third = await publishGlossary();
    expect(third.written).toBe(true);
    expect(third.version).not.toBe(first.version);
    expect(compiledHeader(await page())?.entryCount).toBe(first.entryCount + 1);
  });

  it('rewrites only the shard of an edited entry, and the matcher only when a name changed', async () => {
    await publishGlossary();
    const target = bundled().entries[5]!;
    await writeUserLayer(saveEntry(emptyUserLayer(), bundled(), { ...target, context: { en: 'A new note.' } }));
    const written = await keysWrittenBy(() => publishGlossary());
    expect(written).toEqual(['compiledGlossary', `glossaryDetails-${shardOf(target.id, 2)}`]);
    await writeUserLayer(
      saveEntry(emptyUserLayer(), bundled(), { ...target, aliases: [...target.aliases, 'New Alias'] }),
    );
    const renamed = await keysWrittenBy(() => publishGlossary());
    expect(renamed).toEqual(['compiledGlossary', 'compiledMatcher', `glossaryDetails-${shardOf(target.id, 2)}`]);
    expect((await loadActiveGlossary()).matcher.scan('a New Alias here')).toHaveLength(1);
  });

  it('removes shards a smaller glossary no longer uses', async () => {
    await writeUserLayer(withUserPack(200));
    await publishGlossary();
    expect(await shardKeys()).toHaveLength(8);
    await writeUserLayer(emptyUserLayer());
    await publishGlossary();
    expect(await shardKeys()).toEqual(['glossaryDetails-0', 'glossaryDetails-1']);
  });

  it('repairs a damaged shard or page item whose version matches, when verification is asked', async () => {
    await publishGlossary();
    await local.set({ 'glossaryDetails-1': { stamp: 'x', entries: '[' } });
    expect((await publishGlossary()).written).toBe(false);
    expect((await publishGlossary({ verify: true })).written).toBe(true);
    const glossary = await loadActiveGlossary();
    const inShard1 = bundled().entries.find((e) => shardOf(e.id, 2) === 1)!;
    expect((await glossary.loadEntry(inShard1.id))?.context).toEqual(inShard1.context);
    await local.set({ compiledGlossary: { ...((await page()) as object), index: null } });
    expect((await publishGlossary({ verify: true })).written).toBe(true);
    expect(compiledHeader(await page())).toBeDefined();
    await local.set({ compiledMatcher: { stamp: 'x', matcher: null } });
    expect((await publishGlossary()).written).toBe(false);
    expect((await publishGlossary({ verify: true })).written).toBe(true);
    expect((await loadActiveGlossary()).matcher.scan(bundled().entries[0]!.term)).toHaveLength(1);
  });

  it('repairs a matcher whose stored fold table a page could not take, though this realm has its own table', async () => {
    await publishGlossary();
    const item = (await local.get('compiledMatcher')).compiledMatcher as { stamp: string; matcher: { fields: object } };
    const fields = item.matcher.fields as { foldChanges: string };
    // A page has no table but this one: a truncated copy would leave it with nothing to fold by.
    const damaged = {
      ...item,
      matcher: { ...item.matcher, fields: { ...fields, foldChanges: fields.foldChanges.slice(8) } },
    };
    await local.set({ compiledMatcher: damaged });
    expect((await publishGlossary({ verify: true })).written).toBe(true);
    const repaired = (await local.get('compiledMatcher')).compiledMatcher as typeof item;
    expect((repaired.matcher.fields as { foldChanges: string }).foldChanges).toBe(fields.foldChanges);
  });
});

describe('loadActiveGlossary and watchActiveGlossary', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startGlossaryPublisher();
  });

  it('asks the background to build a missing cache and resolves with it', async () => {
    expect(await page()).toBeUndefined();
    const glossary = await loadActiveGlossary();
    expect(glossary.entries.map((e) => e.id)).toEqual(bundled().entries.map((e) => e.id));
    const first = bundled().entries[0]!;
    // With its section's titles in the reader languages, from the pack's source.
    const sectionNames = bundled().source.sectionNames?.[first.section!];
    expect(sectionNames?.en).toBe('Introduction');
    expect(await glossary.loadEntry(first.id)).toEqual({ ...first, packId: bundled().id, sectionNames });
  });

  it.each([1, 2])('rebuilds a cache of the older format %i instead of failing', async (formatVersion) => {
    const matcher = { format: 'columnlens-matcher', version: 1, entryIds: ['x'] };
    const old =
      formatVersion === 1
        ? { formatVersion, version: 'old', entriesJson: '[]', matcher }
        : {
            formatVersion,
            version: 'old',
            entryCount: 1,
            index: '{}',
            matcher: { fields: matcher, joined: [] },
            shards: ['s'],
          };
    await local.set({ compiledGlossary: old });
    const glossary = await loadActiveGlossary();
    expect(glossary.entries).toHaveLength(bundled().entries.length);
    expect(compiledHeader(await page())?.version).toBe(glossary.version);
  });

  it('gives the popup the index without the matcher, building a missing cache first', async () => {
    const reads: unknown[] = [];
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get');
    const index = await loadGlossaryIndex();
    reads.push(...spy.mock.calls.map((c) => c[0]));
    expect(index.entries.map((e) => e.id)).toEqual(bundled().entries.map((e) => e.id));
    expect(index).not.toHaveProperty('matcher');
    expect(JSON.stringify(reads)).not.toContain('compiledMatcher');
  });

  it('has a damaged shard rebuilt when a tooltip finds it, and then reads it', async () => {
    const glossary = await loadActiveGlossary();
    const id = bundled().entries.find((e) => shardOf(e.id, 2) === 0)!.id;
    await local.set({ 'glossaryDetails-0': 'damaged' });
    expect(await glossary.loadEntry(id)).toBeUndefined();
    await vi.waitFor(async () => expect((await glossary.loadEntry(id))?.id).toBe(id));
  });

  it('delivers each announced version to watchers, with the reader’s change in it', async () => {
    routeTabMessages();
    await publishGlossary();
    const seen: ActiveGlossary[] = [];
    const unwatch = watchActiveGlossary((g) => seen.push(g));
    await writeUserLayer(saveEntry(emptyUserLayer(), bundled(), entry('my-own', { term: 'My Own Name' })));
    await publishGlossary();
    await vi.waitFor(() => expect(seen.at(-1)?.byId.get('my-own')?.term).toBe('My Own Name'));
    expect((await seen.at(-1)?.loadEntry('my-own'))?.context).toEqual({ en: 'Note about my-own.' });
    unwatch();
    const count = seen.length;
    await writeUserLayer(emptyUserLayer());
    await publishGlossary();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(count);
  });

  it('does not listen to storage.local, whose every write each listening frame would receive', async () => {
    await publishGlossary();
    const listens = vi.spyOn(fakeBrowser.storage.local.onChanged, 'addListener');
    const listensAll = vi.spyOn(fakeBrowser.storage.onChanged, 'addListener');
    const seen: ActiveGlossary[] = [];
    const unwatch = watchActiveGlossary((g) => seen.push(g));
    const glossary = await loadActiveGlossary();
    expect(listens).not.toHaveBeenCalled();
    expect(listensAll).not.toHaveBeenCalled();
    // A version the tab missed is read when a tooltip finds a shard newer than its glossary.
    await writeUserLayer(saveEntry(emptyUserLayer(), bundled(), { ...bundled().entries[0]!, term: 'Renamed' }));
    await publishGlossary();
    expect(seen).toEqual([]);
    await glossary.loadEntry(bundled().entries[0]!.id);
    await vi.waitFor(() => expect(seen.at(-1)?.byId.get(bundled().entries[0]!.id)?.term).toBe('Renamed'));
    unwatch();
  });
});
