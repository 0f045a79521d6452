/**
 * Reading the compiled glossary (`compiled-format.ts`): the page item into a `GlossaryIndex`
 * (what the popup needs), and with the matcher item into an `ActiveGlossary` (what a page
 * needs). The content script runs this on every page, so it uses no zod: the writer
 * (`publish.ts`) only ever stores entries that passed the full schema, and the checks here
 * only have to catch data that is truncated, from another format version, or tampered with —
 * enough that nothing downstream throws on it. `loadMatcher` checks the automaton's own
 * arrays. A cache of an older format (or none) reads as undefined, never as an error.
 *
 * Reading is written as steps (`steps.ts`): a page runs them in slices, so a 10,000-entry
 * glossary loads without one long task; everything else runs them at once.
 */
import type { DisplayNames } from '../glossary/entry-names';
import { READER_LANGUAGES } from '../i18n/language';
import { isOneOf, isRecord } from '../validate';
import { loadMatcherSteps, type Matcher, type SerializedMatcher } from '../matcher';
import {
  COMPILED_FORMAT_VERSION,
  unpackMatcher,
  type CompiledGlossary,
  type GlossaryIndexData,
} from './compiled-format';
import { detailsReader, type ShardSource } from './detail-shards';
import type { ActiveGlossary, GlossaryIndex, IndexEntry, NameLengths } from './runtime-entry';
import { runSteps, type Steps } from './steps';

type Stored = Partial<Record<keyof CompiledGlossary, unknown>>;

/** The two items a page reads, as storage handed them over. */
export interface StoredGlossary {
  page: unknown;
  matcher: unknown;
}

/** Index rows built per step. */
const ROWS_PER_STEP = 2_048;

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStringList = (v: unknown, length?: number): v is string[] =>
  Array.isArray(v) && (length === undefined || v.length === length) && v.every(isString);
