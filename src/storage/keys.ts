/**
 * Storage keys, in a module without side effects so that the content script can name the
 * compiled cache without importing `items.ts` (whose `defineItem` calls each read storage
 * once when the module loads — a multi-megabyte read per frame if the content script did it).
 */
export const STORAGE_KEYS = {
  /** The reader's changes over the bundled packs (see `user-layer-schema.ts`). */
  userGlossary: 'local:userGlossary',
  /** Unreadable data found in storage, kept for export, never overwritten. */
  quarantine: 'local:quarantine',
  /** The merged glossary plus its serialized matcher, rebuilt whenever its inputs change. */
  compiledGlossary: 'local:compiledGlossary',
} as const;
