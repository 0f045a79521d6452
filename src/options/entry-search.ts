/**
 * The editor's list: every entry of every pack, searchable in any script, filterable by
 * category, state and pack. Pure; folding comes from the matcher, so a search for 英伟达
 * finds 輝達's entry through its alias 英偉達, exactly as the highlighter would.
 */
import { everyName } from '../glossary/entry-names';
import type { Entry } from '../glossary/schema';
import type { EntryState, MergedGlossary } from '../glossary-store/merge';
import { fold, withoutScriptChangeSpaces } from '../matcher';

export type ListState = EntryState | 'deleted';

export interface ListItem {
  /** Unique across packs (ids are unique only within one pack). */
  key: string;
  packId: string;
  packEnabled: boolean;
  entry: Entry;
  state: ListState;
  /** Folded names and id, searched first, each apart (SEPARATOR between them). */
  names: string;
  /** Folded notes, searched second, each language's apart (SEPARATOR between them). */
  notes: string;
}

export interface ListFilter {
  query: string;
  /** A category, or '' for all. */
  category: string;
  state: 'all' | 'edited' | 'added' | 'deleted';
  /** A pack id, or '' for every enabled pack. */
  packId: string;
}

export interface FilterResult {
  items: ListItem[];
  /** Matches per category before the category filter, so the filter can show counts. */
  categoryCounts: Map<string, number>;
  /** Matches before the category filter. */
  total: number;
}

/** The key of an entry in the list. */
export function itemKey(packId: string, id: string): string {
  return `${packId}/${id}`;
}

/**
 * Texts folded before, with their keys: on every change the editor folds each entry's names
 * and notes again, for its list and for the save's check that no other entry has a name
 * (0.3 s beside a 10,000-entry pack), and all but the changed entry's are texts it folded
 * before. Emptied when full, so a long session's searches cannot grow it without end.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 100_000;

/** Folds text for search: any script, width or case; whitespace runs as one space, none where Chinese meets Latin. */
export function searchKey(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    if (folded.size >= FOLDED_KEPT) folded.clear();
    // As the matcher reads names: "AI 晶片" and "AI晶片" are one name here too.
    key = withoutScriptChangeSpaces(fold(text).replace(/\s+/g, ' ').trim());
    folded.set(text, key);
  }
  return key;
}

/**
 * Between an entry's names in its search text, and between its notes: no query holds it, so a
 * match is within one name or note, and a name's start and end are known (a space or line
 * break would be folded away, or taken out where a Chinese name meets a Latin one).
 */
const SEPARATOR = '\u0000';

/** An entry's notes, each language's apart, so a phrase is found within one note, not across two. */
function notesOf(entry: Entry): string {
  return typeof entry.context === 'string' ? entry.context : Object.values(entry.context).join(SEPARATOR);
}

function toItem(entry: Entry, packId: string, packEnabled: boolean, state: ListState): ListItem {
  return {
    key: itemKey(packId, entry.id),
    packId,
    packEnabled,
    entry,
    state,
    names: searchKey([...everyName(entry), entry.id].join(SEPARATOR)),
    notes: searchKey(notesOf(entry)),
  };
}

/** One list item per entry of every pack, deleted ones included (they can be restored). */
export function buildListItems(merged: MergedGlossary): ListItem[] {
  return merged.packs.flatMap((pack) => [
    ...pack.entries.map((e) => toItem(e.entry, pack.pack.id, pack.enabled, e.state)),
    ...pack.removed.map((entry) => toItem(entry, pack.pack.id, pack.enabled, 'deleted')),
  ]);
}

function stateMatches(item: ListItem, state: ListFilter['state']): boolean {
  if (state === 'all') return item.state !== 'deleted';
  return item.state === state;
}

/**
 * The query as a name may be written on a page: "GPUs" and "Nvidia's" are highlighted as GPU
 * and Nvidia (a plural or possessive ending on a Latin word), so the search finds them too,
 * in names and in notes.
 */
