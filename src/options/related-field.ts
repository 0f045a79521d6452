/**
 * The Related field of the entry form: one line per related entry of the same pack. A reader
 * knows entries by name, not by id, so each stored id is shown as the entry's name in the
 * reader's language (where that name finds the entry again), and each line is read back as an
 * id, as any name of an entry of the pack in any script (英伟达 finds 輝達's entry), or as the
 * line the form showed for an entry, which another tab may have renamed since. Pure.
 */
import { displayName, everyName } from '../glossary/entry-names';
import { LIMITS, NOTE_LANGUAGES, type Entry } from '../glossary/schema';
import type { ReaderLanguage } from '../i18n/language';
import { lines, type FormValues } from './entry-form-values';
import { searchKey } from './entry-search';

/** What reading the field needs to know about the pack. */
export interface RelatedLookup {
  /** Ids of the pack's entries. */
  packEntryIds: ReadonlySet<string>;
  /** Folded names of the pack's other entries, with their ids (the first entry's, where two share one). */
  packNameIds: Pick<ReadonlyMap<string, string>, 'get'>;
  /** The entries the form showed as related, by the folded line it showed each as (`shownLines`). */
  shownLines?: ReadonlyMap<string, string>;
}

/**
 * The field as read: `self` when a line is the entry itself; `unknown`, the first line that is
 * no entry; `tooMany` when it names more entries than the field holds.
 */
export interface RelatedRead {
  ids: string[];
  self?: true;
  unknown?: string;
  tooMany?: true;
}

/** The pack's ids and names as the field reads them, for an entry `exceptId` being edited. */
export function packLookup(entries: readonly Entry[], exceptId: string | undefined): RelatedLookup {
  const { ids, owners } = packNames(entries);
  return { packEntryIds: ids, packNameIds: { get: (key) => owners.get(key)?.find((id) => id !== exceptId) } };
}

/**
 * The id a line stands for, `self` for the entry itself (`id`, or one of its names `own`),
 * `gone` for an entry the form showed that another tab has deleted since, else undefined.
 */
function resolve(
  line: string,
  lookup: RelatedLookup,
  id: string,
  own: ReadonlySet<string>,
): string | 'self' | 'gone' | undefined {
  if (line === id) return 'self';
  // Another entry's id as typed is that entry, even where it reads as one of this entry's names.
  if (lookup.packEntryIds.has(line)) return line;
  const key = searchKey(line);
  if (own.has(key)) return 'self';
  // A line as the form showed it is the entry it was shown for, even if another tab renamed
  // that entry and gave the name to another since. Deleted since, it is left out, as reopening
  // the entry would leave it out (the save keeps the link hidden, for a restore to bring back).
  const shown = lookup.shownLines?.get(key);
  if (shown !== undefined) return lookup.packEntryIds.has(shown) ? shown : 'gone';
  return lookup.packNameIds.get(key);
}

/** Commas and semicolons, Latin and Chinese, and the enumeration comma 、. */
const LIST_SEPARATORS = /[,;，；、]/g;

type Resolved = string | 'self' | 'gone';

/**
 * The entries a line names: the whole line as one, else, where it is a list written on one
 * line ("Nvidia, H20", as the field's hint lists its examples), each of its parts as one. A
 * part may hold a separator itself, a name with a comma in it ("Arm Holdings, plc, Nvidia"):
 * the line is cut where its parts are names, the longer name first where two readings exist.
 */
function resolveLine(
  line: string,
  lookup: RelatedLookup,
  id: string,
  own: ReadonlySet<string>,
): Resolved[] | 'tooMany' | undefined {
  const whole = resolve(line, lookup, id, own);
  if (whole !== undefined) return [whole];
  const cuts = [-1, ...[...line.matchAll(LIST_SEPARATORS)].map((m) => m.index), line.length];
  // No separator: no list.
  if (cuts.length === 2) return undefined;
  // More parts than a Related field holds, a comma in every name: too many, said as such,
  // rather than cut thousands of ways on the main thread.
  if (cuts.length - 1 > 2 * LIMITS.listLength) return 'tooMany';
  // The entries of the line from cut `at` on, or null where no cutting reads as names; each
  // cut's answer kept, so a long list costs the square of its parts, not their power set.
  const fromCut = new Map<number, Resolved[] | null>();
  const readFrom = (at: number): Resolved[] | null => {
    if (at === cuts.length - 1) return [];
    let found = fromCut.get(at);
    if (found !== undefined) return found;
    found = null;
    for (let end = cuts.length - 1; end > at && !found; end--) {
      // Longer than any name, with room for the spaces around it: no name.
      if (cuts[end]! - cuts[at]! > 2 * LIMITS.nameLength) continue;
      const part = line.slice(cuts[at]! + 1, cuts[end]).trim();
      // Empty (two separators together, or one at an end): nothing named there.
      const named = part ? resolve(part, lookup, id, own) : undefined;
      if (part && named === undefined) continue;
      const rest = readFrom(end);
      if (rest) found = named === undefined ? rest : [named, ...rest];
    }
    fromCut.set(at, found);
    return found;
  };
  return readFrom(0) ?? undefined;
}