const isIndexList = (v: unknown, length: number, bound: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every((i) => isCount(i) && i < bound);
const isOptionalNumberList = (v: unknown, length: number): v is (number | null)[] =>
  Array.isArray(v) && v.length === length && v.every((x) => x === null || (typeof x === 'number' && isFinite(x)));

/** The index's `names`: rows in range, each a set of display names of the reader languages. */
function isNamesByRow(v: unknown, count: number): v is Record<string, DisplayNames> {
  if (!isRecord(v)) return false;
  return Object.entries(v).every(([row, names]) => {
    const i = Number(row);
    if (!Number.isInteger(i) || i < 0 || i >= count || String(i) !== row || !isRecord(names)) return false;
    return Object.entries(names).every(([l, name]) => isOneOf(READER_LANGUAGES, l) && isString(name));
  });
}

function parseJson(text: unknown): unknown {
  if (!isString(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The page item's header if it is of the current format: version, entry count and stamps. */
export function compiledHeader(
  raw: unknown,
): { version: string; entryCount: number; matcher: string; shards: string[] } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Stored;
  if (c.formatVersion !== COMPILED_FORMAT_VERSION || !isString(c.version) || !isCount(c.entryCount)) return undefined;
  if (!isString(c.matcher) || !isStringList(c.shards) || (c.entryCount > 0 && c.shards.length === 0)) return undefined;
  return { version: c.version, entryCount: c.entryCount, matcher: c.matcher, shards: c.shards };
}

/** The entry ids of a stored page item, in matcher order (for tests and scripts that wait for a build). */
export function compiledEntryIds(raw: unknown): string[] | undefined {
  const header = compiledHeader(raw);
  if (!header) return undefined;
  const ids = (parseJson((raw as Stored).index) as { ids?: unknown } | undefined)?.ids;
  return isStringList(ids, header.entryCount) ? ids : undefined;
}

/** The checked columns of the index, or undefined unless it has `count` well-formed rows. */
function indexColumns(text: unknown, count: number) {
  const data = parseJson(text) as Partial<Record<keyof GlossaryIndexData, unknown>> | undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  const { ids, terms, names, categories, category, packs, pack, weight, mentions, nameLengths } = data;
  if (
    !isStringList(ids, count) ||
    !isStringList(terms, count) ||
    !isNamesByRow(names, count) ||
    !isStringList(categories) ||
    !isIndexList(category, count, categories.length) ||
    !isStringList(packs) ||
    !isIndexList(pack, count, packs.length) ||
    !isOptionalNumberList(weight, count) ||
    !isOptionalNumberList(mentions, count)
  ) {
    return undefined;
  }
  const bounds = nameLengths as Partial<NameLengths> | undefined;
  if (!bounds || !isCount(bounds.longest) || !isCount(bounds.shortest)) return undefined;
  const lengths: NameLengths = { longest: bounds.longest, shortest: bounds.shortest };
  return { ids, terms, names, categories, category, packs, pack, weight, mentions, lengths };
}

/** Reads the index of the page item `raw` in steps; undefined when it is missing or unusable. */
function* indexSteps(raw: unknown): Steps<GlossaryIndex | undefined> {
  const header = compiledHeader(raw);
  if (!header) return undefined;
  const columns = indexColumns((raw as Stored).index, header.entryCount);
  if (!columns) return undefined;
  const { ids, terms, names, categories, category, packs, pack, weight, mentions, lengths } = columns;
  yield;
  const entries: IndexEntry[] = new Array(ids.length);
  const byId = new Map<string, IndexEntry>();
  for (let from = 0; from < ids.length; from += ROWS_PER_STEP) {
    for (let i = from; i < Math.min(ids.length, from + ROWS_PER_STEP); i++) {
      // A category this version does not know is only a name to the page (a data attribute).
      const entry: IndexEntry = {
        id: ids[i]!,
        term: terms[i]!,
        category: categories[category[i]!] as IndexEntry['category'],
        packId: packs[pack[i]!]!,
      };
      const n = names[i];
      if (n) entry.names = n;
      const w = weight[i];
      const m = mentions[i];
      if (typeof w === 'number') entry.weight = w;
      if (typeof m === 'number') entry.mentions = m;
      entries[i] = entry;
      byId.set(entry.id, entry);
    }
    yield;
  }
  if (byId.size !== entries.length) return undefined; // ids are unique in anything the writer stores
  return {
    version: header.version,
    entries,
    byId,
    nameLengths: lengths,
  };
}

/** The index of the page item `raw` (all the popup reads), or undefined when it is missing or unusable. */
export function readGlossaryIndex(raw: unknown): GlossaryIndex | undefined {
  return runSteps(indexSteps(raw));
}

/** The matcher item's matcher if it is the one `stamp` names, in steps. */
function* matcherSteps(raw: unknown, stamp: string, ids: readonly string[]): Steps<Matcher | undefined> {
  if (typeof raw !== 'object' || raw === null || (raw as { stamp?: unknown }).stamp !== stamp) return undefined;
  const serialized = unpackMatcher((raw as { matcher?: unknown }).matcher, ids);
  yield;
  try {
    return yield* loadMatcherSteps(serialized as SerializedMatcher);
  } catch {
    return undefined;
  }
}

/**
 * Reads the active glossary in steps: undefined when an item is missing or unusable. Entry
 * details come from `source` when first asked for; `onUnreadable` hears of a shard that does
 * not read as the one the page item names.
 */
export function* compiledGlossarySteps(
  stored: StoredGlossary,
  source: ShardSource,
  onUnreadable?: (index: number) => void,
): Steps<ActiveGlossary | undefined> {
  const header = compiledHeader(stored.page);
  if (!header) return undefined;
  const index = yield* indexSteps(stored.page);
  if (!index) return undefined;
  const matcher = yield* matcherSteps(
    stored.matcher,
    header.matcher,
    index.entries.map((e) => e.id),
  );
  if (!matcher) return undefined;
  const { byId } = index;
  const details = detailsReader(header.shards, source, onUnreadable);
  return {
    ...index,
    matcher,
    peekEntry: (id) => details.peek(id),
    loadEntry: (id) => (byId.has(id) ? details.load(id) : Promise.resolve(undefined)),
  };
}

/** The active glossary in `stored`, read at once, or undefined when it is missing or unusable. */
export function readCompiledGlossary(
  stored: StoredGlossary,
  source: ShardSource,
  onUnreadable?: (index: number) => void,
): ActiveGlossary | undefined {
  return runSteps(compiledGlossarySteps(stored, source, onUnreadable));
}
