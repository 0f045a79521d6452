/**
 * Compiling the merged glossary into the cache format (`compiled-format.ts`). Pure apart from
 * hashing the version; no storage, so scripts and tests can compile without an extension.
 */
import { browser } from 'wxt/browser';
import { readerNames } from '../glossary/entry-names';
import type { Pack } from '../glossary/schema';
import { compileMatcher } from '../matcher';
import type { UserLayer } from '../storage/user-layer-schema';
import {
  COMPILED_FORMAT_VERSION,
  detailShardCount,
  packMatcher,
  shardOf,
  type CompiledGlossary,
  type CompiledMatcherItem,
  type DetailShard,
  type GlossaryIndexData,
} from './compiled-format';
import { glossaryVersion } from './glossary-version';
import { activeEntries, mergeGlossary, sourcePacks } from './merge';
import { nameLengths } from './name-lengths';
import type { RuntimeEntry } from './runtime-entry';

/** The page item, the matcher item and the details shards (shard i is stored under `detailShardKey(i)`). */
export interface CompiledOutput {
  page: CompiledGlossary;
  matcher: CompiledMatcherItem;
  shards: DetailShard[];
}

/** The extension's version, or "dev" where there is no manifest (unit tests). */
function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'dev';
  }
}

/** The version the compiled glossary of these inputs will carry. */
export function versionOf(packs: readonly Pack[], layer: UserLayer): Promise<string> {
  return glossaryVersion({
    formatVersion: COMPILED_FORMAT_VERSION,
    extensionVersion: extensionVersion(),
    packs,
    layer,
  });
}

/**
 * A 64-bit hash of `text` (two multiply-xorshift lanes) with its length: tells a shard's
 * content apart from any other version's. Synchronous, so compiling stays synchronous.
 */
export function textStamp(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (h: number) => (h >>> 0).toString(16).padStart(8, '0');
  return `${text.length.toString(36)}-${hex(h2)}${hex(h1)}`;
}

/** Positions of each distinct value, for a column stored as indices into a list of values. */
function column(values: readonly string[]): { distinct: string[]; index: number[] } {
  const positions = new Map<string, number>();
  const index = values.map((v) => {
    let at = positions.get(v);
    if (at === undefined) positions.set(v, (at = positions.size));
    return at;
  });
  return { distinct: [...positions.keys()], index };
}

function indexOf(entries: readonly RuntimeEntry[]): GlossaryIndexData {
  const categories = column(entries.map((e) => e.category));
  const packs = column(entries.map((e) => e.packId));
  return {
    ids: entries.map((e) => e.id),
    terms: entries.map((e) => e.term),
    names: Object.fromEntries(
      entries.flatMap((e, i) => {
        const names = readerNames(e.names);
        return names ? [[String(i), names]] : [];
      }),
    ),
    categories: categories.distinct,
    category: categories.index,
    packs: packs.distinct,
    pack: packs.index,
    weight: entries.map((e) => e.weight ?? null),
    mentions: entries.map((e) => e.mentions ?? null),
    nameLengths: nameLengths(entries),
  };
}

function shardsOf(entries: readonly RuntimeEntry[]): DetailShard[] {
  const buckets = Array.from({ length: detailShardCount(entries.length) }, (): RuntimeEntry[] => []);
  for (const entry of entries) buckets[shardOf(entry.id, buckets.length)]!.push(entry);
  return buckets.map((bucket) => {
    const text = JSON.stringify(bucket);
    return { stamp: textStamp(text), entries: text };
  });
}

/**
 * The matcher last compiled in this context, with the text of what the matcher reads of each
 * entry: a save that changed no name (a note, a category, a link) compiles the same matcher,
 * a third of a second of a 10,000-entry glossary's save, and reuses this one. Its text takes
 * a few milliseconds to build. One slot: the editor and the background each compile the
 * reader's current glossary over and over.
 */
let lastMatcher: { inputs: string; matcher: CompiledMatcherItem } | undefined;

/** Every field of an entry that `compileMatcher` reads, in entry order (indices are the matcher's entries). */
function matcherInputs(entries: readonly RuntimeEntry[]): string {
  return JSON.stringify(entries.map((e) => [e.id, e.term, e.names, e.aliases, e.caseSensitive, e.exclude]));
}

function matcherOf(entries: readonly RuntimeEntry[]): CompiledMatcherItem {
  const inputs = matcherInputs(entries);
  if (lastMatcher?.inputs === inputs) return lastMatcher.matcher;
  const stored = packMatcher(compileMatcher(entries).serialize());
  const matcher = { stamp: textStamp(JSON.stringify(stored)), matcher: stored };
  lastMatcher = { inputs, matcher };
  return matcher;
}

/** The compiled form of runtime entries (ids unique, as `activeEntries` makes them). */
export function compileEntries(entries: readonly RuntimeEntry[], version: string): CompiledOutput {
  const shards = shardsOf(entries);
  const matcher = matcherOf(entries);
  return {
    page: {
      formatVersion: COMPILED_FORMAT_VERSION,
      version,
      entryCount: entries.length,
      index: JSON.stringify(indexOf(entries)),
      matcher: matcher.stamp,
      shards: shards.map((s) => s.stamp),
    },
    matcher,
    shards,
  };
}

/** The compiled glossary for these inputs. */
export function compileGlossary(packs: readonly Pack[], layer: UserLayer, version: string): CompiledOutput {
  return compileEntries(activeEntries(mergeGlossary(sourcePacks(packs, layer), layer)).entries, version);
}
