import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../../src/glossary-store/bundled-packs';
import {
  compiledEntryIds,
  compiledGlossarySteps,
  readCompiledGlossary,
  readGlossaryIndex,
  type StoredGlossary,
} from '../../../src/glossary-store/compiled-cache';
import {
  detailShardCount,
  ENTRIES_PER_SHARD,
  MAX_SHARDS,
  packMatcher,
  shardOf,
  unpackMatcher,
} from '../../../src/glossary-store/compiled-format';
import { compileEntries, compileGlossary, type CompiledOutput } from '../../../src/glossary-store/compile';
import { parseDetailShard } from '../../../src/glossary-store/detail-shards';
import type { RuntimeEntry } from '../../../src/glossary-store/runtime-entry';
import { emptyUserLayer } from '../../../src/storage/user-layer-schema';
import { bundledV1, entry, pack } from './fixtures';

/** The compiled output as storage hands it back (JSON-safe copy). */
const stored = (compiled: CompiledOutput): CompiledOutput => JSON.parse(JSON.stringify(compiled));
const read = (compiled: CompiledOutput, onUnreadable?: (i: number) => void) =>
  readCompiledGlossary(compiled, (i) => compiled.shards[i], onUnreadable);

function runtimeEntries(count: number): RuntimeEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    ...entry(`entry-${i}`, { term: `Name ${i}`, aliases: [`Alias ${i}`], context: { en: `The note of entry ${i}.` } }),
    packId: 'big',
  }));
}