function baseForm(query: string): string | undefined {
  const base = query.replace(/(?:['’]s|s)$/, '');
  return base !== query && /[a-z0-9]$/.test(base) && base.length >= 2 ? base : undefined;
}

/**
 * The query without the punctuation a name copied from a page brings along ("Nvidia,",
 * 「英伟达」), or undefined when it has none to shed (or is nothing but punctuation).
 */
function bareForm(query: string): string | undefined {
  const bare = query.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
  return bare !== query && bare.length > 0 ? bare : undefined;
}

/**
 * Chinese particles and short words that follow a name in running text with no space before
 * them (英伟达的, 百度和, 阿里巴巴在), so a name copied from a page brings them along.
 */
const PARTICLES = '的地得了著着過过在和與与及是等們们也都把被向對对從从之';

/**
 * The query without one such particle after a Chinese name of two characters or more, or
 * undefined. Searched as a name is, beside the query itself: "百度的" finds Baidu, where only
 * notes that say 百度的 matched.
 */
function withoutParticle(query: string): string | undefined {
  const last = query.at(-1);
  if (last === undefined || !PARTICLES.includes(last)) return undefined;
  const quoted = query.slice(0, -1);
  const name = bareForm(quoted) ?? quoted; // 「李彦宏」和
  return /\p{Script=Han}{2}$/u.test(name) ? name : undefined;
}

/**
 * The query's words, each with the forms it may be found in, when it has more than one: a
 * word is a run between spaces, or of Latin letters and digits beside other script ("h20
 * chip", "li robin", "Nvidia的"). Undefined for a query of one word.
 */
function wordsOf(query: string): string[][] | undefined {
  const words = query
    .split(' ')
    .flatMap((part) => part.match(/[a-z0-9'’.-]+|[^a-z0-9'’.-]+/g) ?? [])
    .map((word) => bareForm(word) ?? word)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length < 2) return undefined;
  return words.map((word) => [word, ...(baseForm(word) ?? [])]);
}

/**
 * How closely a name of `names` (an item's) fits the query or its base form: 0 one is exactly
 * it, 1 one begins with it, 2 it is inside one.
 */
function nameRank(names: string, query: string, base: string | undefined): number {
  let rank = 2;
  for (const form of base === undefined ? [query] : [query, base]) {
    let at = names.indexOf(form);
    while (at >= 0) {
      if (at === 0 || names[at - 1] === SEPARATOR) {
        const end = at + form.length;
        if (end === names.length || names[end] === SEPARATOR) return 0;
        rank = 1;
      }
      at = names.indexOf(form, at + 1);
    }
  }
  return rank;
}

/** `items` sorted by `rank`, lowest first, in their own order where the rank is the same (sort is stable). */
function sortByRank<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ item }) => item);
}

/**
 * The items matching the filter: the query in a name first, then in notes only, then its
 * words each somewhere in the entry, in any order.
 */
export function filterItems(items: readonly ListItem[], filter: ListFilter): FilterResult {
  const typed = searchKey(filter.query);
  const query = bareForm(typed) ?? typed;
  // A plural or possessive's base ("GPUs"), or a Chinese name's without the particle after it.
  const base = baseForm(query) ?? withoutParticle(query);
  const words = wordsOf(query);
  const byName: ListItem[] = [];
  const byNote: ListItem[] = [];
  const byWords: ListItem[] = [];
  for (const item of items) {
    if (filter.packId ? item.packId !== filter.packId : !item.packEnabled) continue;
    if (!stateMatches(item, filter.state)) continue;
    if (!query || item.names.includes(query) || (base !== undefined && item.names.includes(base))) byName.push(item);
    else if (item.notes.includes(query) || (base !== undefined && item.notes.includes(base))) byNote.push(item);
    else if (words?.every((forms) => forms.some((form) => item.names.includes(form) || item.notes.includes(form))))
      byWords.push(item);
  }
  // Among name matches, an entry that is called the query comes first, then one with a name
  // that begins with it: "芯片" lists the chips before the chip ban, whatever the pack's order.
  const ranked = query ? sortByRank(byName, (item) => nameRank(item.names, query, base)) : byName;
  const matched = [...ranked, ...byNote, ...byWords];
  const categoryCounts = new Map<string, number>();
  for (const item of matched)
    categoryCounts.set(item.entry.category, (categoryCounts.get(item.entry.category) ?? 0) + 1);
  return {
    items: filter.category ? matched.filter((i) => i.entry.category === filter.category) : matched,
    categoryCounts,
    total: matched.length,
  };
}