/**
 * The lines of `lines` (`relatedLines`) by their folded text, for `RelatedLookup.shownLines`,
 * with those of `before`: a draft put back over the entry still holds the lines shown then.
 */
export function shownLines(
  lines: ReadonlyMap<string, string>,
  before?: ReadonlyMap<string, string>,
): Map<string, string> {
  const byKey = new Map(before);
  for (const [id, line] of lines) byKey.set(searchKey(line), id);
  return byKey;
}

/**
 * An entry's related ids as the field reads them back: each once (a pack may list one twice),
 * so that opening and saving an entry is no edit of it.
 */
export function relatedIdsOf(entry: Pick<Entry, 'related'> | undefined): string[] {
  return [...new Set(entry?.related ?? [])];
}

/** The form's Related field as ids, for the entry `id` with the names the form gives it. */
export function readRelated(values: FormValues, lookup: RelatedLookup, id: string): RelatedRead {
  const own = new Set(
    [values.term, ...lines(values.aliases), ...NOTE_LANGUAGES.map((l) => values.names[l])].map(searchKey),
  );
  const ids: string[] = [];
  for (const line of lines(values.related)) {
    const found = resolveLine(line, lookup, id, own);
    if (found === 'tooMany') return { ids, tooMany: true };
    if (!found) return { ids, unknown: line };
    if (found.includes('self')) return { ids, self: true };
    for (const one of found) if (one !== 'gone' && !ids.includes(one)) ids.push(one);
  }
  // Lists on single lines can name more than the field's lines may number.
  return ids.length > LIMITS.listLength ? { ids, tooMany: true } : { ids };
}

/**
 * The line to show for each of `entry`'s related ids: the related entry's name for a reader of
 * `language`, else its term, whichever reads back as that entry; else the id itself (two
 * entries of the pack sharing the name, or a name that is also an id or one of `entry`'s own).
 */
export function relatedLines(entries: readonly Entry[], entry: Entry, language: ReaderLanguage): Map<string, string> {
  const lookup = packLookup(entries, entry.id);
  const own = new Set(everyName(entry).map(searchKey));
  const shown = new Map<string, string>();
  for (const id of entry.related ?? []) {
    const related = lookup.packEntryIds.has(id) ? entries.find((e) => e.id === id) : undefined;
    const candidates = related ? [displayName(related, language), related.term] : [];
    const line = candidates.find((name) => resolve(name, lookup, entry.id, own) === id) ?? id;
    shown.set(id, line);
  }
  return shown;
}

/** Every folded name of a pack's entries, with the ids of the entries that have it, in the pack's order. */
interface PackNames {
  ids: ReadonlySet<string>;
  owners: ReadonlyMap<string, readonly string[]>;
}

/**
 * Per list of a pack's entries (the editor keeps one per stored state), its names: opening an
 * entry of a 10,000-entry pack folded every name of the pack again, some 40–90 ms a click.
 */
const packNamesMemo = new WeakMap<readonly Entry[], PackNames>();

function packNames(entries: readonly Entry[]): PackNames {
  let names = packNamesMemo.get(entries);
  if (!names) {
    const owners = new Map<string, string[]>();
    for (const entry of entries) {
      for (const key of everyName(entry).map(searchKey)) {
        const ids = owners.get(key);
        if (!ids) owners.set(key, [entry.id]);
        else if (!ids.includes(entry.id)) ids.push(entry.id);
      }
    }
    names = { ids: new Set(entries.map((e) => e.id)), owners };
    packNamesMemo.set(entries, names);
  }
  return names;
}
