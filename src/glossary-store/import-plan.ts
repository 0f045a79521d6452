/**
 * What importing a pack file would do, computed before anything is written, so the editor
 * can show the reader a preview and store the result only on confirmation.
 *
 * - A pack with a new id is added as an imported pack.
 * - A pack with the id of an installed pack (bundled or imported) updates that pack:
 *   `merge` adds the file's new entries and replaces those with the same id, leaving the
 *   rest alone; `replace` makes the pack read exactly as the file (entries the file lacks
 *   are removed — for a bundled pack they stay restorable).
 * Pack metadata (title, source) of a bundled pack is never replaced by an import.
 */
import { LIMITS, type Entry, type Pack } from '../glossary/schema';
import type { UserLayer } from '../storage/user-layer-schema';
import { sameValue } from './entry-patch';
import { setPackEnabled, setPackEntries } from './layer-edits';
import { mergeGlossary, sourcePacks, type MergedGlossary } from './merge';

export type ImportMode = 'merge' | 'replace';

export interface ImportPreview {
  packId: string;
  /** The pack's title and its titles per language (`packTitle` picks the reader's). */
  pack: Pick<Pack, 'title' | 'titles'>;
  /** Whether the file's pack is new, or updates a bundled or previously imported pack. */
  target: 'new' | 'bundled' | 'imported';
  added: Entry[];
  changed: { before: Entry; after: Entry }[];
  unchanged: Entry[];
  removed: Entry[];
}

export type ImportPlan =
  { ok: true; preview: ImportPreview; layer: UserLayer } | { ok: false; reason: 'too-many-entries'; count: number };

function entriesOf(merged: MergedGlossary, packId: string): Entry[] {
  return merged.packs.find((p) => p.pack.id === packId)?.entries.map((e) => e.entry) ?? [];
}

/** Entries of `next` compared with `before`, by id. */
export function diffEntries(
  before: readonly Entry[],
  next: readonly Entry[],
): Omit<ImportPreview, 'packId' | 'pack' | 'target'> {
  const old = new Map(before.map((e) => [e.id, e]));
  const nextIds = new Set(next.map((e) => e.id));
  const preview: Omit<ImportPreview, 'packId' | 'pack' | 'target'> = {
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
  };
  for (const entry of next) {
    const prior = old.get(entry.id);
    if (!prior) preview.added.push(entry);
    else if (sameValue(prior, entry)) preview.unchanged.push(entry);
    else preview.changed.push({ before: prior, after: entry });
  }
  preview.removed = before.filter((e) => !nextIds.has(e.id));
  return preview;
}

/** The layer after importing `incoming`, and a preview of the change. Nothing is written. */
export function planImport(bundled: readonly Pack[], layer: UserLayer, incoming: Pack, mode: ImportMode): ImportPlan {
  const sources = sourcePacks(bundled, layer);
  const before = mergeGlossary(sources, layer);
  const existing = sources.find((s) => s.pack.id === incoming.id);
  let next: UserLayer;
  if (!existing) {
    next = { ...layer, userPacks: [...layer.userPacks, incoming] };
  } else if (existing.origin === 'imported' && mode === 'replace') {
    // The file becomes the pack itself; the reader's old changes to it no longer apply.
    next = {
      overlays: layer.overlays.filter((o) => o.packId !== incoming.id),
      userPacks: layer.userPacks.map((p) => (p.id === incoming.id ? incoming : p)),
    };
  } else {
    const current = entriesOf(before, incoming.id);
    let wanted: Entry[] = incoming.entries;
    if (mode === 'merge') {
      const fromFile = new Map(incoming.entries.map((e) => [e.id, e]));
      const kept = current.map((e) => fromFile.get(e.id) ?? e);
      const currentIds = new Set(current.map((e) => e.id));
      wanted = [...kept, ...incoming.entries.filter((e) => !currentIds.has(e.id))];
    }
    if (wanted.length > LIMITS.entries) return { ok: false, reason: 'too-many-entries', count: wanted.length };
    next = setPackEntries(layer, existing.pack, wanted);
  }
  // Importing a pack is a request to use it.
  next = setPackEnabled(next, incoming.id, true);
  const after = mergeGlossary(sourcePacks(bundled, next), next);
  const diff = diffEntries(entriesOf(before, incoming.id), entriesOf(after, incoming.id));
  return {
    ok: true,
    layer: next,
    preview: {
      packId: incoming.id,
      pack: existing?.pack ?? incoming,
      target: existing?.origin ?? 'new',
      ...diff,
    },
  };
}
