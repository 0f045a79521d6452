/**
 * The compiled glossary's stored shape. It is split by who needs what, and when:
 *
 * - `local:compiledGlossary` (`CompiledGlossary`) is read by every page and frame at start,
 *   and by the popup: a lean index (id, term, display names, category, pack, weight, mentions per entry), the
 *   name-length bounds, and the stamps of the other items. Nothing else: a storage read
 *   costs the reading renderer time in proportion to its size.
 * - `local:compiledMatcher` (`CompiledMatcherItem`) holds the serialized matcher (3.4 MB for a
 *   10,000-entry pack): pages read it with the page item; the popup, which only shows counts
 *   the page sends it, never does. Its stamp lets a reader tell it belongs to the page item,
 *   and lets the writer skip rewriting it when an edit changed no name (a note, a category).
 * - `local:glossaryDetails-<i>` (`DetailShard`) hold the full entries, spread over shards by a
 *   hash of the id, so the first tooltip of an entry reads one shard of ~64 entries at most.
 *
 * Chromium converts a stored value into the reading renderer's objects value by value, so
 * large parts travel as few, long strings: the matcher's lists of strings are joined into one
 * string each (`StoredMatcher`), the index and each shard's entries are JSON text. The matcher
 * is not JSON text itself: its bulk is base64 already, and JSON inside JSON would only add
 * an escaping pass to every read and a 3 MB JSON.parse to every page (10,000-entry pack).
 *
 * Every shard and the matcher carry a stamp (a hash of their text) that the page item lists,
 * so a reader can tell an item of another glossary version from its own, and the writer
 * rewrites only items whose content changed.
 */
import type { DisplayNames } from '../glossary/entry-names';
import type { SerializedMatcher } from '../matcher';
import { fnv1a } from '../matcher/fnv';
import type { NameLengths } from './runtime-entry';

/** Bumped whenever the stored shape changes; an older cache is then rebuilt, never migrated. */
export const COMPILED_FORMAT_VERSION = 6;

/** The page item: the index and the stamps of the items that go with it. */
export interface CompiledGlossary {
  formatVersion: typeof COMPILED_FORMAT_VERSION;
  version: string;
  /** Number of entries (also `matcher.entryIds.length`), readable without parsing anything. */
  entryCount: number;
  /** JSON text of `GlossaryIndexData`. */
  index: string;
  /** The stamp of the matcher item that goes with this page item. */
  matcher: string;
  /** The stamp of each details shard, by shard number; entry → shard is `shardOf(id, shards.length)`. */
  shards: string[];
}

/** The matcher item. */
export interface CompiledMatcherItem {
  stamp: string;
  /** The serialized matcher without its entry ids (they are the index's `ids`). */
  matcher: StoredMatcher;
}

/** The lean index, column by column, in matcher entry order. */
export interface GlossaryIndexData {
  ids: string[];
  terms: string[];
  /** Display names of the rows that have any (`RuntimeEntry.names`), by row number: most rows have none. */
  names: Record<string, DisplayNames>;
  /** Distinct categories; `category[i]` indexes into it. */
  categories: string[];
  category: number[];
  /** Distinct pack ids; `pack[i]` indexes into it. */
  packs: string[];
  pack: number[];
  weight: (number | null)[];
  mentions: (number | null)[];
  nameLengths: NameLengths;
}

/** A `SerializedMatcher` without `entryIds`, whose lists of strings are each joined into one string. */
export interface StoredMatcher {
  fields: Record<string, unknown>;
  /** The fields that were lists of strings, now joined with `JOIN`. */
  joined: string[];
}

/** Glossary names and ids cannot contain control characters (the schema refuses them). */
const JOIN = '\u0000';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The matcher in its stored form (ids left out); a list only joins when it splits back unchanged. */
export function packMatcher(matcher: SerializedMatcher): StoredMatcher {
  const { entryIds: _ids, ...fields }: Record<string, unknown> = { ...matcher };
  const joined: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!isStringList(value) || value.length < 2 || value.some((s) => s.includes(JOIN))) continue;
    fields[name] = value.join(JOIN);
    joined.push(name);
  }
  return { fields, joined };
}

/** The serialized matcher back from its stored form and the ids, or undefined (`loadMatcher` checks the rest). */
export function unpackMatcher(stored: unknown, entryIds: readonly string[]): unknown {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { fields, joined } = stored as Partial<StoredMatcher>;
  if (typeof fields !== 'object' || fields === null || !isStringList(joined)) return undefined;
  const matcher: Record<string, unknown> = { ...fields, entryIds };
  for (const name of joined) {
    const value = matcher[name];
    if (typeof value !== 'string') return undefined;
    matcher[name] = value.split(JOIN);
  }
  return matcher;
}

/** One shard of entry details. */
export interface DetailShard {
  stamp: string;
  /** JSON text of the shard's `RuntimeEntry[]`. */
  entries: string;
}

/** Entries per shard the writer aims at; a tooltip's first read is about this many entries. */
export const ENTRIES_PER_SHARD = 64;
/** Upper bound on shards (10,000 entries at 64 per shard fit in 157; powers of two above that). */
export const MAX_SHARDS = 256;

/**
 * How many shards `entryCount` entries are spread over: a power of two, so the count (and
 * with it every entry's shard) changes only when the glossary doubles or halves in size.
 */
export function detailShardCount(entryCount: number): number {
  if (entryCount <= 0) return 0;
  let count = 1;
  while (count * ENTRIES_PER_SHARD < entryCount && count < MAX_SHARDS) count *= 2;
  return count;
}

/** The shard holding entry `id` among `shardCount` shards (FNV-1a of the id). */
export function shardOf(id: string, shardCount: number): number {
  return fnv1a(id) % shardCount;
}