describe('the compiled cache', () => {
  it('round-trips through JSON-safe storage and matches like a freshly compiled matcher', () => {
    const glossary = read(stored(compileGlossary([bundledV1()], emptyUserLayer(), 'v-test')));
    expect(glossary?.version).toBe('v-test');
    expect(glossary?.matcher.entryIds).toEqual(['nvidia', 'huawei', 'deepseek']);
    const text = '英伟达与华为, and DeepSeek.';
    const found = glossary?.matcher.scan(text).map((m) => [text.slice(m.start, m.end), glossary.entries[m.entry]?.id]);
    expect(found).toEqual([
      ['英伟达', 'nvidia'],
      ['华为', 'huawei'],
      ['DeepSeek', 'deepseek'],
    ]);
    expect(glossary?.byId.get('huawei')).toEqual({
      id: 'huawei',
      term: '華為',
      category: 'company',
      packId: 'bundled',
    });
  });

  it('keeps what a page needs in the page item and the notes out of it', () => {
    const pack = bundledPacks()[0]!;
    const compiled = compileGlossary([pack], emptyUserLayer(), 'v');
    const page = JSON.stringify(compiled.page);
    const withNote = pack.entries.find((e) => typeof e.context !== 'string' && e.context.en)!;
    expect(typeof withNote.context !== 'string' && page.includes(withNote.context.en!)).toBe(false);
    const glossary = read(stored(compiled))!;
    for (const e of pack.entries) {
      expect(glossary.byId.get(e.id)).toMatchObject({ term: e.term, category: e.category, mentions: e.mentions });
    }
    // The bounds the highlighter sizes its windows by, computed from every name and exclusion.
    const names = pack.entries.flatMap((e) => [e.term, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))]);
    const longest = Math.max(
      ...names.map((n) => n.length),
      ...pack.entries.flatMap((e) => e.exclude ?? []).map((p) => p.length),
    );
    expect(glossary.nameLengths).toEqual({ longest, shortest: Math.min(...names.map((n) => n.length)) });
  });

  it('reads an entry’s details from its one shard, once, when first asked', async () => {
    const compiled = stored(compileEntries(runtimeEntries(300), 'v'));
    const reads: number[] = [];
    const glossary = readCompiledGlossary(compiled, (i) => (reads.push(i), compiled.shards[i]))!;
    expect(compiled.shards.length).toBe(8);
    expect(glossary.peekEntry('entry-7')).toBeUndefined();
    const details = await glossary.loadEntry('entry-7');
    expect(details).toMatchObject({ id: 'entry-7', aliases: ['Alias 7'], context: { en: 'The note of entry 7.' } });
    expect(reads).toEqual([shardOf('entry-7', 8)]);
    expect(glossary.peekEntry('entry-7')).toBe(details);
    // Another entry of the same shard comes from memory.
    const neighbour = runtimeEntries(300).find((e) => e.id !== 'entry-7' && shardOf(e.id, 8) === reads[0])!;
    expect((await glossary.loadEntry(neighbour.id))?.id).toBe(neighbour.id);
    expect(await glossary.loadEntry('not-an-entry')).toBeUndefined();
    expect(reads).toHaveLength(1);
    // Two tooltips asking at once for entries of another shard share one read.
    const other = (reads[0]! + 1) % 8;
    const [a, b] = runtimeEntries(300).filter((e) => shardOf(e.id, 8) === other);
    const both = await Promise.all([glossary.loadEntry(a!.id), glossary.loadEntry(b!.id)]);
    expect(both.map((e) => e?.id)).toEqual([a!.id, b!.id]);
    expect(reads).toHaveLength(2);
  });

  it('spreads entries over power-of-two shards of at most ENTRIES_PER_SHARD on average', () => {
    expect([0, 1, 64, 65, 78, 10_000, 100_000].map(detailShardCount)).toEqual([0, 1, 1, 2, 2, 256, MAX_SHARDS]);
    const entries = runtimeEntries(1_000);
    const compiled = compileEntries(entries, 'v');
    const sizes = compiled.shards.map((s, i) => parseDetailShard(s, compiled.page.shards[i])!.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(entries.length);
    expect(sizes.length).toBe(16);
    expect(Math.max(...sizes)).toBeLessThan(2 * ENTRIES_PER_SHARD);
  });

  it('rejects missing, older-format, truncated or inconsistent items without throwing', () => {
    const good = stored(compileGlossary([bundledV1()], emptyUserLayer(), 'v'));
    const { page, matcher } = good;
    const source = (i: number) => good.shards[i];
    const index = JSON.parse(page.index);
    const fields = matcher.matcher.fields as Record<string, string>;
    const withFields = (change: Record<string, unknown>) => ({
      page,
      matcher: { ...matcher, matcher: { ...matcher.matcher, fields: { ...fields, ...change } } },
    });
    const variants: unknown[] = [
      { page: undefined, matcher },
      { page: 'text', matcher },
      // The shape format 1 stored: one object with every entry's JSON and the matcher.
      { page: { formatVersion: 1, version: 'v', entriesJson: '[]', matcher: matcher.matcher }, matcher },
      // Format 2: the matcher inside the page item.
      { page: { ...page, formatVersion: 2, matcher: matcher.matcher }, matcher },
      // Format 3: no fold table with the matcher; format 4: no display names; format 5: the
      // matcher's alphabet as a string (storage breaks its lone surrogates). And a format from the future.
      { page: { ...page, formatVersion: 3 }, matcher },
      { page: { ...page, formatVersion: 4 }, matcher },
      { page: { ...page, formatVersion: 5 }, matcher },
      { page: { ...page, formatVersion: 7 }, matcher },
      { page: { ...page, entryCount: 2 }, matcher },
      { page: { ...page, shards: [] }, matcher },
      { page: { ...page, index: page.index.slice(0, -10) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, ids: index.ids.slice(1) }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, ids: ['nvidia', 'nvidia', 'deepseek'] }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, terms: index.terms.slice(1) }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, category: [0, 0, 5] }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, weight: ['heavy', null, null] }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, nameLengths: undefined }) }, matcher },
      // Display names: missing, on a row that does not exist, of no reader language, not text.
      { page: { ...page, index: JSON.stringify({ ...index, names: undefined }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, names: { 3: { en: 'Nvidia' } } }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, names: { '01': { en: 'Nvidia' } } }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, names: { 0: { fr: 'Nvidia' } } }) }, matcher },
      { page: { ...page, index: JSON.stringify({ ...index, names: { 0: { en: 5 } } }) }, matcher },
      // The matcher item missing, of another glossary, or damaged.
      { page, matcher: undefined },
      { page, matcher: 'text' },
      { page, matcher: { ...matcher, stamp: 'other' } },
      { page, matcher: { ...matcher, matcher: 'text' } },
      withFields({ alphabet: 5 }),
      withFields({ version: 1 }),
      {
        page,
        matcher: { ...matcher, matcher: { ...matcher.matcher, joined: [...matcher.matcher.joined, 'alphabet'] } },
      },
      // One alias fewer than the automaton's tables expect.
      withFields({ variantText: fields.variantText!.slice(0, fields.variantText!.lastIndexOf('\u0000')) }),
    ];
    for (const raw of variants) expect(readCompiledGlossary(raw as StoredGlossary, source)).toBeUndefined();
    expect(readCompiledGlossary({ page, matcher }, source)).toBeDefined();
  });

  it('carries display names to pages and the popup, and finds a display name that is no alias', () => {
    const withNames = pack('named', [
      entry('nvidia', {
        term: '輝達',
        names: { 'zh-Hans': '英伟达', en: 'Nvidia Corp.', ja: 'エヌビディア' },
        aliases: ['Nvidia'],
      }),
      entry('huawei', { term: '華為', aliases: ['Huawei'] }),
    ]);
    const compiled = stored(compileGlossary([withNames], emptyUserLayer(), 'v'));
    const glossary = read(compiled)!;
    // Only the reader languages travel with the index; the full entry keeps the rest.
    expect(glossary.byId.get('nvidia')?.names).toEqual({ 'zh-Hans': '英伟达', en: 'Nvidia Corp.' });
    expect(glossary.byId.get('huawei')).not.toHaveProperty('names');
    expect(readGlossaryIndex(compiled.page)?.byId.get('nvidia')?.names).toEqual({
      'zh-Hans': '英伟达',
      en: 'Nvidia Corp.',
    });
    const text = '英伟达 is Nvidia Corp., not エヌビディア.';
    expect(glossary.matcher.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['英伟达', 'Nvidia Corp.']);
    expect(glossary.nameLengths.longest).toBe('Nvidia Corp.'.length);
  });

  it('reads the index alone from the page item, as the popup does', () => {
    const good = stored(compileGlossary([bundledV1()], emptyUserLayer(), 'v'));
    const index = readGlossaryIndex(good.page);
    const full = readCompiledGlossary(good, (i) => good.shards[i]);
    expect(index?.entries).toEqual(full?.entries);
    expect(index?.version).toBe('v');
    expect(index?.byId.get('huawei')).toEqual(full?.byId.get('huawei'));
    expect(compiledEntryIds(good.page)).toEqual(['nvidia', 'huawei', 'deepseek']);
    // The page item says nothing of the automaton: all of it is in the matcher item.
    expect(JSON.stringify(good.page)).not.toContain(good.matcher.matcher.fields.alphabet as string);
    expect(readGlossaryIndex({ ...good.page, formatVersion: 2 })).toBeUndefined();
  });

  it('reads in many small steps for a big glossary, to the same result as at once', () => {
    const compiled = stored(compileEntries(runtimeEntries(5_000), 'v'));
    const steps = compiledGlossarySteps(compiled, (i) => compiled.shards[i]);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    // Index rows, then the matcher's header, tables and state slices: each a bounded piece.
    expect(count).toBeGreaterThanOrEqual(5_000 / 2_048 + 3);
    const glossary = step.value!;
    expect(glossary.entries).toHaveLength(5_000);
    const text = 'See Alias 4321 and Name 17.';
    expect(glossary.matcher.scan(text).map((m) => glossary.entries[m.entry]?.id)).toEqual(['entry-4321', 'entry-17']);
  });

  it('stores the matcher’s lists of strings as single strings and gets them back unchanged', () => {
    const item = JSON.parse(JSON.stringify(compileGlossary([bundledV1()], emptyUserLayer(), 'v').matcher));
    expect(item.matcher.joined).toEqual(['variantText']);
    expect(item.matcher.fields.entryIds).toBeUndefined(); // the index has them
    expect(typeof item.matcher.fields.variantText).toBe('string');
    const original = { format: 'x', ids: ['a', 'b', ''], one: ['only'], none: [], odd: ['a\u0000b', 'c'], n: [1, 2] };
    const packed = packMatcher({ ...original, entryIds: ['e'] } as never);
    expect(packed.joined).toEqual(['ids']);
    expect(unpackMatcher(JSON.parse(JSON.stringify(packed)), ['e'])).toEqual({ ...original, entryIds: ['e'] });
  });

  it('reports a shard that is missing, damaged or of another version, and shows nothing from it', async () => {
    const good = stored(compileGlossary([bundledV1()], emptyUserLayer(), 'v'));
    const other = stored(compileGlossary([bundledV1()], emptyUserLayer(), 'v2')).shards[0]!;
    const changed = stored(compileEntries([{ ...entry('nvidia'), packId: 'bundled' }], 'v3')).shards[0]!;
    const damaged = [
      undefined,
      { ...good.shards[0]!, entries: good.shards[0]!.entries.slice(0, -3) },
      { ...good.shards[0]!, entries: JSON.stringify([{ ...JSON.parse(good.shards[0]!.entries)[0], context: 5 }]) },
      changed,
    ];
    expect(other.stamp).toBe(good.shards[0]!.stamp); // Same content, same stamp, whatever the version.
    for (const shard of damaged) {
      const unreadable: number[] = [];
      const glossary = readCompiledGlossary(
        good,
        () => shard,
        (i) => unreadable.push(i),
      )!;
      expect(await glossary.loadEntry('nvidia')).toBeUndefined();
      expect(unreadable).toEqual([0]);
    }
  });
});
