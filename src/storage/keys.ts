/**
 * Storage keys, in a module without side effects so that the content script can name the
 * compiled cache without importing `items.ts` (whose `defineItem` calls each read storage
 * once when the module loads — a multi-megabyte read per frame if the content script did it).
 */
export const STORAGE_KEYS = {
  /** The reader's changes over the packs (see `user-layer-schema.ts`). */
  userGlossary: 'local:userGlossary',
  /**
   * The packs the reader imported, apart from the changes: a save then leaves a large pack
   * where it is (`read-user-layer.ts`).
   */
  importedPacks: 'local:importedPacks',
  /** Unreadable data found in storage, kept for export, never overwritten. */
  quarantine: 'local:quarantine',
  /**
   * What every page and the popup load: a lean index of the merged glossary,
   * rebuilt whenever its inputs change (`glossary-store/compiled-format.ts`).
   */
  compiledGlossary: 'local:compiledGlossary',
  /** The serialized matcher of that glossary: pages read it, the popup does not. */
  compiledMatcher: 'local:compiledMatcher',
} as const;

/**
 * Key of one shard of the entries' details (notes, aliases, links…), which a page reads only
 * when its tooltip first shows an entry of that shard.
 */
export function detailShardKey(index: number): `local:glossaryDetails-${number}` {
  return `local:glossaryDetails-${index}`;
}
