import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  loadActiveGlossary,
  watchActiveGlossary,
  type ActiveGlossary,
} from '../../../src/glossary-store/active-glossary';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import { readCompiledGlossary } from '../../../src/glossary-store/compiled-cache';
import { saveEntry } from '../../../src/glossary-store/layer-edits';
import { compileGlossary } from '../../../src/glossary-store/compile';
import { publishGlossary } from '../../../src/glossary-store/publish';
import { startGlossaryPublisher } from '../../../src/background/glossary-publisher';
import { writeUserLayer } from '../../../src/storage/read-user-layer';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry } from './fixtures';

const stored = async () => (await fakeBrowser.storage.local.get('compiledGlossary')).compiledGlossary as unknown;

describe('the compiled cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through JSON-safe storage and matches like a freshly compiled matcher', () => {
    const compiled = compileGlossary([bundledV1()], emptyUserLayer(), 'v-test');
    const glossary = readCompiledGlossary(JSON.parse(JSON.stringify(compiled)));
    expect(glossary?.version).toBe('v-test');
    expect(glossary?.matcher.entryIds).toEqual(['nvidia', 'huawei', 'deepseek']);
    const text = '英伟达与华为, and DeepSeek.';
    const found = glossary?.matcher.scan(text).map((m) => [text.slice(m.start, m.end), glossary.entries[m.entry]?.id]);
    expect(found).toEqual([
      ['英伟达', 'nvidia'],
      ['华为', 'huawei'],
      ['DeepSeek', 'deepseek'],
    ]);
    expect(glossary?.byId.get('huawei')?.packId).toBe('bundled');
  });

  it('rejects missing, older-format, truncated or inconsistent caches', () => {
    const good = JSON.parse(JSON.stringify(compileGlossary([bundledV1()], emptyUserLayer(), 'v')));
    expect(readCompiledGlossary(undefined)).toBeUndefined();
    expect(readCompiledGlossary({ ...good, formatVersion: 0 })).toBeUndefined();
    const entries = JSON.parse(good.entriesJson);
    expect(readCompiledGlossary({ ...good, entriesJson: JSON.stringify(entries.slice(1)) })).toBeUndefined();
    const badAliases = [{ ...entries[0], aliases: 'x' }, ...entries.slice(1)];
    expect(readCompiledGlossary({ ...good, entriesJson: JSON.stringify(badAliases) })).toBeUndefined();
    expect(readCompiledGlossary({ ...good, entriesJson: good.entriesJson.slice(0, -10) })).toBeUndefined();
    expect(readCompiledGlossary({ ...good, matcher: { ...good.matcher, alphabet: 5 } })).toBeUndefined();
    expect(readCompiledGlossary(good)).toBeDefined();
  });

  it('is written by publishGlossary, and rewritten only when an input changes', async () => {
    const first = await publishGlossary();
    expect(first.written).toBe(true);
    expect(first.entryCount).toBe(bundledPacks()[0]?.entries.length);
    expect((await publishGlossary()).written).toBe(false);
    await writeUserLayer(saveEntry(emptyUserLayer(), bundledPacks()[0]!, entry('my-own', { term: 'My Own Name' })));
    const third = await publishGlossary();
    expect(third.written).toBe(true);
    expect(third.version).not.toBe(first.version);
    expect(readCompiledGlossary(await stored())?.byId.has('my-own')).toBe(true);
  });

  it('repairs a cache whose version matches but whose content is damaged, when verification is asked', async () => {
    await publishGlossary();
    const damaged = { ...((await stored()) as object), matcher: null };
    await fakeBrowser.storage.local.set({ compiledGlossary: damaged });
    expect((await publishGlossary()).written).toBe(false);
    expect((await publishGlossary({ verify: true })).written).toBe(true);
    expect(readCompiledGlossary(await stored())).toBeDefined();
  });
});

describe('loadActiveGlossary and watchActiveGlossary', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    startGlossaryPublisher();
  });

  it('asks the background to build a missing cache and resolves with it', async () => {
    expect(await stored()).toBeUndefined();
    const glossary = await loadActiveGlossary();
    expect(glossary.entries.map((e) => e.id)).toEqual(bundledPacks()[0]?.entries.map((e) => e.id));
    expect(await stored()).toBeDefined();
  });

  it('delivers each new version to watchers, with the reader’s change in it', async () => {
    await publishGlossary();
    const seen: ActiveGlossary[] = [];
    const unwatch = watchActiveGlossary((g) => seen.push(g));
    await writeUserLayer(saveEntry(emptyUserLayer(), bundledPacks()[0]!, entry('my-own', { term: 'My Own Name' })));
    await publishGlossary();
    expect(seen.at(-1)?.byId.get('my-own')?.term).toBe('My Own Name');
    unwatch();
    const count = seen.length;
    await writeUserLayer(emptyUserLayer());
    await publishGlossary();
    expect(seen).toHaveLength(count);
  });
});
