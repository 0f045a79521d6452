/** What the entry form's validation needs to know about the rest of the glossary. Pure. */
import { displayName, everyName, packTitle } from '../glossary/entry-names';
import type { Entry, NoteLanguage } from '../glossary/schema';
import type { MergedGlossary, MergedPack } from '../glossary-store/merge';
import type { ReaderLanguage } from '../i18n/language';
import { searchKey } from './entry-search';
import { ownerCalled } from './owner-called';
import { packLookup, type RelatedLookup } from './related-field';

/** The entry a name belongs to. */
export interface NameOwner {
  id: string;
  packId: string;
  name: string;
  term: string;
  /** Its pack's title for the reader. */
  pack: string;
}

export interface FormContext {
  /** The entry being edited, as stored now; undefined for a new one. */
  original?: Entry;
  /**
   * The entry as the form showed it when opened, if another tab may have saved it since: a
   * field the reader left as shown keeps what is stored now, not the form's older copy.
   */
  shown?: Entry;
  packLanguage?: NoteLanguage;
  /** Ids a new entry cannot take (the pack's and the active glossary's). */
  takenIds: ReadonlySet<string>;
  /** Folded names of every other entry, with their owner: its id and pack, its name for the reader, its term. */
  nameOwners: ReadonlyMap<string, NameOwner>;
  /** Ids of the pack's entries, for `related`. */
  packEntryIds: ReadonlySet<string>;
  /** Folded names of the pack's other entries, with their ids: `related` may name an entry. */
  packNameIds: RelatedLookup['packNameIds'];
  /** The Related field's lines as the form showed them (`RelatedLookup.shownLines`). */
  shownLines?: ReadonlyMap<string, string>;
}

/**
 * A pack's entries as one list per stored state of the pack. The Related field's names of a
 * pack are folded once per list (related-field.ts), so opening or saving one entry after
 * another does not fold every name of the pack again (40–90 ms each in a 10,000-entry pack).
 */
const entryLists = new WeakMap<MergedPack['entries'], readonly Entry[]>();
export function entriesOf(pack: MergedPack): readonly Entry[] {
  let list = entryLists.get(pack.entries);
  if (!list) entryLists.set(pack.entries, (list = pack.entries.map((e) => e.entry)));
  return list;
}

/**
 * The context for editing `original` (or a new entry) in pack `packId`: the names and ids
 * other entries already use. Only enabled packs count for names: a switched-off pack
 * highlights nothing, so it cannot compete for a name. A name's owner is named for a reader of
 * `language`, as the editor's list names it.
 */
export function formContextFor(
  merged: MergedGlossary,
  packId: string,
  original: Entry | undefined,
  language: ReaderLanguage,
): FormContext {
  const nameOwners = new Map<string, NameOwner>();
  const takenIds = new Set<string>();
  let packLanguage: NoteLanguage | undefined;
  let lookup: RelatedLookup = { packEntryIds: new Set(), packNameIds: new Map() };
  for (const pack of merged.packs) {
    const isTarget = pack.pack.id === packId;
    if (isTarget) {
      packLanguage = pack.pack.source.language;
      lookup = packLookup(entriesOf(pack), original?.id);
      for (const e of pack.removed) takenIds.add(e.id);
    }
    if (!pack.enabled && !isTarget) continue;
    for (const { entry } of pack.entries) {
      if (isTarget && entry.id === original?.id) continue;
      takenIds.add(entry.id);
      if (!pack.enabled) continue;
      const owner = {
        id: entry.id,
        packId: pack.pack.id,
        name: displayName(entry, language),
        term: entry.term,
        pack: packTitle(pack.pack, language),
      };
      for (const name of everyName(entry)) {
        const key = searchKey(name);
        if (!nameOwners.has(key)) nameOwners.set(key, owner);
      }
    }
  }
  return { original, packLanguage, takenIds, nameOwners, ...lookup };
}

/**
 * A name that the pack's version of an entry (`base`) would bring back, on a reset or a
 * restore, which another entry now has (the reader gave it to one meanwhile): two entries with
 * one name, and a page would highlight it for only one of them. The form refuses such a name;
 * so does a reset. Names the entry has now are its own.
 */
export function nameTakenByReset(
  merged: MergedGlossary,
  packId: string,
  base: Entry | undefined,
  language: ReaderLanguage,
): { name: string; owner: string | undefined; pack: string } | undefined {
  if (!base) return undefined;
  const current = merged.packs.find((p) => p.pack.id === packId)?.entries.find((e) => e.entry.id === base.id)?.entry;
  const own = new Set((current ? everyName(current) : []).map(searchKey));
  const { nameOwners } = formContextFor(merged, packId, current, language);
  for (const name of everyName(base)) {
    const owner = own.has(searchKey(name)) ? undefined : nameOwners.get(searchKey(name));
    if (owner && owner.id !== base.id) return { name, owner: ownerCalled(name, owner), pack: owner.pack };
  }
  return undefined;
}
