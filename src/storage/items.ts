/**
 * Every storage item of the extension, declared once. Values are typed `unknown` on
 * purpose: whatever comes out of storage is validated by its reader (`read-user-layer.ts`,
 * `quarantine.ts`, `glossary-store/compiled-cache.ts`) before use.
 *
 * Settings are small and live in `sync:` (`src/settings/settings.ts`); glossary data stays
 * in `local:` because sync quotas (8 kB per item) are far too small for it.
 *
 * Content scripts must not import this module (see `keys.ts`).
 */
import { storage } from 'wxt/utils/storage';
import { STORAGE_KEYS } from './keys';
import {
  IMPORTED_PACKS_VERSION,
  QUARANTINE_VERSION,
  USER_GLOSSARY_MIGRATIONS,
  USER_GLOSSARY_VERSION,
} from './migrations';

export { settingsItem } from '../settings/settings';

/**
 * Declares the reader's layer item. A function so that tests can declare it at a future
 * version with an extra migration step and check how stored data goes through it.
 */
export function defineUserGlossaryItem(version = USER_GLOSSARY_VERSION, migrations = USER_GLOSSARY_MIGRATIONS) {
  return storage.defineItem<unknown>(STORAGE_KEYS.userGlossary, { version, migrations });
}

/** The reader's changes over the packs; null until the reader changes something. */
export const userGlossaryItem = defineUserGlossaryItem();

/** The packs the reader imported; null until the first import (or where an earlier version kept them in the layer). */
export const importedPacksItem = storage.defineItem<unknown>(STORAGE_KEYS.importedPacks, {
  version: IMPORTED_PACKS_VERSION,
});

/** Unreadable data kept for export: a list that is only ever appended to. */
export const quarantineItem = storage.defineItem<unknown>(STORAGE_KEYS.quarantine, {
  version: QUARANTINE_VERSION,
});

/**
 * The compiled glossary's page item (its details shards are written beside it, under
 * `detailShardKey(i)`). Derived data: it carries its own `formatVersion` and is rebuilt,
 * never migrated, when the format or any input changes.
 */
export const compiledGlossaryItem = storage.defineItem<unknown>(STORAGE_KEYS.compiledGlossary);
