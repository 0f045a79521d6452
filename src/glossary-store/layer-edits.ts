/**
 * The reader's operations, as pure functions from one user layer to the next. The editor
 * applies one, writes the result, and keeps the previous layer for undo.
 */
import type { Entry, Pack } from '../glossary/schema';
import type { PackOverlay, UserLayer } from '../storage/user-layer-schema';
import { applyPatch, diffEntry } from './entry-patch';
import { overlayFor } from './merge';

function isEmpty(o: PackOverlay): boolean {
  return o.enabled && o.added.length === 0 && o.edits.length === 0 && o.removed.length === 0;
}

/** The layer with one pack's overlay replaced; overlays that change nothing are not stored. */
export function withOverlay(layer: UserLayer, packId: string, change: (o: PackOverlay) => PackOverlay): UserLayer {
  const next = change(overlayFor(layer, packId));
  const others = layer.overlays.filter((o) => o.packId !== packId);
  return { ...layer, overlays: isEmpty(next) ? others : [...others, next] };
}

/**
 * Saves an entry of `pack`: a pack entry is stored as the fields that differ from the
 * pack's version; a new entry is stored whole. `previousId` is the id before a rename
 * (only entries the reader added can be renamed).
 */
export function saveEntry(layer: UserLayer, pack: Pack, entry: Entry, previousId = entry.id): UserLayer {
  const base = pack.entries.find((e) => e.id === entry.id);
  return withOverlay(layer, pack.id, (o) => {
    entry = withHiddenLinks(entry, stored(pack, o, previousId), o.removed);
    const added = o.added.filter((e) => e.id !== entry.id && e.id !== previousId);
    const edits = o.edits.filter((e) => e.id !== entry.id);
    const removed = o.removed.filter((id) => id !== entry.id);
    if (!base) {
      const at = o.added.findIndex((e) => e.id === previousId);
      added.splice(at < 0 ? added.length : at, 0, entry);
      return { ...o, added, edits, removed };
    }
    const patch = diffEntry(base, entry);
    if (Object.keys(patch).length > 0) edits.push({ id: entry.id, patch });
    return { ...o, added, edits, removed };
  });
}

/** The entry `id` as the overlay stores it: added, or the pack's with its edit applied. */
function stored(pack: Pack, o: PackOverlay, id: string): Partial<Entry> | undefined {
  const added = o.added.find((e) => e.id === id);
  if (added) return added;
  const base = pack.entries.find((e) => e.id === id);
  const patch = o.edits.find((e) => e.id === id)?.patch;
  return base && patch ? (applyPatch(base, patch) as Partial<Entry>) : base;
}

/**
 * `entry` with the links to deleted entries it had before put back in their places. The
 * editor never shows such a link (merge.ts hides it, so the pack stays valid), so the reader
 * cannot have meant to drop it: saving an entry unchanged must store nothing, and restoring
 * the deleted entry brings its links back.
 */
function withHiddenLinks(entry: Entry, before: Partial<Entry> | undefined, removed: readonly string[]): Entry {
  const previous = Array.isArray(before?.related) ? (before.related as string[]) : [];
  const shown = entry.related ?? [];
  const hidden = new Set(previous.filter((id) => removed.includes(id) && !shown.includes(id)));
  if (hidden.size === 0) return entry;
  const kept = new Set(shown);
  // In the order they had, then the links the reader added.
  const related = [
    ...previous.filter((id) => hidden.has(id) || kept.has(id)),
    ...shown.filter((id) => !previous.includes(id)),
  ];
  return { ...entry, related };
}

/** Deletes an entry: an added one is dropped, a pack entry is marked removed (its edit is kept for restore). */
export function deleteEntry(layer: UserLayer, pack: Pack, id: string): UserLayer {
  const inPack = pack.entries.some((e) => e.id === id);
  return withOverlay(layer, pack.id, (o) => ({
    ...o,
    added: o.added.filter((e) => e.id !== id),
    removed: inPack && !o.removed.includes(id) ? [...o.removed, id] : o.removed,
  }));
}

/** Restores a pack entry to the pack's own version (undoing edits and deletion). */
export function resetEntry(layer: UserLayer, pack: Pack, id: string): UserLayer {
  if (!pack.entries.some((e) => e.id === id)) return layer;
  return withOverlay(layer, pack.id, (o) => ({
    ...o,
    added: o.added.filter((e) => e.id !== id),
    edits: o.edits.filter((e) => e.id !== id),
    removed: o.removed.filter((r) => r !== id),
  }));
}

/** Switches a pack's highlights on or off. */
export function setPackEnabled(layer: UserLayer, packId: string, enabled: boolean): UserLayer {
  return withOverlay(layer, packId, (o) => ({ ...o, enabled }));
}

/**
 * The overlay that makes `pack` read exactly `entries` (a replace import). What the reader
 * stored for entries the pack no longer shows is kept, as `deleteEntry` keeps it: their
 * edits come back with a restore, and an edit of an entry the pack has lost stays listed.
 */
export function setPackEntries(layer: UserLayer, pack: Pack, entries: readonly Entry[]): UserLayer {
  const baseById = new Map(pack.entries.map((e) => [e.id, e]));
  const wanted = new Set(entries.map((e) => e.id));
  const added: Entry[] = [];
  const edits: PackOverlay['edits'] = [];
  for (const entry of entries) {
    const base = baseById.get(entry.id);
    if (!base) {
      added.push(entry);
      continue;
    }
    const patch = diffEntry(base, entry);
    if (Object.keys(patch).length > 0) edits.push({ id: entry.id, patch });
  }
  const removed = pack.entries.filter((e) => !wanted.has(e.id)).map((e) => e.id);
  return withOverlay(layer, pack.id, (o) => ({
    ...o,
    added,
    edits: [...o.edits.filter((e) => !wanted.has(e.id)), ...edits],
    removed,
  }));
}

/**
 * The overlay after a merge import: each of `entries` is saved as `saveEntry` would save it
 * (a deleted one comes back), and everything stored for other entries is left as it was,
 * including edits the pack no longer takes, which the editor lists until the reader acts.
 */
export function mergePackEntries(layer: UserLayer, pack: Pack, entries: readonly Entry[]): UserLayer {
  const baseById = new Map(pack.entries.map((e) => [e.id, e]));
  const incoming = new Map(entries.map((e) => [e.id, e]));
  return withOverlay(layer, pack.id, (o) => {
    // An added entry keeps its place when the file updates it; one the pack now has becomes an edit.
    const added = o.added
      .filter((e) => !(incoming.has(e.id) && baseById.has(e.id)))
      .map((e) => incoming.get(e.id) ?? e);
    const addedIds = new Set(added.map((e) => e.id));
    const edits = o.edits.filter((e) => !incoming.has(e.id));
    for (const entry of entries) {
      const base = baseById.get(entry.id);
      if (!base) {
        if (!addedIds.has(entry.id)) added.push(entry);
        continue;
      }
      const patch = diffEntry(base, entry);
      if (Object.keys(patch).length > 0) edits.push({ id: entry.id, patch });
    }
    return { ...o, added, edits, removed: o.removed.filter((id) => !incoming.has(id)) };
  });
}

/** Removes an imported pack and the reader's changes to it. */
export function removeUserPack(layer: UserLayer, packId: string): UserLayer {
  return {
    overlays: layer.overlays.filter((o) => o.packId !== packId),
    userPacks: layer.userPacks.filter((p) => p.id !== packId),
  };
}
