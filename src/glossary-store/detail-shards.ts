/**
 * Reading entry details from their shards, lazily: a page reads a shard only when its
 * tooltip first shows one of the shard's entries, and keeps what it read in memory.
 *
 * Like the page item, shards are checked without zod (this runs in the content script): the
 * writer only stores entries that passed the full schema, so the checks here only have to
 * catch truncated, foreign or tampered data, enough that the tooltip never throws on it.
 */
import { isRecord } from '../validate';
import type { DetailShard } from './compiled-format';
import { shardOf } from './compiled-format';
import type { RuntimeEntry } from './runtime-entry';

const isString = (v: unknown): v is string => typeof v === 'string';
const isOptionalString = (v: unknown) => v === undefined || isString(v);
const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);

/** A note is one string or one string per language. */
function isContext(v: unknown): boolean {
  return isString(v) || (isRecord(v) && Object.values(v).every(isOptionalString));
}

/** Display names (of an entry or its section): text by language. */
function isNames(v: unknown): boolean {
  return isRecord(v) && Object.values(v).every(isString);
}

/** The fields the tooltip and the popup rely on, checked cheaply. */
export function looksLikeEntry(v: unknown): v is RuntimeEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    isString(e.id) &&
    isString(e.term) &&
    (e.names === undefined || isNames(e.names)) &&
    isString(e.category) &&
    isString(e.packId) &&
    Array.isArray(e.aliases) &&
    e.aliases.every(
      (a) => isString(a) || (typeof a === 'object' && a !== null && isString((a as { text?: unknown }).text)),
    ) &&
    isContext(e.context) &&
    isOptionalString(e.section) &&
    (e.sectionNames === undefined || isNames(e.sectionNames)) &&
    (e.related === undefined || isStringList(e.related)) &&
    (e.exclude === undefined || isStringList(e.exclude))
  );
}

/** The entries of a stored shard, or undefined when it is missing, unreadable or not the expected one. */
export function parseDetailShard(raw: unknown, stamp: string | undefined): RuntimeEntry[] | undefined {
  if (typeof raw !== 'object' || raw === null || stamp === undefined) return undefined;
  const shard = raw as Partial<Record<keyof DetailShard, unknown>>;
  if (shard.stamp !== stamp || !isString(shard.entries)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(shard.entries);
  } catch {
    return undefined;
  }
  return Array.isArray(entries) && entries.every(looksLikeEntry) ? entries : undefined;
}

/** Where shard `index` comes from: storage in the extension, an array in tests and scripts. */
export type ShardSource = (index: number) => unknown;

export interface DetailsReader {
  peek(id: string): RuntimeEntry | undefined;
  load(id: string): Promise<RuntimeEntry | undefined>;
}

/**
 * Reads details from the shards named by `stamps`, each at most once while it reads well.
 * `onUnreadable` hears of a shard that is missing or is not the one the page item names:
 * either the glossary just changed (the new page item is on its way) or storage is damaged.
 */
export function detailsReader(
  stamps: readonly string[],
  source: ShardSource,
  onUnreadable: (index: number) => void = () => {},
): DetailsReader {
  const loaded = new Map<string, RuntimeEntry>();
  const reads = new Map<number, Promise<void>>();

  const readShard = (index: number): Promise<void> => {
    const read = Promise.resolve()
      .then(() => source(index))
      .then((raw) => {
        const entries = parseDetailShard(raw, stamps[index]);
        if (!entries) throw new Error(`details shard ${index} is unreadable`);
        for (const entry of entries) loaded.set(entry.id, entry);
      })
      .catch(() => {
        // Forget the failure so a later tooltip tries again (after a rebuild, say).
        reads.delete(index);
        onUnreadable(index);
      });
    reads.set(index, read);
    return read;
  };

  return {
    peek: (id) => loaded.get(id),
    async load(id) {
      const known = loaded.get(id);
      if (known || stamps.length === 0) return known;
      const index = shardOf(id, stamps.length);
      await (reads.get(index) ?? readShard(index));
      return loaded.get(id);
    },
  };
}
