/**
 * Reading the page item of the compiled glossary (`compiled-format.ts`) into an
 * `ActiveGlossary`. The content script runs this on every page, so it uses no zod: the
 * writer (`publish.ts`) only ever stores entries that passed the full schema, and the checks
 * here only have to catch data that is truncated, from another format version, or tampered
 * with — enough that nothing downstream throws on it. `loadMatcher` checks the automaton's
 * own arrays. A cache of an older format (or none) reads as undefined, never as an error.
 */
import { loadMatcher, type Matcher, type SerializedMatcher } from '../matcher';
import {
  COMPILED_FORMAT_VERSION,
  unpackMatcher,
  type CompiledGlossary,
  type GlossaryIndexData,
} from './compiled-format';
import { detailsReader, type ShardSource } from './detail-shards';
import type { ActiveGlossary, IndexEntry, NameLengths } from './runtime-entry';

type Stored = Partial<Record<keyof CompiledGlossary, unknown>>;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStringList = (v: unknown, length?: number): v is string[] =>
  Array.isArray(v) && (length === undefined || v.length === length) && v.every(isString);
const isIndexList = (v: unknown, length: number, bound: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((i) => isCount(i) && i < bound);
const isOptionalNumberList = (v: unknown, length: number): v is (number | null)[] =>
  Array.isArray(v) && v.length === length && v.every((x) => x === null || (typeof x === 'number' && isFinite(x)));

function parseJson(text: unknown): unknown {
  if (!isString(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The page item's header if it is of the current format: version, entry count and shard stamps. */
export function compiledHeader(raw: unknown): { version: string; entryCount: number; shards: string[] } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Stored;
  if (c.formatVersion !== COMPILED_FORMAT_VERSION || !isString(c.version) || !isCount(c.entryCount)) return undefined;
  if (!isStringList(c.shards) || (c.entryCount > 0 && c.shards.length === 0)) return undefined;
  return { version: c.version, entryCount: c.entryCount, shards: c.shards };
}

/** The entry ids of a stored page item, in matcher order (for tests and scripts that wait for a build). */
export function compiledEntryIds(raw: unknown): string[] | undefined {
  if (!compiledHeader(raw)) return undefined;
  const ids = (unpackMatcher((raw as Stored).matcher) as { entryIds?: unknown } | undefined)?.entryIds;
  return isStringList(ids) ? ids : undefined;
}

/** The index entries and name bounds in `text`, or undefined unless it has `count` well-formed rows. */
function readIndex(
  text: unknown,
  ids: readonly string[],
): { entries: IndexEntry[]; nameLengths: NameLengths } | undefined {
  const data = parseJson(text) as Partial<Record<keyof GlossaryIndexData, unknown>> | undefined;
  const n = ids.length;
  if (typeof data !== 'object' || data === null) return undefined;
  const { terms, categories, category, packs, pack, weight, mentions, nameLengths } = data;
  if (
    !isStringList(terms, n) ||
    !isStringList(categories) ||
    !isIndexList(category, n, categories.length) ||
    !isStringList(packs) ||
    !isIndexList(pack, n, packs.length) ||
    !isOptionalNumberList(weight, n) ||
    !isOptionalNumberList(mentions, n)
  ) {
    return undefined;
  }
  const bounds = nameLengths as Partial<NameLengths> | undefined;
  if (!bounds || !isCount(bounds.longest) || !isCount(bounds.shortest)) return undefined;
  const entries = ids.map((id, i): IndexEntry => {
    // A category this version does not know is only a name to the page (a data attribute).
    const entry: IndexEntry = {
      id,
      term: terms[i]!,
      category: categories[category[i]!] as IndexEntry['category'],
      packId: packs[pack[i]!]!,
    };
    if (weight[i] !== null) entry.weight = weight[i]!;
    if (mentions[i] !== null) entry.mentions = mentions[i]!;
    return entry;
  });
  return { entries, nameLengths: { longest: bounds.longest, shortest: bounds.shortest } };
}

/**
 * The active glossary stored in `raw`, or undefined when `raw` is missing or unusable.
 * Entry details come from `source` when first asked for; `onUnreadable` hears of a shard that
 * does not read as the one `raw` names.
 */
export function readCompiledGlossary(
  raw: unknown,
  source: ShardSource,
  onUnreadable?: (index: number) => void,
): ActiveGlossary | undefined {
  const header = compiledHeader(raw);
  if (!header) return undefined;
  let matcher: Matcher;
  try {
    matcher = loadMatcher(unpackMatcher((raw as Stored).matcher) as SerializedMatcher);
  } catch {
    return undefined;
  }
  if (matcher.entryIds.length !== header.entryCount) return undefined;
  const index = readIndex((raw as Stored).index, matcher.entryIds);
  if (!index) return undefined;
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  const details = detailsReader(header.shards, source, onUnreadable);
  return {
    version: header.version,
    entries: index.entries,
    byId,
    matcher,
    nameLengths: index.nameLengths,
    peekEntry: (id) => details.peek(id),
    loadEntry: (id) => (byId.has(id) ? details.load(id) : Promise.resolve(undefined)),
  };
}
