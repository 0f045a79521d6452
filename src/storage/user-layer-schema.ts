/**
 * The reader's layer over the packs (format version 1): its overlays stored in
 * `local:userGlossary`, its imported packs in `local:importedPacks` (`read-user-layer.ts`).
 *
 * Bundled packs are read-only; everything the reader changes is recorded here, per pack, so
 * a new version of a bundled pack keeps every user edit and any entry can be reset to its
 * bundled form. Lists rather than records keyed by id: ids then never become object keys,
 * so a hostile `__proto__` id cannot reach a prototype.
 */
import { z } from 'zod';
import { entrySchema, packSchema, slugSchema, type Entry, type Pack } from '../glossary/schema';

/** Fields of an entry the reader changed; `null` means "the reader removed this field". */
export const entryPatchSchema = z
  .record(z.string(), z.unknown())
  .refine((patch) => !Object.hasOwn(patch, 'id'), 'a patch cannot change the id');
export type EntryPatch = Record<string, unknown>;

export const entryEditSchema = z.strictObject({ id: slugSchema, patch: entryPatchSchema });
export type EntryEdit = { id: string; patch: EntryPatch };

/** The reader's changes to one pack (bundled or imported). */
// Strict: an unknown field means data from another version, which must be kept, not stripped.
export const packOverlaySchema = z.strictObject({
  packId: slugSchema,
  /** Whether the pack's entries are highlighted at all. */
  enabled: z.boolean().default(true),
  /** Entries the reader created, in creation order. */
  added: z.array(entrySchema).default([]),
  /** Partial overrides of the pack's own entries. */
  edits: z.array(entryEditSchema).default([]),
  /** Ids of the pack's own entries the reader deleted. */
  removed: z.array(slugSchema).default([]),
});
export interface PackOverlay {
  packId: string;
  enabled: boolean;
  added: Entry[];
  edits: EntryEdit[];
  removed: string[];
}

export const userLayerSchema = z.strictObject({
  overlays: z.array(packOverlaySchema).default([]),
  /**
   * Packs the reader imported, in import order. They rank after the bundled packs. Stored
   * under a key of their own; in `local:userGlossary` only where an earlier version put them.
   */
  userPacks: z.array(packSchema).default([]),
});
export interface UserLayer {
  overlays: PackOverlay[];
  userPacks: Pack[];
}

/** The layer of a reader who changed nothing. */
export function emptyUserLayer(): UserLayer {
  return { overlays: [], userPacks: [] };
}
