/**
 * What importing a pack file would do, computed before anything is written, so the editor
 * can show the reader a preview and store the result only on confirmation.
 *
 * - A pack with a new id is added as an imported pack.
 * - A pack with the id of an installed pack (bundled or imported) updates that pack:
 *   `merge` adds the file's new entries and replaces those with the same id, leaving the
 *   rest alone (and what the reader stored for them, problems included; an imported pack
 *   also gains the file's new sections); `replace` makes the pack read exactly as the file (entries the file lacks
 *   are removed — for a bundled pack they stay restorable).
 * Pack metadata (title, source) of a bundled pack is never replaced by an import.
 */
import { LIMITS, type Entry, type Pack } from '../glossary/schema';
import type { UserLayer } from '../storage/user-layer-schema';
import { sameValue } from './entry-patch';
import { mergePackEntries, setPackEnabled, setPackEntries } from './layer-edits';
import { mergeGlossary, sourcePacks, type MergedGlossary } from './merge';

export type ImportMode = 'merge' | 'replace';

export interface ImportPreview {
  packId: string;
  /** The pack's title and its titles per language (`packTitle` picks the reader's). */
  pack: Pick<Pack, 'title' | 'titles'>;
  /** Whether the file's pack is new, or updates a bundled or previously imported pack. */
  target: 'new' | 'bundled' | 'imported';
  added: Entry[];
  /** Entries the reader deleted from the pack that the file brings back (not in `added`). */
  restored: Entry[];
  changed: { before: Entry; after: Entry }[];
  unchanged: Entry[];
  removed: Entry[];
}

export type ImportPlan =
  /** `merged`: the glossary as `layer` makes it, after the import. */
  | { ok: true; preview: ImportPreview; layer: UserLayer; merged: MergedGlossary }
  | { ok: false; reason: 'too-many-entries'; count: number };

function entriesOf(merged: MergedGlossary, packId: string): Entry[] {
  return merged.packs.find((p) => p.pack.id === packId)?.entries.map((e) => e.entry) ?? [];
}

/** Entries of `next` compared with `before`, by id. */
export function diffEntries(
  before: readonly Entry[],
  next: readonly Entry[],
): Omit<ImportPreview, 'packId' | 'pack' | 'target' | 'restored'> {
  const old = new Map(before.map((e) => [e.id, e]));
  const nextIds = new Set(next.map((e) => e.id));
  const preview: Omit<ImportPreview, 'packId' | 'pack' | 'target' | 'restored'> = {
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

/**
 * A merge into a pack imported earlier also takes the file's new sections (and their titles in
 * the reader languages), so that entries from them keep their section, on export too. A
 * bundled pack's metadata stays as bundled.
 */
function withNewSections(layer: UserLayer, incoming: Pack, origin: 'bundled' | 'imported'): UserLayer {
  if (origin !== 'imported') return layer;
  const userPacks = layer.userPacks.map((pack) => {
    if (pack.id !== incoming.id) return pack;
    const known = new Set(pack.source.sections);
    const sections = [...pack.source.sections, ...incoming.source.sections.filter((s) => !known.has(s))];
    const names = { ...incoming.source.sectionNames, ...pack.source.sectionNames };
    const source = { ...pack.source, sections, ...(Object.keys(names).length > 0 ? { sectionNames: names } : {}) };
    return sections.length === pack.source.sections.length ? pack : { ...pack, source };
  });
  return { ...layer, userPacks };
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
    const currentIds = new Set(entriesOf(before, incoming.id).map((e) => e.id));
    const count =
      mode === 'merge'
        ? currentIds.size + incoming.entries.filter((e) => !currentIds.has(e.id)).length
        : incoming.entries.length;
    if (count > LIMITS.entries) return { ok: false, reason: 'too-many-entries', count };
    next =
      mode === 'merge'
        ? withNewSections(mergePackEntries(layer, existing.pack, incoming.entries), incoming, existing.origin)
        : setPackEntries(layer, existing.pack, incoming.entries);
  }
  // Importing a pack is a request to use it.
  next = setPackEnabled(next, incoming.id, true);
  const after = mergeGlossary(sourcePacks(bundled, next), next);
  const diff = diffEntries(entriesOf(before, incoming.id), entriesOf(after, incoming.id));
  // An entry the reader deleted comes back with a file that has it: the preview says so apart
  // from the new ones, so that a deletion is not undone unnoticed.
  const deleted = new Set(before.packs.find((p) => p.pack.id === incoming.id)?.removed.map((e) => e.id));
  return {
    ok: true,
    layer: next,
    merged: after,
    preview: {
      packId: incoming.id,
      pack: existing?.pack ?? incoming,
      target: existing?.origin ?? 'new',
      ...diff,
      added: diff.added.filter((e) => !deleted.has(e.id)),
      restored: diff.added.filter((e) => deleted.has(e.id)),
    },
  };
}
