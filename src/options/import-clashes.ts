/**
 * What an import would leave without effect, told before the reader confirms it. Two entries
 * cannot share an id (the earlier pack's wins; the other is hidden) nor a name (a page
 * highlights a name for one entry only). The entry form refuses both; a pack file can bring
 * them, and the import keeps them (nothing of a file is dropped), so the preview says so.
 * Pure.
 */
import { everyName } from '../glossary/entry-names';
import type { Entry } from '../glossary/schema';
import { activeEntries, type MergedGlossary } from '../glossary-store/merge';
import type { RuntimeEntry } from '../glossary-store/runtime-entry';
import { searchKey } from './entry-search';

export interface ImportClashes {
  /** Entries the import adds or changes that another pack's entry of the same id hides. */
  hidden: Entry[];
  /** Names of those entries that another active entry also has, with that entry and its pack's id. */
  sharedNames: { name: string; owner: Entry; ownerPack: string }[];
}

/** The clashes of pack `packId`'s entries `ids` in `merged`, the glossary after the import. */
export function importClashes(merged: MergedGlossary, packId: string, ids: ReadonlySet<string>): ImportClashes {
  const { entries, shadowed } = activeEntries(merged);
  const own = merged.packs.find((p) => p.pack.id === packId)?.entries ?? [];
  const hiddenIds = new Set(
    shadowed.flatMap((s) => (s.kind === 'shadowed' && s.packId === packId && ids.has(s.entryId) ? [s.entryId] : [])),
  );
  const hidden = own.filter((e) => hiddenIds.has(e.entry.id)).map((e) => e.entry);
  const owners = new Map<string, RuntimeEntry>();
  for (const entry of entries) {
    if (entry.packId === packId) continue;
    for (const name of everyName(entry)) {
      const key = searchKey(name);
      if (!owners.has(key)) owners.set(key, entry);
    }
  }
  const sharedNames: ImportClashes['sharedNames'] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.packId !== packId || !ids.has(entry.id)) continue;
    for (const name of everyName(entry)) {
      const key = searchKey(name);
      const owner = owners.get(key);
      if (owner && !seen.has(key)) sharedNames.push({ name, owner, ownerPack: owner.packId });
      seen.add(key);
    }
  }
  return { hidden, sharedNames };
}
