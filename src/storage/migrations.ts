/**
 * Migrations of stored data, one table per versioned item. WXT runs them when the item is
 * defined: a value stored at version n goes through migrations n+1 … current, in order, and
 * its version is recorded in the item's metadata (`<key>$`). Values written before any
 * metadata existed count as version 1.
 *
 * To change a stored shape: bump the item's `version` in `items.ts` and add the step here,
 * e.g. `2: (v1) => ({ ...v1, overlays: v1.overlays.map(addPinnedFlag) })`. A step that
 * throws leaves the old value in place; the reader of the item then finds it invalid and
 * quarantines it (`read-user-layer.ts`), so a failed migration never loses data.
 */
export type Migrations = Record<number, (value: unknown) => unknown>;

/** Current version of `local:userGlossary`. */
export const USER_GLOSSARY_VERSION = 1;

/** Steps to reach USER_GLOSSARY_VERSION; none yet, the first release writes version 1. */
export const USER_GLOSSARY_MIGRATIONS: Migrations = {};

/** Current version of `local:importedPacks` (a list of packs, each with its own `schemaVersion`). */
export const IMPORTED_PACKS_VERSION = 1;

/** Current version of `local:quarantine`. */
export const QUARANTINE_VERSION = 1;
